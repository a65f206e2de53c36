// JSON import and export (simdjson On-Demand): the library's own format (one
// document, or JSON Lines streamed line by line), JSON Feed 1.1 and WordPress
// REST API post arrays. The schema is in docs/schema.md.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "digest/model.hpp"
#include "digest/result.hpp"

namespace digest {

class SourceRegistry;  // sources.hpp
class Gazetteer;       // entities.hpp

enum class JsonFormat {
  detect,      // from the content: JSON Feed ("version" is a jsonfeed URL),
               // WordPress (an array of objects with "title": {"rendered"}),
               // JSON Lines (several top-level values, one per line), own
  own,         // {"digestcore": 1, "sources": [...], "posts": [...]}
  json_lines,  // one post per line; a line {"source": {...}} defines a source
  json_feed,   // JSON Feed 1.1
  wordpress,   // WordPress REST API: an array of post objects
};

// The format JsonFormat::detect picks for `json` (never JsonFormat::detect):
// an array is WordPress; an object whose top-level keys include "digestcore"
// (or "posts"/"sources" holding arrays) is the own format; one whose
// "version" is a jsonfeed.org URL is JSON Feed; any other object is the first
// record of JSON Lines. Empty or non-JSON input gives JsonFormat::own, whose
// import then reports the error.
DG_API JsonFormat detect_json_format(std::string_view json);

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
};

struct ImportReport {
  std::size_t posts_added = 0;    // or checked, with validate_only
  std::size_t sources_added = 0;
  std::size_t skipped_count = 0;  // every skipped record
  std::vector<Error> skipped;     // the first max_skipped_kept of them
};

// Parses `json` and adds its posts and sources to `collection`.
DG_API Result<ImportReport> import_json(Collection& collection, std::string_view json,
                                        const ImportOptions& options = {});

// Reads and imports a file. JSON Lines files are streamed in bounded memory
// whatever their size; other formats are read whole.
DG_API Result<ImportReport> import_file(Collection& collection, const std::string& path,
                                        const ImportOptions& options = {});

struct ExportOptions {
  bool pretty = true;  // indentation and one member per line
};

// The own format; import_json(export_json(c)) == c, unknown fields included.
DG_API std::string export_json(const Collection& collection, const ExportOptions& options = {});
// One post per line (sources first, as {"source": {...}} lines).
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
