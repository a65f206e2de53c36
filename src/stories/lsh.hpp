// Internal: banded LSH over a signature matrix.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "digest/stories.hpp"

namespace digest::stories_detail {

// The key of band `band` of a signature row (rows values hashed together).
std::uint64_t band_key(std::span<const std::uint32_t> row, const LshParams& p, std::size_t band);

// Pairs (a < b) of rows that share at least one band key, sorted and
// distinct. Rows with usable[i] false take no part. In a bucket of more than
// kAllPairsBucket rows, each row is paired with the bucket's first row and
// its kBucketNeighbours predecessors only, which keeps a bucket of k
// identical texts at O(k) pairs and still connects it.
inline constexpr std::size_t kAllPairsBucket = 8;
inline constexpr std::size_t kBucketNeighbours = 4;
std::vector<std::uint64_t> candidate_pairs(const SignatureMatrix& sigs, const LshParams& p,
                                           const std::vector<bool>& usable, std::size_t threads);

inline std::uint64_t pack_pair(std::uint32_t a, std::uint32_t b) {
  return (std::uint64_t(a) << 32) | b;
}
inline std::pair<std::uint32_t, std::uint32_t> unpack_pair(std::uint64_t v) {
  return {static_cast<std::uint32_t>(v >> 32), static_cast<std::uint32_t>(v)};
}

// invalid_argument unless 0 < threshold <= 1 and 1 <= permutations <= 1024.
Status check_threshold(double threshold, std::size_t permutations);
// The given LSH parameters checked against `permutations`, or the default.
Result<LshParams> resolve_lsh(const std::optional<LshParams>& lsh, double threshold,
                              std::size_t permutations);

}  // namespace digest::stories_detail
