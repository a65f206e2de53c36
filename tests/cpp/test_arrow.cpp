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

}  // namespace

TEST(Arrow, PostSchemaAndColumns) {
  Collection c = sample();
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(export_posts_arrow(c.posts(), &schema, &array).ok());
  EXPECT_STREQ(schema.format, "+s");
  ASSERT_EQ(schema.n_children, 17);
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
