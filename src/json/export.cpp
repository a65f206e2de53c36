// JSON export: the own format (pretty or compact), JSON Lines and JSON Feed
// 1.1. Strings are escaped by append_json_string (invalid UTF-8 becomes
// U+FFFD); extra fields are written minified when they are valid JSON and as
// a JSON string of their text otherwise, so the output is always valid JSON.
#include <array>
#include <string>
#include <vector>

#include "digest/json.hpp"
#include "json/json_internal.hpp"
#include "json/fields.hpp"
#include "json/writer.hpp"
#include "digest/io.hpp"

namespace digest {

namespace json_detail {

void write_source(Writer& w, const Source& s) {
  w.open('{');
  w.member("id", s.id);
  w.member_if("name", s.name);
  w.strings_if("aliases", s.aliases);
  w.member_if("url", s.url);
  w.member_if("language", s.language);
  w.member_if("country", s.country);
  for (const ExtraField& x : s.extra) {
    if (source_field_index(x.name) >= 0) continue;  // would read back as the field
    w.key(x.name);
    w.extra(x.raw_json);
  }
  w.close('}');
}

bool is_post_field(std::string_view k) { return post_field_index(k) >= 0; }

void write_post(Writer& w, const Post& p) {
  w.open('{');
  w.member("id", p.id);
  w.member_if("title", p.title);
  w.member_if("url", p.url);
  if (p.posted_on) w.member("posted_on", p.posted_on->to_iso());
  if (p.published_on) w.member("published_on", p.published_on->to_iso());
  w.strings_if("authors", p.authors);
  w.member_if("source", p.source);
  w.member_if("place", p.place);
  w.member_if("excerpt", p.excerpt);
  w.member_if("body", p.body);
  w.member_if("language", p.language);
  w.strings_if("tags", p.tags);
  w.member_if("cluster", p.cluster);
  w.member_if("story", p.story);
  for (const ExtraField& x : p.extra) {
    if (is_post_field(x.name)) continue;  // would read back as the model field
    w.key(x.name);
    w.extra(x.raw_json);
  }
  w.close('}');
}

}  // namespace json_detail

namespace {

using json_detail::Writer;
using json_detail::write_source;
using json_detail::is_post_field;

bool is_source_field(std::string_view k) {
  return json_detail::source_field_index(k) >= 0;
}

// JSON Feed item members that the importer keeps as extra fields, so they
// may be written back at item level.
bool feed_item_extra(std::string_view k) {
  if (k.starts_with("_")) return k != "_digestcore";
  return k == "external_url" || k == "image" || k == "banner_image" || k == "date_modified" ||
         k == "attachments";
}

}  // namespace

void json_detail::write_feed_item(Writer& w, const Post& p) {
  w.open('{');
  w.member("id", p.id);
  w.member_if("url", p.url);
  w.member_if("title", p.title);
  w.member("content_text", p.body);
  w.member_if("summary", p.excerpt);
  // date_published must be a full RFC 3339 date-time: a missing time is
  // midnight and a missing offset UTC; the exact value goes in _digestcore.
  const std::optional<DateTime>& shown = p.posted_on ? p.posted_on : p.published_on;
  bool posted_exact = !p.posted_on || (p.posted_on->seconds && p.posted_on->utc_offset_minutes);
  if (shown) {
    DateTime d = *shown;
    if (!d.seconds) d.seconds = 0;
    if (!d.utc_offset_minutes) d.utc_offset_minutes = 0;
    w.member("date_published", d.to_iso());
  }
  w.strings_if("tags", p.tags);
  w.member_if("language", p.language);
  if (!p.authors.empty()) {
    w.key("authors");
    w.open('[');
    for (const std::string& a : p.authors) {
      w.open('{');
      w.member("name", a);
      w.close('}');
    }
    w.close(']');
  }
  // Extra fields: a leading run of item-level names stays at item level; the
  // rest go into _digestcore, written last, so that import keeps their order.
  std::size_t split = 0;
  while (split < p.extra.size() && feed_item_extra(p.extra[split].name)) ++split;
  for (std::size_t i = 0; i < split; ++i) {
    w.key(p.extra[i].name);
    w.extra(p.extra[i].raw_json);
  }
  bool need_ext = !posted_exact || (!p.posted_on && p.published_on) || p.published_on ||
                  !p.source.empty() || !p.place.empty() || !p.cluster.empty() ||
                  !p.story.empty() || split < p.extra.size();
  if (need_ext) {
    w.key("_digestcore");
    w.open('{');
    if (p.posted_on && !posted_exact) {
      w.member("posted_on", p.posted_on->to_iso());
    } else if (!p.posted_on && p.published_on) {
      w.key("posted_on");
      w.raw("null");  // date_published above is the publication date
    }
    if (p.published_on) w.member("published_on", p.published_on->to_iso());
    w.member_if("source", p.source);
    w.member_if("place", p.place);
    w.member_if("cluster", p.cluster);
    w.member_if("story", p.story);
    for (std::size_t i = split; i < p.extra.size(); ++i) {
      if (is_post_field(p.extra[i].name)) continue;
      w.key(p.extra[i].name);
      w.extra(p.extra[i].raw_json);
    }
    w.close('}');
  }
  w.close('}');
}

// The own format and JSON Lines are written by ExportStream, post by post
// and the sources last, so that a whole collection and a streamed convert
// give the same bytes.
namespace {

std::string export_whole(JsonFormat format, const Collection& c, const ExportOptions& options) {
  std::string out;
  ExportStream stream(
      format,
      [&out](std::string_view piece) {
        out.append(piece);
        return Status{};
      },
      options, FeedOptions{});
  for (const Post& p : c.posts()) (void)stream.add_post(p);  // the sink cannot fail
  (void)stream.finish(c.sources());
  return out;
}

}  // namespace

std::string export_json(const Collection& c, const ExportOptions& options) {
  return export_whole(JsonFormat::own, c, options);
}

std::string export_json_lines(const Collection& c) {
  return export_whole(JsonFormat::json_lines, c, ExportOptions{});
}

std::string export_json_feed(const Collection& c, const FeedOptions& options) {
  return json_detail::write_json_feed(c, options, {});
}

void json_detail::open_feed_items(Writer& w, const FeedOptions& options) {
  w.open('{');
  w.member("version", "https://jsonfeed.org/version/1.1");
  w.member("title", options.title);
  w.member_if("home_page_url", options.home_page_url);
  w.member_if("feed_url", options.feed_url);
  w.key("items");
  w.open('[');
}

std::string json_detail::write_json_feed(const Collection& c, const FeedOptions& options,
                                         const std::function<void(Writer&)>& extension) {
  std::string out;
  Writer w(out, options.pretty);
  json_detail::open_feed_items(w, options);
  for (const Post& p : c.posts()) json_detail::write_feed_item(w, p);
  json_detail::close_feed(w, c.sources(), extension);
  out += '\n';
  return out;
}

void json_detail::close_feed(Writer& w, std::span<const Source> sources,
                             const std::function<void(Writer&)>& extension) {
  w.close(']');
  if (!sources.empty() || extension) {
    w.key("_digestcore");
    w.open('{');
    if (!sources.empty()) {
      w.key("sources");
      w.open('[');
      for (const Source& s : sources) write_source(w, s);
      w.close(']');
    }
    if (extension) extension(w);
    w.close('}');
  }
  w.close('}');
}

}  // namespace digest

namespace digest {

Status export_file(const Collection& collection, const std::string& path, JsonFormat format,
                   const ExportOptions& options) {
  std::string text;
  switch (format) {
    case JsonFormat::own: text = export_json(collection, options); break;
    case JsonFormat::json_lines: text = export_json_lines(collection); break;
    case JsonFormat::json_feed: {
      FeedOptions feed;
      feed.pretty = options.pretty;
      text = export_json_feed(collection, feed);
      break;
    }
    default:
      return Error(ErrorCode::invalid_argument,
                   "export_file writes the own format, JSON Lines or JSON Feed");
  }
  return write_file_atomic(path, text);
}

}  // namespace digest
