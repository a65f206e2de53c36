#include "digest/result.hpp"

#include "text/safe.hpp"

namespace digest {

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::ok: return "ok";
    case ErrorCode::invalid_argument: return "invalid argument";
    case ErrorCode::parse_error: return "parse error";
    case ErrorCode::invalid_utf8: return "invalid UTF-8";
    case ErrorCode::wrong_type: return "wrong type";
    case ErrorCode::missing_field: return "missing field";
    case ErrorCode::duplicate_id: return "duplicate id";
    case ErrorCode::not_found: return "not found";
    case ErrorCode::io_error: return "I/O error";
    case ErrorCode::limit_exceeded: return "limit exceeded";
    case ErrorCode::internal: return "internal error";
    case ErrorCode::cancelled: return "cancelled";
    case ErrorCode::file_not_found: return "file not found";
  }
  return "unknown error";
}

Error::Error(ErrorCode c, std::string msg) : code(c) {
  detail::append_for_message(message, msg, 2048);
}

// One line, bounded, whatever the input put in the parts: line breaks,
// controls and bidi overrides are shown escaped, long parts are cut on a
// character boundary (text/safe.hpp).
std::string Error::to_string() const {
  std::string out;
  if (!file.empty()) {
    detail::append_for_message(out, file, 512);
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
  } else if (line > 0) {
    out += "line " + std::to_string(line) + ": ";
  }
  if (offset) out += "byte " + std::to_string(*offset) + ": ";
  if (!field.empty()) {
    out += "field '";
    detail::append_for_message(out, field, 200);
    out += "': ";
  }
  if (message.empty()) out += error_code_name(code);
  else detail::append_for_message(out, message, 1024);
  return out;
}

}  // namespace digest
