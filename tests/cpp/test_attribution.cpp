// Attribution lines in English, French, Persian and Arabic; outlets,
// authors and places told apart with and without a registry.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "digest/attribution.hpp"

using namespace digest;

namespace {

struct Expect {
  const char* line;
  std::vector<std::string> authors;
  const char* outlet;
  const char* place;
  const char* date;  // ISO date, or nullptr when absent
  const char* excerpt;
};

std::string span_text(std::string_view line, TextSpan s) {
  return std::string(line.substr(s.begin, s.end - s.begin));
}

void check(const Expect& e, const OutletLookup* registry = nullptr) {
  SCOPED_TRACE(e.line);
  auto a = parse_attribution(e.line, registry);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->authors, e.authors);
  EXPECT_EQ(a->outlet, e.outlet);
  EXPECT_EQ(a->place, e.place);
  if (e.date) {
    ASSERT_TRUE(a->date);
    EXPECT_EQ(a->date->date_iso(), e.date);
  } else {
    EXPECT_FALSE(a->date);
  }
  EXPECT_EQ(a->excerpt, e.excerpt);
  // Every part's span points at its text.
  std::string_view line = e.line;
  ASSERT_EQ(a->author_spans.size(), a->authors.size());
  for (std::size_t i = 0; i < a->authors.size(); ++i)
    EXPECT_EQ(span_text(line, a->author_spans[i]), a->authors[i]);
  EXPECT_EQ(span_text(line, a->outlet_span), a->outlet);
  EXPECT_EQ(span_text(line, a->place_span), a->place);
  EXPECT_EQ(span_text(line, a->excerpt_span), a->excerpt);
  EXPECT_FALSE(a->date_span.empty());
}

}  // namespace

TEST(Attribution, English) {
  check({"Jane Doe, The Daily Lantern, Aug 28, 2021:… The council met on Tuesday.",
         {"Jane Doe"}, "The Daily Lantern", "", "2021-08-28", "The council met on Tuesday."});
  check({"Harbor Times, Portsmouth, August 23 2021: Ferries resumed.", {}, "Harbor Times",
         "Portsmouth", "2021-08-23", "Ferries resumed."});
  check({"Radio Meridian, Aug 28, 2021: The bridge reopened.", {}, "Radio Meridian", "",
         "2021-08-28", "The bridge reopened."});
  check({"By Jane Doe and John Roe, Harbor Times, August 23, 2021 — Ferries resumed.",
         {"Jane Doe", "John Roe"}, "Harbor Times", "", "2021-08-23", "Ferries resumed."});
  check({"Jane Doe & John Roe, Harbor Times, 2021/08/29 - Ferries resumed.",
         {"Jane Doe", "John Roe"}, "Harbor Times", "", "2021-08-29", "Ferries resumed."});
  check({"By Jane Doe, Ann Poe and John Roe, Valley News, Mon, 23 Aug 2021 10:05:00 GMT:.. Text",
         {"Jane Doe", "Ann Poe", "John Roe"}, "Valley News", "", "2021-08-23", "Text"});
  check({"Valley 24, Lyon, 2021-08-23: Text here", {}, "Valley 24", "Lyon", "2021-08-23",
         "Text here"});
  check({"Lantern, Oslo, Norway, 23 August 2021: Text", {}, "Lantern", "Oslo, Norway",
         "2021-08-23", "Text"});
  check({"Aug 28, 2021: Only a date.", {}, "", "", "2021-08-28", "Only a date."});
  check({"Harbor Times, 03/04/2021: Ambiguous date", {}, "Harbor Times", "", nullptr,
         "Ambiguous date"});
  check({"Jane Doe, Harbor Times, Aug 28, 2021\nThe text on the next line.", {"Jane Doe"},
         "Harbor Times", "", "2021-08-28", "The text on the next line."});
}

TEST(Attribution, French) {
  check({"Marie Lenoir, Le Petit Riverain, 23 août 2021 :… Le conseil a voté.", {"Marie Lenoir"},
         "Le Petit Riverain", "", "2021-08-23", "Le conseil a voté."});
  check({"Radio Cascade, Annecy, 23 août 2021 – Le conseil a voté.", {}, "Radio Cascade",
         "Annecy", "2021-08-23", "Le conseil a voté."});
  check({"Par Marie Lenoir et Paul Morel, Journal des Cimes, lundi 23 août 2021 : Texte",
         {"Marie Lenoir", "Paul Morel"}, "Journal des Cimes", "", "2021-08-23", "Texte"});
  check({"Le Petit Riverain, 1er septembre 2021: Texte", {}, "Le Petit Riverain", "",
         "2021-09-01", "Texte"});
}

TEST(Attribution, Persian) {
  check({"مریم احمدی، روزنامه آفتاب شرق، ۱۹ شهریور ۱۴۰۰: متن خبر", {"مریم احمدی"},
         "روزنامه آفتاب شرق", "", "2021-09-10", "متن خبر"});
  check({"خبرگزاری نسیم شمال، تهران، ۱۹ شهریور ۱۴۰۰ - متن خبر", {}, "خبرگزاری نسیم شمال",
         "تهران", "2021-09-10", "متن خبر"});
  check({"علی رضایی و مریم احمدی، روزنامه آفتاب شرق، ۱۴۰۰/۶/۲۰:… متن", {"علی رضایی", "مریم احمدی"},
         "روزنامه آفتاب شرق", "", "2021-09-11", "متن"});
  check({"شبکه نسیم، ۱۹ شهریور ۱۴۰۰: متن", {}, "شبکه نسیم", "", "2021-09-10", "متن"});
}

TEST(Attribution, Arabic) {
  check({"سامي خليل، صحيفة النهار الجديد، 23 أغسطس 2021: نص الخبر", {"سامي خليل"},
         "صحيفة النهار الجديد", "", "2021-08-23", "نص الخبر"});
  check({"وكالة الأنباء الشرقية، بيروت، 23 آب 2021 — نص الخبر", {}, "وكالة الأنباء الشرقية",
         "بيروت", "2021-08-23", "نص الخبر"});
  check({"بقلم سامي خليل و ليلى حداد، صحيفة النهار الجديد، 15 محرم 1443 هـ: نص",
         {"سامي خليل", "ليلى حداد"}, "صحيفة النهار الجديد", "", "2021-08-23", "نص"});
  check({"قناة الواحة، ٢٣ أغسطس ٢٠٢١: نص", {}, "قناة الواحة", "", "2021-08-23", "نص"});
}

TEST(Attribution, RegistryTellsOutletsFromAuthorsAndPlaces) {
  SimpleOutletList outlets;
  outlets.add("echo-du-lac", "Echo du Lac");
  outlets.add("lantern", "The Daily Lantern");
  outlets.add("lantern", "Lantern");
  Source nasim;
  nasim.id = "nasim";
  nasim.name = "نسیم";
  nasim.aliases = {"Nasim"};
  outlets.add(nasim);

  // Without the registry, a three-word first part reads as an author.
  auto h = parse_attribution("Echo du Lac, Annecy, 23 août 2021: Texte");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->method, "heuristic");
  // With it, the outlet is known and the place follows it.
  check({"Echo du Lac, Annecy, 23 août 2021: Texte", {}, "Echo du Lac", "Annecy", "2021-08-23",
         "Texte"},
        &outlets);
  auto r = parse_attribution("Echo du Lac, Annecy, 23 août 2021: Texte", &outlets);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->source, "echo-du-lac");
  EXPECT_EQ(r->method, "registry");
  check({"Marie Lenoir, ECHO DU LAC, 23 août 2021: Texte", {"Marie Lenoir"}, "ECHO DU LAC", "",
         "2021-08-23", "Texte"},
        &outlets);
  check({"Marie Lenoir, Lantern, Annecy, 23 août 2021: Texte", {"Marie Lenoir"}, "Lantern",
         "Annecy", "2021-08-23", "Texte"},
        &outlets);
  check({"نسیم، تهران، ۱۹ شهریور ۱۴۰۰: متن", {}, "نسیم", "تهران", "2021-09-10", "متن"}, &outlets);
  EXPECT_EQ(outlets.find_outlet("  the daily LANTERN "), "lantern");
  EXPECT_EQ(outlets.find_outlet("nasim"), "nasim");
  EXPECT_FALSE(outlets.find_outlet("Unknown Outlet"));
  EXPECT_FALSE(outlets.add("other", "Lantern"));  // taken
}

TEST(Attribution, NotAttributionLines) {
  for (const char* line : {
           "",
           "The meeting on Aug 28, 2021 was long.",
           "Note: nothing here",
           "Harbor Times: On March 3, 2021 - the ferries stopped.",
           "Jane Doe, Harbor Times: no date at all",
           "1400 people came: a crowd",
           "Harbor Times Aug 28, 2021: no comma before the date",
           "\xff\xfe\xfd",
       }) {
    EXPECT_FALSE(parse_attribution(line).has_value()) << line;
  }
}

TEST(Attribution, SpansAndHeader) {
  std::string line = "Jane Doe, Harbor Times, Aug 28, 2021:… Text";
  auto a = parse_attribution(line);
  ASSERT_TRUE(a);
  EXPECT_EQ(span_text(line, a->date_span), "Aug 28, 2021");
  EXPECT_EQ(span_text(line, a->header_span), "Jane Doe, Harbor Times, Aug 28, 2021:…");
  EXPECT_EQ(a->outlet_span.begin, 10u);
}

TEST(Attribution, ApplyToPost) {
  Post p;
  p.id = "p1";
  p.excerpt = "Jane Doe, Harbor Times, Portsmouth, Aug 28, 2021: Ferries resumed.";
  EXPECT_TRUE(apply_attribution(p));
  EXPECT_EQ(p.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(p.source, "Harbor Times");
  EXPECT_EQ(p.place, "Portsmouth");
  ASSERT_TRUE(p.published_on);
  EXPECT_EQ(p.published_on->date_iso(), "2021-08-28");
  EXPECT_EQ(p.excerpt, "Jane Doe, Harbor Times, Portsmouth, Aug 28, 2021: Ferries resumed.");
  EXPECT_FALSE(apply_attribution(p));  // nothing left to fill

  // Structured fields win; the registry gives the source id.
  SimpleOutletList outlets;
  outlets.add("harbor", "Harbor Times");
  Post q;
  q.body = "\nHarbor Times, Aug 28, 2021: Ferries resumed.\nMore text.";
  q.published_on = DateTime(Date(2021, 8, 27));
  EXPECT_TRUE(apply_attribution(q, &outlets));
  EXPECT_EQ(q.source, "harbor");
  EXPECT_EQ(q.published_on->date_iso(), "2021-08-27");
  EXPECT_TRUE(q.authors.empty());

  Post r;
  r.body = "No attribution here.";
  EXPECT_FALSE(apply_attribution(r));
}
