// Tests of the JSON import/export module (include/digest/json.hpp).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>


#include "digest/json.hpp"

using namespace digest;

namespace {

const std::string kData = std::string(DIGEST_TEST_DATA) + "/json/";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Collection load(const std::string& name, JsonFormat format = JsonFormat::detect) {
  Collection c;
  ImportOptions o;
  o.format = format;
  auto r = import_file(c, kData + name, o);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
  return c;
}

// Imports `json` into a fresh collection and returns the error (the test
// fails when the import succeeds).
Error import_error(std::string_view json, ImportOptions o = {}) {
  Collection c;
  auto r = import_json(c, json, o);
  EXPECT_FALSE(r.ok()) << "import of <" << json.substr(0, 200) << "> succeeded";
  EXPECT_TRUE(c.empty());
  return r.ok() ? Error() : r.error();
}

// A small strict JSON checker, independent of the library: one value,
// RFC 8259 grammar, well-formed UTF-8 (an encoded surrogate is refused).
class Checker {
 public:
  explicit Checker(std::string_view s) : s_(s) {}
  bool run() {
    ws();
    if (!value(0)) return false;
    ws();
    return i_ == s_.size();
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool lit(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool value(int depth) {
    if (depth > 500 || i_ >= s_.size()) return false;
    char c = s_[i_];
    if (c == '{' || c == '[') {
      char end = c == '{' ? '}' : ']';
      ++i_;
      ws();
      if (i_ < s_.size() && s_[i_] == end) return ++i_, true;
      while (true) {
        ws();
        if (c == '{') {
          if (i_ >= s_.size() || s_[i_] != '"' || !string()) return false;
          ws();
          if (!lit(":")) return false;
          ws();
        }
        if (!value(depth + 1)) return false;
        ws();
        if (lit(",")) continue;
        return lit(std::string_view(&end, 1));
      }
    }
    if (c == '"') return string();
    if (c == 't') return lit("true");
    if (c == 'f') return lit("false");
    if (c == 'n') return lit("null");
    std::size_t start = i_;
    if (s_[i_] == '-') ++i_;
    if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) return false;
    if (s_[i_] == '0') ++i_; else while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) return false;
      while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) return false;
      while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    return i_ > start;
  }
  bool string() {
    ++i_;
    while (i_ < s_.size()) {
      auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        if (i_ + 1 >= s_.size()) return false;
        char e = s_[i_ + 1];
        if (e == 'u') {
          for (int k = 2; k < 6; ++k)
            if (i_ + k >= s_.size() || !isxdigit(static_cast<unsigned char>(s_[i_ + k]))) return false;
          i_ += 6;
        } else if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) {
          i_ += 2;
        } else {
          return false;
        }
        continue;
      }
      if (c < 0x80) { ++i_; continue; }
      int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      if (len == 0 || c > 0xF4 || i_ + len > s_.size()) return false;
      auto c1 = static_cast<unsigned char>(s_[i_ + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
          (c == 0xF4 && c1 >= 0x90))
        return false;
      for (int k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s_[i_ + k]) & 0xC0) != 0x80) return false;
      i_ += len;
    }
    return false;
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

bool valid_json(const std::string& text) { return Checker(text).run(); }

// HTML to text as the importer does it, through a WordPress post's content.
std::string html_text(std::string_view html) {
  std::string doc = "[{\"id\": 1, \"content\": {\"rendered\": ";
  append_json_string(doc, html);
  doc += "}}]";
  Collection c;
  auto r = import_json(c, doc);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
  return r.ok() ? c.posts()[0].body : std::string("<error>");
}

DateTime iso(const char* s) { return DateTime::from_iso(s).value(); }

Post rich_post(std::string id) {
  Post p;
  p.id = std::move(id);
  p.title = "Quote \" backslash \\ tab \t newline \n bell \x07 — «ÆØÅ» 日本 \xF0\x9F\x98\x80";
  p.url = "https://example.org/a?b=1&c=2";
  p.posted_on = iso("2021-08-23T10:05:00+04:30");
  p.published_on = iso("2021-08-22");
  p.authors = {"A. Writer", "Б. Автор"};
  p.source = "src-1";
  p.place = "Ελληνικό χωριό";
  p.excerpt = "short";
  p.body = "line one\nline two\r\n\u2028end";
  p.language = "en-GB";
  p.tags = {"x", "y", ""};
  p.extra = {{"x_obj", R"({"a":[1,2.5e3,-0.0],"b":{"c":null}})"},
             {"_ext", R"("s\"\u00e9")"},
             {"x_true", "true"}};
  return p;
}

Collection rich_collection() {
  Collection c;
  Source s;
  s.id = "src-1";
  s.name = "Fictional Gazette";
  s.aliases = {"FG", "Газета"};
  s.url = "https://gazette.example";
  s.language = "en";
  s.country = "NZ";
  s.extra = {{"x_since", "1999"}};
  EXPECT_TRUE(c.add_source(s).ok());
  EXPECT_TRUE(c.add_post(rich_post("r1")).ok());
  Post minimal;
  minimal.id = "r2";
  EXPECT_TRUE(c.add_post(minimal).ok());
  Post dated;  // date-only posted_on: not a full RFC 3339 date-time
  dated.id = "r3";
  dated.posted_on = iso("2020-02-29");
  dated.body = "Ünïcödé body";
  EXPECT_TRUE(c.add_post(dated).ok());
  Post published_only;
  published_only.id = "r4";
  published_only.published_on = iso("2019-12-31T23:00:00");
  published_only.extra = {{"x_first", "1"}, {"_after", "2"}, {"summary", "\"not an excerpt\""}};
  EXPECT_TRUE(c.add_post(published_only).ok());
  Post local_time;
  local_time.id = "r5";
  local_time.posted_on = iso("2022-06-01T09:30:00");
  local_time.extra = {{"_a", "[]"}, {"external_url", "\"https://e.example\""}, {"x_b", "{}"}};
  EXPECT_TRUE(c.add_post(local_time).ok());
  return c;
}

void expect_same_post(const Post& a, const Post& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.title, b.title) << a.id;
  EXPECT_EQ(a.url, b.url) << a.id;
  EXPECT_EQ(a.posted_on.has_value(), b.posted_on.has_value()) << a.id;
  if (a.posted_on && b.posted_on) EXPECT_EQ(a.posted_on->to_iso(), b.posted_on->to_iso()) << a.id;
  EXPECT_EQ(a.published_on.has_value(), b.published_on.has_value()) << a.id;
  if (a.published_on && b.published_on)
    EXPECT_EQ(a.published_on->to_iso(), b.published_on->to_iso()) << a.id;
  EXPECT_EQ(a.authors, b.authors) << a.id;
  EXPECT_EQ(a.source, b.source) << a.id;
  EXPECT_EQ(a.place, b.place) << a.id;
  EXPECT_EQ(a.excerpt, b.excerpt) << a.id;
  EXPECT_EQ(a.body, b.body) << a.id;
  EXPECT_EQ(a.language, b.language) << a.id;
  EXPECT_EQ(a.tags, b.tags) << a.id;
  EXPECT_EQ(a.cluster, b.cluster) << a.id;
  EXPECT_EQ(a.story, b.story) << a.id;
  ASSERT_EQ(a.extra.size(), b.extra.size()) << a.id;
  for (std::size_t i = 0; i < a.extra.size(); ++i) {
    EXPECT_EQ(a.extra[i].name, b.extra[i].name) << a.id;
    EXPECT_EQ(a.extra[i].raw_json, b.extra[i].raw_json) << a.id;
  }
  EXPECT_EQ(a, b);
}

}  // namespace

// --- own format ---------------------------------------------------------------

TEST(JsonImport, OwnFormatFields) {
  Collection c = load("own.json");
  ASSERT_EQ(c.sources().size(), 2u);
  ASSERT_EQ(c.size(), 3u);
  const Source& s = c.sources()[0];
  EXPECT_EQ(s.id, "harbour-herald");
  EXPECT_EQ(s.name, "The Harbour Herald");
  EXPECT_EQ(s.aliases, (std::vector<std::string>{"Herald", "HH"}));
  EXPECT_EQ(s.url, "https://herald.example");
  EXPECT_EQ(s.language, "en");
  EXPECT_EQ(s.country, "GB");
  ASSERT_EQ(s.extra.size(), 1u);
  EXPECT_EQ(s.extra[0].name, "founded");
  EXPECT_EQ(s.extra[0].raw_json, "1923");
  EXPECT_EQ(c.sources()[1].name, "Вестник Озера");

  const Post& p = c.posts()[0];
  EXPECT_EQ(p.id, "p1");
  EXPECT_EQ(p.title, "Ferry timetable changes for the winter season");
  EXPECT_EQ(p.url, "https://herald.example/ferry-winter");
  ASSERT_TRUE(p.posted_on);
  EXPECT_EQ(p.posted_on->to_iso(), "2021-08-23T10:05:00+04:30");
  ASSERT_TRUE(p.published_on);
  EXPECT_EQ(p.published_on->to_iso(), "2021-08-22");
  EXPECT_EQ(p.authors, (std::vector<std::string>{"Mara Quill", "Tobias Fenn"}));
  EXPECT_EQ(p.source, "harbour-herald");
  EXPECT_EQ(p.place, "Port Ellery");
  EXPECT_EQ(p.excerpt, "Two crossings a day from November.");
  EXPECT_EQ(p.body, "The harbour board announced a reduced schedule.\n\nCrossings resume in April.");
  EXPECT_EQ(p.language, "en");
  EXPECT_EQ(p.tags, (std::vector<std::string>{"transport", "ferries"}));
  ASSERT_EQ(p.extra.size(), 2u);
  EXPECT_EQ(p.extra[0].name, "x_rating");
  EXPECT_EQ(p.extra[0].raw_json, R"({"stars":4,"notes":["calm","on time"]})");
  EXPECT_EQ(p.extra[1].name, "x_flag");
  EXPECT_EQ(p.extra[1].raw_json, "true");

  EXPECT_EQ(c.posts()[1].title, "Озеро замерзло раньше обычного");
  EXPECT_EQ(c.posts()[1].posted_on->utc_offset_minutes, 0);
  const Post& p3 = c.posts()[2];
  EXPECT_EQ(p3.title, "مهرجان الخريف في الحي القديم");
  EXPECT_FALSE(p3.posted_on);
  EXPECT_EQ(p3.source, "Al-Wadi Weekly");
  ASSERT_EQ(p3.extra.size(), 1u);
  EXPECT_EQ(p3.extra[0].raw_json, "null");
}

TEST(JsonImport, OwnFormatOptionalPartsAndNulls) {
  Collection c;
  auto r = import_json(c, R"({"digestcore": 1, "posts": [{"id": "a", "title": null, "tags": null,
                              "posted_on": null}]})");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->posts_added, 1u);
  EXPECT_EQ(r->sources_added, 0u);
  EXPECT_EQ(c.posts()[0].title, "");
  EXPECT_TRUE(c.posts()[0].tags.empty());
  Collection d;
  ASSERT_TRUE(import_json(d, R"({"posts": []})").ok());  // "digestcore" may be left out
  EXPECT_TRUE(d.empty());
  Collection e;
  ASSERT_TRUE(import_json(e, "\xEF\xBB\xBF{\"digestcore\":1,\"extra_top\":[1,{}]}").ok());
}

TEST(JsonRoundTrip, OwnFormatPrettyAndCompact) {
  Collection original = load("own.json");
  for (bool pretty : {true, false}) {
    std::string text = export_json(original, {pretty});
    EXPECT_TRUE(valid_json(text));
    EXPECT_EQ(pretty, text.find("\n  \"posts\"") != std::string::npos);
    Collection back;
    auto r = import_json(back, text);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(back, original);
    EXPECT_EQ(export_json(back, {pretty}), text);  // stable
  }
}

TEST(JsonRoundTrip, RichPostsThroughEveryOwnForm) {
  Collection original = rich_collection();
  for (int form = 0; form < 3; ++form) {
    std::string text = form == 0   ? export_json(original)
                       : form == 1 ? export_json(original, {false})
                                   : export_json_lines(original);
    Collection back;
    ImportOptions o;
    o.format = form == 2 ? JsonFormat::json_lines : JsonFormat::detect;
    auto r = import_json(back, text, o);
    ASSERT_TRUE(r.ok()) << form << ": " << r.error().to_string();
    ASSERT_EQ(back.size(), original.size());
    for (std::size_t i = 0; i < back.size(); ++i) expect_same_post(back.posts()[i], original.posts()[i]);
    EXPECT_EQ(back, original) << form;
  }
}

TEST(JsonExport, JsonLinesShape) {
  Collection c = rich_collection();
  std::string text = export_json_lines(c);
  std::size_t lines = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line); ++lines) {
    EXPECT_TRUE(valid_json(line)) << line;
    // The posts, in order, then the sources.
    if (lines < c.size()) {
      EXPECT_TRUE(line.starts_with("{\"id\":\"" + c.posts()[lines].id + "\"")) << line;
    } else if (lines == c.size()) {
      EXPECT_TRUE(line.starts_with("{\"source\":{\"id\":\"src-1\"")) << line;
    } else {
      EXPECT_TRUE(line.starts_with("{\"source\":")) << line;
    }
  }
  EXPECT_EQ(lines, c.sources().size() + c.size());
  EXPECT_EQ(detect_json_format(text), JsonFormat::json_lines);
}

TEST(JsonExport, EscapingAndInvalidUtf8NeverReachOutput) {
  std::string out;
  append_json_string(out, std::string("a\"b\\c\n\t\x01\x1f\x7f", 10));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\x7f\"");
  out.clear();
  append_json_string(out, "ok \xC3\xA9 bad \xFF\xC3 trunc \xE2\x82");
  EXPECT_EQ(out, "\"ok \xC3\xA9 bad \xEF\xBF\xBD\xEF\xBF\xBD trunc \xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_TRUE(valid_json(out));

  Collection c;
  Post p;
  p.id = "bad\xED\xA0\x80id";  // an encoded surrogate is not UTF-8
  p.title = "\xC0\xAF overlong";
  p.extra = {{"x_broken", "{not json"}, {"x_ws", " [ 1 , 2 ] "}};
  ASSERT_TRUE(c.add_post(p).ok());
  for (const std::string& text : {export_json(c), export_json(c, {false}), export_json_lines(c),
                                  export_json_feed(c)}) {
    EXPECT_TRUE(valid_json(text)) << text;
    EXPECT_EQ(text.find("\xED\xA0\x80"), std::string::npos);
  }
  Collection back;
  ASSERT_TRUE(import_json(back, export_json(c)).ok());
  EXPECT_EQ(back.posts()[0].extra[0].raw_json, "\"{not json\"");  // kept as a string
  EXPECT_EQ(back.posts()[0].extra[1].raw_json, "[1,2]");           // minified
}

TEST(JsonExport, ExtraNamedLikeAFieldIsNotWritten) {
  Collection c;
  Post p;
  p.id = "a";
  p.title = "real";
  p.extra = {{"title", "\"shadow\""}};
  ASSERT_TRUE(c.add_post(p).ok());
  Collection back;
  ASSERT_TRUE(import_json(back, export_json(c)).ok());
  EXPECT_EQ(back.posts()[0].title, "real");
  EXPECT_TRUE(back.posts()[0].extra.empty());
}

// --- cluster and story (0.3) ------------------------------------------------------

namespace {

// Posts with both fields, one of them, or neither (the empty string is "not
// set", so it is never written).
Collection story_collection() {
  Collection c;
  Post lead = rich_post("s1");
  lead.cluster = "s1";
  lead.story = "s1";
  EXPECT_TRUE(c.add_post(lead).ok());
  Post dup;
  dup.id = "s2";
  dup.title = "Same wire story, second outlet";
  dup.cluster = "s1";
  dup.story = "s1";
  EXPECT_TRUE(c.add_post(dup).ok());
  Post follow_up;  // its own cluster, the same story
  follow_up.id = "s3";
  follow_up.cluster = "s3";
  follow_up.story = "s1";
  EXPECT_TRUE(c.add_post(follow_up).ok());
  Post only_cluster;
  only_cluster.id = "s4";
  only_cluster.cluster = "\xD9\x85\xD8\xB9 \"q\" \\ \n";  // any text is kept as it is
  EXPECT_TRUE(c.add_post(only_cluster).ok());
  Post neither;
  neither.id = "s5";
  EXPECT_TRUE(c.add_post(neither).ok());
  return c;
}

}  // namespace

TEST(JsonImport, ClusterAndStoryFields) {
  Collection c;
  auto r = import_json(c, R"({"digestcore": 1, "posts": [
      {"id": "a", "cluster": "a", "story": "b", "title": "t"},
      {"id": "b", "story": "b"},
      {"id": "c", "cluster": null, "story": ""},
      {"id": "d"}]})");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c.posts()[0].cluster, "a");
  EXPECT_EQ(c.posts()[0].story, "b");
  EXPECT_EQ(c.posts()[1].cluster, "");
  EXPECT_EQ(c.posts()[1].story, "b");
  EXPECT_EQ(c.posts()[2].cluster, "");  // null and "" are "not set"
  EXPECT_EQ(c.posts()[2].story, "");
  EXPECT_EQ(c.posts()[3].cluster, "");
  for (const Post& p : c.posts()) EXPECT_TRUE(p.extra.empty()) << p.id;  // fields, not extras
  // The same records as JSON Lines.
  Collection lines;
  r = import_json(lines, "{\"id\": \"a\", \"cluster\": \"a\", \"story\": \"b\"}\n{\"id\": \"b\"}\n",
                  {JsonFormat::json_lines});
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(lines.posts()[0].cluster, "a");
  EXPECT_EQ(lines.posts()[0].story, "b");
  EXPECT_EQ(lines.posts()[1].story, "");
}

TEST(JsonRoundTrip, ClusterAndStoryThroughEveryOwnForm) {
  Collection original = story_collection();
  for (int form = 0; form < 3; ++form) {
    std::string text = form == 0   ? export_json(original)
                       : form == 1 ? export_json(original, {false})
                                   : export_json_lines(original);
    EXPECT_TRUE(form == 2 || valid_json(text)) << text;
    Collection back;
    ImportOptions o;
    o.format = form == 2 ? JsonFormat::json_lines : JsonFormat::detect;
    auto r = import_json(back, text, o);
    ASSERT_TRUE(r.ok()) << form << ": " << r.error().to_string();
    ASSERT_EQ(back.size(), original.size());
    for (std::size_t i = 0; i < back.size(); ++i) expect_same_post(back.posts()[i], original.posts()[i]);
    EXPECT_EQ(back, original) << form;
    // Written only when set: five posts, four clusters, three stories.
    std::size_t clusters = 0, stories = 0;
    for (std::size_t at = 0; (at = text.find("\"cluster\"", at)) != std::string::npos; ++at) ++clusters;
    for (std::size_t at = 0; (at = text.find("\"story\"", at)) != std::string::npos; ++at) ++stories;
    EXPECT_EQ(clusters, 4u) << text;
    EXPECT_EQ(stories, 3u) << text;
  }
  // After tags, before the extras; a post without them has no such member.
  std::string compact = export_json(original, {false});
  EXPECT_NE(compact.find(R"("tags":["x","y",""],"cluster":"s1","story":"s1","x_obj")"),
            std::string::npos) << compact;
  EXPECT_NE(compact.find(R"({"id":"s5"})"), std::string::npos) << compact;
  // Escaped where JSON needs it; other text as it is (UTF-8).
  EXPECT_NE(compact.find("\"cluster\":\"\xD9\x85\xD8\xB9 \\\"q\\\" \\\\ \\n\""), std::string::npos)
      << compact;
}

TEST(JsonRoundTrip, WithoutClusterAndStoryNothingChanges) {
  // A collection that never had them exports exactly as before: no member.
  Collection original = load("own.json");
  for (const Post& p : original.posts()) {
    EXPECT_TRUE(p.cluster.empty());
    EXPECT_TRUE(p.story.empty());
  }
  std::string text = export_json(original);
  EXPECT_EQ(text.find("\"cluster\""), std::string::npos);
  EXPECT_EQ(text.find("\"story\""), std::string::npos);
  Collection back;
  ASSERT_TRUE(import_json(back, text).ok());
  EXPECT_EQ(back, original);
}

TEST(JsonBadInput, ClusterAndStoryErrors) {
  // Wrong types (every other type is covered by WrongTypeForEveryField).
  Error e = import_error(R"({"digestcore": 1, "posts": [{"id": "a"}, {"id": "b", "story": ["a"]}]})");
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  EXPECT_EQ(e.field, "posts[1].story");
  EXPECT_EQ(e.offset, 62u);  // the value
  e = import_error("{\"id\": \"a\"}\n{\"id\": \"b\", \"cluster\": 12}\n", {JsonFormat::json_lines});
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  EXPECT_EQ(e.field, "cluster");
  EXPECT_EQ(e.line, 2u);
  // Twice in one post.
  e = import_error(R"({"digestcore": 1, "posts": [{"id": "a", "cluster": "a", "cluster": "b"}]})");
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  EXPECT_NE(e.message.find("duplicate member"), std::string::npos) << e.message;
  // Not UTF-8.
  e = import_error("{\"digestcore\": 1, \"posts\": [{\"id\": \"a\", \"story\": \"\xC3(\"}]}");
  EXPECT_EQ(e.code, ErrorCode::invalid_utf8);
  EXPECT_EQ(e.offset, 50u);  // the bad byte
}

TEST(JsonExport, ExtraNamedClusterOrStoryIsNotWritten) {
  // Before 0.3 these names were extras; an extra of that name now would read
  // back as the field, so the field wins and the extra is not written.
  Collection c;
  Post p;
  p.id = "a";
  p.cluster = "a";
  p.extra = {{"cluster", "\"shadow\""}, {"story", "7"}, {"x_keep", "1"}};
  ASSERT_TRUE(c.add_post(p).ok());
  for (const std::string& text : {export_json(c), export_json_lines(c), export_json_feed(c)}) {
    EXPECT_EQ(text.find("shadow"), std::string::npos) << text;
    EXPECT_EQ(text.find("\"story\""), std::string::npos) << text;
  }
  Collection back;
  ASSERT_TRUE(import_json(back, export_json(c)).ok());
  EXPECT_EQ(back.posts()[0].cluster, "a");
  EXPECT_EQ(back.posts()[0].story, "");
  ASSERT_EQ(back.posts()[0].extra.size(), 1u);
  EXPECT_EQ(back.posts()[0].extra[0].name, "x_keep");
}

TEST(JsonExport, JsonFeedCarriesClusterAndStoryInItsExtension) {
  Collection c = story_collection();
  std::string text = export_json_feed(c, {});
  ASSERT_TRUE(valid_json(text)) << text;
  // Not JSON Feed fields: they go into the item's "_digestcore" object
  // (s2 has nothing else to put there).
  std::size_t item = text.find("\"id\": \"s2\"");
  ASSERT_NE(item, std::string::npos);
  std::size_t ext = text.find("\"_digestcore\"", item);
  std::size_t next = text.find("\"id\": \"s3\"", item);
  ASSERT_LT(ext, next) << text;
  std::string_view s2(text.data() + ext, next - ext);
  EXPECT_NE(s2.find("\"cluster\": \"s1\""), std::string::npos) << s2;
  EXPECT_NE(s2.find("\"story\": \"s1\""), std::string::npos) << s2;
  // s5 has neither, and no extension either.
  item = text.find("\"id\": \"s5\"");
  ASSERT_NE(item, std::string::npos);
  EXPECT_EQ(text.find("\"_digestcore\"", item), std::string::npos);
  Collection back;
  ASSERT_TRUE(import_json(back, text).ok());
  ASSERT_EQ(back.size(), c.size());
  for (std::size_t i = 0; i < c.size(); ++i) {
    EXPECT_EQ(back.posts()[i].cluster, c.posts()[i].cluster);
    EXPECT_EQ(back.posts()[i].story, c.posts()[i].story);
  }
}

// --- JSON Lines -----------------------------------------------------------------

TEST(JsonImport, JsonLinesFile) {
  Collection c = load("posts.jsonl");
  ASSERT_EQ(c.sources().size(), 1u);
  EXPECT_EQ(c.sources()[0].name, "The Harbour Herald");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c.posts()[0].id, "l1");
  EXPECT_EQ(c.posts()[0].posted_on->to_iso(), "2022-03-01");
  EXPECT_EQ(c.posts()[1].title, "灯台の塗り替え完了");
  EXPECT_EQ(c.posts()[1].extra[0].raw_json, "1200");
  EXPECT_EQ(c.posts()[2].authors[0], "Inès Garnier");
  // Same from memory, CRLF line ends and a BOM included.
  std::string text = "\xEF\xBB\xBF" + read_text(kData + "posts.jsonl");
  std::string crlf;
  for (char ch : text) {
    if (ch == '\n') crlf += '\r';
    crlf += ch;
  }
  Collection m;
  ASSERT_TRUE(import_json(m, crlf).ok());
  EXPECT_EQ(m, c);
}

TEST(JsonImport, JsonLinesErrorsNameTheLine) {
  std::string text = "{\"id\":\"a\"}\n\n{\"id\":\"b\",\"title\":5}\n";
  ImportOptions o;
  o.source_name = "feed.jsonl";
  Error e = import_error(text, o);
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  EXPECT_EQ(e.file, "feed.jsonl");
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.field, "title");
  ASSERT_TRUE(e.offset);
  EXPECT_EQ(*e.offset, 18u);  // into the line
  EXPECT_EQ(e.to_string(), "feed.jsonl:3: byte 18: field 'title': expected a string, got a number");

  e = import_error("{\"id\":\"a\"}\n{\"source\": {\"id\": \"s\"}, \"id\": \"x\"}\n");
  EXPECT_EQ(e.line, 2u);
  e = import_error("{\"id\":\"a\"}\n{\"id\":\"b\"} {\"id\":\"c\"}\n");
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.offset, 11u);
  o = {};
  o.format = JsonFormat::json_lines;
  e = import_error("{\"id\":\"a\"}\n[1]\n", o);
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  EXPECT_EQ(e.line, 2u);
}

TEST(JsonImport, JsonLinesLongLine) {
  std::string big = "{\"id\":\"big\",\"body\":\"" + std::string(5000, 'x') + "\"}";
  std::string text = "{\"id\":\"a\"}\n" + big + "\n{\"id\":\"c\"}\n";
  ImportOptions o;
  o.max_line_bytes = 1000;
  Error e = import_error(text, o);
  EXPECT_EQ(e.code, ErrorCode::limit_exceeded);
  EXPECT_EQ(e.line, 2u);
  o.skip_bad_records = true;
  Collection c;
  auto r = import_json(c, text, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(c.size(), 2u);
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_EQ(r->skipped[0].line, 2u);

  // The same through a file, streamed in chunks.
  auto dir = std::filesystem::temp_directory_path() / "digest_json_long";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "long.jsonl").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"id\":\"a\"}\n{\"id\":\"huge\",\"body\":\"" << std::string(3u << 20, 'y')
        << "\"}\n{\"id\":\"c\"}";
  }
  o.max_line_bytes = 1u << 20;
  Collection f;
  r = import_file(f, path, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(f.size(), 2u);
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_EQ(r->skipped[0].line, 2u);
  EXPECT_EQ(r->skipped[0].file, path);
  EXPECT_EQ(f.posts()[1].id, "c");
  o.skip_bad_records = false;
  Collection g;
  r = import_file(g, path, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::limit_exceeded);
  EXPECT_TRUE(g.empty());
  std::filesystem::remove_all(dir);
}

TEST(JsonImport, JsonLinesStreamsALargeFile) {
  auto dir = std::filesystem::temp_directory_path() / "digest_json_stream";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "many.jsonl").string();
  const std::size_t n = 200000;
  {
    std::string text;
    text.reserve(n * 80);
    text += "{\"source\":{\"id\":\"s\",\"name\":\"Stream Source\"}}\n";
    for (std::size_t i = 0; i < n; ++i) {
      text += "{\"id\":\"";
      text += std::to_string(i);
      text += "\",\"title\":\"Заголовок ";
      text += std::to_string(i);
      text += "\",\"posted_on\":\"2024-01-02\",\"tags\":[\"t\"]}\n";
    }
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  Collection c;
  auto start = std::chrono::steady_clock::now();
  auto r = import_file(c, path);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->posts_added, n);
  EXPECT_EQ(r->sources_added, 1u);
  EXPECT_EQ(c.posts()[n - 1].title, "Заголовок " + std::to_string(n - 1));
  EXPECT_LT(seconds, 10.0);  // well under 1 s in a release build
  std::filesystem::remove_all(dir);
}

// --- JSON Feed ------------------------------------------------------------------

TEST(JsonImport, JsonFeed) {
  Collection c = load("feed.json");
  ASSERT_EQ(c.size(), 2u);
  const Post& a = c.posts()[0];
  EXPECT_EQ(a.id, "f1");
  EXPECT_EQ(a.url, "https://herald.example/market");
  EXPECT_EQ(a.title, "Night market returns to the quay");
  EXPECT_EQ(a.body, "Stalls open every Friday from June.");
  EXPECT_EQ(a.excerpt, "Friday stalls are back.");
  EXPECT_EQ(a.posted_on->to_iso(), "2022-05-20T18:30:00+01:00");
  EXPECT_EQ(a.published_on->to_iso(), "2022-05-19");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Mara Quill"});  // nameless author left out
  EXPECT_EQ(a.tags, std::vector<std::string>{"events"});
  EXPECT_EQ(a.language, "en");  // from the feed
  EXPECT_EQ(a.source, "harbour-herald");
  EXPECT_EQ(a.place, "Port Ellery");
  ASSERT_EQ(a.extra.size(), 3u);
  EXPECT_EQ(a.extra[0].name, "external_url");
  EXPECT_EQ(a.extra[1].name, "_reader");
  EXPECT_EQ(a.extra[1].raw_json, R"({"starred":true})");
  EXPECT_EQ(a.extra[2].name, "x_rank");
  const Post& b = c.posts()[1];
  EXPECT_EQ(b.id, "42");
  EXPECT_EQ(b.body, "The town library & archive will open until 21:00.\n\nDetails:\nweekdays only");
  EXPECT_EQ(b.language, "cy");
  EXPECT_EQ(b.authors, std::vector<std::string>{"Gwen Aled"});
}

TEST(JsonRoundTrip, JsonFeedFieldByField) {
  Collection original = rich_collection();
  FeedOptions fo;
  fo.title = "Test \"feed\"";
  fo.home_page_url = "https://home.example";
  std::string text = export_json_feed(original, fo);
  ASSERT_TRUE(valid_json(text)) << text;
  EXPECT_NE(text.find("\"version\": \"https://jsonfeed.org/version/1.1\""), std::string::npos);
  EXPECT_EQ(detect_json_format(text), JsonFormat::json_feed);
  // Every item has content_text; dates are full RFC 3339 date-times.
  std::size_t items = 0;
  for (std::size_t at = 0; (at = text.find("\"content_text\"", at)) != std::string::npos; ++at) ++items;
  EXPECT_EQ(items, original.size());
  EXPECT_NE(text.find("\"date_published\": \"2020-02-29T00:00:00Z\""), std::string::npos);
  EXPECT_NE(text.find("\"date_published\": \"2022-06-01T09:30:00Z\""), std::string::npos);
  Collection back;
  auto r = import_json(back, text);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(back.size(), original.size());
  for (std::size_t i = 0; i < back.size(); ++i) expect_same_post(back.posts()[i], original.posts()[i]);
  ASSERT_EQ(back.sources().size(), 1u);
  EXPECT_EQ(back.sources()[0], original.sources()[0]);
  EXPECT_EQ(back, original);
  // A compact feed reads back the same.
  fo.pretty = false;
  Collection compact;
  ASSERT_TRUE(import_json(compact, export_json_feed(original, fo)).ok());
  EXPECT_EQ(compact, original);
}

TEST(JsonImport, JsonFeedErrors) {
  ImportOptions strict;
  strict.strict = true;  // a missing id is repaired otherwise (test_liberal.cpp)
  Error e = import_error(R"({"version": "https://jsonfeed.org/version/1.1", "items": [{"title": "x"}]})", strict);
  EXPECT_EQ(e.code, ErrorCode::missing_field);
  EXPECT_EQ(e.field, "items[0].id");
  e = import_error(R"({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "a", "authors": ["Bob"]}]})");
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  EXPECT_EQ(e.field, "items[0].authors[0]");
  e = import_error(R"({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "a", "_digestcore": {"published_on": "soon"}}]})");
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  EXPECT_EQ(e.field, "items[0]._digestcore.published_on");
  e = import_error(R"({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "a", "date_published": 2022}]})");
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  ImportOptions o;
  o.format = JsonFormat::json_feed;
  o.strict = true;
  e = import_error(R"({"version": "https://example.org/rss", "items": []})", o);
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  e = import_error(R"({"version": "https://jsonfeed.org/version/1.1"})", o);
  EXPECT_EQ(e.code, ErrorCode::missing_field);
}

// --- WordPress ----------------------------------------------------------------

TEST(JsonImport, WordPress) {
  Collection c = load("wordpress.json");
  ASSERT_EQ(c.size(), 2u);
  const Post& a = c.posts()[0];
  EXPECT_EQ(a.id, "101");
  EXPECT_EQ(a.title, "Tram line \u201CBlue\u201D opens \u2013 finally");
  EXPECT_EQ(a.url, "https://blog.example/tram-line/");
  ASSERT_TRUE(a.posted_on);
  EXPECT_EQ(a.posted_on->to_iso(), "2023-01-09T11:00:00Z");  // date_gmt wins
  EXPECT_EQ(a.body,
            "The new line links the station and the university.\n\n12 stops\nevery 8\u00A0minutes");
  EXPECT_EQ(a.excerpt, "Twelve stops, every eight minutes [\u2026]");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Odile Marsh"});
  EXPECT_EQ(a.tags, (std::vector<std::string>{"Trams", "Transport & mobility"}));
  EXPECT_TRUE(a.extra.empty());
  const Post& b = c.posts()[1];
  EXPECT_EQ(b.posted_on->to_iso(), "2023-01-11T08:15:00");  // local time, no offset
  EXPECT_EQ(b.body, "Closed for two weeks.");
  EXPECT_EQ(b.excerpt, "");
}

TEST(JsonImport, WordPressErrors) {
  Error e = import_error(R"([{"id": 1, "title": {"rendered": 5}}])");
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  EXPECT_EQ(e.field, "[0].title.rendered");
  e = import_error(R"([{"id": 1}, {"title": {"rendered": "x"}}])");
  EXPECT_EQ(e.code, ErrorCode::missing_field);
  EXPECT_EQ(e.field, "[1].id");
  e = import_error(R"([{"id": 1, "date_gmt": "yesterday"}])");
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  EXPECT_EQ(e.field, "[0].date_gmt");
  e = import_error(R"([{"id": true}])");
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  e = import_error(R"([1, 2])");
  EXPECT_EQ(e.code, ErrorCode::wrong_type);
  EXPECT_EQ(e.field, "[0]");
}

// --- HTML -----------------------------------------------------------------------

TEST(JsonHtml, EntitiesAndMarkup) {
  EXPECT_EQ(html_text("Fish &amp; chips &lt;3 &eacute;t&#233; &#x263A; &nbsp;x"),
            "Fish & chips <3 été ☺ \u00A0x");
  EXPECT_EQ(html_text("  plain   text\n with  spaces "), "plain text with spaces");
  EXPECT_EQ(html_text("<p>One <b>bold <i>and italic</i></b> word.</p><p>Two</p>"),
            "One bold and italic word.\n\nTwo");
  EXPECT_EQ(html_text("a<br>b<br/><br>c"), "a\nb\n\nc");
  EXPECT_EQ(html_text("<h1>Title</h1>Text<div>Block</div>tail"), "Title\n\nText\nBlock\ntail");
  EXPECT_EQ(html_text("<ul><li>one</li><li>two<ul><li>two.a</li></ul></li></ul>after"),
            "one\ntwo\n\ntwo.a\n\nafter");
  EXPECT_EQ(html_text("x<script>alert('<p>no</p>')</script><style>p{}</style>y"), "xy");
  EXPECT_EQ(html_text("<noscript>n</noscript><template><p>t</p></template>z"), "z");
  EXPECT_EQ(html_text("<pre>  keep\n    this</pre>"), "  keep\n    this");
  EXPECT_EQ(html_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "a b\nc");
  EXPECT_EQ(html_text("unclosed <b>bold <p>para"), "unclosed bold\n\npara");
  EXPECT_EQ(html_text("<!-- comment -->text<img src=x alt=pic>"), "text");
  EXPECT_EQ(html_text(""), "");
  EXPECT_EQ(html_text("<p></p><br><p> </p>"), "");
}

TEST(JsonHtml, DeepNestingIsRefused) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "x";
  std::string many;  // many siblings are fine
  for (int i = 0; i < 5000; ++i) many += "<p>x</p>";
  EXPECT_EQ(html_text(many).size(), 5000u * 3 - 2);
  // A clear limit error at the field: gumbo is quadratic in nesting depth.
  std::string wp = "[{\"id\": 1, \"content\": {\"rendered\": \"" + deep + "\"}}]";
  Error e = import_error(wp);
  EXPECT_EQ(e.code, ErrorCode::limit_exceeded);
  EXPECT_EQ(e.field, "[0].content.rendered");
}

// --- detection ------------------------------------------------------------------

TEST(JsonDetect, Formats) {
  EXPECT_EQ(detect_json_format(R"({"digestcore":1,"posts":[]})"), JsonFormat::own);
  EXPECT_EQ(detect_json_format(R"({"posts":[{"id":"a"}]})"), JsonFormat::own);
  EXPECT_EQ(detect_json_format(R"({"title":"t","version":"https://jsonfeed.org/version/1.1","items":[]})"),
            JsonFormat::json_feed);
  EXPECT_EQ(detect_json_format(R"( [{"id":1,"title":{"rendered":"x"}}])"), JsonFormat::wordpress);
  EXPECT_EQ(detect_json_format("{\"id\":\"a\"}\n{\"id\":\"b\"}\n"), JsonFormat::json_lines);
  EXPECT_EQ(detect_json_format(R"({"id":"a","x":{"posts":[1]}})"), JsonFormat::json_lines);
  EXPECT_EQ(detect_json_format("{\"source\":{\"id\":\"s\"}}"), JsonFormat::json_lines);
  EXPECT_EQ(detect_json_format(R"({"id":"a","title":"the \"digestcore\" key"})"), JsonFormat::json_lines);
  EXPECT_EQ(detect_json_format(""), JsonFormat::own);
  EXPECT_EQ(detect_json_format("42"), JsonFormat::own);
  // A pretty document is decided by its members, even cut short.
  EXPECT_EQ(detect_json_format("{\n  \"digestcore\": 1,\n  \"posts\": [\n"), JsonFormat::own);
  EXPECT_EQ(detect_json_format("{\n  \"posts\": []\n}\n{\"id\": \"x\"}\n"), JsonFormat::own);
}

// export_json_lines writes posts first: a first post whose extra members
// look like another format's ("digestcore", "posts", "items", a jsonfeed.org
// "version") is still JSON Lines, because a second record follows it.
TEST(JsonDetect, JsonLinesWhoseFirstPostHasOtherFormatsMembers) {
  const std::string extras[] = {R"("digestcore":1)", R"("posts":[1,2])", R"("sources":[])",
                                R"("items":[1],"version":"1")",
                                R"("version":"https://jsonfeed.org/version/1.1")"};
  for (const std::string& extra : extras) {
    const std::string text = "{\"id\":\"a\",\"title\":\"A\"," + extra + "}\n" +
                             "{\"id\":\"b\"}\n{\"source\":{\"id\":\"s\"}}\n";
    EXPECT_EQ(detect_json_format(text), JsonFormat::json_lines) << text;
    Collection c;
    auto r = import_json(c, text);
    ASSERT_TRUE(r.ok()) << extra << ": " << r.error().to_string();
    EXPECT_EQ(c.size(), 2u);
    // And what it exports reads back the same.
    Collection back;
    ASSERT_TRUE(import_json(back, export_json_lines(c)).ok()) << extra;
    EXPECT_EQ(back, c) << extra;
  }
}

// --- bad input ------------------------------------------------------------------

TEST(JsonBadInput, Empty) {
  for (std::string_view text : {"", "   \n\t ", "\xEF\xBB\xBF"}) {
    ImportOptions o;
    o.source_name = "in.json";
    Error e = import_error(text, o);
    EXPECT_EQ(e.code, ErrorCode::parse_error);
    EXPECT_NE(e.message.find("empty"), std::string::npos);
    EXPECT_EQ(e.file, "in.json");
  }
  for (JsonFormat f : {JsonFormat::own, JsonFormat::json_feed, JsonFormat::wordpress}) {
    ImportOptions o;
    o.format = f;
    EXPECT_EQ(import_error("", o).code, ErrorCode::parse_error);
  }
  // JSON Lines asked for by name may hold no lines: that is what an empty
  // collection exports to, and it must read back.
  ImportOptions lines;
  lines.format = JsonFormat::json_lines;
  Collection empty;
  ASSERT_EQ(export_json_lines(empty), "");
  auto r = import_json(empty, "", lines);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->posts_added, 0u);
  EXPECT_TRUE(import_json(empty, "\n  \n", lines).ok());
  EXPECT_EQ(import_error("").code, ErrorCode::parse_error);  // detected: still no document
}

TEST(JsonBadInput, TruncatedDocumentOffset) {
  std::string full = R"({"digestcore": 1, "posts": [{"id": "a", "title": "Hello"}, {"id": "b", "title": "Wor)";
  Error e = import_error(full);
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  ASSERT_TRUE(e.offset);
  EXPECT_GE(*e.offset, 60u);
  EXPECT_LE(*e.offset, full.size());
  std::string cut = R"({"digestcore": 1, "posts": [{"id": "a", "title": "Hello"}, {"id": "b")";
  e = import_error(cut);
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  ASSERT_TRUE(e.offset);
  EXPECT_GE(*e.offset, 55u);
  EXPECT_LE(*e.offset, cut.size());
  e = import_error("{\"digestcore\": 1,\n \"posts\": [\n{\"id\": \"a\" \"title\": \"x\"}]}");
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  EXPECT_EQ(e.line, 3u);
  ASSERT_TRUE(e.offset);
  EXPECT_GE(*e.offset, 38u);
  EXPECT_LE(*e.offset, 42u);
}

TEST(JsonBadInput, MalformedValuesAnywhere) {
  for (const char* text : {
           R"({"digestcore": 1, "posts": [{"id": "a", "x": tru}]})",
           R"({"digestcore": 1, "posts": [{"id": "a", "x": [1, 2}]})",
           R"({"digestcore": 1, "posts": [{"id": "a", "x": 01}]})",
           R"({"digestcore": 1, "posts": [{"id": "a", "x": {"k" 1}}]})",
           R"({"digestcore": 1, "posts": [{"id": "a", "x": "\q"}]})",
           R"({"digestcore": 1, "posts": [{"id": "a", "title": "\ud800"}]})",
           R"({"digestcore": 1, "unknown": [1,,2], "posts": []})",
           R"({"digestcore": 1, "posts": []} [])",
           R"({"digestcore": 1, "posts": [{"id": "a",}]})",
           R"({"digestcore": 1, "posts": [{"id" "a"}]})",
           R"({"digestcore": 2, "posts": []})",
           R"({"digestcore": 1, "posts": [{"id": "a", "x": -}]})",
       }) {
    ImportOptions o;
    o.format = JsonFormat::own;
    Error e = import_error(text, o);
    EXPECT_EQ(e.code, ErrorCode::parse_error) << text << " -> " << e.to_string();
    EXPECT_TRUE(e.offset.has_value()) << text;
  }
  Error e = import_error("{\"digestcore\": 1, \"posts\": [{\"id\": \"a\", \"x\": \"tab\there\"}]}");
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  EXPECT_EQ(e.offset, 49u);
}

TEST(JsonBadInput, InvalidUtf8) {
  std::string in_string = "{\"digestcore\": 1, \"posts\": [{\"id\": \"a\", \"title\": \"ab\xFF\"}]}";
  Error e = import_error(in_string);
  EXPECT_EQ(e.code, ErrorCode::invalid_utf8);
  EXPECT_EQ(e.offset, 52u);
  std::string in_structure = "{\"digestcore\": 1, \xC3\xA9 \"posts\": []}";
  e = import_error(in_structure);
  EXPECT_TRUE(e.code == ErrorCode::invalid_utf8 || e.code == ErrorCode::parse_error) << e.to_string();
  std::string overlong = "{\"id\": \"\xC0\xAF\"}\n";
  e = import_error(overlong);
  EXPECT_EQ(e.code, ErrorCode::invalid_utf8);
  EXPECT_EQ(e.line, 1u);
  EXPECT_EQ(e.offset, 8u);
  std::string surrogate = "[{\"id\": 1, \"title\": {\"rendered\": \"\xED\xA0\x80\"}}]";
  EXPECT_EQ(import_error(surrogate).code, ErrorCode::invalid_utf8);
}

TEST(JsonBadInput, WrongTypeForEveryField) {
  const char* post_fields[] = {"id",     "title", "url",     "posted_on", "published_on",
                               "authors", "source", "place", "excerpt", "body",
                               "language", "tags", "cluster", "story"};
  for (const char* field : post_fields) {
    bool array_field = std::string(field) == "authors" || std::string(field) == "tags";
    for (const char* bad : {"5", "true", "{}", array_field ? "\"text\"" : "[]", "[1]"}) {
      if (!array_field && std::string(bad) == "[1]") continue;
      std::string value = std::string(bad);
      std::string post = std::string("{\"id\": \"a\", \"") + field + "\": " + value + "}";
      if (std::string(field) == "id") post = "{\"id\": " + value + "}";
      std::string doc = "{\"digestcore\": 1, \"posts\": [" + post + "]}";
      ImportOptions strict;  // tags written as one string are repaired otherwise
      strict.strict = true;
      Error e = import_error(doc, strict);
      EXPECT_EQ(e.code, ErrorCode::wrong_type) << doc << " -> " << e.to_string();
      std::string expected_field = std::string("posts[0].") + field + (std::string(bad) == "[1]" ? "[0]" : "");
      EXPECT_EQ(e.field, expected_field) << doc;
      EXPECT_TRUE(e.offset) << doc;
      // The same post as a JSON Lines record.
      strict.format = JsonFormat::json_lines;
      e = import_error(post + "\n{\"id\": \"z\"}\n", strict);
      EXPECT_EQ(e.code, ErrorCode::wrong_type) << post;
      EXPECT_EQ(e.line, 1u);
    }
  }
  const char* source_fields[] = {"id", "name", "aliases", "url", "language", "country"};
  for (const char* field : source_fields) {
    std::string src = std::string("{\"id\": \"s\", \"") + field + "\": 7}";
    if (std::string(field) == "id") src = "{\"id\": 7}";
    Error e = import_error("{\"digestcore\": 1, \"sources\": [" + src + "]}");
    EXPECT_EQ(e.code, ErrorCode::wrong_type) << field;
    EXPECT_EQ(e.field, std::string("sources[0].") + field);
  }
  EXPECT_EQ(import_error(R"({"digestcore": 1, "posts": {}})").code, ErrorCode::wrong_type);
  EXPECT_EQ(import_error(R"({"digestcore": 1, "posts": ["a"]})").field, "posts[0]");
  EXPECT_EQ(import_error(R"({"digestcore": "1"})").code, ErrorCode::wrong_type);
  EXPECT_EQ(import_error(R"("just a string")").code, ErrorCode::wrong_type);
  EXPECT_EQ(import_error("{\"id\": \"a\"}\n{\"source\": {\"id\": \"s\", \"aliases\": \"x\"}}\n").field,
            "source.aliases");
}

TEST(JsonBadInput, MissingAndEmptyId) {
  Error e = import_error(R"({"digestcore": 1, "posts": [{"id": "a"}, {"title": "no id"}]})");
  EXPECT_EQ(e.code, ErrorCode::missing_field);
  EXPECT_EQ(e.field, "posts[1].id");
  EXPECT_EQ(e.offset, 41u);
  e = import_error(R"({"digestcore": 1, "posts": [{"id": ""}]})");
  EXPECT_EQ(e.code, ErrorCode::missing_field);
  e = import_error(R"({"digestcore": 1, "sources": [{"name": "x"}]})");
  EXPECT_EQ(e.code, ErrorCode::missing_field);
  EXPECT_EQ(e.field, "sources[0].id");
  e = import_error("{\"title\": \"x\"}\n");
  EXPECT_EQ(e.code, ErrorCode::missing_field);
  EXPECT_EQ(e.line, 1u);
}

TEST(JsonBadInput, DuplicateIds) {
  Error e = import_error(R"({"digestcore": 1, "posts": [{"id": "a"}, {"id": "b"}, {"id": "a"}]})");
  EXPECT_EQ(e.code, ErrorCode::duplicate_id);
  EXPECT_EQ(e.field, "posts[2].id");
  EXPECT_NE(e.message.find("'a'"), std::string::npos);
  e = import_error(R"({"digestcore": 1, "sources": [{"id": "s"}, {"id": "s"}]})");
  EXPECT_EQ(e.code, ErrorCode::duplicate_id);
  e = import_error("{\"id\": \"a\"}\n{\"id\": \"a\"}\n");
  EXPECT_EQ(e.line, 2u);
  // With the collection.
  Collection c;
  ASSERT_TRUE(import_json(c, R"({"digestcore": 1, "posts": [{"id": "a"}]})").ok());
  Collection before = c;
  auto r = import_json(c, R"({"digestcore": 1, "posts": [{"id": "b"}, {"id": "a"}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::duplicate_id);
  EXPECT_NE(r.error().message.find("already in the collection"), std::string::npos);
  EXPECT_EQ(c, before);
  // Duplicate member names of known fields are refused too.
  e = import_error(R"({"digestcore": 1, "posts": [{"id": "a", "title": "x", "title": "y"}]})");
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  EXPECT_EQ(e.field, "posts[0].title");
}

TEST(JsonBadInput, DeepNesting) {
  std::string deep = std::string(10000, '[') + std::string(10000, ']');
  Error e = import_error("{\"digestcore\": 1, \"posts\": [{\"id\": \"a\", \"x\": " + deep + "}]}");
  EXPECT_EQ(e.code, ErrorCode::limit_exceeded);
  EXPECT_EQ(e.field, "posts[0].x");
  e = import_error("{\"id\": \"a\", \"x\": " + deep + "}\n");
  EXPECT_EQ(e.code, ErrorCode::limit_exceeded);
  EXPECT_EQ(e.line, 1u);
  e = import_error("{\"id\": \"a\", \"title\": " + deep + "}\n");  // wrong type, but too deep first
  EXPECT_EQ(e.code, ErrorCode::limit_exceeded);
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"k\":";
  objects += "1" + std::string(10000, '}');
  e = import_error(objects);
  EXPECT_TRUE(e.code == ErrorCode::limit_exceeded || e.code == ErrorCode::wrong_type) << e.to_string();
  e = import_error(deep);  // detected as WordPress
  EXPECT_TRUE(e.code == ErrorCode::limit_exceeded || e.code == ErrorCode::wrong_type) << e.to_string();
  e = import_error(std::string(10000, '['));
  EXPECT_EQ(e.code, ErrorCode::parse_error);
  // The limit is the option.
  ImportOptions o;
  o.max_depth = 5;
  Collection c;
  EXPECT_TRUE(import_json(c, R"({"digestcore": 1, "posts": [{"id": "a", "x": [1]}]})", o).ok());
  e = import_error(R"({"digestcore": 1, "posts": [{"id": "b", "x": [[[1]]]}]})", o);
  EXPECT_EQ(e.code, ErrorCode::limit_exceeded);
  o.max_depth = 2;
  e = import_error(R"({"digestcore": 1, "posts": [{"id": "b"}]})", o);
  EXPECT_EQ(e.code, ErrorCode::limit_exceeded);
}

TEST(JsonBadInput, AllOrNothing) {
  Collection c;
  ASSERT_TRUE(import_json(c, R"({"digestcore": 1, "sources": [{"id": "s0"}], "posts": [{"id": "keep"}]})").ok());
  const Collection before = c;
  const char* bad[] = {
      R"({"digestcore": 1, "sources": [{"id": "s1"}], "posts": [{"id": "n1"}, {"id": "n2", "tags": [1]}]})",
      R"({"digestcore": 1, "posts": [{"id": "n1"}, {"id": "n2"}]} junk)",
      "{\"id\": \"n1\"}\n{\"id\": \"n2\"}\n{\"id\": \"n3\", \"body\": 1}\n",
      R"({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "n1"}, {"id": "keep"}]})",
      R"([{"id": 1}, {"id": 2, "link": []}])",
  };
  for (const char* text : bad) {
    auto r = import_json(c, text);
    EXPECT_FALSE(r.ok()) << text;
    EXPECT_EQ(c, before) << text;
  }
}

TEST(JsonBadInput, SkipModeReportsEveryRecord) {
  ImportOptions o;
  o.skip_bad_records = true;
  o.source_name = "mixed.json";
  Collection c;
  ASSERT_TRUE(c.add_post(Post{.id = "old"}).ok());
  auto r = import_json(c, R"({"digestcore": 1,
    "sources": [{"id": "s1"}, {"name": "no id"}],
    "posts": [{"id": "a"}, {"id": "b", "title": 1}, {"id": "old"}, {"id": "c", "x": [[[[]]]]},
              {"id": "a"}, {"id": "d", "posted_on": "2021-99-01"}, {"id": "e"}]})", o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->posts_added, 3u);  // a, c, e
  EXPECT_EQ(r->sources_added, 1u);
  ASSERT_EQ(r->skipped.size(), 5u);
  EXPECT_EQ(r->skipped[0].field, "sources[1].id");
  EXPECT_EQ(r->skipped[1].field, "posts[1].title");
  EXPECT_EQ(r->skipped[1].line, 3u);
  EXPECT_EQ(r->skipped[2].code, ErrorCode::duplicate_id);
  EXPECT_EQ(r->skipped[2].field, "posts[2].id");
  EXPECT_EQ(r->skipped[3].field, "posts[4].id");
  EXPECT_EQ(r->skipped[4].field, "posts[5].posted_on");
  for (const Error& e : r->skipped) {
    EXPECT_EQ(e.file, "mixed.json");
    EXPECT_TRUE(e.offset);
  }
  EXPECT_EQ(c.size(), 4u);
  EXPECT_EQ(c.posts()[3].id, "e");

  // JSON Lines: syntax errors are per line too.
  Collection l;
  r = import_json(l, "{\"id\": \"a\"}\n{\"id\": \"b\"\n{\"id\": \"c\", \"x\": tru}\n[]\n{\"id\": \"d\"}\n\xFF\n", o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(l.size(), 2u);
  ASSERT_EQ(r->skipped.size(), 4u);
  EXPECT_EQ(r->skipped[0].line, 2u);
  EXPECT_EQ(r->skipped[1].line, 3u);
  EXPECT_EQ(r->skipped[2].line, 4u);
  EXPECT_EQ(r->skipped[3].line, 6u);
  EXPECT_EQ(r->skipped[3].code, ErrorCode::invalid_utf8);

  // A syntax error in one document stops the import even in skip mode.
  Collection d;
  r = import_json(d, R"({"digestcore": 1, "posts": [{"id": "a"}, {"id": "b" "x": 1}]})", o);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(d.empty());
}

TEST(JsonImport, FileErrorsNameTheFile) {
  Collection c;
  auto r = import_file(c, "/nonexistent/dir/posts.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::file_not_found);
  EXPECT_EQ(r.error().file, "/nonexistent/dir/posts.json");
  auto dir = std::filesystem::temp_directory_path() / "digest_json_files";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "bad.json").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\n  \"digestcore\": 1,\n  \"posts\": [\n    {\"id\": 5}\n  ]\n}\n";
  }
  r = import_file(c, path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, path);
  EXPECT_EQ(r.error().line, 4u);
  EXPECT_EQ(r.error().field, "posts[0].id");
  EXPECT_EQ(r.error().to_string(), path + ":4: byte 45: field 'posts[0].id': expected a string, got a number");
  std::string empty = (dir / "empty.jsonl").string();
  { std::ofstream out(empty); }
  r = import_file(c, empty);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::parse_error);
  EXPECT_EQ(r.error().file, empty);
  std::filesystem::remove_all(dir);
  EXPECT_TRUE(c.empty());
}

TEST(JsonImport, FileFormatsMatchMemory) {
  for (const char* name : {"own.json", "posts.jsonl", "feed.json", "wordpress.json"}) {
    Collection from_file = load(name);
    Collection from_memory;
    auto r = import_json(from_memory, read_text(kData + name));
    ASSERT_TRUE(r.ok()) << name << ": " << r.error().to_string();
    EXPECT_EQ(from_file, from_memory) << name;
  }
}

TEST(JsonRoundTrip, EveryInputFormatThroughEveryExport) {
  for (const char* name : {"own.json", "posts.jsonl", "feed.json", "wordpress.json"}) {
    Collection original = load(name);
    std::string texts[] = {export_json(original), export_json(original, {false}),
                           export_json_lines(original), export_json_feed(original)};
    for (const std::string& text : texts) {
      if (&text == &texts[2]) {
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) EXPECT_TRUE(valid_json(line)) << line;
      } else {
        EXPECT_TRUE(valid_json(text)) << name;
      }
      Collection back;
      auto r = import_json(back, text);
      ASSERT_TRUE(r.ok()) << name << ": " << r.error().to_string();
      EXPECT_EQ(back, original) << name << "\n" << text;
    }
  }
}

