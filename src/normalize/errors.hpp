// Internal to the normaliser: its input limit and the errors its entry
// points share (normalizer.cpp, tokens.cpp). Not installed.
#pragma once

#include <unicode/utypes.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "digest/result.hpp"

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

}  // namespace digest::detail
