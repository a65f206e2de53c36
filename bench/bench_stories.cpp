// Stories: MinHash signatures (MB/s of text, one thread) and near-duplicate
// clustering end to end over synthetic posts of ~150 words, 20% of them
// variants with 5% of words replaced. For 1M posts, time and peak memory:
// bench/scale/stories_scale.cpp.
#include <benchmark/benchmark.h>

#include "digest/normalize.hpp"
#include "digest/stories.hpp"
#include "stories_corpus.hpp"

namespace {

using namespace digest;

const std::vector<std::string>& texts(std::size_t n) {
  static std::vector<std::string> all = bench::StoriesCorpus::make(100000);
  static std::vector<std::string> view;
  view.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(n, all.size())));
  return view;
}

std::size_t bytes_of(const std::vector<std::string>& t) {
  std::size_t b = 0;
  for (const auto& s : t) b += s.size();
  return b;
}

// Search key, shingles and signature of each text, one thread.
void BM_MinHashSignatures(benchmark::State& state) {
  const auto& t = texts(10000);
  std::vector<std::string_view> views(t.begin(), t.end());
  const MinHasher h;
  for (auto _ : state) benchmark::DoNotOptimize(h.signatures(views, 1));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_of(t)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * t.size()));
}
BENCHMARK(BM_MinHashSignatures)->Unit(benchmark::kMillisecond);

// The signature step alone (shingles made beforehand), one thread.
void BM_MinHashFromShingles(benchmark::State& state) {
  const auto& t = texts(10000);
  const MinHasher h;
  std::vector<std::vector<std::uint32_t>> sh;
  std::size_t n_shingles = 0;
  for (const auto& s : t) {
    sh.push_back(h.shingles(*Normalizer::shared().search_key(s)));
    n_shingles += sh.back().size();
  }
  std::vector<std::uint32_t> out(128);
  for (auto _ : state)
    for (const auto& s : sh) {
      h.signature(s, out);
      benchmark::DoNotOptimize(out.data());
    }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_of(t)));
  state.counters["shingles/text"] = static_cast<double>(n_shingles) / static_cast<double>(t.size());
}
BENCHMARK(BM_MinHashFromShingles)->Unit(benchmark::kMillisecond);

// find_near_duplicates end to end, all cores.
void BM_NearDuplicates(benchmark::State& state) {
  const auto& t = texts(static_cast<std::size_t>(state.range(0)));
  std::vector<DuplicateInput> in;
  for (const auto& s : t) in.push_back({s, std::nullopt, {}});
  std::size_t clusters = 0;
  for (auto _ : state) {
    auto r = find_near_duplicates(in);
    clusters = r->clusters.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * t.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_of(t)));
  state.counters["clusters"] = static_cast<double>(clusters);
}
BENCHMARK(BM_NearDuplicates)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
