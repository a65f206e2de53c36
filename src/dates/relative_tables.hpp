// Internal to src/dates: the words of relative dates ("yesterday", "3 hours
// ago", "il y a deux jours", "last Monday"), as data. relative_tables.cpp
// holds the rows; relative.cpp compiles them into search keys once and
// matches them against the tokens. Not installed.
#pragma once

#include <span>

#include "dates/grammar.hpp"

namespace digest::dates_detail::relative_data {

// What a phrase gives.
enum class Form : std::uint8_t {
  day,      // a fixed number of days back: "yesterday" (value = days, negative ahead)
  weekday,  // a fixed "last <weekday>": Swedish "i måndags" (value = weekday, 0 = Sunday)
  ago,      // "{q} ago": a quantity before the reference
  ahead,    // "in {q}": a quantity after it
  last,     // "last {w}": the most recent such weekday
};

// A phrase of one language. `text` is words separated by spaces; in it
//   {q}     a quantity: a number (digits or a number word) and a unit
//           word, or a unit word that implies its count ("неделю", "ساعتين")
//   {w}     a weekday name
//   [word]  an optional word (an article, Arabic يوم before a weekday)
//   !word   not followed by that word: Arabic "قبل يومين من الانتخابات" is
//           two days before the elections, not before the reference
// Apostrophes and hyphens in words ("aujourd'hui", "avant-hier") match those
// characters or nothing between the words.
struct PhraseRow {
  const char* lang;
  Form form;
  int value;
  const char* text;
};

// Unit words of one language, space-separated. `implied` is the count the
// word gives alone (Russian "неделю" 1, Arabic dual "يومين" 2), 0 when it
// needs a number; dual words (implied 2) never take a number.
struct UnitRow {
  const char* lang;
  Relative::Unit unit;
  int implied;
  const char* words;
};

// Number words of one language (space-separated) with their value.
struct NumberRow {
  const char* lang;
  int value;
  const char* words;
};

// Weekday forms ICU lacks that {w} also reads (Russian accusative "среду",
// Albanian definite "hënën").
struct WeekdayRow {
  const char* lang;
  int weekday;  // 0 = Sunday
  const char* words;
};

std::span<const PhraseRow> phrase_rows();
std::span<const UnitRow> unit_rows();
std::span<const NumberRow> number_rows();
std::span<const WeekdayRow> weekday_rows();
// Words never read as {w} though ICU names a weekday with them: Urdu
// "ہفتہ" is Saturday and also "week" ("گزشتہ ہفتہ", last week).
std::span<const char* const> not_weekday_words();
// One-word phrases not read in running text without a language.
std::span<const char* const> not_in_prose_words();

}  // namespace digest::dates_detail::relative_data
