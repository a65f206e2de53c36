// The curation pipeline: attribution filling, filing under a registry and
// entity tagging, in one call, as the CLI, C and Python faces run it.
#include <gtest/gtest.h>

#include <map>
#include <string>

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

// ---- step 4: stories ----------------------------------------------------------

Collection example() {
  Collection c;
  auto r = import_file(c, std::string(DIGEST_EXAMPLES_DATA) + "/collection.json");
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return c;
}

TEST(CurateStories, EveryPostGetsItsClusterAndStory) {
  Collection c = example();
  c.find_post("tvo-2021-08-13-committee")->cluster = "stale";  // overwritten
  CurateOptions o;
  o.stories.emplace();
  auto r = curate(c, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  std::map<std::string, std::size_t> cluster_sizes, story_sizes;
  std::map<std::string, std::string> story_of_cluster;
  for (const Post& p : c.posts()) {
    ASSERT_FALSE(p.cluster.empty()) << p.id;
    ASSERT_FALSE(p.story.empty()) << p.id;
    // A cluster is named after its representative, which is in it.
    const Post* rep = c.find_post(p.cluster);
    ASSERT_NE(rep, nullptr) << p.cluster;
    EXPECT_EQ(rep->cluster, p.cluster);
    EXPECT_EQ(p.story.rfind("story-", 0), 0u) << p.story;
    // A cluster is never split between stories.
    auto [it, fresh] = story_of_cluster.emplace(p.cluster, p.story);
    if (!fresh) EXPECT_EQ(it->second, p.story) << p.id;
    ++cluster_sizes[p.cluster];
    ++story_sizes[p.story];
  }
  EXPECT_EQ(c.find_post("bws-2021-08-17-signing-set")->cluster,
            c.find_post("hst-2021-08-17-signing-set")->cluster);
  EXPECT_NE(c.find_post("tvo-2021-08-13-committee")->cluster, "stale");
  std::size_t joined = 0, shared = 0;
  for (const auto& [id, n] : cluster_sizes) joined += n > 1;
  for (const auto& [id, n] : story_sizes) shared += n > 1;
  EXPECT_GE(joined, 1u);
  EXPECT_EQ(r->near_duplicate_clusters, joined);
  EXPECT_EQ(r->multi_post_stories, shared);
  EXPECT_GE(shared, joined);
  // Nothing else changed, and a second run gives the same collection.
  EXPECT_EQ(r->posts_attributed + r->sources_added + r->posts_filed + r->entity_tags_added, 0u);
  const Collection once = c;
  ASSERT_TRUE(curate(c, o).ok());
  EXPECT_EQ(c, once);
}

TEST(CurateStories, IdsMatchClusterStories) {
  Collection c = example();
  Gazetteer gaz;
  ASSERT_TRUE(gazetteer_add_file(gaz, std::string(DIGEST_EXAMPLES_DATA) + "/entities.json").ok());
  StoryOptions so;
  so.duplicates.threshold = 0.7;
  so.entities = &gaz;
  const auto direct = cluster_stories(c, so);
  ASSERT_TRUE(direct.ok()) << direct.error().to_string();
  // The gazetteer of step 3 stands in for a missing StoryOptions::entities.
  CurateOptions o;
  o.entities = &gaz;
  o.stories = so;
  o.stories->entities = nullptr;
  ASSERT_TRUE(curate(c, o).ok());
  const auto posts = c.posts();
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const Cluster& cl = direct->duplicates.clusters[direct->duplicates.cluster_of[i]];
    EXPECT_EQ(posts[i].cluster, posts[cl.representative].id) << posts[i].id;
    EXPECT_EQ(posts[i].story, direct->stories[direct->story_of[i]].id) << posts[i].id;
  }
}

TEST(CurateStories, BadOptionsFailBeforeAnyStep) {
  Collection c = load();
  const Collection before = c;
  SourceRegistry reg = registry();
  Gazetteer gaz = gazetteer();
  CurateOptions o;
  o.fill_from_attribution = true;
  o.sources = &reg;
  o.entities = &gaz;
  for (int bad = 0; bad < 6; ++bad) {
    StoryOptions so;
    if (bad == 0) so.duplicates.threshold = 0;
    if (bad == 1) so.duplicates.threshold = 1.5;
    if (bad == 2) so.duplicates.minhash.permutations = 1025;
    if (bad == 3) so.duplicates.lsh = LshParams{64, 4};
    if (bad == 4) so.window_days = -1;
    if (bad == 5) so.link_threshold = 2;
    o.stories = so;
    auto r = curate(c, o);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument) << bad;
    EXPECT_EQ(c, before) << bad;
  }
}

TEST(CurateStories, SmallAndEmptyCollections) {
  Collection empty;
  CurateOptions o;
  o.stories.emplace();
  auto r = curate(empty, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->near_duplicate_clusters + r->multi_post_stories, 0u);
  // Posts without text are alone in their cluster and story.
  Collection c = load();
  Post blank;
  blank.id = "blank";
  ASSERT_TRUE(c.add_post(blank).ok());
  r = curate(c, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(c.find_post("blank")->cluster, "blank");
  EXPECT_EQ(c.find_post("blank")->story, "story-blank");
  EXPECT_EQ(c.find_post("c")->cluster, "c");
}

}  // namespace
