// Shared by the fuzz targets: the contract checks that hold for any input.
// A failed check prints what failed and where, then aborts, so libFuzzer
// (and the replay in ctest) report it as a finding with a stack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "digest/json.hpp"
#include "digest/result.hpp"
#include "json/json_internal.hpp"
#include "text/utf8.hpp"

namespace fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "\n%s:%d: contract broken: %s\n", file, line, what);
  std::fflush(stderr);
  std::abort();
}

#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond)) ::fuzz::fail(#cond, __FILE__, __LINE__); \
  } while (0)

// A check for a finding that is reported but not fixed yet carries an id
// (see docs/RELIABILITY.md, "Fuzzing"). It fails like FUZZ_CHECK unless the
// environment variable DIGEST_FUZZ_ALLOW lists the id (comma-separated):
// that lets a fuzzing campaign go on past a known finding. The replay in
// ctest never sets it, so the finding's regression input keeps failing
// until it is fixed.
inline bool allowed(std::string_view id) {
  static const std::string_view list = [] {
    const char* v = std::getenv("DIGEST_FUZZ_ALLOW");
    return std::string_view(v ? v : "");
  }();
  std::size_t at = 0;
  while (at <= list.size()) {
    std::size_t comma = list.find(',', at);
    if (comma == std::string_view::npos) comma = list.size();
    if (list.substr(at, comma - at) == id) return true;
    at = comma + 1;
  }
  return false;
}

#define FUZZ_CHECK_KNOWN(id, cond) \
  do {                             \
    if (!(cond) && !::fuzz::allowed(id)) ::fuzz::fail("[" id "] " #cond, __FILE__, __LINE__); \
  } while (0)

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Import options naming only the format (the rest the defaults).
inline digest::ImportOptions format_only(digest::JsonFormat format) {
  digest::ImportOptions o;
  o.format = format;
  return o;
}

inline bool valid_utf8(std::string_view s) {
  return digest::detail::find_invalid_utf8(s) == std::string_view::npos;
}

// Characters that no rendered text or message line may carry: C0 controls
// (tab and line feed allowed only where `allow_breaks`), DEL, C1 controls and
// the bidi embedding, override and isolate controls. Ill-formed UTF-8 fails.
inline bool display_safe(std::string_view s, bool allow_breaks) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    auto d = digest::detail::decode_utf8(p + i, s.size() - i);
    if (!d.valid) return false;
    char32_t c = d.cp;
    if (c < 0x20 && !(allow_breaks && (c == '\n' || c == '\t'))) return false;
    if (c >= 0x7F && c <= 0x9F) return false;
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return false;
    i += d.len;
  }
  return true;
}

// An error as a user sees it (Error::to_string, dg_last_error): one line,
// bounded, nothing a terminal would act on, whole characters only.
constexpr std::size_t kMaxErrorLine = 8192;
inline void check_error_line(std::string_view line) {
  FUZZ_CHECK(!line.empty());
  FUZZ_CHECK(line.size() <= kMaxErrorLine);
  FUZZ_CHECK(display_safe(line, false));
}

inline void check_error(const digest::Error& e, std::size_t input_size) {
  FUZZ_CHECK(e.code != digest::ErrorCode::ok);
  // The message alone is shown too (Python's Error.message, C's
  // dg_last_error_message): the same rules as the whole line.
  check_error_line(e.message);
  if (e.offset) FUZZ_CHECK(*e.offset <= input_size);
  check_error_line(e.to_string());
}

// `json` is exactly one well-formed JSON value, and every \u escape in it
// that names a surrogate is half of a proper pair (strict decoders such as
// Python's reject lone surrogates).
inline bool no_lone_surrogate_escapes(std::string_view json) {
  auto hex = [&](std::size_t at, unsigned& v) {
    if (at + 4 > json.size()) return false;
    v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      char c = json[k];
      unsigned d = (c >= '0' && c <= '9')   ? unsigned(c - '0')
                   : (c >= 'a' && c <= 'f') ? unsigned(c - 'a' + 10)
                   : (c >= 'A' && c <= 'F') ? unsigned(c - 'A' + 10)
                                            : 16u;
      if (d == 16) return false;
      v = v * 16 + d;
    }
    return true;
  };
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (!in_string) {
      if (c == '"') in_string = true;
      continue;
    }
    if (c == '"') {
      in_string = false;
    } else if (c == '\\' && i + 1 < json.size()) {
      if (json[i + 1] != 'u') {
        ++i;
        continue;
      }
      unsigned v = 0;
      if (!hex(i + 2, v)) return false;
      if (v >= 0xDC00 && v <= 0xDFFF) return false;  // a low half first
      if (v >= 0xD800 && v <= 0xDBFF) {
        unsigned low = 0;
        if (i + 7 >= json.size() || json[i + 6] != '\\' || json[i + 7] != 'u' ||
            !hex(i + 8, low) || low < 0xDC00 || low > 0xDFFF)
          return false;
        i += 6;
      }
      i += 5;
    }
  }
  return true;
}

inline void check_json_output(std::string_view json) {
  auto r = digest::json_detail::check_raw_json(json, 1u << 20, nullptr);
  FUZZ_CHECK(r.ok);
  FUZZ_CHECK(no_lone_surrogate_escapes(json));
}

// JSON Lines: every record valid JSON on its own line, each line ended.
inline void check_json_lines_output(std::string_view lines) {
  std::size_t start = 0;
  while (start < lines.size()) {
    std::size_t nl = lines.find('\n', start);
    FUZZ_CHECK(nl != std::string_view::npos);
    check_json_output(lines.substr(start, nl - start));
    start = nl + 1;
  }
}

}  // namespace fuzz
