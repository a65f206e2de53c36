// Internal to src/dates: the date grammar's parser over scanned tokens,
// shared by the files that hold its parts. parser.cpp drives it (a weekday,
// one of the forms, a time after it, the same day in a second calendar) and
// holds the API; numeric_forms.cpp, named_forms.cpp and time_of_day.cpp hold
// the forms and the times; match.cpp turns a reading into a DateMatch. The
// grammar is one struct whose parts call each other, so it is declared here
// once and its members are defined in those files. Not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/internal.hpp"

namespace digest::dates_detail {

constexpr int kNone = -1;

struct Ymd {
  CalendarKind calendar;
  int year, month, day;
};

struct Reading {
  std::size_t first = 0;  // token index
  std::size_t end = 0;    // one past the last token
  bool valid = false;     // the shape matched and at least one reading is a real date
  std::vector<Ymd> dates;  // distinct readings (valid ones only)
  std::optional<std::int32_t> seconds;
  std::optional<std::int32_t> offset;
  LangSet languages;  // of the month name
  int weekday = kNone;           // named weekday, 0 = Sunday
  LangSet weekday_languages;
  std::string_view zone_id;       // a named zone whose offset depends on the date
  bool time_unread = false;       // a time or zone beside the date was not read
  bool relative = false;
  DatePrecision precision = DatePrecision::day;

  // Back to a fresh reading, keeping the readings' storage: the driver
  // tries several forms at every token of a text.
  Reading& clear() {
    std::vector<Ymd> keep = std::move(dates);
    keep.clear();
    *this = Reading{};
    dates = std::move(keep);
    return *this;
  }
};

// A phrase relative to the reference: "yesterday", "3 hours ago",
// "il y a deux jours", "منذ ساعتين", "last Monday".
struct Relative {
  enum Unit : std::uint8_t { second, minute, hour, day, week, month, year, weekday };
  Unit unit = day;
  // How many units before the reference (negative: after it, "tomorrow",
  // "in 3 days"); for Unit::weekday, the weekday (0 = Sunday) of "last
  // <weekday>", the most recent one strictly before the reference day.
  int amount = 0;
  std::size_t next = 0;          // the token after the phrase
  LangSet languages;   // of the words read
};

struct Parser {
  const Scan& s;
  const std::vector<Tok>& t;
  const NameTable& names;
  const DateParseOptions& opt;
  LangSet langs;
  bool detecting;  // no language was asked for: names decide
  bool in_prose = false;  // find_dates: dates inside running text
  // The day/month order the languages asked for write (fr: DMY), for
  // numeric dates with a 4-digit year when no order is given.
  DateOrder language_order = DateOrder::unspecified;
  // relative.cpp: tokens that are a relative pattern's literal word.
  bool relative_scanned = false;
  std::vector<std::uint32_t> relative_words;
  std::string scratch;

  Parser(const Scan& scan, const NameTable& table, const DateParseOptions& o, const LangSet& l,
         bool detect)
      : s(scan), t(scan.toks), names(table), opt(o), langs(l), detecting(detect) {}

  // The languages in which a name's entry may be read: those asked for; in
  // detection, only the core languages when the word is a core name, and no
  // other language's name shorter than 4 bytes.
  LangSet usable(const NameInfo& info, const LangSet& entry) const {
    LangSet out = entry & langs;
    if (detecting && out) {
      if (info.core_name) {
        out &= LangSet(kCoreLanguages);
      } else if (info.short_key) {
        out = LangSet();
      }
    }
    return out;
  }

  std::size_t n() const { return t.size(); }
  bool is_num(std::size_t i) const { return i < n() && t[i].kind == Tok::num; }
  bool is_word(std::size_t i) const { return i < n() && t[i].kind == Tok::word; }
  bool is_punct(std::size_t i, char c) const {
    return i < n() && t[i].kind == Tok::punct && t[i].ch == c;
  }
  bool attached(std::size_t i) const { return i < n() && !t[i].space_before; }

  // ---- names ----------------------------------------------------------------

  // The table's entry for word token i alone, looked up once per token: the
  // forms ask about the same word again and again (a weekday? a month? a
  // marker?).
  const NameInfo* word_info(std::size_t i) {
    if (looked_up.size() != n()) looked_up.assign(n(), &not_looked_up);
    const NameInfo*& slot = looked_up[i];
    if (slot == &not_looked_up) slot = names.find(s.key(t[i]));
    return slot;
  }
  static inline const NameInfo not_looked_up{};  // a marker, never a table entry
  std::vector<const NameInfo*> looked_up;

  struct Hit {
    const NameInfo* info = nullptr;
    std::size_t next = 0;
  };

  // The longest name starting at token i that satisfies `want`. Words of a
  // name may be separated by spaces, '-', '.', '\'' or nothing; a name may
  // contain a one- or two-digit number ("كانون 2").
  template <class Want>
  Hit name_at(std::size_t i, Want want) {
    Hit best;
    if (!is_word(i)) return best;
    const NameInfo* first = word_info(i);
    if (!first) return best;
    scratch.assign(s.key(t[i]));
    std::size_t j = i + 1;
    for (std::size_t words = 1;; ++words) {
      const NameInfo* info = words == 1 ? first : names.find(scratch);
      if (!info) break;
      if (want(*info)) {
        best.info = info;
        best.next = j;
      }
      if (!(info->markers & kPrefix) || words >= names.longest_words) break;
      // Next word of the name.
      std::size_t k = j;
      if (k < n() && t[k].kind == Tok::punct &&
          (t[k].ch == '-' || t[k].ch == '.' || t[k].ch == '\'')) {
        ++k;
      }
      if (k >= n()) break;
      if (t[k].kind == Tok::word) {
        scratch += ' ';
        scratch.append(s.key(t[k]));
      } else if (t[k].kind == Tok::num && t[k].digits <= 2) {
        scratch += ' ';
        scratch += std::to_string(t[k].value);
      } else {
        break;
      }
      j = k + 1;
    }
    return best;
  }

  Hit marker_at(std::size_t i, std::uint32_t flags) {
    return name_at(i, [&](const NameInfo& info) { return (info.markers & flags) != 0; });
  }

  struct MonthHit {
    std::vector<MonthEntry> months;  // allowed by the language mask
    LangSet languages;
    std::size_t next = 0;
  };

  static bool joins_numbers(char c) {
    return c == '/' || c == '-' || c == '.' || c == ':' || c == ',' || c == '+';
  }

  struct Time {
    std::int32_t seconds = 0;
    std::optional<std::int32_t> offset;
    std::string_view zone_id;  // a named zone: the offset depends on the date
    std::size_t next = 0;
  };

  // ---- parser.cpp: the driver, and what every form asks of the tokens --------

  bool weekday_at(std::size_t i, int& weekday, LangSet& languages, std::size_t& next);
  bool weekday_fits(const LangSet& weekday_languages, const Reading& r) const;
  bool clean_start(std::size_t i) const;
  bool clean_end(std::size_t i) const;
  int era_at(std::size_t& i);
  bool gregorian_year_ok(int y, bool numeric) const;
  void add_reading(Reading& r, CalendarKind cal, int y, int m, int d);
  bool date_at(std::size_t i, Reading& best);
  bool core_at(std::size_t i, Reading& out);
  bool same_day(Reading& r);
  bool year_only(std::size_t i, Reading& r);

  // ---- time_of_day.cpp: times, UTC offsets and zones -------------------------

  bool offset_at(std::size_t i, std::int32_t& minutes, std::size_t& next);
  bool zone_like(std::size_t i) const;
  bool iana_zone_at(std::size_t i, std::string_view& id, std::size_t& next) const;
  bool zone_area_at(std::size_t i, std::size_t& next) const;
  bool paren_zone_name_at(std::size_t i, std::size_t& next);
  bool zone_at(std::size_t i, Time& out, std::size_t& next, bool in_paren = false);
  bool time_at(std::size_t i, Time& out, bool dotted);
  bool trailing_time(std::size_t i, Time& out);
  bool time_like_tail(std::size_t i);
  void take_time(Reading& r, const Time& tm);

  // ---- relative.cpp: dates relative to the reference -------------------------

  bool relative_at(std::size_t i, Relative& out);
  bool relative(std::size_t i, Reading& r);  // parser.cpp: resolves against the reference

  // ---- numeric_forms.cpp: all-numeric dates and ISO week dates ---------------

  int numeric_calendars(int year, int era, std::size_t year_tok, CalendarKind (&out)[2]) const;
  int expand_two_digit_year(int yy) const;
  bool numeric(std::size_t i, Reading& r);
  bool iso_week(std::size_t i, Reading& r);
  bool cjk(std::size_t i, Reading& r);  // 2021年9月15日, 2021년 9월 15일

  // ---- named_forms.cpp: dates with a month name (DMY, MDY, YMD) ---------------

  bool month_at(std::size_t i, MonthHit& out);
  bool buddhist_era(const LangSet& languages) const;
  bool day_at(std::size_t i, int& day, std::size_t& next, bool allow_dot);
  bool year_at(std::size_t i, int& year, int& era, std::size_t& next);
  bool hyphen_year_at(std::size_t i, int& year, int& era, std::size_t& next);
  bool joining_hyphen(std::size_t k) const;
  bool named_reading(Reading& r, std::size_t first, std::size_t end, const MonthHit& mh,
                     int year, int era, int day);
  void skip_of(std::size_t& k);
  void name_readings(Reading& r, const MonthHit& mh, int year, int era, int month_day);
  void yearless_readings(Reading& r, const MonthHit& mh, int day);
  bool dmy(std::size_t i, Reading& r);
  bool mdy(std::size_t i, Reading& r, Time* asctime);
  bool ymd(std::size_t i, Reading& r);
  bool month_year(std::size_t i, Reading& r);  // partial: "August 2021"
};

// match.cpp: the DateMatch of a valid reading of the tokens of `text`.
DateMatch to_match(const Reading& r, const Scan& scan, std::string_view text);

}  // namespace digest::dates_detail
