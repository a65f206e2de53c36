// C API: status names, the thread-local last error, buffers and the version
// (include/digest/c/errors.h), and the helpers every other C API file leans
// on.
#include <memory>

#include "capi/capi_internal.hpp"
#include "text/utf8.hpp"

namespace {

struct LastError {
  int code = DG_OK;
  std::string full;  // Error::to_string()
  std::string message;
  std::string file;
  std::string field;
  std::uint64_t line = 0;
  std::int64_t offset = -1;
};

LastError& last_error() {
  thread_local LastError e;
  return e;
}

}  // namespace

namespace dg {

int set_error(const digest::Error& error) {
  LastError& e = last_error();
  int status = status_of(error.code);
  if (status == DG_OK) status = DG_E_INTERNAL;  // an error that says "ok" is a bug
  e.code = status;
  e.full = error.to_string();
  e.message = error.message.empty() ? digest::error_code_name(error.code) : error.message;
  e.file = error.file;
  e.field = error.field;
  e.line = error.line;
  e.offset = error.offset ? static_cast<std::int64_t>(*error.offset) : -1;
  return status;
}

int set_error(int status, std::string message, std::string field, std::int64_t offset) {
  if ((status <= DG_E_INVALID_ARGUMENT && status >= DG_E_INTERNAL) || status == DG_E_CANCELLED ||
      status == DG_E_FILE_NOT_FOUND) {
    digest::Error error(static_cast<digest::ErrorCode>(-status), std::move(message));
    error.field = std::move(field);
    if (offset >= 0) error.offset = static_cast<std::uint64_t>(offset);
    return set_error(error);
  }
  // DG_E_NO_MEMORY has no ErrorCode: keep it as it is, without allocating
  // more than the strings already hold.
  LastError& e = last_error();
  e.code = status;
  e.message = std::move(message);
  e.full = e.message;
  e.file.clear();
  e.field = std::move(field);
  e.line = 0;
  e.offset = offset;
  return status;
}

void clear_error() {
  LastError& e = last_error();
  e.code = DG_OK;
  e.full.clear();
  e.message.clear();
  e.file.clear();
  e.field.clear();
  e.line = 0;
  e.offset = -1;
}

int exception_error(int status, const char* what) noexcept {
  LastError& e = last_error();
  clear_error();  // frees nothing: clear() keeps capacity
  e.code = status;
  try {
    if (status == DG_E_NO_MEMORY) {
      e.message = "out of memory";
    } else {
      e.message = "internal error: ";
      e.message += what ? what : "unknown exception";
    }
    e.full = e.message;
  } catch (...) {
    // Out of memory for the message itself: the status still says it.
  }
  return status;
}

bool view(const char* data, std::size_t len, std::string_view& out, const char* what) {
  if (data == nullptr && len != 0) {
    set_error(DG_E_INVALID_ARGUMENT, std::string(what) + " is NULL but its length is not 0",
              what);
    return false;
  }
  out = data ? std::string_view(data, len) : std::string_view();
  return true;
}

int utf8_view(const char* data, std::size_t len, std::string_view& out, const char* what) {
  std::string_view v;
  if (!view(data, len, v, what)) return DG_E_INVALID_ARGUMENT;
  if (auto bad = digest::detail::first_invalid_utf8(v))
    return set_error(DG_E_INVALID_UTF8,
                     std::string(what) + " is not well-formed UTF-8 (byte " +
                         std::to_string(*bad) + ")",
                     what, static_cast<std::int64_t>(*bad));
  out = v;
  return DG_OK;
}

int null_argument(const char* name) {
  return set_error(DG_E_INVALID_ARGUMENT, std::string("argument '") + name + "' is NULL", name);
}

int index_error(const char* what, std::size_t index, std::size_t size) {
  return set_error(DG_E_INVALID_ARGUMENT, std::string(what) + " index " + std::to_string(index) +
                                              " is out of range (" + std::to_string(size) + ")",
                   "index");
}

int bad_version(const char* what, unsigned version) {
  return set_error(DG_E_INVALID_ARGUMENT,
                   std::string("unknown ") + what + " version " + std::to_string(version),
                   "version");
}

int bad_enum(const char* type, int value) {
  return set_error(DG_E_INVALID_ARGUMENT,
                   std::string("unknown ") + type + " value " + std::to_string(value));
}

int put_buffer(std::string bytes, dg_buffer** out) {
  auto buffer = std::make_unique<dg_buffer>();
  buffer->bytes = std::move(bytes);
  *out = buffer.release();
  return DG_OK;
}

}  // namespace dg

extern "C" {

DG_API const char* dg_status_name(int status) {
  switch (status) {
    case DG_OK: return "DG_OK";
    case DG_E_INVALID_ARGUMENT: return "DG_E_INVALID_ARGUMENT";
    case DG_E_PARSE: return "DG_E_PARSE";
    case DG_E_INVALID_UTF8: return "DG_E_INVALID_UTF8";
    case DG_E_WRONG_TYPE: return "DG_E_WRONG_TYPE";
    case DG_E_MISSING_FIELD: return "DG_E_MISSING_FIELD";
    case DG_E_DUPLICATE_ID: return "DG_E_DUPLICATE_ID";
    case DG_E_NOT_FOUND: return "DG_E_NOT_FOUND";
    case DG_E_IO: return "DG_E_IO";
    case DG_E_LIMIT: return "DG_E_LIMIT";
    case DG_E_INTERNAL: return "DG_E_INTERNAL";
    case DG_E_NO_MEMORY: return "DG_E_NO_MEMORY";
    case DG_E_CANCELLED: return "DG_E_CANCELLED";
    case DG_E_FILE_NOT_FOUND: return "DG_E_FILE_NOT_FOUND";
    default: return "DG_E_UNKNOWN";
  }
}

DG_API const char* dg_last_error(void) { return last_error().full.c_str(); }
DG_API int dg_last_error_code(void) { return last_error().code; }
DG_API const char* dg_last_error_message(void) { return last_error().message.c_str(); }
DG_API const char* dg_last_error_file(void) { return last_error().file.c_str(); }
DG_API const char* dg_last_error_field(void) { return last_error().field.c_str(); }

DG_API int dg_last_error_position(uint64_t* out_line, int64_t* out_offset) {
  const LastError& e = last_error();
  if (out_line) *out_line = e.line;
  if (out_offset) *out_offset = e.offset;
  return DG_OK;
}

DG_API const char* dg_version(void) { return DG_VERSION_STRING; }
DG_API unsigned dg_version_number(void) { return DG_VERSION_NUMBER; }

DG_API const char* dg_buffer_data(const dg_buffer* buffer) {
  return buffer ? buffer->bytes.c_str() : "";
}
DG_API size_t dg_buffer_size(const dg_buffer* buffer) { return buffer ? buffer->bytes.size() : 0; }
DG_API void dg_buffer_free(dg_buffer* buffer) { delete buffer; }

}  // extern "C"
