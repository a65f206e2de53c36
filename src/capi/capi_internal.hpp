// Shared by the C API implementation files: error state and the exception
// guard that keeps C++ exceptions from crossing the C boundary.
#pragma once

#include <cstddef>
#include <new>
#include <string>
#include <string_view>

#include "digest/digest.h"
#include "digest/model.hpp"
#include "digest/result.hpp"

namespace dg {

// Records `error` as this thread's last error and returns its DG_E_* code.
int set_error(const digest::Error& error);
int set_error(int status, std::string message);
void clear_error();

inline int status_of(digest::ErrorCode code) {
  return code == digest::ErrorCode::ok ? DG_OK : -static_cast<int>(code);
}

// Runs fn (returning int status) with every exception turned into a status.
template <class F>
int guard(F&& fn) noexcept {
  try {
    clear_error();
    return fn();
  } catch (const std::bad_alloc&) {
    return set_error(DG_E_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return set_error(DG_E_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return set_error(DG_E_INTERNAL, "internal error: unknown exception");
  }
}

// A C (pointer, length) pair as a string_view; NULL with length 0 is "".
// Returns false (and sets the error) for NULL with a non-zero length.
bool view(const char* data, std::size_t len, std::string_view& out, const char* what);

// Sets *out_ptr / *out_len to `s` (which must outlive the caller's use).
inline void put(std::string_view s, const char** out, std::size_t* out_len) {
  *out = s.data();
  if (out_len) *out_len = s.size();
}

int null_argument(const char* name);

}  // namespace dg

// A library-allocated byte buffer (exports, renders).
struct dg_buffer {
  std::string bytes;
};

// A collection handle: shared by the C API files that take collections.
struct dg_collection {
  digest::Collection collection;
};
