// Near duplicates: shingles, MinHash, LSH, clusters, explanations, the index.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <set>

#include "digest/io.hpp"
#include "digest/stories.hpp"

namespace digest {
namespace {

// A text of `words` words drawn from a vocabulary of our own syllables; the
// same seed gives the same text.
std::string made_up_text(std::uint32_t seed, std::size_t words) {
  static const char* syll[] = {"ka", "lo", "mir", "sen", "tu", "var", "del", "ost", "ran", "pi",
                               "zel", "mo", "qa", "ne", "sho", "bri", "an", "dur", "fel", "gi"};
  std::mt19937 rng(seed);
  std::string t;
  for (std::size_t i = 0; i < words; ++i) {
    if (i) t += (i % 12 == 0) ? ". " : " ";
    const int n = 2 + static_cast<int>(rng() % 2);
    for (int k = 0; k < n; ++k) t += syll[rng() % 20];
  }
  return t + ".";
}

// `text` with every tenth word (from `offset`) replaced by a new one.
std::string substituted(const std::string& text, std::size_t every, std::size_t offset = 3) {
  std::string out;
  std::size_t word = 0, i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (word % every == offset) out += "novaword" + std::to_string(word);
    else out.append(text, i, j - i);
    if (j < text.size()) out += ' ';
    i = j + 1;
    ++word;
  }
  return out;
}

std::vector<DuplicateInput> inputs_of(const std::vector<std::string>& texts) {
  std::vector<DuplicateInput> in;
  for (const auto& t : texts) in.push_back({t, std::nullopt, {}});
  return in;
}

std::vector<std::vector<std::size_t>> member_lists(const DuplicateResult& r) {
  std::vector<std::vector<std::size_t>> out;
  for (const auto& c : r.clusters) out.push_back(c.members);
  return out;
}

void expect_partition(const DuplicateResult& r, std::size_t n) {
  ASSERT_EQ(r.cluster_of.size(), n);
  std::set<std::size_t> seen;
  for (std::size_t c = 0; c < r.clusters.size(); ++c) {
    const Cluster& cl = r.clusters[c];
    ASSERT_FALSE(cl.members.empty());
    EXPECT_TRUE(std::is_sorted(cl.members.begin(), cl.members.end()));
    EXPECT_EQ(cl.pairs.size(), cl.members.size() - 1);
    EXPECT_NE(std::find(cl.members.begin(), cl.members.end(), cl.representative), cl.members.end());
    for (std::size_t m : cl.members) {
      EXPECT_TRUE(seen.insert(m).second) << m << " is in two clusters";
      EXPECT_EQ(r.cluster_of[m], c);
    }
  }
  EXPECT_EQ(seen.size(), n);
}

TEST(MinHash, ShinglesFollowTheSearchKey) {
  const MinHasher h;
  // Case, accents, Arabic-script letter variants and digits do not matter.
  EXPECT_EQ(h.shingles("cafe resume ۱۲ كتاب"), h.shingles("cafe resume ۱۲ كتاب"));
  const auto a = MinHasher().signatures(std::vector<std::string_view>{
      "Le Café du Matin a rouvert ses portes après douze mois de travaux à Varennes",
      "le cafe du matin a rouvert ses portes apres douze mois de travaux a varennes"});
  EXPECT_EQ(estimated_similarity(a.row(0), a.row(1)), 1.0);
  const auto b = MinHasher().signatures(std::vector<std::string_view>{
      "كتاب جديد عن تاريخ المدينة ومياهها القديمة وأسواقها ٢٠٢١ في المكتبة العامة",
      "کتاب جدید عن تاریخ المدینة ومیاهها القدیمة وأسواقها 2021 في المکتبة العامة"});
  EXPECT_EQ(estimated_similarity(b.row(0), b.row(1)), 1.0);
}

TEST(MinHash, ShortTextsAndUnspacedScriptsUseCharacterNGrams) {
  const MinHasher h;
  // Five words: character 3-grams, so one changed letter keeps most shingles.
  const auto a = h.shingles("harbour gates reopen at dawn");
  const auto b = h.shingles("harbour gates reopens at dawn");
  EXPECT_GT(jaccard(a, b), 0.8);
  EXPECT_GT(a.size(), 5u);
  // A long key in a script without spaces is one "word" but many n-grams.
  const auto c = h.shingles("港口大门在黎明时分重新开放港口大门在黎明时分重新开放");
  EXPECT_GT(c.size(), 10u);
  EXPECT_TRUE(h.shingles("").empty());
}

TEST(MinHash, DeterministicPerSeedAndCloseToJaccard) {
  const std::string t1 = made_up_text(1, 150);
  const std::string t2 = substituted(t1, 4);
  std::vector<std::string_view> texts{t1, t2};
  const auto s1 = MinHasher().signatures(texts, 1);
  const auto s2 = MinHasher().signatures(texts, 2);
  EXPECT_EQ(s1.values, s2.values);  // threads do not change answers
  MinHashOptions other;
  other.seed = 7;
  EXPECT_NE(MinHasher(other).signatures(texts).values, s1.values);
  const MinHasher h;
  const double exact = jaccard(h.shingles(t1), h.shingles(t2));
  EXPECT_GT(exact, 0.3);
  EXPECT_LT(exact, 0.8);
  EXPECT_NEAR(estimated_jaccard(s1.row(0), s1.row(1)), exact, 0.15);
  // Similarity is Dice: the same sets measured kinder, one to one with Jaccard.
  EXPECT_DOUBLE_EQ(similarity(h.shingles(t1), h.shingles(t2)), 2 * exact / (1 + exact));
  EXPECT_DOUBLE_EQ(jaccard_from_similarity(similarity_from_jaccard(0.3)), 0.3);
  EXPECT_NEAR(estimated_similarity(s1.row(0), s1.row(1)), similarity_from_jaccard(exact), 0.15);
}

TEST(Lsh, ParamsFitThePermutationsAndFavourRecall) {
  for (double t : {0.5, 0.7, 0.8, 0.9}) {
    const LshParams p = lsh_params(t, 128);
    EXPECT_GE(p.bands, 1u);
    EXPECT_LE(p.bands * p.rows, 128u);
    auto candidate = [&](double s) {
      return 1 - std::pow(1 - std::pow(s, double(p.rows)), double(p.bands));
    };
    // A pair at the threshold is almost always a candidate, one just below
    // it mostly (the estimate is noisy), and one far below it rarely.
    EXPECT_GT(candidate(t), 0.97) << t;
    EXPECT_GT(candidate(t - 0.05), 0.85) << t;
    EXPECT_LT(candidate(t / 3), 0.2) << t;
  }
}

TEST(NearDuplicates, VariantsClusterAndUnrelatedTextsDoNot) {
  std::vector<std::string> texts;
  for (std::uint32_t s = 0; s < 20; ++s) {
    const std::string base = made_up_text(100 + s, 150);
    texts.push_back(base);
    texts.push_back(substituted(base, 20));      // 5% of words replaced
    texts.push_back(substituted(base, 12, 5));   // 8%
  }
  const auto r = find_near_duplicates(inputs_of(texts));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  expect_partition(*r, texts.size());
  ASSERT_EQ(r->clusters.size(), 20u);
  for (std::size_t c = 0; c < 20; ++c) {
    EXPECT_EQ(r->clusters[c].members, (std::vector<std::size_t>{3 * c, 3 * c + 1, 3 * c + 2}));
    // All undated: the longest text (the variants' new words are longer).
    std::size_t longest = 3 * c;
    for (std::size_t m = 3 * c; m < 3 * c + 3; ++m)
      if (texts[m].size() > texts[longest].size()) longest = m;
    EXPECT_EQ(r->clusters[c].representative, longest);
    for (const JoinedPair& p : r->clusters[c].pairs) {
      EXPECT_GE(p.verified, 0.8);
      EXPECT_EQ(p.rule, JoinRule::near_duplicate);
      EXPECT_NEAR(p.estimated, p.verified, 0.2);
    }
  }
  EXPECT_GT(r->stats.candidate_pairs, 0u);
}

TEST(NearDuplicates, ExactCopiesAndTheRepresentative) {
  const std::string t = made_up_text(5, 60);
  std::vector<std::string> texts{t, "UNRELATED " + made_up_text(6, 60), t, t};
  auto in = inputs_of(texts);
  in[2].date = Date(2021, 8, 20);
  in[3].date = Date(2021, 8, 18);
  const auto r = find_near_duplicates(in);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(member_lists(*r), (std::vector<std::vector<std::size_t>>{{0, 2, 3}, {1}}));
  EXPECT_EQ(r->clusters[0].representative, 3u);  // the earliest dated
  for (const JoinedPair& p : r->clusters[0].pairs) EXPECT_EQ(p.rule, JoinRule::exact);
  EXPECT_EQ(join_rule_name(JoinRule::exact), "exact");
}

TEST(NearDuplicates, DateWindowBlocksLateRepeats) {
  const std::string t = made_up_text(9, 80);
  std::vector<std::string> texts{t, t, t};
  auto in = inputs_of(texts);
  in[0].date = Date(2021, 8, 1);
  in[1].date = Date(2021, 8, 3);
  in[2].date = Date(2021, 9, 30);
  DuplicateOptions o;
  o.window_days = 7;
  const auto r = find_near_duplicates(in, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(member_lists(*r), (std::vector<std::vector<std::size_t>>{{0, 1}, {2}}));
  o.window_days.reset();
  EXPECT_EQ(find_near_duplicates(in, o)->clusters.size(), 1u);
}

TEST(NearDuplicates, BoilerplateDoesNotJoinUnrelatedPosts) {
  // Short unrelated posts of one outlet, each with the same credit line and
  // footer: without boilerplate removal the shared lines carry them over 0.5.
  const std::string head = "Valley Courier staff report — ";
  const std::string foot = "\nFollow the Valley Courier for daily updates from the river towns and the hills.";
  std::vector<std::string> texts;
  for (std::uint32_t s = 0; s < 6; ++s) texts.push_back(head + made_up_text(300 + s, 5) + foot);
  auto in = inputs_of(texts);
  for (auto& i : in) i.source = "valley-courier";
  DuplicateOptions o;
  o.threshold = 0.5;
  const auto with = find_near_duplicates(in, o);
  ASSERT_TRUE(with.ok());
  EXPECT_EQ(with->clusters.size(), 6u);
  EXPECT_GE(with->stats.boilerplate_sentences, 2u);
  o.boilerplate_min_texts = 0;
  const auto without = find_near_duplicates(in, o);
  ASSERT_TRUE(without.ok());
  EXPECT_LT(without->clusters.size(), 6u);
  // Copies of one post in that outlet still cluster: removal never empties a text.
  std::vector<std::string> same(4, texts[0]);
  auto in2 = inputs_of(same);
  for (auto& i : in2) i.source = "valley-courier";
  EXPECT_EQ(find_near_duplicates(in2)->clusters.size(), 1u);
}

TEST(NearDuplicates, SignaturesFromElsewhereClusterTheSame) {
  std::vector<std::string> texts;
  for (std::uint32_t s = 0; s < 10; ++s) {
    texts.push_back(made_up_text(500 + s, 120));
    texts.push_back(substituted(texts.back(), 25));
  }
  std::vector<std::string_view> views(texts.begin(), texts.end());
  // Two "machines" each sign half; the merged matrix clusters like the texts.
  const MinHasher h;
  auto first = h.signatures(std::span(views).subspan(0, 10));
  const auto second = h.signatures(std::span(views).subspan(10));
  first.values.insert(first.values.end(), second.values.begin(), second.values.end());
  const auto r = lsh_clusters(first, 0.8);
  ASSERT_TRUE(r.ok());
  expect_partition(*r, texts.size());
  const auto direct = find_near_duplicates(inputs_of(texts));
  EXPECT_EQ(member_lists(*r), member_lists(*direct));
  for (const auto& c : r->clusters)
    for (const auto& p : c.pairs) EXPECT_EQ(p.rule, JoinRule::estimated);
}

TEST(NearDuplicates, BadArgumentsAndHostileTexts) {
  std::vector<std::string> texts{"", std::string("\xff\xfe\xc0", 3), "\u202e\u2066abc\u0000def",
                                 std::string(2000000, 'a'), "a b c", "a b c"};
  DuplicateOptions o;
  o.threshold = 0;
  EXPECT_EQ(find_near_duplicates(inputs_of(texts), o).error().code, ErrorCode::invalid_argument);
  o.threshold = 1.5;
  EXPECT_EQ(find_near_duplicates(inputs_of(texts), o).error().code, ErrorCode::invalid_argument);
  o = {};
  o.minhash.permutations = 0;
  EXPECT_EQ(find_near_duplicates(inputs_of(texts), o).error().code, ErrorCode::invalid_argument);
  o = {};
  o.lsh = LshParams{64, 4};
  EXPECT_EQ(find_near_duplicates(inputs_of(texts), o).error().code, ErrorCode::invalid_argument);
  o = {};
  o.window_days = -1;
  EXPECT_EQ(validate(o).error().code, ErrorCode::invalid_argument);
  o = {};
  o.minhash.shingles.words = 0;
  EXPECT_FALSE(validate(o).ok());
  EXPECT_TRUE(validate(DuplicateOptions{}).ok());
  const auto r = find_near_duplicates(inputs_of(texts));
  ASSERT_TRUE(r.ok());
  expect_partition(*r, texts.size());
  EXPECT_EQ(r->cluster_of[4], r->cluster_of[5]);
  EXPECT_NE(r->cluster_of[0], r->cluster_of[1]);  // empty texts never match
  const auto none = find_near_duplicates({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->clusters.empty());
  SignatureMatrix bad;
  bad.permutations = 128;
  bad.values.resize(130);
  EXPECT_EQ(lsh_clusters(bad, 0.8).error().code, ErrorCode::invalid_argument);
}

TEST(NearDuplicates, OverACollection) {
  Collection c;
  const std::string body = made_up_text(42, 120);
  for (int i = 0; i < 3; ++i) {
    Post p;
    p.id = "p" + std::to_string(i);
    p.title = i == 2 ? "Something else entirely" : "Harbour gates reopen";
    p.body = i == 2 ? made_up_text(43, 120) : body;
    p.source = "s" + std::to_string(i);
    p.posted_on = DateTime(Date(2021, 8, 10 - i));
    ASSERT_TRUE(c.add_post(p).ok());
  }
  const auto r = find_duplicates(c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(member_lists(*r), (std::vector<std::vector<std::size_t>>{{0, 1}, {2}}));
  EXPECT_EQ(r->clusters[0].representative, 1u);  // posted a day earlier
}

class IndexFile : public ::testing::Test {
 protected:
  std::string path = ::testing::TempDir() + "/digest_index_test.bin";
  void TearDown() override { std::remove(path.c_str()); }
};

TEST_F(IndexFile, AddsDayByDaySavesAndLoads) {
  NearDuplicateIndex index;
  const std::string a = made_up_text(70, 120), b = made_up_text(71, 120);
  EXPECT_FALSE(index.add("a1", a, Date(2021, 8, 1))->has_value());
  EXPECT_FALSE(index.add("b1", b, Date(2021, 8, 1))->has_value());
  const auto m = index.add("a2", substituted(a, 25), Date(2021, 8, 2));
  ASSERT_TRUE(m.ok());
  ASSERT_TRUE(m->has_value());
  EXPECT_EQ((*m)->id, "a1");
  EXPECT_EQ((*m)->cluster, "a1");
  EXPECT_GE((*m)->similarity, 0.8);
  // A copy of the copy names the first text's cluster.
  const auto m3 = index.add("a3", substituted(a, 25), Date(2021, 8, 3));
  ASSERT_TRUE(m3->has_value());
  EXPECT_EQ((*m3)->cluster, "a1");
  EXPECT_EQ(index.add("a3", a).error().code, ErrorCode::duplicate_id);
  EXPECT_EQ(index.size(), 4u);

  ASSERT_TRUE(index.save(path).ok());
  auto loaded = NearDuplicateIndex::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  EXPECT_EQ(loaded->size(), 4u);
  const auto q = loaded->query(substituted(b, 30));
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->id, "b1");
  EXPECT_FALSE(loaded->query(made_up_text(72, 120)).has_value());
  // Saving the loaded index gives the same bytes.
  const std::string again = path + ".2";
  ASSERT_TRUE(loaded->save(again).ok());
  EXPECT_EQ(*read_file(path), *read_file(again));
  std::remove(again.c_str());
}

TEST_F(IndexFile, WindowAndHostileFiles) {
  DuplicateOptions o;
  o.window_days = 3;
  NearDuplicateIndex index(o);
  const std::string a = made_up_text(80, 100);
  ASSERT_TRUE(index.add("x", a, Date(2021, 8, 1)).ok());
  EXPECT_FALSE(index.query(a, Date(2021, 9, 1)).has_value());
  EXPECT_TRUE(index.query(a, Date(2021, 8, 3)).has_value());
  ASSERT_TRUE(index.save(path).ok());
  const std::string good = *read_file(path);
  // Every truncation and a flipped byte in the header fail cleanly.
  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, std::size_t{10}, good.size() / 2, good.size() - 1}) {
    ASSERT_TRUE(write_file_atomic(path, good.substr(0, cut)).ok());
    const auto r = NearDuplicateIndex::load(path);
    ASSERT_FALSE(r.ok()) << cut;
    EXPECT_EQ(r.error().code, ErrorCode::parse_error);
    EXPECT_TRUE(r.error().offset.has_value());
  }
  std::string lying = good;
  lying[6] = 9;  // version
  ASSERT_TRUE(write_file_atomic(path, lying).ok());
  EXPECT_EQ(NearDuplicateIndex::load(path).error().code, ErrorCode::parse_error);
  ASSERT_TRUE(write_file_atomic(path, good + "x").ok());
  EXPECT_EQ(NearDuplicateIndex::load(path).error().code, ErrorCode::parse_error);
  EXPECT_EQ(NearDuplicateIndex::load(path + ".missing").error().code, ErrorCode::file_not_found);
}

}  // namespace
}  // namespace digest
