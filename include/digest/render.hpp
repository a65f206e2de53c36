// Renderers: a Digest to Markdown, JSON or JSON Feed; the stories of a
// collection as text or JSON.
#pragma once

#include <string>

#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/stories.hpp"

namespace digest {

DG_API std::string render_markdown(const Digest& digest);
DG_API std::string render_json(const Digest& digest, bool pretty = true);
// The digest's posts as a JSON Feed 1.1, in digest order, with the section
// sources in "_digestcore". The feed's title is the digest's unless
// options.title is set to something other than its default.
DG_API std::string render_json_feed(const Digest& digest, const FeedOptions& options = {});

// The stories of `collection` (cluster_stories over it): each story with its
// clusters and their posts (id, language, source, title), the pairs that
// joined each cluster (estimated and verified similarity, rule) and the
// links that joined its clusters (score, shared anchors). Text is for
// people: one line per post, pair or link, what strangers wrote made safe to
// show. JSON names posts by id: {post_count, cluster_count, story_count,
// stats, stories: [{id, representative, post_count, clusters: [{id, posts,
// pairs}], links}]}. invalid_argument
// when `stories` was not computed over this collection (an index out of
// range).
DG_API Result<std::string> render_stories_text(const Collection& collection,
                                               const StoryResult& stories);
DG_API Result<std::string> render_stories_json(const Collection& collection,
                                               const StoryResult& stories, bool pretty = true);

}  // namespace digest
