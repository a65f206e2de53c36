// Solar Hijri and Umm al-Qura conversions. ICU's Calendar is the reference:
// the month starts of a year are read from ICU the first time that year is
// needed and cached for the life of the process, so a conversion is a table
// look-up and parsing creates no ICU object per call.
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <atomic>
#include <memory>
#include <mutex>

#include "dates/internal.hpp"

namespace digest::dates_detail {

namespace {

struct YearTable {
  // Julian day of the first of each month, and of the next year's first.
  std::array<long, 13> starts{};
};

struct CalendarCache {
  const char* locale;
  int first_year;
  int last_year;
  std::vector<YearTable> years;
  std::unique_ptr<std::atomic<bool>[]> ready;
  std::mutex mutex;
  std::unique_ptr<icu::Calendar> calendar;  // guarded by mutex
  bool broken = false;                      // ICU could not make the calendar

  CalendarCache(const char* loc, int first, int last)
      : locale(loc), first_year(first), last_year(last),
        years(static_cast<std::size_t>(last - first + 1)),
        ready(new std::atomic<bool>[static_cast<std::size_t>(last - first + 1)]) {
    for (int i = 0; i <= last - first; ++i) ready[i].store(false, std::memory_order_relaxed);
  }

  long icu_month_start(int year, int month0, UErrorCode& status) {
    calendar->clear();
    calendar->set(UCAL_EXTENDED_YEAR, year);
    calendar->set(UCAL_MONTH, month0);
    calendar->set(UCAL_DATE, 1);
    return calendar->get(UCAL_JULIAN_DAY, status);
  }

  const YearTable* year(int y) {
    if (y < first_year || y > last_year) return nullptr;
    std::size_t i = static_cast<std::size_t>(y - first_year);
    if (ready[i].load(std::memory_order_acquire)) return &years[i];
    std::lock_guard<std::mutex> lock(mutex);
    if (ready[i].load(std::memory_order_relaxed)) return &years[i];
    if (broken) return nullptr;
    UErrorCode status = U_ZERO_ERROR;
    if (!calendar) {
      calendar.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                                   icu::Locale(locale), status));
      if (U_FAILURE(status) || !calendar) {
        broken = true;
        calendar.reset();
        return nullptr;
      }
      calendar->setLenient(true);
    }
    YearTable t;
    for (int m = 0; m < 12; ++m) t.starts[static_cast<std::size_t>(m)] = icu_month_start(y, m, status);
    t.starts[12] = icu_month_start(y + 1, 0, status);
    if (U_FAILURE(status)) return nullptr;
    years[i] = t;
    ready[i].store(true, std::memory_order_release);
    return &years[i];
  }
};

CalendarCache& cache(CalendarKind kind) {
  // Leaked on purpose: used until the process ends, from any thread.
  static CalendarCache* persian = new CalendarCache("en@calendar=persian", 1200, 1600);
  static CalendarCache* hijri = new CalendarCache("en@calendar=islamic-umalqura", 1300, 1600);
  return kind == CalendarKind::persian ? *persian : *hijri;
}

}  // namespace

Date date_from_julian_day(long jd) {
  static const long epoch = static_cast<long>(Date(1970, 1, 1).julian_day());
  return Date(1970, 1, 1) + boost::gregorian::date_duration(jd - epoch);
}

std::optional<long> to_julian_day(CalendarKind calendar, int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  if (calendar == CalendarKind::gregorian) {
    if (year < 1400 || year > 9999) return std::nullopt;
    int last = boost::gregorian::gregorian_calendar::end_of_month_day(
        static_cast<unsigned short>(year), static_cast<unsigned short>(month));
    if (day > last) return std::nullopt;
    return julian_day(Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                           static_cast<unsigned short>(day)));
  }
  const YearTable* t = cache(calendar).year(year);
  if (!t) return std::nullopt;
  long start = t->starts[static_cast<std::size_t>(month - 1)];
  long next = t->starts[static_cast<std::size_t>(month)];
  if (day > next - start) return std::nullopt;
  return start + day - 1;
}

std::optional<CalendarDate> from_julian_day(CalendarKind calendar, long jd) {
  if (calendar == CalendarKind::gregorian) {
    if (jd < julian_day(Date(1400, 1, 1)) || jd > julian_day(Date(9999, 12, 31))) return std::nullopt;
    Date d = date_from_julian_day(jd);
    return CalendarDate{calendar, int(d.year()), int(d.month()), int(d.day())};
  }
  CalendarCache& c = cache(calendar);
  // A first guess from the mean year length, then the neighbours.
  int guess;
  if (calendar == CalendarKind::persian) {
    guess = static_cast<int>((jd - 1948320) / 365.2422) + 1;
  } else {
    guess = static_cast<int>((jd - 1948439) / 354.36707) + 1;
  }
  for (int y = guess - 2; y <= guess + 2; ++y) {
    if (y < c.first_year || y > c.last_year) continue;
    const YearTable* t = c.year(y);
    if (!t) continue;
    if (jd < t->starts[0] || jd >= t->starts[12]) continue;
    for (int m = 0; m < 12; ++m) {
      if (jd < t->starts[static_cast<std::size_t>(m + 1)]) {
        return CalendarDate{calendar, y, m + 1,
                            static_cast<int>(jd - t->starts[static_cast<std::size_t>(m)]) + 1};
      }
    }
  }
  return std::nullopt;
}

}  // namespace digest::dates_detail

namespace digest {

using namespace dates_detail;

const char* calendar_name(CalendarKind calendar) noexcept {
  switch (calendar) {
    case CalendarKind::gregorian: return "gregorian";
    case CalendarKind::persian: return "persian";
    case CalendarKind::islamic_umalqura: return "islamic-umalqura";
  }
  return "unknown";
}

std::optional<Date> to_gregorian(const CalendarDate& date) {
  auto jd = to_julian_day(date.calendar, date.year, date.month, date.day);
  if (!jd) return std::nullopt;
  return date_from_julian_day(*jd);
}

std::optional<CalendarDate> from_gregorian(Date date, CalendarKind calendar) {
  if (date.is_special()) return std::nullopt;
  return from_julian_day(calendar, julian_day(date));
}

int days_in_month(CalendarKind calendar, int year, int month) {
  if (month < 1 || month > 12) return 0;
  auto first = to_julian_day(calendar, year, month, 1);
  if (!first) return 0;
  for (int d = 31; d >= 28; --d) {
    if (to_julian_day(calendar, year, month, d)) return d;
  }
  return 0;
}

}  // namespace digest
