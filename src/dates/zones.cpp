// Time zones a date may carry: the abbreviations newsrooms write, and IANA
// names read through ICU. Apart from the times (time_of_day.cpp) because
// it is a table and ICU's time zones, not grammar.
//
// Ambiguous abbreviations get one documented reading (docs/dates.md): IST is
// India (+05:30), not Ireland or Israel; CST is US Central, not China; BST
// is British Summer Time, not Bangladesh; AST is Atlantic (-04:00) except
// that Arabic dates read it as Arabia Standard Time (+03:00), see
// time_of_day.cpp. The generic US names (ET, CT, MT, PT) and the IANA
// names take their offset at the date, daylight saving included.
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>

#include "dates/internal.hpp"

namespace digest::dates_detail {

const std::vector<ZoneAbbreviation>& zone_abbreviations() {
  static const std::vector<ZoneAbbreviation> table = {
      // Universal time, in any case.
      {"UTC", 0, nullptr, true}, {"GMT", 0, nullptr, true}, {"UT", 0, nullptr, true},
      {"Z", 0, nullptr, true},
      // Europe and Africa.
      {"WET", 0, nullptr, false}, {"WEST", 60, nullptr, false}, {"BST", 60, nullptr, false},
      {"CET", 60, nullptr, true}, {"CEST", 120, nullptr, true}, {"MEZ", 60, nullptr, false},
      {"MESZ", 120, nullptr, false}, {"EET", 120, nullptr, true}, {"EEST", 180, nullptr, true},
      {"MSK", 180, nullptr, true}, {"TRT", 180, nullptr, false}, {"WAT", 60, nullptr, false},
      {"CAT", 120, nullptr, false}, {"SAST", 120, nullptr, false}, {"EAT", 180, nullptr, false},
      // Asia and Oceania.
      {"IRST", 210, nullptr, true}, {"IRDT", 270, nullptr, true}, {"GST", 240, nullptr, false},
      {"AFT", 270, nullptr, false}, {"PKT", 300, nullptr, false}, {"IST", 330, nullptr, false},
      {"NPT", 345, nullptr, false}, {"ICT", 420, nullptr, false}, {"WIB", 420, nullptr, false},
      {"SGT", 480, nullptr, false}, {"HKT", 480, nullptr, false}, {"PHT", 480, nullptr, false},
      {"AWST", 480, nullptr, false}, {"JST", 540, nullptr, false}, {"KST", 540, nullptr, false},
      {"ACST", 570, nullptr, false}, {"ACDT", 630, nullptr, false}, {"AEST", 600, nullptr, false},
      {"AEDT", 660, nullptr, false}, {"NZST", 720, nullptr, false}, {"NZDT", 780, nullptr, false},
      // The Americas (RFC 2822's US zones in any case, as before).
      {"EST", -300, nullptr, true}, {"EDT", -240, nullptr, true}, {"CST", -360, nullptr, true},
      {"CDT", -300, nullptr, true}, {"MST", -420, nullptr, true}, {"MDT", -360, nullptr, true},
      {"PST", -480, nullptr, true}, {"PDT", -420, nullptr, true}, {"AKST", -540, nullptr, false},
      {"AKDT", -480, nullptr, false}, {"HST", -600, nullptr, false}, {"AST", -240, nullptr, false},
      {"ADT", -180, nullptr, false}, {"NST", -210, nullptr, false}, {"NDT", -150, nullptr, false},
      {"BRT", -180, nullptr, false}, {"ART", -180, nullptr, false},
      // Generic names: the offset of the day.
      {"ET", 0, "America/New_York", false}, {"CT", 0, "America/Chicago", false},
      {"MT", 0, "America/Denver", false}, {"PT", 0, "America/Los_Angeles", false},
  };
  return table;
}

namespace {

// Per thread: ICU's TimeZone is not meant to be shared across threads
// without care, and a zone is looked up again and again. Bounded, because
// the ids come from the text.
icu::TimeZone* zone(std::string_view id) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::TimeZone>> cache;
  auto it = cache.find(std::string(id));
  if (it != cache.end()) return it->second.get();
  if (cache.size() >= 256) cache.clear();
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(
      icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size())))));
  if (tz && *tz == icu::TimeZone::getUnknown()) tz.reset();
  icu::TimeZone* raw = tz.get();
  cache.emplace(std::string(id), std::move(tz));
  return raw;
}

}  // namespace

bool known_zone(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return zone(id) != nullptr;
}

std::optional<std::int32_t> zone_offset(std::string_view id, Date date, std::int32_t seconds) {
  icu::TimeZone* tz = id.empty() || id.size() > 64 ? nullptr : zone(id);
  if (!tz) return std::nullopt;
  const long epoch = 2440588;  // Julian day of 1970-01-01
  double local_ms = (static_cast<double>(julian_day(date) - epoch) * 86400.0 + seconds) * 1000.0;
  std::int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(local_ms, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return (raw + dst) / 60000;
}

}  // namespace digest::dates_detail
