#include <gtest/gtest.h>

#include "digest/model.hpp"

using namespace digest;

namespace {

Post make_post(std::string id, std::optional<DateTime> posted = {},
               std::optional<DateTime> published = {}) {
  Post p;
  p.id = std::move(id);
  p.posted_on = posted;
  p.published_on = published;
  return p;
}

DateTime day(int y, int m, int d) {
  return DateTime(Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                       static_cast<unsigned short>(d)));
}

}  // namespace

TEST(DateTime, IsoRoundTrip) {
  for (const char* text : {"2021-08-23", "2021-08-23T10:05:00", "2021-08-23T10:05:00Z",
                           "2021-08-23T10:05:00+04:30", "2021-08-23T23:59:59-09:00"}) {
    auto r = DateTime::from_iso(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.error().to_string();
    EXPECT_EQ(r->to_iso(), text);
  }
}

TEST(DateTime, IsoAcceptsFractionsAndSpaceSeparator) {
  auto r = DateTime::from_iso("2021-08-23 10:05:07.123+0430");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->to_iso(), "2021-08-23T10:05:07+04:30");
  EXPECT_EQ(*r->seconds, 10 * 3600 + 5 * 60 + 7);
  EXPECT_EQ(*r->utc_offset_minutes, 270);
}

TEST(DateTime, IsoRejectsBadInput) {
  for (const char* text : {"", "2021", "2021-8-23", "2021-02-30", "2021-13-01", "2021-08-23T",
                           "2021-08-23T25:00", "2021-08-23T10:61", "2021-08-23T10:00+25:00",
                           "2021-08-23x", "2021-08-23T10:00:00Zjunk", "２０２１-08-23"}) {
    auto r = DateTime::from_iso(text);
    EXPECT_FALSE(r.ok()) << text;
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::parse_error);
      EXPECT_TRUE(r.error().offset.has_value()) << text;
    }
  }
}

TEST(Collection, AddFindAndRejectDuplicates) {
  Collection c;
  ASSERT_TRUE(c.add_post(make_post("a")).ok());
  ASSERT_TRUE(c.add_post(make_post("b")).ok());
  auto dup = c.add_post(make_post("a"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::duplicate_id);
  EXPECT_EQ(c.size(), 2u);
  ASSERT_NE(c.find_post("b"), nullptr);
  EXPECT_EQ(c.find_post("b")->id, "b");
  EXPECT_EQ(c.find_post("zzz"), nullptr);
  EXPECT_FALSE(c.add_post(make_post("")).ok());

  Source s;
  s.id = "kavir";
  ASSERT_TRUE(c.add_source(s).ok());
  EXPECT_FALSE(c.add_source(s).ok());
  EXPECT_EQ(c.sources().size(), 1u);
}

TEST(Collection, SelectUsesPostedThenPublished) {
  Collection c;
  ASSERT_TRUE(c.add_post(make_post("posted", day(2021, 8, 17), day(2021, 8, 1))).ok());
  ASSERT_TRUE(c.add_post(make_post("published-only", {}, day(2021, 8, 18))).ok());
  ASSERT_TRUE(c.add_post(make_post("outside", day(2021, 8, 30), day(2021, 8, 18))).ok());
  ASSERT_TRUE(c.add_post(make_post("undated")).ok());
  auto sel = c.select(Date(2021, 8, 16), Date(2021, 8, 22));
  ASSERT_EQ(sel.size(), 2u);
  EXPECT_EQ(sel[0]->id, "posted");
  EXPECT_EQ(sel[1]->id, "published-only");
}

TEST(Collection, MergeIsAllOrNothing) {
  Collection a, b;
  ASSERT_TRUE(a.add_post(make_post("x")).ok());
  ASSERT_TRUE(b.add_post(make_post("y")).ok());
  ASSERT_TRUE(b.add_post(make_post("x")).ok());
  Collection a_before = a;
  auto st = a.merge(std::move(b));
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::duplicate_id);
  EXPECT_EQ(a, a_before);

  Collection c;
  ASSERT_TRUE(c.add_post(make_post("y")).ok());
  ASSERT_TRUE(a.merge(std::move(c)).ok());
  EXPECT_EQ(a.size(), 2u);
  EXPECT_NE(a.find_post("y"), nullptr);
}

TEST(Error, ToStringNamesEveryKnownPart) {
  Error e(ErrorCode::wrong_type, "expected a string");
  e.file = "posts.jsonl";
  e.line = 12;
  e.offset = 40;
  e.field = "title";
  EXPECT_EQ(e.to_string(), "posts.jsonl:12: byte 40: field 'title': expected a string");
  Error bare(ErrorCode::not_found, "");
  EXPECT_EQ(bare.to_string(), "not found");
}
