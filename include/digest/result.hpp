// Errors as values: every fallible call in the C++ API returns Result<T> or
// Status. Exceptions are reserved for programming errors and allocation
// failure; parsers never throw on bad input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "digest/export.h"

namespace digest {

// Stable numbering: the C API returns the negated value (DG_E_*).
enum class ErrorCode : int {
  ok = 0,
  invalid_argument = 1,  // a caller passed something the call cannot take
  parse_error = 2,       // malformed input (JSON syntax, a date, a line)
  invalid_utf8 = 3,      // bytes that are not well-formed UTF-8
  wrong_type = 4,        // a JSON value of the wrong type for its field
  missing_field = 5,     // a required field is absent
  duplicate_id = 6,      // an id already present in the collection
  not_found = 7,         // a lookup found nothing
  io_error = 8,          // a file could not be read or written
  limit_exceeded = 9,    // input larger or deeper than the documented limits
  internal = 10,         // a bug in digestcore; please report it
  // 11 is taken by the C API (DG_E_NO_MEMORY).
  cancelled = 12,        // the caller asked a long call to stop (e.g. Ctrl-C)
  file_not_found = 13,   // the file (or a folder on its path) does not exist (since 0.3)
};

DG_API const char* error_code_name(ErrorCode code) noexcept;

// Where and why something failed. `offset` is a 0-based byte offset into the
// input (into the line, for JSON Lines); `line` is 1-based, 0 when unknown.
struct DG_API Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::string file;   // input name, when the input came from a file
  std::uint64_t line = 0;
  std::optional<std::uint64_t> offset;
  std::string field;  // JSON path of the offending field, e.g. "posts[3].title"

  Error() = default;
  // The message is kept one line and bounded: line breaks, control and
  // bidi-override characters in it are escaped (\n, \x1b, \u202e) and ill-formed
  // UTF-8 shown as \xNN, so quoting input in a message is always safe.
  Error(ErrorCode c, std::string msg);

  // One line: "FILE:LINE: byte OFFSET: field FIELD: MESSAGE" (parts that are
  // unknown are left out).
  std::string to_string() const;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return std::get<0>(v_); }
  const T& operator*() const& { return std::get<0>(v_); }
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

// Result of a call that yields nothing but may fail.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT
  bool ok() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

}  // namespace digest
