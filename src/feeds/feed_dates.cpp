// Dates as feeds write them (see feed_items.hpp): the ISO 8601 and RFC 822
// readers of the text floor first, then the multilingual date parser for
// the rest ("3 juin 2025 09:39", "۱۴ خرداد ۱۴۰۴").
#include <string>

#include "digest/dates.hpp"
#include "feeds/feed_items.hpp"
#include "text/iso8601.hpp"
#include "text/rfc822.hpp"
#include "text/trim.hpp"

namespace digest::feed_detail {

namespace {

std::optional<DateTime> from_timestamp(const detail::IsoTimestamp& t) {
  if (t.year < 1400 || t.year > 9999) return std::nullopt;  // boost::gregorian's range
  DateTime d(Date(static_cast<unsigned short>(t.year), static_cast<unsigned short>(t.month),
                  static_cast<unsigned short>(t.day)));
  d.seconds = t.seconds;
  if (t.seconds) d.utc_offset_minutes = t.utc_offset_minutes;
  return d;
}

}  // namespace

std::optional<DateTime> read_feed_date(std::string_view text, bool rfc822_is_native,
                                       bool* repaired) {
  if (repaired) *repaired = false;
  text = detail::trim(text);
  if (text.empty()) return std::nullopt;
  // The ISO reader itself, not DateTime::from_iso: a miss here is the common
  // case for RSS and must not build an error message.
  detail::IsoReading iso = detail::read_iso8601(text);
  if (iso.value) return from_timestamp(*iso.value);
  detail::Rfc822Reading rfc = detail::read_rfc822(text);
  if (rfc.reading.value) {
    if (auto d = from_timestamp(*rfc.reading.value)) {
      if (repaired) *repaired = !rfc822_is_native || rfc.repaired || rfc.zone_unknown;
      return d;
    }
  }
  // Anything else the date parser reads, in any language; never a guess
  // at a year it does not see.
  if (text.size() <= 200) {
    if (auto d = parse_datetime(text)) {
      if (repaired) *repaired = true;
      return d;
    }
  }
  return std::nullopt;
}

}  // namespace digest::feed_detail
