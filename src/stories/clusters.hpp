// Internal: the steps find_near_duplicates, lsh_clusters and the index share.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "digest/stories.hpp"
#include "stories/lsh.hpp"
#include "stories/parallel.hpp"

namespace digest::stories_detail {

// What a text is compared by: its shingle set, signature and key hash.
struct Sketches {
  std::vector<std::vector<std::uint32_t>> shingles;
  SignatureMatrix signatures;
  std::vector<std::uint64_t> key_hash;  // of the key the shingles came from
};
Sketches sketch_inputs(std::span<const DuplicateInput> inputs, const DuplicateOptions& options,
                       std::size_t& boilerplate_found);

// The text of a post that stories compare: title, excerpt and body.
std::string post_text(const Post& post);

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // False when a and b were already together.
  bool unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (a > b) std::swap(a, b);
    parent_[b] = a;  // the smaller index is the root: deterministic
    return true;
  }

 private:
  std::vector<std::uint32_t> parent_;
};

// judge(a, b) for every candidate pair, over threads; the pairs at or above
// the threshold, in the candidates' (sorted) order.
template <class Judge>
std::vector<JoinedPair> verify_pairs(const std::vector<std::uint64_t>& pairs, double threshold,
                                     std::size_t threads, Judge judge) {
  constexpr std::size_t kChunk = 4096;
  const std::size_t chunks = (pairs.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<JoinedPair>> found(chunks);
  parallel_chunks(chunks, thread_count(threads, pairs.size(), 20000), 1,
                  [&](std::size_t c0, std::size_t c1) {
    for (std::size_t c = c0; c < c1; ++c) {
      const std::size_t e = std::min(pairs.size(), (c + 1) * kChunk);
      for (std::size_t k = c * kChunk; k < e; ++k) {
        const auto [a, b] = unpack_pair(pairs[k]);
        JoinedPair p = judge(a, b);
        if (pair_joins(p.verified, threshold)) found[c].push_back(p);
      }
    }
  });
  std::vector<JoinedPair> out;
  for (auto& f : found) out.insert(out.end(), f.begin(), f.end());
  return out;
}

// Union–find over the verified pairs (in order; a pair that joins two
// clusters is kept as the explanation) into result.clusters and cluster_of.
// first(a, b): whether a should represent its cluster rather than b.
template <class First>
void build_clusters(DuplicateResult& result, std::size_t n, const std::vector<JoinedPair>& verified,
                    First first) {
  UnionFind uf(n);
  std::vector<JoinedPair> joins;
  for (const JoinedPair& p : verified)
    if (uf.unite(static_cast<std::uint32_t>(p.a), static_cast<std::uint32_t>(p.b))) joins.push_back(p);
  result.cluster_of.assign(n, 0);
  std::vector<std::uint32_t> index_of_root(n, UINT32_MAX);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t r = uf.find(static_cast<std::uint32_t>(i));
    if (index_of_root[r] == UINT32_MAX) {  // roots are the smallest members: clusters in order
      index_of_root[r] = static_cast<std::uint32_t>(result.clusters.size());
      result.clusters.emplace_back();
      result.clusters.back().representative = i;
    }
    Cluster& c = result.clusters[index_of_root[r]];
    c.members.push_back(i);
    if (first(i, c.representative)) c.representative = i;
    result.cluster_of[i] = index_of_root[r];
  }
  for (const JoinedPair& p : joins) result.clusters[result.cluster_of[p.a]].pairs.push_back(p);
}

}  // namespace digest::stories_detail
