// parse_period: one strict reader for every period form (digest.hpp lists
// them). It checks the syntax and says where it breaks; the constructors in
// period.cpp check the values. Errors carry the byte offset of the problem
// and quote the input safely; no input, however broken, throws.
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "digest/digest.hpp"
#include "text/safe.hpp"

namespace digest {

namespace {

namespace bg = boost::gregorian;

// The same bounds as period.cpp (kept private to each file: the layer check
// admits no module-private header under src/digest).
constexpr long kMaxDurationDays = 3660;
long day_number(Date d) { return static_cast<long>(d.day_number()); }
const long kMinDay = day_number(Date(1400, 1, 1));
const long kMaxDay = day_number(Date(9999, 12, 31));
Date from_day_number(long n) { return Date(1400, 1, 1) + bg::days(n - kMinDay); }

std::string month_label(int year, int month) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

Error invalid(const std::string& why) { return Error(ErrorCode::invalid_argument, why); }

constexpr const char* kForms =
    " (expected e.g. 2021-W36, 2021-08, 1400-06, 2021-08-12/2021-08-18, 2021-08-12/P7D,"
    " P7D/2021-09-10, week-ending:fri, last-7-days or 2021-09-10)";

struct Reader {
  std::string_view text;
  std::size_t at = 0;

  bool done() const { return at >= text.size(); }
  char peek(std::size_t ahead = 0) const {
    return at + ahead < text.size() ? text[at + ahead] : '\0';
  }
  bool take(char c) {  // ASCII, any case
    if (done() || (text[at] | 0x20) != (c | 0x20)) return false;
    ++at;
    return true;
  }
  bool take_word(std::string_view w) {  // ASCII, any case
    if (text.size() - at < w.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
      if ((text[at + k] | 0x20) != (w[k] | 0x20)) return false;
    at += w.size();
    return true;
  }
  Error syntax(std::size_t where, const std::string& why) const {
    Error e(ErrorCode::parse_error,
            "not a period " + detail::quote_for_message(text, 48) + ": " + why + kForms);
    e.offset = where;
    return e;
  }
  // An error of the calls above (which have no input of their own), told
  // with the input and where in it.
  Error value(const Error& inner, std::size_t where) const {
    Error e(inner.code, "period " + detail::quote_for_message(text, 48) + ": " + inner.message);
    e.offset = where;
    return e;
  }
  Error value(std::size_t where, const std::string& why) const { return value(invalid(why), where); }
};

struct Number {
  std::uint64_t value = 0;  // saturates: past that only the digit count matters
  std::size_t digits = 0;
  std::size_t fifth_at = 0;  // byte offset of a fifth digit, if any
  bool native = false;       // Persian (U+06F0..) or Arabic-Indic (U+0660..) digits
};

// A run of digits at r.at; Persian and Arabic-Indic ones too when `native`.
Number read_number(Reader& r, bool native) {
  Number n;
  while (!r.done()) {
    const auto b0 = static_cast<unsigned char>(r.peek());
    const auto b1 = static_cast<unsigned char>(r.peek(1));
    unsigned d = 0, len = 1;
    if (b0 >= '0' && b0 <= '9') {
      d = b0 - '0';
    } else if (native && ((b0 == 0xDB && b1 >= 0xB0 && b1 <= 0xB9) ||
                          (b0 == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9))) {
      d = b1 & 0x0F;
      len = 2;
      n.native = true;
    } else {
      break;
    }
    if (n.digits == 4) n.fifth_at = r.at;
    if (n.value < 1000000000000ULL) n.value = n.value * 10 + d;
    ++n.digits;
    r.at += len;
  }
  return n;
}

std::optional<Error> read_year(Reader& r, bool native, Number& year) {
  const std::size_t start = r.at;
  year = read_number(r, native);
  if (year.digits == 0) return r.syntax(start, "expected a year, a duration (P7D) or a keyword");
  if (year.digits < 4) return r.syntax(start, "a year has 4 digits");
  if (year.digits > 4) return r.syntax(year.fifth_at, "a year has 4 digits");
  return std::nullopt;
}

// Exactly two digits: a month or a day.
std::optional<Error> read_two(Reader& r, bool native, const char* what, Number& out) {
  const std::size_t start = r.at;
  out = read_number(r, native);
  if (out.digits != 2) return r.syntax(start, std::string("expected a 2-digit ") + what);
  return std::nullopt;
}

Result<long> checked_day(const Reader& r, long year, long month, long day, std::size_t year_at,
                         std::size_t month_at, std::size_t day_at) {
  if (month < 1 || month > 12) return r.syntax(month_at, "months are 01 to 12");
  if (year < 1400) return r.value(year_at, "dates start at 1400-01-01");
  const auto y = static_cast<unsigned short>(year), m = static_cast<unsigned short>(month);
  if (day < 1 || day > bg::gregorian_calendar::end_of_month_day(y, m))
    return r.syntax(day_at, month_label(int(year), int(month)) + " has no day " +
                                std::to_string(day));
  return day_number(Date(y, m, static_cast<unsigned short>(day)));
}

// YYYY-MM-DD at r.at, as a day number.
Result<long> read_date(Reader& r) {
  const std::size_t year_at = r.at;
  Number year, month, day;
  if (auto e = read_year(r, false, year)) return *e;
  if (!r.take('-')) return r.syntax(r.at, "expected '-' and the month");
  const std::size_t month_at = r.at;
  if (auto e = read_two(r, false, "month", month)) return *e;
  if (!r.take('-')) return r.syntax(r.at, "expected '-' and the day");
  const std::size_t day_at = r.at;
  if (auto e = read_two(r, false, "day", day)) return *e;
  return checked_day(r, long(year.value), long(month.value), long(day.value), year_at, month_at,
                     day_at);
}

// PnD or PnW at r.at, as its length in days.
Result<long> read_duration(Reader& r) {
  const std::size_t start = r.at;
  r.take('P');
  const std::size_t number_at = r.at;
  Number n = read_number(r, false);
  if (n.digits == 0)
    return r.syntax(number_at, "expected a number of days or weeks after 'P' (P7D, P2W)");
  std::uint64_t days = n.value;
  if (r.take('W')) days *= 7;
  else if (!r.take('D')) return r.syntax(r.at, "durations are counted in days (P7D) or weeks (P2W)");
  if (days == 0) return r.value(start, "a duration of zero days");
  if (days > std::uint64_t(kMaxDurationDays))
    return r.value(start, "a duration over " + std::to_string(kMaxDurationDays) + " days");
  return static_cast<long>(days);
}

// "YYYY-MM" at r.at to the end. Unforced, Solar Hijri when the year is
// before 1600 or Persian or Arabic-Indic digits are used.
Result<Period> read_month(Reader& r, std::optional<PeriodCalendar> calendar) {
  const std::size_t start = r.at;
  Number year, month;
  if (auto e = read_year(r, true, year)) return *e;
  if (!r.take('-')) return r.syntax(r.at, "expected '-' and the month");
  const std::size_t month_at = r.at;
  if (auto e = read_two(r, true, "month", month)) return *e;
  const bool native = year.native || month.native;
  if (!r.done())
    return r.syntax(r.at, calendar || native ? "a Solar Hijri or prefixed period is a month (1400-06)"
                                             : "unexpected text after the month");
  if (month.value < 1 || month.value > 12) return r.syntax(month_at, "months are 01 to 12");
  if (!calendar)
    calendar = (native || year.value < 1600) ? PeriodCalendar::persian : PeriodCalendar::gregorian;
  auto p = month_period(int(year.value), int(month.value), *calendar);
  if (!p) return r.value(p.error(), start);
  return p;
}

int weekday_of(std::string_view name) {  // 0 = Sunday, as Boost counts; -1: none
  static constexpr std::string_view names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday"};
  for (int d = 0; d < 7; ++d) {
    const std::string_view full = names[d];
    if (name.size() != 3 && name.size() != full.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k) same = (name[k] | 0x20) == full[k];
    if (same) return d;
  }
  return -1;
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool is_duration(const Reader& r) { return r.peek() == 'P' || r.peek() == 'p'; }

}  // namespace

Result<Period> parse_period(std::string_view text, const PeriodOptions& options) {
  Reader r{text};
  if (text.empty()) return r.syntax(0, "empty text");
  if (is_space(text.front())) return r.syntax(0, "spaces around a period are not allowed");
  if (is_space(text.back()))
    return r.syntax(text.size() - 1, "spaces around a period are not allowed");
  auto reference = [&]() -> Result<long> {
    const Date ref = options.reference.value_or(bg::day_clock::universal_day());
    if (ref.is_special()) return r.value(0, "the reference day is not a date");
    return day_number(ref);
  };
  // A period from the calls above: their errors placed at `at`, then the end.
  auto finish = [&](Result<Period> p, std::size_t at) -> Result<Period> {
    if (!p) return r.value(p.error(), at);
    if (!r.done()) return r.syntax(r.at, "unexpected text after the period");
    return p;
  };

  if (r.take_word("persian:")) return read_month(r, PeriodCalendar::persian);
  if (r.take_word("gregorian:")) return read_month(r, PeriodCalendar::gregorian);
  if (r.take_word("week-ending:")) {
    const std::size_t at = r.at;
    if (r.peek() >= '0' && r.peek() <= '9') {
      auto day = read_date(r);
      if (!day) return day.error();
      return finish(week_ending(from_day_number(*day)), at);
    }
    while ((r.peek() | 0x20) >= 'a' && (r.peek() | 0x20) <= 'z') ++r.at;
    const int weekday = weekday_of(text.substr(at, r.at - at));
    if (weekday < 0 || !r.done())
      return r.syntax(at, "expected a date (2021-09-10) or a weekday (fri, friday)");
    auto ref = reference();
    if (!ref) return ref.error();
    const int ref_weekday = from_day_number(*ref).day_of_week().as_number();
    const long last = *ref - (ref_weekday - weekday + 7) % 7;
    if (last < kMinDay) return r.value(at, "that weekday falls before 1400-01-01");
    return finish(week_ending(from_day_number(last)), at);
  }
  if (r.take_word("last-")) {
    const std::size_t at = r.at;
    const Number n = read_number(r, false);
    if (n.digits == 0) return r.syntax(at, "expected a number of days (last-7-days)");
    if (!r.take_word("-day")) return r.syntax(r.at, "expected '-days' (last-7-days)");
    r.take('s');
    if (!r.done()) return r.syntax(r.at, "unexpected text after the period");
    auto ref = reference();
    if (!ref) return ref.error();
    return finish(last_days(n.value, from_day_number(*ref)), at);
  }
  if (is_duration(r)) {
    auto days = read_duration(r);
    if (!days) return days.error();
    if (r.done()) {
      auto ref = reference();
      if (!ref) return ref.error();
      return finish(last_days(static_cast<std::size_t>(*days), from_day_number(*ref)), 0);
    }
    if (!r.take('/')) return r.syntax(r.at, "expected '/' and the last day, or the end");
    const std::size_t at = r.at;
    if (is_duration(r)) return r.syntax(at, "an interval has at most one duration");
    auto last = read_date(r);
    if (!last) return last.error();
    if (*last - *days + 1 < kMinDay) return r.value(0, "the interval starts before 1400-01-01");
    auto p = range_period(from_day_number(*last - *days + 1), from_day_number(*last));
    if (p && *days == 7) p->kind = PeriodKind::week;
    return finish(std::move(p), at);
  }

  // A year: an ISO week, a month, or a day and perhaps the rest of an interval.
  Number year, month;
  if (auto e = read_year(r, true, year)) return *e;
  if (!year.native && ((r.peek() | 0x20) == 'w' || (r.peek() == '-' && (r.peek(1) | 0x20) == 'w')))
    return parse_iso_week(text);
  if (!r.take('-')) return r.syntax(r.at, "expected '-' and the month, or 'W' and the week");
  if (auto e = read_two(r, true, "month", month)) return *e;
  const bool day_follows = r.peek() == '-' && !year.native && !month.native;
  r.at = 0;
  if (!day_follows) return read_month(r, std::nullopt);
  auto first = read_date(r);
  if (!first) return first.error();
  if (r.done()) return finish(range_period(from_day_number(*first), from_day_number(*first)), 0);
  if (!r.take('/')) return r.syntax(r.at, "expected '/' and the end of the interval, or the end");
  const std::size_t end_at = r.at;
  long last = 0;
  if (is_duration(r)) {
    auto days = read_duration(r);
    if (!days) return days.error();
    last = *first + *days - 1;
    if (last > kMaxDay) return r.value(end_at, "the interval ends after 9999-12-31");
  } else {
    // The end may leave out what it shares with the start: "18", "08-18".
    Reader probe = r;
    const Number lead = read_number(probe, false);
    const Date start = from_day_number(*first);
    if (lead.digits == 4) {
      auto d = read_date(r);
      if (!d) return d.error();
      last = *d;
    } else if (lead.digits == 2) {
      Number m, d;
      m.value = start.month();
      std::size_t day_at = end_at;
      if (probe.peek() == '-') {
        read_two(r, false, "month", m);
        r.take('-');
        day_at = r.at;
      }
      if (auto e = read_two(r, false, "day", d)) return *e;
      auto day = checked_day(r, start.year(), long(m.value), long(d.value), end_at, end_at, day_at);
      if (!day) return day.error();
      last = *day;
    } else {
      return r.syntax(end_at,
                      "expected the last day (2021-08-18, 08-18 or 18) or a duration (P7D)");
    }
  }
  if (last < *first) return r.value(end_at, "the interval ends before it starts");
  return finish(range_period(from_day_number(*first), from_day_number(last)), end_at);
}

}  // namespace digest
