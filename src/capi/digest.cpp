// C API over digests, periods and sections (include/digest/c/digest.h).
#include <memory>
#include <stdexcept>
#include <string>

#include "capi/capi_internal.hpp"
#include "digest/curate.hpp"
#include "digest/digest.hpp"
#include "digest/render.hpp"


namespace {

// Digest sections are DigestSection objects in disguise, owned by the digest.
const digest::DigestSection* from_handle(const dg_digest_section* s) {
  return reinterpret_cast<const digest::DigestSection*>(s);
}
const dg_digest_section* to_handle(const digest::DigestSection* s) {
  return reinterpret_cast<const dg_digest_section*>(s);
}

// What a dg_digest_options says, read into the C++ options.
struct ReadOptions {
  digest::DigestOptions options;
  digest::PublishOptions publish;
  std::optional<std::string> label;
  std::optional<digest::Date> reference;
};

// Reads the options; `label` (if set) replaces the period's label.
int read_options(const dg_digest_options* opts, ReadOptions& out) {
  if (!opts) return DG_OK;
  if (opts->version != 1 && opts->version != DG_DIGEST_OPTIONS_VERSION)
    return dg::bad_version("dg_digest_options", opts->version);
  std::string_view title, l;
  if (int st = dg::utf8_view(opts->title, opts->title_len, title, "title"); st != DG_OK) return st;
  if (int st = dg::utf8_view(opts->label, opts->label_len, l, "label"); st != DG_OK) return st;
  out.options.title.assign(title);
  if (!l.empty()) out.label.emplace(l);
  if (opts->version < 2) return DG_OK;  // a version 1 struct ends at label_len
  std::string_view locale;
  if (int st = dg::utf8_view(opts->locale, opts->locale_len, locale, "locale"); st != DG_OK) return st;
  if (!locale.empty()) out.options.locale.assign(locale);
  switch (opts->group_by) {
    case DG_GROUP_BY_SOURCE: out.options.group_by = digest::GroupBy::source; break;
    case DG_GROUP_BY_NONE: out.options.group_by = digest::GroupBy::none; break;
    case DG_GROUP_BY_ENTITY: out.options.group_by = digest::GroupBy::entity; break;
    case DG_GROUP_BY_STORY: out.options.group_by = digest::GroupBy::story; break;
    default: return dg::bad_enum("dg_group_by", static_cast<int>(opts->group_by));
  }
  switch (opts->rank) {
    case DG_RANK_DATE: out.options.rank = digest::Rank::date; break;
    case DG_RANK_NEWEST: out.options.rank = digest::Rank::newest; break;
    case DG_RANK_OUTLETS: out.options.rank = digest::Rank::outlets; break;
    case DG_RANK_ENTITIES: out.options.rank = digest::Rank::entities; break;
    default: return dg::bad_enum("dg_rank", static_cast<int>(opts->rank));
  }
  out.options.collapse_stories = opts->collapse_stories != 0;
  out.options.per_section = opts->per_section;
  out.options.limit = opts->limit;
  if (opts->entities) {
    const digest::Gazetteer* g = &opts->entities->gazetteer;
    out.publish.entities = g;
    out.options.entity_name = digest::entity_names(*g);
  }
  if (opts->reference) {
    digest::Date d;
    if (int st = dg::read_ymd(*opts->reference, d, "reference"); st != DG_OK) return st;
    out.reference = d;
  }
  return DG_OK;
}

int build(const dg_collection* collection, digest::Period period, const ReadOptions& read,
          dg_digest** out) {
  if (read.label) period.label = *read.label;
  auto built = digest::publish_digest(collection->collection, period, read.options, read.publish);
  if (!built.ok()) {
    // 0.2 callers' titles were used as written, braces and all.
    if (!read.options.title.empty() && read.options.title.find_first_of("{}") != std::string::npos) {
      auto plain = read;
      plain.options.title.clear();
      built = digest::publish_digest(collection->collection, period, plain.options, plain.publish);
      if (built.ok()) built->title = read.options.title;
    }
    if (!built.ok()) return dg::set_error(built.error());
  }
  auto d = std::make_unique<dg_digest>();
  d->digest = std::move(built).value();
  *out = d.release();
  return DG_OK;
}

int build(const dg_collection* collection, digest::Period period, const dg_digest_options* opts,
          dg_digest** out) {
  ReadOptions read;
  if (int st = read_options(opts, read); st != DG_OK) return st;
  return build(collection, std::move(period), read, out);
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
    if (version != 1 && version != DG_DIGEST_OPTIONS_VERSION)
      return dg::bad_version("dg_digest_options", version);
    if (version == 1) {
      // A version 1 caller's struct ends at label_len: write no further.
      opts->version = 1;
      opts->title = opts->label = nullptr;
      opts->title_len = opts->label_len = 0;
      return DG_OK;
    }
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
    auto range = digest::range_period(period.first, period.last);
    if (!range.ok()) return dg::set_error(range.error());
    return build(collection, std::move(range).value(), opts, out);
  });
}

DG_API int dg_digest_build(const dg_collection* collection, const char* period,
                           size_t period_len, const dg_digest_options* opts, dg_digest** out) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (!out) return dg::null_argument("out");
    std::string_view text;
    if (!dg::view(period, period_len, text, "period")) return DG_E_INVALID_ARGUMENT;
    ReadOptions read;
    if (int st = read_options(opts, read); st != DG_OK) return st;
    digest::PeriodOptions po;
    po.reference = read.reference;
    auto p = digest::parse_period(text, po);
    if (!p.ok()) return dg::set_error(p.error());
    return build(collection, std::move(p).value(), read, out);
  });
}

DG_API int dg_period_parse(const char* period, size_t period_len, const dg_ymd* reference,
                           dg_ymd* out_first, dg_ymd* out_last) {
  return dg::guard([&]() -> int {
    std::string_view text;
    if (!dg::view(period, period_len, text, "period")) return DG_E_INVALID_ARGUMENT;
    digest::PeriodOptions po;
    if (reference) {
      digest::Date d;
      if (int st = dg::read_ymd(*reference, d, "reference"); st != DG_OK) return st;
      po.reference = d;
    }
    auto p = digest::parse_period(text, po);
    if (!p.ok()) return dg::set_error(p.error());
    if (out_first) *out_first = dg::to_c(p->first);
    if (out_last) *out_last = dg::to_c(p->last);
    return DG_OK;
  });
}

DG_API int dg_digest_from_json(const char* json, size_t json_len, dg_digest** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view text;
    if (!dg::view(json, json_len, text, "json")) return DG_E_INVALID_ARGUMENT;
    auto d = digest::load_digest_json(text);
    if (!d.ok()) return dg::set_error(d.error());
    auto h = std::make_unique<dg_digest>();
    h->digest = std::move(d).value();
    *out = h.release();
    return DG_OK;
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

namespace {
// The item at `index`, or an error status in `st`.
const digest::DigestItem* item_at(const dg_digest_section* section, size_t index, int& st) {
  st = DG_OK;
  if (!section) {
    st = dg::null_argument("section");
    return nullptr;
  }
  const auto& items = from_handle(section)->items;
  if (index >= items.size()) {
    st = dg::index_error("item", index, items.size());
    return nullptr;
  }
  return &items[index];
}
}  // namespace

DG_API int dg_digest_section_item_story(const dg_digest_section* section, size_t index,
                                        const char** out, size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    int st;
    const digest::DigestItem* item = item_at(section, index, st);
    if (!item) return st;
    dg::put(item->story, out, out_len);
    return DG_OK;
  });
}

DG_API int dg_digest_section_item_outlets(const dg_digest_section* section, size_t index,
                                          size_t* out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    int st;
    const digest::DigestItem* item = item_at(section, index, st);
    if (!item) return st;
    *out = item->outlets;
    return DG_OK;
  });
}

DG_API int dg_digest_section_item_also_count(const dg_digest_section* section, size_t index,
                                             size_t* out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    int st;
    const digest::DigestItem* item = item_at(section, index, st);
    if (!item) return st;
    *out = item->also.size();
    return DG_OK;
  });
}

DG_API int dg_digest_section_item_also_at(const dg_digest_section* section, size_t index,
                                          size_t also_index, const dg_post** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    int st;
    const digest::DigestItem* item = item_at(section, index, st);
    if (!item) return st;
    if (also_index >= item->also.size())
      return dg::index_error("also-in post", also_index, item->also.size());
    *out = dg::to_handle(&item->also[also_index]);
    return DG_OK;
  });
}

}  // extern "C"

// For render.cpp: the digest inside a handle, and the options.
namespace dg {
int read_digest_options(const dg_digest_options* opts, digest::DigestOptions& out) {
  ReadOptions read;
  if (int st = read_options(opts, read); st != DG_OK) return st;
  out = std::move(read.options);
  return DG_OK;
}
const digest::Digest& digest_of(const dg_digest* d) { return d->digest; }
}  // namespace dg
