// RFC 822 / 2822 dates as feeds write them (see rfc822.hpp).
#include "text/rfc822.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace digest::detail {

namespace {

bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// 1-12, or 0. Three-letter forms, full names and "Sept".
int month_of(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (iequals(w, "sept")) return 9;
  for (std::size_t m = 0; m < 12; ++m)
    if (iequals(w, kFull[m]) || iequals(w, kFull[m].substr(0, 3))) return int(m) + 1;
  return 0;
}

bool is_weekday(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 7> kFull = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::string_view d : kFull)
    if (iequals(w, d) || iequals(w, d.substr(0, 3))) return true;
  return iequals(w, "tues") || iequals(w, "thur") || iequals(w, "thurs");
}

struct NamedZone {
  std::string_view name;
  int minutes;
};
// Zones feeds write by name. Ambiguous abbreviations (IST, AST, CST as
// China time) keep their RFC 822 or most common reading; unknown names
// leave the time without a zone.
constexpr NamedZone kZones[] = {
    {"gmt", 0},      {"ut", 0},       {"utc", 0},      {"z", 0},        {"wet", 0},
    {"west", 60},    {"bst", 60},     {"cet", 60},     {"met", 60},     {"mez", 60},
    {"cest", 120},   {"mest", 120},   {"mesz", 120},   {"eet", 120},    {"eest", 180},
    {"msk", 180},    {"trt", 180},    {"irst", 210},   {"irdt", 270},   {"gst", 240},
    {"pkt", 300},    {"ist", 330},    {"ict", 420},    {"wib", 420},    {"hkt", 480},
    {"sgt", 480},    {"awst", 480},   {"jst", 540},    {"kst", 540},    {"acst", 570},
    {"aest", 600},   {"aedt", 660},   {"nzst", 720},   {"nzdt", 780},   {"est", -300},
    {"edt", -240},   {"cst", -360},   {"cdt", -300},   {"mst", -420},   {"mdt", -360},
    {"pst", -480},   {"pdt", -420},   {"akst", -540},  {"akdt", -480},  {"hst", -600},
    {"ast", -240},   {"adt", -180},   {"nst", -210},   {"ndt", -150},   {"brt", -180},
    {"art", -180},
};

struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  void skip_space() noexcept {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  }
  std::string_view word() noexcept {
    std::size_t b = i;
    while (i < s.size() && is_alpha(s[i])) ++i;
    return s.substr(b, i - b);
  }
  // Digits, at most `max`; -1 when there are none. `count` gets how many.
  // `more_ok`: digits may follow (the "30" of "+0330").
  int number(std::size_t max, std::size_t* count = nullptr, bool more_ok = false) noexcept {
    std::size_t b = i;
    int v = 0;
    while (i < s.size() && is_digit(s[i]) && i - b < max) v = v * 10 + (s[i++] - '0');
    if (count) *count = i - b;
    if (!more_ok && i < s.size() && is_digit(s[i])) return -1;  // more digits than allowed
    return i == b ? -1 : v;
  }
  bool eat(char c) noexcept {
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
};

}  // namespace

Rfc822Reading read_rfc822(std::string_view text) noexcept {
  Rfc822Reading out;
  Cursor c{text};
  auto fail = [&](const char* why) {
    out.reading.value.reset();
    out.reading.error = why;
    out.reading.error_offset = c.i;
    return out;
  };
  c.skip_space();
  IsoTimestamp t;
  // [weekday[,]] — a weekday that is not one, or no comma, is a repair.
  std::size_t mark = c.i;
  std::string_view w = c.word();
  int month_first = 0;
  if (!w.empty()) {
    if (is_weekday(w)) {
      c.skip_space();
      if (!c.eat(',')) out.repaired = true;
      c.skip_space();
    } else if ((month_first = month_of(w)) != 0) {
      out.repaired = true;  // "Jun 03 2025 …": month before day
      c.skip_space();
    } else {
      c.i = mark;
      return fail("expected a weekday or a day of the month");
    }
  }
  if (!month_first && c.i < c.s.size() && is_alpha(c.s[c.i])) {
    std::string_view m = c.word();
    if ((month_first = month_of(m)) == 0) return fail("expected a month name");
    out.repaired = true;
    c.skip_space();
  }
  int day = c.number(2);
  if (day < 1) return fail("expected a day of the month");
  if (month_first) {
    t.month = month_first;
    c.eat(',');
    c.skip_space();
  } else {
    c.skip_space();
    if (c.eat('-')) out.repaired = true;  // "03-Jun-2025"
    std::size_t at = c.i;
    t.month = month_of(c.word());
    if (t.month == 0) {
      c.i = at;
      return fail("expected a month name");
    }
    if (c.eat('-')) out.repaired = true;
    c.skip_space();
  }
  std::size_t digits = 0;
  int year = c.number(4, &digits);
  if (year < 0 || (digits != 2 && digits != 4)) return fail("expected a year of 2 or 4 digits");
  if (digits == 2) year += year < 50 ? 2000 : 1900;
  if (year < 1) return fail("the year is out of range");
  t.year = year;
  t.day = day;
  if (t.day > days_in_month(t.year, t.month)) return fail("no such day in that month");
  c.skip_space();
  if (c.i < c.s.size() && is_digit(c.s[c.i])) {
    int h = c.number(2);
    if (h < 0 || h > 23 || !c.eat(':')) return fail("expected a time hh:mm");
    int m = c.number(2);
    if (m < 0 || m > 59) return fail("expected minutes");
    int sec = 0;
    if (c.eat(':')) {
      sec = c.number(2);
      if (sec < 0 || sec > 60) return fail("expected seconds");
      if (sec == 60) sec = 59;  // a leap second
      if (c.eat('.') || c.eat(',')) {
        while (c.i < c.s.size() && is_digit(c.s[c.i])) ++c.i;
      }
    }
    t.seconds = h * 3600 + m * 60 + sec;
    c.skip_space();
    if (c.i < c.s.size() && (c.s[c.i] == '+' || c.s[c.i] == '-')) {
      int sign = c.s[c.i] == '-' ? -1 : 1;
      ++c.i;
      std::size_t n = 0;
      int hh = c.number(2, &n, true);
      if (hh < 0 || n != 2) return fail("expected a zone offset +hhmm");
      int mm = 0;
      bool colon = c.eat(':');
      if (c.i < c.s.size() && is_digit(c.s[c.i])) {
        mm = c.number(2, &n);
        if (mm < 0 || n != 2 || mm > 59) return fail("expected a zone offset +hhmm");
      } else if (colon) {
        return fail("expected a zone offset +hh:mm");
      }
      if (colon) out.repaired = true;
      if (hh > 18) return fail("the zone offset is out of range");
      t.utc_offset_minutes = sign * (hh * 60 + mm);
    } else if (c.i < c.s.size() && is_alpha(c.s[c.i])) {
      std::size_t at = c.i;
      std::string_view name = c.word();
      bool known = false;
      for (const NamedZone& z : kZones) {
        if (iequals(name, z.name)) {
          t.utc_offset_minutes = z.minutes;
          known = true;
          break;
        }
      }
      if (!known) {
        if (name.size() > 5) {
          c.i = at;
          return fail("expected a time zone");
        }
        out.zone_unknown = true;  // a military letter or a local name
      }
      // "GMT+0330": an offset after the name.
      if (known && c.i < c.s.size() && (c.s[c.i] == '+' || c.s[c.i] == '-')) {
        int sign = c.s[c.i] == '-' ? -1 : 1;
        ++c.i;
        std::size_t n = 0;
        int v = c.number(4, &n);
        if (v < 0 || n == 3) return fail("expected a zone offset");
        int minutes = n <= 2 ? v * 60 : (v / 100) * 60 + v % 100;  // "GMT+2", "GMT+0330"
        if (minutes > 18 * 60) return fail("the zone offset is out of range");
        t.utc_offset_minutes = *t.utc_offset_minutes + sign * minutes;
        out.repaired = true;
      }
    }
  }
  c.skip_space();
  if (c.eat('(')) {  // a comment such as "(PST)"
    while (c.i < c.s.size() && c.s[c.i] != ')') ++c.i;
    if (!c.eat(')')) return fail("a comment is not closed");
    c.skip_space();
  }
  if (c.i != c.s.size()) return fail("unexpected text after the date");
  out.reading.value = t;
  return out;
}

}  // namespace digest::detail
