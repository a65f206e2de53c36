// The date grammar's driver over scanned tokens (the API is date_parser.cpp).
// Forms (each may start with a weekday and end with a time and zone):
//   numeric   Y-M-D, Y/M/D, D/M/Y, ISO week dates, CJK  numeric_forms.cpp
//   DMY       23 August 2021, ۱۹ شهریور ۱۴۰۰, 12-Jan-2014 named_forms.cpp
//   MDY       August 23, 2021; Mon Aug 23 10:05:00 2021  named_forms.cpp
//   YMD       2021 August 23, 2021-Sep-01                named_forms.cpp
//   relative  yesterday, 3 hours ago, il y a deux jours  relative.cpp
//   times     10:05, 10h05, 10:05 p.m. ET, Asia/Tehran   time_of_day.cpp, zones.cpp
// The driver tries them at a token and keeps the longest reading, takes a
// weekday before or after, a time after, the same day in a second calendar,
// places relative phrases against the reference, and holds what every form
// asks of the tokens (weekdays, where a date may start and end, eras, the
// tail of an unread time). See docs/dates.md for the rules.
#include <algorithm>

#include "dates/grammar.hpp"

namespace digest::dates_detail {

// ---- names ------------------------------------------------------------------

bool Parser::weekday_at(std::size_t i, int& weekday, LangSet& languages, std::size_t& next) {
  Hit h = name_at(i, [&](const NameInfo& info) {
    for (const auto& w : info.weekdays) {
      if (usable(info, w.languages)) return true;
    }
    return false;
  });
  if (!h.info) return false;
  weekday = kNone;
  for (const auto& w : h.info->weekdays) {
    if (LangSet l = usable(*h.info, w.languages)) {
      weekday = w.weekday;
      languages = l;
      break;
    }
  }
  next = h.next;
  return true;
}

// ---- boundaries ---------------------------------------------------------------

// Token i may start a date: it does not continue a number or a word.
bool Parser::clean_start(std::size_t i) const {
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
bool Parser::clean_end(std::size_t i) const {
  if (i >= n()) return true;
  const Tok& x = t[i];
  if (x.space_before) return true;
  if (x.kind == Tok::num) return false;
  if (x.kind == Tok::word) {
    // ISO 8601's "T" before a time.
    if (s.key(x) == "t") return i + 1 < n() && t[i + 1].kind == Tok::num && !t[i + 1].space_before;
    // A time word or era glued to the number before it: "۱۳۸۷ساعت ۱۰", "2021г".
    const NameInfo* info = names.find(s.key(x));
    return info && (info->markers & (kTimeWord | kEraGregorian | kEraHijri | kEraPersian));
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
int Parser::era_at(std::size_t& i) {
  Hit h = marker_at(i, kEraGregorian | kEraHijri | kEraPersian);
  if (!h.info) return kNone;
  i = h.next;
  if (h.info->markers & kEraHijri) return static_cast<int>(CalendarKind::islamic_umalqura);
  if (h.info->markers & kEraPersian) return static_cast<int>(CalendarKind::persian);
  return static_cast<int>(CalendarKind::gregorian);
}

bool Parser::gregorian_year_ok(int y, bool numeric) const {
  return numeric ? (y >= 1600 && y <= 2999) : (y >= 1400 && y <= 2999);
}

void Parser::add_reading(Reading& r, CalendarKind cal, int y, int m, int d) {
  auto jd = to_julian_day(cal, y, m, d);
  if (!jd) return;
  for (const auto& x : r.dates) {
    if (to_julian_day(x.calendar, x.year, x.month, x.day) == jd) return;
  }
  r.dates.push_back(Ymd{cal, y, m, d});
}

// ---- the driver -----------------------------------------------------------------

// One date starting at token i (a weekday first, a time after).
bool Parser::date_at(std::size_t i, Reading& best) {
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
    LangSet wlangs;
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
      if (ok && !weekday_fits(wlangs, r)) ok = false;
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

// A relative phrase placed against the reference. Without a reference (or
// without its time of day, for hours and minutes) the shape is read but
// gives no date.
bool Parser::relative(std::size_t i, Reading& r) {
  Relative rel;
  if (!clean_start(i) || !relative_at(i, rel)) return false;
  r.first = i;
  r.end = rel.next;
  r.relative = true;
  r.languages = rel.languages;
  if (!opt.reference) return true;
  const Date ref = *opt.reference;
  long jd = julian_day(ref);
  switch (rel.unit) {
    case Relative::second:
    case Relative::minute:
    case Relative::hour: {
      if (!opt.reference_seconds) return true;
      long unit = rel.unit == Relative::second ? 1 : rel.unit == Relative::minute ? 60 : 3600;
      long at = static_cast<long>(*opt.reference_seconds) - unit * rel.amount;
      long days = at >= 0 ? at / 86400 : -((-at + 86399) / 86400);
      jd += days;
      r.seconds = static_cast<std::int32_t>(at - days * 86400);
      break;
    }
    case Relative::day: jd -= rel.amount; break;
    case Relative::week: jd -= 7L * rel.amount; break;
    case Relative::month:
    case Relative::year: {
      long months = rel.unit == Relative::year ? 12L * rel.amount : rel.amount;
      long index = static_cast<long>(ref.year()) * 12 + (ref.month() - 1) - months;
      int y = static_cast<int>(index / 12), m = static_cast<int>(index % 12) + 1;
      int last = days_in_month(CalendarKind::gregorian, y, m);
      if (last == 0) return true;
      add_reading(r, CalendarKind::gregorian, y, m, std::min<int>(ref.day(), last));
      r.valid = !r.dates.empty();
      return true;
    }
    case Relative::weekday: {
      int today = ref.day_of_week().as_number();
      int back = (today - rel.amount + 7) % 7;
      jd -= back == 0 ? 7 : back;
      break;
    }
  }
  Date d = date_from_julian_day(jd);
  if (d.year() < 1400 || d.year() > 2999) return true;
  add_reading(r, CalendarKind::gregorian, int(d.year()), int(d.month()), int(d.day()));
  r.valid = !r.dates.empty();
  return true;
}

// In detection, a weekday name of a language beyond the core ones counts
// only beside a month name of the same language: "met", "ons" and the like
// are weekdays somewhere, and words elsewhere.
bool Parser::weekday_fits(const LangSet& weekday_languages, const Reading& r) const {
  if (!detecting || (weekday_languages & LangSet(kCoreLanguages))) return true;
  return bool(weekday_languages & r.languages);
}

bool Parser::core_at(std::size_t i, Reading& out) {
  Reading r;
  Time asct;
  if (i >= n() || t[i].kind == Tok::punct) return false;  // no form starts there
  // Relative phrases first: their words are specific ("2 gün önce"), while
  // "2 gün" alone might take another language's month name. Then the forms
  // that can start with what token i is.
  bool ok = relative(i, r);
  if (!ok && t[i].kind == Tok::num) {
    ok = numeric(i, r.clear()) || cjk(i, r.clear()) || dmy(i, r.clear()) || ymd(i, r.clear());
  } else if (!ok) {
    ok = dmy(i, r.clear()) || mdy(i, r.clear(), &asct) ||
         (opt.allow_partial && month_year(i, r.clear()));
  }
  if (!ok) return false;
  // After the date, a time and a weekday in either order: "2 Ocak 2015
  // Cuma, 16:49", "Sat 28 Aug 2021 15.15 BST", "21 сентября 2021г., вторник".
  for (int round = 0; round < 2 && r.valid; ++round) {
    bool moved = false;
    if (!r.seconds) {
      Time tm;
      if (trailing_time(r.end, tm) && clean_end(tm.next)) {
        take_time(r, tm);
        r.end = tm.next;
        moved = true;
      }
    }
    if (r.weekday == kNone) {
      std::size_t k = r.end;
      if (is_punct(k, '.') && attached(k)) ++k;
      if (is_punct(k, ',')) ++k;
      int wd;
      LangSet wl;
      std::size_t next;
      bool paren = is_punct(k, '(');  // "2021年3月2日(火)", "23/08/2021 (Monday)"
      if (paren) ++k;
      if (weekday_at(k, wd, wl, next) && (!paren || is_punct(next, ')')) &&
          clean_end(paren ? ++next : next) && weekday_fits(wl, r)) {
        r.weekday = wd;
        r.weekday_languages = wl;
        r.end = next;
        moved = true;
      }
    }
    if (!moved) break;
  }
  out = std::move(r);
  return true;
}

void Parser::take_time(Reading& r, const Time& tm) {
  r.seconds = tm.seconds;
  r.offset = tm.offset;
  r.zone_id = tm.zone_id;
}

// What may follow (or precede) a date as a time or zone we could not read:
// numbers, time words, capitals like a zone, zone names ICU lacks
// ("Europe/Atlantis"), weekday names, era and filler words, punctuation
// that times use, and after a word such as "à" or "ساعت" a few words of a
// time written out ("19 heures passées", "ده صبح"). Ordinary words are not
// ("23 August 2021 was sunny" is no date), and neither is a year or a time
// that is shaped right but impossible ("25:05").
bool Parser::time_like_tail(std::size_t i) {
  if (n() - i > 16) return false;
  bool timeish = false;
  int free_words = 0;
  for (std::size_t k = i; k < n();) {
    const Tok& x = t[k];
    std::size_t after_name;
    if (paren_zone_name_at(k, after_name)) {
      timeish = true;
      k = after_name;
      continue;
    }
    if (x.kind == Tok::punct) {
      if (std::string_view(":.,-/()[]+|@~'\"").find(x.ch) == std::string_view::npos) return false;
      ++k;
      continue;
    }
    if (x.kind == Tok::num) {
      if (x.digits > 3) return false;
      if (is_punct(k + 1, ':') && attached(k + 1) && is_num(k + 2) && attached(k + 2) &&
          (x.value > 24 || t[k + 2].value > 59))
        return false;
      timeish = true;
      ++k;
      continue;
    }
    constexpr std::uint32_t kTimeish = kTimeSuffix | kAm | kPm | kZone | kMinuteWord | kNoon |
                                       kMidnight | kTimeVocabulary;
    constexpr std::uint32_t kOther = kTimeWord | kEraGregorian | kEraHijri | kEraPersian |
                                     kFiller | kAnd | kDayWord;
    Hit h = marker_at(k, kTimeish | kOther);
    if (h.info) {
      if (h.info->markers & kTimeish) timeish = true;
      if (h.info->markers & kTimeWord) free_words = 3;
      k = h.next;
      continue;
    }
    int wd;
    LangSet wl;
    std::size_t next;
    if (weekday_at(k, wd, wl, next)) {
      k = next;
      continue;
    }
    std::string_view id;
    if (iana_zone_at(k, id, next) || zone_area_at(k, next)) {
      timeish = true;
      k = next;
      continue;
    }
    if (zone_like(k)) {
      timeish = true;
      ++k;
      continue;
    }
    if (free_words > 0) {
      --free_words;
      ++k;
      continue;
    }
    return false;
  }
  return timeish;
}

// Partial, with allow_partial only, and only as the whole text: "2021",
// "1400 ه.ش". The value is the first day of the year in its calendar.
bool Parser::year_only(std::size_t i, Reading& r) {
  if (!is_num(i) || t[i].digits != 4) return false;
  std::size_t k = i + 1;
  int era = era_at(k);
  CalendarKind cals[2];
  int count = numeric_calendars(t[i].value, era, i, cals);
  r = Reading{};
  r.first = i;
  r.end = k;
  r.precision = DatePrecision::year;
  for (int x = 0; x < count; ++x) add_reading(r, cals[x], t[i].value, 1, 1);
  r.valid = !r.dates.empty();
  return r.valid;
}

// "15 محرم 1443 هـ الموافق 23 أغسطس 2021 م", "۱۹ شهریور ۱۴۰۰ (10 September
// 2021)": the same day in two calendars. Extends r over the second date
// when both agree; returns false when they disagree.
bool Parser::same_day(Reading& r) {
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
    r.zone_id = second.zone_id;
  }
  r.time_unread = r.time_unread || second.time_unread;
  if (!r.languages) r.languages = second.languages;
  return true;
}

}  // namespace digest::dates_detail
