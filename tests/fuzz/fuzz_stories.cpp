// libFuzzer target for the stories floor: arbitrary bytes as a saved
// near-duplicate index and as texts to cluster. An accepted index saves to
// the same bytes; a rejected one gives a parse_error with a byte offset.
// Texts (the input split at NUL bytes) always give a partition: every text
// in exactly one cluster, each cluster's pairs a spanning tree at or above
// the threshold.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "digest/stories.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  auto index = digest::NearDuplicateIndex::from_bytes(bytes);
  if (index.ok()) {
    FUZZ_CHECK(index->to_bytes() == bytes);
    (void)index->query(bytes);
  } else {
    FUZZ_CHECK(index.error().code == digest::ErrorCode::parse_error);
    FUZZ_CHECK(index.error().offset.has_value());
    fuzz::check_error(index.error(), size);
  }

  std::vector<digest::DuplicateInput> inputs;
  for (std::size_t at = 0; at <= bytes.size() && inputs.size() < 64;) {
    const std::size_t end = std::min(bytes.find('\0', at), bytes.size());
    inputs.push_back({bytes.substr(at, end - at), std::nullopt, "s"});
    at = end + 1;
  }
  digest::DuplicateOptions o;
  o.threshold = 0.5;
  o.threads = 1;
  auto r = digest::find_near_duplicates(inputs, o);
  FUZZ_CHECK(r.ok());
  std::vector<int> seen(inputs.size());
  for (std::size_t c = 0; c < r->clusters.size(); ++c) {
    const auto& cl = r->clusters[c];
    FUZZ_CHECK(!cl.members.empty());
    FUZZ_CHECK(cl.pairs.size() + 1 == cl.members.size());
    for (std::size_t m : cl.members) {
      FUZZ_CHECK(m < inputs.size());
      FUZZ_CHECK(++seen[m] == 1);
      FUZZ_CHECK(r->cluster_of[m] == c);
    }
    for (const auto& p : cl.pairs) FUZZ_CHECK(p.verified >= 0.5 - 1e-9 && p.verified <= 1.0);
  }
  for (int s : seen) FUZZ_CHECK(s == 1);
  return 0;
}
