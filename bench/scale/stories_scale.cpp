// Near-duplicate clustering at scale: N synthetic posts of ~150 words (20%
// near-duplicate variants), clustered end to end on all cores; prints the
// time of each phase and the process's peak memory.
//   digest_stories_scale 1000000 [threads]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "../stories_corpus.hpp"
#include "digest/stories.hpp"

int main(int argc, char** argv) {
  using clock = std::chrono::steady_clock;
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  digest::DuplicateOptions options;
  options.threads = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 0;
  const auto t0 = clock::now();
  const std::vector<std::string> texts = digest::bench::StoriesCorpus::make(n);
  std::size_t bytes = 0;
  std::vector<digest::DuplicateInput> in;
  in.reserve(n);
  for (const auto& t : texts) {
    bytes += t.size();
    in.push_back({t, std::nullopt, {}});
  }
  const auto t1 = clock::now();
  auto r = digest::find_near_duplicates(in, options);
  const auto t2 = clock::now();
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.error().to_string().c_str());
    return 1;
  }
  std::size_t multi = 0;
  for (const auto& c : r->clusters) multi += c.members.size() > 1;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const double gen = std::chrono::duration<double>(t1 - t0).count();
  const double run = std::chrono::duration<double>(t2 - t1).count();
  std::printf(
      "posts %zu  text %.0f MB  generate %.1f s  cluster %.2f s  (%.0f posts/s, %.1f MB/s)  "
      "clusters %zu (%zu with 2+ posts)  candidates %zu  verified %zu  bands %zu x rows %zu  "
      "peak RSS %.0f MB\n",
      n, bytes / 1e6, gen, run, n / run, bytes / 1e6 / run, r->clusters.size(), multi,
      r->stats.candidate_pairs, r->stats.verified_pairs, r->stats.lsh.bands, r->stats.lsh.rows,
      ru.ru_maxrss / 1024.0);
  return 0;
}
