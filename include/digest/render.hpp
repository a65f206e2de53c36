// Renderers: a Digest to Markdown, HTML, JSON or JSON Feed; the clippings
// site of a collection; the stories of a collection as text or JSON.
// Every renderer escapes what posts carry for its format, drops control and
// bidi-override characters (text/safe.hpp), and links only http(s) URLs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/stories.hpp"

namespace digest {

// Markdown in the digest's locale: title, period, sections, each item with
// its linked title, attribution line, excerpt as a quote and "also in".
DG_API std::string render_markdown(const Digest& digest);

struct HtmlOptions {
  // A standalone page (<!DOCTYPE html> … </html>, with a small inline
  // stylesheet); false: the digest's <article> alone, for embedding.
  bool standalone = true;
  // Links to other pages of a site, written as given after safe-link checks
  // (only relative and http(s) URLs); empty: none. For render_site.
  std::vector<std::pair<std::string, std::string>> nav;  // (label, href)
};
// Semantic HTML: <article> per digest, <section> per section, <article> per
// item with its own lang and dir, so right-to-left items read right to left
// in a left-to-right page and the reverse; text escaped and isolated
// (<bdi>), no script, only http(s) links.
DG_API std::string render_html(const Digest& digest, const HtmlOptions& options = {});

// The library's JSON for a digest; load_digest_json reads it back to an
// equal Digest (parse_error with its position for anything else).
DG_API std::string render_json(const Digest& digest, bool pretty = true);
DG_API Result<Digest> load_digest_json(std::string_view json);
// The digest's items as a JSON Feed 1.1, in digest order, with the digest's
// sections, stories and entities in a top-level "_digestcore" object and
// each item's section, story, outlets and "also in" in the item's. The
// feed's title is the digest's unless options.title is set to something
// other than its default.
DG_API std::string render_json_feed(const Digest& digest, const FeedOptions& options = {});

// ---- the clippings site ------------------------------------------------------

struct SiteOptions {
  std::string title = "Clippings";
  std::string locale = "en";  // labels and dates of every page
  // Digest pages: one per ISO week (default), month, or seven days ending
  // on `week_ends` (0 = Sunday .. 6 = Saturday) when set.
  PeriodKind digest_periods = PeriodKind::iso_week;
  std::optional<int> week_ends;
  PeriodCalendar month_calendar = PeriodCalendar::gregorian;
  DigestOptions digest;  // group_by, rank, limits of the digest pages
  std::string base_url;  // absolute http(s) base for feed.json's own links; empty: none
  std::size_t page_size = 200;  // clippings per index page (index.html, page-2.html, …)
};
// Sets the digest pages of `options` from a name: "week" (ISO weeks),
// "month", "persian-month", or "week-ending:fri" (any weekday, three letters
// or whole, any case). invalid_argument for anything else.
DG_API Status set_site_periods(SiteOptions& options, std::string_view periods);

struct SiteFile {
  std::string path;  // relative, '/'-separated: "index.html", "digests/2021-w33.html"
  std::string content;
};
// The static clippings site of `collection`: index.html (every clipping,
// newest first: title, posted date, attribution line, excerpt, link, with the
// digests among them), a page per digest period, a page per source,
// feed.json. Relative links only: the folder works from disk or any server.
DG_API Result<std::vector<SiteFile>> render_site(const Collection& collection,
                                                 const SiteOptions& options = {});
// render_site written under `dir` (created if missing), each file atomically;
// the files written, in order.
DG_API Result<std::vector<std::string>> write_site(const Collection& collection,
                                                   const std::string& dir,
                                                   const SiteOptions& options = {});

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
