// SourceRegistry: resolution order, fuzzy threshold, ambiguity, JSON,
// attribution. The outlets are invented ("Mondoweiss" is used only as a
// spelling from the issue text).
#include <gtest/gtest.h>

#include <cstdio>

#include "digest/attribution.hpp"
#include "digest/sources.hpp"
#include "digest/json.hpp"

using namespace digest;

namespace {

const char* kRegistry = R"({"sources": [
  {"id": "northgate", "name": "Northgate Ledger", "aliases": ["The Northgate Ledger", "NGL"],
   "url": "https://www.northgate-ledger.example/", "language": "en", "country": "GB"},
  {"id": "kavir", "name": "Kavir Daily", "aliases": ["کویر دیلی", "روزنامه کویر"],
   "domain": "kavirdaily.example", "language": "fa", "country": "IR", "founded": 1999},
  {"id": "mondo", "name": "Mondoweiss", "url": "https://mondoweiss.example"},
  {"id": "kestrel-post", "name": "Kestrel Post", "aliases": ["KP"]},
  {"id": "kestrel-host", "name": "Kestrel Host", "aliases": ["KP"]}
]})";

SourceRegistry registry() {
  auto r = source_registry_from_json(kRegistry);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return std::move(r).value();
}

}  // namespace

TEST(SourceRegistry, ResolvesNamesAndAliases) {
  SourceRegistry reg = registry();
  ASSERT_EQ(reg.size(), 5u);
  auto r = reg.resolve("NORTHGATE  LEDGER");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source->id, "northgate");
  EXPECT_EQ(r->method, ResolveMethod::name);
  EXPECT_DOUBLE_EQ(r->score, 1.0);
  r = reg.resolve("the northgate ledger");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->method, ResolveMethod::alias);
  EXPECT_EQ(r->matched, "The Northgate Ledger");
  r = reg.resolve("كوير ديلي");  // Arabic kaf and yeh
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source->id, "kavir");
  EXPECT_EQ(r->method, ResolveMethod::alias);
}

TEST(SourceRegistry, ResolvesDomains) {
  SourceRegistry reg = registry();
  for (const char* t : {"https://www.northgate-ledger.example/2021/08/a-story?x=1",
                        "http://NEWS.northgate-ledger.example", "northgate-ledger.example",
                        "https://user@northgate-ledger.example:8443/"}) {
    auto r = reg.resolve(t);
    ASSERT_TRUE(r) << t;
    EXPECT_EQ(r->source->id, "northgate") << t;
    EXPECT_EQ(r->method, ResolveMethod::domain) << t;
  }
  auto r = reg.resolve("https://kavirdaily.example/fa/news/12");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source->id, "kavir");
  EXPECT_FALSE(reg.resolve("https://example/"));
  EXPECT_FALSE(reg.resolve("https://other.example/"));
  EXPECT_EQ(url_host("https://a.b.example:80/x"), "a.b.example");
  EXPECT_EQ(url_host("a b.example"), "");
  EXPECT_EQ(url_host("U.S."), "");
  EXPECT_EQ(url_host("plain"), "");
}

TEST(SourceRegistry, FuzzyWithThreshold) {
  SourceRegistry reg = registry();
  // One substitution in 10 code points: 0.9 ≥ 0.85.
  auto r = reg.resolve("Nondoweiss");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source->id, "mondo");
  EXPECT_EQ(r->method, ResolveMethod::fuzzy);
  EXPECT_NEAR(r->score, 0.9, 1e-9);
  // A transposition counts as one edit.
  r = reg.resolve("Northgate Ledgre");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source->id, "northgate");
  EXPECT_NEAR(r->score, 1.0 - 1.0 / 16, 1e-9);
  // Two edits in 10: 0.8, under the default threshold, over a lower one.
  EXPECT_FALSE(reg.resolve("Nondowiess"));
  EXPECT_FALSE(reg.resolve("Nondoweis "));  // same key as "nondoweis": d = 2
  ResolveOptions loose;
  loose.min_fuzzy_score = 0.8;
  r = reg.resolve("Nondowiess", loose);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source->id, "mondo");
  ResolveOptions off;
  off.fuzzy = false;
  EXPECT_FALSE(reg.resolve("Nondoweiss", off));
  // Short names need an exact key: one edit in 6 is 0.83.
  EXPECT_FALSE(reg.resolve("Northgate"));
  EXPECT_FALSE(reg.resolve("Northgate Herald"));
}

TEST(SourceRegistry, Ambiguity) {
  SourceRegistry reg = registry();
  EXPECT_FALSE(reg.resolve("KP"));            // an alias of two sources
  EXPECT_FALSE(reg.resolve("Kestrel Most"));  // one edit from both names
  auto r = reg.resolve("Kestrel Posts");      // one edit from one, two from the other
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source->id, "kestrel-post");
}

TEST(SourceRegistry, EmptyAndErrors) {
  SourceRegistry empty;
  EXPECT_FALSE(empty.resolve("Anything"));
  EXPECT_EQ(empty.size(), 0u);
  SourceRegistry reg = registry();
  EXPECT_FALSE(reg.resolve(""));
  EXPECT_FALSE(reg.resolve("!!!"));
  Source dup;
  dup.id = "kavir";
  auto s = reg.add(dup);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::duplicate_id);
  Source bad;
  bad.id = "bad";
  bad.name = "x\xC3";
  s = reg.add(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::invalid_utf8);
  EXPECT_EQ(reg.size(), 5u);
  EXPECT_EQ(reg.find("bad"), nullptr);
}

TEST(SourceRegistryJson, RoundTrip) {
  SourceRegistry reg = registry();
  const Source* k = reg.find("kavir");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->url, "kavirdaily.example");
  ASSERT_EQ(k->extra.size(), 1u);
  EXPECT_EQ(k->extra[0].name, "founded");
  EXPECT_EQ(k->extra[0].raw_json, "1999");
  auto again = source_registry_from_json(source_registry_to_json(reg));
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  ASSERT_EQ(again->size(), reg.size());
  for (std::size_t i = 0; i < reg.size(); ++i) EXPECT_EQ(again->sources()[i], reg.sources()[i]);
  EXPECT_EQ(source_registry_to_json(*again, false), source_registry_to_json(reg, false));

  // "url" and "domain" both: the domain is kept and resolves too.
  auto both = source_registry_from_json(
      R"([{"id": "x", "name": "Ex", "url": "https://x.example/home", "domain": "ex-mirror.example"}])");
  ASSERT_TRUE(both.ok());
  auto r = both->resolve("https://ex-mirror.example/a");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source->id, "x");
  EXPECT_NE(source_registry_to_json(*both).find("\"domain\": \"ex-mirror.example\""), std::string::npos);

  // A collection export: posts are ignored.
  auto coll = source_registry_from_json(
      R"({"digestcore": 1, "sources": [{"id": "s", "name": "Ess"}], "posts": [{"id": "p"}]})");
  ASSERT_TRUE(coll.ok());
  EXPECT_EQ(coll->size(), 1u);

  const std::string path = ::testing::TempDir() + "/digest_sources_test.json";
  ASSERT_TRUE(save_source_registry(reg, path).ok());
  auto loaded = load_source_registry(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->size(), reg.size());
  std::remove(path.c_str());
}

TEST(SourceRegistryJson, BadInput) {
  struct Case {
    std::string json;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {"", ErrorCode::parse_error},
      {R"({"sources": [{"id": "a", "name": "A")", ErrorCode::parse_error},
      {R"({"sources": [{"id": 1}]})", ErrorCode::wrong_type},
      {R"({"sources": [{"id": "a", "aliases": "A"}]})", ErrorCode::wrong_type},
      {R"({"sources": [{"id": "a", "aliases": [null]}]})", ErrorCode::wrong_type},
      {R"({"sources": [{"id": "a", "url": 3}]})", ErrorCode::wrong_type},
      {R"({"sources": [{"name": "a"}]})", ErrorCode::missing_field},
      {R"({"sources": [{"id": "a"}, {"id": "a"}]})", ErrorCode::duplicate_id},
      {R"({"sources": 3})", ErrorCode::wrong_type},
      {R"({"posts": []})", ErrorCode::missing_field},
      {"[{\"id\": \"a\", \"name\": \"\xE2\x82\"}]", ErrorCode::invalid_utf8},
      {R"([{"id": "a", "x": )" + std::string(100, '[') + std::string(100, ']') + "}]",
       ErrorCode::limit_exceeded},
      {"[] x", ErrorCode::parse_error},
  };
  for (const Case& c : cases) {
    auto r = source_registry_from_json(c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.error().code, c.code) << c.json << " → " << r.error().to_string();
  }
  auto r = source_registry_from_json(R"({"sources": [{"id": "a"}, {"id": "b", "url": 3}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "sources[1].url");
  EXPECT_EQ(r.error().offset, 45u);
  r = source_registry_from_json(R"({"sources": [{"id": "a"}, {"id": "a"}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "sources[1].id");
  EXPECT_EQ(r.error().offset, 26u);
  auto missing = load_source_registry("/nonexistent/sources.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::file_not_found);
}

TEST(SourceRegistry, OutletLookupForAttribution) {
  SourceRegistry reg = registry();
  const OutletLookup& lookup = reg;
  EXPECT_EQ(lookup.find_outlet("Nondoweiss"), std::optional<std::string>("mondo"));
  EXPECT_EQ(lookup.find_outlet("Jana Roe"), std::nullopt);
  auto a = parse_attribution("Jana Roe, Nondoweiss, 3 March 2021: Text of the excerpt.", &reg);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->source, "mondo");
  ResolveOptions exact_only;
  exact_only.fuzzy = false;
  reg.set_outlet_options(exact_only);
  EXPECT_EQ(reg.find_outlet("Nondoweiss"), std::nullopt);
}

TEST(SourceRegistry, ResolvePostSources) {
  SourceRegistry reg = registry();
  Collection c;
  Post a;
  a.id = "a";
  a.source = "Nondoweiss";
  Post b;
  b.id = "b";
  b.url = "https://kavirdaily.example/x";
  Post d;
  d.id = "d";
  d.source = "kavir";
  Post e;
  e.id = "e";
  e.source = "Unknown Weekly";
  for (Post* p : {&a, &b, &d, &e}) ASSERT_TRUE(c.add_post(*p).ok());
  EXPECT_EQ(resolve_post_sources(c, reg), 2u);
  EXPECT_EQ(c.find_post("a")->source, "mondo");
  EXPECT_EQ(c.find_post("b")->source, "kavir");
  EXPECT_EQ(c.find_post("d")->source, "kavir");
  EXPECT_EQ(c.find_post("e")->source, "Unknown Weekly");
  auto from = SourceRegistry::from_sources(reg.sources());
  ASSERT_TRUE(from.ok());
  EXPECT_EQ(from->size(), 5u);
}

namespace {

using namespace digest;

// One reader of a source: the registry and a collection give the same Source
// for the same record, "domain" and null included.
TEST(SourceReaders, RegistryAndCollectionAgree) {
  const char* doc = R"({"digestcore": 1, "sources": [
    {"id": "a", "name": null, "domain": "a.example", "language": "fa", "founded": 1961},
    {"id": "b", "name": "Bee", "url": "https://b.example", "domain": "b-mirror.example"},
    {"id": "c", "aliases": ["Sea", "See"], "country": null}
  ], "posts": []})";
  Collection c;
  auto imported = import_json(c, doc);
  ASSERT_TRUE(imported.ok()) << imported.error().to_string();
  auto reg = source_registry_from_json(doc);
  ASSERT_TRUE(reg.ok()) << reg.error().to_string();
  ASSERT_EQ(reg->size(), c.sources().size());
  for (std::size_t i = 0; i < reg->size(); ++i) EXPECT_EQ(reg->sources()[i], c.sources()[i]);
  EXPECT_EQ(c.find_source("a")->url, "a.example");
  EXPECT_TRUE(c.find_source("a")->name.empty());
  ASSERT_EQ(c.find_source("b")->extra.size(), 1u);
  EXPECT_EQ(c.find_source("b")->extra[0].name, "domain");
  // Written and read back, by either writer and reader, nothing changes.
  auto again = source_registry_from_json(source_registry_to_json(*reg));
  ASSERT_TRUE(again.ok());
  for (std::size_t i = 0; i < reg->size(); ++i) EXPECT_EQ(again->sources()[i], reg->sources()[i]);
  Collection back;
  ASSERT_TRUE(import_json(back, export_json(c)).ok());
  EXPECT_EQ(back, c);
}

TEST(SourceReaders, RegistryChecksWhatItIgnores) {
  // Members other than "sources" are skipped, but must still be JSON.
  auto bad = source_registry_from_json(R"({"sources": [], "posts": [1, 2,, 3]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::parse_error);
  auto dup = source_registry_from_json(R"({"sources": [{"id": "a"}], "sources": []})");
  ASSERT_FALSE(dup.ok());
  auto dup_member = source_registry_from_json(R"([{"id": "a", "name": "x", "name": "y"}])");
  ASSERT_FALSE(dup_member.ok());
  EXPECT_NE(dup_member.error().to_string().find("duplicate member"), std::string::npos);
  auto missing = source_registry_from_json(R"({"posts": []})");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::missing_field);
  auto wrong = source_registry_from_json(R"("sources")");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::wrong_type);
  auto trailing = source_registry_from_json(R"([{"id": "a"}] [])");
  ASSERT_FALSE(trailing.ok());
  // Positions: the bad member's path and byte offset.
  auto typed = source_registry_from_json(R"({"sources": [{"id": "a"}, {"id": "b", "url": 3}]})");
  ASSERT_FALSE(typed.ok());
  EXPECT_EQ(typed.error().field, "sources[1].url");
  EXPECT_EQ(typed.error().offset, std::optional<std::uint64_t>(45));
}

}  // namespace
