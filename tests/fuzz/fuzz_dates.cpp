// libFuzzer target: the date parser on arbitrary bytes (parse, parse_detailed,
// find_dates) and the calendar conversions. The first byte picks the options
// (bits 0-1 the numeric order, bit 2 a reference date, bit 3 only Persian
// and Arabic names, bit 4 partial dates, bit 5 the reference's time of day,
// bit 6 the nearest rule for year-less dates, bit 7 Polish and Thai names);
// the rest is the text. In the seed corpus, '0' (0x30: partial dates and a
// reference time) is no other option, '1'/'2'/'3' force DMY/MDY/YMD, '4'
// adds the reference date and '8' the language list.
// Contracts: spans lie within the text, in order and without overlap; a
// reading that is not ambiguous has a value, and parse() is parse_detailed()
// without the ambiguous ones; the date as written converts back to the
// Gregorian value; a calendar date converts to Gregorian exactly when it
// exists in its calendar's table, and converts back to itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "digest/dates.hpp"
#include "fuzz_common.hpp"

namespace {

void check_match(const digest::DateMatch& m, std::size_t size) {
  FUZZ_CHECK(m.begin <= m.end && m.end <= size);
  FUZZ_CHECK(m.ambiguous || m.value);
  FUZZ_CHECK(!(m.ambiguous && m.value));
  if (m.ambiguous) FUZZ_CHECK(m.readings.size() >= 2);
  if (m.value) {
    FUZZ_CHECK(!m.value->date.is_special());
    auto back = digest::to_gregorian(m.written);
    FUZZ_CHECK(back && *back == m.value->date);
    if (m.value->seconds) FUZZ_CHECK(*m.value->seconds >= 0 && *m.value->seconds < 86400);
  }
  bool known = m.language.empty();
  for (const auto& l : digest::supported_date_languages()) known = known || l == m.language;
  FUZZ_CHECK(known);
}

void check_calendars(const std::uint8_t* data, std::size_t size) {
  if (size < 6) return;
  auto kind = static_cast<digest::CalendarKind>(data[1] % 3);
  int year = data[2] | (data[3] << 8);
  int month = data[4] % 14;
  int day = data[5] % 33;
  digest::CalendarDate cd{kind, year, month, day};
  int days = digest::days_in_month(kind, year, month);
  FUZZ_CHECK(days >= 0 && days <= 31);
  auto g = digest::to_gregorian(cd);
  FUZZ_CHECK(g.has_value() == (month >= 1 && month <= 12 && day >= 1 && day <= days));
  if (!g) return;
  auto back = digest::from_gregorian(*g, kind);
  FUZZ_CHECK(back && *back == cd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  check_calendars(data, size);
  digest::DateParseOptions opt;
  opt.order = static_cast<digest::DateOrder>(data[0] & 3);
  if (data[0] & 4) opt.reference = digest::Date(2021, 9, 1);
  if (data[0] & 8) opt.languages = {"fa", "ar"};
  opt.allow_partial = (data[0] & 16) != 0;
  if (data[0] & 32) opt.reference_seconds = 10 * 3600 + 5 * 60;
  if (data[0] & 64) opt.yearless = digest::YearlessRule::nearest;
  if (data[0] & 128) opt.languages.insert(opt.languages.end(), {"pl", "th"});
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  digest::DateParser parser(opt);
  auto m = parser.parse_detailed(text);
  if (m) {
    check_match(*m, text.size());
    // Partial dates only when asked for; relative ones only with a reference.
    FUZZ_CHECK(opt.allow_partial || m->precision == digest::DatePrecision::day);
    FUZZ_CHECK(opt.reference || !m->relative || !m->value);
  }
  auto plain = parser.parse(text);
  if (m && !m->ambiguous) FUZZ_CHECK(plain && *plain == *m->value);
  else FUZZ_CHECK(!plain);

  std::size_t last = 0;
  for (const auto& f : parser.find_dates(text)) {
    check_match(f, text.size());
    FUZZ_CHECK(f.begin >= last && f.begin < f.end);
    last = f.end;
  }
  return 0;
}
