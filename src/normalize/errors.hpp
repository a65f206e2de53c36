// Internal to the normaliser: its input limit and the errors its entry
// points share (normalizer.cpp, tokens.cpp, transliterate.cpp). Not installed.
#pragma once

#include <unicode/utypes.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "digest/normalize.hpp"
#include "digest/result.hpp"
#include "text/utf8.hpp"

namespace digest::detail {

// Offsets are kept in 32 bits; the key builder writes a little past the end.
inline constexpr std::size_t kMaxInput = std::numeric_limits<std::uint32_t>::max() - 16;

inline Error utf8_error(std::size_t offset) {
  Error e(ErrorCode::invalid_utf8, "invalid UTF-8 at byte " + std::to_string(offset));
  e.offset = offset;
  return e;
}

inline Error too_large(std::size_t size) {
  return Error(ErrorCode::limit_exceeded,
               "text of " + std::to_string(size) + " bytes is over the 4 GiB limit");
}

inline Error icu_error(const char* what, UErrorCode st) {
  return Error(ErrorCode::internal, std::string(what) + ": " + u_errorName(st));
}

// Checks `text` for the mode: strict fails on ill-formed UTF-8, lenient
// repairs it into `storage` and points `text` at the repair.
inline std::optional<Error> prepare(std::string_view& text, Utf8Mode mode, std::string& storage) {
  if (text.size() > kMaxInput) return too_large(text.size());
  std::size_t bad = find_invalid_utf8(text);
  if (bad == std::string_view::npos) return std::nullopt;
  if (mode == Utf8Mode::strict) return utf8_error(bad);
  storage = repair_utf8(text);
  text = storage;
  return std::nullopt;
}

}  // namespace digest::detail
