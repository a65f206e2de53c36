// JSON import with simdjson On-Demand: the entry points, which pick the
// format (detected from the content or named in the options) and run the
// Importer over one document in memory; the formats, the shared core and
// the file reader are in import_*.cpp (see importer.hpp for the map).
//
// Every import parses into a temporary Collection that is merged into the
// caller's at the end, so a failed import changes nothing. Bad records throw
// an internal Failure that is caught at the record boundary (skip mode) or
// at the top, and never leaves the importer.
#include <new>

#include "digest/json.hpp"
#include "json/importer.hpp"

namespace digest::json_detail {

namespace {

// Where a stage-1 string problem is: a control character inside a string, or
// the opening quote of a string that never ends. npos when none is found.
std::size_t locate_string_problem(std::string_view s) {
  bool in = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!in) {
      if (c == '"') {
        in = true;
        start = i;
      }
    } else if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in = false;
    } else if (c < 0x20) {
      return i;
    }
  }
  return in ? start : std::string_view::npos;
}

}  // namespace

// --- drivers --------------------------------------------------------------
// Parses buf_ (padded to `capacity`) as one document of `format`.
void Importer::parse_document(JsonFormat format, std::size_t capacity) {
  auto r = parser_.iterate(buf_.data(), buf_.size(), capacity);
  if (r.error()) stage1_failure(r.error());
  od::document doc = std::move(r).value_unsafe();
  doc_ = &doc;
  try {
    if (mode_ == Mode::sources) {
      run_sources_document();
    } else if (mode_ == Mode::gazetteer) {
      run_gazetteer_document();
    } else if (mode_ == Mode::extra) {
      run_extra_object();
    } else switch (format) {
      case JsonFormat::json_feed: run_feed(); break;
      case JsonFormat::wordpress: run_wordpress(); break;
      case JsonFormat::json_lines: run_line(); break;
      default: run_own(); break;
    }
  } catch (...) {
    doc_ = nullptr;
    throw;
  }
  doc_ = nullptr;
}

[[noreturn]] void Importer::stage1_failure(simdjson::error_code ec) {
  const char* at = buf_.data() + buf_.size();
  if (ec == simdjson::UTF8_ERROR) {
    at = buf_.data() + json_detail::utf8_error_offset(buf_);
  } else if (ec == simdjson::UNESCAPED_CHARS || ec == simdjson::UNCLOSED_STRING) {
    std::size_t off = locate_string_problem(buf_);
    if (off != std::string_view::npos) at = buf_.data() + off;
  }
  fail_json(ec, at);
}

void Importer::document_in_memory(std::string_view json, JsonFormat format) {
  // simdjson reads SIMDJSON_PADDING bytes past the end: copy once.
  simdjson::padded_string padded(json.data(), json.size());
  if (padded.size() != json.size()) throw std::bad_alloc();
  buf_ = std::string_view(padded.data(), padded.size());
  parse_document(format, padded.size() + simdjson::SIMDJSON_PADDING);
}

// Strips a BOM and checks for emptiness; returns the text to parse.
std::string_view Importer::prepare(std::string_view json) {
  shift_ = 0;
  if (json.starts_with("\xEF\xBB\xBF")) {
    json.remove_prefix(3);
    shift_ = 3;
  }
  // Empty input is no document; but JSON Lines asked for by name may hold
  // no lines (an empty collection exports to that).
  if (blank(json) && !(mode_ == Mode::collection && opt_.format == JsonFormat::json_lines)) {
    buf_ = json;
    fail(ErrorCode::parse_error, "the input is empty", json.data(), true);
  }
  return json;
}

Result<ImportReport> Importer::finish() {
  if (opt_.validate_only) return std::move(report_);
  if (target_.empty()) {  // nothing to check against: take the whole
    target_ = std::move(temp_);
    return std::move(report_);
  }
  Status st = target_.merge(std::move(temp_));
  if (!st) {
    Error e = std::move(st).error();
    e.file = opt_.source_name;
    return e;
  }
  return std::move(report_);
}

Result<ImportReport> Importer::import_memory(std::string_view json) {
  if (json.size() > opt_.max_input_bytes) {
    Error e(ErrorCode::limit_exceeded, "input larger than the limit of " +
                                           std::to_string(opt_.max_input_bytes) + " bytes");
    e.file = opt_.source_name;
    return e;
  }
  try {
    std::string_view text = prepare(json);
    // Dictionaries are single documents, never JSON Lines.
    JsonFormat format = mode_ != Mode::collection ? JsonFormat::own : opt_.format;
    if (format == JsonFormat::detect) format = json_detail::detect_format(text, true, nullptr);
    if (format == JsonFormat::json_lines)
      lines_in_memory(json);
    else
      document_in_memory(text, format);
    return finish();
  } catch (Failure& f) {
    return std::move(f.error);
  }
}

}  // namespace digest::json_detail

namespace digest {

using json_detail::Importer;

Result<ImportReport> import_json(Collection& collection, std::string_view json,
                                 const ImportOptions& options) {
  Importer importer(collection, options);
  return importer.import_memory(json);
}

Result<ImportReport> import_file(Collection& collection, const std::string& path,
                                 const ImportOptions& options) {
  ImportOptions opt = options;
  if (opt.source_name.empty()) opt.source_name = path;
  Importer importer(collection, opt);
  return importer.import_file(path);
}

}  // namespace digest
