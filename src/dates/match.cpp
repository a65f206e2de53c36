// From a reading to the DateMatch the API returns: its span, its value or
// its readings when ambiguous, the weekday check, and the language, narrowed
// by the letters of the date when a name is shared by several languages.
// Apart from the driver: it looks at the text's letters, not the tokens.
#include "dates/grammar.hpp"

namespace digest::dates_detail {

namespace {

// A name shared by Persian, Arabic and Urdu (محرم, مارس): the letters of the
// date tell them apart (پ چ ژ گ ک ی are Persian and Urdu, ٹ ڈ ڑ ں ھ ہ ے Urdu).
LangSet narrow_arabic_script(const LangSet& langs, std::string_view span) {
  const std::uint32_t fa = 1u << 11, ar = 1u << 12, ur = 1u << 13;
  static_assert(kLanguageCount == 14);
  int shared = bool(langs & fa) + bool(langs & ar) + bool(langs & ur);
  if (shared < 2) return langs;
  ScriptSigns signs = script_signs(span);
  bool persian = signs.persian_or_urdu || signs.persian_digits, urdu = signs.urdu;
  if (urdu && (langs & ur)) return ur;
  if (persian && (langs & fa)) return (langs & ur) && !(langs & fa) ? ur : fa;
  if (!persian && !urdu && (langs & ar)) return ar;
  return langs;
}

}  // namespace

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
    if (!r.zone_id.empty()) dt.utc_offset_minutes = zone_offset(r.zone_id, dt.date, r.seconds.value_or(0));
    return dt;
  };
  m.zone_named = !r.zone_id.empty();
  m.time_unread = r.time_unread;
  m.relative = r.relative;
  m.precision = r.precision;
  if (r.dates.size() == 1) {
    m.value = make(first);
  } else {
    m.ambiguous = true;
    for (const auto& y : r.dates) m.readings.push_back(make(y));
  }
  LangSet langs = r.languages ? r.languages : r.weekday_languages;
  // The weekday's language narrows a month name shared by several.
  if (r.languages && (r.languages & r.weekday_languages)) langs = r.languages & r.weekday_languages;
  m.language = first_language(narrow_arabic_script(langs, text.substr(m.begin, m.end - m.begin)));
  if (r.weekday != kNone) {
    m.has_weekday = true;
    if (m.value) m.weekday_mismatch = m.value->date.day_of_week().as_number() != r.weekday;
  }
  return m;
}


}  // namespace digest::dates_detail
