// Renderers: a Digest to Markdown, JSON or JSON Feed.
#pragma once

#include <string>

#include "digest/digest.hpp"
#include "digest/json.hpp"

namespace digest {

DG_API std::string render_markdown(const Digest& digest);
DG_API std::string render_json(const Digest& digest, bool pretty = true);
// The digest's posts as a JSON Feed 1.1, in digest order, with the section
// sources in "_digestcore". The feed's title is the digest's unless
// options.title is set to something other than its default.
DG_API std::string render_json_feed(const Digest& digest, const FeedOptions& options = {});

}  // namespace digest
