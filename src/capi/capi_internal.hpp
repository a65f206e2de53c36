// Shared by the C API implementation files: the handle types, error state,
// the exception guard that keeps C++ exceptions from crossing the C
// boundary, and the readers of the option structs several files take.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "digest/dates.hpp"
#include "digest/digest.hpp"
#include "digest/digestcore.h"
#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "digest/model.hpp"
#include "digest/outlet_lookup.hpp"
#include "digest/result.hpp"
#include "digest/sources.hpp"

namespace dg {

// Records `error` as this thread's last error and returns its DG_E_* code.
int set_error(const digest::Error& error);
// Records a failure of the C layer itself. `field` names the argument or
// option field at fault; `offset` is a byte offset into it (-1: none).
int set_error(int status, std::string message, std::string field = {},
              std::int64_t offset = -1);
void clear_error();
// Records an exception caught at the boundary; never throws (if even the
// message cannot be stored, only the status is).
int exception_error(int status, const char* what) noexcept;

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
    return exception_error(DG_E_NO_MEMORY, nullptr);
  } catch (const std::exception& e) {
    return exception_error(DG_E_INTERNAL, e.what());
  } catch (...) {
    return exception_error(DG_E_INTERNAL, "unknown exception");
  }
}

// DG_OK, or the error of `status` recorded.
inline int finish(const digest::Status& status) {
  return status.ok() ? DG_OK : set_error(status.error());
}

// A C (pointer, length) pair as a string_view; NULL with length 0 is "".
// Returns false (and sets the error) for NULL with a non-zero length.
bool view(const char* data, std::size_t len, std::string_view& out, const char* what);
// The same, and the bytes must be well-formed UTF-8 (DG_E_INVALID_UTF8 with
// the offset of the first bad byte and `what` as the field otherwise).
// Returns the status.
int utf8_view(const char* data, std::size_t len, std::string_view& out, const char* what);

// Sets *out / *out_len to `s`, which must outlive the caller's use. Every
// string handed out is NUL-terminated: pass std::string (whose data() is)
// or static strings only.
inline void put(const std::string& s, const char** out, std::size_t* out_len) {
  *out = s.c_str();
  if (out_len) *out_len = s.size();
}
inline void put_static(const char* s, const char** out, std::size_t* out_len) {
  *out = s;
  if (out_len) *out_len = std::char_traits<char>::length(s);
}

int null_argument(const char* name);
int index_error(const char* what, std::size_t index, std::size_t size);
int bad_version(const char* what, unsigned version);
int bad_enum(const char* type, int value);

// A new buffer holding `bytes`, handed to *out.
int put_buffer(std::string bytes, dg_buffer** out);

// Readers of option structs. Each returns DG_OK or a status with the error
// set; NULL options leave `out` at its defaults.
int read_date_options(const dg_date_options* opts, digest::DateParseOptions& out);
int read_resolve_options(const dg_resolve_options* opts, digest::ResolveOptions& out);
int read_output_options(const dg_output_options* opts, bool& pretty);
int read_feed_options(const dg_feed_options* opts, digest::FeedOptions& out);
// DG_TAG_* flags to TagOptions.
int read_tag_options(unsigned int fields, digest::TagOptions& out);
// dg_format to JsonFormat (detect and wordpress included).
int read_format(dg_format format, digest::JsonFormat& out);
dg_format format_of(digest::JsonFormat f);
// dg_import_options (NULL: the defaults) into `out` (json.cpp).
int read_import_options(const dg_import_options* opts, digest::ImportOptions& out);
// An import's result as a status and, when out_report is not NULL, a report
// the caller owns (json.cpp).
int finish_import(digest::Result<digest::ImportReport>&& r, dg_import_report** out_report);

// Checked Gregorian dates (DG_E_INVALID_ARGUMENT naming `what` otherwise).
int read_ymd(const dg_ymd& in, digest::Date& out, const char* what);
// The digest options of a dg_digest_options (digest.cpp), for the site.
int read_digest_options(const dg_digest_options* opts, digest::DigestOptions& out);
int read_datetime(const dg_datetime& in, digest::DateTime& out, const char* what);
dg_datetime to_c(const digest::DateTime& dt);
dg_ymd to_c(const digest::Date& d);
// A date read from a text (the first reading when ambiguous).
dg_date to_c_date(const digest::DateMatch& m);

// The digest inside a dg_digest handle (digest.cpp owns the type).
const digest::Digest& digest_of(const dg_digest* d);

// Handles to model objects are pointers to them in disguise; they are only
// ever cast back.
inline const digest::Post* from_handle(const dg_post* p) {
  return reinterpret_cast<const digest::Post*>(p);
}
inline const dg_post* to_handle(const digest::Post* p) { return reinterpret_cast<const dg_post*>(p); }
inline const digest::Source* from_handle(const dg_source* s) {
  return reinterpret_cast<const digest::Source*>(s);
}
inline const dg_source* to_handle(const digest::Source* s) {
  return reinterpret_cast<const dg_source*>(s);
}
inline const digest::OutletLookup* from_handle(const dg_outlet_lookup* l) {
  return reinterpret_cast<const digest::OutletLookup*>(l);
}
inline const dg_outlet_lookup* to_handle(const digest::OutletLookup* l) {
  return reinterpret_cast<const dg_outlet_lookup*>(l);
}

}  // namespace dg

// A library-allocated byte buffer (exports, renders).
struct dg_buffer {
  std::string bytes;
};

// Handles shared by several C API files.
struct dg_collection {
  digest::Collection collection;
};
struct dg_source_registry {
  digest::SourceRegistry registry;
  // What dg_source_registry_set_lookup_options set, kept to be applied again
  // when the registry is rebuilt (dg_source_registry_add_alias).
  digest::ResolveOptions lookup_options;
};
inline dg_source_registry* new_registry(digest::SourceRegistry&& registry) {
  auto* r = new dg_source_registry();
  r->registry = std::move(registry);
  return r;
}
struct dg_gazetteer {
  digest::Gazetteer gazetteer;
};
struct dg_digest {
  digest::Digest digest;
};
struct dg_post_builder {
  digest::Post post;
};
struct dg_source_builder {
  digest::Source source;
};
