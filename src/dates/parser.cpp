// The date grammar over scanned tokens. Forms (each may start with a
// weekday and end with a time and zone):
//   numeric   Y-M-D, Y/M/D, Y.M.D (4-digit year first), D/M/Y or M/D/Y,
//             D.M.Y (4-digit year last), two-digit years with an order;
//             ISO week dates 2021-W33-1
//   DMY       23 August 2021, 23. August 2021, 23 de agosto de 2021,
//             1er août 2021, ۱۹ شهریور ۱۴۰۰, 15 محرم 1443 هـ
//   MDY       August 23, 2021; Aug 23rd 2021; Mon Aug 23 10:05:00 2021
//   YMD       2021 August 23
// See docs/dates.md for the rules.
#include <algorithm>

#include "dates/internal.hpp"
#include "text/iso8601.hpp"
#include "text/trim.hpp"

namespace digest {

using namespace dates_detail;

namespace {

constexpr int kNone = -1;

struct Ymd {
  CalendarKind calendar;
  int year, month, day;
};

struct Reading {
  std::size_t first = 0;  // token index
  std::size_t end = 0;    // one past the last token
  bool valid = false;     // the shape matched and at least one reading is a real date
  std::vector<Ymd> dates;  // distinct readings (valid ones only)
  std::optional<std::int32_t> seconds;
  std::optional<std::int32_t> offset;
  std::uint32_t languages = 0;  // of the month name
  int weekday = kNone;           // named weekday, 0 = Sunday
  std::uint32_t weekday_languages = 0;
};

struct Parser {
  const Scan& s;
  const std::vector<Tok>& t;
  const NameTable& names;
  const DateParseOptions& opt;
  std::uint32_t langs;
  std::string scratch;

  Parser(const Scan& scan, const NameTable& table, const DateParseOptions& o, std::uint32_t l)
      : s(scan), t(scan.toks), names(table), opt(o), langs(l) {}

  std::size_t n() const { return t.size(); }
  bool is_num(std::size_t i) const { return i < n() && t[i].kind == Tok::num; }
  bool is_word(std::size_t i) const { return i < n() && t[i].kind == Tok::word; }
  bool is_punct(std::size_t i, char c) const {
    return i < n() && t[i].kind == Tok::punct && t[i].ch == c;
  }
  bool attached(std::size_t i) const { return i < n() && !t[i].space_before; }

  // ---- names ----------------------------------------------------------------

  struct Hit {
    const NameInfo* info = nullptr;
    std::size_t next = 0;
  };

  // The longest name starting at token i that satisfies `want`. Words of a
  // name may be separated by spaces, '-', '.', '\'' or nothing; a name may
  // contain a one- or two-digit number ("كانون 2").
  template <class Want>
  Hit name_at(std::size_t i, Want want) {
    Hit best;
    if (!is_word(i)) return best;
    scratch.assign(s.key(t[i]));
    std::size_t j = i + 1;
    for (std::size_t words = 1;; ++words) {
      const NameInfo* info = names.find(scratch);
      if (!info) break;
      if (want(*info)) {
        best.info = info;
        best.next = j;
      }
      if (!(info->markers & kPrefix) || words >= names.longest_words) break;
      // Next word of the name.
      std::size_t k = j;
      if (k < n() && t[k].kind == Tok::punct &&
          (t[k].ch == '-' || t[k].ch == '.' || t[k].ch == '\'')) {
        ++k;
      }
      if (k >= n()) break;
      if (t[k].kind == Tok::word) {
        scratch += ' ';
        scratch.append(s.key(t[k]));
      } else if (t[k].kind == Tok::num && t[k].digits <= 2) {
        scratch += ' ';
        scratch += std::to_string(t[k].value);
      } else {
        break;
      }
      j = k + 1;
    }
    return best;
  }

  Hit marker_at(std::size_t i, std::uint32_t flags) {
    return name_at(i, [&](const NameInfo& info) { return (info.markers & flags) != 0; });
  }

  struct MonthHit {
    std::vector<MonthEntry> months;  // allowed by the language mask
    std::uint32_t languages = 0;
    std::size_t next = 0;
  };

  bool month_at(std::size_t i, MonthHit& out) {
    auto allowed = [&](const NameInfo& info) {
      for (const auto& m : info.months) {
        if (m.languages & langs) return true;
      }
      return false;
    };
    Hit h = name_at(i, allowed);
    if (!h.info) return false;
    out.months.clear();
    out.languages = 0;
    for (const auto& m : h.info->months) {
      if (m.languages & langs) {
        out.months.push_back(m);
        out.languages |= m.languages & langs;
      }
    }
    out.next = h.next;
    // "آب/أغسطس": the same month twice, in two spellings.
    if (is_punct(out.next, '/')) {
      MonthHit second;
      std::size_t k = out.next + 1;
      Hit h2 = name_at(k, allowed);
      if (h2.info) {
        for (const auto& m2 : h2.info->months) {
          for (const auto& m : out.months) {
            if ((m2.languages & langs) && m2.month == m.month && m2.calendar == m.calendar) {
              out.months = {m};
              out.next = h2.next;
              return true;
            }
          }
        }
      }
    }
    return true;
  }

  bool weekday_at(std::size_t i, int& weekday, std::uint32_t& languages, std::size_t& next) {
    Hit h = name_at(i, [&](const NameInfo& info) {
      for (const auto& w : info.weekdays) {
        if (w.languages & langs) return true;
      }
      return false;
    });
    if (!h.info) return false;
    weekday = kNone;
    for (const auto& w : h.info->weekdays) {
      if (w.languages & langs) {
        weekday = w.weekday;
        languages = w.languages & langs;
        break;
      }
    }
    next = h.next;
    return true;
  }

  // ---- boundaries -----------------------------------------------------------

  static bool joins_numbers(char c) {
    return c == '/' || c == '-' || c == '.' || c == ':' || c == ',' || c == '+';
  }

  // Token i may start a date: it does not continue a number or a word.
  bool clean_start(std::size_t i) const {
    if (i == 0 || i >= n()) return true;
    if (t[i].space_before) {
      // "555 - 2021-08-29" is fine; "+98 21 ..." starts after a sign: fine too.
      return true;
    }
    const Tok& p = t[i - 1];
    if (p.kind == Tok::word || p.kind == Tok::num) return false;
    if (p.kind == Tok::punct && joins_numbers(p.ch) && i >= 2 && !p.space_before &&
        t[i - 2].kind == Tok::num) {
      return false;
    }
    return true;
  }

  // The token after a date (index i) does not continue it as a number.
  bool clean_end(std::size_t i) const {
    if (i >= n()) return true;
    const Tok& x = t[i];
    if (x.space_before) return true;
    if (x.kind == Tok::num) return false;
    if (x.kind == Tok::word) {
      // ISO 8601's "T" before a time.
      return s.key(x) == "t" && i + 1 < n() && t[i + 1].kind == Tok::num && !t[i + 1].space_before;
    }
    if (x.kind == Tok::punct && (x.ch == '/' || x.ch == '-' || x.ch == '.' ||
                                 x.ch == ':' || x.ch == ',')) {
      if (i + 1 < n() && !t[i + 1].space_before && t[i + 1].kind == Tok::num) return false;
    }
    return true;
  }

  // ---- years and eras -------------------------------------------------------

  // An era marker after a year, attached or not. Returns the calendar it
  // names (or -1) and moves `i` past it.
  int era_at(std::size_t& i) {
    Hit h = marker_at(i, kEraGregorian | kEraHijri | kEraPersian);
    if (!h.info) return kNone;
    i = h.next;
    if (h.info->markers & kEraHijri) return static_cast<int>(CalendarKind::islamic_umalqura);
    if (h.info->markers & kEraPersian) return static_cast<int>(CalendarKind::persian);
    return static_cast<int>(CalendarKind::gregorian);
  }

  // ---- times ------------------------------------------------------------------

  struct Time {
    std::int32_t seconds = 0;
    std::optional<std::int32_t> offset;
    std::size_t next = 0;
  };

  // "+04:30", "+0430", "-05", "+3" after a zone word or a time.
  bool offset_at(std::size_t i, std::int32_t& minutes, std::size_t& next) {
    if (!(is_punct(i, '+') || is_punct(i, '-')) || !is_num(i + 1) || !attached(i + 1))
      return false;
    int sign = t[i].ch == '-' ? -1 : 1;
    const Tok& a = t[i + 1];
    int h, m = 0;
    std::size_t k = i + 2;
    if (a.digits == 4) {
      h = a.value / 100;
      m = a.value % 100;
    } else if (a.digits <= 2) {
      h = a.value;
      if (is_punct(k, ':') && attached(k) && is_num(k + 1) && attached(k + 1) &&
          t[k + 1].digits == 2) {
        m = t[k + 1].value;
        k += 2;
      }
    } else {
      return false;
    }
    if (h > 14 || m > 59) return false;
    minutes = sign * (h * 60 + m);
    next = k;
    return true;
  }

  bool zone_at(std::size_t i, std::int32_t& minutes, std::size_t& next, bool in_paren = false) {
    if (offset_at(i, minutes, next)) return true;
    Hit h = marker_at(i, kZone);
    if (h.info) {
      minutes = h.info->zone_minutes;
      next = h.next;
      std::int32_t extra;
      std::size_t after;
      if (offset_at(next, extra, after)) {  // "GMT+3", "UTC+04:30"
        minutes += extra;
        next = after;
      }
      return true;
    }
    // "(UTC)" and "(GMT+3)"
    if (!in_paren && is_punct(i, '(')) {
      std::size_t k;
      if (zone_at(i + 1, minutes, k, true) && is_punct(k, ')')) {
        next = k + 1;
        return true;
      }
    }
    return false;
  }

  bool time_at(std::size_t i, Time& out) {
    if (!is_num(i) || t[i].digits > 2) return false;
    int hour = t[i].value, minute = 0, second = 0;
    std::size_t k = i + 1;
    bool has_minutes = false;
    if (is_punct(k, ':') && attached(k) && is_num(k + 1) && attached(k + 1) &&
        t[k + 1].digits == 2) {
      minute = t[k + 1].value;
      k += 2;
      has_minutes = true;
      if (is_punct(k, ':') && attached(k) && is_num(k + 1) && attached(k + 1) &&
          t[k + 1].digits == 2) {
        second = t[k + 1].value;
        k += 2;
        // Fractions are dropped.
        if ((is_punct(k, '.') || is_punct(k, ',')) && attached(k) && is_num(k + 1) &&
            attached(k + 1)) {
          k += 2;
        }
      }
    } else {
      // 10h05, 10h, "10 Uhr"
      Hit h = marker_at(k, kTimeSuffix);
      if (h.info) {
        k = h.next;
        has_minutes = true;
        if (is_num(k) && attached(k) && t[k].digits == 2) {
          minute = t[k].value;
          ++k;
        }
      }
    }
    // am / pm
    Hit ampm = marker_at(k, kAm | kPm);
    bool pm = false, am = false;
    if (ampm.info) {
      pm = (ampm.info->markers & kPm) != 0;
      am = !pm;
      k = ampm.next;
      if (is_punct(k, '.') && attached(k)) ++k;
    }
    if (!has_minutes && !am && !pm) return false;
    if (am || pm) {
      if (hour < 1 || hour > 12) return false;
      if (pm && hour != 12) hour += 12;
      if (am && hour == 12) hour = 0;
    }
    if (hour > 23 || minute > 59 || second > 60) return false;
    if (second == 60) second = 59;  // a leap second, kept within the day
    // "10:05 Uhr" after minutes
    Hit suffix = marker_at(k, kTimeSuffix);
    if (suffix.info && has_minutes && !ampm.info) k = suffix.next;
    out.seconds = hour * 3600 + minute * 60 + second;
    out.offset.reset();
    std::int32_t minutes;
    std::size_t after;
    if (zone_at(k, minutes, after)) {
      out.offset = minutes;
      k = after;
    }
    out.next = k;
    return true;
  }

  // A time after a date at token i: "T10:05Z", " 10:05", ", 10:05 a.m.",
  // " at 10:05", " - 10:05", " um 10:05 Uhr".
  bool trailing_time(std::size_t i, Time& out) {
    std::size_t k = i;
    if (is_word(k) && attached(k) && s.key(t[k]) == "t") {
      return time_at(k + 1, out) && attached(k + 1);
    }
    if (is_punct(k, ',') || is_punct(k, '-') || is_punct(k, '~') || is_punct(k, '|') ||
        is_punct(k, '@')) {
      ++k;
    }
    Hit w = marker_at(k, kTimeWord);
    if (w.info) k = w.next;
    return time_at(k, out);
  }

  // ---- the forms ----------------------------------------------------------------

  bool gregorian_year_ok(int y, bool numeric) const {
    return numeric ? (y >= 1600 && y <= 2999) : (y >= 1400 && y <= 2999);
  }

  void add_reading(Reading& r, CalendarKind cal, int y, int m, int d) {
    auto jd = to_julian_day(cal, y, m, d);
    if (!jd) return;
    for (const auto& x : r.dates) {
      if (to_julian_day(x.calendar, x.year, x.month, x.day) == jd) return;
    }
    r.dates.push_back(Ymd{cal, y, m, d});
  }

  // The calendar of an all-numeric date with a 4-digit year.
  CalendarKind numeric_calendar(int year, int era, bool& ok) const {
    ok = true;
    if (era >= 0) return static_cast<CalendarKind>(era);
    if (year >= 1300 && year <= 1500) return CalendarKind::persian;
    if (!gregorian_year_ok(year, true)) ok = false;
    return CalendarKind::gregorian;
  }

  int expand_two_digit_year(int yy) const {
    if (opt.reference) {
      int ref = opt.reference->year();
      int y = (ref / 100) * 100 + yy;
      if (y > ref + 10) y -= 100;
      if (y < ref - 89) y += 100;
      return y;
    }
    return yy < 70 ? 2000 + yy : 1900 + yy;
  }

  bool numeric(std::size_t i, Reading& r) {
    if (!is_num(i) || !clean_start(i)) return false;
    std::size_t k = i + 1;
    if (!(is_punct(k, '/') || is_punct(k, '-') || is_punct(k, '.')) || !attached(k)) return false;
    char sep = t[k].ch;
    // ISO week date: 2021-W33[-1]
    if (sep == '-' && t[i].digits == 4 && is_word(k + 1) && attached(k + 1) &&
        s.key(t[k + 1]) == "w" && is_num(k + 2) && attached(k + 2) && t[k + 2].digits == 2) {
      return iso_week(i, r);
    }
    if (!is_num(k + 1) || !attached(k + 1) || !is_punct(k + 2, sep) || !attached(k + 2) ||
        !is_num(k + 3) || !attached(k + 3)) {
      return false;
    }
    const Tok& a = t[i];
    const Tok& b = t[k + 1];
    const Tok& c = t[k + 3];
    std::size_t end = k + 4;
    r.first = i;
    int era = kNone;
    if (a.digits == 4 && b.digits <= 2 && c.digits <= 2) {
      std::size_t e = end;
      era = era_at(e);
      if (era >= 0) end = e;
      if (!clean_end(end)) return false;
      r.end = end;
      bool ok;
      CalendarKind cal = numeric_calendar(a.value, era, ok);
      if (ok) add_reading(r, cal, a.value, b.value, c.value);
    } else if (a.digits <= 2 && b.digits <= 2 && c.digits == 4) {
      std::size_t e = end;
      era = era_at(e);
      if (era >= 0) end = e;
      if (!clean_end(end)) return false;
      r.end = end;
      bool ok;
      CalendarKind cal = numeric_calendar(c.value, era, ok);
      if (ok) {
        bool dmy = opt.order != DateOrder::mdy;
        bool mdy = opt.order != DateOrder::dmy;
        if (dmy) add_reading(r, cal, c.value, b.value, a.value);
        if (mdy) add_reading(r, cal, c.value, a.value, b.value);
        // Dots are written day.month.year: both fitting is no ambiguity.
        if (r.dates.size() > 1 && sep == '.' && opt.order == DateOrder::unspecified) {
          r.dates.resize(1);
        }
      }
    } else if (a.digits == 2 && b.digits <= 2 && c.digits == 2 &&
               opt.order != DateOrder::unspecified) {
      if (!clean_end(end)) return false;
      r.end = end;
      int d, m, y;
      switch (opt.order) {
        case DateOrder::dmy: d = a.value; m = b.value; y = c.value; break;
        case DateOrder::mdy: m = a.value; d = b.value; y = c.value; break;
        default: y = a.value; m = b.value; d = c.value; break;
      }
      add_reading(r, CalendarKind::gregorian, expand_two_digit_year(y), m, d);
    } else {
      return false;
    }
    r.valid = !r.dates.empty();
    return true;
  }

  bool iso_week(std::size_t i, Reading& r) {
    int year = t[i].value;
    int week = t[i + 3].value;
    std::size_t end = i + 4;
    int weekday = 1;
    if (is_punct(end, '-') && attached(end) && is_num(end + 1) && attached(end + 1) &&
        t[end + 1].digits == 1) {
      weekday = t[end + 1].value;
      end += 2;
    }
    if (!clean_end(end)) return false;
    r.first = i;
    r.end = end;
    if (year < 1600 || year > 2999 || week < 1 || week > 53 || weekday < 1 || weekday > 7)
      return true;
    // Monday of week 1 is the Monday on or before January 4th.
    Date jan4(static_cast<unsigned short>(year), 1, 4);
    int dow = jan4.day_of_week().as_number();  // 0 = Sunday
    Date monday = jan4 - boost::gregorian::days((dow + 6) % 7);
    Date d = monday + boost::gregorian::days((week - 1) * 7 + (weekday - 1));
    if (static_cast<int>(d.week_number()) != week) return true;  // no week 53 that year
    add_reading(r, CalendarKind::gregorian, int(d.year()), int(d.month()), int(d.day()));
    r.valid = !r.dates.empty();
    return true;
  }

  // Day number with its ordinal suffix: "23", "23rd", "1er", "23.", "1º".
  bool day_at(std::size_t i, int& day, std::size_t& next, bool allow_dot) {
    if (!is_num(i) || t[i].digits > 2 || t[i].value < 1 || t[i].value > 31) return false;
    day = t[i].value;
    std::size_t k = i + 1;
    if (is_word(k) && attached(k)) {
      Hit h = marker_at(k, kOrdinal);
      if (!h.info) return false;  // "23abc"
      k = h.next;
    } else if (is_punct(k, '^') && attached(k)) {
      ++k;  // "1° maggio"
    }
    if (allow_dot && is_punct(k, '.') && attached(k)) ++k;
    next = k;
    return true;
  }

  // A 4-digit year and an optional era marker.
  bool year_at(std::size_t i, int& year, int& era, std::size_t& next) {
    if (!is_num(i) || t[i].digits != 4) return false;
    year = t[i].value;
    std::size_t k = i + 1;
    era = era_at(k);
    next = k;
    return true;
  }

  void skip_of(std::size_t& k) {
    Hit h = marker_at(k, kOfConnector);
    if (h.info) k = h.next;
  }

  // Adds the readings of a month name with a day and a year.
  void name_readings(Reading& r, const MonthHit& mh, int year, int era, int month_day) {
    for (const auto& m : mh.months) {
      auto cal = static_cast<CalendarKind>(m.calendar);
      if (era >= 0 && era != static_cast<int>(cal)) continue;
      if (cal == CalendarKind::gregorian && !gregorian_year_ok(year, false)) continue;
      add_reading(r, cal, year, m.month, month_day);
    }
    r.languages = mh.languages;
  }

  // Year-less: the year nearest the reference date.
  void yearless_readings(Reading& r, const MonthHit& mh, int day) {
    if (!opt.reference) return;
    long ref = julian_day(*opt.reference);
    for (const auto& m : mh.months) {
      auto cal = static_cast<CalendarKind>(m.calendar);
      auto ref_in_cal = from_julian_day(cal, ref);
      if (!ref_in_cal) continue;
      long best_jd = 0;
      int best_year = 0;
      bool found = false;
      for (int y = ref_in_cal->year - 1; y <= ref_in_cal->year + 1; ++y) {
        auto jd = to_julian_day(cal, y, m.month, day);
        if (!jd) continue;
        long dist = std::labs(*jd - ref), best = std::labs(best_jd - ref);
        if (!found || dist < best || (dist == best && *jd < best_jd)) {
          best_jd = *jd;
          best_year = y;
          found = true;
        }
      }
      if (found) add_reading(r, cal, best_year, m.month, day);
    }
    r.languages = mh.languages;
  }

  bool dmy(std::size_t i, Reading& r) {
    int day;
    std::size_t k;
    if (!clean_start(i) || !day_at(i, day, k, true)) return false;
    skip_of(k);
    MonthHit mh;
    if (!month_at(k, mh)) return false;
    k = mh.next;
    std::size_t after_month = k;
    if (is_punct(k, '.') && attached(k)) ++k;
    if (is_punct(k, ',')) ++k;
    skip_of(k);
    int year, era;
    std::size_t end;
    r.first = i;
    if (year_at(k, year, era, end)) {
      if (!clean_end(end)) return false;
      r.end = end;
      name_readings(r, mh, year, era, day);
    } else {
      // No year: valid only when nothing number-like follows.
      std::size_t e = after_month;
      if (is_punct(e, '.') && attached(e)) ++e;
      if (is_num(e) || (is_punct(e, ',') && is_num(e + 1) && t[e + 1].digits >= 3)) {
        r.end = e;
        return true;  // "23 August 20215": a shape, not a date
      }
      r.end = after_month;
      yearless_readings(r, mh, day);
    }
    r.valid = !r.dates.empty();
    return true;
  }

  bool mdy(std::size_t i, Reading& r, Time* asctime) {
    if (!clean_start(i)) return false;
    MonthHit mh;
    if (!month_at(i, mh)) return false;
    std::size_t k = mh.next;
    if (is_punct(k, '.') && attached(k)) ++k;
    int day;
    if (!day_at(k, day, k, false)) return false;
    std::size_t after_day = k;
    if (is_punct(k, ',')) ++k;
    int year, era;
    std::size_t end;
    r.first = i;
    if (year_at(k, year, era, end)) {
      if (!clean_end(end)) return false;
      r.end = end;
      name_readings(r, mh, year, era, day);
    } else if (asctime && time_at(after_day, *asctime) && year_at(asctime->next, year, era, end)) {
      // "Aug 23 10:05:00 2021" (C's asctime, Unix date)
      if (!clean_end(end)) return false;
      r.end = end;
      name_readings(r, mh, year, era, day);
      if (!r.dates.empty()) {
        r.seconds = asctime->seconds;
        r.offset = asctime->offset;
      }
    } else {
      if (is_num(after_day) || (is_punct(after_day, ',') && is_num(after_day + 1)) ||
          !clean_end(after_day)) {
        r.end = after_day;
        return true;
      }
      r.end = after_day;
      yearless_readings(r, mh, day);
    }
    r.valid = !r.dates.empty();
    return true;
  }

  bool ymd(std::size_t i, Reading& r) {
    if (!clean_start(i) || !is_num(i) || t[i].digits != 4) return false;
    int year = t[i].value;
    std::size_t k = i + 1;
    int era = era_at(k);
    if (is_punct(k, '.') || is_punct(k, ',')) ++k;
    MonthHit mh;
    if (!month_at(k, mh)) return false;
    k = mh.next;
    int day;
    if (!day_at(k, day, k, true)) return false;
    if (!clean_end(k)) return false;
    r.first = i;
    r.end = k;
    name_readings(r, mh, year, era, day);
    r.valid = !r.dates.empty();
    return true;
  }

  // One date starting at token i (a weekday first, a time after).
  bool date_at(std::size_t i, Reading& best) {
    bool found = false;
    auto consider = [&](Reading& r) {
      if (!found || r.end > best.end || (r.valid && !best.valid && r.end == best.end)) {
        best = std::move(r);
        found = true;
      }
    };
    // With a leading weekday.
    {
      int weekday;
      std::uint32_t wlangs = 0;
      std::size_t k = i;
      Hit day_word = marker_at(k, kDayWord);
      if (day_word.info) k = day_word.next;
      if (clean_start(i) && weekday_at(k, weekday, wlangs, k)) {
        if (is_punct(k, ',') || (is_punct(k, '.') && attached(k))) ++k;
        if (is_punct(k, ',')) ++k;
        Hit filler = marker_at(k, kFiller);
        Reading r;
        bool ok = core_at(k, r);
        if (!ok && filler.info) ok = core_at(filler.next, r);
        if (ok) {
          r.first = i;
          r.weekday = weekday;
          r.weekday_languages = wlangs;
          consider(r);
        }
      }
    }
    Reading r;
    if (core_at(i, r)) consider(r);
    return found;
  }

  bool core_at(std::size_t i, Reading& out) {
    Reading r;
    Time asct;
    bool ok = numeric(i, r) || dmy(i, (r = Reading{}, r)) || mdy(i, (r = Reading{}, r), &asct) ||
              ymd(i, (r = Reading{}, r));
    if (!ok) return false;
    if (r.valid && !r.seconds) {
      Time tm;
      if (trailing_time(r.end, tm) && clean_end(tm.next)) {
        r.seconds = tm.seconds;
        r.offset = tm.offset;
        r.end = tm.next;
      }
    }
    // A weekday after the date: "26 Nisan 2021 Pazartesi".
    if (r.valid && r.weekday == kNone) {
      std::size_t k = r.end;
      if (is_punct(k, ',')) ++k;
      int wd;
      std::uint32_t wl = 0;
      std::size_t next;
      if (weekday_at(k, wd, wl, next) && clean_end(next)) {
        r.weekday = wd;
        r.weekday_languages = wl;
        r.end = next;
      }
    }
    out = std::move(r);
    return true;
  }

  // "15 محرم 1443 هـ الموافق 23 أغسطس 2021 م", "۱۹ شهریور ۱۴۰۰ (10 September
  // 2021)": the same day in two calendars. Extends r over the second date
  // when both agree; returns false when they disagree.
  bool same_day(Reading& r) {
    std::size_t k = r.end;
    bool paren = false;
    if (is_punct(k, '(')) {
      paren = true;
      ++k;
    } else if (is_punct(k, '/') || is_punct(k, '=') || is_punct(k, '-') || is_punct(k, '~')) {
      ++k;
    }
    Hit h = marker_at(k, kSameDay);
    if (h.info) k = h.next;
    if (k == r.end) return true;
    Reading second;
    if (!date_at(k, second) || !second.valid) return true;
    if (second.dates.size() != 1 || r.dates.size() != 1) return false;
    const Ymd& a = r.dates.front();
    const Ymd& b = second.dates.front();
    if (to_julian_day(a.calendar, a.year, a.month, a.day) !=
        to_julian_day(b.calendar, b.year, b.month, b.day))
      return false;
    r.end = second.end;
    if (paren && is_punct(r.end, ')')) ++r.end;
    if (!r.seconds && second.seconds) {
      r.seconds = second.seconds;
      r.offset = second.offset;
    }
    if (!r.languages) r.languages = second.languages;
    return true;
  }
};

// A name shared by Persian, Arabic and Urdu (محرم, مارس): the letters of the
// date tell them apart (پ چ ژ گ ک ی are Persian and Urdu, ٹ ڈ ڑ ں ھ ہ ے Urdu).
std::uint32_t narrow_arabic_script(std::uint32_t langs, std::string_view span) {
  const std::uint32_t fa = 1u << 11, ar = 1u << 12, ur = 1u << 13;
  static_assert(kLanguageCount == 14);
  int shared = ((langs & fa) != 0) + ((langs & ar) != 0) + ((langs & ur) != 0);
  if (shared < 2) return langs;
  bool persian = false, urdu = false;
  for (std::size_t i = 0; i + 1 < span.size(); ++i) {
    auto b0 = static_cast<unsigned char>(span[i]);
    auto b1 = static_cast<unsigned char>(span[i + 1]);
    if (b0 != 0xD9 && b0 != 0xDA && b0 != 0xDB) continue;
    std::uint32_t cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
    switch (cp) {
      case 0x067E: case 0x0686: case 0x0698: case 0x06AF: case 0x06A9: case 0x06CC:
      case 0x06F0: case 0x06F1: case 0x06F2: case 0x06F3: case 0x06F4:
      case 0x06F5: case 0x06F6: case 0x06F7: case 0x06F8: case 0x06F9:  // Persian digits
        persian = true;
        break;
      case 0x0679: case 0x0688: case 0x0691: case 0x06BA: case 0x06BE: case 0x06C1:
      case 0x06D2:
        urdu = true;
        break;
      default:
        break;
    }
  }
  if (urdu && (langs & ur)) return ur;
  if (persian && (langs & fa)) return (langs & ur) && !(langs & fa) ? ur : fa;
  if (!persian && !urdu && (langs & ar)) return ar;
  return langs;
}

DateMatch to_match(const Reading& r, const Scan& scan, std::string_view text) {
  DateMatch m;
  m.begin = scan.toks[r.first].begin;
  m.end = scan.toks[r.end - 1].end;
  const Ymd& first = r.dates.front();
  m.written = CalendarDate{first.calendar, first.year, first.month, first.day};
  auto make = [&](const Ymd& y) {
    DateTime dt(*to_gregorian(CalendarDate{y.calendar, y.year, y.month, y.day}));
    dt.seconds = r.seconds;
    dt.utc_offset_minutes = r.offset;
    return dt;
  };
  if (r.dates.size() == 1) {
    m.value = make(first);
  } else {
    m.ambiguous = true;
    for (const auto& y : r.dates) m.readings.push_back(make(y));
  }
  std::uint32_t langs = r.languages ? r.languages : r.weekday_languages;
  // The weekday's language narrows a month name shared by several.
  if (r.languages && (r.languages & r.weekday_languages)) langs = r.languages & r.weekday_languages;
  m.language = first_language(narrow_arabic_script(langs, text.substr(m.begin, m.end - m.begin)));
  if (r.weekday != kNone) {
    m.has_weekday = true;
    if (m.value) m.weekday_mismatch = m.value->date.day_of_week().as_number() != r.weekday;
  }
  return m;
}

// ---- the ISO 8601 fast path ---------------------------------------------------

// A whole-text ISO 8601 timestamp (the one reader on the text floor), in
// the years the general parser also accepts. Anything else goes the
// general way.
bool iso_fast(std::string_view s, DateTime& out) {
  detail::IsoReading r = detail::read_iso8601(s);
  if (!r.value) return false;
  const detail::IsoTimestamp& t = *r.value;
  if (t.year < 1600 || t.year > 2999) return false;
  DateTime dt(Date(static_cast<unsigned short>(t.year), static_cast<unsigned short>(t.month),
                   static_cast<unsigned short>(t.day)));
  dt.seconds = t.seconds;
  dt.utc_offset_minutes = t.utc_offset_minutes;
  out = dt;
  return true;
}

// Scanning reuses a per-thread buffer for short texts (the common case: one
// date) and a fresh one for long texts, so no thread keeps a large buffer.
constexpr std::size_t kReuseLimit = 4096;

Scan& thread_scan() {
  thread_local Scan scan;
  return scan;
}

}  // namespace

DateParser::DateParser() : language_mask_(kAllLanguages) {}

DateParser::DateParser(DateParseOptions options)
    : options_(std::move(options)), language_mask_(language_mask(options_.languages)) {}

std::optional<DateMatch> DateParser::parse_detailed(std::string_view text) const {
  std::string_view trimmed = detail::trim(text);
  {
    DateTime dt;
    if (iso_fast(trimmed, dt)) {
      DateMatch m;
      m.value = dt;
      m.written = CalendarDate{CalendarKind::gregorian, int(dt.date.year()),
                               int(dt.date.month()), int(dt.date.day())};
      m.begin = static_cast<std::size_t>(trimmed.data() - text.data());
      m.end = m.begin + trimmed.size();
      return m;
    }
  }
  Scan local;
  Scan& scan = text.size() <= kReuseLimit ? thread_scan() : local;
  dates_detail::scan(text, scan);
  const auto& toks = scan.toks;
  Parser p(scan, name_table(), options_, language_mask_);
  // Leading punctuation and filler words.
  std::size_t i = 0;
  while (i < toks.size()) {
    if (toks[i].kind == Tok::punct && toks[i].ch != '+' && toks[i].ch != '-') {
      ++i;
      continue;
    }
    Parser::Hit h = p.marker_at(i, kFiller);
    if (h.info) {
      // A filler word that is also a weekday/month ("am"): try the date first.
      Reading r;
      if (p.date_at(i, r) && r.valid) break;
      i = h.next;
      continue;
    }
    break;
  }
  if (i >= toks.size()) return std::nullopt;
  Reading r;
  if (!p.date_at(i, r) || !r.valid) return std::nullopt;
  if (!p.same_day(r)) return std::nullopt;
  for (std::size_t k = r.end; k < toks.size(); ++k) {
    if (toks[k].kind != Tok::punct || toks[k].ch == '#') return std::nullopt;
    char c = toks[k].ch;
    if (!(c == '.' || c == ',' || c == ')' || c == ']' || c == ';' || c == ':' || c == '"' ||
          c == '\'' || c == '!' || c == '?'))
      return std::nullopt;
  }
  return to_match(r, scan, text);
}

std::optional<DateTime> DateParser::parse(std::string_view text) const {
  auto m = parse_detailed(text);
  if (!m || m->ambiguous) return std::nullopt;
  return m->value;
}

std::optional<Date> DateParser::parse_date(std::string_view text) const {
  auto dt = parse(text);
  if (!dt) return std::nullopt;
  return dt->date;
}

std::vector<DateMatch> DateParser::find_dates(std::string_view text) const {
  std::vector<DateMatch> out;
  Scan scan;
  dates_detail::scan(text, scan);
  Parser p(scan, name_table(), options_, language_mask_);
  std::size_t i = 0;
  while (i < scan.toks.size()) {
    Reading r;
    if (p.date_at(i, r)) {
      if (r.valid) out.push_back(to_match(r, scan, text));
      i = std::max(r.end, i + 1);
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<DateTime> parse_datetime(std::string_view text, const DateParseOptions& options) {
  return DateParser(options).parse(text);
}

std::optional<Date> parse_date(std::string_view text, const DateParseOptions& options) {
  return DateParser(options).parse_date(text);
}

}  // namespace digest
