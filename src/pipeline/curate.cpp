// The curation pipeline (curate.hpp). Everything that can fail is checked
// before the first change, so the steps themselves run in place (no copy of
// a collection of millions of posts).
#include "digest/curate.hpp"

#include <cstdint>
#include <limits>
#include "text/utf8.hpp"

namespace digest {
namespace {

// Step 4's options as cluster_stories gets them: the gazetteer of step 3
// stands in for a missing one.
StoryOptions story_options(const CurateOptions& options) {
  StoryOptions o = *options.stories;
  if (!o.entities) o.entities = options.entities;
  return o;
}

// Stores each post's cluster and story ids and counts step 4's report.
void apply_stories(Collection& collection, const StoryResult& r, CurateReport& report) {
  // Posts are reached by id (see step 1); changing fields other than the id
  // leaves the span and the ids in place.
  const auto posts = collection.posts();
  for (std::size_t i = 0; i < posts.size(); ++i) {
    Post* p = collection.find_post(posts[i].id);
    const Cluster& c = r.duplicates.clusters[r.duplicates.cluster_of[i]];
    p->cluster = posts[c.representative].id;
    p->story = r.stories[r.story_of[i]].id;
  }
  for (const Cluster& c : r.duplicates.clusters)
    if (c.members.size() > 1) ++report.near_duplicate_clusters;
  for (const Story& s : r.stories)
    if (s.posts.size() > 1) ++report.multi_post_stories;
}

}  // namespace

Result<CurateReport> curate(Collection& collection, const CurateOptions& options) {
  if (detail::first_invalid_utf8(options.entity_tag_prefix)) {
    Error e(ErrorCode::invalid_argument, "the entity tag prefix is not well-formed UTF-8");
    e.field = "entity_tag_prefix";
    return e;
  }
  if (options.stories) {
    // Checked before the first change: the same options over no posts fail
    // exactly when they are out of range.
    Result<StoryResult> dry = cluster_stories(Collection(), story_options(options));
    if (!dry.ok()) return std::move(dry).error();
    if (collection.size() >= std::numeric_limits<std::uint32_t>::max())
      return Error(ErrorCode::limit_exceeded, "too many posts for the stories step (at most 2^32 - 2)");
  }
  CurateReport report;
  if (options.fill_from_attribution) {
    // Posts are reached by id: the collection hands out no mutable span, so
    // that nobody can change an id behind its index.
    const std::size_t n = collection.size();
    for (std::size_t i = 0; i < n; ++i) {
      Post* p = collection.find_post(collection.posts()[i].id);
      if (apply_attribution(*p, options.sources, options.attribution)) ++report.posts_attributed;
    }
  }
  if (options.sources) {
    for (const Source& s : options.sources->sources()) {
      if (collection.find_source(s.id)) continue;  // the collection's own record wins
      // Cannot fail: registry ids are non-empty and unique, and absent here.
      if (Status st = collection.add_source(s); !st) return std::move(st).error();
      ++report.sources_added;
    }
    report.posts_filed = resolve_post_sources(collection, *options.sources, options.resolve);
  }
  if (options.entities) {
    std::vector<PostEntities> tags = tag_posts(collection, *options.entities, options.tagging);
    report.entity_tags_added = apply_entity_tags(collection, tags, options.entity_tag_prefix);
  }
  if (options.stories) {
    Result<StoryResult> r = cluster_stories(collection, story_options(options));
    // The options and the size passed above, so this is not expected to fail.
    if (!r.ok()) return std::move(r).error();
    apply_stories(collection, *r, report);
  }
  return report;
}

}  // namespace digest
