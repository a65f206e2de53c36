// Times of day after a date, with their UTC offsets and zones: 10:05,
// 10:05:30.25, 10h05, 10 Uhr, 10:05 p.m., T10:05Z, +04:30, GMT+3, (UTC).
// Apart from the forms because every form may end with one, and because
// a time is its own small grammar (see docs/dates.md).
#include "dates/grammar.hpp"

namespace digest::dates_detail {

// "+04:30", "+0430", "-05", "+3" after a zone word or a time.
bool Parser::offset_at(std::size_t i, std::int32_t& minutes, std::size_t& next) {
  if (!(is_punct(i, '+') || is_punct(i, '-')) || !is_num(i + 1) || !attached(i + 1))
    return false;
  int sign = t[i].ch == '-' ? -1 : 1;
  const Tok& a = t[i + 1];
  int h, m = 0;
  std::size_t k = i + 2;
  if (a.digits == 4) {
    h = a.value / 100;
    m = a.value % 100;
  } else if (a.digits <= 2) {
    h = a.value;
    if (is_punct(k, ':') && attached(k) && is_num(k + 1) && attached(k + 1) &&
        t[k + 1].digits == 2) {
      m = t[k + 1].value;
      k += 2;
    }
  } else {
    return false;
  }
  if (h > 14 || m > 59) return false;
  minutes = sign * (h * 60 + m);
  next = k;
  return true;
}

bool Parser::zone_at(std::size_t i, std::int32_t& minutes, std::size_t& next, bool in_paren) {
  if (offset_at(i, minutes, next)) return true;
  Hit h = marker_at(i, kZone);
  if (h.info) {
    minutes = h.info->zone_minutes;
    next = h.next;
    std::int32_t extra;
    std::size_t after;
    if (offset_at(next, extra, after)) {  // "GMT+3", "UTC+04:30"
      minutes += extra;
      next = after;
    }
    return true;
  }
  // "(UTC)" and "(GMT+3)"
  if (!in_paren && is_punct(i, '(')) {
    std::size_t k;
    if (zone_at(i + 1, minutes, k, true) && is_punct(k, ')')) {
      next = k + 1;
      return true;
    }
  }
  return false;
}

bool Parser::time_at(std::size_t i, Time& out) {
  if (!is_num(i) || t[i].digits > 2) return false;
  int hour = t[i].value, minute = 0, second = 0;
  std::size_t k = i + 1;
  bool has_minutes = false;
  if (is_punct(k, ':') && attached(k) && is_num(k + 1) && attached(k + 1) &&
      t[k + 1].digits == 2) {
    minute = t[k + 1].value;
    k += 2;
    has_minutes = true;
    if (is_punct(k, ':') && attached(k) && is_num(k + 1) && attached(k + 1) &&
        t[k + 1].digits == 2) {
      second = t[k + 1].value;
      k += 2;
      // Fractions are dropped.
      if ((is_punct(k, '.') || is_punct(k, ',')) && attached(k) && is_num(k + 1) &&
          attached(k + 1)) {
        k += 2;
      }
    }
  } else {
    // 10h05, 10h, "10 Uhr"
    Hit h = marker_at(k, kTimeSuffix);
    if (h.info) {
      k = h.next;
      has_minutes = true;
      if (is_num(k) && attached(k) && t[k].digits == 2) {
        minute = t[k].value;
        ++k;
      }
    }
  }
  // am / pm
  Hit ampm = marker_at(k, kAm | kPm);
  bool pm = false, am = false;
  if (ampm.info) {
    pm = (ampm.info->markers & kPm) != 0;
    am = !pm;
    k = ampm.next;
    if (is_punct(k, '.') && attached(k)) ++k;
  }
  if (!has_minutes && !am && !pm) return false;
  if (am || pm) {
    if (hour < 1 || hour > 12) return false;
    if (pm && hour != 12) hour += 12;
    if (am && hour == 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (second == 60) second = 59;  // a leap second, kept within the day
  // "10:05 Uhr" after minutes
  Hit suffix = marker_at(k, kTimeSuffix);
  if (suffix.info && has_minutes && !ampm.info) k = suffix.next;
  out.seconds = hour * 3600 + minute * 60 + second;
  out.offset.reset();
  std::int32_t minutes;
  std::size_t after;
  if (zone_at(k, minutes, after)) {
    out.offset = minutes;
    k = after;
  }
  out.next = k;
  return true;
}

// A time after a date at token i: "T10:05Z", " 10:05", ", 10:05 a.m.",
// " at 10:05", " - 10:05", " um 10:05 Uhr".
bool Parser::trailing_time(std::size_t i, Time& out) {
  std::size_t k = i;
  if (is_word(k) && attached(k) && s.key(t[k]) == "t") {
    return time_at(k + 1, out) && attached(k + 1);
  }
  if (is_punct(k, ',') || is_punct(k, '-') || is_punct(k, '~') || is_punct(k, '|') ||
      is_punct(k, '@')) {
    ++k;
  }
  Hit w = marker_at(k, kTimeWord);
  if (w.info) k = w.next;
  return time_at(k, out);
}

}  // namespace digest::dates_detail
