// A Digest as JSON (render_json) and as a JSON Feed (render_json_feed).
#include <boost/date_time/gregorian/gregorian.hpp>

#include "digest/render.hpp"
#include "json/writer.hpp"

namespace digest {

using json_detail::Writer;

namespace {

void date_member(Writer& w, std::string_view key, const std::optional<DateTime>& d) {
  w.key(key);
  if (d) w.string(d->to_iso());
  else w.raw("null");
}

void write_digest_post(Writer& w, const Post& p) {
  w.open('{');
  w.member("id", p.id);
  w.member("title", p.title);
  w.member("url", p.url);
  w.key("authors");
  w.strings(p.authors);
  w.member("place", p.place);
  date_member(w, "posted_on", p.posted_on);
  date_member(w, "published_on", p.published_on);
  w.member("language", p.language);
  w.key("tags");
  w.strings(p.tags);
  w.member("excerpt", p.excerpt);
  w.close('}');
}

}  // namespace

std::string render_json(const Digest& digest, bool pretty) {
  std::string out;
  Writer w(out, pretty);
  w.open('{');
  w.member("title", digest.title);
  w.key("period");
  w.open('{');
  w.member("label", digest.period.label);
  w.member("first", boost::gregorian::to_iso_extended_string(digest.period.first));
  w.member("last", boost::gregorian::to_iso_extended_string(digest.period.last));
  w.close('}');
  w.key("post_count");
  w.raw(std::to_string(digest.post_count()));
  w.key("sections");
  w.open('[');
  for (const DigestSection& s : digest.sections) {
    w.open('{');
    w.member("source", s.source_id);
    w.member("heading", s.heading);
    w.key("posts");
    w.open('[');
    for (const Post& p : s.posts) write_digest_post(w, p);
    w.close(']');
    w.close('}');
  }
  w.close(']');
  w.close('}');
  out += '\n';
  return out;
}

std::string render_json_feed(const Digest& digest, const FeedOptions& options) {
  // The feed of a collection holding the digest's posts in digest order and
  // the sources its sections name.
  Collection selected;
  for (const DigestSection& s : digest.sections) {
    if (s.source && !selected.find_source(s.source->id)) (void)selected.add_source(*s.source);
    for (const Post& p : s.posts) (void)selected.add_post(p);
  }
  FeedOptions feed = options;
  if (feed.title == FeedOptions{}.title) feed.title = digest.title;
  return export_json_feed(selected, feed);
}

}  // namespace digest
