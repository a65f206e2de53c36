// Near duplicates in stages: the steps run part by part, with only their
// outputs gathered (as digestcore.dask does across processes), join the same
// texts as find_near_duplicates in one call.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "digest/stories.hpp"

namespace digest {
namespace {

// Invented texts: stories of a few sentences, near copies with some words
// replaced, an outlet's credit line and footer, exact repeats in a bucket
// larger than the all-pairs limit, short texts, and empty ones.
struct Corpus {
  std::vector<std::string> texts;
  std::vector<std::string> sources;
  std::vector<std::optional<Date>> dates;
};

std::string sentence(std::mt19937& rng, std::size_t words) {
  static const char* syll[] = {"ka", "lo", "mir", "sen", "tu", "var", "del", "ost", "ran", "pi",
                               "zel", "mo", "qa", "ne", "sho", "bri", "an", "dur", "fel", "gi"};
  std::string s;
  for (std::size_t w = 0; w < words; ++w) {
    if (w) s += ' ';
    for (int k = 0, n = 2 + static_cast<int>(rng() % 2); k < n; ++k) s += syll[rng() % 20];
  }
  return s + ". ";
}

std::string vary(const std::string& text, std::mt19937& rng, double share) {
  std::string out;
  std::size_t i = 0, word = 0;
  while (i < text.size()) {
    std::size_t j = std::min(text.find(' ', i), text.size());
    if (std::uniform_real_distribution<>(0, 1)(rng) < share) out += "neu" + std::to_string(word) + "x";
    else out.append(text, i, j - i);
    if (j < text.size()) out += ' ';
    i = j + 1;
    ++word;
  }
  return out;
}

Corpus make_corpus(std::uint32_t seed) {
  std::mt19937 rng(seed);
  Corpus c;
  const char* outlets[] = {"north-wire", "river-post", ""};
  for (int story = 0; story < 60; ++story) {
    std::string base;
    for (int s = 0; s < 4; ++s) base += sentence(rng, 6 + rng() % 6);
    const std::string outlet = outlets[story % 3];
    const std::string credit = outlet.empty() ? "" : outlet + " desk — ";
    const std::string footer = outlet.empty() ? "" : "\nRead more from " + outlet + " every morning.";
    const int copies = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < copies; ++k) {
      c.texts.push_back(credit + (k ? vary(base, rng, 0.04 + 0.04 * k) : base) + footer);
      c.sources.push_back(outlet);
      c.dates.push_back(story % 5 == 0 ? std::nullopt : std::optional<Date>(Date(2021, 3, 1 + (story + k * 3) % 28)));
    }
  }
  for (int k = 0; k < 14; ++k) {  // a bucket of exact repeats
    c.texts.push_back("The same notice about the ferry timetable, repeated word for word by every desk.");
    c.sources.push_back("");
    c.dates.push_back(std::nullopt);
  }
  for (const char* t : {"", "   ", "Short note.", "short note", "Короткая заметка о пароме."}) {
    c.texts.push_back(t);
    c.sources.push_back("river-post");
    c.dates.push_back(Date(2021, 3, 2));
  }
  // Interleave so that parts mix stories.
  std::vector<std::size_t> order(c.texts.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  Corpus out;
  for (std::size_t i : order) {
    out.texts.push_back(c.texts[i]);
    out.sources.push_back(c.sources[i]);
    out.dates.push_back(c.dates[i]);
  }
  return out;
}

std::vector<DuplicateInput> inputs_of(const Corpus& c, std::size_t b, std::size_t e) {
  std::vector<DuplicateInput> in;
  for (std::size_t i = b; i < e; ++i) in.push_back({c.texts[i], c.dates[i], c.sources[i]});
  return in;
}

// The smallest member of each text's component.
std::vector<std::size_t> labels_of(const DuplicateResult& r) {
  std::vector<std::size_t> out(r.cluster_of.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = r.clusters[r.cluster_of[i]].members.front();
  return out;
}

std::vector<std::size_t> staged_labels(const Corpus& c, const DuplicateOptions& o, std::size_t parts) {
  const std::size_t n = c.texts.size();
  std::vector<std::size_t> cut;
  for (std::size_t p = 0; p <= parts; ++p) cut.push_back(n * p / parts);
  // 1–2: edge sentences part by part, boilerplate over all.
  std::optional<Boilerplate> boiler;
  if (boilerplate_enabled(o, n)) {
    std::vector<EdgeSentences> edges;
    for (std::size_t p = 0; p < parts; ++p) {
      std::vector<std::string_view> t(c.texts.begin() + cut[p], c.texts.begin() + cut[p + 1]);
      auto e = edge_sentences(t, o);
      edges.insert(edges.end(), e.begin(), e.end());
    }
    const auto all = inputs_of(c, 0, n);
    boiler = find_boilerplate(all, edges, o.boilerplate_min_texts);
  }
  // 3–4: sketches and band keys part by part; buckets gathered by key.
  const LshParams lsh = o.lsh ? *o.lsh : lsh_params(jaccard_from_similarity(o.threshold), o.minhash.permutations);
  std::vector<std::vector<std::uint32_t>> shingles(n);
  std::map<std::uint64_t, std::vector<std::uint64_t>> buckets;
  for (std::size_t p = 0; p < parts; ++p) {
    const auto in = inputs_of(c, cut[p], cut[p + 1]);
    TextSketches sk = sketch_texts(in, o, boiler ? &*boiler : nullptr);
    const auto keys = band_keys(sk.signatures, lsh);
    for (std::size_t i = 0; i < in.size(); ++i) {
      shingles[cut[p] + i] = std::move(sk.shingles[i]);
      if (shingles[cut[p] + i].empty()) continue;
      for (std::size_t b = 0; b < lsh.bands; ++b) buckets[keys[i * lsh.bands + b]].push_back(cut[p] + i);
    }
  }
  // 5: pairs verified, components by the smallest member.
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (auto& [key, members] : buckets) {
    std::sort(members.begin(), members.end());
    for (const auto& [a, b] : bucket_pairs(members)) {
      if (o.window_days && c.dates[a] && c.dates[b] && std::labs((*c.dates[a] - *c.dates[b]).days()) > *o.window_days)
        continue;
      if (!pair_joins(similarity(shingles[a], shingles[b]), o.threshold)) continue;
      std::size_t ra = find(a), rb = find(b);
      if (ra > rb) std::swap(ra, rb);
      parent[rb] = ra;
    }
  }
  std::vector<std::size_t> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = find(i);
  return out;
}

TEST(NearDuplicatesStaged, PartsJoinWhatOneCallJoins) {
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    const Corpus c = make_corpus(seed);
    for (const int window : {-1, 4}) {
      DuplicateOptions o;
      if (window >= 0) o.window_days = window;
      const auto one = find_near_duplicates(inputs_of(c, 0, c.texts.size()), o);
      ASSERT_TRUE(one.ok());
      const auto want = labels_of(*one);
      // The corpus must exercise what the steps must agree on.
      ASSERT_GT(one->stats.boilerplate_sentences, 0u);
      ASSERT_LT(one->clusters.size(), c.texts.size() - 20);
      for (std::size_t parts : {1u, 3u, 7u}) EXPECT_EQ(staged_labels(c, o, parts), want) << seed << " " << parts;
    }
  }
}

TEST(NearDuplicatesStaged, WithoutBoilerplateAndWithOtherShingles) {
  const Corpus c = make_corpus(9);
  DuplicateOptions o;
  o.boilerplate_min_texts = 0;
  o.threshold = 0.7;
  o.minhash.permutations = 64;
  o.minhash.seed = 77;
  EXPECT_FALSE(boilerplate_enabled(o, c.texts.size()));
  const auto one = find_near_duplicates(inputs_of(c, 0, c.texts.size()), o);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(staged_labels(c, o, 4), labels_of(*one));
}

TEST(NearDuplicatesStaged, BoilerplateCountsDistinctFingerprints) {
  // Three updates of one story share a fingerprint: their shared sentences
  // are content. Three different stories sharing a credit line: boilerplate.
  std::vector<std::string> texts = {
      "Wire desk — Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.",
      "Wire desk — Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.",
      "Wire desk — Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.",
      "Wire desk — Nu xi omicron pi rho sigma tau upsilon phi chi psi omega.",
      "Wire desk — Uno dos tres cuatro cinco seis siete ocho nueve diez once doce."};
  std::vector<DuplicateInput> in;
  for (const auto& t : texts) in.push_back({t, std::nullopt, "wire"});
  std::vector<std::string_view> views(texts.begin(), texts.end());
  DuplicateOptions o;
  const auto edges = edge_sentences(views, o);
  ASSERT_EQ(edges.size(), 5u);
  EXPECT_EQ(edges[0].fingerprint, edges[1].fingerprint);
  EXPECT_NE(edges[0].fingerprint, edges[3].fingerprint);
  const Boilerplate b = find_boilerplate(in, edges, 3);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].first, "wire");
  EXPECT_EQ(b[0].second.size(), 1u);  // the credit line only
  EXPECT_TRUE(find_boilerplate(in, edges, 4).empty());
  EXPECT_TRUE(find_boilerplate(in, edges, 0).empty());
}

TEST(NearDuplicatesStaged, BucketPairs) {
  const std::vector<std::uint64_t> small = {3, 5, 9};
  EXPECT_EQ(bucket_pairs(small),
            (std::vector<std::pair<std::uint64_t, std::uint64_t>>{{3, 5}, {3, 9}, {5, 9}}));
  std::vector<std::uint64_t> big(40);
  std::iota(big.begin(), big.end(), 100);
  const auto pairs = bucket_pairs(big);
  EXPECT_LT(pairs.size(), 40u * 6);  // linear, not quadratic
  std::set<std::uint64_t> reached = {100};
  for (const auto& [a, b] : pairs) {
    EXPECT_LT(a, b);
    if (a == 100) reached.insert(b);
  }
  EXPECT_EQ(reached.size(), 40u);  // every member meets the first
  EXPECT_TRUE(bucket_pairs({}).empty());
  // Rows of (key, text) in any order, a text repeated within a bucket: the
  // buckets' pairs, sorted and distinct.
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> keyed = {
      {7, 9}, {2, 5}, {7, 3}, {2, 3}, {7, 5}, {2, 5}, {4, 1}};
  EXPECT_EQ(keyed_candidate_pairs(keyed),
            (std::vector<std::pair<std::uint64_t, std::uint64_t>>{{3, 5}, {3, 9}, {5, 9}}));
  EXPECT_TRUE(keyed_candidate_pairs({}).empty());
  EXPECT_TRUE(pair_joins(0.8, 0.8));
  EXPECT_FALSE(pair_joins(0.79, 0.8));
}

TEST(NearDuplicatesStaged, ComponentRootsMerge) {
  using Pairs = std::vector<std::pair<std::uint64_t, std::uint64_t>>;
  const Pairs one = {{9, 4}, {7, 12}};
  const Pairs two = {{12, 9}, {30, 31}};
  const auto r1 = component_roots(one);
  EXPECT_EQ(r1, (Pairs{{4, 4}, {7, 7}, {9, 4}, {12, 7}}));
  // Merging the parts' results gives the result over all pairs.
  Pairs merged = r1;
  const auto r2 = component_roots(two);
  merged.insert(merged.end(), r2.begin(), r2.end());
  Pairs all = one;
  all.insert(all.end(), two.begin(), two.end());
  EXPECT_EQ(component_roots(merged), component_roots(all));
  EXPECT_EQ(component_roots(all), (Pairs{{4, 4}, {7, 4}, {9, 4}, {12, 4}, {30, 30}, {31, 30}}));
  EXPECT_TRUE(component_roots({}).empty());
}

}  // namespace
}  // namespace digest
