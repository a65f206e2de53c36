#include <gtest/gtest.h>

#include "digest/digest.hpp"
#include "digest/render.hpp"

using namespace digest;

TEST(IsoWeek, ParsesAndBoundsWeeks) {
  auto w = parse_iso_week("2021-W33");
  ASSERT_TRUE(w.ok()) << w.error().to_string();
  EXPECT_EQ(w->first, Date(2021, 8, 16));
  EXPECT_EQ(w->last, Date(2021, 8, 22));
  EXPECT_EQ(w->label, "2021-W33");
  // Week 1 of 2021 starts in 2021; week 53 of 2020 holds 2021-01-01.
  EXPECT_EQ(parse_iso_week("2021W01")->first, Date(2021, 1, 4));
  EXPECT_EQ(parse_iso_week("2020-w53")->first, Date(2020, 12, 28));
  EXPECT_EQ(parse_iso_week("2015-W01")->first, Date(2014, 12, 29));
  for (const char* bad : {"", "2021", "2021-W", "2021-W3", "2021-W54", "2021-W53", "2021-W00",
                          "21-W33", "2021-W333", "2021-X33", "2021-W33 "}) {
    auto r = parse_iso_week(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) EXPECT_TRUE(r.error().offset.has_value());
  }
}

TEST(IsoWeek, WeekOfDayAtTheEdgesOfTheCalendar) {
  // 1400-01-01 is a Wednesday: its week starts in 1399.
  EXPECT_FALSE(iso_week_of(Date(1400, 1, 1)).ok());
  EXPECT_FALSE(iso_week_of(Date(1400, 1, 5)).ok());
  auto first = iso_week_of(Date(1400, 1, 6));  // the first Monday
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->first, Date(1400, 1, 6));
  // 9999-12-31 is a Friday: its week ends in 10000.
  EXPECT_FALSE(iso_week_of(Date(9999, 12, 31)).ok());
  auto last = iso_week_of(Date(9999, 12, 26));
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->label, "9999-W51");
  EXPECT_EQ(iso_week_of(Date(9999, 1, 1))->label, "9998-W53");
  EXPECT_EQ(iso_week_of(Date(2021, 1, 3))->label, "2020-W53");
  EXPECT_EQ(iso_week_of(Date(2024, 12, 30))->label, "2025-W01");
}

TEST(IsoWeek, WeekOfDayAgreesWithParse) {
  for (Date d(2019, 12, 20); d <= Date(2022, 1, 10); d += boost::gregorian::days(1)) {
    Period p = *iso_week_of(d);
    EXPECT_LE(p.first, d);
    EXPECT_GE(p.last, d);
    EXPECT_EQ(p.first.day_of_week().as_number(), 1);
    auto again = parse_iso_week(p.label);
    ASSERT_TRUE(again.ok()) << p.label;
    EXPECT_EQ(*again, p);
  }
}

namespace {

Collection sample() {
  Collection c;
  Source a;
  a.id = "harbor";
  a.name = "Harbor Street Tribune";
  Source b;
  b.id = "kavir";
  b.name = "Kavir Daily";
  EXPECT_TRUE(c.add_source(a).ok());
  EXPECT_TRUE(c.add_source(b).ok());
  auto post = [&](std::string id, std::string source, Date d, std::string title) {
    Post p;
    p.id = std::move(id);
    p.source = std::move(source);
    p.posted_on = DateTime(d);
    p.title = std::move(title);
    p.url = "https://example.org/" + p.id;
    p.excerpt = "An excerpt with *stars* and [brackets].";
    EXPECT_TRUE(c.add_post(std::move(p)).ok());
  };
  post("k2", "kavir", Date(2021, 8, 19), "Second");
  post("h1", "harbor", Date(2021, 8, 17), "Harbor first");
  post("k1", "kavir", Date(2021, 8, 16), "First");
  post("out", "kavir", Date(2021, 8, 23), "Next week");
  post("u1", "", Date(2021, 8, 20), "No source");
  post("w1", "Unlisted Weekly", Date(2021, 8, 21), "Outlet as written");
  return c;
}

}  // namespace

TEST(Digest, GroupsBySourceAndOrdersByDate) {
  Collection c = sample();
  Digest d = build_digest(c, *parse_iso_week("2021-W33"));
  EXPECT_EQ(d.title, "Weekly Digest \u2013 Aug 22, 2021");
  EXPECT_EQ(d.post_count(), 5u);
  ASSERT_EQ(d.sections.size(), 4u);
  EXPECT_EQ(d.sections[0].heading, "Harbor Street Tribune");
  EXPECT_EQ(d.sections[1].heading, "Kavir Daily");
  ASSERT_EQ(d.sections[1].posts.size(), 2u);
  EXPECT_EQ(d.sections[1].posts[0].id, "k1");
  EXPECT_EQ(d.sections[1].posts[1].id, "k2");
  EXPECT_EQ(d.sections[2].heading, "Unlisted Weekly");
  EXPECT_EQ(d.sections[3].heading, "Other sources");
}

TEST(Digest, MarkdownEscapesAndLinks) {
  Collection c = sample();
  std::string md = render_markdown(build_digest(c, *parse_iso_week("2021-W33")));
  EXPECT_NE(md.find("# Weekly Digest – Aug 22, 2021"), std::string::npos);
  EXPECT_NE(md.find("Aug 16\u2009–\u200922, 2021 · 5 posts*"), std::string::npos);
  EXPECT_NE(md.find("## Kavir Daily"), std::string::npos);
  EXPECT_NE(md.find("### [First](https://example.org/k1)"), std::string::npos);
  EXPECT_NE(md.find("> An excerpt with \\*stars\\* and \\[brackets\\]."), std::string::npos);
  EXPECT_EQ(md.find("Next week"), std::string::npos);
  // First comes before Second within a section.
  EXPECT_LT(md.find("[First]"), md.find("[Second]"));
}

TEST(Digest, EmptyPeriodRendersNotice) {
  Collection c = sample();
  Digest d = build_digest(c, *parse_iso_week("2020-W01"));
  EXPECT_EQ(d.post_count(), 0u);
  EXPECT_NE(render_markdown(d).find("No posts in this period."), std::string::npos);
  std::string js = render_json(d);
  EXPECT_NE(js.find("\"post_count\": 0"), std::string::npos);
}

TEST(Digest, JsonRenderHasEveryPost) {
  Collection c = sample();
  std::string js = render_json(build_digest(c, *parse_iso_week("2021-W33")), false);
  for (const char* id : {"\"k1\"", "\"k2\"", "\"h1\"", "\"u1\"", "\"w1\""})
    EXPECT_NE(js.find(id), std::string::npos) << id;
  EXPECT_EQ(js.find("\"out\""), std::string::npos);
  EXPECT_NE(js.find("\"label\":\"2021-W33\""), std::string::npos);
}
