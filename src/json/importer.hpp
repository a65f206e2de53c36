// Internal to the JSON importer: the Importer that every collection format
// shares, declared once for the files that define its parts. Not installed.
//
//   import.cpp            the entry points, format dispatch and the all-or-
//                         nothing merge
//   import_core.cpp       errors with their path and position, values, ids
//   import_own.cpp        the own format's posts and sources
//   import_jsonl.cpp      JSON Lines, one record per line
//   import_feed.cpp       JSON Feed 1.1 (and 1.0's "author")
//   import_wordpress.cpp  WordPress REST API post arrays
//   import_file.cpp       reading a file, JSON Lines streamed in bounded memory
//   import_gazetteer.cpp  gazetteer documents (registries: import_own.cpp)
//
// A bad record throws a Failure, caught at the record boundary (skip mode)
// or at the top (see import.cpp).
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_set>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "digest/digest.hpp"
#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "json/json_internal.hpp"
#include "model/id_set.hpp"

namespace digest::json_detail {

namespace od = simdjson::ondemand;

struct Failure {
  Error error;
  bool fatal;  // the parser cannot go on with the rest of this document
};

struct PathSeg {
  std::string_view key;
  std::size_t index;
  bool is_index;
};

std::string_view trim_ws(std::string_view s);
bool blank(std::string_view s);

// Fields of a post in the own format, as bits of a "seen" mask.
enum PostField : int {
  kId, kTitle, kUrl, kPostedOn, kPublishedOn, kAuthors, kSource, kPlace, kExcerpt, kBody,
  kLanguage, kTags, kCluster, kStory,
};

class Importer {
 public:
  Importer(Collection& target, const ImportOptions& options) : target_(target), opt_(options) {
    path_.reserve(16);
  }

  Result<ImportReport> import_memory(std::string_view json);
  Result<ImportReport> import_file(const std::string& path);
  // A source registry document instead of a collection (run_sources_document).
  Result<ImportReport> import_sources_document(std::string_view json) {
    mode_ = Mode::sources;
    return import_memory(json);
  }
  // A gazetteer document: its entities, and the byte offset of each.
  Status import_gazetteer_document(std::string_view json, std::vector<GazetteerEntity>& entities,
                                   std::vector<std::size_t>& offsets) {
    mode_ = Mode::gazetteer;
    entities_ = &entities;
    entity_offsets_ = &offsets;
    auto r = import_memory(json);
    if (!r.ok()) return std::move(r).error();
    return {};
  }
  // A digest as render_json writes it (import_digest.cpp).
  Status import_digest_document(std::string_view json, Digest& out) {
    mode_ = Mode::digest;
    digest_ = &out;
    auto r = import_memory(json);
    if (!r.ok()) return std::move(r).error();
    return {};
  }
  // One JSON object whose members become extra fields, kept as raw JSON
  // (the `extra` column of the Arrow interchange).
  Status import_extra_object(std::string_view json, std::vector<ExtraField>& out) {
    mode_ = Mode::extra;
    extra_ = &out;
    auto r = import_memory(json);
    if (!r.ok()) return std::move(r).error();
    return {};
  }

 private:
  // --- errors (import_core.cpp) ---------------------------------------------
  std::string render_path() const;
  Error make_error(ErrorCode code, std::string message, const char* at) const;
  [[noreturn]] void fail(ErrorCode code, std::string message, const char* at, bool fatal = false);
  [[noreturn]] void fail_json(simdjson::error_code ec, const char* at);
  const char* here();

  static const char* loc(od::value& v) { return v.raw_json_token().data(); }

  // --- values (import_core.cpp) ---------------------------------------------
  od::json_type type_of(od::value& v);
  [[noreturn]] void wrong_type(od::value& v, const char* expected, std::size_t level);
  void check_level(std::size_t level, const char* at);
  od::object get_object(od::value& v, std::size_t level);
  od::array get_array(od::value& v, std::size_t level);
  bool get_string_view(od::value& v, std::string_view& out, std::size_t level,
                       bool null_ok = true);
  bool get_string(od::value& v, std::string& out, std::size_t level, bool null_ok = true);
  void get_id(od::value& v, std::string& out, std::size_t level, bool numbers_ok);
  // `comma_list_ok`: outside strict mode a string is read as a comma-separated
  // list, with a warning (tags: "a,b", as real feeds write them).
  void get_string_array(od::value& v, std::vector<std::string>& out, std::size_t level,
                        bool comma_list_ok = false);
  void get_date(od::value& v, std::optional<DateTime>& out, std::size_t level, bool utc = false);
  std::string take_raw(od::value& v, std::size_t level, bool keep);

  template <class F>
  void each_field(od::object& obj, F&& f) {
    for (auto fr : obj) {
      od::field fld;
      if (auto e = std::move(fr).get(fld)) fail_json(e, here());
      std::string_view key;
      if (auto e = fld.unescaped_key().get(key)) fail_json(e, here());
      path_.push_back({key, 0, false});
      f(key, fld.value());
      path_.pop_back();
    }
  }

  template <class F>
  void each_element(od::array& arr, F&& f) {
    std::size_t i = 0;
    for (auto er : arr) {
      od::value v;
      if (auto e = std::move(er).get(v)) fail_json(e, here());
      path_.push_back({{}, i, true});
      f(i, v);
      path_.pop_back();
      ++i;
    }
  }

  // Runs one record; in skip mode a bad record is reported and skipped.
  template <class F>
  void record(F&& f, bool independent = false) {
    std::size_t depth = path_.size();
    try {
      f();
    } catch (Failure& failure) {
      path_.resize(depth);
      if (!opt_.skip_bad_records || (failure.fatal && !independent)) throw;
      skipped(std::move(failure.error));
    }
    if (++records_ % kStopCheckEvery == 0) check_stop();
  }

  // A dictionary document (registry, gazetteer): a bare array of records,
  // or an object whose `key` member holds that array, its other members
  // checked as JSON and ignored. `read(value, level)` reads one record.
  template <class F>
  void run_list_document(std::string_view key, F&& read) {
    od::json_type t;
    if (auto e = doc_->type().get(t)) fail_json(e, here());
    if (t == od::json_type::array) {
      od::array a;
      if (auto e = doc_->get_array().get(a)) fail_json(e, here());
      check_level(1, buf_.data());
      each_element(a, [&](std::size_t, od::value& el) { record([&] { read(el, 1); }); });
      check_trailing();
      return;
    }
    const std::string k(key);
    od::object root = root_object(("an object with \"" + k + "\" or an array of " + k).c_str());
    bool seen = false;
    each_field(root, [&](std::string_view name, od::value& v) {
      if (name != key) {
        take_raw(v, 1, false);
        return;
      }
      if (seen) fail(ErrorCode::parse_error, "duplicate member", loc(v), true);
      seen = true;
      od::array a = get_array(v, 1);
      each_element(a, [&](std::size_t, od::value& el) { record([&] { read(el, 2); }); });
    });
    if (!seen) fail(ErrorCode::missing_field, "no \"" + k + "\" array", buf_.data(), true);
    check_trailing();
  }

  // --- records and documents (import_core.cpp) ------------------------------
  static constexpr std::size_t kStopCheckEvery = 4096;
  void skipped(Error&& e);
  void check_stop();
  void require_id(const std::string& id, const char* at);
  void add_post(Post&& p, const char* at);
  [[noreturn]] void duplicate_post(std::string_view id, bool in_target, const char* at);
  // A repair made while reading liberally (ImportReport::warnings).
  void warn(ErrorCode code, std::string message, const char* at);
  // Mojibake in a post's text fields, repaired with a warning (not strict).
  void repair_text_fields(Post& p, const char* at);
  void add_source(Source&& s, const char* at);
  od::object root_object(const char* what);
  void check_trailing();

  // --- the own format (import_own.cpp) --------------------------------------
  unsigned read_post_fields(od::object& obj, Post& p, std::size_t level);
  void read_source_fields(od::object& obj, Source& s, std::size_t level);
  void read_own_post(od::value& v, std::size_t level);
  void read_own_source(od::value& v, std::size_t level);
  void read_sources_array(od::value& v, std::size_t level);
  void run_own();
  void run_sources_document();

  // --- gazetteers (import_gazetteer.cpp) -------------------------------------
  void read_alias(od::value& v, GazetteerAlias& alias, std::size_t level);
  void read_entity(od::value& v, std::size_t level);
  void run_gazetteer_document();
  void run_extra_object();  // import_gazetteer.cpp, beside the other dictionaries
  // --- a digest (import_digest.cpp) -------------------------------------------
  void run_digest();
  void read_digest_period(od::value& v, Period& p);
  void read_digest_section(od::value& v, DigestSection& s);
  void read_digest_item(od::value& v, DigestItem& item);
  void read_digest_posts(od::value& v, std::vector<Post>& out, std::size_t level);

  // --- JSON Feed (import_feed.cpp) ------------------------------------------
  void read_feed_item(od::value& v, std::size_t level, const std::string& feed_language,
                      std::vector<std::string>& without_language);
  void run_feed();

  // --- WordPress (import_wordpress.cpp) -------------------------------------
  void html_field(od::value& v, std::string& out, std::size_t level);
  void read_wp_post(od::value& v, std::size_t level);
  void run_wordpress();

  // --- JSON Lines (import_jsonl.cpp) ----------------------------------------
  void run_line();
  void line(std::string_view text, std::uint64_t number);
  [[noreturn]] void too_long(std::uint64_t number);
  void lines_in_memory(std::string_view text);
  void size_from_input(std::size_t line_bytes);
  static constexpr std::size_t kLinesToEstimate = 64;
  static constexpr std::uint64_t kMaxReserve = std::uint64_t(1) << 26;  // posts

  // --- drivers (import.cpp) -------------------------------------------------
  void parse_document(JsonFormat format, std::size_t capacity);
  void check_recognisable(std::string_view text);
  [[noreturn]] void stage1_failure(simdjson::error_code ec);
  void document_in_memory(std::string_view json, JsonFormat format);
  std::string_view prepare(std::string_view json);
  Result<ImportReport> finish();

  Collection& target_;
  const ImportOptions& opt_;
  Collection temp_;
  ImportReport report_;
  od::parser parser_;
  od::document* doc_ = nullptr;
  std::string_view buf_;     // the document or line being parsed
  std::uint64_t line_ = 0;   // JSON Lines line number, 0 for documents
  std::size_t shift_ = 0;    // bytes removed before buf_ (a BOM)
  std::vector<PathSeg> path_;
  std::unique_ptr<char[]> line_buf_;
  std::size_t line_cap_ = 0;
  // What the document is: a collection (in opt_.format), or a dictionary.
  enum class Mode { collection, sources, gazetteer, extra, digest } mode_ = Mode::collection;
  std::size_t records_ = 0;
  // JSON Lines: the input's size when known, and the lines seen so far, to
  // size the collection (size_from_input).
  std::uint64_t input_bytes_ = 0, lines_bytes_ = 0;
  std::size_t lines_seen_ = 0;
  // validate_only: the ids seen, for duplicates, in place of the posts.
  // Streamed (on_post): the post ids, and under keep_first the canonical URLs.
  detail::SeenPosts seen_posts_;
  detail::IdSet seen_source_ids_;
  std::vector<GazetteerEntity>* entities_ = nullptr;
  std::vector<std::size_t>* entity_offsets_ = nullptr;
  std::vector<ExtraField>* extra_ = nullptr;
  Digest* digest_ = nullptr;
};

}  // namespace digest::json_detail
