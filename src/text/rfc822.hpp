// The one RFC 822 / RFC 2822 date reader, as feeds write it (RSS pubDate,
// JSON Feeds made by RSS tools): "Tue, 03 Jun 2025 09:39:21 GMT". Liberal
// where real feeds are: the weekday may be missing, wrong or written in
// full; months and weekdays in any case and spelled in full; seconds
// optional; a two-digit year is read as RFC 2822 says (00-49 → 20xx,
// 50-99 → 19xx); the zone may be an offset (+0330, +03:30), a named zone
// (GMT, UT, EST, BST, CET, IRST, …) or missing (then the time has no zone).
// Calendar checks are exact. Reuses IsoTimestamp so callers get one shape.
#pragma once

#include <string_view>

#include "text/iso8601.hpp"

namespace digest::detail {

struct Rfc822Reading {
  IsoReading reading;
  bool zone_unknown = false;  // a zone name that is not in the table: no offset
  bool repaired = false;      // read with a liberty the RFC does not grant
};

Rfc822Reading read_rfc822(std::string_view text) noexcept;

}  // namespace digest::detail
