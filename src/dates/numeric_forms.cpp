// The all-numeric date forms: Y-M-D, Y/M/D, Y.M.D (4-digit year first),
// D/M/Y or M/D/Y, D.M.Y (4-digit year last), two-digit years with an order,
// and ISO week dates 2021-W33-1. Apart from the named forms: they know no
// month names, only digits, separators, the order option and the calendar
// a year's range implies (see docs/dates.md).
#include "dates/grammar.hpp"

namespace digest::dates_detail {

namespace {

// Which calendar the letters and digits of a text point to: Persian's
// (Persian digits, Persian letters without Urdu's) or Hijri (Arabic's own
// letters or digits, Urdu's letters).
struct CalendarSigns {
  bool persian = false, hijri = false;
};

CalendarSigns calendar_signs(std::string_view text) {
  ScriptSigns s = script_signs(text);
  return {s.persian_digits || (s.persian_or_urdu && !s.urdu),
          s.arabic || s.arabic_digits || s.urdu};
}

}  // namespace

// The calendars of an all-numeric date with a 4-digit year (token `year_tok`).
// A year 1300-1500 is Solar Hijri or Hijri; which one needs evidence: an era
// marker, the digits of the date, the language hints, then the letters of
// the text. Without any, both readings stand and the date is ambiguous.
int Parser::numeric_calendars(int year, int era, std::size_t year_tok,
                              CalendarKind (&out)[2]) const {
  if (era >= 0) {
    out[0] = static_cast<CalendarKind>(era);
    return 1;
  }
  if (year < 1300 || year > 1500) {
    if (!gregorian_year_ok(year, true)) return 0;
    out[0] = CalendarKind::gregorian;
    return 1;
  }
  constexpr std::uint32_t fa = 1u << 11, ar = 1u << 12, ur = 1u << 13;
  static_assert(kLanguageCount == 14);
  auto persian = [&] { out[0] = CalendarKind::persian; return 1; };
  auto hijri = [&] { out[0] = CalendarKind::islamic_umalqura; return 1; };
  // The date's own digits.
  CalendarSigns digits =
      calendar_signs(s.text.substr(t[year_tok].begin, t[year_tok].end - t[year_tok].begin));
  if (digits.persian != digits.hijri) return digits.persian ? persian() : hijri();
  // Language hints that name one of the two.
  if (!detecting) {
    bool f = bool(langs & fa), a = bool(langs & (ar | ur));
    if (f != a) return f ? persian() : hijri();
  }
  CalendarSigns text = calendar_signs(s.text);
  if (text.persian != text.hijri) return text.persian ? persian() : hijri();
  out[0] = CalendarKind::persian;
  out[1] = CalendarKind::islamic_umalqura;
  return 2;
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
  // "11. 12. 2014", "11.12. 2014", "11. 12.2014": day.month.year with a
  // space after either dot (each dot still attached to its number).
  bool spaced = sep == '.' && is_num(k + 1) && is_punct(k + 2, '.') && attached(k + 2) &&
                is_num(k + 3) && t[k + 3].digits == 4 && t[i].digits <= 2 &&
                t[k + 1].digits <= 2 && (!attached(k + 1) || !attached(k + 3));
  if (!spaced && (!is_num(k + 1) || !attached(k + 1) || !is_punct(k + 2, sep) ||
                  !attached(k + 2) || !is_num(k + 3) || !attached(k + 3))) {
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
    CalendarKind cals[2];
    int count = numeric_calendars(a.value, era, i, cals);
    for (int x = 0; x < count; ++x) add_reading(r, cals[x], a.value, b.value, c.value);
    if (count == 2 && r.dates.size() == 1) r.dates.clear();  // no evidence for the one that fits
  } else if (a.digits <= 2 && b.digits <= 2 && c.digits == 4) {
    std::size_t e = end;
    era = era_at(e);
    if (era >= 0) end = e;
    if (!clean_end(end)) return false;
    r.end = end;
    CalendarKind cals[2];
    int count = numeric_calendars(c.value, era, k + 3, cals);
    for (int x = 0; x < count; ++x) {
      std::size_t before = r.dates.size();
      // The order asked for, else the one the languages asked for write.
      DateOrder order = opt.order != DateOrder::unspecified ? opt.order : language_order;
      bool dmy = order != DateOrder::mdy;
      bool mdy = order != DateOrder::dmy;
      if (dmy) add_reading(r, cals[x], c.value, b.value, a.value);
      // Dots are written day.month.year: both fitting is no ambiguity.
      bool dotted_dmy = sep == '.' && order == DateOrder::unspecified && r.dates.size() > before;
      if (mdy && !dotted_dmy) add_reading(r, cals[x], c.value, a.value, b.value);
    }
    // Without evidence of the calendar, one reading that fits is no
    // evidence either: "30/12/1400" is no date rather than Hijri.
    if (count == 2 && r.dates.size() == 1) r.dates.clear();
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

// CJK dates: 2021年9月15日, 2021年 9月 15日, 2021년 9월 15일, Gregorian; with
// allow_partial, 2021年9月 is a month.
bool Parser::cjk(std::size_t i, Reading& r) {
  if (!is_num(i) || t[i].digits != 4 || !clean_start(i)) return false;
  auto marked = [&](std::size_t k, std::uint32_t flag) {
    return is_word(k) && attached(k) && marker_at(k, flag).info != nullptr;
  };
  if (!marked(i + 1, kCjkYear) || !is_num(i + 2) || t[i + 2].digits > 2 ||
      !marked(i + 3, kCjkMonth))
    return false;
  r.first = i;
  int year = t[i].value, month = t[i + 2].value;
  if (is_num(i + 4) && t[i + 4].digits <= 2 && marked(i + 5, kCjkDay)) {
    r.end = i + 6;
    if (gregorian_year_ok(year, false))
      add_reading(r, CalendarKind::gregorian, year, month, t[i + 4].value);
  } else if (opt.allow_partial && clean_end(i + 4)) {
    r.end = i + 4;
    r.precision = DatePrecision::month;
    if (gregorian_year_ok(year, false)) add_reading(r, CalendarKind::gregorian, year, month, 1);
  } else {
    return false;
  }
  r.valid = !r.dates.empty();
  return true;
}

}  // namespace digest::dates_detail
