// JSON import with simdjson On-Demand: the own format (one document or JSON
// Lines), JSON Feed 1.1 and WordPress REST API post arrays.
//
// Every import parses into a temporary Collection that is merged into the
// caller's at the end, so a failed import changes nothing. Bad records throw
// an internal Failure that is caught at the record boundary (skip mode) or
// at the top, and never leaves this file.
#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <unordered_set>
#include <utility>

#include "digest/json.hpp"
#include "json/json_internal.hpp"

namespace digest {

namespace {

namespace od = simdjson::ondemand;
using json_detail::check_raw_json;
using json_detail::RawCheck;

constexpr std::size_t kReadChunk = 1u << 20;

struct Failure {
  Error error;
  bool fatal;  // the parser cannot go on with the rest of this document
};

struct PathSeg {
  std::string_view key;
  std::size_t index;
  bool is_index;
};

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

// Fields of a post in the own format, as bits of a "seen" mask.
enum PostField : int {
  kId, kTitle, kUrl, kPostedOn, kPublishedOn, kAuthors, kSource, kPlace, kExcerpt, kBody,
  kLanguage, kTags,
};

int post_field(std::string_view k) {
  switch (k.size()) {
    case 2: return k == "id" ? kId : -1;
    case 3: return k == "url" ? kUrl : -1;
    case 4: return k == "body" ? kBody : k == "tags" ? kTags : -1;
    case 5: return k == "title" ? kTitle : k == "place" ? kPlace : -1;
    case 6: return k == "source" ? kSource : -1;
    case 7: return k == "authors" ? kAuthors : k == "excerpt" ? kExcerpt : -1;
    case 8: return k == "language" ? kLanguage : -1;
    case 9: return k == "posted_on" ? kPostedOn : -1;
    case 12: return k == "published_on" ? kPublishedOn : -1;
    default: return -1;
  }
}

enum SourceField : int { kSrcId, kSrcName, kSrcAliases, kSrcUrl, kSrcLanguage, kSrcCountry };

int source_field(std::string_view k) {
  if (k == "id") return kSrcId;
  if (k == "name") return kSrcName;
  if (k == "aliases") return kSrcAliases;
  if (k == "url") return kSrcUrl;
  if (k == "language") return kSrcLanguage;
  if (k == "country") return kSrcCountry;
  return -1;
}

class Importer {
 public:
  Importer(Collection& target, const ImportOptions& options) : target_(target), opt_(options) {
    path_.reserve(16);
  }

  Result<ImportReport> import_memory(std::string_view json);
  Result<ImportReport> import_file(const std::string& path);

 private:
  // --- errors -------------------------------------------------------------
  std::string render_path() const {
    std::string out;
    for (const PathSeg& s : path_) {
      if (s.is_index) {
        out += '[';
        out += std::to_string(s.index);
        out += ']';
      } else {
        if (!out.empty()) out += '.';
        out.append(s.key);
      }
    }
    return out;
  }

  Error make_error(ErrorCode code, std::string message, const char* at) const {
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

  [[noreturn]] void fail(ErrorCode code, std::string message, const char* at, bool fatal = false) {
    throw Failure{make_error(code, std::move(message), at), fatal};
  }

  [[noreturn]] void fail_json(simdjson::error_code ec, const char* at) {
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

  const char* here() {
    const char* p = nullptr;
    if (doc_ && !doc_->current_location().get(p)) return p;
    return buf_.data() + buf_.size();
  }

  static const char* loc(od::value& v) { return v.raw_json_token().data(); }

  // --- values ---------------------------------------------------------------
  od::json_type type_of(od::value& v) {
    od::json_type t{};
    if (auto e = v.type().get(t)) fail_json(e, loc(v));
    return t;
  }

  // `level` is the nesting level of the object or array holding `v`.
  [[noreturn]] void wrong_type(od::value& v, const char* expected, std::size_t level) {
    const char* at = loc(v);
    od::json_type t = type_of(v);
    if (t == od::json_type::object || t == od::json_type::array) take_raw(v, level, false);
    fail(ErrorCode::wrong_type, std::string("expected ") + expected + ", got " + type_name(t), at);
  }

  void check_level(std::size_t level, const char* at) {
    if (level > opt_.max_depth)
      fail(ErrorCode::limit_exceeded,
           "nested deeper than max_depth (" + std::to_string(opt_.max_depth) + ")", at);
  }

  od::object get_object(od::value& v, std::size_t level) {
    od::object o;
    auto e = v.get_object().get(o);
    if (e == simdjson::INCORRECT_TYPE) wrong_type(v, "an object", level);
    if (e) fail_json(e, loc(v));
    check_level(level + 1, loc(v));
    return o;
  }

  od::array get_array(od::value& v, std::size_t level) {
    od::array a;
    auto e = v.get_array().get(a);
    if (e == simdjson::INCORRECT_TYPE) wrong_type(v, "an array", level);
    if (e) fail_json(e, loc(v));
    check_level(level + 1, loc(v));
    return a;
  }

  // A string; null reads as absent (false). Anything else is wrong_type.
  bool get_string(od::value& v, std::string& out, std::size_t level, bool null_ok = true) {
    const char* at = loc(v);
    std::string_view s;
    auto e = v.get_string().get(s);
    if (e == simdjson::INCORRECT_TYPE) {
      if (null_ok && type_of(v) == od::json_type::null) {
        out.clear();
        return false;
      }
      wrong_type(v, "a string", level);
    }
    if (e) fail_json(e, at);
    out.assign(s.data(), s.size());
    return true;
  }

  // An id: a string, or (when numbers_ok) a JSON number kept as written.
  void get_id(od::value& v, std::string& out, std::size_t level, bool numbers_ok) {
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

  void get_string_array(od::value& v, std::vector<std::string>& out, std::size_t level) {
    out.clear();
    if (type_of(v) == od::json_type::null) return;
    od::array a = get_array(v, level);
    each_element(a, [&](std::size_t, od::value& el) {
      out.emplace_back();
      get_string(el, out.back(), level + 1, false);
    });
  }

  void get_date(od::value& v, std::optional<DateTime>& out, std::size_t level, bool utc = false) {
    const char* at = loc(v);
    std::string s;
    if (!get_string(v, s, level)) {
      out.reset();
      return;
    }
    auto r = DateTime::from_iso(s);
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
  std::string take_raw(od::value& v, std::size_t level, bool keep) {
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
      fail(rc.code, std::string("malformed JSON: ") + rc.message, raw.data() + rc.offset, true);
    }
    return out;
  }

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
      report_.skipped.push_back(std::move(failure.error));
    }
  }

  // --- records --------------------------------------------------------------
  // Reads the members of an own-format post object at nesting `level`;
  // returns the mask of the known fields seen.
  unsigned read_post_fields(od::object& obj, Post& p, std::size_t level) {
    unsigned seen = 0;
    each_field(obj, [&](std::string_view key, od::value& v) {
      int k = post_field(key);
      if (k < 0) {
        p.extra.push_back({std::string(key), take_raw(v, level, true)});
        return;
      }
      if (seen & (1u << k)) fail(ErrorCode::parse_error, "duplicate member", loc(v));
      seen |= 1u << k;
      switch (k) {
        case kId: get_id(v, p.id, level, false); break;
        case kTitle: get_string(v, p.title, level); break;
        case kUrl: get_string(v, p.url, level); break;
        case kPostedOn: get_date(v, p.posted_on, level); break;
        case kPublishedOn: get_date(v, p.published_on, level); break;
        case kAuthors: get_string_array(v, p.authors, level); break;
        case kSource: get_string(v, p.source, level); break;
        case kPlace: get_string(v, p.place, level); break;
        case kExcerpt: get_string(v, p.excerpt, level); break;
        case kBody: get_string(v, p.body, level); break;
        case kLanguage: get_string(v, p.language, level); break;
        case kTags: get_string_array(v, p.tags, level); break;
        default: break;
      }
    });
    return seen;
  }

  void read_source_fields(od::object& obj, Source& s, std::size_t level) {
    unsigned seen = 0;
    each_field(obj, [&](std::string_view key, od::value& v) {
      int k = source_field(key);
      if (k < 0) {
        s.extra.push_back({std::string(key), take_raw(v, level, true)});
        return;
      }
      if (seen & (1u << k)) fail(ErrorCode::parse_error, "duplicate member", loc(v));
      seen |= 1u << k;
      switch (k) {
        case kSrcId: get_id(v, s.id, level, false); break;
        case kSrcName: get_string(v, s.name, level); break;
        case kSrcAliases: get_string_array(v, s.aliases, level); break;
        case kSrcUrl: get_string(v, s.url, level); break;
        case kSrcLanguage: get_string(v, s.language, level); break;
        case kSrcCountry: get_string(v, s.country, level); break;
        default: break;
      }
    });
  }

  void require_id(const std::string& id, const char* at) {
    if (!id.empty()) return;
    path_.push_back({"id", 0, false});
    fail(ErrorCode::missing_field, "missing required member \"id\"", at);
  }

  void add_post(Post&& p, const char* at) {
    require_id(p.id, at);
    bool in_target = !target_.empty() && target_.find_post(p.id);
    if (in_target || temp_.find_post(p.id)) {
      path_.push_back({"id", 0, false});
      fail(ErrorCode::duplicate_id,
           "duplicate post id '" + p.id + "'" +
               (in_target ? " (already in the collection)" : " (earlier in the input)"),
           at);
    }
    Status st = temp_.add_post(std::move(p));
    if (!st) fail(st.error().code, st.error().message, at);
  }

  void add_source(Source&& s, const char* at) {
    require_id(s.id, at);
    if (target_.find_source(s.id) || temp_.find_source(s.id)) {
      path_.push_back({"id", 0, false});
      fail(ErrorCode::duplicate_id,
           "duplicate source id '" + s.id + "'" +
               (target_.find_source(s.id) ? " (already in the collection)"
                                          : " (earlier in the input)"),
           at);
    }
    Status st = temp_.add_source(std::move(s));
    if (!st) fail(st.error().code, st.error().message, at);
  }

  void read_own_post(od::value& v, std::size_t level) {
    const char* at = loc(v);
    od::object o = get_object(v, level);
    Post p;
    read_post_fields(o, p, level + 1);
    add_post(std::move(p), at);
  }

  void read_own_source(od::value& v, std::size_t level) {
    const char* at = loc(v);
    od::object o = get_object(v, level);
    Source s;
    read_source_fields(o, s, level + 1);
    add_source(std::move(s), at);
  }

  void read_sources_array(od::value& v, std::size_t level) {
    od::array a = get_array(v, level);
    each_element(a, [&](std::size_t, od::value& el) {
      record([&] { read_own_source(el, level + 1); });
    });
  }

  // HTML from a field, as text.
  void html_field(od::value& v, std::string& out, std::size_t level) {
    const char* at = loc(v);
    std::string html;
    if (!get_string(v, html, level)) {
      out.clear();
      return;
    }
    std::string error;
    if (!json_detail::html_to_text(html, out, error)) fail(ErrorCode::limit_exceeded, error, at);
  }

  // --- formats --------------------------------------------------------------
  od::object root_object(const char* what) {
    od::object o;
    auto e = doc_->get_object().get(o);
    if (e == simdjson::INCORRECT_TYPE)
      fail(ErrorCode::wrong_type, std::string("expected ") + what, buf_.data(), true);
    if (e) fail_json(e, here());
    check_level(1, buf_.data());
    return o;
  }

  void check_trailing() {
    const char* p = nullptr;
    if (!doc_->current_location().get(p))
      fail(ErrorCode::parse_error, "malformed JSON: unexpected content after the value", p, true);
  }

  void run_own() {
    od::object root = root_object("an object {\"digestcore\": 1, \"sources\": [...], \"posts\": [...]}");
    each_field(root, [&](std::string_view key, od::value& v) {
      if (key == "digestcore") {
        const char* at = loc(v);
        if (type_of(v) != od::json_type::number) wrong_type(v, "the number 1", 1);
        std::string_view tok = trim_ws(v.raw_json_token());
        if (tok != "1")
          fail(ErrorCode::parse_error,
               "unsupported digestcore format version " + std::string(tok) + " (this reads 1)", at,
               true);
      } else if (key == "posts") {
        od::array a = get_array(v, 1);
        each_element(a, [&](std::size_t, od::value& el) { record([&] { read_own_post(el, 2); }); });
      } else if (key == "sources") {
        read_sources_array(v, 1);
      } else {
        take_raw(v, 1, false);  // checked, then ignored
      }
    });
    check_trailing();
  }

  void read_feed_item(od::value& v, std::size_t level, const std::string& feed_language,
                      std::vector<std::string>& without_language) {
    const char* at = loc(v);
    od::object o = get_object(v, level);
    const std::size_t in = level + 1;
    Post p, overlay;
    unsigned overlay_seen = 0;
    bool have_text = false, have_authors = false;
    std::string html;
    const char* html_at = nullptr;
    unsigned seen = 0;
    auto once = [&](unsigned bit, od::value& val) {
      if (seen & bit) fail(ErrorCode::parse_error, "duplicate member", loc(val));
      seen |= bit;
    };
    auto read_author = [&](od::value& a) {
      od::object ao = get_object(a, in + 1);
      std::string name;
      bool has_name = false;
      each_field(ao, [&](std::string_view k, od::value& av) {
        if (k == "name")
          has_name = get_string(av, name, in + 2);
        else
          take_raw(av, in + 2, false);
      });
      if (has_name) p.authors.push_back(std::move(name));
    };
    each_field(o, [&](std::string_view key, od::value& val) {
      if (key == "id") {
        once(1, val);
        get_id(val, p.id, in, true);
      } else if (key == "url") {
        once(2, val);
        get_string(val, p.url, in);
      } else if (key == "title") {
        once(4, val);
        get_string(val, p.title, in);
      } else if (key == "content_text") {
        once(8, val);
        have_text = get_string(val, p.body, in);
      } else if (key == "content_html") {
        once(16, val);
        html_at = loc(val);
        if (!get_string(val, html, in)) html_at = nullptr;
      } else if (key == "summary") {
        once(32, val);
        get_string(val, p.excerpt, in);
      } else if (key == "date_published") {
        once(64, val);
        get_date(val, p.posted_on, in);
      } else if (key == "authors") {
        once(128, val);
        p.authors.clear();
        have_authors = true;
        if (type_of(val) == od::json_type::null) return;
        od::array a = get_array(val, in);
        each_element(a, [&](std::size_t, od::value& el) { read_author(el); });
      } else if (key == "author") {  // JSON Feed 1.0
        once(256, val);
        if (have_authors || type_of(val) == od::json_type::null) {
          take_raw(val, in, false);
          return;
        }
        read_author(val);
      } else if (key == "tags") {
        once(512, val);
        get_string_array(val, p.tags, in);
      } else if (key == "language") {
        once(1024, val);
        get_string(val, p.language, in);
      } else if (key == "_digestcore") {
        once(2048, val);
        if (type_of(val) == od::json_type::null) return;
        od::object ext = get_object(val, in);
        overlay_seen = read_post_fields(ext, overlay, in + 1);
      } else {
        p.extra.push_back({std::string(key), take_raw(val, in, true)});
      }
    });
    if (!have_text && html_at) {
      std::string error;
      if (!json_detail::html_to_text(html, p.body, error)) {
        path_.push_back({"content_html", 0, false});
        fail(ErrorCode::limit_exceeded, error, html_at);
      }
    }
    if (overlay_seen & (1u << kId)) p.id = std::move(overlay.id);
    if (overlay_seen & (1u << kTitle)) p.title = std::move(overlay.title);
    if (overlay_seen & (1u << kUrl)) p.url = std::move(overlay.url);
    if (overlay_seen & (1u << kPostedOn)) p.posted_on = overlay.posted_on;
    if (overlay_seen & (1u << kPublishedOn)) p.published_on = overlay.published_on;
    if (overlay_seen & (1u << kAuthors)) p.authors = std::move(overlay.authors);
    if (overlay_seen & (1u << kSource)) p.source = std::move(overlay.source);
    if (overlay_seen & (1u << kPlace)) p.place = std::move(overlay.place);
    if (overlay_seen & (1u << kExcerpt)) p.excerpt = std::move(overlay.excerpt);
    if (overlay_seen & (1u << kBody)) p.body = std::move(overlay.body);
    if (overlay_seen & (1u << kLanguage)) p.language = std::move(overlay.language);
    if (overlay_seen & (1u << kTags)) p.tags = std::move(overlay.tags);
    for (ExtraField& x : overlay.extra) p.extra.push_back(std::move(x));
    if (p.language.empty() && !(overlay_seen & (1u << kLanguage))) {
      if (!feed_language.empty())
        p.language = feed_language;
      else
        without_language.push_back(p.id);
    }
    add_post(std::move(p), at);
  }

  void run_feed() {
    od::object root = root_object("a JSON Feed object");
    std::string feed_language;
    std::vector<std::string> without_language;  // filled in once the feed language is known
    bool have_items = false;
    each_field(root, [&](std::string_view key, od::value& v) {
      if (key == "version") {
        const char* at = loc(v);
        std::string version;
        get_string(v, version, 1, false);
        if (!version.starts_with("https://jsonfeed.org/version/") &&
            !version.starts_with("http://jsonfeed.org/version/"))
          fail(ErrorCode::parse_error, "not a JSON Feed version URL: '" + version + "'", at, true);
      } else if (key == "items") {
        have_items = true;
        od::array a = get_array(v, 1);
        each_element(a, [&](std::size_t, od::value& el) {
          record([&] { read_feed_item(el, 2, feed_language, without_language); });
        });
      } else if (key == "language") {
        get_string(v, feed_language, 1);
      } else if (key == "_digestcore") {
        od::object ext = get_object(v, 1);
        each_field(ext, [&](std::string_view k, od::value& ev) {
          if (k == "sources")
            read_sources_array(ev, 2);
          else
            take_raw(ev, 2, false);
        });
      } else {
        take_raw(v, 1, false);
      }
    });
    check_trailing();
    if (!have_items) fail(ErrorCode::missing_field, "a JSON Feed needs \"items\"", buf_.data(), true);
    if (!feed_language.empty()) {
      for (const std::string& id : without_language) {
        if (Post* p = temp_.find_post(id)) p->language = feed_language;
      }
    }
  }

  void read_wp_post(od::value& v, std::size_t level) {
    const char* at = loc(v);
    od::object o = get_object(v, level);
    const std::size_t in = level + 1;
    Post p;
    std::optional<DateTime> local, gmt;
    auto rendered = [&](od::value& val, std::string& out) {
      if (type_of(val) != od::json_type::object) {
        html_field(val, out, in);
        return;
      }
      od::object ro = get_object(val, in);
      each_field(ro, [&](std::string_view k, od::value& rv) {
        if (k == "rendered")
          html_field(rv, out, in + 1);
        else
          take_raw(rv, in + 1, false);
      });
    };
    each_field(o, [&](std::string_view key, od::value& val) {
      if (key == "id") {
        get_id(val, p.id, in, true);
      } else if (key == "date_gmt") {
        get_date(val, gmt, in, true);
      } else if (key == "date") {
        get_date(val, local, in);
      } else if (key == "link") {
        get_string(val, p.url, in);
      } else if (key == "title") {
        rendered(val, p.title);
      } else if (key == "excerpt") {
        rendered(val, p.excerpt);
      } else if (key == "content") {
        rendered(val, p.body);
      } else if (key == "_embedded") {
        od::object emb = get_object(val, in);
        each_field(emb, [&](std::string_view k, od::value& ev) {
          if (k == "author") {
            od::array authors = get_array(ev, in + 1);
            each_element(authors, [&](std::size_t, od::value& av) {
              od::object ao = get_object(av, in + 2);
              each_field(ao, [&](std::string_view ak, od::value& f) {
                std::string name;
                if (ak == "name" && get_string(f, name, in + 3))
                  p.authors.push_back(std::move(name));
                else if (ak != "name")
                  take_raw(f, in + 3, false);
              });
            });
          } else if (k == "wp:term") {
            od::array groups = get_array(ev, in + 1);
            each_element(groups, [&](std::size_t, od::value& gv) {
              od::array terms = get_array(gv, in + 2);
              each_element(terms, [&](std::size_t, od::value& tv) {
                od::object to = get_object(tv, in + 3);
                std::string taxonomy, name;
                each_field(to, [&](std::string_view tk, od::value& f) {
                  if (tk == "taxonomy")
                    get_string(f, taxonomy, in + 4);
                  else if (tk == "name")
                    get_string(f, name, in + 4);
                  else
                    take_raw(f, in + 4, false);
                });
                if (taxonomy == "post_tag" && !name.empty()) {
                  std::string text, error;
                  if (!json_detail::html_to_text(name, text, error)) text = name;
                  p.tags.push_back(std::move(text));
                }
              });
            });
          } else {
            take_raw(ev, in + 1, false);
          }
        });
      } else {
        take_raw(val, in, false);
      }
    });
    p.posted_on = gmt ? gmt : local;
    add_post(std::move(p), at);
  }

  void run_wordpress() {
    od::array root;
    auto e = doc_->get_array().get(root);
    if (e == simdjson::INCORRECT_TYPE)
      fail(ErrorCode::wrong_type, "expected an array of WordPress posts", buf_.data(), true);
    if (e) fail_json(e, here());
    check_level(1, buf_.data());
    each_element(root, [&](std::size_t, od::value& el) { record([&] { read_wp_post(el, 1); }); });
    check_trailing();
  }

  // One JSON Lines record, already in a padded buffer.
  void run_line() {
    std::string_view s = buf_;
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    bool source_line = false;
    if (i < s.size() && s[i] == '{') {
      std::size_t j = i + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
      if (s.substr(j, 8) == "\"source\"") {
        j += 8;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == ':')) ++j;
        source_line = j < s.size() && s[j] == '{';
      }
    }
    od::object root = root_object("an object (a post, or {\"source\": {...}})");
    if (source_line) {
      bool first = true;
      each_field(root, [&](std::string_view key, od::value& v) {
        if (!first || key != "source")
          fail(ErrorCode::parse_error, "a source line holds only the \"source\" member", loc(v));
        first = false;
        read_own_source(v, 1);
      });
    } else {
      Post p;
      read_post_fields(root, p, 1);
      add_post(std::move(p), buf_.data());
    }
    check_trailing();
  }

  // --- drivers --------------------------------------------------------------
  // Parses buf_ (padded to `capacity`) as one document of `format`.
  void parse_document(JsonFormat format, std::size_t capacity) {
    auto r = parser_.iterate(buf_.data(), buf_.size(), capacity);
    if (r.error()) stage1_failure(r.error());
    od::document doc = std::move(r).value_unsafe();
    doc_ = &doc;
    try {
      switch (format) {
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

  [[noreturn]] void stage1_failure(simdjson::error_code ec) {
    const char* at = buf_.data() + buf_.size();
    if (ec == simdjson::UTF8_ERROR) {
      at = buf_.data() + json_detail::utf8_error_offset(buf_);
    } else if (ec == simdjson::UNESCAPED_CHARS || ec == simdjson::UNCLOSED_STRING) {
      std::size_t off = locate_string_problem(buf_);
      if (off != std::string_view::npos) at = buf_.data() + off;
    }
    fail_json(ec, at);
  }

  void line(std::string_view text, std::uint64_t number) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (number == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (blank(text)) return;
    line_ = number;
    buf_ = text;
    shift_ = 0;
    record(
        [&] {
          if (text.size() > opt_.max_line_bytes) too_long(number);
          std::size_t need = text.size() + simdjson::SIMDJSON_PADDING;
          if (line_cap_ < need) {
            line_cap_ = std::max(need, line_cap_ * 2);
            line_buf_.reset(new char[line_cap_]);
          }
          std::memcpy(line_buf_.get(), text.data(), text.size());
          buf_ = std::string_view(line_buf_.get(), text.size());
          parse_document(JsonFormat::json_lines, line_cap_);
        },
        true);
  }

  [[noreturn]] void too_long(std::uint64_t number) {
    line_ = number;
    buf_ = {};
    Error e = make_error(ErrorCode::limit_exceeded,
                         "line longer than max_line_bytes (" + std::to_string(opt_.max_line_bytes) +
                             " bytes)",
                         nullptr);
    e.line = number;
    throw Failure{std::move(e), false};
  }

  void lines_in_memory(std::string_view text) {
    std::uint64_t number = 1;
    std::size_t start = 0;
    while (start < text.size()) {
      const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
      std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data())
                           : text.size();
      line(text.substr(start, end - start), number++);
      start = end + 1;
    }
  }

  void document_in_memory(std::string_view json, JsonFormat format) {
    // simdjson reads SIMDJSON_PADDING bytes past the end: copy once.
    simdjson::padded_string padded(json.data(), json.size());
    if (padded.size() != json.size()) throw std::bad_alloc();
    buf_ = std::string_view(padded.data(), padded.size());
    parse_document(format, padded.size() + simdjson::SIMDJSON_PADDING);
  }

  // Strips a BOM and checks for emptiness; returns the text to parse.
  std::string_view prepare(std::string_view json) {
    shift_ = 0;
    if (json.starts_with("\xEF\xBB\xBF")) {
      json.remove_prefix(3);
      shift_ = 3;
    }
    if (blank(json)) {
      buf_ = json;
      fail(ErrorCode::parse_error, "the input is empty", nullptr, true);
    }
    return json;
  }

  Result<ImportReport> finish() {
    report_.posts_added = temp_.posts().size();
    report_.sources_added = temp_.sources().size();
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
};

Result<ImportReport> Importer::import_memory(std::string_view json) {
  try {
    std::string_view text = prepare(json);
    JsonFormat format = opt_.format;
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

Result<ImportReport> Importer::import_file(const std::string& path) {
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  auto io_error = [&](const char* what) {
    Error e(ErrorCode::io_error, std::string(what) + ": " + std::strerror(errno));
    e.file = opt_.source_name;
    return e;
  };
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return io_error("cannot open the file");
  try {
    // Room for one chunk plus the longest line allowed, grown on demand.
    std::vector<char> buf(kReadChunk);
    std::size_t have = std::fread(buf.data(), 1, kReadChunk, file.get());
    if (std::ferror(file.get())) return io_error("cannot read the file");
    bool eof = have < kReadChunk;
    JsonFormat format = opt_.format;
    if (format == JsonFormat::detect) {
      std::string_view head(buf.data(), have);
      bool decided = true;
      format = json_detail::detect_format(head, eof, &decided);
      if (!decided) format = JsonFormat::detect;  // read whole, then decide
    }
    if (format != JsonFormat::json_lines) {
      std::string all(buf.data(), have);
      buf = {};
      while (!eof) {
        std::size_t old = all.size();
        all.resize(old + kReadChunk);
        std::size_t n = std::fread(all.data() + old, 1, kReadChunk, file.get());
        all.resize(old + n);
        if (std::ferror(file.get())) return io_error("cannot read the file");
        eof = n < kReadChunk;
      }
      if (format == JsonFormat::detect) {
        ImportOptions o = opt_;
        o.format = json_detail::detect_format(all, true, nullptr);
        Importer again(target_, o);
        return again.import_memory(all);
      }
      std::string_view text = prepare(all);
      std::size_t offset = static_cast<std::size_t>(text.data() - all.data());
      std::size_t len = text.size();
      all.append(simdjson::SIMDJSON_PADDING, ' ');
      buf_ = std::string_view(all.data() + offset, len);
      parse_document(format, all.size() - offset);
      return finish();
    }
    // JSON Lines, streamed: at most one chunk plus one line in memory.
    std::uint64_t number = 1;
    std::size_t start = 0;
    bool discarding = false;  // skipping the rest of an over-long line
    bool any = false;
    while (true) {
      while (start < have) {
        const void* nl = std::memchr(buf.data() + start, '\n', have - start);
        if (!nl) break;
        std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data());
        if (discarding)
          discarding = false;
        else
          line(std::string_view(buf.data() + start, end - start), number);
        any = any || !blank(std::string_view(buf.data() + start, end - start));
        ++number;
        start = end + 1;
      }
      std::size_t partial = have - start;
      if (!discarding && partial > opt_.max_line_bytes + 1) {
        record([&] { too_long(number); }, true);
        discarding = true;
      }
      if (discarding) partial = 0;
      if (partial > 0 && start > 0) std::memmove(buf.data(), buf.data() + start, partial);
      have = partial;
      start = 0;
      if (eof) {
        if (have > 0) {
          line(std::string_view(buf.data(), have), number);
          any = any || !blank(std::string_view(buf.data(), have));
        }
        break;
      }
      if (buf.size() < have + kReadChunk) buf.resize(have + kReadChunk);
      std::size_t n = std::fread(buf.data() + have, 1, kReadChunk, file.get());
      if (std::ferror(file.get())) return io_error("cannot read the file");
      eof = n < kReadChunk;
      have += n;
    }
    if (!any) {
      buf_ = {};
      line_ = 0;
      fail(ErrorCode::parse_error, "the input is empty", nullptr, true);
    }
    return finish();
  } catch (Failure& f) {
    return std::move(f.error);
  }
}

}  // namespace

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
