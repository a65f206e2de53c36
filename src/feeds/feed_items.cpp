// Items and channels of RSS and Atom as posts and sources (see
// feed_items.hpp): HTML fields through the one HTML-to-text step, dates
// through read_feed_date, ids from the guid or (a repair) the link.
#include "feeds/feed_items.hpp"

#include <cstdint>
#include <cstdio>

#include "digest/encoding.hpp"
#include "json/json_internal.hpp"
#include "text/safe.hpp"
#include "text/url.hpp"

namespace digest::feed_detail {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Runs of whitespace as one space, none at the ends: titles are one line.
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool gap = false;
  for (char c : s) {
    if (space(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

bool looks_like_markup(std::string_view s) {
  return s.find('<') != std::string_view::npos || s.find('&') != std::string_view::npos;
}

// HTML as text; markup gumbo cannot take (absurd nesting) is kept as text.
// Text without a tag or a reference only has its whitespace collapsed, as
// HTML would: most descriptions, and no parser to build.
std::string html_text(std::string_view html, const Warn& warn, std::string_view field) {
  if (!looks_like_markup(html)) return one_line(html);
  std::string out, error;
  if (!json_detail::html_to_text(html, out, error)) {
    warn(ErrorCode::limit_exceeded, std::string(field) + ": " + error + "; kept as written");
    return std::string(html);
  }
  return out;
}

// "editor@example.org (Dana Example)" and "Dana Example <editor@…>" name
// Dana Example; a bare address stays as written.
std::string author_name(std::string a) {
  std::size_t open = a.find('(');
  if (open != std::string::npos && a.back() == ')' && a.find('@') < open) {
    std::string name = one_line(std::string_view(a).substr(open + 1, a.size() - open - 2));
    if (!name.empty()) return name;
  }
  std::size_t lt = a.find('<');
  if (lt != std::string::npos && lt > 0 && a.back() == '>' && a.find('@', lt) != std::string::npos) {
    std::string name = one_line(std::string_view(a).substr(0, lt));
    if (!name.empty()) return name;
  }
  return one_line(a);
}

}  // namespace

std::string content_id(std::string_view title, std::string_view date, std::string_view summary,
                       std::string_view content) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(title);
  mix(date);
  mix(summary);
  mix(content);
  char buf[24];
  std::snprintf(buf, sizeof buf, "item-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {

std::string enclosures_json(const std::vector<Enclosure>& list) {
  std::string out = "[";
  for (const Enclosure& e : list) {
    if (out.size() > 1) out += ',';
    out += "{\"url\":";
    append_json_string(out, e.url);
    if (!e.type.empty()) {
      out += ",\"type\":";
      append_json_string(out, e.type);
    }
    if (!e.length.empty()) {
      out += ",\"length\":";
      append_json_string(out, e.length);
    }
    if (!e.medium.empty()) {
      out += ",\"medium\":";
      append_json_string(out, e.medium);
    }
    out += '}';
  }
  out += ']';
  return out;
}

}  // namespace

void repair_field(std::string& text, std::string_view field, const Warn& warn) {
  if (auto fix = repair_mojibake(text)) {
    warn(ErrorCode::invalid_utf8, std::string(field) + ": repaired mojibake (UTF-8 read as " +
                                      fix->charset + ")");
    text = std::move(fix->text);
  }
}

Source channel_source(const ChannelDraft& c) {
  Source s;
  s.name = c.title_html && looks_like_markup(c.title) ? [&] {
    std::string out, err;
    return json_detail::html_to_text(c.title, out, err) ? out : c.title;
  }() : one_line(c.title);
  s.url = c.link;
  s.language = c.language;
  std::string key = canonical_url(c.link);
  if (!key.empty()) {
    s.id = key.substr(key.find("://") + 3);
    while (s.id.size() > 1 && s.id.back() == '/') s.id.pop_back();
  } else if (!c.id.empty()) {
    s.id = c.id;
  } else {
    s.id = one_line(s.name);
  }
  return s;
}

Result<Post> item_post(ItemDraft&& d, const ChannelDraft& channel, const std::string& source_id,
                       bool strict, const Warn& warn) {
  Post p;
  // Title, link, id.
  p.title = d.title_html && looks_like_markup(d.title) ? one_line(html_text(d.title, warn, "title"))
                                                       : one_line(d.title);
  p.url = std::move(d.link);
  bool guid_is_link = d.guid_permalink && detail::classify_link(d.guid) == detail::LinkKind::web;
  if (p.url.empty() && guid_is_link) p.url = d.guid;
  if (!d.guid.empty()) {
    p.id = d.guid;
  } else if (strict) {
    return Error(ErrorCode::missing_field, "the item has no guid or id");
  } else if (!p.url.empty()) {
    p.id = p.url;
    warn(ErrorCode::missing_field, "the item has no guid or id; its link is used as its id");
  } else {
    p.id = content_id(d.title, d.published, d.summary, d.content);
    warn(ErrorCode::missing_field,
         "the item has no guid, id or link; an id is made from its content: " + p.id);
  }
  // Dates: published, else updated.
  auto date = [&](const std::string& text, const char* what) -> std::optional<DateTime> {
    if (text.empty()) return std::nullopt;
    bool repaired = false;
    auto v = read_feed_date(text, true, &repaired);
    if (!v) {
      warn(ErrorCode::parse_error,
           std::string("unreadable ") + what + " date " + detail::quote_for_message(text) +
               "; left out");
    } else if (repaired) {
      warn(ErrorCode::parse_error,
           std::string(what) + " date " + detail::quote_for_message(text) + " read as " +
               v->to_iso());
    }
    return v;
  };
  p.published_on = date(d.published, "published");
  if (!p.published_on) {
    auto updated = date(d.updated, "updated");
    if (strict && !d.published.empty()) return Error(ErrorCode::parse_error, "unreadable date");
    p.published_on = updated;
  } else if (!d.updated.empty()) {
    if (auto u = read_feed_date(d.updated, true, nullptr))
      p.extra.push_back({"updated", [&] {
                           std::string j;
                           append_json_string(j, u->to_iso());
                           return j;
                         }()});
  }
  for (std::string& a : d.authors) {
    std::string name = author_name(std::move(a));
    if (!name.empty()) p.authors.push_back(std::move(name));
  }
  for (std::string& t : d.tags) {
    // RSS 2.0 allows a category "domain" path; dc:subject may list several.
    std::string tag = one_line(t);
    if (!tag.empty()) p.tags.push_back(std::move(tag));
  }
  if (!d.summary.empty())
    p.excerpt = d.summary_html ? html_text(d.summary, warn, "description") : d.summary;
  if (!d.content.empty())
    p.body = d.content_html ? html_text(d.content, warn, "content") : d.content;
  p.language = !d.language.empty() ? std::move(d.language) : channel.language;
  // An aggregator's item names the outlet it comes from (<source>): that is
  // the post's outlet, as written, for curate to resolve; else the channel.
  p.source = d.outlet.empty() ? source_id : one_line(d.outlet);
  if (!d.comments.empty()) {
    std::string j;
    append_json_string(j, d.comments);
    p.extra.push_back({"comments", std::move(j)});
  }
  if (!d.enclosures.empty()) p.extra.push_back({"enclosures", enclosures_json(d.enclosures)});
  if (!strict) {
    repair_field(p.title, "title", warn);
    repair_field(p.excerpt, "description", warn);
    repair_field(p.body, "content", warn);
    for (std::string& a : p.authors) repair_field(a, "author", warn);
    for (std::string& t : p.tags) repair_field(t, "category", warn);
  }
  return p;
}

}  // namespace digest::feed_detail
