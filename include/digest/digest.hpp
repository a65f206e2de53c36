// Digests: the posts of a period (an ISO week, say), grouped by source and
// ordered by date. A Digest holds its own copies of the posts, so it outlives
// the collection it was built from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest {

struct Period {
  Date first;  // inclusive
  Date last;   // inclusive
  std::string label;  // "2021-W33", or "2021-08-16..2021-08-22"
  bool operator==(const Period&) const = default;
};

// "2021-W33" (also "2021W33", "2021-w33"): Monday to Sunday of that ISO week.
DG_API Result<Period> parse_iso_week(std::string_view text);
// The ISO week that contains `day`; invalid_argument when that week reaches
// outside the dates a Date holds (1400-01-01 to 9999-12-31).
DG_API Result<Period> iso_week_of(Date day);

struct DigestSection {
  std::string source_id;  // empty for posts with no source
  std::string heading;    // the source's name, or its id when it is unknown
  std::optional<Source> source;  // the collection's record of the source, if any
  std::vector<Post> posts;  // by digest date, then title, then id
};

struct DG_API Digest {
  std::string title;
  Period period;
  std::vector<DigestSection> sections;  // by heading (search-key order)
  std::size_t post_count() const;
};

struct DigestOptions {
  std::string title;  // default: "Digest <label>"
};

// Selects the posts whose digest date (posted_on, else published_on) falls in
// `period` and groups them by source.
DG_API Digest build_digest(const Collection& collection, const Period& period,
                           const DigestOptions& options = {});

// Which posts select_posts keeps: every condition given must hold. Lists
// match any of their entries, exactly (ids, source ids, BCP 47 tags as
// stored, tags).
struct PostFilter {
  std::optional<Date> first, last;  // the digest date within [first, last]
  std::vector<std::string> ids, sources, languages, tags;
};

// A new collection of copies of the matching posts, in insertion order, with
// the sources they name.
DG_API Collection select_posts(const Collection& collection, const PostFilter& filter);

// What a collection holds at a glance, for displays: counts by source,
// language and ISO week of the digest date (most first, ties by key), and the
// range of digest dates.
struct CollectionSummary {
  std::size_t posts = 0, sources = 0, undated = 0;
  std::optional<Date> first, last;
  std::vector<std::pair<std::string, std::size_t>> by_source, by_language, by_week;
};
DG_API CollectionSummary summarize(const Collection& collection);

}  // namespace digest
