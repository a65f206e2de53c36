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

#include "dates/langset.hpp"
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

constexpr int kLanguageCount = 14;  // the core languages, bits 0-13
// en fr de es it pt nl sv sq tr ru fa ar ur, in that order (bit i = language i).
extern const std::array<const char*, kLanguageCount> kLanguages;
constexpr std::uint32_t kCoreLanguages = (1u << kLanguageCount) - 1;
constexpr LangSet kAllLanguages = LangSet::all();
// The languages of a list of BCP 47 tags. Tags without name tables are
// skipped; when none is left (or the list is empty) every language, and
// *hinted is false: the names decide (detection).
LangSet language_mask(const std::vector<std::string>& tags, bool* hinted = nullptr);
// The day/month order the languages write numeric dates in, when they all
// agree and say (ICU's short date pattern); unspecified otherwise.
DateOrder order_of_languages(const std::vector<std::string>& tags);
// The bit of one of the 14 core languages ("fr" -> 1u << 1); 0 for others.
std::uint32_t core_language_bit(std::string_view lang);
// The code of the lowest member ("en", "pl", ...); "" when empty.
const char* first_language(const LangSet& set);
// Every language with names, the core ones first.
const std::vector<std::string>& date_languages();

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
  kMinuteWord = 1u << 14,    // min, minutes, دقیقه (after the minutes of a time)
  kNoon = 1u << 15,          // noon, midi, Mittag (12:00)
  kMidnight = 1u << 16,      // midnight, minuit (00:00)
  kAnd = 1u << 17,           // و between hours and minutes ("ساعت 11 و 01 دقیقه")
  kTimeVocabulary = 1u << 18,  // words of times a date may carry unread (hrs, heures, local)
  kOrdinalDay = 1u << 19,    // a day written as an ordinal word (سوم, بیست و سوم, سی ام)
  kCjkYear = 1u << 20,       // 年, 년 after the year
  kCjkMonth = 1u << 21,      // 月, 월 after the month
  kCjkDay = 1u << 22,        // 日, 号, 일 after the day
};

struct MonthEntry {
  std::uint8_t calendar;  // CalendarKind
  std::uint8_t month;     // 1..12
  LangSet languages;
};

struct WeekdayEntry {
  std::uint8_t weekday;  // 0 = Sunday .. 6 = Saturday
  LangSet languages;
};

struct NameInfo {
  std::vector<MonthEntry> months;
  std::vector<WeekdayEntry> weekdays;
  std::uint32_t markers = 0;
  std::int16_t zone_minutes = 0;  // for kZone
  std::uint8_t words = 1;         // number of words in the key
  std::uint8_t day = 0;           // kOrdinalDay: the day an ordinal word names ("سوم" = 3)
  bool zone_upper = false;        // kZone: only when written in capitals ("ET", not "et")
  const char* zone_id = nullptr;  // kZone: an IANA zone whose offset depends on the date
  // A month or weekday of a core language: in detection, other languages'
  // meanings of the same word are not read ("mar" is March, whatever else).
  bool core_name = false;
  // Shorter than 4 bytes: another language's name is read only when asked for.
  bool short_key = false;
};

struct NameTable {
  std::unordered_map<std::string, NameInfo, StringHash, std::equal_to<>> names;
  std::vector<std::string> languages;  // bit i of a LangSet = languages[i]
  std::unordered_map<std::string, int> language_index;
  std::size_t longest_words = 1;
  const NameInfo* find(std::string_view key) const {
    auto it = names.find(key);
    return it == names.end() ? nullptr : &it->second;
  }
};

// Built once per process (thread-safe), immutable afterwards.
const NameTable& name_table();

// The Normalizer's key of a phrase split into words the way the scanner
// splits text (digits apart from letters), for tables of phrases.
std::vector<std::string> phrase_words(std::string_view phrase);

// The search key of one word (the Normalizer's), appended to `out`. Words
// that are pure ASCII letters take a fast path that yields the same key.
void append_word_key(std::string_view word, std::string& out);

// ---- zones -------------------------------------------------------------------

// Zone abbreviations (zones.cpp): a fixed offset, or an IANA zone for the
// generic ones whose offset depends on the date ("ET").
struct ZoneAbbreviation {
  const char* name;
  std::int16_t minutes;
  const char* zone_id;  // nullptr for a fixed offset
  bool any_case;        // read in any case ("utc"); else only in capitals
};
const std::vector<ZoneAbbreviation>& zone_abbreviations();
// Whether `id` names a zone ICU knows ("Asia/Tehran"); cached per thread.
bool known_zone(std::string_view id);
// The UTC offset of zone `id` at local time `seconds` on `date`, in
// minutes; nullopt when ICU does not know the zone.
std::optional<std::int32_t> zone_offset(std::string_view id, Date date, std::int32_t seconds);

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
  std::string_view text;  // the text scanned (its letters' case, for zone abbreviations)
  std::string_view key(const Tok& t) const { return {keys.data() + t.key_begin, t.key_len}; }
};

// Arabic-script letters and digits that tell its languages apart.
struct ScriptSigns {
  bool persian_or_urdu = false;  // پ چ ژ گ ک ی
  bool urdu = false;             // ٹ ڈ ڑ ں ھ ہ ے
  bool arabic = false;           // ة ي ك (Arabic's own yeh and kaf)
  bool persian_digits = false;   // ۰-۹
  bool arabic_digits = false;    // ٠-٩
};
ScriptSigns script_signs(std::string_view text);

// Splits `text` into numbers, words and punctuation. Digits of any script
// become numbers (through the Normalizer); words get their search keys.
// Ill-formed UTF-8 bytes are punctuation of their own.
void scan(std::string_view text, Scan& out);

}  // namespace digest::dates_detail
