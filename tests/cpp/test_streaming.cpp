// Streaming (issue 15): ImportOptions::on_post, PostStream, ExportStream,
// AtomicFile and stream_posts give what the whole-collection paths give,
// with errors where they happen and nothing half-written.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "digest/curate.hpp"
#include "digest/io.hpp"
#include "digest/json.hpp"

namespace {

using namespace digest;
namespace fs = std::filesystem;

std::string post_line(int i, const std::string& extra = "") {
  return "{\"id\": \"p" + std::to_string(i) + "\", \"title\": \"Ferry timetable " +
         std::to_string(i) + "\", \"url\": \"https://quay.example/n/" + std::to_string(i) +
         "\", \"posted_on\": \"2023-03-0" + std::to_string(1 + i % 9) + "\"" + extra + "}\n";
}

std::string lines(int n) {
  std::string s = "{\"source\": {\"id\": \"quay\", \"name\": \"Quay Courier\"}}\n";
  for (int i = 0; i < n; ++i) s += post_line(i);
  return s;
}

struct TempFile {
  std::string path;
  explicit TempFile(const std::string& text, const std::string& name = "in.jsonl") {
    fs::path dir = fs::path(::testing::TempDir()) / ("digest_stream_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { fs::remove(path); }
};

std::vector<std::string> ids_of(const std::vector<Post>& posts) {
  std::vector<std::string> out;
  for (const Post& p : posts) out.push_back(p.id);
  return out;
}

TEST(OnPost, HandsEveryPostInOrderAndKeepsOnlySources) {
  ImportOptions o;
  std::vector<Post> got;
  o.on_post = [&](Post&& p) { got.push_back(std::move(p)); };
  Collection c;
  auto r = import_json(c, lines(50), o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->posts_added, 50u);
  EXPECT_EQ(c.size(), 0u);
  ASSERT_EQ(c.sources().size(), 1u);
  ASSERT_EQ(got.size(), 50u);
  EXPECT_EQ(got[7].id, "p7");
  Collection whole;
  ASSERT_TRUE(import_json(whole, lines(50)).ok());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], whole.posts()[i]);
}

TEST(OnPost, DuplicatesAreFoundWithoutKeepingPosts) {
  std::string text = lines(5) + post_line(3);
  ImportOptions o;
  std::size_t handed = 0;
  o.on_post = [&](Post&&) { ++handed; };
  Collection c;
  auto r = import_json(c, text, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::duplicate_id);
  EXPECT_EQ(r.error().line, 7u);
  EXPECT_NE(r.error().message.find("earlier in the input"), std::string::npos);
  EXPECT_EQ(handed, 5u);  // the posts before the error were handed over
  EXPECT_TRUE(c.empty());  // sources are all or nothing

  o.on_duplicate = OnDuplicate::keep_first;
  handed = 0;
  // Another id with the URL of p1: a duplicate by canonical URL.
  std::string by_url = lines(5) + post_line(3) +
                       "{\"id\": \"other\", \"url\": \"https://quay.example/n/1?utm_source=x\"}\n";
  r = import_json(c, by_url, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(handed, 5u);
  EXPECT_EQ(r->duplicates_kept_first, 2u);

  o.on_duplicate = OnDuplicate::merge;
  r = import_json(c, text, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
}

// Under keep_first a streamed import drops what a plain import drops, and
// hands over what it keeps, in JSON Lines and in feeds alike. A plain import
// resolves ids repeated within its input before it matches URLs: a post
// dropped for repeating an earlier URL still holds its id, so a later post
// with that id is dropped too.
TEST(OnPost, KeepFirstMatchesAPlainImport) {
  const std::string jsonl =
      "{\"id\": \"a\", \"url\": \"https://quay.example/n/1\"}\n"
      "{\"id\": \"b\", \"url\": \"https://quay.example/n/1?utm_source=x\"}\n"
      "{\"id\": \"b\", \"url\": \"https://quay.example/n/2\"}\n"
      "{\"id\": \"c\", \"url\": \"https://quay.example/n/3\"}\n"
      "{\"id\": \"a\", \"url\": \"https://quay.example/n/4\"}\n";
  const std::string rss =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quay</title>"
      "<link>https://quay.example/</link>"
      "<item><guid>a</guid><link>https://quay.example/n/1</link></item>"
      "<item><guid>b</guid><link>https://quay.example/n/1?utm_source=x</link></item>"
      "<item><guid>b</guid><link>https://quay.example/n/2</link></item>"
      "<item><guid>c</guid><link>https://quay.example/n/3</link></item>"
      "<item><guid>a</guid><link>https://quay.example/n/4</link></item>"
      "</channel></rss>";
  for (const std::string& text : {jsonl, rss}) {
    ImportOptions o;
    o.on_duplicate = OnDuplicate::keep_first;
    Collection plain;
    auto rp = import_json(plain, text, o);
    ASSERT_TRUE(rp.ok()) << rp.error().to_string();
    std::vector<Post> got;
    o.on_post = [&](Post&& p) { got.push_back(std::move(p)); };
    Collection target;
    auto rs = import_json(target, text, o);
    ASSERT_TRUE(rs.ok()) << rs.error().to_string();
    ASSERT_EQ(ids_of(got), (std::vector<std::string>{"a", "c"})) << text;
    ASSERT_EQ(plain.size(), got.size());
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], plain.posts()[i]) << text;
    EXPECT_EQ(rs->posts_added, rp->posts_added);
    EXPECT_EQ(rs->duplicates_kept_first, rp->duplicates_kept_first);
  }
}

TEST(OnPost, BadLinesAreSkippedOrStopTheStream) {
  std::string text = lines(3) + "{\"id\": \"bad\", \"title\": 5}\n{\"id\": \"trunc\n" +
                     "{\"id\": \"bad-utf8\", \"title\": \"\xff\xfe\"}\n" + post_line(9);
  ImportOptions o;
  o.skip_bad_records = true;
  std::vector<Post> got;
  o.on_post = [&](Post&& p) { got.push_back(std::move(p)); };
  Collection c;
  auto r = import_json(c, text, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->skipped_count, 3u);  // a wrong type, a truncated line, invalid UTF-8
  EXPECT_EQ(ids_of(got), (std::vector<std::string>{"p0", "p1", "p2", "p9"}));
  o.skip_bad_records = false;
  got.clear();
  r = import_json(c, text, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 5u);
  EXPECT_EQ(got.size(), 3u);
}

TEST(OnPost, AnExceptionFromTheCallbackPropagatesAndChangesNothing) {
  ImportOptions o;
  int n = 0;
  o.on_post = [&](Post&&) {
    if (++n == 4) throw std::runtime_error("caller stops");
  };
  Collection c;
  EXPECT_THROW((void)import_json(c, lines(10), o), std::runtime_error);
  EXPECT_TRUE(c.empty());
}

TEST(OnPost, FeedsHandPostsOverOutsideTheXmlParser) {
  std::string rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quay</title>"
                    "<link>https://quay.example/</link>";
  for (int i = 0; i < 30; ++i)
    rss += "<item><title>T" + std::to_string(i) + "</title><link>https://quay.example/" +
           std::to_string(i) + "</link></item>";
  rss += "</channel></rss>";
  ImportOptions o;
  int n = 0;
  o.on_post = [&](Post&&) {
    if (++n == 12) throw std::runtime_error("stop inside a feed");
  };
  Collection c;
  TempFile f(rss, "feed.xml");
  EXPECT_THROW((void)import_file(c, f.path, o), std::runtime_error);
  EXPECT_TRUE(c.empty());
  std::vector<Post> got;
  o.on_post = [&](Post&& p) { got.push_back(std::move(p)); };
  auto r = import_file(c, f.path, o);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(got.size(), 30u);
  EXPECT_EQ(c.sources().size(), 1u);
  EXPECT_EQ(c.size(), 0u);
}

TEST(PostStream, PullsWhatImportFileReads) {
  TempFile f(lines(3000));
  PostStream s(f.path, {}, 64);
  std::vector<Post> got;
  while (true) {
    auto r = s.next();
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    if (!*r) break;
    got.push_back(std::move(**r));
  }
  Collection whole;
  ASSERT_TRUE(import_file(whole, f.path).ok());
  ASSERT_EQ(got.size(), whole.size());
  for (std::size_t i = 0; i < got.size(); i += 97) EXPECT_EQ(got[i], whole.posts()[i]);
  ASSERT_NE(s.report(), nullptr);
  EXPECT_EQ(s.report()->posts_added, 3000u);
  ASSERT_NE(s.sources(), nullptr);
  EXPECT_EQ(s.sources()->sources().size(), 1u);
  auto again = s.next();  // the end stays the end
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->has_value());
}

TEST(PostStream, StopsEarlyAndReportsErrorsInPlace) {
  TempFile big(lines(20000));
  {
    PostStream s(big.path, {}, 16);
    auto r = s.next();
    ASSERT_TRUE(r.ok() && r->has_value());
    EXPECT_EQ(s.report(), nullptr);  // not at the end
  }  // destroyed while the reader waits: it stops and is joined
  TempFile bad(lines(40) + "{\"id\": \n" + post_line(41));
  PostStream s(bad.path, {}, 16);
  std::vector<Post> batch;
  std::size_t total = 0;
  Result<std::size_t> r = std::size_t(0);
  while ((r = s.next_batch(batch, 7)).ok() && *r > 0) total += *r;
  EXPECT_EQ(total, 40u);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 42u);
  EXPECT_EQ(s.report(), nullptr);
  PostStream missing("/nonexistent/digest/posts.jsonl");
  auto m = missing.next();
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, ErrorCode::file_not_found);
}

// An exception from a callback of the caller's reaches next() once; the
// stream stays failed after it and never reports a finished import.
TEST(PostStream, AnExceptionEndsTheStreamForGood) {
  TempFile bad(lines(30) + "not json\n" + post_line(31));
  ImportOptions o;
  o.skip_bad_records = true;
  o.on_skipped = [](const Error&) { throw std::runtime_error("caller's callback failed"); };
  PostStream s(bad.path, o, 8);
  std::size_t got = 0;
  bool thrown = false;
  try {
    while (true) {
      auto r = s.next();
      if (!r.ok() || !r->has_value()) break;
      ++got;
    }
  } catch (const std::runtime_error&) {
    thrown = true;
  }
  EXPECT_TRUE(thrown);
  EXPECT_EQ(got, 30u);
  auto after = s.next();
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, ErrorCode::internal);
  EXPECT_EQ(s.report(), nullptr);
  EXPECT_EQ(s.sources(), nullptr);
}

Collection sample() {
  Collection c;
  EXPECT_TRUE(import_json(c, lines(40) + post_line(40, ", \"x_rank\": {\"a\": [1, 2]}")).ok());
  return c;
}

std::string streamed(const Collection& c, JsonFormat f, bool pretty = true) {
  std::string out;
  ExportOptions eo;
  eo.pretty = pretty;
  ExportStream s(f, [&](std::string_view t) { out += t; return Status(); }, eo);
  for (const Post& p : c.posts()) EXPECT_TRUE(s.add_post(p).ok());
  EXPECT_TRUE(s.finish(c.sources()).ok());
  return out;
}

TEST(ExportStream, ReadsBackToTheSameCollection) {
  const Collection c = sample();
  EXPECT_EQ(streamed(c, JsonFormat::json_feed), export_json_feed(c));  // sources last already
  for (JsonFormat f : {JsonFormat::own, JsonFormat::json_lines}) {
    Collection back;
    auto r = import_json(back, streamed(c, f, false));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(back, c);
  }
  std::multiset<std::string> a, b;
  std::istringstream x(streamed(c, JsonFormat::json_lines)), y(export_json_lines(c));
  for (std::string l; std::getline(x, l);) a.insert(l);
  for (std::string l; std::getline(y, l);) b.insert(l);
  EXPECT_EQ(a, b);  // the same lines, sources moved to the end
}

TEST(ExportStream, SinkErrorsAndWrongUseAreErrors) {
  const Collection c = sample();
  int calls = 0;
  ExportStream s(JsonFormat::json_lines, [&](std::string_view) {
    ++calls;
    return Status(Error(ErrorCode::io_error, "disk full"));
  });
  Status st;
  for (const Post& p : c.posts()) st = s.add_post(p);
  EXPECT_TRUE(st.ok());  // below the flush size: not written yet
  st = s.finish(c.sources());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().message, "disk full");
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(s.add_post(c.posts()[0]).ok());
  ExportStream wrong(JsonFormat::wordpress, [](std::string_view) { return Status(); });
  EXPECT_EQ(wrong.add_post(c.posts()[0]).error().code, ErrorCode::invalid_argument);
}

TEST(AtomicFile, TargetChangesOnlyOnCommit) {
  TempFile target("old content");
  {
    auto f = AtomicFile::open(target.path);
    ASSERT_TRUE(f.ok());
    ASSERT_TRUE(f->write("new ").ok());
    ASSERT_TRUE(f->write("content").ok());
    std::ifstream in(target.path);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "old content");
  }  // dropped: the temporary goes, the target stays
  for (auto& e : fs::directory_iterator(fs::path(target.path).parent_path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  auto f = AtomicFile::open(target.path);
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(f->write("new content").ok());
  ASSERT_TRUE(f->commit().ok());
  EXPECT_FALSE(f->commit().ok());  // once
  std::ifstream in(target.path);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "new content");
  auto none = AtomicFile::open("/nonexistent-dir/x.json");
  ASSERT_FALSE(none.ok());
}

TEST(StreamPosts, CuratesInBatchesAsCurateDoesWhole) {
  std::string text;
  for (int i = 0; i < 25; ++i)
    text += "{\"id\": \"a" + std::to_string(i) +
            "\", \"excerpt\": \"Lena Marsh, Harbor Street Tribune, Port Avel, August 17, 2021: "
            "The basin authority met.\"}\n";
  TempFile f(text);
  CurateOptions co;
  co.fill_from_attribution = true;
  Collection whole;
  ASSERT_TRUE(import_file(whole, f.path).ok());
  ASSERT_TRUE(curate(whole, co).ok());
  Collection sources;
  std::vector<Post> got;
  std::vector<std::string> paths{f.path};
  auto r = stream_posts(paths, {}, co, sources, [&](Post&& p) { got.push_back(std::move(p)); }, 4);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->posts, 25u);
  EXPECT_EQ(r->curate.posts_attributed, 25u);
  ASSERT_EQ(got.size(), whole.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], whole.posts()[i]);
  EXPECT_EQ(got[3].authors, std::vector<std::string>{"Lena Marsh"});
}

TEST(StreamPosts, IdsRepeatedAcrossInputsAndInvalidOptions) {
  TempFile a(lines(5), "a.jsonl"), b(post_line(9) + post_line(2), "b.jsonl");
  std::vector<std::string> paths{a.path, b.path};
  Collection sources;
  std::size_t n = 0;
  auto count = [&](Post&&) { ++n; };
  auto r = stream_posts(paths, {}, {}, sources, count);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::duplicate_id);
  EXPECT_EQ(r.error().file, b.path);
  EXPECT_EQ(n, 6u);
  ImportOptions keep;
  keep.on_duplicate = OnDuplicate::keep_first;
  n = 0;
  Collection s2;
  r = stream_posts(paths, keep, {}, s2, count);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(n, 6u);
  EXPECT_EQ(r->imports[1].duplicates_kept_first, 1u);
  EXPECT_EQ(r->imports[1].posts_added, 1u);
  CurateOptions stories;
  stories.stories.emplace();
  EXPECT_EQ(stream_posts(paths, {}, stories, s2, count).error().code, ErrorCode::invalid_argument);
  ImportOptions check;
  check.validate_only = true;
  EXPECT_EQ(stream_posts(paths, check, {}, s2, count).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(stream_posts(paths, {}, {}, s2, nullptr).error().code, ErrorCode::invalid_argument);
}

}  // namespace
