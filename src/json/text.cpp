// JSON text helpers: UTF-8 checks, string escaping, a small iterative JSON
// checker/minifier for verbatim extra fields, and format detection.
#include <simdjson.h>

#include <cstring>
#include <optional>

#include "json/json_internal.hpp"
#include "text/utf8.hpp"

namespace digest {

namespace json_detail {

namespace {

// Length of the well-formed UTF-8 sequence starting at s[i], 0 if none
// (the text floor's decoder decides).
std::size_t utf8_sequence(const unsigned char* s, std::size_t n, std::size_t i) noexcept {
  detail::Decoded d = detail::decode_utf8(s + i, n - i);
  return d.valid ? d.len : 0;
}

bool is_ws(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_hex(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
unsigned hex_value(char c) noexcept {
  return is_digit(c) ? unsigned(c - '0') : unsigned((c | 0x20) - 'a' + 10);
}
// Four hex digits (already checked) as a number.
unsigned hex4(const char* p) noexcept {
  return hex_value(p[0]) << 12 | hex_value(p[1]) << 8 | hex_value(p[2]) << 4 | hex_value(p[3]);
}

// Bytes that need an escape in a JSON string literal.
struct EscapeTable {
  bool special[256] = {};
  constexpr EscapeTable() {
    for (int i = 0; i < 0x20; ++i) special[i] = true;
    special[static_cast<unsigned char>('"')] = true;
    special[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr EscapeTable kEscape;

void append_escaped_ascii(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    default: {
      static const char hex[] = "0123456789abcdef";
      char buf[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      out.append(buf, 6);
    }
  }
}

}  // namespace

std::size_t utf8_error_offset(std::string_view text) noexcept {
  std::size_t at = detail::find_invalid_utf8(text);
  return at == std::string_view::npos ? text.size() : at;
}

std::uint64_t line_of(std::string_view text, std::size_t offset) noexcept {
  if (offset > text.size()) offset = text.size();
  std::uint64_t line = 1;
  const char* p = text.data();
  const char* end = p + offset;
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    ++line;
    p = static_cast<const char*>(nl) + 1;
  }
  return line;
}

RawCheck check_raw_json(std::string_view text, std::size_t max_nesting, std::string* out) {
  enum State { kValue, kValueOrEnd, kKeyOrEnd, kKey, kColon, kCommaOrEnd, kDone };
  const char* s = text.data();
  std::size_t n = text.size();
  std::size_t i = 0;
  std::string stack;  // '{' or '[' per open container
  State st = kValue;
  auto fail = [&](ErrorCode code, std::size_t at, const char* msg) {
    RawCheck r;
    r.ok = false;
    r.code = code;
    r.offset = at;
    r.message = msg;
    return r;
  };
  auto emit = [&](std::size_t from, std::size_t to) {
    if (out) out->append(s + from, to - from);
  };
  auto after_value = [&] { st = stack.empty() ? kDone : kCommaOrEnd; };
  // Scans a string starting at s[i] == '"'; returns the index after it or npos.
  auto scan_string = [&](std::size_t& at, RawCheck& err) -> bool {
    std::size_t j = at + 1;
    while (true) {
      if (j >= n) {
        err = fail(ErrorCode::parse_error, at, "unterminated string");
        return false;
      }
      auto c = static_cast<unsigned char>(s[j]);
      if (c == '"') break;
      if (c < 0x20) {
        err = fail(ErrorCode::parse_error, j, "unescaped control character in a string");
        return false;
      }
      if (c == '\\') {
        if (j + 1 >= n) {
          err = fail(ErrorCode::parse_error, j, "unterminated string");
          return false;
        }
        char e = s[j + 1];
        if (e == 'u') {
          if (j + 5 >= n || !is_hex(s[j + 2]) || !is_hex(s[j + 3]) || !is_hex(s[j + 4]) ||
              !is_hex(s[j + 5])) {
            err = fail(ErrorCode::parse_error, j, "bad \\u escape in a string");
            return false;
          }
          // A surrogate must come in a high-low pair: a lone one is no
          // character, and no UTF-8 output (or Python str) could carry it.
          unsigned cp = hex4(s + j + 2);
          if (cp >= 0xDC00 && cp <= 0xDFFF) {
            err = fail(ErrorCode::invalid_utf8, j, "lone low surrogate escape in a string");
            return false;
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (j + 11 >= n || s[j + 6] != '\\' || s[j + 7] != 'u' || !is_hex(s[j + 8]) ||
                !is_hex(s[j + 9]) || !is_hex(s[j + 10]) || !is_hex(s[j + 11]) ||
                hex4(s + j + 8) < 0xDC00 || hex4(s + j + 8) > 0xDFFF) {
              err = fail(ErrorCode::invalid_utf8, j, "lone high surrogate escape in a string");
              return false;
            }
            j += 6;
          }
          j += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                   e == 'r' || e == 't') {
          j += 2;
        } else {
          err = fail(ErrorCode::parse_error, j, "bad escape in a string");
          return false;
        }
        continue;
      }
      if (c >= 0x80) {
        std::size_t len = utf8_sequence(reinterpret_cast<const unsigned char*>(s), n, j);
        if (len == 0) {
          err = fail(ErrorCode::invalid_utf8, j, "invalid UTF-8 in a string");
          return false;
        }
        j += len;
        continue;
      }
      ++j;
    }
    emit(at, j + 1);
    at = j + 1;
    return true;
  };
  while (true) {
    while (i < n && is_ws(s[i])) ++i;
    if (i >= n) break;
    char c = s[i];
    RawCheck err;
    switch (st) {
      case kValue:
      case kValueOrEnd:
        if (st == kValueOrEnd && c == ']') {
          stack.pop_back();
          emit(i, i + 1);
          ++i;
          after_value();
          break;
        }
        if (c == '{' || c == '[') {
          if (stack.size() >= max_nesting)
            return fail(ErrorCode::limit_exceeded, i, "nested deeper than the depth limit");
          stack.push_back(c);
          emit(i, i + 1);
          ++i;
          st = c == '{' ? kKeyOrEnd : kValueOrEnd;
        } else if (c == '"') {
          if (!scan_string(i, err)) return err;
          after_value();
        } else if (c == '-' || is_digit(c)) {
          std::size_t j = i;
          if (s[j] == '-') ++j;
          if (j >= n || !is_digit(s[j])) return fail(ErrorCode::parse_error, i, "malformed number");
          if (s[j] == '0') {
            ++j;
          } else {
            while (j < n && is_digit(s[j])) ++j;
          }
          if (j < n && s[j] == '.') {
            ++j;
            if (j >= n || !is_digit(s[j])) return fail(ErrorCode::parse_error, i, "malformed number");
            while (j < n && is_digit(s[j])) ++j;
          }
          if (j < n && (s[j] == 'e' || s[j] == 'E')) {
            ++j;
            if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
            if (j >= n || !is_digit(s[j])) return fail(ErrorCode::parse_error, i, "malformed number");
            while (j < n && is_digit(s[j])) ++j;
          }
          if (j < n && !is_ws(s[j]) && s[j] != ',' && s[j] != ']' && s[j] != '}')
            return fail(ErrorCode::parse_error, i, "malformed number");
          emit(i, j);
          i = j;
          after_value();
        } else if (c == 't' || c == 'f' || c == 'n') {
          std::string_view lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
          if (text.substr(i, lit.size()) != lit)
            return fail(ErrorCode::parse_error, i, "malformed literal");
          std::size_t j = i + lit.size();
          if (j < n && !is_ws(s[j]) && s[j] != ',' && s[j] != ']' && s[j] != '}')
            return fail(ErrorCode::parse_error, i, "malformed literal");
          emit(i, j);
          i = j;
          after_value();
        } else {
          return fail(ErrorCode::parse_error, i, "expected a JSON value");
        }
        break;
      case kKeyOrEnd:
      case kKey:
        if (st == kKeyOrEnd && c == '}') {
          stack.pop_back();
          emit(i, i + 1);
          ++i;
          after_value();
        } else if (c == '"') {
          if (!scan_string(i, err)) return err;
          st = kColon;
        } else {
          return fail(ErrorCode::parse_error, i, "expected an object key");
        }
        break;
      case kColon:
        if (c != ':') return fail(ErrorCode::parse_error, i, "expected ':'");
        emit(i, i + 1);
        ++i;
        st = kValue;
        break;
      case kCommaOrEnd:
        if (c == ',') {
          emit(i, i + 1);
          ++i;
          st = stack.back() == '{' ? kKey : kValue;
        } else if ((c == '}' && stack.back() == '{') || (c == ']' && stack.back() == '[')) {
          stack.pop_back();
          emit(i, i + 1);
          ++i;
          after_value();
        } else {
          return fail(ErrorCode::parse_error, i, "expected ',' or the end of the container");
        }
        break;
      case kDone:
        return fail(ErrorCode::parse_error, i, "unexpected content after the value");
    }
  }
  if (st != kDone) return fail(ErrorCode::parse_error, n, "the value ends early");
  return {};
}

namespace {

// The JSON string starting at text[i] (a quote), unescaped as far as the
// detector needs ("\/" → "/", other escapes kept); `end` gets the index
// after its closing quote, or npos when it does not close within `text`.
std::string unescape_for_detection(std::string_view text, std::size_t i, std::size_t& end) {
  std::string out;
  std::size_t n = text.size();
  std::size_t j = i + 1;
  while (j < n && text[j] != '"') {
    if (text[j] == '\\' && j + 1 < n) {
      if (text[j + 1] == '/') out += '/';
      else out.append(text.substr(j, 2));
      j += 2;
      continue;
    }
    if (out.size() < 256) out += text[j];
    ++j;
  }
  end = j < n ? j + 1 : std::string_view::npos;
  return out;
}

bool jsonfeed_version(std::string_view v) {
  return v.starts_with("https://jsonfeed.org/version/") ||
         v.starts_with("http://jsonfeed.org/version/");
}

}  // namespace

JsonFormat detect_format(std::string_view text, bool complete, bool* decided) {
  if (decided) *decided = true;
  std::size_t n = text.size();
  std::size_t i = 0;
  while (text.substr(i, 3) == "\xEF\xBB\xBF") i += 3;  // a BOM, even written twice
  while (i < n && is_ws(text[i])) ++i;
  if (i >= n) return JsonFormat::own;  // empty: reported as such by the importer
  if (text[i] == '<') return JsonFormat::xml_feed;  // the root element decides
  if (text[i] == '[') return JsonFormat::wordpress;
  if (text[i] != '{') return JsonFormat::own;  // reported with what it looks like
  // Members of the first object, read at depth 1.
  int depth = 0;
  bool expect_key = false;
  bool multiline = false;
  bool has_items = false, has_version = false, has_title = false;
  std::string version;
  // What the first object's members say it is (a "digestcore" member, a
  // "posts" array, a jsonfeed.org version). Unless a second record follows
  // it on the next line: then it is a JSON Lines post with such extra
  // members (export_json_lines writes posts first).
  std::optional<JsonFormat> claimed;
  while (i < n) {
    char c = text[i];
    if (c == '"') {
      std::size_t end = 0;
      std::string str = unescape_for_detection(text, i, end);
      if (end == std::string_view::npos) break;
      i = end;
      if (depth == 1 && expect_key) {
        expect_key = false;
        std::size_t k = i;
        while (k < n && (is_ws(text[k]) || text[k] == ':')) ++k;
        std::string_view rest = text.substr(k < n ? k : n);
        if (!claimed && str == "digestcore") claimed = JsonFormat::own;
        if (!claimed && (str == "posts" || str == "sources") && rest.starts_with("["))
          claimed = JsonFormat::own;
        if (str == "version" && rest.starts_with("\"")) {
          std::size_t vend = 0;
          version = unescape_for_detection(rest, 0, vend);
          if (!claimed && jsonfeed_version(version)) claimed = JsonFormat::json_feed;
          has_version = true;
        }
        if (str == "items" && rest.starts_with("[")) has_items = true;
        if (str == "title") has_title = true;
        // One WordPress post (/wp/v2/posts/<id>): rendered fields.
        if ((str == "title" || str == "content" || str == "excerpt" || str == "guid") &&
            rest.starts_with("{")) {
          std::size_t r = 1;
          while (r < rest.size() && is_ws(rest[r])) ++r;
          if (rest.substr(r).starts_with("\"rendered\"")) return JsonFormat::wordpress;
        }
      }
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
      expect_key = depth == 1 && c == '{';
    } else if (c == '}' || c == ']') {
      if (--depth == 0) {
        std::size_t k = i + 1;
        while (k < n && is_ws(text[k])) ++k;
        if (!multiline && k < n && text[k] == '{') return JsonFormat::json_lines;  // a second record
        if (claimed) return *claimed;
        // A feed whose version is not a jsonfeed.org URL ("1.0"), or none.
        if (has_items && (has_version || has_title)) return JsonFormat::json_feed;
        return JsonFormat::json_lines;  // one record, maybe more after
      }
    } else if (c == ',') {
      expect_key = depth == 1;
    } else if (c == '\n') {
      multiline = true;
    }
    ++i;
  }
  // The first value does not end within `text`.
  if (claimed) return *claimed;
  if (complete) return has_items ? JsonFormat::json_feed : JsonFormat::own;  // truncated
  if (multiline) {
    if (decided) *decided = false;  // a multi-line value cannot be JSON Lines
    return JsonFormat::own;
  }
  return JsonFormat::json_lines;
}

}  // namespace json_detail

JsonFormat detect_json_format(std::string_view json) {
  return json_detail::detect_format(json, true, nullptr);
}

const char* input_format_name(JsonFormat format) noexcept {
  switch (format) {
    case JsonFormat::own: return "own";
    case JsonFormat::json_lines: return "json_lines";
    case JsonFormat::json_feed: return "json_feed";
    case JsonFormat::wordpress: return "wordpress";
    case JsonFormat::xml_feed: return "xml_feed";
    default: return "detect";
  }
}

void append_json_string(std::string& out, std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const bool valid = simdjson::validate_utf8(text.data(), n);
  out.reserve(out.size() + n + 2);
  out += '"';
  std::size_t run = 0;  // start of the pending run of bytes copied as they are
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (!json_detail::kEscape.special[c] && (valid || c < 0x80)) {
      ++i;
      continue;
    }
    out.append(text.data() + run, i - run);
    if (c < 0x80) {
      json_detail::append_escaped_ascii(out, c);
      ++i;
    } else {
      std::size_t len = json_detail::utf8_sequence(s, n, i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        len = 1;
      } else {
        out.append(text.data() + i, len);
      }
      i += len;
    }
    run = i;
  }
  out.append(text.data() + run, n - run);
  out += '"';
}

}  // namespace digest
