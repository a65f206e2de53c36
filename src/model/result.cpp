#include "digest/result.hpp"

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
  }
  return "unknown error";
}

std::string Error::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
  } else if (line > 0) {
    out += "line " + std::to_string(line) + ": ";
  }
  if (offset) out += "byte " + std::to_string(*offset) + ": ";
  if (!field.empty()) out += "field '" + field + "': ";
  out += message.empty() ? error_code_name(code) : message;
  return out;
}

}  // namespace digest
