// Liberal reading of JSON (ImportOptions::strict = false, the default):
// detection by content (PHP's "\/" escapes, BOMs, single WordPress posts,
// short JSON Feed versions) and the deviations real feeds carry, each read
// and reported as a warning with its position; strict mode rejects them.
#include <gtest/gtest.h>

#include <string>

#include "digest/json.hpp"

namespace digest {
namespace {

TEST(LiberalJson, DetectionReadsContent) {
  EXPECT_EQ(detect_json_format(R"({"version":"https:\/\/jsonfeed.org\/version\/1","title":"x","items":[]})"),
            JsonFormat::json_feed);
  EXPECT_EQ(detect_json_format("\xEF\xBB\xBF\n  {\"version\": \"https://jsonfeed.org/version/1.1\"}"),
            JsonFormat::json_feed);
  EXPECT_EQ(detect_json_format(R"({"version": "1.0", "title": "x", "items": [{"id": "1"}]})"),
            JsonFormat::json_feed);
  EXPECT_EQ(detect_json_format("{\"id\": 7,\n \"date_gmt\": \"2024-01-01T00:00:00\",\n"
                               " \"title\": {\"rendered\": \"A\"}}"),
            JsonFormat::wordpress);
  EXPECT_EQ(detect_json_format("  <?xml version=\"1.0\"?><rss/>"), JsonFormat::xml_feed);
  EXPECT_EQ(detect_json_format("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"), JsonFormat::xml_feed);
  EXPECT_EQ(detect_json_format("{\"id\": \"a\"}\n{\"id\": \"b\"}\n"), JsonFormat::json_lines);
  EXPECT_EQ(detect_json_format("{\"digestcore\": 1}"), JsonFormat::own);
  EXPECT_STREQ(input_format_name(JsonFormat::xml_feed), "xml_feed");
}

TEST(LiberalJson, PhpEscapedFeedImports) {
  const char* feed =
      R"({"version":"https:\/\/jsonfeed.org\/version\/1","title":"Pier","items":[)"
      R"({"id":"1","url":"https:\/\/pier.example\/1","title":"One"},)"
      R"({"id":"2","url":"https:\/\/pier.example\/2","title":"Two"}]})";
  Collection c;
  auto r = import_json(c, feed);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->format, JsonFormat::json_feed);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c.posts()[1].url, "https://pier.example/2");
}

TEST(LiberalJson, SingleWordPressPost) {
  const char* post = R"({"id": 88, "date_gmt": "2024-03-02T10:00:00", "link": "https://wp.example/?p=88",
    "title": {"rendered": "Tide &amp; time"}, "content": {"rendered": "<p>Body</p>", "protected": false}})";
  Collection c;
  auto r = import_json(c, post);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->format, JsonFormat::wordpress);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c.posts()[0].id, "88");
  EXPECT_EQ(c.posts()[0].title, "Tide & time");
}

TEST(LiberalJson, FeedDeviationsAreRepairedWithWarnings) {
  const char* feed = R"({"version": "1.0", "title": "Dockside", "items": [
    {"id": "1", "title": "Tags as a string", "tags": "workflow, omnifocus ,notes"},
    {"id": "2", "title": "RFC 2822", "date_published": "Tue, 04 Jun 2024 08:30:00 +0200"},
    {"url": "https://dockside.example/3", "title": "No id"},
    {"title": "No id, no url", "content_text": "Only text"},
    {"id": "5", "author": "Mara Quill"}
  ]})";
  Collection c;
  auto r = import_json(c, feed);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c.posts()[0].tags, (std::vector<std::string>{"workflow", "omnifocus", "notes"}));
  ASSERT_TRUE(c.posts()[1].posted_on);
  EXPECT_EQ(c.posts()[1].posted_on->to_iso(), "2024-06-04T08:30:00+02:00");
  EXPECT_EQ(c.posts()[2].id, "https://dockside.example/3");
  EXPECT_EQ(c.posts()[3].id.rfind("item-", 0), 0u);
  EXPECT_EQ(c.posts()[4].authors, std::vector<std::string>{"Mara Quill"});
  // One warning per repair, each with its position, the version first.
  ASSERT_EQ(r->warnings_count, 6u);
  ASSERT_EQ(r->warnings.size(), 6u);
  EXPECT_NE(r->warnings[0].message.find("version"), std::string::npos);
  for (const Error& w : r->warnings) {
    EXPECT_TRUE(w.offset) << w.to_string();
    EXPECT_GE(w.line, 1u);
  }
  EXPECT_EQ(r->warnings[1].field, "items[0].tags");
  // The same content id on a second import: stable.
  Collection again;
  ASSERT_TRUE(import_json(again, feed).ok());
  EXPECT_EQ(again.posts()[3].id, c.posts()[3].id);
  // Strict: the first deviation is an error and nothing is imported.
  ImportOptions strict;
  strict.strict = true;
  Collection s;
  auto e = import_json(s, feed, strict);
  ASSERT_FALSE(e.ok());
  EXPECT_TRUE(s.empty());
  // Warnings beyond the limit are counted, not kept.
  ImportOptions few;
  few.max_warnings_kept = 2;
  Collection f;
  auto rf = import_json(f, feed, few);
  ASSERT_TRUE(rf.ok());
  EXPECT_EQ(rf->warnings.size(), 2u);
  EXPECT_EQ(rf->warnings_count, 6u);
}

TEST(LiberalJson, DuplicatePoliciesInsideOneInput) {
  const char* lines =
      "{\"id\": \"a\", \"title\": \"First\", \"tags\": [\"x\"]}\n"
      "{\"id\": \"a\", \"title\": \"Second\", \"tags\": [\"y\"]}\n";
  ImportOptions o;
  o.format = JsonFormat::json_lines;
  Collection err;
  EXPECT_EQ(import_json(err, lines, o).error().code, ErrorCode::duplicate_id);
  struct {
    OnDuplicate policy;
    const char* title;
    std::vector<std::string> tags;
  } cases[] = {{OnDuplicate::keep_first, "First", {"x"}},
               {OnDuplicate::replace, "Second", {"y"}},
               {OnDuplicate::merge, "Second", {"x", "y"}}};
  for (const auto& k : cases) {
    o.on_duplicate = k.policy;
    Collection c;
    auto r = import_json(c, lines, o);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c.posts()[0].title, k.title);
    EXPECT_EQ(c.posts()[0].tags, k.tags);
    EXPECT_EQ(r->duplicates_kept_first + r->duplicates_replaced + r->duplicates_merged, 1u);
  }
}

TEST(LiberalJson, MojibakeInFeedsIsRepaired) {
  // Persian and French UTF-8 that went through Windows-1252 on the way.
  const char* feed = R"({"version": "https://jsonfeed.org/version/1.1", "items": [
    {"id": "1", "title": "Ø³Ù„Ø§Ù… Ø¯Ù†ÛŒØ§", "tags": ["cafÃ©"]}]})";
  Collection c;
  auto r = import_json(c, feed);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(c.posts()[0].title, "سلام دنیا");
  EXPECT_EQ(c.posts()[0].tags, std::vector<std::string>{"café"});
  EXPECT_EQ(r->warnings_count, 2u);
  EXPECT_NE(r->warnings[0].message.find("mojibake"), std::string::npos);
  // The own format is digestcore's: read exactly as written.
  Collection own;
  ASSERT_TRUE(import_json(own, R"({"digestcore": 1, "posts": [{"id": "a", "title": "cafÃ©"}]})").ok());
  EXPECT_EQ(own.posts()[0].title, "cafÃ©");
}

TEST(LiberalJson, EncodingOptionDecodesJson) {
  // {"digestcore": 1, "posts": [{"id": "a", "title": "Привет"}]} in Windows-1251.
  std::string doc = "{\"digestcore\": 1, \"posts\": [{\"id\": \"a\", \"title\": \"\xcf\xf0\xe8\xe2\xe5\xf2\"}]}";
  ImportOptions o;
  o.encoding = "windows-1251";
  Collection c;
  auto r = import_json(c, doc, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(c.posts()[0].title, "Привет");
  // Without it, the bytes are not UTF-8: an error with its offset.
  Collection d;
  auto e = import_json(d, doc);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::invalid_utf8);
}

}  // namespace
}  // namespace digest
