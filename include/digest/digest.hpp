// Digests: the posts of a period, in sections (by source, by entity, by
// story, or one flat list), ranked, with a localized title. A Digest holds
// its own copies of the posts, so it outlives the collection it was built
// from. Knows nothing of JSON, HTML, Python or C.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest {

// ---- periods -------------------------------------------------------------------

enum class PeriodKind : std::uint8_t {
  iso_week,  // Monday to Sunday of an ISO week: "2021-W36"
  week,      // seven days ending on a given day: "P7D/2021-09-10", "week-ending:fri"
  month,     // a calendar month, Gregorian or Solar Hijri: "2021-08", "1400-06"
  range,     // any inclusive run of days: "2021-08-12/2021-08-18", "2021-09-10"
  days,      // the last N days before a reference day: "last-7-days"
};
enum class PeriodCalendar : std::uint8_t { gregorian, persian };

struct Period {
  Date first;  // inclusive
  Date last;   // inclusive
  // A name that parse_period reads back to the same days: "2021-W33",
  // "2021-08", "1400-06", "2021-08-12/2021-08-18".
  std::string label;
  PeriodKind kind = PeriodKind::range;
  PeriodCalendar calendar = PeriodCalendar::gregorian;  // of a month period
  bool operator==(const Period&) const = default;
};

struct PeriodOptions {
  // The day relative forms count from ("last-7-days", "week-ending:fri",
  // a bare "P7D"); default: today in UTC.
  std::optional<Date> reference;
};

// One reader for every period form (docs/digest.md lists them):
//   2021-W36 (also 2021W36, 2021-w36)      ISO week
//   2021-08, 1400-06, persian:1400-06      calendar month; a year before 1600,
//                                          or Persian digits, is Solar Hijri
//   2021-08-12/2021-08-18, 2021-08-12/18   ISO 8601 interval, ends inclusive
//   2021-08-12/P7D, P7D/2021-09-10         interval by duration (days, weeks)
//   week-ending:2021-09-10, week-ending:fri the seven days ending on that day
//                                          (a weekday: the latest on or before
//                                          the reference)
//   last-7-days, P7D, P2W                  the N days before the reference
//   2021-09-10                             one day
// Errors: parse_error with the byte offset of the problem; invalid_argument
// for a period outside 1400-01-01 .. 9999-12-31.
DG_API Result<Period> parse_period(std::string_view text, const PeriodOptions& options = {});

// "2021-W33" (also "2021W33", "2021-w33"): Monday to Sunday of that ISO week.
DG_API Result<Period> parse_iso_week(std::string_view text);
// The ISO week that contains `day`; invalid_argument when that week reaches
// outside the dates a Date holds (1400-01-01 to 9999-12-31).
DG_API Result<Period> iso_week_of(Date day);
// The seven days ending on `last` (kind week).
DG_API Result<Period> week_ending(Date last);
// A calendar month (month 1..12) of `calendar` (kind month).
DG_API Result<Period> month_period(int year, int month,
                                   PeriodCalendar calendar = PeriodCalendar::gregorian);
// [first, last] (kind range, label "first/last"); invalid_argument when last < first.
DG_API Result<Period> range_period(Date first, Date last);
// The `days` days before `reference`, not counting it (kind days).
DG_API Result<Period> last_days(std::size_t days, Date reference);

// ---- locale ----------------------------------------------------------------------

// What a digest says in its own words: labels for every renderer, in the
// digest's locale (en, fr, de, es, fa, ar; other locales use English labels
// with ICU's dates). Plural forms are chosen by the renderers' count helpers.
struct DigestLabels {
  std::string locale;     // the BCP 47 tag the labels are for ("fa")
  bool right_to_left = false;  // the locale's script is written right to left
  std::string weekly, monthly, digest;  // default title words by period kind
  std::string posted, published, also_in, other_sources, other_entities, stories;
  std::string no_posts;  // "No posts in this period."
  std::string post_one, post_many, source_one, source_many;  // "post", "posts"
  std::string by, from_to;  // "by"; "{first} – {last}"
  std::string list_separator;  // ", " or "، "
};
DG_API const DigestLabels& digest_labels(std::string_view locale);

// `day` in the locale's medium form, in the locale's calendar and digits
// (ICU): "Sep 10, 2021", "10 sept. 2021", "۱۹ شهریور ۱۴۰۰", "١٠ سبتمبر ٢٠٢١".
// With `calendar` persian, a Solar Hijri date whatever the locale.
DG_API std::string format_day(Date day, std::string_view locale,
                              std::optional<PeriodCalendar> calendar = std::nullopt);
// A count in the locale's digits: "12", "۱۲", "١٢".
DG_API std::string format_count(std::size_t n, std::string_view locale);
// The period as its readers say it: "Sep 4 – 10, 2021", "August 2021",
// "شهریور ۱۴۰۰", "2021-W36" weeks as their days.
DG_API std::string format_period(const Period& period, std::string_view locale);
// True when text in `language` (BCP 47) is written right to left (ar, fa,
// he, ur, ps, ckb, sd, ug, yi, dv, and -Arab/-Hebr script subtags).
DG_API bool is_right_to_left(std::string_view language);

// ---- building ----------------------------------------------------------------------

enum class GroupBy : std::uint8_t {
  none,    // one section, every item
  source,  // a section per source, by heading
  entity,  // a section per entity the posts were tagged with, most items first
  story,   // one section, one item per story
};
enum class Rank : std::uint8_t {
  date,      // oldest first, as the period reads
  newest,    // newest first, as a clippings page reads
  outlets,   // stories carried by more outlets first, then newest
  entities,  // items naming more of the digest's frequent entities first, then newest
};
DG_API std::string_view group_by_name(GroupBy g);  // "none", "source", "entity", "story"
DG_API std::string_view rank_name(Rank r);         // "date", "newest", "outlets", "entities"
DG_API std::optional<GroupBy> group_by_from_name(std::string_view name);
DG_API std::optional<Rank> rank_from_name(std::string_view name);

struct DigestOptions {
  // The title, a template: {period} (format_period), {first}, {last}
  // (format_day), {label}, {count} (items); "{{" and "}}" are braces. Empty:
  // the locale's word for the period kind and its last day or month:
  // "Weekly Digest – Sep 10, 2021", "خلاصهٔ هفتگی – ۱۹ شهریور ۱۴۰۰".
  std::string title;
  std::string locale = "en";
  GroupBy group_by = GroupBy::source;
  Rank rank = Rank::date;
  // One item per story (Post::story, set by curate's stories step; a post
  // without one is its own story): the representative first, the story's
  // other posts as "also in". Always on for GroupBy::story.
  bool collapse_stories = false;
  std::size_t per_section = 0;  // items per section; 0: no limit
  std::size_t limit = 0;        // items in the digest, after ranking; 0: no limit
  // Entity tags (curate step 3) start with this; the rest is the entity id.
  std::string entity_tag_prefix = "entity:";
  // The heading of an entity section; default: the id. The pipeline passes
  // the gazetteer's names (curate.hpp, entity_names).
  std::function<std::string(std::string_view entity_id)> entity_name;
};

// What an item carries beyond its post.
struct DigestItem {
  std::string story;         // the story id (Post::story, else the post id)
  std::size_t outlets = 1;   // distinct outlets that carried the story in the period
  std::vector<Post> also;    // the story's other posts, for "also in" (collapsed stories)
  std::vector<std::string> entities;  // entity ids the post was tagged with
  bool operator==(const DigestItem&) const = default;
};

// What "also in" shows for an item: the first post of each other outlet of
// the story (the item's own outlet not repeated), in the item's order;
// posts without a source each count as their own.
DG_API std::vector<const Post*> also_in(const Post& post, const DigestItem& item);

struct DigestSection {
  // The source id (by source), the entity id (by entity), or empty.
  std::string source_id;
  std::string heading;    // the source's name, entity's name, or a label
  std::optional<Source> source;  // the collection's record of the source, if any
  std::vector<Post> posts;        // the items' posts, in rank order
  std::vector<DigestItem> items;  // parallel to posts
  bool operator==(const DigestSection&) const = default;
};

struct DG_API Digest {
  std::string title;
  Period period;
  std::string locale = "en";
  GroupBy group_by = GroupBy::source;
  Rank rank = Rank::date;
  std::vector<DigestSection> sections;
  std::vector<Source> sources;  // every source the items and "also in" posts name
  std::size_t post_count() const;  // items, in all sections
  bool operator==(const Digest&) const = default;
};

// The name renderers show for a post's source: the digest's record of it
// (its name, else its id), else the source as written.
DG_API std::string outlet_name(const Digest& digest, std::string_view source);

// Selects the posts whose digest date (posted_on, else published_on) falls in
// `period`, and sections, ranks and titles them. invalid_argument for an
// unusable template or locale.
DG_API Result<Digest> make_digest(const Collection& collection, const Period& period,
                                  const DigestOptions& options = {});
// The same, for the defaults' callers of 0.1/0.2: never fails with the default
// template.
DG_API Digest build_digest(const Collection& collection, const Period& period,
                           const DigestOptions& options = {});
// The title template filled for `digest` (as make_digest fills it).
DG_API Result<std::string> fill_title(std::string_view title_template, const Period& period,
                                      std::string_view locale, std::size_t count);

// ---- selection and summary ------------------------------------------------------------

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
