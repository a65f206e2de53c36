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

// A word of 2-5 capital ASCII letters as written: what an unknown zone
// abbreviation looks like ("XYZT"). Read as "a zone we could not read".
bool Parser::zone_like(std::size_t i) const {
  if (!is_word(i)) return false;
  std::string_view w = s.text.substr(t[i].begin, t[i].end - t[i].begin);
  if (w.size() < 2 || w.size() > 5) return false;
  for (char c : w) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// "Asia/Tehran", "America/New_York", "America/Argentina/Buenos_Aires":
// words joined by '/', '_' and '-' with nothing between, that ICU knows.
bool Parser::iana_zone_at(std::size_t i, std::string_view& id, std::size_t& next) const {
  if (!is_word(i) || !is_punct(i + 1, '/') || !attached(i + 1) || !is_word(i + 2) ||
      !attached(i + 2))
    return false;
  std::size_t k = i + 3;
  while (k + 1 < n() && attached(k) && attached(k + 1) && t[k + 1].kind == Tok::word &&
         (is_punct(k, '/') || is_punct(k, '_') || is_punct(k, '-'))) {
    k += 2;
  }
  std::string_view span = s.text.substr(t[i].begin, t[k - 1].end - t[i].begin);
  if (!known_zone(span)) return false;
  id = span;
  next = k;
  return true;
}

// "Europe/Atlantis": shaped like an IANA name in one of its areas, but not
// one ICU knows. Read as a zone we could not read.
bool Parser::zone_area_at(std::size_t i, std::size_t& next) const {
  if (!is_word(i) || !is_punct(i + 1, '/') || !attached(i + 1) || !is_word(i + 2) ||
      !attached(i + 2))
    return false;
  static constexpr std::string_view kAreas[] = {"africa", "america", "antarctica", "asia",
                                                "atlantic", "australia", "europe", "indian",
                                                "pacific", "etc"};
  std::string_view area = s.key(t[i]);
  for (std::string_view a : kAreas) {
    if (a == area) {
      next = i + 3;
      return true;
    }
  }
  return false;
}

bool Parser::zone_at(std::size_t i, Time& out, std::size_t& next, bool in_paren) {
  std::int32_t minutes;
  if (offset_at(i, minutes, next)) {
    out.offset = minutes;
    return true;
  }
  std::string_view id;
  if (iana_zone_at(i, id, next)) {
    out.zone_id = id;
    out.offset.reset();
    return true;
  }
  Hit h = marker_at(i, kZone);
  if (h.info && h.info->zone_upper && !zone_like(i)) h.info = nullptr;  // "et", "ist"
  if (h.info) {
    next = h.next;
    if (h.info->zone_id) {
      out.zone_id = h.info->zone_id;
      out.offset.reset();
      return true;
    }
    minutes = h.info->zone_minutes;
    // AST in Arabic dates is Arabia Standard Time, not Atlantic.
    constexpr std::uint32_t en = 1u, ar = 1u << 12;
    if (s.key(t[i]) == "ast" && !detecting && (langs & ar) && !(langs & en)) minutes = 180;
    std::int32_t extra;
    std::size_t after;
    if (offset_at(next, extra, after)) {  // "GMT+3", "UTC+04:30"
      minutes += extra;
      next = after;
    }
    out.offset = minutes;
    return true;
  }
  // "(UTC)", "(GMT+3)", "(Asia/Tehran)"
  if (!in_paren && is_punct(i, '(')) {
    std::size_t k;
    if (zone_at(i + 1, out, k, true) && is_punct(k, ')')) {
      next = k + 1;
      return true;
    }
  }
  return false;
}

// Two-digit minutes after the hour: attached after ':' (or '.' when
// `dotted`), or after "h" ("19h21", "19 h 21 min"), or after "و"
// ("11 و 01 دقیقه").
bool Parser::time_at(std::size_t i, Time& out, bool dotted) {
  if (!is_num(i) || t[i].digits > 2) {
    // "noon", "midnight" on their own.
    Hit w = marker_at(i, kNoon | kMidnight);
    if (!w.info) return false;
    out.seconds = (w.info->markers & kNoon) ? 12 * 3600 : 0;
    out.offset.reset();
    out.zone_id = {};
    out.next = w.next;
    return true;
  }
  int hour = t[i].value, minute = 0, second = 0;
  std::size_t k = i + 1;
  bool has_minutes = false;
  bool by_dot = false;
  auto two_digits = [&](std::size_t x) { return is_num(x) && t[x].digits == 2; };
  if ((is_punct(k, ':') || (dotted && is_punct(k, '.'))) && attached(k) && two_digits(k + 1) &&
      attached(k + 1)) {
    by_dot = t[k].ch == '.';
    minute = t[k + 1].value;
    k += 2;
    has_minutes = true;
    if (is_punct(k, t[k - 2].ch) && attached(k) && two_digits(k + 1) && attached(k + 1)) {
      second = t[k + 1].value;
      k += 2;
      // Fractions are dropped.
      if (!by_dot && (is_punct(k, '.') || is_punct(k, ',')) && attached(k) && is_num(k + 1) &&
          attached(k + 1)) {
        k += 2;
      }
    }
  } else {
    // 10h05, 10h, "10 Uhr", "19 h 21 min"
    Hit h = marker_at(k, kTimeSuffix);
    if (h.info) {
      k = h.next;
      has_minutes = true;
      // "19h21", and "8 h 05" where the h stands apart.
      if (two_digits(k) && (attached(k) || !attached(k - 1))) {
        minute = t[k].value;
        ++k;
      } else if (is_num(k) && t[k].digits <= 2 && marker_at(k + 1, kMinuteWord).info) {
        minute = t[k].value;
        ++k;
      }
    } else if (Hit a = marker_at(k, kAnd); a.info && is_num(a.next) && t[a.next].digits <= 2 &&
                                             marker_at(a.next + 1, kMinuteWord).info) {
      minute = t[a.next].value;  // "11 و 01 دقیقه"
      k = a.next + 1;
      has_minutes = true;
    }
    if (has_minutes) {
      Hit mw = marker_at(k, kMinuteWord);
      if (mw.info) k = mw.next;
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
  // A dotted time must end like a time, not like a decimal ("10.50 million").
  if (by_dot && k < n() && (t[k].kind == Tok::num ||
                            (t[k].kind == Tok::word && !zone_like(k) &&
                             !marker_at(k, kZone | kTimeVocabulary | kAm | kPm).info))) {
    return false;
  }
  out.seconds = hour * 3600 + minute * 60 + second;
  out.offset.reset();
  out.zone_id = {};
  std::size_t after;
  if (zone_at(k, out, after)) {
    k = after;
    // "+0100 (CET)", "GMT+0000 (Coordinated Universal Time)": the zone's
    // name after its offset says nothing more; the offset stands.
    Time named;
    if (is_punct(k, '(') && zone_at(k, named, after)) {
      k = after;
    } else if (paren_zone_name_at(k, after)) {
      k = after;
    }
  }
  out.next = k;
  return true;
}

// "(Coordinated Universal Time)", "(Mitteleuropäische Sommerzeit)": a zone
// written out in parentheses, up to six words ending with a word of time.
bool Parser::paren_zone_name_at(std::size_t i, std::size_t& next) {
  if (!is_punct(i, '(')) return false;
  std::size_t k = i + 1;
  while (k < n() && k < i + 8 && is_word(k)) ++k;
  if (k == i + 1 || !is_punct(k, ')')) return false;
  const NameInfo* last = names.find(s.key(t[k - 1]));
  if (!last || !(last->markers & kTimeVocabulary)) return false;
  next = k + 1;
  return true;
}

// A time after a date at token i: "T10:05Z", " 10:05", ", 10:05 a.m.",
// " at 10:05", " - 10:05", " um 10:05 Uhr", ". 15.15 Uhr", " at noon".
bool Parser::trailing_time(std::size_t i, Time& out) {
  std::size_t k = i;
  if (is_word(k) && attached(k) && s.key(t[k]) == "t") {
    return time_at(k + 1, out, false) && attached(k + 1);
  }
  if (is_punct(k, '.') && attached(k)) ++k;  // "2015 г. в 13:34"
  if (is_punct(k, ',') || is_punct(k, '-') || is_punct(k, '~') || is_punct(k, '|') ||
      is_punct(k, '@')) {
    ++k;
  }
  Hit w = marker_at(k, kTimeWord);
  if (w.info) {
    k = w.next;
    if (is_punct(k, '.') && attached(k)) ++k;  // "kl. 10.05"
  }
  return time_at(k, out, true);
}

}  // namespace digest::dates_detail
