// The all-numeric date forms: Y-M-D, Y/M/D, Y.M.D (4-digit year first),
// D/M/Y or M/D/Y, D.M.Y (4-digit year last), two-digit years with an order,
// and ISO week dates 2021-W33-1. Apart from the named forms: they know no
// month names, only digits, separators, the order option and the calendar
// a year's range implies (see docs/dates.md).
#include "dates/grammar.hpp"

namespace digest::dates_detail {

// The calendar of an all-numeric date with a 4-digit year.
CalendarKind Parser::numeric_calendar(int year, int era, bool& ok) const {
  ok = true;
  if (era >= 0) return static_cast<CalendarKind>(era);
  if (year >= 1300 && year <= 1500) return CalendarKind::persian;
  if (!gregorian_year_ok(year, true)) ok = false;
  return CalendarKind::gregorian;
}

int Parser::expand_two_digit_year(int yy) const {
  if (opt.reference) {
    int ref = opt.reference->year();
    int y = (ref / 100) * 100 + yy;
    if (y > ref + 10) y -= 100;
    if (y < ref - 89) y += 100;
    return y;
  }
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

bool Parser::numeric(std::size_t i, Reading& r) {
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

bool Parser::iso_week(std::size_t i, Reading& r) {
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

}  // namespace digest::dates_detail
