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

// The candidate pairs of a bucket of k members sorted by text number, as
// positions: emit(x, y) with x < y. Shared by candidate_pairs and the staged
// bucket_pairs, so that both give the same pairs.
template <class Emit>
void bucket_positions(std::size_t k, Emit&& emit) {
  if (k <= kAllPairsBucket) {
    for (std::size_t x = 0; x < k; ++x)
      for (std::size_t y = x + 1; y < k; ++y) emit(x, y);
    return;
  }
  for (std::size_t y = 1; y < k; ++y) {
    emit(std::size_t{0}, y);
    for (std::size_t x = y > kBucketNeighbours + 1 ? y - kBucketNeighbours : 1; x < y; ++x) emit(x, y);
  }
}

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
