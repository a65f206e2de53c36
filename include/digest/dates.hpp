// Multilingual date parsing: reads the dates that clippings carry ("Aug 28,
// 2021", "23 août 2021", "۱۹ شهریور ۱۴۰۰", "15 محرم 1443 هـ", RFC 2822 and
// ISO 8601 stamps) into a Gregorian DateTime, or says there is no date. It
// never guesses: text it cannot read, impossible dates and ambiguous numeric
// dates are "no date", never today. Rules and supported forms: docs/dates.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/model.hpp"

namespace digest {

// Order of day, month and year in all-numeric dates ("03/04/2021").
enum class DateOrder : std::uint8_t {
  unspecified = 0,  // decide from the numbers; ambiguous when both orders fit
  dmy = 1,
  mdy = 2,
  ymd = 3,
};

// The calendar a date was written in.
enum class CalendarKind : std::uint8_t {
  gregorian = 0,
  persian = 1,           // Solar Hijri (ICU "persian")
  islamic_umalqura = 2,  // Hijri, Umm al-Qura (ICU "islamic-umalqura")
};

DG_API const char* calendar_name(CalendarKind calendar) noexcept;  // "gregorian", ...

// How a date without a year ("10 May") is placed relative to the reference.
enum class YearlessRule : std::uint8_t {
  past = 0,     // the most recent occurrence on or before the reference (news is about the past)
  nearest = 1,  // the occurrence nearest the reference (ties go to the earlier)
};

// How much of a date the text gives.
enum class DatePrecision : std::uint8_t {
  day = 0,    // a full date
  month = 1,  // "August 2021", "شهریور ۱۴۰۰": the value is the first of the month
  year = 2,   // "2021": the value is January 1st (in the year's calendar)
};

DG_API const char* precision_name(DatePrecision precision) noexcept;  // "day", "month", "year"

struct DateParseOptions {
  // BCP 47 tags ("en", "fr-CA", "fa-IR", "pl"); only the language subtag
  // counts. Month and weekday names of other languages are then not read
  // (numeric and ISO forms always are). Empty: detection, every language,
  // where a word that is a name in one of the 14 core languages keeps that
  // meaning and other languages' names of under 4 bytes are not read.
  // Tags without names are ignored; a list of only those falls back to
  // detection.
  std::vector<std::string> languages;
  // Day/month order for all-numeric forms. A 4-digit leading year always
  // means year-month-day; two-digit years are read only when this is set.
  // Unspecified: the order of the languages asked for when they agree
  // (languages = {"fr"}: 03/04/2021 is 3 April; a bare "en" says nothing,
  // "en-GB" does), else decided from the numbers.
  DateOrder order = DateOrder::unspecified;
  // The day relative and year-less forms are read against: "yesterday",
  // "3 days ago", "last Monday", "23 August" (placed by `yearless`).
  // Without a reference those forms are no date.
  std::optional<Date> reference;
  // The reference's time of day (seconds since midnight), needed by
  // "3 hours ago" and "20 minutes ago" (no date without it).
  std::optional<std::int32_t> reference_seconds;
  YearlessRule yearless = YearlessRule::past;
  // Read month-year and year-only dates ("August 2021", "2021"). Off by
  // default, so nothing silently becomes the first of a month; the match's
  // precision says what the text gave.
  bool allow_partial = false;
  bool operator==(const DateParseOptions&) const = default;
};

// A date in its own calendar.
struct CalendarDate {
  CalendarKind calendar = CalendarKind::gregorian;
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  bool operator==(const CalendarDate&) const = default;
};

// The detailed reading of one date in a text.
struct DG_API DateMatch {
  // The date (Gregorian), with time and UTC offset when the text has them.
  // Absent when the reading is ambiguous.
  std::optional<DateTime> value;
  // The date as written, in its calendar (the first reading when ambiguous).
  CalendarDate written;
  // Byte span [begin, end) of the date (weekday and time included) in the
  // text that was parsed.
  std::size_t begin = 0;
  std::size_t end = 0;
  // Two or more readings fit (03/04/2021 without an order, a month name
  // that means different months in different candidate languages).
  bool ambiguous = false;
  std::vector<DateTime> readings;  // every reading when ambiguous, else empty
  // Language of the month or weekday name that was read ("en", "fa", ...);
  // "" for numeric forms. When a name is shared by several languages, the
  // first of them in supported_date_languages() order.
  std::string language;
  bool has_weekday = false;
  // The weekday named in the text does not fall on the date (the date is
  // still returned: writers get weekdays wrong more often than dates).
  bool weekday_mismatch = false;
  // A time or zone next to the date could not be read ("15:15 XYZT",
  // "à 19 heures passées"): the date is kept, without that time.
  bool time_unread = false;
  // The text gave a zone whose offset came from a zone name ("ET",
  // "Asia/Tehran") at this date rather than a fixed offset.
  bool zone_named = false;
  // Read against the reference ("yesterday", "3 hours ago", "last Monday").
  bool relative = false;
  DatePrecision precision = DatePrecision::day;
};

// Language subtags whose month and weekday names are read: first the 14
// with hand-added spellings and relative phrases, in a fixed order (en fr de
// es it pt nl sv sq tr ru fa ar ur), then every other language ICU has
// month names for (pl, uk, el, vi, sw, ...), about 200 in all.
DG_API const std::vector<std::string>& supported_date_languages();

// Reusable and thread-safe (all methods are const). Construction is cheap;
// the name tables are built once per process, on first use, from ICU data.
class DG_API DateParser {
 public:
  DateParser();
  explicit DateParser(DateParseOptions options);

  const DateParseOptions& options() const noexcept { return options_; }

  // The text as one date: surrounding spaces and punctuation, a leading
  // weekday, a trailing time and zone, and a few filler words ("on", "le",
  // "am", ...) are allowed; anything else makes it no date. Ambiguous
  // readings are no date.
  std::optional<DateTime> parse(std::string_view text) const;
  std::optional<Date> parse_date(std::string_view text) const;

  // As parse(), with the details; an ambiguous reading is returned (with
  // ambiguous set and no value) rather than dropped.
  std::optional<DateMatch> parse_detailed(std::string_view text) const;

  // Every date inside a longer text, in order, with its span. Ambiguous
  // readings are included (ambiguous set). Numbers that are not dates
  // ("1400 people", "24/7", "version 2.1", phone numbers) are skipped.
  std::vector<DateMatch> find_dates(std::string_view text) const;

 private:
  DateParseOptions options_;
  std::array<std::uint64_t, 4> language_mask_{};  // the languages whose names are read
  bool detecting_ = true;                          // none asked for: the names decide
  DateOrder language_order_ = DateOrder::unspecified;  // the order those languages write
};

// One-shot helpers with a default-constructed parser.
DG_API std::optional<DateTime> parse_datetime(std::string_view text,
                                              const DateParseOptions& options = {});
DG_API std::optional<Date> parse_date(std::string_view text,
                                      const DateParseOptions& options = {});

// Calendar conversions (Solar Hijri 1200-1600, Umm al-Qura 1300-1600, the
// ranges ICU's data covers well). nullopt for impossible or out-of-range
// dates.
DG_API std::optional<Date> to_gregorian(const CalendarDate& date);
DG_API std::optional<CalendarDate> from_gregorian(Date date, CalendarKind calendar);
// Days in a month of `calendar`; 0 when out of range.
DG_API int days_in_month(CalendarKind calendar, int year, int month);

}  // namespace digest
