// The date grammar's driver over scanned tokens, and the DateParser API.
// Forms (each may start with a weekday and end with a time and zone):
//   numeric   Y-M-D, Y/M/D, D/M/Y, ISO week dates ...   numeric_forms.cpp
//   DMY       23 August 2021, ۱۹ شهریور ۱۴۰۰              named_forms.cpp
//   MDY       August 23, 2021; Mon Aug 23 10:05:00 2021  named_forms.cpp
//   YMD       2021 August 23                             named_forms.cpp
//   times     10:05, 10h05, 10:05 p.m. UTC+3             time_of_day.cpp
// The driver tries them at a token and keeps the longest reading, takes a
// weekday before or after, a time after, the same day in a second calendar,
// and holds what every form asks of the tokens (weekdays, where a date may
// start and end, eras). See docs/dates.md for the rules.
#include <algorithm>

#include "dates/grammar.hpp"
#include "text/iso8601.hpp"
#include "text/trim.hpp"

namespace digest::dates_detail {

// ---- names ------------------------------------------------------------------

bool Parser::weekday_at(std::size_t i, int& weekday, std::uint32_t& languages,
                        std::size_t& next) {
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

bool Parser::core_at(std::size_t i, Reading& out) {
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
  }
  if (!r.languages) r.languages = second.languages;
  return true;
}

}  // namespace digest::dates_detail

namespace digest {

using namespace dates_detail;

namespace {

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
