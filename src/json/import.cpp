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

#include "digest/encoding.hpp"
#include "digest/json.hpp"
#include "feeds/feed_import.hpp"
#include "json/importer.hpp"
#include "text/safe.hpp"

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
    } else if (mode_ == Mode::digest) {
      run_digest();
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

// Input that detection cannot place: one error that says what it looks
// like and what is read, instead of a JSON syntax error at byte 0.
void Importer::check_recognisable(std::string_view text) {
  if (mode_ != Mode::collection || opt_.format != JsonFormat::detect) return;
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
    ++i;
  if (i >= text.size()) return;
  // JSON of any kind (a bare string or number is reported as the wrong type).
  if (std::string_view("{[<\"-0123456789tfn").find(text[i]) != std::string_view::npos) return;
  std::string_view rest = text.substr(i);
  std::string what;
  if (rest.starts_with("%PDF")) what = "a PDF file";
  else if (rest.starts_with("PK\x03\x04")) what = "a ZIP archive";
  else if (rest.starts_with("\x1f\x8b")) what = "gzip-compressed data (decompress it first)";
  else {
    what = "neither JSON nor XML: it starts with ";
    what += detail::quote_for_message(rest.substr(0, 24), 24);
  }
  fail(ErrorCode::parse_error,
       "this looks like " + what +
           "; digestcore reads its own JSON, JSON Lines, JSON Feed, WordPress REST posts, "
           "RSS 0.9x/1.0/2.0 and Atom",
       text.data() + i, true);
}

Result<ImportReport> Importer::finish() {
  Status st = commit_import(target_, std::move(temp_), opt_, report_);
  if (!st) return std::move(st).error();
  return std::move(report_);
}

// Input in an encoding other than UTF-8 (named in the options, or shown by a
// UTF-16 or UTF-32 byte order mark): decoded whole, then imported as UTF-8.
// XML feeds decode themselves (their declaration counts), streamed.
bool needs_decoding(std::string_view head, const ImportOptions& opt) {
  if (!opt.encoding.empty()) {
    std::string e = opt.encoding;
    for (char& c : e)
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return e != "utf-8" && e != "utf8";
  }
  CharsetSniff sniff = sniff_charset(head.substr(0, 4));
  return sniff.from == CharsetSniff::From::bom && sniff.charset != "UTF-8";
}

Result<ImportReport> Importer::import_memory(std::string_view json) {
  if (json.size() > opt_.max_input_bytes) {
    Error e(ErrorCode::limit_exceeded, "input larger than the limit of " +
                                           std::to_string(opt_.max_input_bytes) + " bytes");
    e.file = opt_.source_name;
    return e;
  }
  if (mode_ == Mode::collection) {
    JsonFormat f = opt_.format;
    if (f == JsonFormat::detect) {
      // XML in any encoding starts with "<" once decoded: look past a BOM.
      CharsetSniff sniff = sniff_charset(json.substr(0, 1024));
      bool xml = sniff.from == CharsetSniff::From::xml_declaration;
      if (!xml && sniff.from == CharsetSniff::From::bom && sniff.charset != "UTF-8") {
        auto head = decode_to_utf8(json.substr(0, 64), sniff.charset);
        xml = head && detect_format(*head, true, nullptr) == JsonFormat::xml_feed;
      }
      if (xml || detect_format(json, true, nullptr) == JsonFormat::xml_feed) f = JsonFormat::xml_feed;
    }
    if (f == JsonFormat::xml_feed) return feed_detail::import_feed_memory(target_, json, opt_);
    if (needs_decoding(json, opt_)) {
      auto utf8 = decode_to_utf8(json, opt_.encoding.empty()
                                           ? sniff_charset(json.substr(0, 4)).charset
                                           : opt_.encoding);
      if (!utf8) {
        Error e = std::move(utf8).error();
        e.file = opt_.source_name;
        return e;
      }
      ImportOptions o = opt_;
      o.encoding.clear();
      if (opt_.on_skipped) {
        o.on_skipped = [&](const Error& e) {
          Error copy = e;
          copy.offset.reset();
          opt_.on_skipped(copy);
        };
      }
      Importer again(target_, o);
      // Byte offsets would point into the decoded text, not the input:
      // positions keep their line only.
      auto r = again.import_memory(*utf8);
      if (!r.ok()) {
        Error e = std::move(r).error();
        e.offset.reset();
        return e;
      }
      for (Error& e : r->skipped) e.offset.reset();
      for (Error& e : r->warnings) e.offset.reset();
      return r;
    }
  }
  try {
    std::string_view text = prepare(json);
    // Dictionaries are single documents, never JSON Lines.
    JsonFormat format = mode_ != Mode::collection ? JsonFormat::own : opt_.format;
    check_recognisable(text);
    if (format == JsonFormat::detect) format = json_detail::detect_format(text, true, nullptr);
    report_.format = format;
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

namespace {

Status check_streaming(const ImportOptions& options) {
  if (!options.on_post || options.validate_only) return {};
  if (options.on_duplicate == OnDuplicate::replace || options.on_duplicate == OnDuplicate::merge)
    return Error(ErrorCode::invalid_argument,
                 "on_duplicate replace and merge need the earlier posts, which a streamed import "
                 "(on_post) does not keep; use error or keep_first");
  return {};
}

}  // namespace

Result<ImportReport> import_json(Collection& collection, std::string_view json,
                                 const ImportOptions& options) {
  if (Status st = check_streaming(options); !st) return std::move(st).error();
  Importer importer(collection, options);
  return importer.import_memory(json);
}

Result<ImportReport> import_file(Collection& collection, const std::string& path,
                                 const ImportOptions& options) {
  if (Status st = check_streaming(options); !st) return std::move(st).error();
  ImportOptions opt = options;
  if (opt.source_name.empty()) opt.source_name = path;
  Importer importer(collection, opt);
  return importer.import_file(path);
}

}  // namespace digest
