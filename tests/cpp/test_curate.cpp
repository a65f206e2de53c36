// The curation pipeline: attribution filling, filing under a registry and
// entity tagging, in one call, as the CLI, C and Python faces run it.
#include <gtest/gtest.h>

#include "digest/curate.hpp"
#include "digest/json.hpp"

namespace {

using namespace digest;

const char* kDoc = R"({"digestcore": 1, "posts": [
  {"id": "a", "excerpt": "Lena Marsh, Harbor Street Tribune, Port Avel, August 17, 2021:… The Sarvan Basin Authority met."},
  {"id": "b", "authors": ["Given Author"], "excerpt": "Lena Marsh, Harbour St. Tribune, August 17, 2021: Text."},
  {"id": "c", "source": "harbor street tribune", "title": "Nothing to see"}
]})";

SourceRegistry registry() {
  auto r = source_registry_from_json(R"({"sources": [
    {"id": "harbor", "name": "Harbor Street Tribune", "aliases": ["Harbour St. Tribune"]}]})");
  EXPECT_TRUE(r.ok());
  return std::move(r).value();
}

Gazetteer gazetteer() {
  auto g = gazetteer_from_json(R"({"entities": [
    {"id": "sba", "name": "Sarvan Basin Authority", "type": "organization"}]})");
  EXPECT_TRUE(g.ok());
  return std::move(g).value();
}

Collection load() {
  Collection c;
  auto r = import_json(c, kDoc);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return c;
}

TEST(Curate, ImportAloneRunsNoAnalysis) {
  Collection c = load();
  EXPECT_TRUE(c.find_post("a")->authors.empty());
  EXPECT_EQ(c.find_post("c")->source, "harbor street tribune");
  EXPECT_TRUE(c.sources().empty());
}

TEST(Curate, NoOptionsChangesNothing) {
  Collection c = load();
  const Collection before = c;
  auto r = curate(c, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(c, before);
  EXPECT_EQ(r->posts_attributed + r->sources_added + r->posts_filed + r->entity_tags_added, 0u);
}

TEST(Curate, AttributionFillsOnlyEmptyFields) {
  Collection c = load();
  CurateOptions o;
  o.fill_from_attribution = true;
  auto r = curate(c, o);
  ASSERT_TRUE(r.ok());
  const Post* a = c.find_post("a");
  EXPECT_EQ(a->authors, std::vector<std::string>{"Lena Marsh"});
  EXPECT_EQ(a->source, "Harbor Street Tribune");  // no registry: the outlet as written
  EXPECT_EQ(a->place, "Port Avel");
  ASSERT_TRUE(a->published_on.has_value());
  EXPECT_EQ(a->published_on->date, Date(2021, 8, 17));
  EXPECT_EQ(a->excerpt.rfind("Lena Marsh, Harbor Street Tribune", 0), 0u);  // text kept
  EXPECT_EQ(c.find_post("b")->authors, std::vector<std::string>{"Given Author"});
  EXPECT_EQ(r->posts_attributed, 2u);
}

TEST(Curate, AllStepsWithRegistryAndGazetteer) {
  Collection c = load();
  SourceRegistry reg = registry();
  Gazetteer gaz = gazetteer();
  CurateOptions o;
  o.fill_from_attribution = true;
  o.sources = &reg;
  o.entities = &gaz;
  auto r = curate(c, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  // The registry names the outlet in attribution, and files the written
  // outlet of post c (a different case) under the same id.
  EXPECT_EQ(c.find_post("a")->source, "harbor");
  EXPECT_EQ(c.find_post("b")->source, "harbor");
  EXPECT_EQ(c.find_post("c")->source, "harbor");
  ASSERT_NE(c.find_source("harbor"), nullptr);
  EXPECT_EQ(r->sources_added, 1u);
  EXPECT_EQ(c.find_post("a")->tags, std::vector<std::string>{"entity:sba"});
  EXPECT_TRUE(c.find_post("c")->tags.empty());
  EXPECT_EQ(r->entity_tags_added, 1u);

  // Curating again adds nothing: every step is idempotent.
  const Collection once = c;
  auto again = curate(c, o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(c, once);
  EXPECT_EQ(again->sources_added + again->entity_tags_added + again->posts_attributed, 0u);
}

TEST(Curate, CollectionSourceRecordWins) {
  Collection c = load();
  Source own;
  own.id = "harbor";
  own.name = "Our own name";
  ASSERT_TRUE(c.add_source(own).ok());
  SourceRegistry reg = registry();
  CurateOptions o;
  o.sources = &reg;
  auto r = curate(c, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sources_added, 0u);
  EXPECT_EQ(c.find_source("harbor")->name, "Our own name");
}

TEST(Curate, BadPrefixFailsAndChangesNothing) {
  Collection c = load();
  const Collection before = c;
  SourceRegistry reg = registry();
  Gazetteer gaz = gazetteer();
  CurateOptions o;
  o.fill_from_attribution = true;
  o.sources = &reg;
  o.entities = &gaz;
  o.entity_tag_prefix = "bad\xC3";
  auto r = curate(c, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(r.error().field, "entity_tag_prefix");
  EXPECT_EQ(c, before);
}

TEST(Curate, CustomPrefix) {
  Collection c = load();
  Gazetteer gaz = gazetteer();
  CurateOptions o;
  o.entities = &gaz;
  o.entity_tag_prefix = "org/";
  ASSERT_TRUE(curate(c, o).ok());
  EXPECT_EQ(c.find_post("a")->tags, std::vector<std::string>{"org/sba"});
}

}  // namespace
