// Banded LSH: the choice of bands and rows, band keys and candidate pairs.
#include "stories/lsh.hpp"

#include "stories/clusters.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <xxhash.h>

#include "stories/parallel.hpp"

namespace digest {
namespace {

// P(two sets of Jaccard s share a band) with b bands of r rows.
double candidate_probability(double s, std::size_t b, std::size_t r) {
  return 1.0 - std::pow(1.0 - std::pow(s, static_cast<double>(r)), static_cast<double>(b));
}

// Integral of f over [lo, hi], Simpson's rule.
template <class F>
double integrate(F f, double lo, double hi) {
  constexpr int kSteps = 200;  // even
  if (hi <= lo) return 0;
  const double h = (hi - lo) / kSteps;
  double sum = f(lo) + f(hi);
  for (int i = 1; i < kSteps; ++i) sum += f(lo + i * h) * (i % 2 ? 4 : 2);
  return sum * h / 3;
}

}  // namespace

LshParams lsh_params(double threshold, std::size_t permutations, double false_negative_weight) {
  threshold = std::clamp(threshold, 1e-6, 1.0);
  permutations = std::max<std::size_t>(1, permutations);
  const double wn = std::clamp(false_negative_weight, 0.0, 1.0);
  LshParams best{1, permutations};
  double best_cost = std::numeric_limits<double>::infinity();
  for (std::size_t b = 1; b <= permutations; ++b) {
    for (std::size_t r = 1; b * r <= permutations; ++r) {
      const double fp = integrate([&](double s) { return candidate_probability(s, b, r); }, 0, threshold);
      const double fn =
          integrate([&](double s) { return 1 - candidate_probability(s, b, r); }, threshold, 1);
      const double cost = (1 - wn) * fp + wn * fn;
      if (cost < best_cost - 1e-12) {
        best_cost = cost;
        best = {b, r};
      }
    }
  }
  return best;
}

namespace stories_detail {

std::uint64_t band_key(std::span<const std::uint32_t> row, const LshParams& p, std::size_t band) {
  return XXH3_64bits_withSeed(row.data() + band * p.rows, p.rows * sizeof(std::uint32_t), band);
}

std::vector<std::uint64_t> candidate_pairs(const SignatureMatrix& sigs, const LshParams& p,
                                           const std::vector<bool>& usable, std::size_t threads) {
  const std::size_t n = sigs.rows();
  std::vector<std::vector<std::uint64_t>> per_band(p.bands);
  parallel_chunks(p.bands, thread_count(threads, p.bands * n, 20000), 1,
                  [&](std::size_t b0, std::size_t b1) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
    for (std::size_t band = b0; band < b1; ++band) {
      keys.clear();
      keys.reserve(n);
      for (std::size_t i = 0; i < n; ++i)
        if (usable[i]) keys.emplace_back(band_key(sigs.row(i), p, band), static_cast<std::uint32_t>(i));
      std::sort(keys.begin(), keys.end());
      std::vector<std::uint64_t>& out = per_band[band];
      for (std::size_t s = 0; s < keys.size();) {
        std::size_t e = s + 1;
        while (e < keys.size() && keys[e].first == keys[s].first) ++e;
        bucket_positions(e - s, [&](std::size_t x, std::size_t y) {
          out.push_back(pack_pair(keys[s + x].second, keys[s + y].second));
        });
        s = e;
      }
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
    }
  });
  std::size_t total = 0;
  for (const auto& v : per_band) total += v.size();
  std::vector<std::uint64_t> all;
  all.reserve(total);
  for (auto& v : per_band) {
    all.insert(all.end(), v.begin(), v.end());
    std::vector<std::uint64_t>().swap(v);
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

Status check_threshold(double threshold, std::size_t permutations) {
  if (!(threshold > 0 && threshold <= 1))
    return Error(ErrorCode::invalid_argument,
                 "threshold must be in (0, 1], got " + std::to_string(threshold));
  if (permutations < 1 || permutations > 1024)
    return Error(ErrorCode::invalid_argument,
                 "permutations must be in 1..1024, got " + std::to_string(permutations));
  return {};
}

Result<LshParams> resolve_lsh(const std::optional<LshParams>& lsh, double threshold,
                              std::size_t permutations) {
  if (!lsh) return lsh_params(threshold, permutations);
  if (lsh->bands < 1 || lsh->rows < 1 || lsh->bands * lsh->rows > permutations)
    return Error(ErrorCode::invalid_argument,
                 "LSH bands (" + std::to_string(lsh->bands) + ") times rows (" +
                     std::to_string(lsh->rows) + ") must be between 1 and the permutations (" +
                     std::to_string(permutations) + ")");
  return *lsh;
}

}  // namespace stories_detail

std::vector<std::uint64_t> band_keys(const SignatureMatrix& signatures, const LshParams& lsh) {
  std::vector<std::uint64_t> keys(signatures.rows() * lsh.bands);
  for (std::size_t i = 0; i < signatures.rows(); ++i)
    for (std::size_t band = 0; band < lsh.bands; ++band)
      keys[i * lsh.bands + band] = stories_detail::band_key(signatures.row(i), lsh, band);
  return keys;
}

bool pair_joins(double similarity, double threshold) { return similarity >= threshold - 1e-12; }

std::vector<std::pair<std::uint64_t, std::uint64_t>> component_roots(
    std::span<const std::pair<std::uint64_t, std::uint64_t>> joined) {
  // The texts named, numbered in ascending order: UnionFind's root (the
  // smaller number) is then the smallest text of each component.
  std::vector<std::uint64_t> nodes;
  nodes.reserve(joined.size() * 2);
  for (const auto& [a, b] : joined) {
    nodes.push_back(a);
    nodes.push_back(b);
  }
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  auto number = [&](std::uint64_t v) {
    return static_cast<std::uint32_t>(std::lower_bound(nodes.begin(), nodes.end(), v) - nodes.begin());
  };
  stories_detail::UnionFind uf(nodes.size());
  for (const auto& [a, b] : joined) uf.unite(number(a), number(b));
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i)
    out[i] = {nodes[i], nodes[uf.find(static_cast<std::uint32_t>(i))]};
  return out;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> bucket_pairs(std::span<const std::uint64_t> members) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
  stories_detail::bucket_positions(members.size(), [&](std::size_t x, std::size_t y) {
    out.emplace_back(members[x], members[y]);
  });
  return out;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> keyed_candidate_pairs(
    std::vector<std::pair<std::uint64_t, std::uint64_t>> keyed) {
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;
  std::vector<std::uint64_t> members;
  for (std::size_t s = 0; s < keyed.size();) {
    std::size_t e = s;
    members.clear();
    for (; e < keyed.size() && keyed[e].first == keyed[s].first; ++e)
      if (members.empty() || members.back() != keyed[e].second) members.push_back(keyed[e].second);
    stories_detail::bucket_positions(members.size(), [&](std::size_t x, std::size_t y) {
      pairs.emplace_back(members[x], members[y]);
    });
    s = e;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace digest
