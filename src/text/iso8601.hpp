// The one ISO 8601 reader: "YYYY-MM-DD", optionally followed by "T" (or "t"
// or a space) and "hh:mm[:ss[.fraction]]", optionally followed by "Z"/"z" or
// an offset "±hh", "±hh:mm" or "±hhmm". Nothing before or after. Fractions
// are dropped; a leap second (ss = 60) is read as 59. Calendar checks are
// exact (month lengths, leap years); years run 0001–9999 and offsets up to
// ±18:00. The model and the date parser both read through this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace digest::detail {

struct IsoTimestamp {
  int year = 0, month = 0, day = 0;
  std::optional<std::int32_t> seconds;             // since midnight
  std::optional<std::int32_t> utc_offset_minutes;  // east of UTC
};

struct IsoReading {
  std::optional<IsoTimestamp> value;  // set on success
  std::size_t error_offset = 0;       // where reading stopped, on failure
  const char* error = "";             // why, on failure
};

IsoReading read_iso8601(std::string_view text) noexcept;

constexpr bool is_leap_year(int y) noexcept {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
constexpr int days_in_month(int y, int m) noexcept {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

}  // namespace digest::detail
