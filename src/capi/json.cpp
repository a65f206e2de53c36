// C API over JSON import and export (include/digest/c/json.h): collections
// in every format, and the JSON forms of the source registry and the
// gazetteer.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/json.hpp"

struct dg_import_report {
  digest::ImportReport report;
  // The text parts of each skipped error, kept so that the pointers handed
  // out are NUL-terminated and live as long as the report.
  std::vector<std::string> full;
  std::vector<std::string> message;
  // The same for each kept warning.
  std::vector<std::string> warning_full;
  std::vector<std::string> warning_message;
};

namespace dg {

int read_format(dg_format format, digest::JsonFormat& out) {
  switch (format) {
    case DG_FORMAT_DETECT: out = digest::JsonFormat::detect; return DG_OK;
    case DG_FORMAT_OWN: out = digest::JsonFormat::own; return DG_OK;
    case DG_FORMAT_JSON_LINES: out = digest::JsonFormat::json_lines; return DG_OK;
    case DG_FORMAT_JSON_FEED: out = digest::JsonFormat::json_feed; return DG_OK;
    case DG_FORMAT_WORDPRESS: out = digest::JsonFormat::wordpress; return DG_OK;
    case DG_FORMAT_XML_FEED: out = digest::JsonFormat::xml_feed; return DG_OK;
    default: return bad_enum("dg_format", static_cast<int>(format));
  }
}

int read_output_options(const dg_output_options* opts, bool& pretty) {
  if (!opts) return DG_OK;
  if (opts->version != DG_OUTPUT_OPTIONS_VERSION)
    return bad_version("dg_output_options", opts->version);
  pretty = opts->pretty != 0;
  return DG_OK;
}

int read_feed_options(const dg_feed_options* opts, digest::FeedOptions& out) {
  if (!opts) return DG_OK;
  if (opts->version != DG_FEED_OPTIONS_VERSION) return bad_version("dg_feed_options", opts->version);
  std::string_view title, home, feed;
  if (int st = utf8_view(opts->title, opts->title_len, title, "title"); st != DG_OK) return st;
  if (int st = utf8_view(opts->home_page_url, opts->home_page_url_len, home, "home_page_url");
      st != DG_OK)
    return st;
  if (int st = utf8_view(opts->feed_url, opts->feed_url_len, feed, "feed_url"); st != DG_OK)
    return st;
  out.pretty = opts->pretty != 0;
  if (opts->title) out.title.assign(title);
  if (opts->home_page_url) out.home_page_url.assign(home);
  if (opts->feed_url) out.feed_url.assign(feed);
  return DG_OK;
}

dg_format format_of(digest::JsonFormat f) {
  switch (f) {
    case digest::JsonFormat::json_lines: return DG_FORMAT_JSON_LINES;
    case digest::JsonFormat::json_feed: return DG_FORMAT_JSON_FEED;
    case digest::JsonFormat::wordpress: return DG_FORMAT_WORDPRESS;
    case digest::JsonFormat::xml_feed: return DG_FORMAT_XML_FEED;
    default: return DG_FORMAT_OWN;
  }
}

// Version 2 fields (since 0.3); a version 1 struct has none of them.
int read_import_options_v2(const dg_import_options* opts, digest::ImportOptions& out) {
  std::string_view encoding;
  if (int st = dg::utf8_view(opts->encoding, opts->encoding_len, encoding, "encoding"); st != DG_OK)
    return st;
  switch (opts->on_duplicate) {
    case DG_ON_DUPLICATE_ERROR: out.on_duplicate = digest::OnDuplicate::error; break;
    case DG_ON_DUPLICATE_KEEP_FIRST: out.on_duplicate = digest::OnDuplicate::keep_first; break;
    case DG_ON_DUPLICATE_REPLACE: out.on_duplicate = digest::OnDuplicate::replace; break;
    case DG_ON_DUPLICATE_MERGE: out.on_duplicate = digest::OnDuplicate::merge; break;
    default: return dg::bad_enum("dg_on_duplicate", static_cast<int>(opts->on_duplicate));
  }
  out.strict = opts->strict != 0;
  out.encoding.assign(encoding);
  out.max_warnings_kept = opts->max_warnings_kept;
  if (dg_progress_fn fn = opts->on_progress) {
    void* user = opts->user_data;
    out.on_progress = [fn, user](const digest::ImportProgress& p) {
      fn(user, p.bytes_read, p.bytes_total, p.posts);
    };
  }
  return DG_OK;
}

int read_import_options(const dg_import_options* opts, digest::ImportOptions& out) {
  if (!opts) return DG_OK;
  if (opts->version != 1 && opts->version != DG_IMPORT_OPTIONS_VERSION)
    return dg::bad_version("dg_import_options", opts->version);
  if (opts->version >= 2)
    if (int st = read_import_options_v2(opts, out); st != DG_OK) return st;
  if (int st = dg::read_format(opts->format, out.format); st != DG_OK) return st;
  std::string_view name;
  if (int st = dg::utf8_view(opts->source_name, opts->source_name_len, name, "source_name");
      st != DG_OK)
    return st;
  const struct {
    std::size_t value;
    const char* name;
  } limits[] = {{opts->max_depth, "max_depth"},
                {opts->max_line_bytes, "max_line_bytes"},
                {opts->max_input_bytes, "max_input_bytes"},
                {opts->max_posts, "max_posts"}};
  for (const auto& limit : limits)
    if (limit.value == 0)
      return dg::set_error(DG_E_INVALID_ARGUMENT, std::string(limit.name) + " must be at least 1",
                           limit.name);
  out.skip_bad_records = opts->skip_bad_records != 0;
  out.source_name.assign(name);
  out.max_depth = opts->max_depth;
  out.max_line_bytes = opts->max_line_bytes;
  out.max_input_bytes = opts->max_input_bytes;
  out.max_posts = opts->max_posts;
  out.max_skipped_kept = opts->max_skipped_kept;
  out.validate_only = opts->validate_only != 0;
  // The callbacks are C functions: they cannot throw, so the importer's
  // all-or-nothing promise holds around them.
  if (dg_skipped_fn fn = opts->on_skipped) {
    void* user = opts->user_data;
    out.on_skipped = [fn, user](const digest::Error& e) {
      int code = dg::status_of(e.code);
      const std::string text = e.to_string();
      const std::int64_t offset = e.offset ? static_cast<std::int64_t>(*e.offset) : -1;
      fn(user, code == DG_OK ? DG_E_INTERNAL : code, text.c_str(), e.line, offset,
         e.field.c_str(), e.file.c_str());
    };
  }
  if (dg_should_stop_fn fn = opts->should_stop) {
    void* user = opts->user_data;
    out.should_stop = [fn, user] { return fn(user) != 0; };
  }
  return DG_OK;
}

int finish_import(digest::Result<digest::ImportReport>&& r, dg_import_report** out_report) {
  if (!r.ok()) return dg::set_error(r.error());
  if (out_report) {
    auto report = std::make_unique<dg_import_report>();
    report->report = std::move(r).value();
    report->full.reserve(report->report.skipped.size());
    report->message.reserve(report->report.skipped.size());
    for (const digest::Error& e : report->report.skipped) {
      report->full.push_back(e.to_string());
      report->message.push_back(e.message.empty() ? digest::error_code_name(e.code) : e.message);
    }
    for (const digest::Error& e : report->report.warnings) {
      report->warning_full.push_back(e.to_string());
      report->warning_message.push_back(e.message);
    }
    *out_report = report.release();
  }
  return DG_OK;
}

}  // namespace dg

namespace {

using dg::finish_import;
using dg::format_of;
using dg::read_import_options;

int import_json(dg_collection* collection, const char* json, size_t json_len,
                const digest::ImportOptions& options, dg_import_report** out_report) {
  std::string_view text;
  if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
  return finish_import(digest::import_json(collection->collection, text, options), out_report);
}

int import_file(dg_collection* collection, const char* path, const digest::ImportOptions& options,
                dg_import_report** out_report) {
  if (!path) return dg::null_argument("path");
  return finish_import(digest::import_file(collection->collection, path, options), out_report);
}

const digest::Error* skipped(const dg_import_report* report, size_t index, int& status,
                             bool warnings = false) {
  const auto& list = warnings ? report->report.warnings : report->report.skipped;
  if (index >= list.size()) {
    status = dg::index_error(warnings ? "warning" : "skipped record", index, list.size());
    return nullptr;
  }
  status = DG_OK;
  return &list[index];
}

// A kept skipped record's or warning's position and status.
int report_error_at(const dg_import_report* report, size_t index, bool warnings, int* out_code,
                    uint64_t* out_line, int64_t* out_offset) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    int st;
    const digest::Error* e = skipped(report, index, st, warnings);
    if (!e) return st;
    if (out_code) {
      int code = dg::status_of(e->code);
      *out_code = code == DG_OK ? DG_E_INTERNAL : code;
    }
    if (out_line) *out_line = e->line;
    if (out_offset) *out_offset = e->offset ? static_cast<int64_t>(*e->offset) : -1;
    return DG_OK;
  });
}

// A text part of the same.
int report_error_text(const dg_import_report* report, size_t index, bool warnings,
                      dg_error_text part, const char** out, size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (!out) return dg::null_argument("out");
    int st;
    const digest::Error* e = skipped(report, index, st, warnings);
    if (!e) return st;
    const std::string& full = warnings ? report->warning_full[index] : report->full[index];
    const std::string& message = warnings ? report->warning_message[index] : report->message[index];
    switch (part) {
      case DG_ERROR_TEXT_FULL: dg::put(full, out, out_len); return DG_OK;
      case DG_ERROR_TEXT_MESSAGE: dg::put(message, out, out_len); return DG_OK;
      case DG_ERROR_TEXT_FILE: dg::put(e->file, out, out_len); return DG_OK;
      case DG_ERROR_TEXT_FIELD: dg::put(e->field, out, out_len); return DG_OK;
      default: return dg::bad_enum("dg_error_text", static_cast<int>(part));
    }
  });
}

int export_collection(const digest::Collection& c, dg_format format, bool pretty,
                      std::string& out) {
  switch (format) {
    case DG_FORMAT_OWN: {
      digest::ExportOptions options;
      options.pretty = pretty;
      out = digest::export_json(c, options);
      return DG_OK;
    }
    case DG_FORMAT_JSON_LINES: out = digest::export_json_lines(c); return DG_OK;
    case DG_FORMAT_JSON_FEED: {
      digest::FeedOptions options;
      options.pretty = pretty;
      out = digest::export_json_feed(c, options);
      return DG_OK;
    }
    default:
      return dg::set_error(DG_E_INVALID_ARGUMENT,
                           "export writes DG_FORMAT_OWN, DG_FORMAT_JSON_LINES or "
                           "DG_FORMAT_JSON_FEED, not dg_format " +
                               std::to_string(static_cast<int>(format)),
                           "format");
  }
}

}  // namespace

extern "C" {

// ---- import -------------------------------------------------------------------

DG_API int dg_detect_format(const char* json, size_t json_len, dg_format* out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    switch (digest::detect_json_format(text)) {
      case digest::JsonFormat::json_lines: *out = DG_FORMAT_JSON_LINES; break;
      case digest::JsonFormat::json_feed: *out = DG_FORMAT_JSON_FEED; break;
      case digest::JsonFormat::wordpress: *out = DG_FORMAT_WORDPRESS; break;
      case digest::JsonFormat::xml_feed: *out = DG_FORMAT_XML_FEED; break;
      case digest::JsonFormat::own:
      case digest::JsonFormat::detect: *out = DG_FORMAT_OWN; break;
    }
    return DG_OK;
  });
}

DG_API int dg_collection_import_json(dg_collection* collection, const char* json,
                                     size_t json_len, dg_format format, size_t* out_added) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    digest::ImportOptions options;
    if (int st = dg::read_format(format, options.format); st != DG_OK) return st;
    dg_import_report* report = nullptr;
    int st = import_json(collection, json, json_len, options, out_added ? &report : nullptr);
    if (st == DG_OK && report) {
      *out_added = report->report.posts_added;
      delete report;
    }
    return st;
  });
}

DG_API int dg_collection_import_file(dg_collection* collection, const char* path,
                                     dg_format format, size_t* out_added) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    digest::ImportOptions options;
    if (int st = dg::read_format(format, options.format); st != DG_OK) return st;
    dg_import_report* report = nullptr;
    int st = import_file(collection, path, options, out_added ? &report : nullptr);
    if (st == DG_OK && report) {
      *out_added = report->report.posts_added;
      delete report;
    }
    return st;
  });
}

DG_API int dg_import_options_init(dg_import_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != 1 && version != DG_IMPORT_OPTIONS_VERSION)
      return dg::bad_version("dg_import_options", version);
    // The C++ defaults, so that the two cannot drift apart (a test checks
    // DG_IMPORT_OPTIONS_INIT against this).
    const digest::ImportOptions d;
    if (version >= 2) {
      *opts = dg_import_options{};
      opts->strict = d.strict ? 1 : 0;
      opts->encoding = nullptr;
      opts->encoding_len = 0;
      opts->on_duplicate = DG_ON_DUPLICATE_ERROR;
      opts->max_warnings_kept = d.max_warnings_kept;
      opts->on_progress = nullptr;
    } else {
      // A version 1 caller's struct ends at user_data: write no further.
      std::memset(static_cast<void*>(opts), 0, offsetof(dg_import_options, strict));
    }
    opts->version = version;
    opts->format = DG_FORMAT_DETECT;
    opts->skip_bad_records = d.skip_bad_records ? 1 : 0;
    opts->source_name = nullptr;
    opts->source_name_len = 0;
    opts->max_depth = d.max_depth;
    opts->max_line_bytes = d.max_line_bytes;
    opts->max_input_bytes = d.max_input_bytes;
    opts->max_posts = d.max_posts;
    opts->max_skipped_kept = d.max_skipped_kept;
    opts->validate_only = d.validate_only ? 1 : 0;
    opts->on_skipped = nullptr;
    opts->should_stop = nullptr;
    opts->user_data = nullptr;
    return DG_OK;
  });
}

DG_API int dg_collection_import_json_opts(dg_collection* collection, const char* json,
                                          size_t json_len, const dg_import_options* opts,
                                          dg_import_report** out_report) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    digest::ImportOptions options;
    if (int st = read_import_options(opts, options); st != DG_OK) return st;
    return import_json(collection, json, json_len, options, out_report);
  });
}

DG_API int dg_collection_import_file_opts(dg_collection* collection, const char* path,
                                          const dg_import_options* opts,
                                          dg_import_report** out_report) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    digest::ImportOptions options;
    if (int st = read_import_options(opts, options); st != DG_OK) return st;
    return import_file(collection, path, options, out_report);
  });
}

DG_API void dg_import_report_free(dg_import_report* report) { delete report; }

DG_API int dg_import_report_posts_added(const dg_import_report* report, size_t* out) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (!out) return dg::null_argument("out");
    *out = report->report.posts_added;
    return DG_OK;
  });
}

DG_API int dg_import_report_sources_added(const dg_import_report* report, size_t* out) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (!out) return dg::null_argument("out");
    *out = report->report.sources_added;
    return DG_OK;
  });
}

DG_API int dg_import_report_skipped_count(const dg_import_report* report, size_t* out) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (!out) return dg::null_argument("out");
    *out = std::max(report->report.skipped_count, report->report.skipped.size());
    return DG_OK;
  });
}

DG_API int dg_import_report_skipped_kept(const dg_import_report* report, size_t* out) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (!out) return dg::null_argument("out");
    *out = report->report.skipped.size();
    return DG_OK;
  });
}

DG_API int dg_import_report_skipped_at(const dg_import_report* report, size_t index,
                                       int* out_code, uint64_t* out_line, int64_t* out_offset) {
  return report_error_at(report, index, false, out_code, out_line, out_offset);
}

DG_API int dg_import_report_skipped_text(const dg_import_report* report, size_t index,
                                         dg_error_text part, const char** out, size_t* out_len) {
  return report_error_text(report, index, false, part, out, out_len);
}

DG_API int dg_import_report_warnings_count(const dg_import_report* report, size_t* out) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (!out) return dg::null_argument("out");
    *out = std::max(report->report.warnings_count, report->report.warnings.size());
    return DG_OK;
  });
}

DG_API int dg_import_report_warnings_kept(const dg_import_report* report, size_t* out) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (!out) return dg::null_argument("out");
    *out = report->report.warnings.size();
    return DG_OK;
  });
}

DG_API int dg_import_report_warning_at(const dg_import_report* report, size_t index,
                                       int* out_code, uint64_t* out_line, int64_t* out_offset) {
  return report_error_at(report, index, true, out_code, out_line, out_offset);
}

DG_API int dg_import_report_warning_text(const dg_import_report* report, size_t index,
                                         dg_error_text part, const char** out, size_t* out_len) {
  return report_error_text(report, index, true, part, out, out_len);
}

DG_API int dg_import_report_duplicates(const dg_import_report* report, size_t* out_kept_first,
                                       size_t* out_replaced, size_t* out_merged) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (out_kept_first) *out_kept_first = report->report.duplicates_kept_first;
    if (out_replaced) *out_replaced = report->report.duplicates_replaced;
    if (out_merged) *out_merged = report->report.duplicates_merged;
    return DG_OK;
  });
}

DG_API int dg_import_report_format(const dg_import_report* report, dg_format* out) {
  return dg::guard([&]() -> int {
    if (!report) return dg::null_argument("report");
    if (!out) return dg::null_argument("out");
    *out = format_of(report->report.format);
    return DG_OK;
  });
}

// ---- export -------------------------------------------------------------------

DG_API int dg_output_options_init(dg_output_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_OUTPUT_OPTIONS_VERSION) return dg::bad_version("dg_output_options", version);
    *opts = dg_output_options DG_OUTPUT_OPTIONS_INIT;
    return DG_OK;
  });
}

DG_API int dg_feed_options_init(dg_feed_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_FEED_OPTIONS_VERSION) return dg::bad_version("dg_feed_options", version);
    *opts = dg_feed_options DG_FEED_OPTIONS_INIT;
    return DG_OK;
  });
}

DG_API int dg_collection_export(const dg_collection* collection, dg_format format,
                                dg_buffer** out) {
  return dg_collection_export_opts(collection, format, nullptr, out);
}

DG_API int dg_collection_export_opts(const dg_collection* collection, dg_format format,
                                     const dg_output_options* opts, dg_buffer** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    bool pretty = true;
    if (int st = dg::read_output_options(opts, pretty); st != DG_OK) return st;
    std::string text;
    if (int st = export_collection(collection->collection, format, pretty, text); st != DG_OK)
      return st;
    return dg::put_buffer(std::move(text), out);
  });
}

DG_API int dg_collection_export_feed(const dg_collection* collection, const dg_feed_options* opts,
                                     dg_buffer** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    digest::FeedOptions options;
    if (int st = dg::read_feed_options(opts, options); st != DG_OK) return st;
    return dg::put_buffer(digest::export_json_feed(collection->collection, options), out);
  });
}

DG_API int dg_collection_export_file(const dg_collection* collection, const char* path,
                                     dg_format format, const dg_output_options* opts) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!path) return dg::null_argument("path");
    digest::ExportOptions options;
    if (int st = dg::read_output_options(opts, options.pretty); st != DG_OK) return st;
    digest::JsonFormat f;
    switch (format) {
      case DG_FORMAT_OWN: f = digest::JsonFormat::own; break;
      case DG_FORMAT_JSON_LINES: f = digest::JsonFormat::json_lines; break;
      case DG_FORMAT_JSON_FEED: f = digest::JsonFormat::json_feed; break;
      default:
        return dg::set_error(DG_E_INVALID_ARGUMENT,
                             "export writes DG_FORMAT_OWN, DG_FORMAT_JSON_LINES or "
                             "DG_FORMAT_JSON_FEED, not dg_format " +
                                 std::to_string(static_cast<int>(format)),
                             "format");
    }
    return dg::finish(digest::export_file(collection->collection, path, f, options));
  });
}

// ---- the source registry as JSON ------------------------------------------------

DG_API int dg_source_registry_load_json(dg_source_registry** out, const char* json,
                                        size_t json_len) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    auto r = digest::source_registry_from_json(text);
    if (!r.ok()) return dg::set_error(r.error());
    *out = new_registry(std::move(r).value());
    return DG_OK;
  });
}

DG_API int dg_source_registry_load_file(dg_source_registry** out, const char* path) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    if (!path) return dg::null_argument("path");
    auto r = digest::load_source_registry(path);
    if (!r.ok()) return dg::set_error(r.error());
    *out = new_registry(std::move(r).value());
    return DG_OK;
  });
}

DG_API int dg_source_registry_to_json(const dg_source_registry* registry, dg_buffer** out) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    if (!out) return dg::null_argument("out");
    return dg::put_buffer(digest::source_registry_to_json(registry->registry), out);
  });
}

DG_API int dg_source_registry_save(const dg_source_registry* registry, const char* path,
                                   const dg_output_options* opts) {
  return dg::guard([&]() -> int {
    if (!registry) return dg::null_argument("registry");
    if (!path) return dg::null_argument("path");
    bool pretty = true;
    if (int st = dg::read_output_options(opts, pretty); st != DG_OK) return st;
    return dg::finish(digest::save_source_registry(registry->registry, path, pretty));
  });
}

// ---- the gazetteer as JSON --------------------------------------------------------

DG_API int dg_gazetteer_load_json(dg_gazetteer** out, const char* json, size_t json_len) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    auto r = digest::gazetteer_from_json(text);
    if (!r.ok()) return dg::set_error(r.error());
    *out = new dg_gazetteer{std::move(r).value()};
    return DG_OK;
  });
}

DG_API int dg_gazetteer_load_file(dg_gazetteer** out, const char* path) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    if (!path) return dg::null_argument("path");
    auto r = digest::load_gazetteer(path);
    if (!r.ok()) return dg::set_error(r.error());
    *out = new dg_gazetteer{std::move(r).value()};
    return DG_OK;
  });
}

DG_API int dg_gazetteer_add_json(dg_gazetteer* gazetteer, const char* json, size_t json_len) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    return dg::finish(digest::gazetteer_add_json(gazetteer->gazetteer, text));
  });
}

DG_API int dg_gazetteer_add_file(dg_gazetteer* gazetteer, const char* path) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!path) return dg::null_argument("path");
    return dg::finish(digest::gazetteer_add_file(gazetteer->gazetteer, path));
  });
}

DG_API int dg_gazetteer_to_json(const dg_gazetteer* gazetteer, dg_buffer** out) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!out) return dg::null_argument("out");
    return dg::put_buffer(digest::gazetteer_to_json(gazetteer->gazetteer), out);
  });
}

DG_API int dg_gazetteer_save(const dg_gazetteer* gazetteer, const char* path,
                             const dg_output_options* opts) {
  return dg::guard([&]() -> int {
    if (!gazetteer) return dg::null_argument("gazetteer");
    if (!path) return dg::null_argument("path");
    bool pretty = true;
    if (int st = dg::read_output_options(opts, pretty); st != DG_OK) return st;
    return dg::finish(digest::save_gazetteer(gazetteer->gazetteer, path, pretty));
  });
}

}  // extern "C"
