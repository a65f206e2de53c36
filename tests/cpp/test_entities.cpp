// Gazetteer: matching across scripts and spellings, whole tokens, spans in
// the original text, case-sensitive aliases, JSON, tagging. All entities and
// texts are invented for the tests.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "digest/normalize.hpp"
#include "entities/trie.hpp"

using namespace digest;

namespace {

// One entity spelled many ways (the spellings of the issue text; no claim
// is made about any organisation), a fictional outlet and a fictional place.
Gazetteer sample() {
  Gazetteer g;
  std::vector<GazetteerAlias> org = {
      {"MEK", true}, {"MKO", true}, {"PMOI", true},
      {"Mojahedin-e Khalq", false}, {"Mujahedin Khalq", false},
      {"People's Mojahedin Organization of Iran", false}, {"سازمان مجاهدین خلق", false},
      {"مجاهدین خلق", false}};
  EXPECT_TRUE(g.add("org.pmoi", org).ok());
  EXPECT_TRUE(g.add("outlet.kavir", std::vector<std::string>{"Kavir Daily", "کویر دیلی"}).ok());
  EXPECT_TRUE(g.add("place.kavir", std::vector<std::string>{"Kavir", "کویر"}).ok());
  EXPECT_TRUE(g.add("place.iraq", std::vector<std::string>{"Iraq", "عراق"}).ok());
  EXPECT_TRUE(g.add("group.17", std::vector<std::string>{"Group 17"}).ok());
  return g;
}

std::vector<std::string> ids(const std::vector<EntityMatch>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.emplace_back(m.entity_id);
  return out;
}

std::string surface(std::string_view text, const EntityMatch& m) {
  return std::string(text.substr(m.begin, m.end - m.begin));
}

}  // namespace

TEST(Gazetteer, EmptyFindsNothing) {
  Gazetteer g;
  EXPECT_TRUE(g.empty());
  auto r = g.find("anything at all, MEK");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
  EXPECT_TRUE(g.find_in_key("anything").empty());
  EXPECT_TRUE(g.find("").ok());
}

// The automaton is built on the first find after a change, or by compile();
// any change makes it stale, and its matches then see the new aliases.
TEST(Gazetteer, CompiledStateFollowsChanges) {
  Gazetteer g;
  EXPECT_FALSE(g.is_compiled());
  ASSERT_TRUE(g.add("quay", std::vector<std::string>{"Quay Courier"}).ok());
  EXPECT_FALSE(g.is_compiled());
  ASSERT_EQ(g.find("read the Quay Courier")->size(), 1u);
  EXPECT_TRUE(g.is_compiled());
  ASSERT_TRUE(g.add("mole", std::vector<std::string>{"Harbour Mole"}).ok());
  EXPECT_FALSE(g.is_compiled());
  g.compile();
  EXPECT_TRUE(g.is_compiled());
  auto m = g.find("the Harbour Mole and the Quay Courier");
  ASSERT_EQ(m->size(), 2u);
  EXPECT_EQ((*m)[0].entity_id, "mole");
  EXPECT_EQ((*m)[1].entity_id, "quay");
  EXPECT_EQ((*m)[1].alias, "Quay Courier");
}

TEST(Gazetteer, SpellingsAcrossScripts) {
  Gazetteer g = sample();
  const std::vector<std::string> texts = {
      "MEK", "MKO", "PMOI", "Mojahedin-e Khalq", "Mojahedin e Khalq", "MOJAHEDIN-E KHALQ",
      "Mojāhedin-e Khalq", "Mujahedin Khalq", "People's Mojahedin Organization of Iran",
      "People’s Mojahedin Organization of Iran", "Peoples Mojahedin Organization of Iran",
      "سازمان مجاهدین خلق", "سازمان مجاهدين خلق" /* Arabic yeh */, "مُجاهِدين خلق" /* harakat */};
  for (const std::string& t : texts) {
    auto r = g.find("Report: " + t + " said.");
    ASSERT_TRUE(r.ok()) << t;
    ASSERT_EQ(r->size(), 1u) << t;
    EXPECT_EQ((*r)[0].entity_id, "org.pmoi") << t;
    EXPECT_EQ(surface("Report: " + t + " said.", (*r)[0]), t) << t;
  }
}

TEST(Gazetteer, WholeTokensOnly) {
  Gazetteer g = sample();
  for (const char* t : {"MEKONG delta", "the Iraqi side", "Kavirian", "PMOIX", "xMEK",
                        "Group 171", "Group 1", "عراقی"}) {
    auto r = g.find(t);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->empty()) << t << " matched " << (r->empty() ? "" : std::string((*r)[0].alias));
  }
  auto r = g.find("Iraq, and Iraq.");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"place.iraq", "place.iraq"}));
}

TEST(Gazetteer, CaseSensitiveAliases) {
  Gazetteer g = sample();
  auto r = g.find("mek and Mek and MEK");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].begin, 16u);
  EXPECT_EQ((*r)[0].alias, "MEK");

  // A case-sensitive and a case-insensitive alias sharing a key.
  Gazetteer h;
  ASSERT_TRUE(h.add("org.mek", std::vector<GazetteerAlias>{{"MEK", true}}).ok());
  ASSERT_TRUE(h.add("village.mek", std::vector<std::string>{"Mek"}).ok());
  r = h.find("MEK met in Mek; mek too");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"org.mek", "village.mek", "village.mek"}));
}

TEST(Gazetteer, Possessives) {
  Gazetteer g = sample();
  for (const std::string t : {"PMOI's", "PMOI’s", "Iraq's", "Kavir Daily's"}) {
    std::string text = "The " + t + " view";
    auto r = g.find(text);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 1u) << t;
    // The span covers the name, not the possessive ending.
    EXPECT_EQ(surface(text, (*r)[0]), t.substr(0, t.find_first_of("'\xE2"))) << t;
  }
  // A plural is not a possessive.
  auto r = g.find("two Iraqs");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(Gazetteer, LeftmostLongestNonOverlapping) {
  Gazetteer g = sample();
  auto r = g.find("Kavir Daily reported from Kavir.");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"outlet.kavir", "place.kavir"}));

  Gazetteer h;
  ASSERT_TRUE(h.add("a", std::vector<std::string>{"North Gate"}).ok());
  ASSERT_TRUE(h.add("b", std::vector<std::string>{"Gate Ledger"}).ok());
  ASSERT_TRUE(h.add("c", std::vector<std::string>{"North Gate Ledger Weekly"}).ok());
  const std::string text = "North Gate Ledger and North Gate Ledger Weekly";
  r = h.find(text);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(ids(*r), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(surface(text, (*r)[0]), "North Gate");
  EXPECT_EQ(surface(text, (*r)[1]), "North Gate Ledger Weekly");
}

TEST(Gazetteer, DigitsAcrossScripts) {
  Gazetteer g = sample();
  for (const char* t : {"Group 17", "group ١٧", "GROUP ۱۷", "Group-17"}) {
    auto r = g.find(t);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(ids(*r), std::vector<std::string>{"group.17"}) << t;
  }
}

TEST(Gazetteer, SpansLatinPersianArabic) {
  Gazetteer g = sample();
  {
    const std::string text = "«Kavir Daily» — reports on  MOJAHEDIN-E   KHALQ (PMOI).";
    auto r = g.find(text);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 3u);
    EXPECT_EQ(surface(text, (*r)[0]), "Kavir Daily");
    EXPECT_EQ(surface(text, (*r)[1]), "MOJAHEDIN-E   KHALQ");
    EXPECT_EQ(surface(text, (*r)[2]), "PMOI");
  }
  {
    const std::string text = "به گزارش کویر دیلی، سازمان مجاهدین‌ خلق در عراق";
    auto r = g.find(text);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(ids(*r), (std::vector<std::string>{"outlet.kavir", "org.pmoi", "place.iraq"}));
    EXPECT_EQ(surface(text, (*r)[0]), "کویر دیلی");
    EXPECT_EQ(surface(text, (*r)[1]), "سازمان مجاهدین‌ خلق");
    EXPECT_EQ(surface(text, (*r)[2]), "عراق");
  }
  {
    // Arabic letters (kaf, yeh) and harakat for the Persian aliases.
    const std::string text = "قالت صحيفة كوير ديلي إن مُجاهِدين خلق في العراق";
    auto r = g.find(text);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(ids(*r), (std::vector<std::string>{"outlet.kavir", "org.pmoi"}));
    EXPECT_EQ(surface(text, (*r)[0]), "كوير ديلي");
    EXPECT_EQ(surface(text, (*r)[1]), "مُجاهِدين خلق");
    // "العراق" (with the article) is another token than "عراق": not matched.
  }
}

TEST(Gazetteer, MatchInKey) {
  Gazetteer g = sample();
  auto key = Normalizer::shared().search_key("Kavir Daily on Mojahedin-e Khalq");
  ASSERT_TRUE(key.ok());
  auto ms = g.find_in_key(*key);
  ASSERT_EQ(ids(ms), (std::vector<std::string>{"outlet.kavir", "org.pmoi"}));
  EXPECT_EQ(key->substr(ms[1].begin, ms[1].end - ms[1].begin), "mojahedin e khalq");
  EXPECT_EQ(g.count_in_key(*key), 2u);
}

TEST(Gazetteer, AddErrorsLeaveItUnchanged) {
  Gazetteer g;
  ASSERT_TRUE(g.add("a", std::vector<std::string>{"Alpha"}).ok());
  auto s = g.add("b", std::vector<std::string>{"Beta", "!!!"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(s.error().field, "aliases[1]");
  s = g.add("c", std::vector<std::string>{"Gamma", std::string("bad \xC3\x28 utf8")});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::invalid_utf8);
  s = g.add("", std::vector<std::string>{"Delta"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::invalid_argument);
  s = g.add("e", std::vector<std::string>{std::string(2000, 'x')});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(g.entity_count(), 1u);
  EXPECT_EQ(g.alias_count(), 1u);
  auto r = g.find("Beta Alpha Gamma");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ids(*r), std::vector<std::string>{"a"});
  // Duplicates are skipped; adding to an existing entity merges.
  ASSERT_TRUE(g.add("a", std::vector<std::string>{"ALPHA", "Alfa"}).ok());
  EXPECT_EQ(g.entity_count(), 1u);
  EXPECT_EQ(g.alias_count(), 2u);
}

TEST(Gazetteer, LenientOnBadUtf8Text) {
  Gazetteer g = sample();
  const std::string text = std::string("Kavir \xFF\xFE Daily \xC3 Iraq");
  auto r = g.find(text);
  ASSERT_TRUE(r.ok());
  // U+FFFD separates words like a space.
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"outlet.kavir", "place.iraq"}));
  EXPECT_EQ(surface(text, (*r)[0]), "Kavir \xFF\xFE Daily");
}

TEST(GazetteerJson, LoadSaveRoundTrip) {
  const std::string json = R"({"entities": [
    {"id": "org.kavir-front", "name": "Kavir Front", "type": "organization",
     "aliases": ["جبهه کویر", {"text": "KF", "case_sensitive": true}], "note": {"x": [1, 2]}},
    {"id": "person.roe", "name": "Jana Roe", "aliases": []}
  ], "version": 1})";
  auto g = gazetteer_from_json(json);
  ASSERT_TRUE(g.ok()) << g.error().to_string();
  EXPECT_EQ(g->entity_count(), 2u);
  EXPECT_EQ(g->alias_count(), 4u);  // names count as aliases
  const GazetteerEntity* e = g->find_entity("org.kavir-front");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "organization");
  ASSERT_EQ(e->aliases.size(), 2u);
  EXPECT_TRUE(e->aliases[1].case_sensitive);
  const std::string text = "KF and kf; jana roe met the جبهه كوير";
  auto r = g->find(text);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"org.kavir-front", "person.roe", "org.kavir-front"}));

  auto again = gazetteer_from_json(gazetteer_to_json(*g));
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  ASSERT_EQ(again->entities().size(), 2u);
  EXPECT_EQ(again->entities()[0], g->entities()[0]);
  EXPECT_EQ(again->entities()[1], g->entities()[1]);
  EXPECT_EQ(gazetteer_to_json(*again, false), gazetteer_to_json(*g, false));

  auto bare = gazetteer_from_json(R"([{"id": "x", "aliases": ["Ex"]}])");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->alias_count(), 1u);
}

TEST(GazetteerJson, BadInput) {
  struct Case {
    std::string json;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {"", ErrorCode::parse_error},
      {"   ", ErrorCode::parse_error},
      {R"({"entities": [{"id": "a", "aliases": ["x")", ErrorCode::parse_error},
      {R"({"entities": [{"id": 5}]})", ErrorCode::wrong_type},
      {R"({"entities": [{"id": "a", "aliases": "x"}]})", ErrorCode::wrong_type},
      {R"({"entities": [{"id": "a", "aliases": [7]}]})", ErrorCode::wrong_type},
      {R"({"entities": [{"id": "a", "aliases": [{"case_sensitive": true}]}]})",
       ErrorCode::missing_field},
      {R"({"entities": [{"id": "a", "aliases": [{"text": "x", "case_sensitive": 1}]}]})",
       ErrorCode::wrong_type},
      {R"({"entities": [{"name": "a"}]})", ErrorCode::missing_field},
      {R"({"entities": [{"id": ""}]})", ErrorCode::invalid_argument},
      {R"({"entities": [{"id": "a", "aliases": ["..."]}]})", ErrorCode::invalid_argument},
      {R"({"entities": {}})", ErrorCode::wrong_type},
      {R"({"other": []})", ErrorCode::missing_field},
      {R"("entities")", ErrorCode::wrong_type},
      {R"([] [])", ErrorCode::parse_error},
      {"[{\"id\": \"a\", \"aliases\": [\"\xC3\x28\"]}]", ErrorCode::invalid_utf8},
      {R"([{"id": "a", "x": )" + std::string(200, '[') + std::string(200, ']') + "}]",
       ErrorCode::limit_exceeded},
  };
  for (const Case& c : cases) {
    auto g = gazetteer_from_json(c.json);
    ASSERT_FALSE(g.ok()) << c.json;
    EXPECT_EQ(g.error().code, c.code) << c.json << " → " << g.error().to_string();
    if (c.code != ErrorCode::limit_exceeded) {
      EXPECT_TRUE(g.error().offset.has_value()) << c.json << " → " << g.error().to_string();
    }
  }
  auto g = gazetteer_from_json("[{\"id\": \"a\", \"aliases\": [\"ok\", \"\xC3\x28\"]}]");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().offset, 32u);
  // An error names the field.
  g = gazetteer_from_json(R"({"entities": [{"id": "a"}, {"id": "b", "aliases": [1]}]})");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().field, "entities[1].aliases[0]");
  // All or nothing.
  Gazetteer h;
  ASSERT_TRUE(h.add("keep", std::vector<std::string>{"Keep"}).ok());
  auto s = gazetteer_add_json(h, R"([{"id": "new", "aliases": ["New"]}, {"id": "bad", "aliases": ["?"]}])");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "entities[1].aliases[0]");
  EXPECT_EQ(h.entity_count(), 1u);
  EXPECT_EQ(h.find_entity("new"), nullptr);
  // Files.
  auto missing = load_gazetteer("/nonexistent/dir/gazetteer.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::file_not_found);
}

TEST(GazetteerJson, SaveAndLoadFile) {
  Gazetteer g = sample();
  const std::string path = ::testing::TempDir() + "/digest_gazetteer_test.json";
  ASSERT_TRUE(save_gazetteer(g, path).ok());
  auto back = load_gazetteer(path);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(back->alias_count(), g.alias_count());
  std::remove(path.c_str());
}

TEST(DoubleArrayTrie, RandomKeys) {
  std::mt19937 rng(7);
  std::set<std::string> keys;
  std::uniform_int_distribution<int> len(1, 12), byte(0, 255), small(0, 3);
  while (keys.size() < 5000) {
    std::string k;
    int n = len(rng);
    for (int i = 0; i < n; ++i)
      k.push_back(static_cast<char>(small(rng) == 0 ? byte(rng) : 'a' + small(rng)));
    keys.insert(k);
  }
  std::vector<detail::DoubleArrayTrie::Entry> entries;
  std::uint32_t v = 0;
  for (const auto& k : keys) entries.push_back({k, v++});
  detail::DoubleArrayTrie t;
  t.build(entries);
  v = 0;
  for (const auto& k : keys) EXPECT_EQ(t.find(k), v++) << k;
  for (int i = 0; i < 2000; ++i) {
    std::string k;
    int n = len(rng);
    for (int j = 0; j < n; ++j) k.push_back(static_cast<char>(byte(rng)));
    if (!keys.count(k)) EXPECT_EQ(t.find(k), -1);
  }
  EXPECT_EQ(t.find(""), -1);
}

namespace {

// Invented words from syllables: "kavoreni", "talusa", ...
std::string pseudo_word(std::mt19937& rng) {
  static const char* syl[] = {"ka", "vo", "re", "ni", "ta", "lu", "sa", "mi", "do", "ze",
                              "ran", "bel", "gor", "tis", "pha", "quo", "ny", "xe", "wu", "ji"};
  std::uniform_int_distribution<int> n(2, 4), s(0, 19);
  std::string w;
  for (int i = n(rng); i > 0; --i) w += syl[s(rng)];
  return w;
}

}  // namespace

TEST(Gazetteer, HundredThousandAliases) {
  std::mt19937 rng(42);
  Gazetteer g;
  std::vector<std::pair<std::string, std::string>> sample_aliases;
  std::set<std::string> seen_keys;
  std::size_t total = 0;
  for (int e = 0; total < 100000; ++e) {
    std::vector<std::string> aliases;
    for (int a = 0; a < 5; ++a) {
      std::string alias = pseudo_word(rng);
      if (a % 2) alias += " " + pseudo_word(rng);
      if (!seen_keys.insert(alias).second) continue;
      aliases.push_back(alias);
    }
    total += aliases.size();
    const std::string id = "e" + std::to_string(e);
    ASSERT_TRUE(g.add(id, aliases).ok());
    if (e % 997 == 0 && !aliases.empty()) sample_aliases.emplace_back(id, aliases[0]);
  }
  const auto t0 = std::chrono::steady_clock::now();
  g.compile();
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GE(g.alias_count(), 100000u);
  RecordProperty("compile_ms", std::to_string(ms));
  for (const auto& [id, alias] : sample_aliases) {
    std::string text = "Xx " + alias + ", yy.";
    auto r = g.find(text);
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r->empty()) << alias;
    EXPECT_EQ((*r)[0].entity_id, id) << alias;
    EXPECT_EQ(surface(text, (*r)[0]), alias);
  }
}

TEST(Tagging, CountsAndSelect) {
  Gazetteer g = sample();
  Collection c;
  Post a;
  a.id = "p1";
  a.title = "Kavir Daily on Iraq";
  a.body = "Iraq and the PMOI. Iraq again.";
  Post b;
  b.id = "p2";
  b.title = "Nothing here";
  b.excerpt = "کویر دیلی";
  Post d;
  d.id = "p3";
  d.title = "Quiet day";
  ASSERT_TRUE(c.add_post(a).ok());
  ASSERT_TRUE(c.add_post(b).ok());
  ASSERT_TRUE(c.add_post(d).ok());
  auto tags = tag_posts(c, g);
  ASSERT_EQ(tags.size(), 3u);
  EXPECT_EQ(tags[0].post_id, "p1");
  ASSERT_EQ(tags[0].entities.size(), 3u);
  EXPECT_EQ(tags[0].entities[0], (EntityCount{"place.iraq", 3}));
  EXPECT_EQ(tags[0].entities[1], (EntityCount{"org.pmoi", 1}));
  EXPECT_EQ(tags[0].entities[2], (EntityCount{"outlet.kavir", 1}));
  EXPECT_TRUE(tags[2].entities.empty());

  auto sel = select_by_entity(c, tags, "outlet.kavir");
  ASSERT_EQ(sel.size(), 2u);
  EXPECT_EQ(sel[0]->id, "p1");
  EXPECT_EQ(sel[1]->id, "p2");
  EXPECT_TRUE(select_by_entity(c, tags, "nobody").empty());

  TagOptions titles_only;
  titles_only.body = false;
  titles_only.excerpt = false;
  auto t2 = tag_post(b, g, titles_only);
  EXPECT_TRUE(t2.entities.empty());

  EXPECT_EQ(apply_entity_tags(c, tags), 4u);
  EXPECT_EQ(apply_entity_tags(c, tags), 0u);
  EXPECT_EQ(c.find_post("p2")->tags, std::vector<std::string>{"entity:outlet.kavir"});
}

namespace {

// An entity id given twice with two names: both names match, and both
// survive a save (the second as an alias).
TEST(GazetteerJson, RepeatedIdKeepsEveryNameThroughSave) {
  using namespace digest;
  auto g = gazetteer_from_json(R"({"entities": [
    {"id": "e", "name": "Kavir Front", "aliases": ["KF"]},
    {"id": "e", "name": "Desert Front", "type": "organization", "aliases": ["KF", "DF"]}]})");
  ASSERT_TRUE(g.ok()) << g.error().to_string();
  auto count = [](const Gazetteer& gz, const char* text) {
    auto m = gz.find(text);
    return m.ok() ? m->size() : 0u;
  };
  EXPECT_EQ(count(*g, "the Desert Front said"), 1u);
  auto back = gazetteer_from_json(gazetteer_to_json(*g));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->alias_count(), g->alias_count());
  EXPECT_EQ(count(*back, "the Desert Front said"), 1u);
  EXPECT_EQ(count(*back, "Kavir Front and DF"), 2u);
  EXPECT_EQ(gazetteer_to_json(*back), gazetteer_to_json(*g));
  EXPECT_EQ(back->find_entity("e")->type, "organization");
}

}  // namespace
