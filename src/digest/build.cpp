#include "digest/digest.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <map>

#include "digest/normalize.hpp"
#include "text/safe.hpp"

namespace digest {

namespace {

Error week_error(std::string_view text, std::size_t at, const std::string& why) {
  Error e(ErrorCode::parse_error,
          "not an ISO week " + detail::quote_for_message(text, 32) + ": " + why +
              " (expected e.g. 2021-W33)");
  e.offset = at;
  return e;
}

// Monday of ISO week 1 of `year`: the week that holds January 4th.
Date iso_week_one_monday(int year) {
  Date jan4(static_cast<unsigned short>(year), 1, 4);
  int dow = jan4.day_of_week().as_number();  // 0 = Sunday
  int back = (dow + 6) % 7;                  // days since Monday
  return jan4 - boost::gregorian::days(back);
}

std::string week_label(int year, int week) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
  return buf;
}

}  // namespace

Result<Period> parse_iso_week(std::string_view s) {
  std::size_t i = 0;
  int year = 0;
  for (; i < 4; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return week_error(s, i, "expected a 4-digit year");
    year = year * 10 + (s[i] - '0');
  }
  if (i < s.size() && s[i] == '-') ++i;
  if (i >= s.size() || (s[i] != 'W' && s[i] != 'w')) return week_error(s, i, "expected 'W'");
  ++i;
  std::size_t digits_at = i;
  int week = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - digits_at < 2) {
    week = week * 10 + (s[i] - '0');
    ++i;
  }
  if (i - digits_at != 2) return week_error(s, digits_at, "expected a 2-digit week");
  if (i != s.size()) return week_error(s, i, "unexpected trailing text");
  // Week 1 of 1400 starts in 1399, before Boost's first date.
  if (year < 1401 || year > 9998)
    return week_error(s, 0, "year out of range (1401 to 9998)");
  if (week < 1)
    return week_error(s, digits_at, "weeks are numbered from 01");
  Date monday = iso_week_one_monday(year) + boost::gregorian::weeks(week - 1);
  if (monday >= iso_week_one_monday(year + 1))
    return week_error(s, digits_at, "year " + std::to_string(year) + " has no week " +
                                        std::to_string(week));
  return Period{monday, monday + boost::gregorian::days(6), week_label(year, week)};
}

Result<Period> iso_week_of(Date day) {
  if (day.is_special()) return Error(ErrorCode::invalid_argument, "not a date");
  // Monday to Sunday around the day; its Thursday names the ISO year, and
  // the week number counts from the week holding that year's first Thursday.
  const int from_monday = (day.day_of_week().as_number() + 6) % 7;
  const auto first = day.day_number() - from_monday;
  if (first < Date(1400, 1, 1).day_number() || first + 6 > Date(9999, 12, 31).day_number()) {
    Error e(ErrorCode::invalid_argument,
            "the ISO week of " + boost::gregorian::to_iso_extended_string(day) +
                " reaches outside the years 1400 to 9999");
    e.field = "day";
    return e;
  }
  const Date monday = day - boost::gregorian::days(from_monday);
  const Date thursday = monday + boost::gregorian::days(3);
  const int year = thursday.year();
  const int week = static_cast<int>((thursday.day_of_year() - 1) / 7) + 1;
  return Period{monday, monday + boost::gregorian::days(6), week_label(year, week)};
}

std::size_t Digest::post_count() const {
  std::size_t n = 0;
  for (const auto& s : sections) n += s.posts.size();
  return n;
}

Digest build_digest(const Collection& collection, const Period& period,
                    const DigestOptions& options) {
  Digest digest;
  digest.period = period;
  digest.title = options.title.empty() ? "Digest " + period.label : options.title;

  const Normalizer& norm = Normalizer::shared();
  struct Group {
    std::string source_id, heading;
    std::vector<const Post*> posts;
  };
  // Keyed by the heading's search key, so "Kavir Daily" and "KAVIR DAILY"
  // written as outlets of two posts share a section; then by id.
  std::map<std::pair<std::string, std::string>, Group> groups;
  for (const Post* p : collection.select(period.first, period.last)) {
    const Source* src = p->source.empty() ? nullptr : collection.find_source(p->source);
    std::string heading = src ? (src->name.empty() ? src->id : src->name) : p->source;
    auto key = norm.search_key(heading);
    std::string sort_key = key.ok() ? std::move(key).value() : heading;
    if (heading.empty()) sort_key = "\xF4\x8F\xBF\xBF";  // posts without a source go last
    Group& g = groups[{sort_key, src ? src->id : std::string()}];
    if (g.posts.empty()) {
      g.source_id = src ? src->id : p->source;
      g.heading = heading.empty() ? "Other sources" : heading;
    }
    g.posts.push_back(p);
  }
  for (auto& [key, g] : groups) {
    std::stable_sort(g.posts.begin(), g.posts.end(), [](const Post* a, const Post* b) {
      Date da = *a->digest_date(), db = *b->digest_date();
      if (da != db) return da < db;
      if (a->title != b->title) return a->title < b->title;
      return a->id < b->id;
    });
    DigestSection section;
    section.source_id = g.source_id;
    section.heading = g.heading;
    if (const Source* src = collection.find_source(g.source_id)) section.source = *src;
    section.posts.reserve(g.posts.size());
    for (const Post* p : g.posts) section.posts.push_back(*p);
    digest.sections.push_back(std::move(section));
  }
  return digest;
}

}  // namespace digest
