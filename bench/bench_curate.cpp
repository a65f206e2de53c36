// The curation pipeline (curate.hpp) over the example collection repeated
// to 20,000 posts: each step alone and all three, in posts per second. The
// attribution step re-parses every excerpt's opening line; the registry step
// resolves every written outlet; the entity step tags title, excerpt and body.
#include <benchmark/benchmark.h>

#include <string>

#include "digest/curate.hpp"
#include "digest/json.hpp"

namespace {

using namespace digest;

constexpr std::size_t kCopies = 500;  // 40 example posts each

const Collection& corpus() {
  static const Collection c = [] {
    Collection one;
    (void)import_file(one, DIGEST_EXAMPLES_DATA "/collection.json");
    Collection many;
    for (std::size_t k = 0; k < kCopies; ++k) {
      for (const Post& p : one.posts()) {
        Post q = p;
        q.id += "-" + std::to_string(k);
        q.authors.clear();  // so attribution has something to fill
        q.source.clear();
        (void)many.add_post(std::move(q));
      }
    }
    return many;
  }();
  return c;
}

const SourceRegistry& registry() {
  static const SourceRegistry r =
      std::move(load_source_registry(DIGEST_EXAMPLES_DATA "/sources.json")).value();
  return r;
}

const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    Gazetteer g = std::move(load_gazetteer(DIGEST_EXAMPLES_DATA "/entities.json")).value();
    g.compile();
    return g;
  }();
  return g;
}

void run(benchmark::State& state, bool attribution, bool sources, bool entities) {
  CurateOptions o;
  o.fill_from_attribution = attribution;
  o.sources = sources ? &registry() : nullptr;
  o.entities = entities ? &gazetteer() : nullptr;
  for (auto _ : state) {
    state.PauseTiming();
    Collection c = corpus();
    state.ResumeTiming();
    auto r = curate(c, o);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * corpus().size()));
}

void BM_CurateAttribution(benchmark::State& s) { run(s, true, false, false); }
void BM_CurateRegistry(benchmark::State& s) { run(s, false, true, false); }
void BM_CurateEntities(benchmark::State& s) { run(s, false, false, true); }
void BM_CurateAll(benchmark::State& s) { run(s, true, true, true); }

BENCHMARK(BM_CurateAttribution)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CurateRegistry)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CurateEntities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CurateAll)->Unit(benchmark::kMillisecond);

}  // namespace
