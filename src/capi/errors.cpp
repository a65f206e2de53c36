// Thread-local last error, buffers and version: the parts of the C API every
// other C API file leans on.
#include "capi/capi_internal.hpp"

namespace {

struct LastError {
  std::string message;
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
  e.message = error.to_string();
  e.line = error.line;
  e.offset = error.offset ? static_cast<std::int64_t>(*error.offset) : -1;
  int status = status_of(error.code);
  return status == DG_OK ? DG_E_INTERNAL : status;
}

int set_error(int status, std::string message) {
  LastError& e = last_error();
  e.message = std::move(message);
  e.line = 0;
  e.offset = -1;
  return status;
}

void clear_error() {
  LastError& e = last_error();
  e.message.clear();
  e.line = 0;
  e.offset = -1;
}

bool view(const char* data, std::size_t len, std::string_view& out, const char* what) {
  if (data == nullptr && len != 0) {
    set_error(DG_E_INVALID_ARGUMENT, std::string(what) + " is NULL but its length is not 0");
    return false;
  }
  out = data ? std::string_view(data, len) : std::string_view();
  return true;
}

int null_argument(const char* name) {
  return set_error(DG_E_INVALID_ARGUMENT, std::string("argument '") + name + "' is NULL");
}

}  // namespace dg

extern "C" {

DG_API const char* dg_last_error(void) { return last_error().message.c_str(); }

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
