// export_posts_arrow_stream: a file read by a PostStream, as Arrow record
// batches, gives the posts import_file gives, in bounded batches, with
// errors where they happen and no exception leaving the C callbacks.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "digest/arrow.hpp"
#include "digest/json.hpp"

namespace {

using namespace digest;
namespace fs = std::filesystem;

std::string post_line(int i) {
  std::string n = std::to_string(i);
  return "{\"id\": \"a" + n + "\", \"title\": \"Harbour lights " + n +
         "\", \"url\": \"https://lantern.example/" + n + "\", \"authors\": [\"R. Vale\"" +
         (i % 3 == 0 ? ", \"\u0645\u0631\u06cc\u0645 \u06a9\u0627\u0648\u0647\"" : "") +
         "], \"source\": \"lantern\", \"excerpt\": \"Night ferries, week " + n +
         ".\", \"posted_on\": \"2024-05-0" + std::to_string(1 + i % 9) + "T08:30:00+03:30\"" +
         (i % 7 == 0 ? ", \"tags\": [\"ferries\"], \"x_rank\": 3" : "") + "}\n";
}

std::string lines(int n) {
  std::string s = "{\"source\": {\"id\": \"lantern\", \"name\": \"Lantern Weekly\"}}\n";
  for (int i = 0; i < n; ++i) s += post_line(i);
  return s;
}

struct TempFile {
  std::string path;
  explicit TempFile(const std::string& text) {
    fs::path dir = fs::path(::testing::TempDir()) / ("digest_arrow_stream_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    path = (dir / "in.jsonl").string();
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { fs::remove(path); }
};

PostPull pull_from(PostStream& posts) {
  return [&posts](std::vector<Post>& out, std::size_t max) { return posts.next_batch(out, max); };
}

struct Stream {
  ArrowArrayStream s{};
  Stream() { s.release = nullptr; }
  ~Stream() {
    if (s.release) s.release(&s);
  }
};

struct Batch {
  ArrowArray a{};
  Batch() { a.release = nullptr; }
  ~Batch() {
    if (a.release) a.release(&a);
  }
};

TEST(ArrowStream, GivesWhatImportFileReadsInBoundedBatches) {
  TempFile f(lines(1000));
  Collection whole;
  ASSERT_TRUE(import_file(whole, f.path).ok());

  PostStream posts(f.path);
  Stream out;
  ASSERT_TRUE(export_posts_arrow_stream(pull_from(posts), &out.s, 64).ok());
  // The batches, counted through the C callbacks, then read back by the
  // Arrow importer from a second stream over the same file.
  std::size_t batches = 0, rows = 0;
  for (;;) {
    Batch b;
    ASSERT_EQ(out.s.get_next(&out.s, &b.a), 0);
    if (!b.a.release) break;
    EXPECT_LE(b.a.length, 64);
    EXPECT_GT(b.a.length, 0);
    ++batches;
    rows += static_cast<std::size_t>(b.a.length);
  }
  EXPECT_EQ(rows, 1000u);
  EXPECT_EQ(batches, 16u);  // 15 full batches and 40 posts
  Batch after;
  EXPECT_EQ(out.s.get_next(&out.s, &after.a), 0);
  EXPECT_EQ(after.a.release, nullptr);
  ASSERT_NE(posts.report(), nullptr);
  EXPECT_EQ(posts.report()->posts_added, 1000u);
  EXPECT_EQ(posts.sources()->sources().size(), 1u);

  PostStream again(f.path);
  Stream second;
  ASSERT_TRUE(export_posts_arrow_stream(pull_from(again), &second.s, 100).ok());
  Collection back;
  auto r = import_posts_arrow(back, &second.s);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  ASSERT_EQ(back.size(), whole.size());
  for (std::size_t i = 0; i < back.size(); ++i)
    ASSERT_EQ(back.posts()[i], whole.posts()[i]) << "post " << i;
}

TEST(ArrowStream, SchemaIsTheCollectionExportsAndAFileWithoutPostsHasNoBatch) {
  TempFile f(lines(0));
  PostStream posts(f.path);
  Stream out;
  ASSERT_TRUE(export_posts_arrow_stream(pull_from(posts), &out.s).ok());
  ArrowSchema schema, expected;
  ArrowArray empty;
  ASSERT_EQ(out.s.get_schema(&out.s, &schema), 0);
  ASSERT_TRUE(export_posts_arrow({}, &expected, &empty).ok());
  empty.release(&empty);
  ASSERT_EQ(schema.n_children, expected.n_children);
  EXPECT_STREQ(schema.format, "+s");
  for (std::int64_t i = 0; i < schema.n_children; ++i) {
    EXPECT_STREQ(schema.children[i]->name, expected.children[i]->name);
    EXPECT_STREQ(schema.children[i]->format, expected.children[i]->format);
  }
  schema.release(&schema);
  expected.release(&expected);
  Batch b;
  EXPECT_EQ(out.s.get_next(&out.s, &b.a), 0);
  EXPECT_EQ(b.a.release, nullptr);
  EXPECT_EQ(out.s.get_last_error(&out.s), nullptr);
}

TEST(ArrowStream, AnErrorComesAfterThePostsBeforeItAndStays) {
  std::string text = lines(25);
  text += "{\"id\": \"broken\", \"title\": [}\n";
  text += post_line(99);
  TempFile f(text);
  PostStream posts(f.path);
  Stream out;
  ASSERT_TRUE(export_posts_arrow_stream(pull_from(posts), &out.s, 10).ok());
  std::int64_t rows = 0;
  int code = 0;
  for (int calls = 0; calls < 10; ++calls) {
    Batch b;
    code = out.s.get_next(&out.s, &b.a);
    if (code != 0) {
      EXPECT_EQ(b.a.release, nullptr);
      break;
    }
    ASSERT_NE(b.a.release, nullptr) << "the stream ended without its error";
    rows += b.a.length;
  }
  EXPECT_EQ(rows, 25);
  EXPECT_EQ(code, EINVAL);
  const char* message = out.s.get_last_error(&out.s);
  ASSERT_NE(message, nullptr);
  EXPECT_NE(std::strstr(message, ":27:"), nullptr) << message;  // the line, after the source line
  EXPECT_EQ(std::strchr(message, '\n'), nullptr);
  Batch again;
  EXPECT_EQ(out.s.get_next(&out.s, &again.a), EINVAL);
  EXPECT_EQ(posts.report(), nullptr);
}

TEST(ArrowStream, AnEmptyFileIsAnErrorAsForAnImport) {
  TempFile f("");
  PostStream posts(f.path);
  Stream out;
  ASSERT_TRUE(export_posts_arrow_stream(pull_from(posts), &out.s).ok());
  Batch b;
  EXPECT_EQ(out.s.get_next(&out.s, &b.a), EINVAL);
  ASSERT_NE(out.s.get_last_error(&out.s), nullptr);
  EXPECT_NE(std::strstr(out.s.get_last_error(&out.s), "empty"), nullptr);
}

TEST(ArrowStream, MissingFileIsAnIoErrorNamingIt) {
  PostStream posts((fs::path(::testing::TempDir()) / "no_such_dir_9f" / "posts.jsonl").string());
  Stream out;
  ASSERT_TRUE(export_posts_arrow_stream(pull_from(posts), &out.s).ok());
  Batch b;
  EXPECT_EQ(out.s.get_next(&out.s, &b.a), EIO);
  ASSERT_NE(out.s.get_last_error(&out.s), nullptr);
  EXPECT_NE(std::strstr(out.s.get_last_error(&out.s), "posts.jsonl"), nullptr);
}

TEST(ArrowStream, ExceptionsStayInsideAndWrongUseIsAnError) {
  Stream out;
  int calls = 0;
  ASSERT_TRUE(export_posts_arrow_stream(
                  [&](std::vector<Post>& posts, std::size_t) -> Result<std::size_t> {
                    if (++calls > 1) throw std::runtime_error("pull broke");
                    Post p;
                    p.id = "only";
                    posts.push_back(p);
                    return std::size_t(1);
                  },
                  &out.s, 4)
                  .ok());
  Batch b;
  EXPECT_EQ(out.s.get_next(&out.s, &b.a), EINVAL);
  EXPECT_EQ(b.a.release, nullptr);
  EXPECT_NE(std::strstr(out.s.get_last_error(&out.s), "pull broke"), nullptr);

  ArrowArrayStream unused;
  auto nothing = [](std::vector<Post>&, std::size_t) -> Result<std::size_t> { return std::size_t(0); };
  EXPECT_EQ(export_posts_arrow_stream(nothing, nullptr).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(export_posts_arrow_stream(nothing, &unused, 0).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(export_posts_arrow_stream(PostPull(), &unused).error().code, ErrorCode::invalid_argument);
}

TEST(ArrowStream, ReleasedEarlyTheReaderStillStops) {
  TempFile f(lines(3000));
  PostStream posts(f.path);
  {
    Stream out;
    ASSERT_TRUE(export_posts_arrow_stream(pull_from(posts), &out.s, 100).ok());
    Batch b;
    ASSERT_EQ(out.s.get_next(&out.s, &b.a), 0);
    EXPECT_EQ(b.a.length, 100);
  }
  // The PostStream is still the caller's and still reads on.
  auto next = posts.next();
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ((*next)->id, "a100");
}

}  // namespace
