// Periods: every form parse_period reads, the arithmetic at year and month
// boundaries of both calendars, labels that read back, relative forms
// against a fixed reference, and hostile input.
#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "digest/dates.hpp"
#include "digest/digest.hpp"

using namespace digest;

namespace {

// Wednesday 2021-09-15: every relative form is counted from it.
PeriodOptions at_reference(Date d = Date(2021, 9, 15)) {
  PeriodOptions o;
  o.reference = d;
  return o;
}

Period ok(std::string_view text, const PeriodOptions& o = at_reference()) {
  auto r = parse_period(text, o);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().to_string());
  return r.ok() ? r.value() : Period{Date(1970, 1, 1), Date(1970, 1, 1), "failed"};
}

void expect_days(std::string_view text, Date first, Date last, PeriodKind kind) {
  SCOPED_TRACE(std::string(text));
  Period p = ok(text);
  EXPECT_EQ(p.first, first);
  EXPECT_EQ(p.last, last);
  EXPECT_EQ(p.kind, kind);
}

// The label reads back to the same days.
void expect_reads_back(const Period& p) {
  auto again = parse_period(p.label, at_reference());
  ASSERT_TRUE(again.ok()) << p.label << ": " << again.error().to_string();
  EXPECT_EQ(again->first, p.first) << p.label;
  EXPECT_EQ(again->last, p.last) << p.label;
}

void expect_error(std::string_view text, ErrorCode code, std::size_t offset) {
  SCOPED_TRACE(std::string(text.substr(0, 64)));
  auto r = parse_period(text, at_reference());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, code) << r.error().to_string();
  ASSERT_TRUE(r.error().offset.has_value());
  EXPECT_EQ(*r.error().offset, offset) << r.error().to_string();
  // One line, bounded, whatever the input held.
  const std::string& m = r.error().message;
  EXPECT_EQ(m.find('\n'), std::string::npos);
  EXPECT_EQ(m.find('\0'), std::string::npos);
  EXPECT_EQ(m.find("\xe2\x80\xae"), std::string::npos);  // U+202E, raw
  EXPECT_LT(m.size(), 600u);
}

}  // namespace

TEST(PeriodIsoWeek, YearBoundariesAndWeek53) {
  expect_days("2021-W36", Date(2021, 9, 6), Date(2021, 9, 12), PeriodKind::iso_week);
  expect_days("2020-W53", Date(2020, 12, 28), Date(2021, 1, 3), PeriodKind::iso_week);
  expect_days("2026-W53", Date(2026, 12, 28), Date(2027, 1, 3), PeriodKind::iso_week);
  expect_days("2015-W01", Date(2014, 12, 29), Date(2015, 1, 4), PeriodKind::iso_week);
  expect_days("2024-W01", Date(2024, 1, 1), Date(2024, 1, 7), PeriodKind::iso_week);
  EXPECT_EQ(ok("2021w36").label, "2021-W36");
  EXPECT_EQ(ok("2021-w36").label, "2021-W36");
  expect_error("2021-W53", ErrorCode::parse_error, 6);  // 2021 has 52 weeks
  expect_error("2025-W53", ErrorCode::parse_error, 6);
  expect_error("2021-W00", ErrorCode::parse_error, 6);
  expect_error("2021-W5", ErrorCode::parse_error, 6);
}

TEST(PeriodMonth, GregorianLengthsAndLeapYears) {
  expect_days("2021-08", Date(2021, 8, 1), Date(2021, 8, 31), PeriodKind::month);
  expect_days("2024-02", Date(2024, 2, 1), Date(2024, 2, 29), PeriodKind::month);
  expect_days("2023-02", Date(2023, 2, 1), Date(2023, 2, 28), PeriodKind::month);
  expect_days("2000-02", Date(2000, 2, 1), Date(2000, 2, 29), PeriodKind::month);
  expect_days("2100-02", Date(2100, 2, 1), Date(2100, 2, 28), PeriodKind::month);
  expect_days("2021-12", Date(2021, 12, 1), Date(2021, 12, 31), PeriodKind::month);
  EXPECT_EQ(ok("2021-08").label, "2021-08");
  EXPECT_EQ(ok("2021-08").calendar, PeriodCalendar::gregorian);
  // Before 1600 the prefix is what says Gregorian, and the label keeps it.
  Period old = ok("gregorian:1500-03");
  EXPECT_EQ(old.first, Date(1500, 3, 1));
  EXPECT_EQ(old.label, "gregorian:1500-03");
  EXPECT_EQ(ok("GREGORIAN:2021-08").label, "2021-08");
  expect_error("2021-13", ErrorCode::parse_error, 5);
  expect_error("2021-00", ErrorCode::parse_error, 5);
  expect_error("gregorian:1399-12", ErrorCode::invalid_argument, 10);
  EXPECT_EQ(month_period(2021, 13).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(month_period(10000, 1).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(month_period(9999, 12)->last, Date(9999, 12, 31));
}

TEST(PeriodSolarHijri, NowruzAndEsfand) {
  Period shahrivar = ok("1400-06");
  EXPECT_EQ(shahrivar.first, Date(2021, 8, 23));
  EXPECT_EQ(shahrivar.last, Date(2021, 9, 22));
  EXPECT_EQ(shahrivar.calendar, PeriodCalendar::persian);
  EXPECT_EQ(shahrivar.kind, PeriodKind::month);
  EXPECT_EQ(shahrivar.label, "1400-06");
  EXPECT_EQ(ok("1400-01").first, Date(2021, 3, 21));  // Nowruz
  EXPECT_EQ(ok("1399-12").last, Date(2021, 3, 20));
  // Esfand has 30 days in a leap year (1403, 1399) and 29 otherwise.
  Period esfand1403 = ok("1403-12"), esfand1402 = ok("1402-12");
  EXPECT_EQ((esfand1403.last - esfand1403.first).days() + 1, 30);
  EXPECT_EQ((esfand1402.last - esfand1402.first).days() + 1, 29);
  EXPECT_EQ(esfand1403.last, Date(2025, 3, 20));
  EXPECT_EQ(ok("1404-01").first, Date(2025, 3, 21));
  EXPECT_EQ((ok("1399-12").last - ok("1399-12").first).days() + 1, 30);
  // Persian and Arabic-Indic digits, and the prefix, say the same.
  for (const char* same : {"۱۴۰۰-۰۶", "١٤٠٠-٠٦", "persian:1400-06", "Persian:۱۴۰۰-06"}) {
    Period p = ok(same);
    EXPECT_EQ(p.first, shahrivar.first) << same;
    EXPECT_EQ(p.label, "1400-06") << same;
  }
  Period later = ok("persian:1700-01");
  EXPECT_EQ(later.label, "persian:1700-01");
  expect_reads_back(later);
  EXPECT_EQ(ok("0779-01").first, Date(1400, 3, 21));  // the first whole Solar Hijri year
  expect_error("0778-10", ErrorCode::invalid_argument, 0);
  expect_error("persian:1400-13", ErrorCode::parse_error, 13);
  expect_error("۱۴۰۰-۰۶-۱۹", ErrorCode::parse_error, 13);  // a Solar Hijri period is a month
  expect_error("persian:1400-06-19", ErrorCode::parse_error, 15);
}

TEST(PeriodSolarHijri, AgreesWithTheDateModuleAndRunsOn) {
  // Month after month with no gap or overlap, across every Nowruz, and the
  // same days the date parser's calendar tables give.
  Date expected_first = month_period(1300, 1, PeriodCalendar::persian)->first;
  for (int year = 1300; year <= 1500; ++year) {
    for (int month = 1; month <= 12; ++month) {
      auto p = month_period(year, month, PeriodCalendar::persian);
      ASSERT_TRUE(p.ok()) << year << "-" << month;
      EXPECT_EQ(p->first, expected_first) << year << "-" << month;
      const int days = int((p->last - p->first).days()) + 1;
      EXPECT_EQ(days, days_in_month(CalendarKind::persian, year, month)) << year << "-" << month;
      EXPECT_EQ(to_gregorian(CalendarDate{CalendarKind::persian, year, month, 1}), p->first);
      expected_first = p->last + boost::gregorian::days(1);
    }
  }
}

TEST(PeriodInterval, EveryIso8601Form) {
  const Date a(2021, 8, 12), b(2021, 8, 18);
  expect_days("2021-08-12/2021-08-18", a, b, PeriodKind::range);
  expect_days("2021-08-12/18", a, b, PeriodKind::range);
  expect_days("2021-08-12/08-18", a, b, PeriodKind::range);
  expect_days("2021-08-12/P7D", a, b, PeriodKind::range);
  expect_days("2021-08-12/P1W", a, b, PeriodKind::range);
  expect_days("2021-08-12/2021-08-12", a, a, PeriodKind::range);
  expect_days("2021-09-10", Date(2021, 9, 10), Date(2021, 9, 10), PeriodKind::range);
  expect_days("P7D/2021-09-10", Date(2021, 9, 4), Date(2021, 9, 10), PeriodKind::week);
  expect_days("P1W/2021-09-10", Date(2021, 9, 4), Date(2021, 9, 10), PeriodKind::week);
  expect_days("P10D/2021-09-10", Date(2021, 9, 1), Date(2021, 9, 10), PeriodKind::range);
  expect_days("2021-12-30/2022-01-02", Date(2021, 12, 30), Date(2022, 1, 2), PeriodKind::range);
  expect_days("2024-02-28/03-01", Date(2024, 2, 28), Date(2024, 3, 1), PeriodKind::range);
  EXPECT_EQ(ok("2021-08-12/18").label, "2021-08-12/2021-08-18");
  EXPECT_EQ(ok("P7D/2021-09-10").label, "2021-09-04/2021-09-10");
  expect_error("2021-08-18/2021-08-12", ErrorCode::invalid_argument, 11);
  expect_error("2021-08-18/12", ErrorCode::invalid_argument, 11);
  expect_error("2021-02-12/30", ErrorCode::parse_error, 11);
  expect_error("2021-02-12/02-30", ErrorCode::parse_error, 14);
  expect_error("2023-02-29", ErrorCode::parse_error, 8);
  expect_error("2021-08-12/1", ErrorCode::parse_error, 11);
  expect_error("P7D/P7D", ErrorCode::parse_error, 4);
  expect_error("P7D/18", ErrorCode::parse_error, 4);
  expect_error("2021-08-12/P0D", ErrorCode::invalid_argument, 11);
  expect_error("2021-08-12/P3M", ErrorCode::parse_error, 13);
  expect_error("9999-12-30/P7D", ErrorCode::invalid_argument, 11);
  expect_error("P7D/1400-01-03", ErrorCode::invalid_argument, 0);
  expect_error("1399-12-31", ErrorCode::invalid_argument, 0);
  expect_error("2021-08/2021-09", ErrorCode::parse_error, 7);
  // 3660 days is the most a duration may say.
  EXPECT_TRUE(parse_period("2000-01-01/P3660D").ok());
  expect_error("2000-01-01/P3661D", ErrorCode::invalid_argument, 11);
  expect_error("2000-01-01/P523W", ErrorCode::invalid_argument, 11);
}

TEST(PeriodRelative, CountsFromTheReference) {
  const Date ref(2021, 9, 15);  // a Wednesday
  expect_days("last-7-days", Date(2021, 9, 8), Date(2021, 9, 14), PeriodKind::days);
  expect_days("last-1-day", Date(2021, 9, 14), Date(2021, 9, 14), PeriodKind::days);
  expect_days("LAST-30-DAYS", Date(2021, 8, 16), Date(2021, 9, 14), PeriodKind::days);
  expect_days("P7D", Date(2021, 9, 8), Date(2021, 9, 14), PeriodKind::days);
  expect_days("P2W", Date(2021, 9, 1), Date(2021, 9, 14), PeriodKind::days);
  expect_days("week-ending:fri", Date(2021, 9, 4), Date(2021, 9, 10), PeriodKind::week);
  expect_days("week-ending:Friday", Date(2021, 9, 4), Date(2021, 9, 10), PeriodKind::week);
  expect_days("week-ending:WED", Date(2021, 9, 9), ref, PeriodKind::week);  // on the day itself
  expect_days("week-ending:thursday", Date(2021, 9, 3), Date(2021, 9, 9), PeriodKind::week);
  expect_days("week-ending:2021-09-10", Date(2021, 9, 4), Date(2021, 9, 10), PeriodKind::week);
  EXPECT_EQ(ok("week-ending:fri").label, "2021-09-04/2021-09-10");
  // Across a year end, and from the reference's default (today).
  expect_reads_back(ok("last-7-days", at_reference(Date(2022, 1, 2))));
  EXPECT_EQ(ok("last-7-days", at_reference(Date(2022, 1, 2))).first, Date(2021, 12, 26));
  EXPECT_TRUE(parse_period("last-7-days").ok());
  expect_error("last-0-days", ErrorCode::invalid_argument, 5);
  expect_error("last-3661-days", ErrorCode::invalid_argument, 5);
  expect_error("last-7", ErrorCode::parse_error, 6);
  expect_error("last--7-days", ErrorCode::parse_error, 5);
  expect_error("last-7-weeks", ErrorCode::parse_error, 6);
  expect_error("week-ending:fr", ErrorCode::parse_error, 12);
  expect_error("week-ending:fridays", ErrorCode::parse_error, 12);
  expect_error("week-ending:", ErrorCode::parse_error, 12);
  // Relative forms that would reach before the first date a Date holds.
  auto early = at_reference(Date(1400, 1, 3));
  EXPECT_EQ(parse_period("last-7-days", early).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(parse_period("week-ending:fri", early).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(parse_period("P7D", at_reference(Date(boost::gregorian::not_a_date_time))).error().code,
            ErrorCode::invalid_argument);
}

TEST(PeriodConstructors, KindsLabelsAndLimits) {
  auto w = week_ending(Date(2021, 9, 10));
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->first, Date(2021, 9, 4));
  EXPECT_EQ(w->kind, PeriodKind::week);
  EXPECT_EQ(w->label, "2021-09-04/2021-09-10");
  EXPECT_FALSE(week_ending(Date(1400, 1, 6)).ok());
  EXPECT_TRUE(week_ending(Date(1400, 1, 7)).ok());
  auto r = range_period(Date(2021, 8, 12), Date(2021, 8, 18));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, PeriodKind::range);
  EXPECT_EQ(r->label, "2021-08-12/2021-08-18");
  EXPECT_EQ(range_period(Date(2021, 8, 18), Date(2021, 8, 12)).error().code,
            ErrorCode::invalid_argument);
  auto d = last_days(7, Date(2021, 9, 15));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->kind, PeriodKind::days);
  EXPECT_EQ(d->last, Date(2021, 9, 14));
  EXPECT_FALSE(last_days(0, Date(2021, 9, 15)).ok());
  EXPECT_FALSE(last_days(3661, Date(2021, 9, 15)).ok());
  EXPECT_FALSE(last_days(SIZE_MAX, Date(2021, 9, 15)).ok());
  auto m = month_period(1400, 6, PeriodCalendar::persian);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->calendar, PeriodCalendar::persian);
  EXPECT_EQ(m->label, "1400-06");
  const Date none(boost::gregorian::not_a_date_time);
  EXPECT_FALSE(week_ending(none).ok());
  EXPECT_FALSE(range_period(none, Date(2021, 1, 1)).ok());
  EXPECT_FALSE(last_days(7, none).ok());
  EXPECT_EQ(iso_week_of(Date(2021, 9, 10))->kind, PeriodKind::iso_week);
}

TEST(PeriodLabels, ReadBackForGeneratedPeriods) {
  std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
  auto next = [&](std::uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  const long span = (Date(9999, 12, 31) - Date(1400, 1, 1)).days();
  for (int i = 0; i < 2000; ++i) {
    const Date a = Date(1400, 1, 1) + boost::gregorian::days(long(next(std::uint64_t(span))));
    const Date b = std::min(Date(9999, 12, 31), a + boost::gregorian::days(long(next(400))));
    if (auto p = range_period(a, b)) expect_reads_back(*p);
    if (auto p = week_ending(b)) expect_reads_back(*p);
    if (auto p = last_days(1 + next(3660), b)) expect_reads_back(*p);
    // iso_week_of labels read back within parse_iso_week's years (1401-9998).
    if (auto p = iso_week_of(a); p && a.year() > 1401 && a.year() < 9998) expect_reads_back(*p);
    if (auto p = month_period(1400 + int(next(8600)), 1 + int(next(12)))) expect_reads_back(*p);
    if (auto p = month_period(779 + int(next(8600)), 1 + int(next(12)), PeriodCalendar::persian)) {
      EXPECT_EQ(p->calendar, PeriodCalendar::persian);
      expect_reads_back(*p);
    }
  }
  // Both sides of the 1600 line, in both calendars.
  for (int year : {1400, 1599, 1600, 1601}) {
    expect_reads_back(*month_period(year, 1));
    expect_reads_back(*month_period(year, 1, PeriodCalendar::persian));
  }
}

TEST(PeriodHostile, ErrorsWithOffsetsNeverCrashes) {
  using namespace std::string_literals;
  expect_error("", ErrorCode::parse_error, 0);
  expect_error("2021-", ErrorCode::parse_error, 5);
  expect_error("2021", ErrorCode::parse_error, 4);
  expect_error("202", ErrorCode::parse_error, 0);
  expect_error("\xff\xfe", ErrorCode::parse_error, 0);
  expect_error("2021-08\xff", ErrorCode::parse_error, 7);
  expect_error("2021-\xc3", ErrorCode::parse_error, 5);
  expect_error("2021\0-08"s, ErrorCode::parse_error, 4);
  expect_error("2021-08\0"s, ErrorCode::parse_error, 7);
  expect_error("99999999999-01", ErrorCode::parse_error, 4);
  expect_error("P99999999999D", ErrorCode::invalid_argument, 0);
  expect_error("P99999999999999999999999999W", ErrorCode::invalid_argument, 0);
  expect_error("last-99999999999999999999-days", ErrorCode::invalid_argument, 5);
  expect_error("\xe2\x80\xae" "2021-08", ErrorCode::parse_error, 0);  // RIGHT-TO-LEFT OVERRIDE
  expect_error("2021-08\xe2\x80\xae", ErrorCode::parse_error, 7);
  expect_error("2021-08\xe2\x81\xa6", ErrorCode::parse_error, 7);  // LEFT-TO-RIGHT ISOLATE
  expect_error("2021-W36x", ErrorCode::parse_error, 8);
  expect_error("2021-08-12/2021-08-18/", ErrorCode::parse_error, 21);
  expect_error("last-7-daysx", ErrorCode::parse_error, 11);
  expect_error("P7Dx", ErrorCode::parse_error, 3);
  expect_error(" 2021-08", ErrorCode::parse_error, 0);
  expect_error("2021-08\n", ErrorCode::parse_error, 7);
  expect_error("2021 -08", ErrorCode::parse_error, 4);
  expect_error("week-ending:fri\x01", ErrorCode::parse_error, 12);
  expect_error("x", ErrorCode::parse_error, 0);
  // Long input: the error is where the form ends, the message stays short.
  expect_error("2021-08" + std::string(1 << 20, 'x'), ErrorCode::parse_error, 7);
  expect_error(std::string(1 << 20, '9'), ErrorCode::parse_error, 4);
  expect_error(std::string(1 << 16, '\xff'), ErrorCode::parse_error, 0);
  // Every byte alone, and every cut of every form, fails or succeeds cleanly.
  for (int c = 0; c < 256; ++c) {
    auto r = parse_period(std::string(1, char(c)), at_reference());
    EXPECT_FALSE(r.ok()) << c;
    if (!r.ok()) EXPECT_LE(r.error().offset.value_or(99), 1u);
  }
  for (std::string form : {"2021-W36", "2021-08", "۱۴۰۰-۰۶", "persian:1400-06",
                           "2021-08-12/2021-08-18", "2021-08-12/08-18", "2021-08-12/P7D",
                           "P7D/2021-09-10", "week-ending:friday", "last-7-days", "P2W"}) {
    for (std::size_t n = 0; n <= form.size(); ++n) {
      auto r = parse_period(std::string_view(form).substr(0, n), at_reference());
      if (r.ok()) {
        EXPECT_LE(r->first, r->last);
      } else {
        ASSERT_TRUE(r.error().offset.has_value()) << form.substr(0, n);
        EXPECT_LE(*r.error().offset, n) << form.substr(0, n);
      }
    }
  }
}
