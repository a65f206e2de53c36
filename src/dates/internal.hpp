// Internal to the dates, attribution and stories modules: the name tables,
// the scanner and calendar helpers shared by src/dates/*.cpp,
// src/attribution.cpp and src/stories/anchors.cpp (weekday and month
// names). Not installed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "digest/dates.hpp"
#include "digest/model.hpp"

namespace digest::dates_detail {

// ---- calendars -------------------------------------------------------------

// Julian day number (the one ICU and Boost use) of a date in `calendar`;
// nullopt when impossible or out of range.
std::optional<long> to_julian_day(CalendarKind calendar, int year, int month, int day);
std::optional<CalendarDate> from_julian_day(CalendarKind calendar, long jd);
inline long julian_day(Date d) { return static_cast<long>(d.julian_day()); }
Date date_from_julian_day(long jd);

// ---- languages -------------------------------------------------------------

constexpr int kLanguageCount = 14;
// en fr de es it pt nl sv sq tr ru fa ar ur, in that order (bit i = language i).
extern const std::array<const char*, kLanguageCount> kLanguages;
constexpr std::uint32_t kAllLanguages = (1u << kLanguageCount) - 1;
// Bit mask of the supported languages in a list of BCP 47 tags; kAllLanguages
// for an empty list.
std::uint32_t language_mask(const std::vector<std::string>& tags);
// Index of the lowest set bit's language.
const char* first_language(std::uint32_t mask);

// ---- names -----------------------------------------------------------------

enum Marker : std::uint32_t {
  kOrdinal = 1u << 0,        // st nd rd th er e º
  kOfConnector = 1u << 1,    // de, del, of (between day, month and year)
  kFiller = 1u << 2,         // on, le, am, el, den, the, ... (before a date)
  kEraGregorian = 1u << 3,   // م, ميلادي, AD, CE, г., года
  kEraHijri = 1u << 4,       // هـ, ه.ق, هجري, AH
  kEraPersian = 1u << 5,     // ش, ه.ش, هجری شمسی, SH
  kAm = 1u << 6,             // am, a.m., ق.ظ
  kPm = 1u << 7,             // pm, p.m., ب.ظ
  kZone = 1u << 8,           // utc, gmt, z, est, ...: see zone_minutes
  kTimeWord = 1u << 9,       // at, à, um, um, alle, ساعت, الساعة (before a time)
  kTimeSuffix = 1u << 10,    // Uhr, h (10 Uhr; 10h05)
  kPrefix = 1u << 11,        // first word of a multi-word name
  kDayWord = 1u << 12,       // يوم, روز (before a weekday)
  kSameDay = 1u << 13,       // الموافق, برابر با (between one date in two calendars)
};

struct MonthEntry {
  std::uint8_t calendar;  // CalendarKind
  std::uint8_t month;     // 1..12
  std::uint32_t languages;
};

struct WeekdayEntry {
  std::uint8_t weekday;  // 0 = Sunday .. 6 = Saturday
  std::uint32_t languages;
};

struct NameInfo {
  std::vector<MonthEntry> months;
  std::vector<WeekdayEntry> weekdays;
  std::uint32_t markers = 0;
  std::int16_t zone_minutes = 0;  // for kZone
  std::uint8_t words = 1;         // number of words in the key
};

struct NameTable {
  std::unordered_map<std::string, NameInfo, StringHash, std::equal_to<>> names;
  std::size_t longest_words = 1;
  const NameInfo* find(std::string_view key) const {
    auto it = names.find(key);
    return it == names.end() ? nullptr : &it->second;
  }
};

// Built once per process (thread-safe), immutable afterwards.
const NameTable& name_table();

// The search key of one word (the Normalizer's), appended to `out`. Words
// that are pure ASCII letters take a fast path that yields the same key.
void append_word_key(std::string_view word, std::string& out);

// ---- scanner -----------------------------------------------------------------

struct Tok {
  enum Kind : std::uint8_t { num, word, punct };
  Kind kind = punct;
  bool space_before = false;  // whitespace between the previous token and this
  char ch = 0;             // ASCII punctuation; ',' also for '،', '-' for '‐'; '~' for dashes
  std::uint8_t digits = 0;    // num: number of digits
  std::uint32_t begin = 0, end = 0;  // byte span in the text
  std::int32_t value = 0;            // num: value, -1 when over 9 digits
  std::uint32_t key_begin = 0, key_len = 0;  // word: key in Scan::keys
};

struct Scan {
  std::vector<Tok> toks;
  std::string keys;
  std::string_view key(const Tok& t) const { return {keys.data() + t.key_begin, t.key_len}; }
};

// Splits `text` into numbers, words and punctuation. Digits of any script
// become numbers (through the Normalizer); words get their search keys.
// Ill-formed UTF-8 bytes are punctuation of their own.
void scan(std::string_view text, Scan& out);

}  // namespace digest::dates_detail
