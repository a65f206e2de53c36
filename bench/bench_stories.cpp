// Stories: MinHash signatures (MB/s of text, one thread) and near-duplicate
// clustering end to end over synthetic posts of ~150 words, 20% of them
// variants with 5% of words replaced. For 1M posts, time and peak memory:
// bench/scale/stories_scale.cpp.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <span>

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

// The staged steps (what digestcore.dask runs per partition) in one process,
// one thread, over 8 parts, gathered as an engine would: their cost beside
// BM_NearDuplicates is what staging adds before any data moves.
void BM_NearDuplicatesStaged(benchmark::State& state) {
  const auto& t = texts(static_cast<std::size_t>(state.range(0)));
  const std::size_t n = t.size(), parts = 8;
  std::vector<DuplicateInput> in;
  std::vector<std::string_view> views(t.begin(), t.end());
  for (const auto& s : t) in.push_back({s, std::nullopt, {}});
  DuplicateOptions o;
  o.threads = 1;
  const LshParams lsh = lsh_params(jaccard_from_similarity(o.threshold), o.minhash.permutations);
  std::size_t clusters = 0;
  for (auto _ : state) {
    std::vector<EdgeSentences> edges;
    for (std::size_t p = 0; p < parts; ++p) {
      auto e = edge_sentences(std::span(views).subspan(n * p / parts, n * (p + 1) / parts - n * p / parts), o);
      edges.insert(edges.end(), e.begin(), e.end());
    }
    const Boilerplate boiler = find_boilerplate(in, edges, o.boilerplate_min_texts);
    std::vector<std::vector<std::uint32_t>> shingles;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> keyed;  // (band key, text)
    for (std::size_t p = 0; p < parts; ++p) {
      const std::size_t b = n * p / parts, e = n * (p + 1) / parts;
      TextSketches sk = sketch_texts(std::span(in).subspan(b, e - b), o, &boiler);
      const auto keys = band_keys(sk.signatures, lsh);
      for (std::size_t i = 0; i < e - b; ++i) {
        if (!sk.shingles[i].empty())
          for (std::size_t k = 0; k < lsh.bands; ++k) keyed.emplace_back(keys[i * lsh.bands + k], b + i);
        shingles.push_back(std::move(sk.shingles[i]));
      }
    }
    std::vector<std::pair<std::uint64_t, std::uint64_t>> joined;
    for (const auto& [a, b] : keyed_candidate_pairs(std::move(keyed)))
      if (pair_joins(similarity(shingles[a], shingles[b]), o.threshold)) joined.emplace_back(a, b);
    const auto roots = component_roots(joined);
    clusters = n;
    for (const auto& [node, root] : roots) clusters -= node != root;
    benchmark::DoNotOptimize(roots);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_of(t)));
  state.counters["clusters"] = static_cast<double>(clusters);
}
BENCHMARK(BM_NearDuplicatesStaged)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
