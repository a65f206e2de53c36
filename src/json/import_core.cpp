// The importer's core, shared by every format: errors that carry the JSON
// path, line and byte offset of what failed (simdjson's error codes turned
// into messages), the typed readers of values (objects, arrays, strings,
// ids, dates, raw JSON kept as written) with their depth limit, and adding
// a post or source to the import with its id checks. Apart from the formats
// so that each of them reads as its schema only.
#include <algorithm>
#include <new>

#include "feeds/feed_items.hpp"
#include "json/importer.hpp"
#include "text/safe.hpp"

namespace digest::json_detail {

namespace {

const char* type_name(od::json_type t) {
  switch (t) {
    case od::json_type::object: return "an object";
    case od::json_type::array: return "an array";
    case od::json_type::string: return "a string";
    case od::json_type::number: return "a number";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
    default: return "an unknown value";  // newer simdjson has json_type::unknown
  }
}

}  // namespace

std::string_view trim_ws(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return false;
  return true;
}

// --- errors -------------------------------------------------------------
std::string Importer::render_path() const {
  std::string out;
  for (const PathSeg& s : path_) {
    if (s.is_index) {
      out += '[';
      out += std::to_string(s.index);
      out += ']';
    } else {
      if (!out.empty()) out += '.';
      // Keys are the input's: shown escaped and bounded, like any quote of it.
      detail::append_for_message(out, s.key, 120);
    }
  }
  return out;
}

Error Importer::make_error(ErrorCode code, std::string message, const char* at) const {
  Error e(code, std::move(message));
  e.file = opt_.source_name;
  e.field = render_path();
  if (at && at >= buf_.data() && at <= buf_.data() + buf_.size()) {
    auto off = static_cast<std::size_t>(at - buf_.data());
    e.offset = off + shift_;
    e.line = line_ ? line_ : json_detail::line_of(buf_, off);
  } else {
    e.line = line_;
  }
  return e;
}

[[noreturn]] void Importer::fail(ErrorCode code, std::string message, const char* at, bool fatal) {
  throw Failure{make_error(code, std::move(message), at), fatal};
}

[[noreturn]] void Importer::fail_json(simdjson::error_code ec, const char* at) {
  using simdjson::error_code;
  if (ec == error_code::INCOMPLETE_ARRAY_OR_OBJECT) at = buf_.data() + buf_.size();
  switch (ec) {
    case error_code::MEMALLOC: throw std::bad_alloc();
    case error_code::UTF8_ERROR:
      fail(ErrorCode::invalid_utf8, "invalid UTF-8", at, true);
    case error_code::CAPACITY:
      fail(ErrorCode::limit_exceeded, "input larger than simdjson can parse (4 GiB)", at, true);
    case error_code::DEPTH_ERROR:
      fail(ErrorCode::limit_exceeded, "nested deeper than the depth limit", at, true);
    case error_code::EMPTY: fail(ErrorCode::parse_error, "the input is empty", at, true);
    case error_code::INCOMPLETE_ARRAY_OR_OBJECT:
      // Found when the structure is first entered: the input ends early.
      fail(ErrorCode::parse_error, "malformed JSON: the input ends inside an object or array",
           at, true);
    case error_code::UNCLOSED_STRING:
      fail(ErrorCode::parse_error, "malformed JSON: a string is not closed", at, true);
    case error_code::UNESCAPED_CHARS:
      fail(ErrorCode::parse_error, "malformed JSON: unescaped control character in a string",
           at, true);
    case error_code::STRING_ERROR:
      fail(ErrorCode::parse_error, "malformed JSON: bad escape sequence in a string", at, true);
    case error_code::TRAILING_CONTENT:
      fail(ErrorCode::parse_error, "malformed JSON: unexpected content after the value", at,
           true);
    default:
      fail(ErrorCode::parse_error, std::string("malformed JSON: ") + simdjson::error_message(ec),
           at, true);
  }
}

const char* Importer::here() {
  const char* p = nullptr;
  if (doc_ && !doc_->current_location().get(p)) return p;
  return buf_.data() + buf_.size();
}

// --- values ---------------------------------------------------------------
od::json_type Importer::type_of(od::value& v) {
  od::json_type t{};
  if (auto e = v.type().get(t)) fail_json(e, loc(v));
  return t;
}

// `level` is the nesting level of the object or array holding `v`.
[[noreturn]] void Importer::wrong_type(od::value& v, const char* expected, std::size_t level) {
  const char* at = loc(v);
  od::json_type t = type_of(v);
  if (t == od::json_type::object || t == od::json_type::array) take_raw(v, level, false);
  fail(ErrorCode::wrong_type, std::string("expected ") + expected + ", got " + type_name(t), at);
}

void Importer::check_level(std::size_t level, const char* at) {
  if (level > opt_.max_depth)
    fail(ErrorCode::limit_exceeded,
         "nested deeper than max_depth (" + std::to_string(opt_.max_depth) + ")", at);
}

od::object Importer::get_object(od::value& v, std::size_t level) {
  od::object o;
  auto e = v.get_object().get(o);
  if (e == simdjson::INCORRECT_TYPE) wrong_type(v, "an object", level);
  if (e) fail_json(e, loc(v));
  check_level(level + 1, loc(v));
  return o;
}

od::array Importer::get_array(od::value& v, std::size_t level) {
  od::array a;
  auto e = v.get_array().get(a);
  if (e == simdjson::INCORRECT_TYPE) wrong_type(v, "an array", level);
  if (e) fail_json(e, loc(v));
  check_level(level + 1, loc(v));
  return a;
}

// A string, viewed in the parser's buffer until the next value is read;
// null reads as absent (false). Anything else is wrong_type.
bool Importer::get_string_view(od::value& v, std::string_view& out, std::size_t level,
                               bool null_ok) {
  const char* at = loc(v);
  auto e = v.get_string().get(out);
  if (e == simdjson::INCORRECT_TYPE) {
    if (null_ok && type_of(v) == od::json_type::null) {
      out = {};
      return false;
    }
    wrong_type(v, "a string", level);
  }
  if (e) fail_json(e, at);
  return true;
}

bool Importer::get_string(od::value& v, std::string& out, std::size_t level, bool null_ok) {
  std::string_view s;
  if (!get_string_view(v, s, level, null_ok)) {
    out.clear();
    return false;
  }
  out.assign(s.data(), s.size());
  return true;
}

// An id: a string, or (when numbers_ok) a JSON number kept as written.
void Importer::get_id(od::value& v, std::string& out, std::size_t level, bool numbers_ok) {
  const char* at = loc(v);
  if (numbers_ok && type_of(v) == od::json_type::number) {
    std::string_view tok = trim_ws(v.raw_json_token());
    RawCheck rc = check_raw_json(tok, 0, nullptr);
    if (!rc.ok) fail(rc.code, std::string("malformed JSON: ") + rc.message, at + rc.offset, true);
    out.assign(tok.data(), tok.size());
    return;
  }
  if (!get_string(v, out, level, false)) return;
  if (out.empty()) fail(ErrorCode::missing_field, "the id is empty", at);
}

void Importer::get_string_array(od::value& v, std::vector<std::string>& out, std::size_t level,
                                bool comma_list_ok) {
  out.clear();
  od::json_type t = type_of(v);
  if (t == od::json_type::null) return;
  if (t == od::json_type::string && comma_list_ok && !opt_.strict && mode_ == Mode::collection) {
    // "tags": "workflow,omnifocus": a list written as one string.
    const char* at = loc(v);
    std::string all;
    get_string(v, all, level);
    std::size_t start = 0;
    while (start <= all.size()) {
      std::size_t comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      std::string item(trim_ws(std::string_view(all).substr(start, comma - start)));
      std::size_t lead = item.find_first_not_of(" \t\r\n");
      if (lead != std::string::npos) out.push_back(item.substr(lead));
      start = comma + 1;
    }
    warn(ErrorCode::wrong_type, "a list written as one string; read as " +
                                    std::to_string(out.size()) + " comma-separated entries",
         at);
    return;
  }
  od::array a = get_array(v, level);
  each_element(a, [&](std::size_t, od::value& el) {
    out.emplace_back();
    get_string(el, out.back(), level + 1, false);
  });
}

void Importer::get_date(od::value& v, std::optional<DateTime>& out, std::size_t level, bool utc) {
  const char* at = loc(v);
  std::string_view s;  // no copy: read at once
  if (!get_string_view(v, s, level)) {
    out.reset();
    return;
  }
  auto r = DateTime::from_iso(s);
  if (!r && !opt_.strict) {
    // RFC 822 ("Tue, 03 Jun 2025 09:39:21 GMT") and other forms feeds write.
    bool repaired = false;
    if (auto d = feed_detail::read_feed_date(s, false, &repaired)) {
      warn(ErrorCode::parse_error,
           "date " + detail::quote_for_message(s) + " is not ISO 8601; read as " + d->to_iso(), at);
      r = *d;
    }
  }
  if (!r) {
    fail(ErrorCode::parse_error, r.error().message,
         at + 1 + static_cast<std::ptrdiff_t>(std::min<std::uint64_t>(r.error().offset.value_or(0),
                                                                       s.size())));
  }
  if (utc && !r->utc_offset_minutes && r->seconds) r->utc_offset_minutes = 0;
  out = *r;
}

// Reads `v` (any JSON value) as raw text, checking it fully and bounding
// its depth; returns it minified when `keep`.
std::string Importer::take_raw(od::value& v, std::size_t level, bool keep) {
  const char* at = loc(v);
  std::string_view raw;
  od::json_type t = type_of(v);
  if (t == od::json_type::object) {
    od::object o;
    simdjson::error_code e = v.get_object().get(o);
    if (!e) e = o.raw_json().get(raw);
    if (e) fail_json(e, at);
  } else if (t == od::json_type::array) {
    od::array a;
    simdjson::error_code e = v.get_array().get(a);
    if (!e) e = a.raw_json().get(raw);
    if (e) fail_json(e, at);
  } else {
    raw = v.raw_json_token();
  }
  std::size_t budget = opt_.max_depth > level ? opt_.max_depth - level : 0;
  std::string out;
  RawCheck rc = check_raw_json(raw, budget, keep ? &out : nullptr);
  if (!rc.ok) {
    if (rc.code == ErrorCode::limit_exceeded)
      fail(rc.code, "nested deeper than max_depth (" + std::to_string(opt_.max_depth) + ")",
           raw.data() + rc.offset);
    if (rc.code == ErrorCode::invalid_utf8)  // a lone surrogate: the record is bad, not the JSON
      fail(rc.code, rc.message, raw.data() + rc.offset);
    fail(rc.code, std::string("malformed JSON: ") + rc.message, raw.data() + rc.offset, true);
  }
  return out;
}

// --- records and documents ------------------------------------------------
void Importer::require_id(const std::string& id, const char* at) {
  if (!id.empty()) return;
  path_.push_back({"id", 0, false});
  fail(ErrorCode::missing_field, "missing required member \"id\"", at);
}

void Importer::skipped(Error&& e) {
  ++report_.skipped_count;
  if (opt_.on_skipped) opt_.on_skipped(e);
  else if (report_.skipped.size() < opt_.max_skipped_kept) report_.skipped.push_back(std::move(e));
}

void Importer::check_stop() {
  if (opt_.should_stop && opt_.should_stop())
    fail(ErrorCode::cancelled, "import stopped on request", nullptr, true);
}

void Importer::warn(ErrorCode code, std::string message, const char* at) {
  ++report_.warnings_count;
  if (report_.warnings.size() < opt_.max_warnings_kept)
    report_.warnings.push_back(make_error(code, std::move(message), at));
}

// Feeds from the wild (JSON Feed, WordPress) carry mojibake: repaired in
// liberal mode, each repair a warning at the record.
void Importer::repair_text_fields(Post& p, const char* at) {
  if (opt_.strict) return;
  feed_detail::Warn note = [&](ErrorCode code, std::string message) {
    warn(code, std::move(message), at);
  };
  feed_detail::repair_field(p.title, "title", note);
  feed_detail::repair_field(p.excerpt, "excerpt", note);
  feed_detail::repair_field(p.body, "body", note);
  for (std::string& a : p.authors) feed_detail::repair_field(a, "author", note);
  for (std::string& t : p.tags) feed_detail::repair_field(t, "tag", note);
}

void Importer::add_post(Post&& p, const char* at) {
  require_id(p.id, at);
  const bool policy = opt_.on_duplicate != OnDuplicate::error;
  if (!policy && !target_.empty() && target_.find_post(p.id)) duplicate_post(p.id, true, at);
  if (policy && !opt_.validate_only && !opt_.on_post) {
    if (Post* earlier = temp_.find_post(p.id)) {  // an item listed twice: resolved here, as merge would
      count_duplicate(report_, opt_.on_duplicate);
      merge_duplicate_post(*earlier, std::move(p), opt_.on_duplicate);
      return;
    }
  }
  if (report_.posts_added >= opt_.max_posts) {
    if (opt_.validate_only || opt_.on_post ? seen_posts_.has_id(p.id)
                                           : temp_.find_post(p.id) != nullptr) {
      if (policy) return count_duplicate(report_, opt_.on_duplicate);
      duplicate_post(p.id, false, at);
    }
    fail(ErrorCode::limit_exceeded,
         "more than " + std::to_string(opt_.max_posts) + " posts in one import", at, true);
  }
  if (opt_.validate_only || opt_.on_post) {
    if (policy && opt_.on_post && !opt_.validate_only && target_.find_post(p.id))
      return count_duplicate(report_, opt_.on_duplicate);
    // Only the ids are kept, as 128-bit digests (model/id_set.hpp); streamed
    // under keep_first, the canonical URLs too.
    const bool by_url = !opt_.validate_only && opt_.on_duplicate == OnDuplicate::keep_first;
    if (!seen_posts_.add(p, by_url)) {
      if (policy) return count_duplicate(report_, opt_.on_duplicate);
      duplicate_post(p.id, false, at);
    }
    ++report_.posts_added;
    if (!opt_.validate_only) opt_.on_post(std::move(p));
    return;
  }
  // One lookup: the collection says whether the id was there.
  Status st = temp_.add_post(std::move(p));
  if (!st) {
    if (st.error().code == ErrorCode::duplicate_id) {
      path_.push_back({"id", 0, false});
      fail(ErrorCode::duplicate_id, st.error().message + " (earlier in the input)", at);
    }
    fail(st.error().code, st.error().message, at);
  }
  ++report_.posts_added;
}

void Importer::duplicate_post(std::string_view id, bool in_target, const char* at) {
  path_.push_back({"id", 0, false});
  fail(ErrorCode::duplicate_id,
       "duplicate post id " + detail::quote_for_message(id) +
           (in_target ? " (already in the collection)" : " (earlier in the input)"),
       at);
}

void Importer::add_source(Source&& s, const char* at) {
  require_id(s.id, at);
  const bool policy = opt_.on_duplicate != OnDuplicate::error;
  const Source* old = target_.find_source(s.id);
  if (old && *old == s) return;  // already there as it is: nothing to add
  bool in_target = !policy && old != nullptr;
  bool earlier =
      opt_.validate_only ? seen_source_ids_.contains(s.id) : temp_.find_source(s.id) != nullptr;
  if (policy && earlier) {
    count_duplicate(report_, OnDuplicate::keep_first);  // a source listed twice: the first
    return;
  }
  if (in_target || earlier) {
    path_.push_back({"id", 0, false});
    fail(ErrorCode::duplicate_id,
         "duplicate source id " + detail::quote_for_message(s.id) +
             (in_target ? " (already in the collection)" : " (earlier in the input)"),
         at);
  }
  if (report_.sources_added >= opt_.max_posts)
    fail(ErrorCode::limit_exceeded,
         "more than " + std::to_string(opt_.max_posts) + " sources in one import", at, true);
  ++report_.sources_added;
  if (opt_.validate_only) {
    seen_source_ids_.insert(s.id);
    return;
  }
  Status st = temp_.add_source(std::move(s));
  if (!st) fail(st.error().code, st.error().message, at);
}

od::object Importer::root_object(const char* what) {
  od::object o;
  auto e = doc_->get_object().get(o);
  if (e == simdjson::INCORRECT_TYPE)
    fail(ErrorCode::wrong_type, std::string("expected ") + what, buf_.data(), true);
  if (e) fail_json(e, here());
  check_level(1, buf_.data());
  return o;
}

void Importer::check_trailing() {
  const char* p = nullptr;
  if (!doc_->current_location().get(p))
    fail(ErrorCode::parse_error, "malformed JSON: unexpected content after the value", p, true);
}

}  // namespace digest::json_detail
