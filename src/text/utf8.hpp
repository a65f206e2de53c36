// The one UTF-8 decoder of the library (the text floor): exact well-formedness per the Unicode
// Standard (Table 3-7), with each ill-formed sequence reported at its byte
// offset (strict) or replaced by one U+FFFD per maximal subpart (lenient, the
// W3C/WHATWG practice). Every module that validates, decodes or cuts UTF-8
// uses these. Header-only: the hot loops inline into their callers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace digest::detail {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp;        // the code point, or kReplacement when !valid
  std::uint32_t len;  // bytes consumed (>= 1)
  bool valid;
};

// Decodes the sequence at p[0..n), n >= 1. An ill-formed sequence consumes
// its maximal subpart (at least one byte) and yields !valid.
inline Decoded decode_utf8(const unsigned char* p, std::size_t n) noexcept {
  const unsigned b0 = p[0];
  if (b0 < 0x80) return {b0, 1, true};
  if (b0 < 0xC2) return {kReplacement, 1, false};
  auto cont = [](unsigned b) { return (b & 0xC0) == 0x80; };
  if (b0 < 0xE0) {
    if (n < 2 || !cont(p[1])) return {kReplacement, 1, false};
    return {static_cast<char32_t>(((b0 & 0x1F) << 6) | (p[1] & 0x3F)), 2, true};
  }
  if (b0 < 0xF0) {
    if (n < 2) return {kReplacement, 1, false};
    const unsigned b1 = p[1];
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
    if (b1 < lo || b1 > hi) return {kReplacement, 1, false};
    if (n < 3 || !cont(p[2])) return {kReplacement, 2, false};
    return {static_cast<char32_t>(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (p[2] & 0x3F)), 3,
            true};
  }
  if (b0 < 0xF5) {
    if (n < 2) return {kReplacement, 1, false};
    const unsigned b1 = p[1];
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (b1 < lo || b1 > hi) return {kReplacement, 1, false};
    if (n < 3 || !cont(p[2])) return {kReplacement, 2, false};
    if (n < 4 || !cont(p[3])) return {kReplacement, 3, false};
    return {static_cast<char32_t>(((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) |
                                  ((p[2] & 0x3F) << 6) | (p[3] & 0x3F)),
            4, true};
  }
  return {kReplacement, 1, false};
}

// Offset of the first ill-formed byte, or npos when `s` is well-formed.
inline std::size_t find_invalid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    Decoded d = decode_utf8(p + i, n - i);
    if (!d.valid) return i;
    i += d.len;
  }
  return std::string_view::npos;
}

inline bool is_ascii(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  const std::size_t n = s.size();
  std::uint64_t acc = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    __builtin_memcpy(&w, p + i, 8);
    acc |= w;
  }
  for (; i < n; ++i) acc |= p[i];
  return (acc & 0x8080808080808080ull) == 0;
}

inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    char b[2] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    out.append(b, 2);
  } else if (c < 0x10000) {
    char b[3] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                 static_cast<char>(0x80 | (c & 0x3F))};
    out.append(b, 3);
  } else {
    char b[4] = {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                 static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                 static_cast<char>(0x80 | (c & 0x3F))};
    out.append(b, 4);
  }
}

// `s` with every ill-formed sequence replaced by U+FFFD.
inline std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    Decoded d = decode_utf8(p + i, s.size() - i);
    if (d.valid)
      out.append(s.data() + i, d.len);
    else
      append_utf8(out, kReplacement);
    i += d.len;
  }
  return out;
}

// Byte offset of the first ill-formed sequence, or nullopt when `s` is
// well-formed UTF-8.
inline std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
  std::size_t at = find_invalid_utf8(s);
  if (at == std::string_view::npos) return std::nullopt;
  return at;
}

// The code points of `s`, each ill-formed sequence read as U+FFFD.
inline std::u32string code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    Decoded d = decode_utf8(p + i, s.size() - i);
    out.push_back(d.cp);
    i += d.len;
  }
  return out;
}

// The longest prefix of `s` of at most `max_bytes` bytes that does not end
// inside a UTF-8 sequence (for cutting text on a character boundary).
inline std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) noexcept {
  if (s.size() <= max_bytes) return s;
  std::size_t n = max_bytes;
  // Step back over continuation bytes to the start of the cut character.
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace digest::detail
