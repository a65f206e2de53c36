// Import and export of collections: the library's own JSON format (one
// document, or JSON Lines streamed line by line), JSON Feed 1.1, WordPress
// REST API posts (simdjson On-Demand), and RSS 0.9x/1.0/2.0 and Atom 1.0
// (libxml2, streamed). The schema is in docs/schema.md, feeds in docs/feeds.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest {

class SourceRegistry;  // sources.hpp
class Gazetteer;       // entities.hpp

// The formats a collection is read from (the name is historical: XML feeds
// are among them; InputFormat says what it is).
enum class JsonFormat {
  detect,      // from the content (detect_json_format)
  own,         // {"digestcore": 1, "sources": [...], "posts": [...]}
  json_lines,  // one post per line; a line {"source": {...}} defines a source
  json_feed,   // JSON Feed 1.1 (and 1.0)
  wordpress,   // WordPress REST API: an array of post objects, or one post
  xml_feed,    // RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 or Atom 1.0 (since 0.3)
};
using InputFormat = JsonFormat;

// The format JsonFormat::detect picks for the input (never detect), from its
// content rather than its first bytes: BOMs and leading whitespace are
// skipped; "<" starts XML (RSS or Atom: the root element decides, and an
// HTML page or other XML is reported as such); "[" is a WordPress array; an
// object is read member by member, with JSON string escapes decoded (PHP
// writes "https:\/\/jsonfeed.org"): "digestcore" or "posts"/"sources"
// arrays make the own format, a jsonfeed.org "version" (or "items" beside a
// "version" or "title") JSON Feed, "title"/"content"/"guid" holding
// {"rendered": …} a single WordPress post; any other object starts JSON
// Lines. Empty or unrecognised input gives JsonFormat::own, whose import
// then says what the input looks like.
DG_API JsonFormat detect_json_format(std::string_view json);
// A name for the format: "own", "json_lines", "json_feed", "wordpress",
// "xml_feed" ("detect" for detect).
DG_API const char* input_format_name(JsonFormat format) noexcept;

// Progress of a long import, passed to ImportOptions::on_progress.
struct ImportProgress {
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_total = 0;  // 0 when unknown (a pipe)
  std::size_t posts = 0;          // records read so far
};

struct ImportOptions {
  JsonFormat format = JsonFormat::detect;
  // false: the first bad record fails the import and the collection is left
  // unchanged. true: bad records are skipped and listed in ImportReport.
  bool skip_bad_records = false;
  // Name used in error messages (set by import_file to the path).
  std::string source_name;
  // Limits that keep hostile input bounded; each is an error
  // (limit_exceeded) with its position when exceeded.
  std::size_t max_depth = 64;
  std::size_t max_line_bytes = 64u << 20;  // JSON Lines: longest line
  // Input read whole (every format but JSON Lines): checked against the
  // file's size before anything is read, and while reading pipes.
  std::size_t max_input_bytes = std::size_t(1) << 30;
  std::size_t max_posts = 100'000'000;  // posts (and sources) in one import
  // skip_bad_records: errors kept in ImportReport::skipped beyond this many
  // are counted (skipped_count) but not kept, unless on_skipped takes them.
  std::size_t max_skipped_kept = 10'000;
  // Called for each bad record as it is met (skip mode), in input order;
  // then nothing is kept in ImportReport::skipped. Lets a caller stream
  // errors from a file of any size.
  std::function<void(const Error&)> on_skipped;
  // Check only: records are parsed and checked (duplicate ids included) but
  // not added, so memory stays bounded by the ids, not the posts.
  bool validate_only = false;
  // Asked every few thousand records; returning true stops the import with
  // ErrorCode::cancelled and leaves the collection unchanged.
  std::function<bool()> should_stop;

  // --- since 0.3 ---
  // false (default): common deviations are read and each repair is reported
  // in ImportReport::warnings (tags written as one string, RFC 822 dates,
  // items without an id, a short JSON Feed version, malformed XML that
  // libxml2 can recover, invalid UTF-8 in a feed, mojibake). true: they are
  // errors, as before 0.3.
  bool strict = false;
  // The input's character encoding (any label ICU knows: "windows-1251",
  // "iso-8859-6", ...), overriding a BOM or an XML declaration. Empty: from
  // the BOM or declaration, else UTF-8.
  std::string encoding;
  // What to do with a post whose id, or else canonical URL (canonical_url),
  // is already in the collection or earlier in the input: see OnDuplicate
  // (model.hpp). error (default) fails the import, as before 0.3.
  OnDuplicate on_duplicate = OnDuplicate::error;
  // Called about every megabyte of input and at the end, on the importing
  // thread.
  std::function<void(const ImportProgress&)> on_progress;
  // Warnings kept in ImportReport::warnings beyond this many are counted only.
  std::size_t max_warnings_kept = 10'000;

  // --- since 0.4 ---
  // Streaming: when set, each post read is handed to on_post, in input
  // order, as soon as it is read, instead of being added to the collection
  // (sources still are, all or nothing, at the end). JSON Lines and XML
  // feeds then need memory for one record plus 16 bytes per post id (ids are
  // kept as 128-bit digests to find duplicates; see docs/performance.md),
  // whatever the file's size. on_duplicate: error (the default) and
  // keep_first (by id, else canonical URL) work; replace and merge need the
  // earlier posts and are ErrorCode::invalid_argument. Posts handed over
  // before an error stay handed over; an exception thrown by on_post stops
  // the import and propagates. Ignored under validate_only.
  std::function<void(Post&&)> on_post;
};

struct ImportReport {
  std::size_t posts_added = 0;    // or checked, with validate_only
  std::size_t sources_added = 0;
  std::size_t skipped_count = 0;  // every skipped record
  std::vector<Error> skipped;     // the first max_skipped_kept of them
  // --- since 0.3 ---
  // Repairs made while reading liberally, each with its position (the
  // error code says what kind of deviation it was).
  std::vector<Error> warnings;     // the first max_warnings_kept of them
  std::size_t warnings_count = 0;  // all of them
  // Duplicates met under on_duplicate (posts_added counts new posts only).
  std::size_t duplicates_kept_first = 0;
  std::size_t duplicates_replaced = 0;
  std::size_t duplicates_merged = 0;
  JsonFormat format = JsonFormat::detect;  // the format read
};

// Parses `json` and adds its posts and sources to `collection`.
DG_API Result<ImportReport> import_json(Collection& collection, std::string_view json,
                                        const ImportOptions& options = {});

// Reads and imports a file ("-" is standard input). JSON Lines and XML
// feeds are streamed in bounded memory whatever their size; other formats
// are read whole.
DG_API Result<ImportReport> import_file(Collection& collection, const std::string& path,
                                        const ImportOptions& options = {});

// Posts read from a file one at a time, for a caller that pulls them (a
// Python iterator, a loop that may stop early). The import runs on a thread
// of its own with ImportOptions::on_post and hands posts over in batches of
// at most `batch` posts, two batches at most waiting, so memory is bounded
// as with on_post. The options' callbacks (on_progress, on_skipped,
// should_stop) run on that thread. Not thread-safe: one caller at a time.
class DG_API PostStream {
 public:
  // Starts reading `path` ("-" is standard input); errors come from next().
  explicit PostStream(std::string path, ImportOptions options = {}, std::size_t batch = 512);
  PostStream(PostStream&&) noexcept;
  PostStream& operator=(PostStream&&) noexcept;
  ~PostStream();  // stops the import if it still runs, and waits for it

  // The next post, or std::nullopt at the end. An import error is returned
  // where it happened (after the posts read before it) and ends the stream.
  Result<std::optional<Post>> next();
  // Up to `max` next posts appended to `out`; 0 at the end.
  Result<std::size_t> next_batch(std::vector<Post>& out, std::size_t max);
  // Once next() has returned std::nullopt: what the import read, and the
  // sources it defined (in a collection without posts). Else nullptr.
  const ImportReport* report() const;
  const Collection* sources() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

struct ExportOptions {
  bool pretty = true;  // indentation and one member per line
};

// The own format; import_json(export_json(c)) == c, unknown fields included.
// The posts come first, then the sources (since 0.4; before, the sources
// came first): the bytes ExportStream writes for the same collection.
DG_API std::string export_json(const Collection& collection, const ExportOptions& options = {});
// One post per line, then one {"source": {...}} line per source (since 0.4:
// before, the sources came first).
DG_API std::string export_json_lines(const Collection& collection);

struct FeedOptions {
  std::string title = "digestcore feed";
  std::string home_page_url;
  std::string feed_url;
  bool pretty = true;
};
// JSON Feed 1.1; fields JSON Feed lacks go in a "_digestcore" object per item.
DG_API std::string export_json_feed(const Collection& collection, const FeedOptions& options = {});

// Writes a collection to `path` in `format` (own, json_lines or json_feed;
// others are invalid_argument) atomically: a uniquely named temporary file
// in the same folder is written, flushed, synced and renamed over `path`, so
// `path` holds the old or the new content, never a mix. Errors name the
// reason (errno text).
DG_API Status export_file(const Collection& collection, const std::string& path,
                          JsonFormat format = JsonFormat::own,
                          const ExportOptions& options = {});

// The exports above written as posts arrive (since 0.4), for output that
// must not wait for the whole collection: each post is written when added
// and the text is handed to `sink` in pieces of about a megabyte. Formats:
// own, json_lines, json_feed (others are invalid_argument from add_post and
// finish). Sources come last, since a streamed import knows them only at its
// end: the own format writes its "sources" member after "posts", JSON Lines
// its source lines after the posts, JSON Feed keeps them in its top-level
// "_digestcore" object: the same bytes as export_json, export_json_lines and
// export_json_feed. A sink error stops the writer and
// is returned from then on.
class DG_API ExportStream {
 public:
  using Sink = std::function<Status(std::string_view)>;
  ExportStream(JsonFormat format, Sink sink, const ExportOptions& options = {},
               const FeedOptions& feed = {});
  ExportStream(ExportStream&&) noexcept;
  ExportStream& operator=(ExportStream&&) noexcept;
  ~ExportStream();
  Status add_post(const Post& post);
  // Writes the sources and the end of the document, then flushes.
  Status finish(std::span<const Source> sources);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// ---- dictionaries: the source registry and the gazetteer -------------------
// Formats: docs/entities.md. Readers are all or nothing and report errors
// with their JSON path and byte offset.

// {"sources": [...]} (other top-level members, such as a collection's
// "posts", are ignored) or a bare array of sources.
DG_API Result<SourceRegistry> source_registry_from_json(std::string_view json);
DG_API Result<SourceRegistry> load_source_registry(const std::string& path);
DG_API std::string source_registry_to_json(const SourceRegistry& registry, bool pretty = true);
// Atomic, like export_file.
DG_API Status save_source_registry(const SourceRegistry& registry, const std::string& path,
                                   bool pretty = true);

// {"entities": [...]} or a bare array of entities.
DG_API Result<Gazetteer> gazetteer_from_json(std::string_view json);
DG_API Result<Gazetteer> load_gazetteer(const std::string& path);
// Adds the entities of a document to `gazetteer`. All or nothing.
DG_API Status gazetteer_add_json(Gazetteer& gazetteer, std::string_view json);
DG_API Status gazetteer_add_file(Gazetteer& gazetteer, const std::string& path);
DG_API std::string gazetteer_to_json(const Gazetteer& gazetteer, bool pretty = true);
// Atomic, like export_file.
DG_API Status save_gazetteer(const Gazetteer& gazetteer, const std::string& path,
                             bool pretty = true);

// Extra fields as one JSON object {"name": value, ...} (compact), and back:
// the `extra` column of the Arrow interchange (arrow.hpp). The reader is the
// importer's, with its limits; a member's value is kept as raw JSON.
DG_API std::string extra_fields_to_json(std::span<const ExtraField> extra);
DG_API Result<std::vector<ExtraField>> extra_fields_from_json(std::string_view json);

// Appends `text` to `out` as a JSON string literal (quotes included).
DG_API void append_json_string(std::string& out, std::string_view text);

}  // namespace digest
