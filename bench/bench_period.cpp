// Periods and their words: parse_period over a mix of forms (periods per
// second, items) and ICU's day format in English and Persian (days per
// second), the cached path that titles and renderers take.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "digest/digest.hpp"

namespace {

const std::vector<std::string>& period_forms() {
  static const std::vector<std::string> v = {
      "2021-W36",       "2020w53",          "2021-08",
      "1400-06",        "۱۴۰۰-۰۶",          "persian:1700-01",
      "2021-08-12/2021-08-18", "2021-08-12/18", "2021-08-12/08-18",
      "2021-08-12/P7D", "P7D/2021-09-10",   "week-ending:2021-09-10",
      "week-ending:fri", "last-7-days",     "P2W",
      "2021-09-10",
  };
  return v;
}

void BM_ParsePeriodMix(benchmark::State& state) {
  digest::PeriodOptions options;
  options.reference = digest::Date(2021, 9, 15);
  const auto& forms = period_forms();
  std::size_t bytes = 0, items = 0, parsed = 0;
  for (auto _ : state) {
    for (const auto& s : forms) {
      auto p = digest::parse_period(s, options);
      parsed += p.ok();
      benchmark::DoNotOptimize(p);
      bytes += s.size();
    }
    items += forms.size();
  }
  if (parsed != items) state.SkipWithError("a benchmark period did not parse");
  state.SetItemsProcessed(static_cast<int64_t>(items));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ParsePeriodMix);

// A year of days, so the formatter sees different dates, not one cached string.
void format_days(benchmark::State& state, const char* locale) {
  std::vector<digest::Date> days;
  for (int i = 0; i < 365; ++i) days.push_back(digest::Date(2021, 1, 1) + boost::gregorian::days(i));
  std::size_t items = 0, bytes = 0;
  for (auto _ : state) {
    for (const auto& d : days) {
      std::string s = digest::format_day(d, locale);
      bytes += s.size();
      benchmark::DoNotOptimize(s);
    }
    items += days.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(items));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));  // output bytes
}

void BM_FormatDayEnglish(benchmark::State& state) { format_days(state, "en"); }
BENCHMARK(BM_FormatDayEnglish);

void BM_FormatDayPersian(benchmark::State& state) { format_days(state, "fa"); }
BENCHMARK(BM_FormatDayPersian);

}  // namespace
