// A Digest as the library's JSON (render_json, read back by
// load_digest_json in import_digest.cpp) and as a JSON Feed (render_json_feed).
#include <boost/date_time/gregorian/gregorian.hpp>
#include <map>
#include <unordered_set>

#include "digest/render.hpp"
#include "json/writer.hpp"

namespace digest {

using json_detail::Writer;

namespace {

std::string_view kind_name(PeriodKind k) {
  switch (k) {
    case PeriodKind::iso_week: return "iso_week";
    case PeriodKind::week: return "week";
    case PeriodKind::month: return "month";
    case PeriodKind::range: return "range";
    case PeriodKind::days: return "days";
  }
  return "range";
}

void write_period(Writer& w, const Period& p) {
  w.open('{');
  w.member("label", p.label);
  w.member("first", boost::gregorian::to_iso_extended_string(p.first));
  w.member("last", boost::gregorian::to_iso_extended_string(p.last));
  w.member("kind", kind_name(p.kind));
  w.member("calendar", p.calendar == PeriodCalendar::persian ? "persian" : "gregorian");
  w.close('}');
}

void write_head(Writer& w, const Digest& d) {
  w.member("title", d.title);
  w.key("period");
  write_period(w, d.period);
  w.member("locale", d.locale);
  w.member("group_by", group_by_name(d.group_by));
  w.member("rank", rank_name(d.rank));
  w.key("post_count");
  w.raw(std::to_string(d.post_count()));
}

}  // namespace

std::string render_json(const Digest& digest, bool pretty) {
  std::string out;
  Writer w(out, pretty);
  w.open('{');
  w.key("digestcore_digest");
  w.raw("1");
  write_head(w, digest);
  w.key("sources");
  w.open('[');
  for (const Source& s : digest.sources) json_detail::write_source(w, s);
  w.close(']');
  w.key("sections");
  w.open('[');
  for (const DigestSection& s : digest.sections) {
    w.open('{');
    w.member("source", s.source_id);
    w.member("heading", s.heading);
    w.key("posts");
    w.open('[');
    for (const Post& p : s.posts) json_detail::write_post(w, p);
    w.close(']');
    w.key("items");
    w.open('[');
    for (const DigestItem& item : s.items) {
      w.open('{');
      w.member("story", item.story);
      w.key("outlets");
      w.raw(std::to_string(item.outlets));
      w.key("entities");
      w.strings(item.entities);
      w.key("also");
      w.open('[');
      for (const Post& p : item.also) json_detail::write_post(w, p);
      w.close(']');
      w.close('}');
    }
    w.close(']');
    w.close('}');
  }
  w.close(']');
  w.close('}');
  out += '\n';
  return out;
}

std::string render_json_feed(const Digest& digest, const FeedOptions& options) {
  // The feed of a collection holding the digest's items in digest order and
  // the sources they name; the digest's shape goes in "_digestcore".
  Collection selected;
  for (const Source& s : digest.sources) (void)selected.add_source(s);
  for (const DigestSection& s : digest.sections)
    for (const Post& p : s.posts) (void)selected.add_post(p);
  FeedOptions feed = options;
  if (feed.title == FeedOptions{}.title) feed.title = digest.title;
  return json_detail::write_json_feed(selected, feed, [&digest](Writer& w) {
    w.key("digest");
    w.open('{');
    write_head(w, digest);
    w.close('}');
    // Sections name their items by id; an item's "also in" posts are not
    // feed items, so they are given whole enough to link.
    w.key("sections");
    w.open('[');
    std::map<std::string, std::size_t> entity_items;
    for (const DigestSection& s : digest.sections) {
      w.open('{');
      w.member("heading", s.heading);
      w.member_if("key", s.source_id);
      w.key("items");
      w.open('[');
      for (std::size_t i = 0; i < s.posts.size(); ++i) {
        w.open('{');
        w.member("id", s.posts[i].id);
        if (i < s.items.size()) {
          const DigestItem& item = s.items[i];
          w.member("story", item.story);
          w.key("outlets");
          w.raw(std::to_string(item.outlets));
          w.strings_if("entities", item.entities);
          for (const std::string& e : item.entities) ++entity_items[e];
          if (!item.also.empty()) {
            w.key("also_in");
            w.open('[');
            for (const Post& p : item.also) {
              w.open('{');
              w.member("id", p.id);
              w.member_if("title", p.title);
              w.member_if("url", p.url);
              w.member_if("source", p.source);
              w.member_if("language", p.language);
              w.close('}');
            }
            w.close(']');
          }
        }
        w.close('}');
      }
      w.close(']');
      w.close('}');
    }
    w.close(']');
    // Stories told by more than one post: the representative and the rest.
    w.key("stories");
    w.open('[');
    for (const DigestSection& s : digest.sections)
      for (std::size_t i = 0; i < s.posts.size() && i < s.items.size(); ++i) {
        const DigestItem& item = s.items[i];
        if (item.also.empty()) continue;
        w.open('{');
        w.member("id", item.story);
        w.member("representative", s.posts[i].id);
        w.key("outlets");
        w.raw(std::to_string(item.outlets));
        w.key("posts");
        w.open('[');
        w.string(s.posts[i].id);
        for (const Post& p : item.also) w.string(p.id);
        w.close(']');
        w.close('}');
      }
    w.close(']');
    w.key("entities");
    w.open('[');
    for (const auto& [id, n] : entity_items) {
      w.open('{');
      w.member("id", id);
      w.key("items");
      w.raw(std::to_string(n));
      w.close('}');
    }
    w.close(']');
  });
}

}  // namespace digest
