// The shared JSON reader helpers over simdjson On-Demand: positions, paths,
// errors and limits (internal to src/json/).
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "digest/result.hpp"
#include "text/utf8.hpp"

namespace digest::detail::json {

namespace od = simdjson::ondemand;

// Keeps the padded input so that offsets can be computed from the pointers
// simdjson hands out.
struct Input {
  simdjson::padded_string padded;
  explicit Input(std::string_view json) : padded(json) {}
  std::size_t offset_of(const char* p) const {
    const char* b = padded.data();
    return (p >= b && p <= b + padded.size()) ? static_cast<std::size_t>(p - b) : 0;
  }
};

inline ErrorCode code_of(simdjson::error_code e) {
  switch (e) {
    case simdjson::INCORRECT_TYPE:
    case simdjson::NUMBER_ERROR:
      return ErrorCode::wrong_type;
    case simdjson::UTF8_ERROR: return ErrorCode::invalid_utf8;
    case simdjson::DEPTH_ERROR:
    case simdjson::CAPACITY: return ErrorCode::limit_exceeded;
    case simdjson::MEMALLOC: return ErrorCode::internal;
    default: return ErrorCode::parse_error;
  }
}

inline Error make_error(ErrorCode code, std::string message, std::string field,
                        std::optional<std::size_t> offset) {
  Error e(code, std::move(message));
  e.field = std::move(field);
  if (offset) e.offset = *offset;
  return e;
}

// An error for simdjson code `e` met at the value `v` (its position when
// known, else the document's current position).
template <class V>
Error error_at(const Input& in, od::document& doc, V& v, simdjson::error_code e,
               std::string field, std::string_view expected = {}) {
  std::optional<std::size_t> off;
  std::string_view tok = v.raw_json_token();
  if (tok.data()) off = in.offset_of(tok.data());
  if (!off) {
    const char* loc = nullptr;
    if (!doc.current_location().get(loc)) off = in.offset_of(loc);
  }
  std::string msg = e == simdjson::INCORRECT_TYPE && !expected.empty()
                        ? "expected " + std::string(expected)
                        : std::string(simdjson::error_message(e));
  return make_error(code_of(e), std::move(msg), std::move(field), off);
}

inline Error doc_error(const Input& in, od::document& doc, simdjson::error_code e,
                       std::string field = {}) {
  std::optional<std::size_t> off;
  const char* loc = nullptr;
  if (!doc.current_location().get(loc)) off = in.offset_of(loc);
  return make_error(code_of(e), simdjson::error_message(e), std::move(field), off);
}

// Checks the whole input is UTF-8 (simdjson would say so too, without the
// offset).
inline Status check_utf8(std::string_view json) {
  if (auto bad = first_invalid_utf8(json))
    return make_error(ErrorCode::invalid_utf8, "ill-formed UTF-8", {}, *bad);
  return {};
}

// Nesting deeper than `max_depth` (simdjson On-Demand does not check the
// depth of values it skips): a limit_exceeded error at the bracket.
inline Status check_depth(std::string_view json, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        return make_error(ErrorCode::limit_exceeded,
                          "nesting deeper than " + std::to_string(max_depth), {}, i);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return {};
}

// Reads a string value into `out`.
inline Status get_string(const Input& in, od::document& doc, od::value v, std::string& out,
                         const std::string& field) {
  std::string_view s;
  if (auto e = v.get_string().get(s)) return error_at(in, doc, v, e, field, "a string");
  out.assign(s);
  return {};
}

// The raw JSON text of any value (objects and arrays whole), without
// trailing whitespace.
inline Status raw_value(const Input& in, od::document& doc, od::value v, std::string& out,
                        const std::string& field) {
  od::json_type t;
  if (auto e = v.type().get(t)) return error_at(in, doc, v, e, field);
  std::string_view raw;
  simdjson::error_code e = simdjson::SUCCESS;
  if (t == od::json_type::object) {
    od::object o;
    e = v.get_object().get(o);
    if (!e) e = o.raw_json().get(raw);
  } else if (t == od::json_type::array) {
    od::array a;
    e = v.get_array().get(a);
    if (!e) e = a.raw_json().get(raw);
  } else {
    raw = v.raw_json_token();
    if (t == od::json_type::string) {
      std::string_view tmp;  // validates the string
      e = v.get_string().get(tmp);
    }
  }
  if (e) return error_at(in, doc, v, e, field);
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' ||
                          raw.back() == '\t'))
    raw.remove_suffix(1);
  out.assign(raw);
  return {};
}

// After the top-level value: the offset of trailing content, or nullopt.
inline std::optional<std::size_t> trailing_content(const Input& in, od::document& doc) {
  const char* loc = nullptr;
  if (doc.current_location().get(loc)) return std::nullopt;  // OUT_OF_BOUNDS: at the end
  return in.offset_of(loc);
}

inline std::string index_field(std::string_view base, std::size_t i) {
  return std::string(base) + "[" + std::to_string(i) + "]";
}
inline std::string member_field(std::string_view base, std::string_view name) {
  return base.empty() ? std::string(name) : std::string(base) + "." + std::string(name);
}

}  // namespace digest::detail::json
