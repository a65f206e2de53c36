// From a reading to the DateMatch the API returns: its span, its value or
// its readings when ambiguous, the weekday check, and the language, narrowed
// by the letters of the date when a name is shared by several languages.
// Apart from the driver: it looks at the text's letters, not the tokens.
#include "dates/grammar.hpp"

namespace digest::dates_detail {

namespace {

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


}  // namespace digest::dates_detail
