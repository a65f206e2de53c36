// C API over digests, periods and sections (include/digest/c/digest.h).
#include <memory>
#include <stdexcept>
#include <string>

#include "capi/capi_internal.hpp"
#include "digest/digest.hpp"


namespace {

// Digest sections are DigestSection objects in disguise, owned by the digest.
const digest::DigestSection* from_handle(const dg_digest_section* s) {
  return reinterpret_cast<const digest::DigestSection*>(s);
}
const dg_digest_section* to_handle(const digest::DigestSection* s) {
  return reinterpret_cast<const dg_digest_section*>(s);
}

// Reads the options; `label` (if set) replaces the period's label.
int read_options(const dg_digest_options* opts, digest::DigestOptions& out,
                 std::optional<std::string>& label) {
  if (!opts) return DG_OK;
  if (opts->version != DG_DIGEST_OPTIONS_VERSION)
    return dg::bad_version("dg_digest_options", opts->version);
  std::string_view title, l;
  if (int st = dg::utf8_view(opts->title, opts->title_len, title, "title"); st != DG_OK) return st;
  if (int st = dg::utf8_view(opts->label, opts->label_len, l, "label"); st != DG_OK) return st;
  out.title.assign(title);
  if (!l.empty()) label.emplace(l);
  return DG_OK;
}

int build(const dg_collection* collection, digest::Period period, const dg_digest_options* opts,
          dg_digest** out) {
  digest::DigestOptions options;
  std::optional<std::string> label;
  if (int st = read_options(opts, options, label); st != DG_OK) return st;
  if (label) period.label = std::move(*label);
  auto d = std::make_unique<dg_digest>();
  d->digest = digest::build_digest(collection->collection, period, options);
  *out = d.release();
  return DG_OK;
}

int build_week(const dg_collection* collection, const char* week, size_t week_len,
               const dg_digest_options* opts, dg_digest** out) {
  if (!collection) return dg::null_argument("collection");
  if (!out) return dg::null_argument("out");
  std::string_view text;
  if (!dg::view(week, week_len, text, "week")) return DG_E_INVALID_ARGUMENT;
  auto period = digest::parse_iso_week(text);
  if (!period.ok()) return dg::set_error(period.error());
  return build(collection, std::move(period).value(), opts, out);
}

}  // namespace

extern "C" {

DG_API int dg_digest_options_init(dg_digest_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_DIGEST_OPTIONS_VERSION) return dg::bad_version("dg_digest_options", version);
    *opts = dg_digest_options DG_DIGEST_OPTIONS_INIT;
    return DG_OK;
  });
}

DG_API int dg_digest_build_week(const dg_collection* collection, const char* week,
                                size_t week_len, dg_digest** out) {
  return dg::guard([&]() -> int { return build_week(collection, week, week_len, nullptr, out); });
}

DG_API int dg_digest_build_week_opts(const dg_collection* collection, const char* week,
                                     size_t week_len, const dg_digest_options* opts,
                                     dg_digest** out) {
  return dg::guard([&]() -> int { return build_week(collection, week, week_len, opts, out); });
}

DG_API int dg_digest_build_week_of(const dg_collection* collection, const dg_ymd* day,
                                   const dg_digest_options* opts, dg_digest** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!day) return dg::null_argument("day");
    if (!out) return dg::null_argument("out");
    digest::Date d;
    if (int st = dg::read_ymd(*day, d, "day"); st != DG_OK) return st;
    auto week = digest::iso_week_of(d);
    if (!week.ok()) return dg::set_error(week.error());
    return build(collection, std::move(week).value(), opts, out);
  });
}

DG_API int dg_digest_build_range(const dg_collection* collection, const dg_ymd* first,
                                 const dg_ymd* last, const dg_digest_options* opts,
                                 dg_digest** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!first) return dg::null_argument("first");
    if (!last) return dg::null_argument("last");
    if (!out) return dg::null_argument("out");
    digest::Period period;
    if (int st = dg::read_ymd(*first, period.first, "first"); st != DG_OK) return st;
    if (int st = dg::read_ymd(*last, period.last, "last"); st != DG_OK) return st;
    if (period.last < period.first)
      return dg::set_error(DG_E_INVALID_ARGUMENT, "the last day is before the first", "last");
    period.label = digest::DateTime(period.first).date_iso() + ".." +
                   digest::DateTime(period.last).date_iso();
    return build(collection, std::move(period), opts, out);
  });
}

DG_API void dg_digest_free(dg_digest* digest) { delete digest; }

DG_API int dg_digest_post_count(const dg_digest* digest, size_t* out) {
  return dg::guard([&]() -> int {
    if (!digest) return dg::null_argument("digest");
    if (!out) return dg::null_argument("out");
    *out = digest->digest.post_count();
    return DG_OK;
  });
}

DG_API int dg_digest_title(const dg_digest* digest, const char** out, size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!digest) return dg::null_argument("digest");
    if (!out) return dg::null_argument("out");
    dg::put(digest->digest.title, out, out_len);
    return DG_OK;
  });
}

DG_API int dg_digest_period(const dg_digest* digest, dg_ymd* out_first, dg_ymd* out_last,
                            const char** out_label, size_t* out_label_len) {
  return dg::guard([&]() -> int {
    if (!digest) return dg::null_argument("digest");
    const digest::Period& p = digest->digest.period;
    if (out_first) *out_first = dg::to_c(p.first);
    if (out_last) *out_last = dg::to_c(p.last);
    if (out_label) dg::put(p.label, out_label, out_label_len);
    return DG_OK;
  });
}

DG_API int dg_digest_section_count(const dg_digest* digest, size_t* out) {
  return dg::guard([&]() -> int {
    if (!digest) return dg::null_argument("digest");
    if (!out) return dg::null_argument("out");
    *out = digest->digest.sections.size();
    return DG_OK;
  });
}

DG_API int dg_digest_section_at(const dg_digest* digest, size_t index,
                                const dg_digest_section** out) {
  return dg::guard([&]() -> int {
    if (!digest) return dg::null_argument("digest");
    if (!out) return dg::null_argument("out");
    const auto& sections = digest->digest.sections;
    if (index >= sections.size()) return dg::index_error("section", index, sections.size());
    *out = to_handle(&sections[index]);
    return DG_OK;
  });
}

DG_API int dg_digest_section_get(const dg_digest_section* section, dg_section_field field,
                                 const char** out, size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!section) return dg::null_argument("section");
    if (!out) return dg::null_argument("out");
    const digest::DigestSection& s = *from_handle(section);
    switch (field) {
      case DG_SECTION_SOURCE_ID: dg::put(s.source_id, out, out_len); return DG_OK;
      case DG_SECTION_HEADING: dg::put(s.heading, out, out_len); return DG_OK;
      default: return dg::bad_enum("dg_section_field", static_cast<int>(field));
    }
  });
}

DG_API int dg_digest_section_source(const dg_digest_section* section, const dg_source** out) {
  return dg::guard([&]() -> int {
    if (!section) return dg::null_argument("section");
    if (!out) return dg::null_argument("out");
    const digest::DigestSection& s = *from_handle(section);
    if (!s.source)
      return dg::set_error(DG_E_NOT_FOUND,
                           "the collection has no source record for section '" + s.heading + "'");
    *out = dg::to_handle(&*s.source);
    return DG_OK;
  });
}

DG_API int dg_digest_section_post_count(const dg_digest_section* section, size_t* out) {
  return dg::guard([&]() -> int {
    if (!section) return dg::null_argument("section");
    if (!out) return dg::null_argument("out");
    *out = from_handle(section)->posts.size();
    return DG_OK;
  });
}

DG_API int dg_digest_section_post_at(const dg_digest_section* section, size_t index,
                                     const dg_post** out) {
  return dg::guard([&]() -> int {
    if (!section) return dg::null_argument("section");
    if (!out) return dg::null_argument("out");
    const auto& posts = from_handle(section)->posts;
    if (index >= posts.size()) return dg::index_error("post", index, posts.size());
    *out = dg::to_handle(&posts[index]);
    return DG_OK;
  });
}

}  // extern "C"

// For render.cpp: the digest inside a handle.
namespace dg {
const digest::Digest& digest_of(const dg_digest* d) { return d->digest; }
}  // namespace dg
