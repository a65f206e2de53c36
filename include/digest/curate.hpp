// The curation pipeline: the analysis steps a collection goes through after
// import and before a digest, in a fixed order. The CLI, the C API
// (dg_collection_curate) and Python (Collection.curate) all call this one
// function, so the three give the same collection for the same options.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "digest/attribution.hpp"
#include "digest/digest.hpp"
#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "digest/model.hpp"
#include "digest/result.hpp"
#include "digest/sources.hpp"
#include "digest/stories.hpp"

namespace digest {

struct CurateOptions {
  // Step 1. Fill each post's missing authors, source, place and published_on
  // from the attribution line opening its excerpt or body (apply_attribution).
  // The registry below, when given, names the outlets.
  bool fill_from_attribution = false;
  AttributionOptions attribution;
  // Step 2. File posts under a source registry: add the registry's sources
  // the collection lacks, then set each post's source to the registry id of
  // the outlet it names (resolve_post_sources). Not owned; may be null.
  const SourceRegistry* sources = nullptr;
  ResolveOptions resolve;
  // Step 3. Tag entities: each post gets entity_tag_prefix + id in its tags
  // (once each) for every gazetteer entity its text mentions. Not owned; may
  // be null.
  const Gazetteer* entities = nullptr;
  TagOptions tagging;
  std::string entity_tag_prefix = "entity:";
  // Step 4. Stories: near-duplicate clusters, linked into stories
  // (cluster_stories). Each post's `cluster` becomes the id of its cluster's
  // representative post and its `story` the id of its story (Story::id);
  // every post gets both, a post alone its own. Runs last, so it sees the
  // sources and dates steps 1 and 2 set. When stories->entities is null, the
  // gazetteer of step 3 (`entities` above), if any, supplies the entity
  // anchors: one gazetteer serves both steps. Off when empty.
  std::optional<StoryOptions> stories;
};

struct CurateReport {
  std::size_t posts_attributed = 0;  // posts that gained a field in step 1
  std::size_t sources_added = 0;     // registry sources added in step 2
  std::size_t posts_filed = 0;       // posts whose source changed in step 2
  std::size_t entity_tags_added = 0; // tags added in step 3
  std::size_t near_duplicate_clusters = 0;  // step 4: clusters of more than one post
  std::size_t multi_post_stories = 0;       // step 4: stories of more than one post
};

// Runs the steps in order on `collection`. All or nothing: on failure the
// collection is unchanged. A registry source whose id the collection already
// has is not added (the collection's own record wins). Fails with
// invalid_argument when entity_tag_prefix is not well-formed UTF-8, or when
// the stories options are out of range (as cluster_stories would), before
// any step runs.
DG_API Result<CurateReport> curate(Collection& collection, const CurateOptions& options);

// DigestOptions::entity_name from a gazetteer: the entity's name, else its
// id. The gazetteer must outlive the function.
DG_API std::function<std::string(std::string_view)> entity_names(const Gazetteer& gazetteer);

// What the faces' digest calls add to make_digest.
struct PublishOptions {
  // Names entity sections, and tags the period's posts when none of them
  // carries an entity tag yet (group_by entity or rank entities). Not owned.
  const Gazetteer* entities = nullptr;
  // Stories for group_by story, collapse_stories and rank outlets, when none
  // of the period's posts has a story yet (curate did not run step 4).
  StoryOptions stories;
};

// The digest of `period` as the CLI, C and Python build it: when the
// options need entity tags or stories that the posts lack, curate runs over
// a copy of the period's posts first (the collection is not changed); then
// make_digest, with entity sections named by the gazetteer.
DG_API Result<Digest> publish_digest(const Collection& collection, const Period& period,
                                     const DigestOptions& options,
                                     const PublishOptions& publish = {});

// ---- streaming (since 0.4) --------------------------------------------------

struct StreamReport {
  std::vector<ImportReport> imports;  // one per path, in order
  CurateReport curate;                // summed over the batches
  std::size_t posts = 0;              // handed to the sink
};

// Reads `paths` in turn ("-" is standard input) and hands each post to
// `sink` once curated (steps 1 to 3 of curate, run on batches of
// `batch` posts), without keeping the posts: memory is a batch, the sources
// and 16 bytes per post id, whatever the inputs' size (JSON Lines and XML
// feeds; other formats are read whole). Ids repeated across inputs are
// found too (on_duplicate error or keep_first). The inputs' sources, then
// the registry sources curation adds, go into `sources` (the import's
// target: all or nothing per input). Invalid: curate.stories (stories need
// every post), on_duplicate replace or merge, validate_only. An error from
// an input ends the stream after the posts read before it; an exception from
// `sink` propagates.
DG_API Result<StreamReport> stream_posts(std::span<const std::string> paths,
                                         const ImportOptions& import, const CurateOptions& curate,
                                         Collection& sources,
                                         const std::function<void(Post&&)>& sink,
                                         std::size_t batch = 4096);

}  // namespace digest
