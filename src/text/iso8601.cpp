#include "text/iso8601.hpp"

namespace digest::detail {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t len, int& out) noexcept {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    char c = s[i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

IsoReading fail(std::size_t offset, const char* why) noexcept {
  IsoReading r;
  r.error_offset = offset;
  r.error = why;
  return r;
}

}  // namespace

IsoReading read_iso8601(std::string_view s) noexcept {
  IsoTimestamp t;
  if (!digits(s, 0, 4, t.year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, t.month) ||
      s[7] != '-' || !digits(s, 8, 2, t.day))
    return fail(0, "expected YYYY-MM-DD");
  if (t.year < 1) return fail(0, "year out of range");
  if (t.month < 1 || t.month > 12) return fail(5, "month out of range");
  if (t.day < 1 || t.day > days_in_month(t.year, t.month)) return fail(8, "impossible date");
  std::size_t i = 10;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return fail(i, "expected 'T'");
    int hh, mm, ss = 0;
    if (!digits(s, i + 1, 2, hh) || i + 3 >= s.size() || s[i + 3] != ':' ||
        !digits(s, i + 4, 2, mm))
      return fail(i + 1, "expected hh:mm");
    const std::size_t time_at = i + 1;
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (!digits(s, i + 1, 2, ss)) return fail(i + 1, "expected seconds");
      i += 3;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        std::size_t j = i + 1;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        if (j == i + 1) return fail(i, "expected fraction digits");
        i = j;
      }
    }
    if (hh > 23 || mm > 59 || ss > 60) return fail(time_at, "time out of range");
    if (ss == 60) ss = 59;  // a leap second is filed under the second before it
    t.seconds = hh * 3600 + mm * 60 + ss;
    if (i < s.size()) {
      if (s[i] == 'Z' || s[i] == 'z') {
        t.utc_offset_minutes = 0;
        ++i;
      } else if (s[i] == '+' || s[i] == '-') {
        int oh, om = 0;
        if (!digits(s, i + 1, 2, oh)) return fail(i, "expected UTC offset");
        std::size_t j = i + 3;
        if (j < s.size()) {
          if (s[j] == ':') ++j;
          if (!digits(s, j, 2, om)) return fail(j, "expected offset minutes");
          j += 2;
        }
        if (oh > 18 || om > 59 || oh * 60 + om > 18 * 60)
          return fail(i, "UTC offset out of range");
        t.utc_offset_minutes = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
        i = j;
      }
    }
  }
  if (i != s.size()) return fail(i, "unexpected trailing text");
  IsoReading r;
  r.value = t;
  return r;
}

}  // namespace digest::detail
