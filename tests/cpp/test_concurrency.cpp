// Shared read-only objects used from many threads at once: the normaliser
// (and its caches), date parsers (and the calendar tables), the registry,
// the gazetteer (whose first find compiles the automaton under a lock),
// attribution and tagging. Run under the tsan preset to check for races:
//   cmake --preset tsan && cmake --build --preset tsan && ctest --preset tsan -L cpp
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "digest/attribution.hpp"
#include "digest/curate.hpp"
#include "digest/dates.hpp"
#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "digest/normalize.hpp"
#include "digest/sources.hpp"

namespace {

using namespace digest;

constexpr int kThreads = 8;
constexpr int kRounds = 60;

template <class F>
void in_threads(F work) {
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      work(t);
    });
  go = true;
  for (auto& th : threads) th.join();
}

TEST(Concurrency, NormaliserAndItsCaches) {
  const std::vector<std::string> texts = {"Ärger ÜBER Straße", "روزنامهٔ كوير ۱۴۰۰",
                                          "Ｆｕｌｌ ｗｉｄｔｈ", "İstanbul ıı", "naïve café"};
  std::vector<std::string> expected, expected_latin;
  for (const auto& t : texts) {
    expected.push_back(*Normalizer::shared().search_key(t));
    expected_latin.push_back(*Normalizer::shared().transliterate(t));
  }
  std::atomic<int> wrong{0};
  // In waves: the threads of a later wave reuse the transliterators the
  // threads of an earlier one gave back when they ended.
  for (int wave = 0; wave < 3; ++wave) {
    in_threads([&](int t) {
      // A fresh normaliser per thread as well as the shared one.
      Normalizer own;
      for (int r = 0; r < kRounds; ++r) {
        std::size_t i = static_cast<std::size_t>(r + t) % texts.size();
        const Normalizer& n = r % 2 ? own : Normalizer::shared();
        if (*n.search_key(texts[i]) != expected[i]) ++wrong;
        if (*n.transliterate(texts[i]) != expected_latin[i]) ++wrong;
        (void)n.tokens(texts[i]);
        (void)n.latin_key(texts[i]);
      }
    });
  }
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Concurrency, DateParsersAndCalendars) {
  const std::vector<std::pair<std::string, Date>> cases = {
      {"23 August 2021", Date(2021, 8, 23)},
      {"۱ شهریور ۱۴۰۰", Date(2021, 8, 23)},
      {"15 محرم 1443 هـ", Date(2021, 8, 23)},
      {"lundi 23 août 2021", Date(2021, 8, 23)},
      {"2021-08-23T10:00:00Z", Date(2021, 8, 23)}};
  std::atomic<int> wrong{0};
  in_threads([&](int t) {
    DateParseOptions o;
    if (t % 2) o.languages = {"fa", "ar", "en", "fr"};
    DateParser parser(o);
    for (int r = 0; r < kRounds; ++r) {
      const auto& [text, want] = cases[static_cast<std::size_t>(r + t) % cases.size()];
      auto d = r % 3 ? parser.parse_date(text) : parse_date(text, o);
      if (!d || *d != want) ++wrong;
      (void)parser.find_dates("on " + text + " and later");
      (void)from_gregorian(want, CalendarKind::persian);
      (void)from_gregorian(want, CalendarKind::islamic_umalqura);
    }
  });
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Concurrency, RegistryGazetteerAttributionAndTagging) {
  auto registry = load_source_registry(DIGEST_EXAMPLES_DATA "/sources.json");
  ASSERT_TRUE(registry.ok());
  auto gazetteer = load_gazetteer(DIGEST_EXAMPLES_DATA "/entities.json");
  ASSERT_TRUE(gazetteer.ok());
  Collection posts;
  ASSERT_TRUE(import_file(posts, DIGEST_EXAMPLES_DATA "/collection.json").ok());
  // Not compiled yet: the first finds race to compile it, under its lock.
  std::vector<PostEntities> expected_tags;
  {
    auto other = load_gazetteer(DIGEST_EXAMPLES_DATA "/entities.json");
    ASSERT_TRUE(other.ok());
    expected_tags = tag_posts(posts, *other);
  }
  std::atomic<int> wrong{0};
  in_threads([&](int t) {
    for (int r = 0; r < kRounds / 4; ++r) {
      auto res = registry->resolve("Harbour St. Tribune");
      if (!res || res->source->id != "harbor-street-tribune") ++wrong;
      (void)registry->resolve("Harbr Street Tribune");
      auto m = gazetteer->find("The Sarvan Basin Authority said");
      if (!m.ok() || m->empty()) ++wrong;
      auto a = parse_attribution("Lena Marsh, Harbor Street Tribune, August 17, 2021: x",
                                 &*registry);
      if (!a || a->source != "harbor-street-tribune") ++wrong;
      if (t == 0 && r == 0 && tag_posts(posts, *gazetteer) != expected_tags) ++wrong;
    }
  });
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Concurrency, CurateSeparateCollectionsSharedDictionaries) {
  auto registry = load_source_registry(DIGEST_EXAMPLES_DATA "/sources.json");
  auto gazetteer = load_gazetteer(DIGEST_EXAMPLES_DATA "/entities.json");
  ASSERT_TRUE(registry.ok() && gazetteer.ok());
  Collection base;
  ASSERT_TRUE(import_file(base, DIGEST_EXAMPLES_DATA "/collection.json").ok());
  CurateOptions o;
  o.fill_from_attribution = true;
  o.sources = &*registry;
  o.entities = &*gazetteer;
  Collection expected = base;
  ASSERT_TRUE(curate(expected, o).ok());
  std::atomic<int> wrong{0};
  in_threads([&](int) {
    Collection mine = base;
    if (!curate(mine, o).ok() || !(mine == expected)) ++wrong;
  });
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
