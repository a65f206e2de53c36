// The hand-written parts of the name table (names.cpp builds it): the ICU
// locales read for each of the 14 core languages, the month and weekday
// spellings writers use that ICU lacks, Persian ordinal days and the marker
// words (fillers, eras, times, connectors). Data only. Not installed.
#pragma once

#include <cstdint>
#include <span>

#include "dates/internal.hpp"

namespace digest::dates_detail::name_data {

constexpr std::uint8_t kGreg = static_cast<std::uint8_t>(CalendarKind::gregorian);
constexpr std::uint8_t kPers = static_cast<std::uint8_t>(CalendarKind::persian);
constexpr std::uint8_t kHijr = static_cast<std::uint8_t>(CalendarKind::islamic_umalqura);

// ICU locales read for each language and calendar.
struct IcuSource {
  const char* language;
  const char* locale;
  std::uint8_t calendar;
};

// Spellings ICU lacks. Month 1..12 in its calendar.
struct ExtraMonth {
  const char* language;
  std::uint8_t calendar;
  std::uint8_t month;
  const char* name;
};

struct ExtraWeekday {
  const char* language;
  std::uint8_t weekday;  // 0 = Sunday
  const char* name;
};

// Days written as Persian ordinal words: 1..20 and 30 as one word, the
// others as "tens و unit" ("بیست و سوم", 23rd).
struct OrdinalDay {
  std::uint8_t day;
  const char* name;
};

struct MarkerWord {
  const char* name;
  std::uint32_t markers;
};

std::span<const IcuSource> icu_sources();
std::span<const ExtraMonth> extra_months();
std::span<const ExtraWeekday> extra_weekdays();
std::span<const OrdinalDay> persian_ordinal_units();  // 1..9, tens are joined to them
std::span<const OrdinalDay> persian_ordinal_words();  // 10..20 and 30
std::span<const MarkerWord> marker_words();

}  // namespace digest::dates_detail::name_data
