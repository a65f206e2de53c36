// The date forms with a month name, in any supported language or calendar:
//   DMY  23 August 2021, 23. August 2021, 23 de agosto de 2021,
//        1er août 2021, ۱۹ شهریور ۱۴۰۰, 15 محرم 1443 هـ
//   MDY  August 23, 2021; Aug 23rd 2021; Mon Aug 23 10:05:00 2021
//   YMD  2021 August 23
// and year-less dates, placed in the year nearest the reference date.
// Apart from the numeric forms: a name may mean several months (several
// calendars, several languages), each giving a reading (see docs/dates.md).
#include <cstdlib>

#include "dates/grammar.hpp"

namespace digest::dates_detail {

// Whether a name's languages all count years in the Buddhist era (Thai, Lao).
bool Parser::buddhist_era(const LangSet& languages) const {
  static const LangSet buddhist = [] {
    LangSet set;
    for (const char* code : {"th", "lo"}) {
      auto it = name_table().language_index.find(code);
      if (it != name_table().language_index.end()) set.set(it->second);
    }
    return set;
  }();
  return languages && (languages & buddhist) == languages;
}

bool Parser::month_at(std::size_t i, MonthHit& out) {
  auto allowed = [&](const NameInfo& info) {
    for (const auto& m : info.months) {
      if (usable(info, m.languages)) return true;
    }
    return false;
  };
  Hit h = name_at(i, allowed);
  if (!h.info) return false;
  out.months.clear();
  out.languages = LangSet();
  for (const auto& m : h.info->months) {
    if (LangSet l = usable(*h.info, m.languages)) {
      out.months.push_back(MonthEntry{m.calendar, m.month, l});
      out.languages |= l;
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
          if (usable(*h2.info, m2.languages) && m2.month == m.month && m2.calendar == m.calendar) {
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

// Day number with its ordinal suffix: "23", "23rd", "1er", "23.", "1º".
bool Parser::day_at(std::size_t i, int& day, std::size_t& next, bool allow_dot) {
  if (is_word(i)) {
    // A day written as an ordinal word: "سوم", "بیست و سوم", "سی ام".
    Hit h = marker_at(i, kOrdinalDay);
    if (!h.info) return false;
    day = h.info->day;
    next = h.next;
    return true;
  }
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

// The year of "12-Jan-2014" and "12-Jan-14": four digits, or two (this
// form, day-month name-year, leaves no doubt which number is the year).
bool Parser::hyphen_year_at(std::size_t i, int& year, int& era, std::size_t& next) {
  if (year_at(i, year, era, next)) return true;
  if (!is_num(i) || t[i].digits != 2) return false;
  year = expand_two_digit_year(t[i].value);
  era = kNone;
  next = i + 1;
  return true;
}

// A 4-digit year and an optional era marker.
bool Parser::year_at(std::size_t i, int& year, int& era, std::size_t& next) {
  if (!is_num(i) || t[i].digits != 4) return false;
  year = t[i].value;
  std::size_t k = i + 1;
  era = era_at(k);
  next = k;
  return true;
}

void Parser::skip_of(std::size_t& k) {
  Hit h = marker_at(k, kOfConnector);
  if (h.info) k = h.next;
}

// A '-' at token k with nothing between it and its neighbours ("12-Jan").
bool Parser::joining_hyphen(std::size_t k) const {
  return is_punct(k, '-') && attached(k) && attached(k + 1);
}

// A reading of tokens [first, end) from a month name with a day and a year.
bool Parser::named_reading(Reading& r, std::size_t first, std::size_t end, const MonthHit& mh,
                           int year, int era, int day) {
  r.first = first;
  r.end = end;
  name_readings(r, mh, year, era, day);
  r.valid = !r.dates.empty();
  return true;
}

// Adds the readings of a month name with a day and a year.
void Parser::name_readings(Reading& r, const MonthHit& mh, int year, int era, int month_day) {
  for (const auto& m : mh.months) {
    auto cal = static_cast<CalendarKind>(m.calendar);
    if (era >= 0 && era != static_cast<int>(cal)) continue;
    int y = year;
    // Thai and Lao write the Buddhist era (2564 = 2021) with these names.
    if (cal == CalendarKind::gregorian && y >= 2300 && buddhist_era(m.languages)) y -= 543;
    if (cal == CalendarKind::gregorian && !gregorian_year_ok(y, false)) continue;
    add_reading(r, cal, y, m.month, month_day);
  }
  r.languages = mh.languages;
}

// Year-less: by default the most recent occurrence on or before the
// reference (news is about the past); with YearlessRule::nearest, the
// occurrence nearest it (ties go to the earlier).
void Parser::yearless_readings(Reading& r, const MonthHit& mh, int day) {
  if (!opt.reference) return;
  long ref = julian_day(*opt.reference);
  bool past = opt.yearless == YearlessRule::past;
  for (const auto& m : mh.months) {
    auto cal = static_cast<CalendarKind>(m.calendar);
    auto ref_in_cal = from_julian_day(cal, ref);
    if (!ref_in_cal) continue;
    long best_jd = 0;
    int best_year = 0;
    bool found = false;
    // Up to four years back: 29 February needs the last leap year.
    for (int y = ref_in_cal->year - (past ? 4 : 1); y <= ref_in_cal->year + 1; ++y) {
      auto jd = to_julian_day(cal, y, m.month, day);
      if (!jd) continue;
      if (past && *jd > ref) continue;
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

bool Parser::dmy(std::size_t i, Reading& r) {
  int day;
  std::size_t k;
  if (!clean_start(i) || !day_at(i, day, k, true)) return false;
  // "12-Jan-2014", "14-Aralık-2012": the same hyphen on both sides.
  if (joining_hyphen(k) && is_word(k + 1)) {
    MonthHit mh;
    int year, era;
    std::size_t end;
    if (!month_at(k + 1, mh) || !joining_hyphen(mh.next) ||
        !hyphen_year_at(mh.next + 1, year, era, end) || !clean_end(end))
      return false;
    return named_reading(r, i, end, mh, year, era, day);
  }
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

bool Parser::mdy(std::size_t i, Reading& r, Time* asctime) {
  if (!clean_start(i)) return false;
  MonthHit mh;
  if (!month_at(i, mh)) return false;
  std::size_t k = mh.next;
  // "Jan-12-2014": the same hyphen on both sides of the day.
  if (joining_hyphen(k) && is_num(k + 1)) {
    int day, year, era;
    std::size_t after, end;
    if (!day_at(k + 1, day, after, false) || !joining_hyphen(after) ||
        !hyphen_year_at(after + 1, year, era, end) || !clean_end(end))
      return false;
    return named_reading(r, i, end, mh, year, era, day);
  }
  if (is_punct(k, '.') && attached(k)) ++k;
  // "[Sept] 04, 2014": a bracketed month.
  if (i > 0 && is_punct(i - 1, '[') && is_punct(k, ']') && attached(k)) ++k;
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
  } else if (asctime && time_at(after_day, *asctime, false) &&
             year_at(asctime->next, year, era, end)) {
    // "Aug 23 10:05:00 2021" (C's asctime, Unix date)
    if (!clean_end(end)) return false;
    r.end = end;
    name_readings(r, mh, year, era, day);
    if (!r.dates.empty()) take_time(r, *asctime);
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

bool Parser::ymd(std::size_t i, Reading& r) {
  if (!clean_start(i) || !is_num(i) || t[i].digits != 4) return false;
  int year = t[i].value;
  std::size_t k = i + 1;
  // "2021-Sep-01": hyphens attached on both sides of the month.
  bool hyphens = joining_hyphen(k);
  int era = hyphens ? kNone : era_at(k);
  if (is_punct(k, '.') || is_punct(k, ',') || hyphens) ++k;
  MonthHit mh;
  if (!month_at(k, mh)) return false;
  k = mh.next;
  if (hyphens) {
    if (!joining_hyphen(k)) return false;
    ++k;
  }
  int day;
  if (!day_at(k, day, k, true)) return false;
  if (!clean_end(k)) return false;
  r.first = i;
  r.end = k;
  name_readings(r, mh, year, era, day);
  r.valid = !r.dates.empty();
  return true;
}

// Partial, with allow_partial only: "August 2021", "Aug. 2021", "agosto de
// 2021", "شهریور ۱۴۰۰". The value is the first of the month; the precision
// says it is a month.
bool Parser::month_year(std::size_t i, Reading& r) {
  if (!clean_start(i)) return false;
  MonthHit mh;
  if (!month_at(i, mh)) return false;
  std::size_t k = mh.next;
  if (is_punct(k, '.') && attached(k)) ++k;
  if (is_punct(k, ',')) ++k;
  skip_of(k);
  int year, era;
  std::size_t end;
  if (!year_at(k, year, era, end) || !clean_end(end)) return false;
  r.first = i;
  r.end = end;
  name_readings(r, mh, year, era, 1);
  r.precision = DatePrecision::month;
  r.valid = !r.dates.empty();
  return true;
}

}  // namespace digest::dates_detail
