// The stories of a collection as text for people and as JSON (render.hpp):
// what the CLI's `stories` command prints, and what any face can hand out.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "digest/render.hpp"
#include "json/writer.hpp"
#include "text/safe.hpp"

namespace digest {

using json_detail::Writer;

namespace {

// Every index the result holds names a post or cluster that exists.
bool fits(const StoryResult& r, std::size_t posts) {
  const auto& clusters = r.duplicates.clusters;
  auto post = [&](std::size_t i) { return i < posts; };
  if (r.duplicates.cluster_of.size() != posts || r.story_of.size() != posts) return false;
  for (const Cluster& c : clusters) {
    if (!post(c.representative)) return false;
    for (std::size_t m : c.members)
      if (!post(m)) return false;
    for (const JoinedPair& p : c.pairs)
      if (!post(p.a) || !post(p.b)) return false;
  }
  for (const Story& s : r.stories) {
    if (!post(s.representative)) return false;
    for (std::size_t p : s.posts)
      if (!post(p)) return false;
    for (std::size_t c : s.clusters)
      if (c >= clusters.size()) return false;
    for (const StoryLink& l : s.links)
      if (!post(l.a) || !post(l.b)) return false;
  }
  return true;
}

Error not_ours() {
  return Error(ErrorCode::invalid_argument,
               "the stories were not computed over this collection (an index is out of range)");
}

// ---- text ----

// `raw` made safe to show (text/safe.hpp) and kept on one line; "-" for empty.
void append_field(std::string& out, std::string_view raw) {
  if (raw.empty()) {
    out += '-';
    return;
  }
  const std::string text = detail::safe_display_text(raw);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') {
      out += ' ';
    } else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
               (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += ' ';  // U+2028, U+2029: line and paragraph separators
      i += 2;
    } else {
      out += c;
    }
  }
}

void append_fixed(std::string& out, double v) {
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.3f", v);
  out.append(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void text_cluster(std::string& out, std::span<const Post> posts, const Cluster& c) {
  out += "  cluster ";
  append_field(out, posts[c.representative].id);
  out += ": " + plural(c.members.size(), "post", "posts") + "\n";
  for (std::size_t m : c.members) {
    const Post& p = posts[m];
    out += "    ";
    append_field(out, p.id);
    out += " [";
    append_field(out, p.language);
    out += "] ";
    append_field(out, p.source);
    out += ": ";
    append_field(out, p.title);
    out += '\n';
  }
  for (const JoinedPair& p : c.pairs) {
    out += "    pair ";
    append_field(out, posts[p.a].id);
    out += " ~ ";
    append_field(out, posts[p.b].id);
    out += ": estimated ";
    append_fixed(out, p.estimated);
    out += ", verified ";
    append_fixed(out, p.verified);
    out += ", ";
    out += join_rule_name(p.rule);
    out += '\n';
  }
}

// ---- JSON ----

// The shortest text that reads back as the same double (null for NaN or an
// infinity, which JSON cannot write).
void number(Writer& w, double v) {
  if (!std::isfinite(v)) {
    w.raw("null");
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  w.raw(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

void count(Writer& w, std::string_view key, std::size_t n) {
  w.key(key);
  w.raw(std::to_string(n));
}

void json_cluster(Writer& w, std::span<const Post> posts, const Cluster& c) {
  w.open('{');
  w.member("id", posts[c.representative].id);  // as Post::cluster
  w.key("posts");
  w.open('[');
  for (std::size_t m : c.members) {
    const Post& p = posts[m];
    w.open('{');
    w.member("id", p.id);
    w.member("language", p.language);
    w.member("source", p.source);
    w.member("title", p.title);
    w.close('}');
  }
  w.close(']');
  w.key("pairs");
  w.open('[');
  for (const JoinedPair& p : c.pairs) {
    w.open('{');
    w.member("a", posts[p.a].id);
    w.member("b", posts[p.b].id);
    w.key("estimated");
    number(w, p.estimated);
    w.key("verified");
    number(w, p.verified);
    w.member("rule", join_rule_name(p.rule));
    w.close('}');
  }
  w.close(']');
  w.close('}');
}

}  // namespace

Result<std::string> render_stories_text(const Collection& collection, const StoryResult& stories) {
  const auto posts = collection.posts();
  if (!fits(stories, posts.size())) return not_ours();
  const auto& clusters = stories.duplicates.clusters;
  std::size_t joined = 0, shared = 0;
  for (const Cluster& c : clusters) joined += c.members.size() > 1;
  for (const Story& s : stories.stories) shared += s.posts.size() > 1;
  std::string out = plural(posts.size(), "post", "posts") + ": " +
                    plural(clusters.size(), "cluster", "clusters") + " (" +
                    std::to_string(joined) + " of several posts), " +
                    plural(stories.stories.size(), "story", "stories") + " (" +
                    std::to_string(shared) + " of several posts)\n";
  for (const Story& s : stories.stories) {
    out += "\nstory ";
    append_field(out, s.id);
    out += ": " + plural(s.posts.size(), "post", "posts") + ", " +
           plural(s.clusters.size(), "cluster", "clusters") + "\n";
    for (std::size_t c : s.clusters) text_cluster(out, posts, clusters[c]);
    for (const StoryLink& l : s.links) {
      out += "  link ";
      append_field(out, posts[l.a].id);
      out += " ~ ";
      append_field(out, posts[l.b].id);
      out += ": score ";
      append_fixed(out, l.score);
      out += ", shared ";
      for (std::size_t i = 0; i < l.shared.size(); ++i) {
        if (i) out += ", ";
        append_field(out, l.shared[i]);
      }
      if (l.shared.empty()) out += '-';
      out += '\n';
    }
  }
  return out;
}

Result<std::string> render_stories_json(const Collection& collection, const StoryResult& stories,
                                        bool pretty) {
  const auto posts = collection.posts();
  if (!fits(stories, posts.size())) return not_ours();
  const DuplicateResult& d = stories.duplicates;
  std::string out;
  Writer w(out, pretty);
  w.open('{');
  count(w, "post_count", posts.size());
  count(w, "cluster_count", d.clusters.size());
  count(w, "story_count", stories.stories.size());
  w.key("stats");
  w.open('{');
  count(w, "lsh_bands", d.stats.lsh.bands);
  count(w, "lsh_rows", d.stats.lsh.rows);
  count(w, "candidate_pairs", d.stats.candidate_pairs);
  count(w, "verified_pairs", d.stats.verified_pairs);
  count(w, "boilerplate_sentences", d.stats.boilerplate_sentences);
  w.close('}');
  w.key("stories");
  w.open('[');
  for (const Story& s : stories.stories) {
    w.open('{');
    w.member("id", s.id);
    w.member("representative", posts[s.representative].id);
    count(w, "post_count", s.posts.size());
    w.key("clusters");
    w.open('[');
    for (std::size_t c : s.clusters) json_cluster(w, posts, d.clusters[c]);
    w.close(']');
    w.key("links");
    w.open('[');
    for (const StoryLink& l : s.links) {
      w.open('{');
      w.member("a", posts[l.a].id);
      w.member("b", posts[l.b].id);
      w.key("score");
      number(w, l.score);
      w.key("shared");
      w.strings(l.shared);
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

}  // namespace digest
