// Publishing a digest end to end: make_digest's sections, ranks, limits and
// titles over a small multilingual collection; publish_digest; the JSON round
// trip and JSON Feed; golden renderings. The hostile inputs (markup, unsafe
// links, controls, bad JSON) and the clippings site are in
// test_publish_hostile.cpp.
//
// Golden files live in tests/data/digest/golden/. After an intended change
// to a renderer, rewrite them and review the diff:
//   DIGEST_UPDATE_GOLDEN=1 build/<dir>/tests/digest_tests --gtest_filter='PublishRender.Golden*'
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "digest/curate.hpp"
#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"

using namespace digest;

// Shared with test_publish_hostile.cpp (the site tests), declared there.
namespace publish_test {

// Four registered outlets (en, fa, ar, fr), one written as text, one post
// without an outlet. Story "bridge" spans three outlets and is named after
// a post of the period; story "fest-0" is named after a post of the week
// before. Entities: velmora on four posts, orin on three.
Collection sample() {
  Collection c;
  auto source = [&](const char* id, const char* name, const char* lang) {
    Source s{.id = id, .name = name, .url = std::string("https://") + id + ".example/", .language = lang};
    EXPECT_TRUE(c.add_source(std::move(s)).ok());
  };
  source("lantern", "Lantern Gazette", "en");
  source("nasim", "روزنامه نسیم", "fa");
  source("waha", "صحيفة الواحة", "ar");
  source("lac", "Le Courrier du Lac", "fr");
  auto post = [&](const char* id, const char* src, const char* lang, Date day, const char* title,
                  const char* story, std::vector<std::string> tags) {
    Post p{.id = id, .title = title, .url = std::string("https://news.example/") + id,
           .posted_on = DateTime(day), .source = src, .excerpt = std::string("Snippet for ") + id + ".",
           .language = lang, .tags = std::move(tags), .story = story};
    EXPECT_TRUE(c.add_post(std::move(p)).ok());
  };
  post("fest-0", "waha", "ar", Date(2021, 8, 10), "إعلان برنامج المهرجان", "fest-0", {});
  post("bridge-fr", "lac", "fr", Date(2021, 8, 16), "Le pont de Velmora rouvre", "bridge",
       {"entity:velmora"});
  post("bridge", "lantern", "en", Date(2021, 8, 17), "Velmora bridge reopens after repairs",
       "bridge", {"entity:velmora"});
  post("bridge-fa", "nasim", "fa", Date(2021, 8, 18), "پل ولمورا بازگشایی شد", "bridge",
       {"entity:velmora"});
  post("written", "Pine Valley Weekly", "", Date(2021, 8, 18),
       "Pine Valley orchard opens to visitors", "", {});
  post("bridge-lantern2", "lantern", "en", Date(2021, 8, 19),
       "Traffic returns to the Velmora bridge", "bridge", {});
  post("rain-fa", "nasim", "fa", Date(2021, 8, 19), "باران تابستانی در اورین", "",
       {"entity:orin"});
  post("fest-ar", "waha", "ar", Date(2021, 8, 20), "مهرجان الموسيقى في أورين", "fest-0",
       {"entity:orin"});
  post("fest-en", "lantern", "en", Date(2021, 8, 21), "Orin music festival draws crowds",
       "fest-0", {"entity:orin", "entity:velmora"});
  post("market-fr", "lac", "fr", Date(2021, 8, 22), "Le marché du Lac s'agrandit", "", {});
  post("next-week", "lantern", "en", Date(2021, 8, 23), "Ferry timetable changes", "", {});
  // No outlet, only a published date; no date at all.
  EXPECT_TRUE(c.add_post({.id = "note-x", .title = "A note without an outlet",
                          .url = "https://notes.example/x",
                          .published_on = DateTime(Date(2021, 8, 20)), .authors = {"R. Quill"},
                          .language = "en"})
                  .ok());
  EXPECT_TRUE(c.add_post({.id = "undated", .title = "Undated letter", .source = "lantern"}).ok());
  return c;
}

}  // namespace publish_test

namespace {

using publish_test::sample;

Period week33() { return parse_iso_week("2021-W33").value(); }

Digest digest_of(const DigestOptions& o, const Collection& c = sample()) {
  auto d = make_digest(c, week33(), o);
  EXPECT_TRUE(d.ok()) << d.error().to_string();
  return d.ok() ? std::move(d).value() : Digest{};
}

using Ids = std::vector<std::string>;
Ids ids(const std::vector<Post>& posts) {
  Ids out;
  for (const Post& p : posts) out.push_back(p.id);
  return out;
}
Ids ids(const DigestSection& s) { return ids(s.posts); }
Ids ids(const Digest& d) {
  Ids out;
  for (const auto& s : d.sections)
    for (const Post& p : s.posts) out.push_back(p.id);
  return out;
}
std::vector<Ids> sections_of(const Digest& d) {
  std::vector<Ids> out;
  for (const auto& s : d.sections) out.push_back(ids(s));
  return out;
}
Ids headings(const Digest& d) {
  Ids out;
  for (const auto& s : d.sections) out.push_back(s.heading);
  return out;
}

DigestOptions grouped(GroupBy g, Rank r = Rank::date) {
  DigestOptions o;
  o.group_by = g;
  o.rank = r;
  return o;
}

}  // namespace

// ---- sections ------------------------------------------------------------------

TEST(PublishBuild, GroupByNoneIsOneUnheadedSectionInDateOrder) {
  Digest d = digest_of(grouped(GroupBy::none));
  ASSERT_EQ(d.sections.size(), 1u);
  EXPECT_EQ(d.sections[0].heading, "");
  EXPECT_FALSE(d.sections[0].source.has_value());
  // Same day: by title (bytes), so Latin before Arabic script.
  EXPECT_EQ(ids(d), (Ids{"bridge-fr", "bridge", "written", "bridge-fa", "bridge-lantern2",
                         "rain-fa", "note-x", "fest-ar", "fest-en", "market-fr"}));
  EXPECT_EQ(d.title, "Weekly Digest – Aug 22, 2021");
  EXPECT_EQ(d.period, week33());
  // Outlets: distinct outlets of the post's story in the period (bridge:
  // lantern twice, lac, nasim; fest-0: waha, lantern; fest-0 itself is earlier).
  std::map<std::string, std::size_t> outlets;
  for (std::size_t i = 0; i < d.sections[0].posts.size(); ++i)
    outlets[d.sections[0].posts[i].id] = d.sections[0].items[i].outlets;
  EXPECT_EQ(outlets, (std::map<std::string, std::size_t>{
                         {"bridge", 3}, {"bridge-fa", 3}, {"bridge-fr", 3}, {"bridge-lantern2", 3},
                         {"fest-ar", 2}, {"fest-en", 2}, {"market-fr", 1}, {"note-x", 1},
                         {"rain-fa", 1}, {"written", 1}}));
}

TEST(PublishBuild, GroupBySourceHeadingsRecordsAndOtherLast) {
  Digest d = digest_of(grouped(GroupBy::source));
  EXPECT_EQ(headings(d), (Ids{"Lantern Gazette", "Le Courrier du Lac", "Pine Valley Weekly",
                              "روزنامه نسیم", "صحيفة الواحة", "Other sources"}));
  ASSERT_EQ(d.sections.size(), 6u);
  EXPECT_EQ(sections_of(d), (std::vector<Ids>{{"bridge", "bridge-lantern2", "fest-en"},
                                              {"bridge-fr", "market-fr"}, {"written"},
                                              {"bridge-fa", "rain-fa"}, {"fest-ar"}, {"note-x"}}));
  ASSERT_TRUE(d.sections[0].source.has_value());
  EXPECT_EQ(d.sections[0].source->name, "Lantern Gazette");
  EXPECT_EQ(d.sections[0].source_id, "lantern");
  EXPECT_EQ(d.sections[2].source_id, "Pine Valley Weekly");
  EXPECT_FALSE(d.sections[2].source.has_value());
  EXPECT_FALSE(d.sections[5].source.has_value());
  Ids named;
  for (const Source& s : d.sources) named.push_back(s.id);
  EXPECT_EQ(named, (Ids{"lantern", "lac", "nasim", "waha"}));
  EXPECT_EQ(d.post_count(), 10u);
}

TEST(PublishBuild, GroupByEntityMostItemsFirstEachItemOnce) {
  DigestOptions o = grouped(GroupBy::entity);
  o.entity_name = [](std::string_view id) -> std::string {
    return id == "velmora" ? "Velmora" : id == "orin" ? "Orin" : "";
  };
  Digest d = digest_of(o);
  EXPECT_EQ(headings(d), (Ids{"Velmora", "Orin", "Other posts"}));
  ASSERT_EQ(d.sections.size(), 3u);
  // fest-en names both: it goes under the entity the period names most.
  EXPECT_EQ(sections_of(d), (std::vector<Ids>{{"bridge-fr", "bridge", "bridge-fa", "fest-en"},
                                              {"rain-fa", "fest-ar"},
                                              {"written", "bridge-lantern2", "note-x", "market-fr"}}));
  EXPECT_EQ(d.sections[0].source_id, "velmora");
  EXPECT_EQ(d.sections[2].source_id, "");
  EXPECT_EQ(d.sections[0].items[3].entities, (Ids{"orin", "velmora"}));
  const Ids all = ids(d);
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), all.size());
  EXPECT_EQ(all.size(), 10u);
  // Without names the headings are the ids; a different prefix finds none.
  EXPECT_EQ(headings(digest_of(grouped(GroupBy::entity))), (Ids{"velmora", "orin", "Other posts"}));
  o.entity_tag_prefix = "topic:";
  EXPECT_EQ(headings(digest_of(o)), (Ids{"Other posts"}));
}

TEST(PublishBuild, GroupByStoryCollapsesToRepresentatives) {
  Digest d = digest_of(grouped(GroupBy::story));
  ASSERT_EQ(d.sections.size(), 1u);
  EXPECT_EQ(d.sections[0].heading, "Stories");
  const DigestSection& s = d.sections[0];
  EXPECT_EQ(ids(s), (Ids{"bridge", "written", "rain-fa", "note-x", "fest-ar", "market-fr"}));
  Ids stories;
  std::vector<std::size_t> outlets;
  for (const DigestItem& item : s.items) stories.push_back(item.story), outlets.push_back(item.outlets);
  EXPECT_EQ(stories, (Ids{"bridge", "written", "rain-fa", "note-x", "fest-0", "market-fr"}));
  EXPECT_EQ(outlets, (std::vector<std::size_t>{3, 1, 1, 1, 2, 1}));
  // "bridge" is in the period and names the story, though bridge-fr is
  // earlier; fest-0 is not in the period, so the earliest (fest-ar) stands.
  EXPECT_EQ(ids(s.items[0].also), (Ids{"bridge-fr", "bridge-fa", "bridge-lantern2"}));
  EXPECT_EQ(ids(s.items[4].also), (Ids{"fest-en"}));
  Ids shown;
  for (const Post* p : also_in(s.posts[0], s.items[0])) shown.push_back(p->id);
  EXPECT_EQ(shown, (Ids{"bridge-fr", "bridge-fa"}));  // own outlet not repeated
  EXPECT_TRUE(s.items[1].also.empty());
}

TEST(PublishBuild, CollapseStoriesInsideSourceSections) {
  DigestOptions o = grouped(GroupBy::source);
  o.collapse_stories = true;
  Digest d = digest_of(o);
  EXPECT_EQ(ids(d), (Ids{"bridge", "market-fr", "written", "rain-fa", "fest-ar", "note-x"}));
  EXPECT_EQ(d.sections.size(), 6u);
  EXPECT_EQ(ids(d.sections[0].items[0].also), (Ids{"bridge-fr", "bridge-fa", "bridge-lantern2"}));
}

TEST(PublishBuild, AlsoInOnePerOutletPostsWithoutSourceEachCount) {
  auto p = [](const char* id, const char* source) { return Post{.id = id, .source = source}; };
  Post own = p("r", "a");
  DigestItem item;
  item.also = {p("a2", "a"), p("b1", "b"), p("b2", "b"), p("n1", ""), p("n2", ""), p("c1", "c")};
  Ids shown;
  for (const Post* q : also_in(own, item)) shown.push_back(q->id);
  EXPECT_EQ(shown, (Ids{"b1", "n1", "n2", "c1"}));
  EXPECT_TRUE(also_in(own, DigestItem{}).empty());
}

// ---- ranks and limits --------------------------------------------------------------

TEST(PublishBuild, RankOrders) {
  EXPECT_EQ(ids(digest_of(grouped(GroupBy::none, Rank::newest))),
            (Ids{"market-fr", "fest-en", "note-x", "fest-ar", "bridge-lantern2", "rain-fa",
                 "written", "bridge-fa", "bridge", "bridge-fr"}));
  EXPECT_EQ(ids(digest_of(grouped(GroupBy::none, Rank::outlets))),
            (Ids{"bridge-lantern2", "bridge-fa", "bridge", "bridge-fr", "fest-en", "fest-ar",
                 "market-fr", "note-x", "rain-fa", "written"}));
  // Scores: velmora 4 and orin 3 per mention; fest-en names both.
  EXPECT_EQ(ids(digest_of(grouped(GroupBy::none, Rank::entities))),
            (Ids{"fest-en", "bridge-fa", "bridge", "bridge-fr", "fest-ar", "rain-fa",
                 "market-fr", "note-x", "bridge-lantern2", "written"}));
  Digest by_story = digest_of(grouped(GroupBy::story, Rank::outlets));
  EXPECT_EQ(ids(by_story), (Ids{"bridge", "fest-ar", "market-fr", "note-x", "rain-fa", "written"}));
  EXPECT_EQ(by_story.rank, Rank::outlets);
}

TEST(PublishBuild, PerSectionAndLimitKeepTheBest) {
  DigestOptions o = grouped(GroupBy::source);
  o.per_section = 1;
  EXPECT_EQ(ids(digest_of(o)),
            (Ids{"bridge", "bridge-fr", "written", "bridge-fa", "fest-ar", "note-x"}));
  o.per_section = 0;
  o.limit = 3;  // the three oldest; sections left empty are dropped
  Digest d = digest_of(o);
  EXPECT_EQ(headings(d), (Ids{"Lantern Gazette", "Le Courrier du Lac", "Pine Valley Weekly"}));
  EXPECT_EQ(ids(d), (Ids{"bridge", "bridge-fr", "written"}));
  EXPECT_EQ(d.title, "Weekly Digest – Aug 22, 2021");
  DigestOptions e = grouped(GroupBy::entity, Rank::newest);
  e.limit = 2;
  d = digest_of(e);
  EXPECT_EQ(headings(d), (Ids{"velmora", "Other posts"}));
  EXPECT_EQ(ids(d), (Ids{"fest-en", "market-fr"}));
  o.limit = 100;
  EXPECT_EQ(digest_of(o).post_count(), 10u);
}

// ---- locale and titles ----------------------------------------------------------

TEST(PublishBuild, LocaleTitlesAndTemplates) {
  DigestOptions fa;
  fa.locale = "fa";
  EXPECT_EQ(digest_of(fa).title, "خلاصهٔ هفتگی – ۳۱ مرداد ۱۴۰۰");
  DigestOptions fr;
  fr.locale = "fr";
  EXPECT_EQ(digest_of(fr).title, "Revue de presse de la semaine – 22 août 2021");
  for (const char* bad : {"x y", "<script>", "", "fa\"", "en\n"}) {
    DigestOptions o;
    o.locale = bad;
    auto r = make_digest(sample(), week33(), o);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(r.error().field, "locale");
    // build_digest falls back to English.
    EXPECT_EQ(build_digest(sample(), week33(), o).locale, "en");
  }
  DigestOptions t;
  t.title = "{label}: {count} items {{ok}}";
  EXPECT_EQ(digest_of(t).title, "2021-W33: 10 items {ok}");
  t.title = "{nope}";
  auto r = make_digest(sample(), week33(), t);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(r.error().offset, std::optional<std::uint64_t>(0));
  EXPECT_EQ(r.error().to_string().find('\n'), std::string::npos);
  t.title = "Braces {nope} and } kept";
  Digest kept = build_digest(sample(), week33(), t);
  EXPECT_EQ(kept.title, "Braces {nope} and } kept");
  EXPECT_EQ(kept.post_count(), 10u);
}

TEST(PublishBuild, PeriodsAtYearBoundaries) {
  Collection c;
  auto add = [&](const char* id, Date day) {
    Post p;
    p.id = id;
    p.posted_on = DateTime(day);
    ASSERT_TRUE(c.add_post(std::move(p)).ok());
  };
  add("jan3", Date(2021, 1, 3));
  add("nowruz", Date(2021, 3, 21));  // 1400-01-01 in the Solar Hijri calendar
  add("esfand", Date(2021, 3, 20));  // 1399-12-30
  auto w53 = iso_week_of(Date(2021, 1, 3));
  ASSERT_TRUE(w53.ok());
  EXPECT_EQ(w53->label, "2020-W53");
  EXPECT_EQ(ids(make_digest(c, *w53).value()), (Ids{"jan3"}));
  EXPECT_EQ(make_digest(c, *w53)->title, "Weekly Digest – Jan 3, 2021");
  EXPECT_TRUE(ids(make_digest(c, parse_iso_week("2021-W01").value()).value()).empty());
  auto farvardin = parse_period("1400-01");
  ASSERT_TRUE(farvardin.ok());
  EXPECT_EQ(farvardin->calendar, PeriodCalendar::persian);
  EXPECT_EQ(farvardin->first, Date(2021, 3, 21));
  DigestOptions fa;
  fa.locale = "fa";
  Digest d = make_digest(c, *farvardin, fa).value();
  EXPECT_EQ(ids(d), (Ids{"nowruz"}));
  EXPECT_EQ(d.title, "خلاصهٔ ماهانه – فروردین ۱۴۰۰");
  auto esfand = month_period(1399, 12, PeriodCalendar::persian);
  ASSERT_TRUE(esfand.ok());
  EXPECT_EQ(esfand->last, Date(2021, 3, 20));
  EXPECT_EQ(ids(make_digest(c, *esfand).value()), (Ids{"esfand"}));
}

// ---- publish_digest ------------------------------------------------------------------

TEST(PublishBuild, PublishComputesStoriesOnACopy) {
  Collection c;
  auto add = [&](const char* id, const char* src, Date day, const char* title, std::string text) {
    Post p{.id = id, .title = title, .posted_on = DateTime(day), .source = src,
           .excerpt = std::move(text), .language = "en"};
    ASSERT_TRUE(c.add_post(std::move(p)).ok());
  };
  const std::string text =
      "The council of Velmora voted on Tuesday to reopen the old stone bridge over the Amber "
      "river after eight months of repairs, officials said.";
  add("a1", "lantern", Date(2021, 8, 17), "Velmora council reopens the stone bridge", text);
  add("a2", "harbor", Date(2021, 8, 18), "Velmora council reopens the stone bridge",
      text + " Traffic resumes.");
  add("b1", "lantern", Date(2021, 8, 19), "Orchard harvest festival in Pine Valley",
      "Growers in Pine Valley opened their orchards to visitors for a weekend of cider.");
  add("z9", "lantern", Date(2021, 9, 19), "Velmora council reopens the stone bridge", text);
  const Collection before = c;

  auto d = publish_digest(c, week33(), grouped(GroupBy::story));
  ASSERT_TRUE(d.ok()) << d.error().to_string();
  EXPECT_EQ(c, before);  // the input is not curated in place
  ASSERT_EQ(d->sections.size(), 1u);
  const DigestSection& s = d->sections[0];
  EXPECT_EQ(ids(s), (Ids{"a1", "b1"}));
  EXPECT_EQ(ids(s.items[0].also), (Ids{"a2"}));  // z9 is outside the period
  EXPECT_EQ(s.items[0].outlets, 2u);
  EXPECT_FALSE(s.posts[0].story.empty());
  EXPECT_EQ(s.items[0].story, s.posts[0].story);
  // make_digest alone sees no stories: one item per post.
  EXPECT_EQ(make_digest(c, week33(), grouped(GroupBy::story))->post_count(), 3u);
  // Posts that have stories already are used as they are.
  auto kept = publish_digest(sample(), week33(), grouped(GroupBy::story));
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, digest_of(grouped(GroupBy::story)));
}

// ---- JSON -------------------------------------------------------------------------------

TEST(PublishJson, RoundTripsEveryShape) {
  Collection extra = sample();
  Post p = *extra.find_post("bridge");
  p.id = "bridge-extra";
  p.extra = {{"x_rating", "4.5"}, {"x_meta", R"({"k":["v",null,true]})"}};
  p.authors = {"Zoë Ångström", "مریم"};
  p.posted_on->seconds = 3600 * 9 + 61;
  p.posted_on->utc_offset_minutes = 270;
  ASSERT_TRUE(extra.add_post(std::move(p)).ok());
  std::vector<Digest> digests;
  for (GroupBy g : {GroupBy::none, GroupBy::source, GroupBy::entity, GroupBy::story})
    for (Rank r : {Rank::date, Rank::outlets}) digests.push_back(digest_of(grouped(g, r), extra));
  DigestOptions o = grouped(GroupBy::source, Rank::entities);
  o.collapse_stories = true;
  o.locale = "fa";
  o.per_section = 2;
  digests.push_back(digest_of(o, extra));
  digests.push_back(make_digest(extra, parse_iso_week("2020-W01").value()).value());  // empty
  digests.push_back(make_digest(extra, parse_period("1400-05").value()).value());
  for (const Digest& d : digests) {
    for (bool pretty : {true, false}) {
      const std::string js = render_json(d, pretty);
      auto back = load_digest_json(js);
      ASSERT_TRUE(back.ok()) << back.error().to_string();
      EXPECT_EQ(*back, d) << group_by_name(d.group_by) << " " << d.title;
      EXPECT_EQ(render_json(*back, pretty), js);
    }
  }
}

TEST(PublishJson, FeedHoldsItemsInDigestOrder) {
  DigestOptions o = grouped(GroupBy::entity);
  o.collapse_stories = true;
  Digest d = digest_of(o);
  const std::string feed = render_json_feed(d);

  Collection back;
  ASSERT_TRUE(import_json(back, feed, {.format = JsonFormat::json_feed}).ok());
  Ids feed_ids;
  for (const Post& p : back.posts()) feed_ids.push_back(p.id);
  EXPECT_EQ(feed_ids, ids(d));
  for (const DigestSection& s : d.sections)
    for (const Post& p : s.posts) EXPECT_EQ(*back.find_post(p.id), p);

  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(feed).get(root), simdjson::SUCCESS);
  std::string_view title, group_by;
  EXPECT_EQ(root["title"].get(title), simdjson::SUCCESS);
  EXPECT_EQ(title, d.title);
  simdjson::dom::object dc;
  ASSERT_EQ(root["_digestcore"].get(dc), simdjson::SUCCESS);
  EXPECT_EQ(dc["digest"]["group_by"].get(group_by), simdjson::SUCCESS);
  EXPECT_EQ(group_by, "entity");
  simdjson::dom::array sections, stories, entities;
  ASSERT_EQ(dc["sections"].get(sections), simdjson::SUCCESS);
  ASSERT_EQ(dc["stories"].get(stories), simdjson::SUCCESS);
  ASSERT_EQ(dc["entities"].get(entities), simdjson::SUCCESS);
  EXPECT_EQ(sections.size(), d.sections.size());
  EXPECT_EQ(stories.size(), 2u);  // bridge and fest-0, told by more than one post
  EXPECT_EQ(entities.size(), 2u);
  Ids section_ids;
  for (simdjson::dom::element s : sections)
    for (simdjson::dom::element item : s["items"].get_array()) {
      std::string_view id;
      EXPECT_EQ(item["id"].get(id), simdjson::SUCCESS);
      section_ids.emplace_back(id);
    }
  EXPECT_EQ(section_ids, ids(d));
  // Orin (two items) first, then Velmora with the bridge story and its "also in".
  EXPECT_EQ(headings(d), (Ids{"orin", "velmora", "Other posts"}));
  std::string_view also_first;
  EXPECT_EQ(sections.at(1)["items"].at(0)["also_in"].at(0)["id"].get(also_first),
            simdjson::SUCCESS);
  EXPECT_EQ(also_first, "bridge-fr");
  FeedOptions named;
  named.title = "Own title";
  EXPECT_NE(render_json_feed(d, named).find("\"title\": \"Own title\""), std::string::npos);
}

// ---- renderings -------------------------------------------------------------------

namespace {

// Compares `actual` with tests/data/digest/golden/<name> byte for byte;
// DIGEST_UPDATE_GOLDEN=1 writes it instead.
void expect_golden(const std::string& name, const std::string& actual) {
  const std::filesystem::path path =
      std::filesystem::path(DIGEST_TEST_DATA) / "digest" / "golden" / name;
  const char* update = std::getenv("DIGEST_UPDATE_GOLDEN");
  const std::string how =
      "If the change is intended, regenerate the golden files and review the diff:\n"
      "  DIGEST_UPDATE_GOLDEN=1 <build>/tests/digest_tests --gtest_filter='PublishRender.Golden*'";
  if (update && std::string_view(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "missing golden file " << path << "\n" << how;
    return;
  }
  const std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (expected == actual) return;
  std::size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
  const auto line = 1 + std::count(actual.begin(), actual.begin() + at, '\n');
  ADD_FAILURE() << name << " differs from " << path << " at byte " << at << " (line " << line
                << "; expected " << expected.size() << " bytes, got " << actual.size()
                << ")\n  got:      " << actual.substr(at > 40 ? at - 40 : 0, 80)
                << "\n  expected: " << expected.substr(at > 40 ? at - 40 : 0, 80) << "\n" << how;
}

DigestOptions golden_options(const char* locale) {
  DigestOptions o = grouped(GroupBy::source);
  o.collapse_stories = true;
  o.locale = locale;
  return o;
}

}  // namespace

TEST(PublishRender, GoldenMarkdownEnglish) {
  expect_golden("sample.en.md", render_markdown(digest_of(golden_options("en"))));
}
TEST(PublishRender, GoldenMarkdownPersian) {
  expect_golden("sample.fa.md", render_markdown(digest_of(golden_options("fa"))));
}
TEST(PublishRender, GoldenHtmlEnglish) {
  expect_golden("sample.en.html", render_html(digest_of(golden_options("en"))));
}
TEST(PublishRender, GoldenJson) {
  expect_golden("sample.json", render_json(digest_of(golden_options("en"))));
}

TEST(PublishRender, MarkdownInFrench) {
  const std::string md = render_markdown(digest_of(golden_options("fr")));
  for (const char* want :
       {"# Revue de presse de la semaine – 22 août 2021\n", "6 articles*\n",
        "\n## Autres sources\n",
        "*Lantern Gazette · Ajouté le 17 août 2021*\n",
        "Aussi dans: [Le Courrier du Lac](https://news.example/bridge-fr), "
        "[روزنامه نسیم](https://news.example/bridge-fa)\n",
        "*R. Quill, 20 août 2021*\n"})
    EXPECT_NE(md.find(want), std::string::npos) << want;
  EXPECT_EQ(md.find("Also in"), std::string::npos);
  EXPECT_EQ(md.find("Posted on"), std::string::npos);
  EXPECT_EQ(md.find("bridge-lantern2"), std::string::npos);  // same outlet: not "also in"
}

TEST(PublishRender, HtmlItemsCarryTheirDirection) {
  const std::string html = render_html(digest_of(grouped(GroupBy::none)), {.standalone = false});
  EXPECT_EQ(html.rfind("<article class=\"digest\" lang=\"en\" dir=\"ltr\">", 0), 0u);  // no page
  // A Persian page holds left-to-right items, an English one right-to-left items.
  DigestOptions fa = grouped(GroupBy::none);
  fa.locale = "fa";
  const std::string page = render_html(digest_of(fa));
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">", 0), 0u);
  for (const char* item : {" lang=\"fa\" dir=\"rtl\">", " lang=\"ar\" dir=\"rtl\">",
                           " lang=\"fr\" dir=\"ltr\">", " lang=\"en\" dir=\"ltr\">", " dir=\"auto\">"})
    for (const std::string* out : {&html, &page})
      EXPECT_NE(out->find(std::string("<article class=\"clipping\"") + item), std::string::npos) << item;
}
