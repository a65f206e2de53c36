// Periods: ISO weeks, weeks ending on a day, calendar months (Gregorian and
// Solar Hijri), runs of days and the last N days. parse_period, the one
// reader for all of them, is in period_parse.cpp. Every label made here reads
// back through parse_period to the same days. Arithmetic runs on day numbers,
// so nothing steps outside the dates a Boost date holds (1400-01-01 ..
// 9999-12-31), past which Boost throws.
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <cstring>
#include <memory>

#include "digest/digest.hpp"
#include "text/safe.hpp"

namespace digest {

namespace {

namespace bg = boost::gregorian;

constexpr long kMaxDurationDays = 3660;  // about ten years: anything longer is a typo

long day_number(Date d) { return static_cast<long>(d.day_number()); }
const long kMinDay = day_number(Date(1400, 1, 1));
const long kMaxDay = day_number(Date(9999, 12, 31));
Date from_day_number(long n) { return Date(1400, 1, 1) + bg::days(n - kMinDay); }
bool in_range(long n) { return n >= kMinDay && n <= kMaxDay; }

std::string iso(Date d) { return bg::to_iso_extended_string(d); }

Period make(long first, long last, std::string label, PeriodKind kind,
            PeriodCalendar calendar = PeriodCalendar::gregorian) {
  Period p{from_day_number(first), from_day_number(last), std::move(label)};
  p.kind = kind;
  p.calendar = calendar;
  return p;
}

Error invalid(const std::string& why) { return Error(ErrorCode::invalid_argument, why); }

Error week_error(std::string_view text, std::size_t at, const std::string& why) {
  Error e(ErrorCode::parse_error,
          "not an ISO week " + detail::quote_for_message(text, 32) + ": " + why +
              " (expected e.g. 2021-W33)");
  e.offset = at;
  return e;
}

// Monday of ISO week 1 of `year`: the week that holds January 4th.
Date iso_week_one_monday(int year) {
  Date jan4(static_cast<unsigned short>(year), 1, 4);
  int dow = jan4.day_of_week().as_number();  // 0 = Sunday
  int back = (dow + 6) % 7;                  // days since Monday
  return jan4 - boost::gregorian::days(back);
}

std::string week_label(int year, int week) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
  return buf;
}

std::string month_label(const char* prefix, int year, int month) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%04d-%02d", prefix, year, month);
  return buf;
}

// The Solar Hijri calendar of this thread (ICU calendars are not safe to
// share); null when ICU lacks it.
icu::Calendar* persian_calendar() {
  thread_local std::unique_ptr<icu::Calendar> cal = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> c(icu::Calendar::createInstance(
        icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=persian"), status));
    // Without its data ICU quietly hands out a Gregorian calendar instead.
    if (U_FAILURE(status) || !c || std::strcmp(c->getType(), "persian") != 0) c.reset();
    return c;
  }();
  return cal.get();
}

}  // namespace

Result<Period> parse_iso_week(std::string_view s) {
  std::size_t i = 0;
  int year = 0;
  for (; i < 4; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return week_error(s, i, "expected a 4-digit year");
    year = year * 10 + (s[i] - '0');
  }
  if (i < s.size() && s[i] == '-') ++i;
  if (i >= s.size() || (s[i] != 'W' && s[i] != 'w')) return week_error(s, i, "expected 'W'");
  ++i;
  std::size_t digits_at = i;
  int week = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - digits_at < 2) {
    week = week * 10 + (s[i] - '0');
    ++i;
  }
  if (i - digits_at != 2) return week_error(s, digits_at, "expected a 2-digit week");
  if (i != s.size()) return week_error(s, i, "unexpected trailing text");
  // Week 1 of 1400 starts in 1399, before Boost's first date.
  if (year < 1401 || year > 9998)
    return week_error(s, 0, "year out of range (1401 to 9998)");
  if (week < 1)
    return week_error(s, digits_at, "weeks are numbered from 01");
  Date monday = iso_week_one_monday(year) + boost::gregorian::weeks(week - 1);
  if (monday >= iso_week_one_monday(year + 1))
    return week_error(s, digits_at, "year " + std::to_string(year) + " has no week " +
                                        std::to_string(week));
  const long first = day_number(monday);
  return make(first, first + 6, week_label(year, week), PeriodKind::iso_week);
}

Result<Period> iso_week_of(Date day) {
  if (day.is_special()) return Error(ErrorCode::invalid_argument, "not a date");
  // Monday to Sunday around the day; its Thursday names the ISO year, and
  // the week number counts from the week holding that year's first Thursday.
  const int from_monday = (day.day_of_week().as_number() + 6) % 7;
  const auto first = day.day_number() - from_monday;
  if (first < Date(1400, 1, 1).day_number() || first + 6 > Date(9999, 12, 31).day_number()) {
    Error e(ErrorCode::invalid_argument,
            "the ISO week of " + boost::gregorian::to_iso_extended_string(day) +
                " reaches outside the years 1400 to 9999");
    e.field = "day";
    return e;
  }
  const Date monday = day - boost::gregorian::days(from_monday);
  const Date thursday = monday + boost::gregorian::days(3);
  const int year = thursday.year();
  const int week = static_cast<int>((thursday.day_of_year() - 1) / 7) + 1;
  return make(day_number(monday), day_number(monday) + 6, week_label(year, week),
              PeriodKind::iso_week);
}

Result<Period> week_ending(Date last) {
  if (last.is_special()) return invalid("not a date");
  const long end = day_number(last);
  if (end - 6 < kMinDay) return invalid("the week ending " + iso(last) + " starts before 1400-01-01");
  Date first = from_day_number(end - 6);
  return make(end - 6, end, iso(first) + "/" + iso(last), PeriodKind::week);
}

Result<Period> month_period(int year, int month, PeriodCalendar calendar) {
  if (month < 1 || month > 12) return invalid("month " + std::to_string(month) + " is not 1 to 12");
  if (calendar == PeriodCalendar::gregorian) {
    if (year < 1400 || year > 9999)
      return invalid("Gregorian year " + std::to_string(year) + " is outside 1400 to 9999");
    const auto y = static_cast<unsigned short>(year), m = static_cast<unsigned short>(month);
    const long first = day_number(Date(y, m, 1));
    const long days = bg::gregorian_calendar::end_of_month_day(y, m);
    // Before 1600 a bare "YYYY-MM" reads as Solar Hijri, so say which calendar.
    return make(first, first + days - 1, month_label(year < 1600 ? "gregorian:" : "", year, month),
                PeriodKind::month);
  }
  // Wider than the years a Date reaches (Solar Hijri 779 to 9378), so the
  // range check below says the precise thing; narrow enough for ICU.
  if (year < 1 || year > 9999)
    return invalid("Solar Hijri year " + std::to_string(year) + " is outside 1 to 9999");
  icu::Calendar* cal = persian_calendar();
  if (!cal) return Error(ErrorCode::internal, "ICU has no Solar Hijri calendar");
  UErrorCode status = U_ZERO_ERROR;
  cal->clear();
  cal->set(UCAL_EXTENDED_YEAR, year);
  cal->set(UCAL_MONTH, month - 1);
  cal->set(UCAL_DATE, 1);
  // ICU's Julian day numbers are Boost's day numbers.
  const long first = cal->get(UCAL_JULIAN_DAY, status);
  const long days = cal->getActualMaximum(UCAL_DAY_OF_MONTH, status);
  if (U_FAILURE(status) || days < 29 || days > 31)
    return Error(ErrorCode::internal, "ICU could not place Solar Hijri month " +
                                          month_label("", year, month));
  if (!in_range(first) || !in_range(first + days - 1))
    return invalid("Solar Hijri month " + month_label("", year, month) +
                   " reaches outside 1400-01-01 to 9999-12-31");
  return make(first, first + days - 1, month_label(year < 1600 ? "" : "persian:", year, month),
              PeriodKind::month, PeriodCalendar::persian);
}

Result<Period> range_period(Date first, Date last) {
  if (first.is_special() || last.is_special()) return invalid("not a date");
  if (last < first) return invalid("the range ends (" + iso(last) + ") before it starts (" + iso(first) + ")");
  return make(day_number(first), day_number(last), iso(first) + "/" + iso(last), PeriodKind::range);
}

Result<Period> last_days(std::size_t days, Date reference) {
  if (reference.is_special()) return invalid("the reference is not a date");
  if (days == 0) return invalid("a period of zero days");
  if (days > static_cast<std::size_t>(kMaxDurationDays))
    return invalid("a period of " + std::to_string(days) + " days (at most " +
                   std::to_string(kMaxDurationDays) + ")");
  const long ref = day_number(reference);
  const long first = ref - static_cast<long>(days);
  if (first < kMinDay)
    return invalid("the " + std::to_string(days) + " days before " + iso(reference) +
                   " start before 1400-01-01");
  return make(first, ref - 1, iso(from_day_number(first)) + "/" + iso(from_day_number(ref - 1)),
              PeriodKind::days);
}

}  // namespace digest
