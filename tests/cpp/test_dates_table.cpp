// Dates: the newsroom table (tests/data/dates/newsroom.tsv), one row per case:
// times before and after the date, zones (fixed, generic US, IANA), numeric
// years of the Solar Hijri and Hijri calendars, year-less, relative and
// partial dates, unusual written forms, and texts that must stay no date.
// The columns and the meaning of `expected` and `flags` are described at the
// top of the table. Public API only.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "digest/dates.hpp"

using namespace digest;

namespace {

constexpr const char* kTablePath = DIGEST_TEST_DATA "/dates/newsroom.tsv";
constexpr const char* kHeader = "family\tlanguages\treference\toptions\ttext\texpected\tflags";

const std::vector<std::string> kFamilies = {"time_after", "time_before", "zone",
                                            "calendar",   "yearless",    "forms",
                                            "relative",   "partial",     "negative"};
const std::vector<std::string> kLanguages = {"en", "fr", "de", "es", "it", "pt", "nl",
                                             "sv", "sq", "tr", "ru", "fa", "ar", "ur"};

struct Row {
  int line = 0;
  std::string family, languages, reference, options, text, expected, flags;
};

struct Table {
  bool opened = false;
  std::vector<Row> rows;
  std::vector<std::string> errors;  // malformed lines, reported by the coverage test
};

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    parts.emplace_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

// "-" is an empty list.
std::vector<std::string> list(const std::string& field) {
  if (field == "-") return {};
  return split(field, ',');
}

const Table& table() {
  static const Table loaded = [] {
    Table t;
    std::ifstream in(kTablePath, std::ios::binary);
    if (!in) return t;
    t.opened = true;
    std::string line;
    int number = 0;
    bool header_seen = false;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      if (!header_seen) {
        header_seen = true;
        if (line != kHeader)
          t.errors.push_back("newsroom.tsv:" + std::to_string(number) + ": bad header: " + line);
        continue;
      }
      auto cols = split(line, '\t');
      if (cols.size() != 7) {
        t.errors.push_back("newsroom.tsv:" + std::to_string(number) + ": " +
                           std::to_string(cols.size()) + " columns, 7 expected: " + line);
        continue;
      }
      t.rows.push_back(Row{number, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]});
    }
    if (!header_seen) t.errors.push_back("newsroom.tsv: no header line");
    return t;
  }();
  return loaded;
}

// ---- reading the columns ------------------------------------------------------------

// Exactly `digits` ASCII digits.
bool read_number(std::string_view s, std::size_t digits, int& out) {
  if (s.size() != digits) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

std::optional<Date> read_date(std::string_view s) {  // YYYY-MM-DD
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_number(s.substr(0, 4), 4, y) || !read_number(s.substr(5, 2), 2, m) ||
      !read_number(s.substr(8, 2), 2, d))
    return std::nullopt;
  try {
    return Date(y, m, d);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<int> read_clock(std::string_view s) {  // HH:MM -> minutes
  int h = 0, m = 0;
  if (s.size() != 5 || s[2] != ':' || !read_number(s.substr(0, 2), 2, h) ||
      !read_number(s.substr(3, 2), 2, m) || h > 23 || m > 59)
    return std::nullopt;
  return h * 60 + m;
}

struct Expected {
  enum class Kind { none, ambiguous, value } kind = Kind::none;
  DatePrecision precision = DatePrecision::day;
  Date date = Date(1970, 1, 1);
  std::optional<int> minutes;         // time of day
  std::optional<int> offset_minutes;  // UTC offset
};

std::optional<Expected> read_expected(const std::string& s) {
  Expected e;
  if (s == "none") return e;
  if (s == "ambiguous") {
    e.kind = Expected::Kind::ambiguous;
    return e;
  }
  e.kind = Expected::Kind::value;
  std::string_view v = s;
  if (v.rfind("month:", 0) == 0) {
    v.remove_prefix(6);
    e.precision = DatePrecision::month;
    auto d = read_date(v.size() == 7 ? std::string(v) + "-01" : std::string(v));
    if (!d) return std::nullopt;
    e.date = *d;
    return e;
  }
  if (v.rfind("year:", 0) == 0) {
    v.remove_prefix(5);
    e.precision = DatePrecision::year;
    auto d = v.size() == 4 ? read_date(std::string(v) + "-01-01") : std::nullopt;
    if (!d) return std::nullopt;
    e.date = *d;
    return e;
  }
  auto d = read_date(v.substr(0, 10));
  if (!d) return std::nullopt;
  e.date = *d;
  if (v.size() == 10) return e;
  if (v[10] != 'T' || v.size() < 16) return std::nullopt;
  e.minutes = read_clock(v.substr(11, 5));
  if (!e.minutes) return std::nullopt;
  if (v.size() == 16) return e;
  if (v.size() != 22 || (v[16] != '+' && v[16] != '-')) return std::nullopt;
  auto off = read_clock(v.substr(17, 5));
  if (!off) return std::nullopt;
  e.offset_minutes = v[16] == '-' ? -*off : *off;
  return e;
}

struct Flags {
  bool unread = false, read = false, relative = false, named_zone = false,
       weekday_mismatch = false;
};

std::optional<Flags> read_flags(const std::string& s) {
  Flags f;
  for (const auto& flag : list(s)) {
    if (flag == "unread") f.unread = true;
    else if (flag == "read") f.read = true;
    else if (flag == "relative") f.relative = true;
    else if (flag == "named_zone") f.named_zone = true;
    else if (flag == "weekday_mismatch") f.weekday_mismatch = true;
    else return std::nullopt;
  }
  if (f.unread && f.read) return std::nullopt;
  return f;
}

// The row's parser options; nullopt (and `error`) when a column is malformed.
std::optional<DateParseOptions> read_options(const Row& row, std::string& error) {
  DateParseOptions opt;
  opt.languages = list(row.languages);
  if (row.reference != "-") {
    std::string_view r = row.reference;
    auto d = read_date(r.substr(0, 10));
    if (!d || (r.size() != 10 && (r.size() != 16 || r[10] != 'T'))) {
      error = "bad reference '" + row.reference + "'";
      return std::nullopt;
    }
    opt.reference = *d;
    if (r.size() == 16) {
      auto minutes = read_clock(r.substr(11, 5));
      if (!minutes) {
        error = "bad reference time '" + row.reference + "'";
        return std::nullopt;
      }
      opt.reference_seconds = static_cast<std::int32_t>(*minutes * 60);
    }
  }
  int orders = 0;
  for (const auto& o : list(row.options)) {
    if (o == "partial") {
      opt.allow_partial = true;
    } else if (o == "nearest") {
      opt.yearless = YearlessRule::nearest;
    } else if (o == "dmy" || o == "mdy" || o == "ymd") {
      opt.order = o == "dmy" ? DateOrder::dmy : o == "mdy" ? DateOrder::mdy : DateOrder::ymd;
      ++orders;
    } else {
      error = "unknown option '" + o + "'";
      return std::nullopt;
    }
  }
  if (orders > 1) {
    error = "more than one order in '" + row.options + "'";
    return std::nullopt;
  }
  return opt;
}

// ---- reporting --------------------------------------------------------------------

const char* precision_text(DatePrecision p) {
  switch (p) {
    case DatePrecision::day: return "day";
    case DatePrecision::month: return "month";
    case DatePrecision::year: return "year";
  }
  return "?";
}

std::string describe(const std::optional<DateMatch>& m) {
  if (!m) return "no match";
  std::string s = m->value ? m->value->to_iso() : std::string("(no value)");
  if (m->ambiguous) s += " ambiguous(" + std::to_string(m->readings.size()) + " readings)";
  if (m->precision != DatePrecision::day)
    s += std::string(" precision=") + precision_text(m->precision);
  if (m->time_unread) s += " time_unread";
  if (m->zone_named) s += " zone_named";
  if (m->relative) s += " relative";
  if (m->weekday_mismatch) s += " weekday_mismatch";
  return s;
}

std::string show(const std::optional<DateTime>& dt) { return dt ? dt->to_iso() : "(none)"; }

std::string iso(Date d) { return DateTime(d).date_iso(); }

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : "; ") + p;
  return s;
}

// What is wrong with the parser's answer to one row; empty when it is right.
std::vector<std::string> check_row(const DateParser& parser, const Row& row, const Expected& exp,
                                   const Flags& flags, std::optional<DateMatch>& got) {
  std::vector<std::string> problems;
  got = parser.parse_detailed(row.text);
  switch (exp.kind) {
    case Expected::Kind::none: {
      if (got && got->value) problems.push_back("a date where none was expected");
      auto whole = parser.parse(row.text);
      if (whole) problems.push_back("parse() gave " + whole->to_iso());
      return problems;
    }
    case Expected::Kind::ambiguous: {
      if (!got) problems.push_back("no match");
      else if (!got->ambiguous) problems.push_back("not ambiguous");
      else if (got->value) problems.push_back("ambiguous but with a value");
      auto whole = parser.parse(row.text);  // an ambiguous reading is no date for parse()
      if (whole) problems.push_back("parse() gave " + whole->to_iso());
      return problems;
    }
    case Expected::Kind::value:
      break;
  }
  if (!got || !got->value) {
    problems.push_back("no date");
    return problems;
  }
  const DateTime& v = *got->value;
  if (got->ambiguous) problems.push_back("ambiguous");
  if (v.date != exp.date) problems.push_back("date " + v.date_iso() + " != " + iso(exp.date));
  if (got->precision != exp.precision)
    problems.push_back(std::string("precision ") + precision_text(got->precision) +
                       " != " + precision_text(exp.precision));
  if (exp.minutes) {
    if (!v.seconds) problems.push_back("no time of day");
    else if (*v.seconds / 60 != *exp.minutes)
      problems.push_back("time " + std::to_string(*v.seconds / 60) + " min != " +
                         std::to_string(*exp.minutes) + " min");
  }
  if (exp.offset_minutes) {
    if (!v.utc_offset_minutes) problems.push_back("no UTC offset");
    else if (*v.utc_offset_minutes != *exp.offset_minutes)
      problems.push_back("offset " + std::to_string(*v.utc_offset_minutes) + " min != " +
                         std::to_string(*exp.offset_minutes) + " min");
  }
  if (flags.unread && !got->time_unread) problems.push_back("time_unread not set");
  if (flags.read && got->time_unread) problems.push_back("time_unread set");
  if (got->relative != flags.relative)
    problems.push_back(flags.relative ? "relative not set" : "relative set");
  if (got->zone_named != flags.named_zone)
    problems.push_back(flags.named_zone ? "zone_named not set" : "zone_named set");
  if (got->weekday_mismatch != flags.weekday_mismatch)
    problems.push_back(flags.weekday_mismatch ? "weekday_mismatch not set"
                                              : "weekday_mismatch set");
  // A full date: parse() must give what parse_detailed gave.
  if (exp.precision == DatePrecision::day) {
    auto whole = parser.parse(row.text);
    if (!whole || !(*whole == v))
      problems.push_back("parse() gave " + show(whole) + ", parse_detailed " + v.to_iso());
  }
  return problems;
}

}  // namespace

TEST(DatesTable, Newsroom) {
  const Table& t = table();
  ASSERT_TRUE(t.opened) << "cannot open " << kTablePath;
  int checked = 0;
  for (const Row& row : t.rows) {
    auto where = [&] {
      return "newsroom.tsv:" + std::to_string(row.line) + " [" + row.family + "] " + row.text;
    };
    std::string error;
    auto opt = read_options(row, error);
    auto exp = read_expected(row.expected);
    auto flags = read_flags(row.flags);
    if (!opt || !exp || !flags) {
      ADD_FAILURE() << where() << ": malformed row: "
                    << (!opt ? error
                             : !exp ? "bad expected '" + row.expected + "'"
                                    : "bad flags '" + row.flags + "'");
      continue;
    }
    std::optional<DateMatch> got;
    std::vector<std::string> problems;
    try {
      problems = check_row(DateParser(*opt), row, *exp, *flags, got);
    } catch (const std::exception& e) {
      problems.push_back(std::string("threw: ") + e.what());
    }
    ++checked;
    if (!problems.empty())
      ADD_FAILURE() << where() << ": expected " << row.expected << " flags " << row.flags
                    << " got " << describe(got) << " (" << join(problems) << ")";
  }
  EXPECT_EQ(checked, static_cast<int>(t.rows.size()));
}

TEST(DatesTable, NewsroomCoverage) {
  const Table& t = table();
  ASSERT_TRUE(t.opened) << "cannot open " << kTablePath;
  for (const auto& e : t.errors) ADD_FAILURE() << e;
  EXPECT_GE(t.rows.size(), 500u);

  std::map<std::string, int> per_family;
  std::set<std::string> positive_languages;
  for (const Row& row : t.rows) {
    ++per_family[row.family];
    if (std::find(kFamilies.begin(), kFamilies.end(), row.family) == kFamilies.end())
      ADD_FAILURE() << "newsroom.tsv:" << row.line << ": unknown family '" << row.family << "'";
    if (row.family == "negative" && row.expected != "none")
      ADD_FAILURE() << "newsroom.tsv:" << row.line << ": a negative row must expect none";
    if (row.expected == "none" || row.expected == "ambiguous") continue;
    for (const auto& tag : list(row.languages))
      positive_languages.insert(tag.substr(0, tag.find('-')));
  }
  EXPECT_GE(per_family["negative"], 60);
  for (const auto& family : kFamilies)
    EXPECT_GT(per_family[family], 0) << "no rows for family " << family;
  for (const auto& lang : kLanguages)
    EXPECT_TRUE(positive_languages.count(lang)) << "no positive row names language " << lang;
}
