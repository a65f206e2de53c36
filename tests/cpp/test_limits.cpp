// Hostile input stays bounded: memory measured in a child process (its peak
// resident set, from wait4), never by timing.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

#include "digest/json.hpp"
#include "json/json_internal.hpp"

namespace {

using namespace digest;

// Runs `work` in a child; returns its peak RSS in KiB, or -1 when the child
// failed (non-zero exit or a signal).
long child_peak_kib(const std::function<bool()>& work) {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(work() ? 0 : 1);
  int status = 0;
  struct rusage ru {};
  if (::wait4(pid, &status, 0, &ru) != pid) return -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return ru.ru_maxrss;
}

// Formatting elements opened inside a paragraph stay on the parser's list of
// active formatting elements when the next <p> closes that paragraph, and
// are re-opened for the text of every paragraph after it.
std::string formatting_bomb(int formatting, int paragraphs) {
  std::string html = "<p>";
  for (int i = 0; i < formatting; ++i) html += "<b id=" + std::to_string(i) + ">";
  for (int i = 0; i < paragraphs; ++i) html += "<p>x";
  return html;
}

TEST(HtmlLimits, UnclosedFormattingElementsStayLinear) {
  const std::string html = formatting_bomb(1000, 8000);
  ASSERT_LT(html.size(), 50000u);
  long baseline = child_peak_kib([] { return true; });
  long peak = child_peak_kib([&] {
    std::string out, err;
    if (!json_detail::html_to_text(html, out, err)) return false;
    // The text is all there: one "x" per paragraph.
    std::size_t xs = 0;
    for (char c : out) xs += c == 'x';
    return xs == 8000;
  });
  ASSERT_GT(peak, 0) << "the conversion failed or lost text";
  EXPECT_LT(peak - baseline, 50 * 1024) << "KiB used for 45 KB of HTML";
}

TEST(HtmlLimits, FormattingDroppedOnlyWhenItWouldExplode) {
  std::string out, err;
  // Ordinary markup keeps its words and spacing exactly.
  ASSERT_TRUE(json_detail::html_to_text("<p>A <b>bold</b> <a href='x>y'>link</a>.</p><p>Two</p>",
                                        out, err));
  EXPECT_EQ(out, "A bold link.\n\nTwo");
  // The same words through the stripping path.
  std::string bomb = formatting_bomb(400, 400) + "<p>A <b title='a>b'>bold</b> word";
  ASSERT_TRUE(json_detail::html_to_text(bomb, out, err));
  EXPECT_NE(out.find("A bold word"), std::string::npos) << out;
  EXPECT_EQ(out.find("b'>"), std::string::npos) << out;
}

TEST(HtmlLimits, WordPressImportOfTheBombIsBounded) {
  std::string doc = R"([{"id": 7, "date": "2021-08-17T10:00:00", "link": "https://x.example/7",
    "title": {"rendered": "T"}, "content": {"rendered": ")" +
                    formatting_bomb(1000, 8000) + R"("}}])";
  long baseline = child_peak_kib([] { return true; });
  long peak = child_peak_kib([&] {
    Collection c;
    return import_json(c, doc).ok() && c.size() == 1;
  });
  ASSERT_GT(peak, 0);
  EXPECT_LT(peak - baseline, 50 * 1024);
}

}  // namespace

namespace {

using namespace digest;

std::string jsonl_posts(int n, int bad_every = 0) {
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (bad_every && i % bad_every == 0) s += "{\"id\": 5}\n";
    else s += "{\"id\": \"p" + std::to_string(i) + "\", \"title\": \"T\"}\n";
  }
  return s;
}

TEST(ImportLimits, InputSizeIsCheckedBeforeReading) {
  ImportOptions o;
  o.max_input_bytes = 100;
  Collection c;
  auto mem = import_json(c, std::string(200, ' ') + "{}", o);
  ASSERT_FALSE(mem.ok());
  EXPECT_EQ(mem.error().code, ErrorCode::limit_exceeded);
  // A device with no end: refused after the limit, not read until memory
  // runs out.
  o.max_input_bytes = 4u << 20;
  o.format = JsonFormat::own;
  long baseline = child_peak_kib([] { return true; });  // what a child inherits
  long peak = child_peak_kib([&] {
    Collection d;
    auto r = import_file(d, "/dev/zero", o);
    return !r.ok() && r.error().code == ErrorCode::limit_exceeded && d.empty();
  });
  EXPECT_GT(peak, 0);
  EXPECT_LT(peak - baseline, 200 * 1024);
}

TEST(ImportLimits, PostCount) {
  ImportOptions o;
  o.max_posts = 10;
  Collection c;
  auto r = import_json(c, jsonl_posts(11), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(r.error().line, 11u);
  EXPECT_TRUE(c.empty());
  ASSERT_TRUE(import_json(c, jsonl_posts(10), o).ok());
}

TEST(ImportLimits, SkippedErrorsStreamOrAreCapped) {
  const std::string doc = jsonl_posts(1000, 10);  // 100 bad lines
  ImportOptions o;
  o.skip_bad_records = true;
  o.max_skipped_kept = 7;
  Collection c;
  auto r = import_json(c, doc, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->skipped_count, 100u);
  EXPECT_EQ(r->skipped.size(), 7u);
  EXPECT_EQ(r->posts_added, 900u);
  std::vector<std::uint64_t> lines;
  o.on_skipped = [&](const Error& e) { lines.push_back(e.line); };
  Collection d;
  auto s = import_json(d, doc, o);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->skipped.empty());
  ASSERT_EQ(lines.size(), 100u);
  EXPECT_EQ(lines.front(), 1u);
  EXPECT_EQ(lines.back(), 991u);
}

TEST(ImportLimits, ValidateOnlyKeepsIdsNotPosts) {
  std::string doc = jsonl_posts(50);
  doc += "{\"id\": \"p3\"}\n";  // a duplicate, line 51
  ImportOptions o;
  o.skip_bad_records = true;
  o.validate_only = true;
  Collection c;
  auto r = import_json(c, doc, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(r->posts_added, 50u);
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_EQ(r->skipped[0].code, ErrorCode::duplicate_id);
  EXPECT_EQ(r->skipped[0].line, 51u);
}

TEST(ImportLimits, StopRequestCancelsAndChangesNothing) {
  Collection c;
  ASSERT_TRUE(import_json(c, R"({"digestcore": 1, "posts": [{"id": "keep"}]})").ok());
  const Collection before = c;
  ImportOptions o;
  int asked = 0;
  o.should_stop = [&] { return ++asked >= 3; };
  auto r = import_json(c, jsonl_posts(100000), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::cancelled);
  EXPECT_EQ(asked, 3);
  EXPECT_EQ(c, before);
  // Asked every few thousand records, not once per record.
  int calls = 0;
  o.should_stop = [&] { return ++calls < 0; };
  Collection d;
  ASSERT_TRUE(import_json(d, jsonl_posts(100000), o).ok());
  EXPECT_GE(calls, 10);
  EXPECT_LE(calls, 100);
}

}  // namespace

namespace {

using namespace digest;

// A lone surrogate escape is no character: it must not be kept (an export
// would carry it to readers that cannot encode it, Python among them).
TEST(Surrogates, LoneEscapesAreRejectedPairsKept) {
  for (const char* bad : {R"({"digestcore":1,"posts":[{"id":"a","x":"x\ud800y"}]})",
                          R"({"digestcore":1,"posts":[{"id":"a","x":["\udc00"]}]})",
                          R"({"digestcore":1,"posts":[{"id":"a","x":{"k":"\uD83D"}}]})",
                          R"({"digestcore":1,"posts":[{"id":"a","x":"\ud800\u0041"}]})",
                          R"({"digestcore":1,"posts":[{"id":"a","title":"\ud800"}]})"}) {
    Collection c;
    auto r = import_json(c, bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_TRUE(c.empty());
  }
  // In skip mode the record goes, the import goes on.
  ImportOptions o;
  o.skip_bad_records = true;
  Collection c;
  auto r = import_json(c, R"({"digestcore":1,"posts":[{"id":"a","x":"\udfff"},{"id":"b"}]})", o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(c.size(), 1u);
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_EQ(r->skipped[0].code, ErrorCode::invalid_utf8);
  EXPECT_EQ(r->skipped[0].field, "posts[0].x");
  Collection ok;
  ASSERT_TRUE(import_json(ok, R"({"digestcore":1,"posts":[{"id":"a","x":"\ud83d\ude00"}]})").ok());
  Collection back;
  ASSERT_TRUE(import_json(back, export_json(ok)).ok());
  EXPECT_EQ(back, ok);
}

}  // namespace

namespace {

using namespace digest;

// Own-format field names at JSON Feed item level are read as those fields:
// kept as extras, no export could write them back.
TEST(FeedRoundTrip, ModelFieldNamesAtItemLevel) {
  const char* feed = R"({"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [
    {"id": "1", "title": "T", "excerpt": "An excerpt", "place": "Port Avel",
     "source": "harbor", "published_on": "2021-08-16", "body": "Body text", "_x": 1}]})";
  Collection c;
  auto r = import_json(c, feed);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const Post* p = c.find_post("1");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->excerpt, "An excerpt");
  EXPECT_EQ(p->place, "Port Avel");
  EXPECT_EQ(p->source, "harbor");
  EXPECT_EQ(p->body, "Body text");
  ASSERT_TRUE(p->published_on);
  EXPECT_EQ(p->published_on->date, Date(2021, 8, 16));
  ASSERT_EQ(p->extra.size(), 1u);
  for (const std::string& text : {export_json_feed(c), export_json(c), export_json_lines(c)}) {
    Collection back;
    auto again = import_json(back, text);
    ASSERT_TRUE(again.ok()) << again.error().to_string() << "\n" << text;
    EXPECT_EQ(back, c) << text;
  }
}

TEST(FeedRoundTrip, TheSameFieldUnderTwoNamesIsAmbiguous) {
  for (const char* item : {R"({"id": "1", "summary": "a", "excerpt": "b"})",
                           R"({"id": "1", "content_text": "a", "body": "b"})",
                           R"({"id": "1", "content_html": "<p>a", "body": "b"})",
                           R"({"id": "1", "date_published": "2021-08-16T00:00:00Z", "posted_on": "2021-08-17"})",
                           R"({"id": "1", "place": "a", "place": "b"})"}) {
    std::string feed = R"({"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [)" +
                       std::string(item) + "]}";
    Collection c;
    auto r = import_json(c, feed);
    ASSERT_FALSE(r.ok()) << item;
    EXPECT_EQ(r.error().code, ErrorCode::parse_error) << item;
  }
}

}  // namespace

namespace {

TEST(DuplicateMembers, TopLevelMembersTheReaderUsesAppearOnce) {
  using namespace digest;
  for (const char* doc :
       {R"({"digestcore": 1, "posts": [{"id": "a"}], "posts": [{"id": "b"}]})",
        R"({"digestcore": 1, "digestcore": 1, "posts": []})",
        R"({"digestcore": 1, "sources": [], "sources": [], "posts": []})",
        R"({"version": "https://jsonfeed.org/version/1.1", "items": [], "items": []})",
        R"({"version": "https://jsonfeed.org/version/1.1", "language": "en", "language": "fr", "items": []})"}) {
    Collection c;
    ImportOptions o;
    o.skip_bad_records = true;  // not a bad record: a bad document
    auto r = import_json(c, doc, o);
    ASSERT_FALSE(r.ok()) << doc;
    EXPECT_NE(r.error().message.find("duplicate member"), std::string::npos) << doc;
  }
  // Members the reader ignores may repeat (they are checked, not used).
  Collection c;
  EXPECT_TRUE(import_json(c, R"({"digestcore": 1, "x": 1, "x": 2, "posts": []})").ok());
}

}  // namespace
