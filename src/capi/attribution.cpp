// C API over attribution lines and outlet lists
// (include/digest/c/attribution.h).
#include <memory>
#include <string>

#include "capi/capi_internal.hpp"
#include "digest/attribution.hpp"

struct dg_outlet_list {
  digest::SimpleOutletList list;
};

struct dg_attribution {
  digest::Attribution value;
  std::string date_text;
  std::string header_text;
};

namespace {

digest::TextSpan span_of(const dg_attribution* a, dg_attribution_field field, bool& ok) {
  ok = true;
  switch (field) {
    case DG_ATTRIBUTION_OUTLET: return a->value.outlet_span;
    case DG_ATTRIBUTION_PLACE: return a->value.place_span;
    case DG_ATTRIBUTION_SOURCE: return {};
    case DG_ATTRIBUTION_EXCERPT: return a->value.excerpt_span;
    case DG_ATTRIBUTION_DATE: return a->value.date_span;
    case DG_ATTRIBUTION_HEADER: return a->value.header_span;
    case DG_ATTRIBUTION_METHOD: return {};
    default: break;
  }
  ok = false;
  return {};
}

std::string slice(std::string_view line, digest::TextSpan s) {
  return std::string(line.substr(s.begin, s.end - s.begin));
}

}  // namespace

extern "C" {

DG_API int dg_outlet_list_new(dg_outlet_list** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    *out = new dg_outlet_list();
    return DG_OK;
  });
}

DG_API int dg_outlet_list_add(dg_outlet_list* list, const char* id, size_t id_len,
                              const char* name, size_t name_len) {
  return dg::guard([&]() -> int {
    if (!list) return dg::null_argument("list");
    std::string_view i, n;
    if (!dg::view(id, id_len, i, "id") || !dg::view(name, name_len, n, "name"))
      return DG_E_INVALID_ARGUMENT;
    if (i.empty()) return dg::set_error(DG_E_INVALID_ARGUMENT, "empty outlet id", "id");
    if (!list->list.add(i, n)) {
      if (list->list.find_outlet(n))
        return dg::set_error(DG_E_DUPLICATE_ID, "outlet name already belongs to another id",
                             "name");
      return dg::set_error(DG_E_INVALID_ARGUMENT, "outlet name has an empty search key", "name");
    }
    return DG_OK;
  });
}

DG_API const dg_outlet_lookup* dg_outlet_list_lookup(const dg_outlet_list* list) {
  if (!list) return nullptr;
  return dg::to_handle(static_cast<const digest::OutletLookup*>(&list->list));
}

DG_API void dg_outlet_list_free(dg_outlet_list* list) { delete list; }

DG_API int dg_attribution_parse(const char* line, size_t line_len, const dg_outlet_lookup* outlets,
                                const dg_date_options* opts, dg_attribution** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view l;
    if (!dg::view(line, line_len, l, "line")) return DG_E_INVALID_ARGUMENT;
    digest::AttributionOptions o;
    if (int st = dg::read_date_options(opts, o.dates); st != DG_OK) return st;
    auto a = digest::parse_attribution(l, dg::from_handle(outlets), o);
    if (!a) return dg::set_error(DG_E_NOT_FOUND, "no attribution header");
    auto result = std::make_unique<dg_attribution>();
    result->value = std::move(*a);
    result->date_text = slice(l, result->value.date_span);
    result->header_text = slice(l, result->value.header_span);
    *out = result.release();
    return DG_OK;
  });
}

DG_API int dg_attribution_get(const dg_attribution* attribution, dg_attribution_field field,
                              const char** out, size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!attribution) return dg::null_argument("attribution");
    if (!out) return dg::null_argument("out");
    const auto& v = attribution->value;
    switch (field) {
      case DG_ATTRIBUTION_OUTLET: dg::put(v.outlet, out, out_len); return DG_OK;
      case DG_ATTRIBUTION_PLACE: dg::put(v.place, out, out_len); return DG_OK;
      case DG_ATTRIBUTION_SOURCE: dg::put(v.source, out, out_len); return DG_OK;
      case DG_ATTRIBUTION_EXCERPT: dg::put(v.excerpt, out, out_len); return DG_OK;
      case DG_ATTRIBUTION_DATE: dg::put(attribution->date_text, out, out_len); return DG_OK;
      case DG_ATTRIBUTION_HEADER: dg::put(attribution->header_text, out, out_len); return DG_OK;
      case DG_ATTRIBUTION_METHOD: dg::put(v.method, out, out_len); return DG_OK;
      default: return dg::bad_enum("dg_attribution_field", static_cast<int>(field));
    }
  });
}

DG_API int dg_attribution_span(const dg_attribution* attribution, dg_attribution_field field,
                               size_t* out_begin, size_t* out_end) {
  return dg::guard([&]() -> int {
    if (!attribution) return dg::null_argument("attribution");
    if (!out_begin || !out_end) return dg::null_argument("out_begin/out_end");
    bool ok;
    digest::TextSpan s = span_of(attribution, field, ok);
    if (!ok) return dg::bad_enum("dg_attribution_field", static_cast<int>(field));
    *out_begin = s.begin;
    *out_end = s.end;
    return DG_OK;
  });
}

DG_API int dg_attribution_author_count(const dg_attribution* attribution, size_t* out) {
  return dg::guard([&]() -> int {
    if (!attribution) return dg::null_argument("attribution");
    if (!out) return dg::null_argument("out");
    *out = attribution->value.authors.size();
    return DG_OK;
  });
}

DG_API int dg_attribution_author_at(const dg_attribution* attribution, size_t index,
                                    const char** out, size_t* out_len, size_t* out_begin,
                                    size_t* out_end) {
  return dg::guard([&]() -> int {
    if (!attribution) return dg::null_argument("attribution");
    if (!out) return dg::null_argument("out");
    const auto& v = attribution->value;
    if (index >= v.authors.size()) return dg::index_error("author", index, v.authors.size());
    dg::put(v.authors[index], out, out_len);
    if (out_begin) *out_begin = v.author_spans[index].begin;
    if (out_end) *out_end = v.author_spans[index].end;
    return DG_OK;
  });
}

DG_API int dg_attribution_date(const dg_attribution* attribution, dg_date* out) {
  return dg::guard([&]() -> int {
    if (!attribution) return dg::null_argument("attribution");
    if (!out) return dg::null_argument("out");
    const auto& v = attribution->value;
    if (!v.date) return dg::set_error(DG_E_NOT_FOUND, "the attribution's date is ambiguous");
    digest::DateMatch m;
    m.value = v.date;
    m.written = v.written_date;
    m.begin = v.date_span.begin;
    m.end = v.date_span.end;
    *out = dg::to_c_date(m);
    return DG_OK;
  });
}

DG_API void dg_attribution_free(dg_attribution* attribution) { delete attribution; }

DG_API int dg_post_builder_apply_attribution(dg_post_builder* builder,
                                             const dg_outlet_lookup* outlets,
                                             const dg_date_options* opts, int* out_changed) {
  return dg::guard([&]() -> int {
    if (!builder) return dg::null_argument("builder");
    digest::AttributionOptions o;
    if (int st = dg::read_date_options(opts, o.dates); st != DG_OK) return st;
    // On a copy, so that the builder is unchanged if anything throws.
    digest::Post post = builder->post;
    const bool changed = digest::apply_attribution(post, dg::from_handle(outlets), o);
    builder->post = std::move(post);
    if (out_changed) *out_changed = changed ? 1 : 0;
    return DG_OK;
  });
}

}  // extern "C"
