// The data model: sources (outlets), posts (clippings) and the collection
// that owns them. Knows nothing of JSON, Python or C.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "digest/result.hpp"

namespace digest {

// Hash for unordered containers keyed by std::string that are looked up by
// std::string_view without building a temporary string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

using Date = boost::gregorian::date;

// A calendar date with an optional time of day and an optional UTC offset.
// A time without an offset is local time of unknown zone.
struct DG_API DateTime {
  Date date;                                  // always a valid date
  std::optional<std::int32_t> seconds;        // seconds since midnight, [0, 86400)
  std::optional<std::int32_t> utc_offset_minutes;  // e.g. +270 for +04:30

  DateTime() : date(1970, 1, 1) {}
  explicit DateTime(Date d) : date(d) {}

  // ISO 8601: "2021-08-23", "2021-08-23T10:05:00", "2021-08-23T10:05:00+04:30",
  // "…Z" for a zero offset.
  std::string to_iso() const;
  // The date part alone: "2021-08-23".
  std::string date_iso() const;
  // Reads the forms to_iso writes plus fractional seconds, which are dropped,
  // and "T" or " " between date and time. Anything else is an error.
  static Result<DateTime> from_iso(std::string_view text);

  bool operator==(const DateTime& other) const {
    return date == other.date && seconds == other.seconds &&
           utc_offset_minutes == other.utc_offset_minutes;
  }
};

// A JSON member the importer did not recognise, kept verbatim so that an
// export writes it back unchanged. `raw_json` is the value's JSON text.
struct ExtraField {
  std::string name;
  std::string raw_json;
  bool operator==(const ExtraField&) const = default;
};

struct DG_API Source {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string url;
  std::string language;  // BCP 47
  std::string country;   // ISO 3166-1 alpha-2
  std::vector<ExtraField> extra;
  bool operator==(const Source&) const = default;
};

struct DG_API Post {
  std::string id;
  std::string title;
  std::string url;
  std::optional<DateTime> posted_on;     // when the curator posted the clipping
  std::optional<DateTime> published_on;  // when the outlet published the original
  std::vector<std::string> authors;
  std::string source;  // a Source id when known, else the outlet as written
  std::string place;
  std::string excerpt;
  std::string body;
  std::string language;  // BCP 47
  std::vector<std::string> tags;
  // Set by curate's stories step (stories.hpp), else empty: the post's
  // near-duplicate cluster and its story, each named after a post id.
  std::string cluster;
  std::string story;
  std::vector<ExtraField> extra;

  // The date a digest files this post under: posted_on, else published_on.
  std::optional<Date> digest_date() const;

  bool operator==(const Post&) const = default;
};

// The key posts are matched by across feeds: "" unless `url` is an absolute
// http(s) URL, else the URL normalised (http = https, no tracking parameters,
// no fragment, …; see src/text/url.hpp for the rules).
DG_API std::string canonical_url(std::string_view url);

// What an import does with a post whose id (or, as a second key, canonical URL) is already there.
enum class OnDuplicate { error, keep_first, replace, merge };

// What a merge did. Duplicates (kept_first, replaced, merged) count posts and
// sources together, whether or not a field changed; so posts_added +
// sources_added + kept_first + replaced + merged is what `other` held.
struct MergeReport {
  std::size_t posts_added = 0, sources_added = 0, kept_first = 0, replaced = 0, merged = 0;
};

// One duplicate resolved as Collection::merge resolves it under `policy`
// (keep_first, replace or merge; error leaves `existing` as it is): for
// importers that meet an id twice inside one input.
DG_API void merge_duplicate_post(Post& existing, Post&& newcomer, OnDuplicate policy);

namespace detail {

// A Collection's id index: open addressing (linear probing) over the
// positions of its vector, so an entry is 8 bytes and a lookup touches one
// cache line before the id it compares. Each slot holds the high 32 bits of
// the id's 64-bit hash (the bucket and a fingerprint) and the position + 1
// (0: empty). Defined in src/model/id_index.cpp for Post and Source; not for
// use outside the library.
class IdIndex {
 public:
  static constexpr std::size_t npos = std::size_t(-1);
  static std::uint64_t hash(std::string_view id) noexcept;

  // The position of the item with this id (hash(id) given), or npos.
  template <class T>
  std::size_t find(std::string_view id, std::uint64_t hash, const std::vector<T>& items) const;
  // Room for `entries` entries without growing; growing reads the
  // fingerprints only. May throw (std::bad_alloc) and then changes nothing.
  void reserve(std::size_t entries);
  // Records `position` for an id known to be absent, hash(id) given. Room for
  // it must have been reserved.
  void insert(std::size_t position, std::uint64_t hash) noexcept;
  std::size_t size() const noexcept { return size_; }
  void clear() noexcept;

 private:
  std::vector<std::uint64_t> slots_;  // a power of two long, at most 3/4 full
  std::size_t size_ = 0;
};

}  // namespace detail

// Owns posts and sources, in insertion order, each unique by id.
class DG_API Collection {
 public:
  Status add_post(Post post);      // ErrorCode::duplicate_id, invalid_argument (empty id)
  Status add_source(Source source);

  // Do not change a post's id through the pointer: the index keys on it.
  const Post* find_post(std::string_view id) const;
  const Source* find_source(std::string_view id) const;
  Post* find_post(std::string_view id);

  std::span<const Post> posts() const { return posts_; }
  std::span<const Source> sources() const { return sources_; }
  std::size_t size() const { return posts_.size(); }
  bool empty() const { return posts_.empty() && sources_.empty(); }

  // Posts whose digest_date() is in [first, last], in insertion order.
  std::vector<const Post*> select(Date first, Date last) const;

  // Moves every post and source of `other` in. All or nothing: on a
  // duplicate id (with this collection or inside `other`) nothing changes.
  // Same as merge(std::move(other), OnDuplicate::error).
  Status merge(Collection&& other);

  // Moves the posts and sources of `other` in, in order; `other` is left
  // empty on success. All or nothing: on an error (or an exception) neither
  // collection changes. With OnDuplicate::error, any id already here or
  // repeated in `other` fails with ErrorCode::duplicate_id naming it.
  // Otherwise `other` is taken one post at a time, as if added in turn: a
  // post is a duplicate of the post with its id, else of the first post with
  // its canonical_url (when not ""); the URLs a post had before the merge or
  // was given by it all count. That post may be one `other` added: an item a
  // feed lists twice is merged into its first listing. Then
  // - keep_first: the post already there stays as it is;
  // - replace: it takes every field of the newcomer but keeps its id and place;
  // - merge: field by field, a non-empty newcomer field (a set date) replaces
  //   the old value, an empty one keeps it; authors, tags and aliases become
  //   the old list plus the new entries it lacks; extra fields are matched by
  //   name, the newcomer's value winning.
  // Sources are matched by id alone, with the same policies. Merging the same
  // posts again changes nothing, unless two posts share a canonical URL (an
  // id match can give a post another's URL): a URL match goes to the first.
  // Invalid `policy`: ErrorCode::invalid_argument. O(size() + other.size()).
  Result<MergeReport> merge(Collection&& other, OnDuplicate policy);

  void clear();
  void reserve(std::size_t posts);

  bool operator==(const Collection& other) const {
    return posts_ == other.posts_ && sources_ == other.sources_;
  }

 private:
  std::vector<Post> posts_;
  std::vector<Source> sources_;
  detail::IdIndex post_index_;
  detail::IdIndex source_index_;
};

}  // namespace digest
