// Arrow interchange: export to the C data interface and import back from a
// stream, with the schema, exact round trips and hostile tables.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "digest/arrow.hpp"
#include "digest/digest.hpp"
#include "digest/json.hpp"

using namespace digest;

namespace {

Collection sample() {
  Collection c;
  auto r = import_json(c, R"({"digestcore": 1,
    "sources": [{"id": "ledger", "name": "North Ledger", "aliases": ["NL"], "motto": [1]}],
    "posts": [
      {"id": "a", "title": "River talks", "posted_on": "2021-08-17T10:15:00+04:30",
       "published_on": "2021-08-16", "authors": ["Lena Marsh"], "source": "ledger",
       "tags": ["water", "talks"], "rating": 4.5},
      {"id": "b", "title": "گفت‌وگو", "posted_on": "2021-08-18T23:00:00"},
      {"id": "c"}]})");
  EXPECT_TRUE(r.ok());
  return c;
}

struct StreamState {
  ArrowSchema schema{};
  std::vector<ArrowArray> arrays;
  std::size_t next = 0;
};

int stream_schema(ArrowArrayStream* s, ArrowSchema* out) {
  auto* st = static_cast<StreamState*>(s->private_data);
  // Hand out a fresh export of the same schema: move is not possible twice,
  // so the test exports the schema once and moves it out here.
  *out = st->schema;
  st->schema.release = nullptr;
  return 0;
}
int stream_next(ArrowArrayStream* s, ArrowArray* out) {
  auto* st = static_cast<StreamState*>(s->private_data);
  if (st->next == st->arrays.size()) {
    out->release = nullptr;
    return 0;
  }
  *out = st->arrays[st->next];
  st->arrays[st->next++].release = nullptr;
  return 0;
}
const char* stream_error(ArrowArrayStream*) { return "test stream"; }
void stream_release(ArrowArrayStream* s) {
  auto* st = static_cast<StreamState*>(s->private_data);
  if (st->schema.release) st->schema.release(&st->schema);
  for (auto& a : st->arrays)
    if (a.release) a.release(&a);
  delete st;
  s->release = nullptr;
}

ArrowArrayStream stream_of(ArrowSchema schema, std::vector<ArrowArray> arrays) {
  auto* st = new StreamState{schema, std::move(arrays), 0};
  ArrowArrayStream s{};
  s.get_schema = stream_schema;
  s.get_next = stream_next;
  s.get_last_error = stream_error;
  s.release = stream_release;
  s.private_data = st;
  return s;
}

ArrowArrayStream posts_stream(const Collection& c) {
  ArrowSchema schema;
  ArrowArray array;
  EXPECT_TRUE(export_posts_arrow(c.posts(), &schema, &array).ok());
  return stream_of(schema, {array});
}

// A table made of some columns of an exported one, each under a name of the
// test's choice (and, optionally, another format): how an older export or a
// user-made table looks. It borrows the export's buffers, so the export
// outlives it; its own release callbacks free nothing.
void release_nothing(ArrowSchema* s) { s->release = nullptr; }
void release_nothing(ArrowArray* a) { a->release = nullptr; }

struct Picked {
  int column;
  const char* name;
  const char* format = nullptr;  // nullptr: the column's own
};

class Projection {
 public:
  Projection(const ArrowSchema& schema, const ArrowArray& array, std::vector<Picked> picks) {
    for (const Picked& p : picks) {
      ArrowSchema s = *schema.children[p.column];
      s.name = p.name;
      if (p.format) s.format = p.format;
      s.release = release_nothing;
      ArrowArray a = *array.children[p.column];
      a.release = release_nothing;
      schemas_.push_back(s);
      arrays_.push_back(a);
    }
    for (std::size_t i = 0; i < schemas_.size(); ++i) {
      schema_ptrs_.push_back(&schemas_[i]);
      array_ptrs_.push_back(&arrays_[i]);
    }
    schema_ = {};
    schema_.format = "+s";
    schema_.name = "";
    schema_.n_children = static_cast<std::int64_t>(schemas_.size());
    schema_.children = schema_ptrs_.data();
    schema_.release = release_nothing;
    array_ = {};
    array_.length = array.length;
    array_.n_buffers = 1;
    array_.buffers = no_buffers_;
    array_.n_children = static_cast<std::int64_t>(arrays_.size());
    array_.children = array_ptrs_.data();
    array_.release = release_nothing;
  }
  ArrowArrayStream stream() { return stream_of(schema_, {array_}); }

 private:
  std::vector<ArrowSchema> schemas_;
  std::vector<ArrowArray> arrays_;
  std::vector<ArrowSchema*> schema_ptrs_;
  std::vector<ArrowArray*> array_ptrs_;
  ArrowSchema schema_;
  ArrowArray array_;
  const void* no_buffers_[1] = {nullptr};
};

// Index of the column named `name`, or -1.
int column_index(const ArrowSchema& schema, const char* name) {
  for (std::int64_t i = 0; i < schema.n_children; ++i)
    if (std::strcmp(schema.children[i]->name, name) == 0) return static_cast<int>(i);
  return -1;
}

Collection story_sample() {
  Collection c = sample();
  Collection out;
  for (Post p : c.posts()) {
    if (p.id == "a") p.cluster = p.story = "a";
    if (p.id == "b") p.story = "\xD8\xA7\xD9\x84\xD9\x81 a";  // a story only; any text
    EXPECT_TRUE(out.add_post(std::move(p)).ok());
  }
  for (const Source& s : c.sources()) EXPECT_TRUE(out.add_source(s).ok());
  return out;
}

}  // namespace

TEST(Arrow, PostSchemaAndColumns) {
  Collection c = sample();
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(export_posts_arrow(c.posts(), &schema, &array).ok());
  EXPECT_STREQ(schema.format, "+s");
  ASSERT_EQ(schema.n_children, 19);  // 17 before cluster and story (0.3)
  EXPECT_STREQ(schema.children[0]->name, "id");
  EXPECT_EQ(schema.children[0]->flags & ARROW_FLAG_NULLABLE, 0);
  EXPECT_STREQ(schema.children[8]->format, "+l");
  EXPECT_STREQ(schema.children[10]->format, "tsu:UTC");
  EXPECT_STREQ(schema.children[12]->format, "s");
  EXPECT_EQ(array.length, 3);
  // title: "c" has none.
  const ArrowArray* title = array.children[1];
  EXPECT_EQ(title->null_count, 1);
  auto col = ArrowTextColumn::view(*schema.children[1], *title);
  ASSERT_TRUE(col.ok());
  EXPECT_EQ(col->value(0), "River talks");
  EXPECT_TRUE(col->is_null(2));
  // posted_on of "a": 10:15 at +04:30 is 05:45 UTC.
  std::int64_t us;
  std::memcpy(&us, static_cast<const char*>(array.children[10]->buffers[1]), 8);
  EXPECT_EQ(us, 1629179100000000LL);
  schema.release(&schema);
  array.release(&array);
  EXPECT_EQ(schema.release, nullptr);
  EXPECT_EQ(array.release, nullptr);
}

TEST(Arrow, RoundTripsAreExact) {
  Collection c = sample();
  Collection back;
  ArrowArrayStream posts = posts_stream(c);
  auto r = import_posts_arrow(back, &posts);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->posts_added, 3u);
  EXPECT_EQ(posts.release, nullptr);  // consumed
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(export_sources_arrow(c.sources(), &schema, &array).ok());
  ArrowArrayStream sources = stream_of(schema, {array});
  ASSERT_TRUE(import_sources_arrow(back, &sources).ok());
  EXPECT_TRUE(back == c);
  // Two batches of the same schema, and an empty collection.
  Collection twice;
  ArrowSchema s1, s2;
  ArrowArray a1, a2;
  Collection first, second;
  ASSERT_TRUE(first.add_post(c.posts()[0]).ok());
  ASSERT_TRUE(second.add_post(c.posts()[1]).ok());
  ASSERT_TRUE(export_posts_arrow(first.posts(), &s1, &a1).ok());
  ASSERT_TRUE(export_posts_arrow(second.posts(), &s2, &a2).ok());
  s2.release(&s2);
  ArrowArrayStream two = stream_of(s1, {a1, a2});
  ASSERT_TRUE(import_posts_arrow(twice, &two).ok());
  EXPECT_EQ(twice.size(), 2u);
  Collection none, none_back;
  ArrowArrayStream empty = posts_stream(none);
  ASSERT_TRUE(import_posts_arrow(none_back, &empty).ok());
  EXPECT_TRUE(none_back.empty());
}

TEST(Arrow, BadStreamsChangeNothing) {
  Collection c = sample();
  const Collection before = c;
  // A duplicate of an id already there: nothing added.
  ArrowArrayStream again = posts_stream(sample());
  auto r = import_posts_arrow(c, &again);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::duplicate_id);
  EXPECT_TRUE(c == before);
  // No stream, and a released one.
  EXPECT_EQ(import_posts_arrow(c, nullptr).error().code, ErrorCode::invalid_argument);
  ArrowArrayStream released{};
  EXPECT_EQ(import_posts_arrow(c, &released).error().code, ErrorCode::invalid_argument);
  // Not a table: a bare text column.
  Collection one;
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(export_posts_arrow(sample().posts(), &schema, &array).ok());
  // Corrupt the title column: invalid UTF-8 in its data buffer.
  auto* data = const_cast<char*>(static_cast<const char*>(array.children[1]->buffers[2]));
  data[0] = static_cast<char>(0xFF);
  ArrowArrayStream bad = stream_of(schema, {array});
  auto u = import_posts_arrow(one, &bad);
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.error().code, ErrorCode::invalid_utf8);
  EXPECT_NE(u.error().message.find("row 0, column 'title'"), std::string::npos);
  EXPECT_TRUE(one.empty());
}

TEST(Arrow, UnknownAndWrongColumns) {
  ArrowSchema schema;
  ArrowArray array;
  Collection c = sample();
  ASSERT_TRUE(export_sources_arrow(c.sources(), &schema, &array).ok());
  // A sources table read as posts: 'name', 'aliases'... are unknown columns.
  Collection target;
  ArrowArrayStream s = stream_of(schema, {array});
  auto r = import_posts_arrow(target, &s);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("unknown columns"), std::string::npos);
  ASSERT_TRUE(export_sources_arrow(c.sources(), &schema, &array).ok());
  ArrowArrayStream lenient = stream_of(schema, {array});
  ArrowImportOptions o;
  o.ignore_unknown_columns = true;
  ASSERT_TRUE(import_posts_arrow(target, &lenient, o).ok());
  EXPECT_EQ(target.size(), 1u);  // the source ids became post ids; nothing else read
}

TEST(Arrow, ClusterAndStoryColumns) {
  Collection c = story_sample();
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(export_posts_arrow(c.posts(), &schema, &array).ok());
  // Two nullable utf8 columns just before extra, which stays last.
  ASSERT_EQ(schema.n_children, 19);
  EXPECT_STREQ(schema.children[16]->name, "cluster");
  EXPECT_STREQ(schema.children[17]->name, "story");
  EXPECT_STREQ(schema.children[18]->name, "extra");
  for (int i : {16, 17}) {
    EXPECT_STREQ(schema.children[i]->format, "u");
    EXPECT_NE(schema.children[i]->flags & ARROW_FLAG_NULLABLE, 0);
  }
  // Null when not set: "b" and "c" have no cluster, "c" no story.
  EXPECT_EQ(array.children[16]->null_count, 2);
  EXPECT_EQ(array.children[17]->null_count, 1);
  auto story = ArrowTextColumn::view(*schema.children[17], *array.children[17]);
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->value(0), "a");
  EXPECT_EQ(story->value(1), "\xD8\xA7\xD9\x84\xD9\x81 a");
  EXPECT_TRUE(story->is_null(2));
  // Exact round trip.
  Collection back;
  ArrowArrayStream s = stream_of(schema, {array});
  ASSERT_TRUE(import_posts_arrow(back, &s).ok());
  ASSERT_TRUE(back.add_source(c.sources()[0]).ok());
  EXPECT_TRUE(back == c);
  EXPECT_EQ(back.posts()[1].story, c.posts()[1].story);
  // Through a digest's table too (section columns first, read and dropped).
  Digest d = build_digest(c, parse_iso_week("2021-W33").value());
  ASSERT_TRUE(export_digest_arrow(d, &schema, &array).ok());
  EXPECT_STREQ(schema.children[2 + 16]->name, "cluster");
  Collection from_digest;
  ArrowArrayStream ds = stream_of(schema, {array});
  ASSERT_TRUE(import_posts_arrow(from_digest, &ds).ok());
  ASSERT_NE(from_digest.find_post("a"), nullptr);
  EXPECT_EQ(from_digest.find_post("a")->cluster, "a");
}

TEST(Arrow, TablesWithoutClusterAndStoryStillLoad) {
  // An export made before 0.3: every column but cluster and story.
  Collection c = sample();
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(export_posts_arrow(c.posts(), &schema, &array).ok());
  std::vector<Picked> old;
  for (int i = 0; i < schema.n_children; ++i)
    if (i != 16 && i != 17) old.push_back({i, schema.children[i]->name});
  Projection older(schema, array, old);
  Collection back;
  ArrowArrayStream s = older.stream();
  auto r = import_posts_arrow(back, &s);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  for (const Source& src : c.sources()) ASSERT_TRUE(back.add_source(src).ok());
  EXPECT_TRUE(back == c);
  // A table a user made with only some columns: cluster and story empty.
  Projection minimal(schema, array, {{0, "id"}, {1, "title"}});
  Collection few;
  ArrowArrayStream m = minimal.stream();
  ASSERT_TRUE(import_posts_arrow(few, &m).ok());
  ASSERT_EQ(few.size(), 3u);
  EXPECT_EQ(few.posts()[0].title, "River talks");
  for (const Post& p : few.posts()) EXPECT_TRUE(p.cluster.empty() && p.story.empty()) << p.id;
  schema.release(&schema);
  array.release(&array);
}

TEST(Arrow, ClusterAndStoryBadColumns) {
  Collection c = story_sample();
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(export_posts_arrow(c.posts(), &schema, &array).ok());
  const int authors = column_index(schema, "authors");
  const int story = column_index(schema, "story");
  ASSERT_GE(authors, 0);
  ASSERT_GE(story, 0);
  {
    // A list where text belongs: the error names the column; nothing added.
    Projection wrong(schema, array, {{0, "id"}, {authors, "cluster"}});
    Collection target;
    ArrowArrayStream s = wrong.stream();
    auto r = import_posts_arrow(target, &s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::wrong_type);
    EXPECT_EQ(r.error().field, "cluster");
    EXPECT_NE(r.error().message.find("column 'cluster' must be a text column"), std::string::npos)
        << r.error().message;
    EXPECT_TRUE(target.empty());
  }
  {
    // An all-null column (pandas' column of None): not set.
    Projection nulls(schema, array, {{0, "id"}, {story, "story", "n"}, {story, "cluster"}});
    Collection target;
    ArrowArrayStream s = nulls.stream();
    ASSERT_TRUE(import_posts_arrow(target, &s).ok());
    EXPECT_EQ(target.posts()[0].story, "");
    EXPECT_EQ(target.posts()[0].cluster, "a");  // the story column, read as cluster
  }
  {
    // Two columns named story.
    Projection twice(schema, array, {{0, "id"}, {story, "story"}, {story, "story"}});
    Collection target;
    ArrowArrayStream s = twice.stream();
    auto r = import_posts_arrow(target, &s);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("two columns named 'story'"), std::string::npos);
  }
  // Invalid UTF-8 in a story: the row and the column are named.
  auto* data = const_cast<char*>(static_cast<const char*>(array.children[story]->buffers[2]));
  data[1] = static_cast<char>(0xFF);  // inside row 1's text (row 0's is one byte)
  Collection target;
  ArrowArrayStream s = stream_of(schema, {array});
  auto r = import_posts_arrow(target, &s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_utf8);
  EXPECT_NE(r.error().message.find("row 1, column 'story'"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().field, "story");
  EXPECT_TRUE(target.empty());
}

TEST(Arrow, ExtraFieldsCodec) {
  std::vector<ExtraField> x = {{"a", "1"}, {"b", "{\"c\":[true,null]}"}};
  std::string json = extra_fields_to_json(x);
  EXPECT_EQ(json, "{\"a\":1,\"b\":{\"c\":[true,null]}}");
  auto back = extra_fields_from_json(json);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, x);
  EXPECT_FALSE(extra_fields_from_json("[1]").ok());
  EXPECT_FALSE(extra_fields_from_json("{\"a\": ").ok());
  EXPECT_FALSE(extra_fields_from_json("").ok());
  EXPECT_FALSE(extra_fields_from_json(std::string(100000, '[')).ok());
}

TEST(Arrow, SelectAndSummary) {
  Collection c = sample();
  PostFilter f;
  f.ids = {"a", "c"};
  Collection s = select_posts(c, f);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s.sources().size(), 1u);  // "a" names the ledger
  f = {};
  f.first = Date(2021, 8, 18);
  EXPECT_EQ(select_posts(c, f).size(), 1u);
  CollectionSummary sum = summarize(c);
  EXPECT_EQ(sum.posts, 3u);
  EXPECT_EQ(sum.undated, 1u);
  ASSERT_TRUE(sum.first && sum.last);
  EXPECT_EQ(*sum.first, Date(2021, 8, 17));
  EXPECT_EQ(sum.by_week.size(), 1u);
}
