// Collections and digests as Apache Arrow columns, through the Arrow C data
// interface (digest/arrow_abi.h), so that pyarrow, pandas, polars or DuckDB take
// them without per-post objects. The column schema is in docs/arrow.md.
//
// Exports fill caller-provided ArrowSchema / ArrowArray structs; the caller
// owns them and calls their release callbacks (or hands them to a consumer
// that does). Imports read an ArrowArrayStream and never take ownership of
// what it yields beyond releasing each batch after reading it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "digest/arrow_abi.h"
#include "digest/digest.hpp"
#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest {

// The posts as one record batch (a struct array): id, title, url, source,
// place, excerpt, body, language (utf8, null when empty; id never null),
// authors and tags (list<utf8>), posted_on and published_on (timestamp[us,
// UTC], null when unknown; a date without a time is its midnight UTC) with
// *_has_time (bool) and *_utc_offset (int16 minutes, null when the text gave
// no offset), cluster and story (utf8, null when empty), extra (utf8: a JSON
// object of the extra members, null when none). invalid_argument if the schema or array is null.
DG_API Status export_posts_arrow(std::span<const Post> posts, ArrowSchema* schema,
                                 ArrowArray* array);
// The same for posts given by pointer (a selection), with `section` and
// `section_heading` columns first when `sections` is not empty (one entry
// per post).
DG_API Status export_post_pointers_arrow(std::span<const Post* const> posts,
                                         std::span<const std::string_view> sections,
                                         std::span<const std::string_view> headings,
                                         ArrowSchema* schema, ArrowArray* array);
// The sources: id, name, url, language, country (utf8), aliases
// (list<utf8>), extra (utf8 JSON object or null).
DG_API Status export_sources_arrow(std::span<const Source> sources, ArrowSchema* schema,
                                   ArrowArray* array);
// A digest, one row per post in digest order: section (the section's source
// id, null for posts with no source), section_heading, then the post columns.
DG_API Status export_digest_arrow(const Digest& digest, ArrowSchema* schema, ArrowArray* array);

// Pulls posts for export_posts_arrow_stream: appends at most `max` posts to
// `out` and returns how many it appended; 0 is the end, an error ends the
// stream.
using PostPull = std::function<Result<std::size_t>(std::vector<Post>& out, std::size_t max)>;

// The posts `pull` gives, as an Arrow record batch stream (the columns of
// export_posts_arrow, `rows` posts a batch at most): a file read by a
// PostStream becomes columns in memory bounded by one batch of Post
// objects, without a Collection. `pull` runs inside get_next, on the
// consumer's thread; an error it returns is get_next's (EIO for io_error
// and file_not_found, ENOMEM for limit_exceeded, else EINVAL) with its
// to_string() from get_last_error, and is returned again by every later
// call; the posts pulled before it come out first, in a batch of their
// own. The consumer owns `out` and releases it. invalid_argument for a
// null `out` or `rows` 0.
DG_API Status export_posts_arrow_stream(PostPull pull, ArrowArrayStream* out,
                                        std::size_t rows = 16384);

struct ArrowImportReport {
  std::size_t posts_added = 0;
  std::size_t sources_added = 0;
};

struct ArrowImportOptions {
  // Columns the schema does not name are an error (naming them) unless set.
  bool ignore_unknown_columns = false;
};

// Adds the posts of every batch in `stream`, a struct (record batch) stream
// with the columns of export_posts_arrow by name: only `id` is required.
// Text as utf8, large_utf8 or utf8_view (or an all-null column); lists as
// list or large_list of text; dates as timestamps of any unit (with any zone,
// or none: UTC), date32 or date64. Without a *_has_time column a timestamp at
// midnight UTC (and any date32/date64) is a date without a time. Text must be
// UTF-8. All or nothing: on an error (naming the row and column) the
// collection is unchanged. Releases the stream.
DG_API Result<ArrowImportReport> import_posts_arrow(Collection& collection,
                                                     ArrowArrayStream* stream,
                                                     const ArrowImportOptions& options = {});
// The same for sources (the columns of export_sources_arrow).
DG_API Result<ArrowImportReport> import_sources_arrow(Collection& collection,
                                                       ArrowArrayStream* stream,
                                                       const ArrowImportOptions& options = {});

// A read-only view of an Arrow text array (utf8 "u", large_utf8 "U", or
// utf8_view "vu"), for callers that take a column of strings: the batch
// functions of the bindings. Does not own the array.
class DG_API ArrowTextColumn {
 public:
  // invalid_argument, naming the format, for anything but a text array.
  static Result<ArrowTextColumn> view(const ArrowSchema& schema, const ArrowArray& array);

  std::int64_t size() const { return length_; }
  bool is_null(std::int64_t i) const;
  // Undefined for a null entry; may be empty.
  std::string_view value(std::int64_t i) const;

 private:
  enum class Kind { utf8, large_utf8, utf8_view };
  Kind kind_ = Kind::utf8;
  std::int64_t length_ = 0;
  std::int64_t offset_ = 0;
  const std::uint8_t* validity_ = nullptr;
  const void* offsets_ = nullptr;  // int32 or int64, or the views
  const char* data_ = nullptr;
  const ArrowArray* array_ = nullptr;
};

}  // namespace digest
