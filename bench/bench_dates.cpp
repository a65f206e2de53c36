// Dates and attribution lines: parses per second (items) on one core.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "digest/attribution.hpp"
#include "digest/dates.hpp"

namespace {

const std::vector<std::string>& english_dates() {
  static const std::vector<std::string> v = {
      "Aug 28, 2021",          "August 23, 2021",       "23 August 2021",
      "Monday, August 23, 2021", "Sept. 3, 2021",       "December 31, 1999",
      "Mon, 23 Aug 2021 10:05:00 +0000", "August 23rd, 2021 at 3:15 PM",
      "1st March 2020",        "Feb 29, 2024",          "08/23/2021",
      "Tue, 24 Aug 2021 23:59:59 PDT",
  };
  return v;
}

const std::vector<std::string>& iso_dates() {
  static const std::vector<std::string> v = {
      "2021-08-23", "2021-08-23T10:05:00Z", "2021-08-23T10:05:00+04:30", "1999-12-31",
      "2021-08-23T10:05:00.123-05:00", "2024-02-29"};
  return v;
}

const std::vector<std::string>& mixed_dates() {
  static const std::vector<std::string> v = {
      "23 août 2021",          "23. August 2021",       "23 de agosto de 2021",
      "۱۹ شهریور ۱۴۰۰",        "۱۴۰۰/۶/۲۰",             "23 أغسطس 2021",
      "15 محرم 1443 هـ",       "23 августа 2021 г.",    "23 Ağustos 2021",
      "lunedì 23 agosto 2021", "23 augusti 2021",       "23 gusht 2021",
      "1 كانون الثاني 2021",   "23 اگست 2021",          "Aug 28, 2021",
      "2021-08-23",
  };
  return v;
}

// Newsroom timestamps: times in local conventions, zones by name, unread
// zones, relative and year-less dates, and languages beyond the 14 with
// hand-added spellings (ICU's names for every locale).
const std::vector<std::string>& newsroom_dates() {
  static const std::vector<std::string> v = {
      "13 января 2015 г. в 13:34",     "28. August 2021, 15.15 Uhr",
      "Sat 28 Aug 2021 15.15 BST",     "Aug 28, 2021 3:15 p.m. ET",
      "18 octobre 2012 à 19 h 21 min", "8:25 a.m. Dec. 12, 2014",
      "Sat, 28 Aug 2021 15:15:00 XYZT", "2 Ocak 2015 Cuma, 16:49",
      "yesterday",                     "3 days ago",
      "il y a 2 jours",                "منذ ساعتين",
      "10 мая",                        "12-Jan-2014",
      "23 sierpnia 2021",              "23 серпня 2021",
  };
  return v;
}

void run(benchmark::State& state, const digest::DateParser& parser,
         const std::vector<std::string>& inputs) {
  std::size_t bytes = 0, items = 0, found = 0;
  for (auto _ : state) {
    for (const auto& s : inputs) {
      auto d = parser.parse(s);
      found += d.has_value();
      benchmark::DoNotOptimize(d);
      bytes += s.size();
    }
    items += inputs.size();
  }
  if (found != items) state.SkipWithError("a benchmark input did not parse");
  state.SetItemsProcessed(static_cast<int64_t>(items));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_ParseEnglishDetect(benchmark::State& state) {
  digest::DateParser parser;
  run(state, parser, english_dates());
}
BENCHMARK(BM_ParseEnglishDetect);

void BM_ParseEnglishLanguageGiven(benchmark::State& state) {
  digest::DateParseOptions opt;
  opt.languages = {"en"};
  digest::DateParser parser(opt);
  run(state, parser, english_dates());
}
BENCHMARK(BM_ParseEnglishLanguageGiven);

void BM_ParseIso8601(benchmark::State& state) {
  digest::DateParser parser;
  run(state, parser, iso_dates());
}
BENCHMARK(BM_ParseIso8601);

void BM_ParseMixedLanguages(benchmark::State& state) {
  digest::DateParser parser;
  run(state, parser, mixed_dates());
}
BENCHMARK(BM_ParseMixedLanguages);

void BM_ParseNewsroom(benchmark::State& state) {
  digest::DateParseOptions opt;
  opt.reference = digest::Date(2021, 8, 23);
  opt.reference_seconds = 10 * 3600;
  digest::DateParser parser(opt);
  run(state, parser, newsroom_dates());
}
BENCHMARK(BM_ParseNewsroom);

void BM_FindDates(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 20; ++i) {
    text += "The council met on Aug 28, 2021 with 1400 people, open 24/7, version 2.1; "
            "the report of ۱۹ شهریور ۱۴۰۰ and 23 août 2021 à 10h05 followed. ";
  }
  digest::DateParser parser;
  std::size_t n = 0;
  for (auto _ : state) {
    auto found = parser.find_dates(text);
    n += found.size();
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_FindDates);

void BM_ParseAttribution(benchmark::State& state) {
  const std::vector<std::string> lines = {
      "Jane Doe, The Daily Lantern, Aug 28, 2021:… The council met on Tuesday.",
      "Radio Cascade, Annecy, 23 août 2021 – Le conseil a voté.",
      "مریم احمدی، روزنامه آفتاب شرق، ۱۹ شهریور ۱۴۰۰: متن خبر",
      "وكالة الأنباء الشرقية، بيروت، 23 آب 2021 — نص الخبر",
  };
  std::size_t items = 0, bytes = 0;
  for (auto _ : state) {
    for (const auto& l : lines) {
      auto a = digest::parse_attribution(l);
      benchmark::DoNotOptimize(a);
      bytes += l.size();
    }
    items += lines.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(items));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ParseAttribution);

}  // namespace
