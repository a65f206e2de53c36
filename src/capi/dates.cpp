// C API: dates, outlet lists and attribution lines (include/digest/c/dates.h).
#include <memory>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/attribution.hpp"
#include "digest/dates.hpp"

struct dg_date_list {
  std::vector<dg_date> dates;
};

struct dg_outlet_list {
  digest::SimpleOutletList list;
};

struct dg_attribution {
  digest::Attribution value;
  std::string date_text;
  std::string header_text;
};

namespace {

// Reads dg_date_options into DateParseOptions; false (error set) when bad.
bool read_options(const dg_date_options* opts, digest::DateParseOptions& out) {
  if (!opts) return true;
  if (opts->version != DG_DATE_OPTIONS_VERSION) {
    dg::set_error(DG_E_INVALID_ARGUMENT,
                  "unknown dg_date_options version " + std::to_string(opts->version));
    return false;
  }
  if (opts->languages) {
    std::string_view tags(opts->languages);
    std::size_t i = 0;
    while (i <= tags.size()) {
      std::size_t j = tags.find(',', i);
      if (j == std::string_view::npos) j = tags.size();
      std::string_view tag = tags.substr(i, j - i);
      while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
      while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
      if (!tag.empty()) out.languages.emplace_back(tag);
      i = j + 1;
    }
  }
  switch (opts->order) {
    case DG_DATE_ORDER_UNSPECIFIED: out.order = digest::DateOrder::unspecified; break;
    case DG_DATE_ORDER_DMY: out.order = digest::DateOrder::dmy; break;
    case DG_DATE_ORDER_MDY: out.order = digest::DateOrder::mdy; break;
    case DG_DATE_ORDER_YMD: out.order = digest::DateOrder::ymd; break;
    default:
      dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_date_order " + std::to_string(opts->order));
      return false;
  }
  if (opts->has_reference) {
    int y = opts->reference_year, m = opts->reference_month, d = opts->reference_day;
    if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 ||
        d > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(y), static_cast<unsigned short>(m))) {
      dg::set_error(DG_E_INVALID_ARGUMENT, "reference date is not a valid Gregorian date");
      return false;
    }
    out.reference = digest::Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                 static_cast<unsigned short>(d));
  }
  return true;
}

dg_date to_c(const digest::DateMatch& m) {
  dg_date d{};
  const digest::DateTime* dt = m.value ? &*m.value : (m.readings.empty() ? nullptr : &m.readings[0]);
  if (dt) {
    d.year = dt->date.year();
    d.month = dt->date.month();
    d.day = dt->date.day();
    d.has_time = dt->seconds.has_value();
    d.seconds = dt->seconds.value_or(0);
    d.has_offset = dt->utc_offset_minutes.has_value();
    d.utc_offset_minutes = dt->utc_offset_minutes.value_or(0);
  }
  d.calendar = static_cast<dg_calendar>(m.written.calendar);
  d.written_year = m.written.year;
  d.written_month = m.written.month;
  d.written_day = m.written.day;
  d.begin = m.begin;
  d.end = m.end;
  d.ambiguous = m.ambiguous;
  d.has_weekday = m.has_weekday;
  d.weekday_mismatch = m.weekday_mismatch;
  return d;
}

digest::TextSpan span_of(const dg_attribution* a, dg_attribution_field field, bool& ok) {
  ok = true;
  switch (field) {
    case DG_ATTRIBUTION_OUTLET: return a->value.outlet_span;
    case DG_ATTRIBUTION_PLACE: return a->value.place_span;
    case DG_ATTRIBUTION_SOURCE: return {};
    case DG_ATTRIBUTION_EXCERPT: return a->value.excerpt_span;
    case DG_ATTRIBUTION_DATE: return a->value.date_span;
    case DG_ATTRIBUTION_HEADER: return a->value.header_span;
    default: break;
  }
  ok = false;
  return {};
}

}  // namespace

extern "C" {

DG_API int dg_date_options_init(dg_date_options* opts, unsigned version) {
  return dg::guard([&] {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_DATE_OPTIONS_VERSION)
      return dg::set_error(DG_E_INVALID_ARGUMENT,
                           "unknown dg_date_options version " + std::to_string(version));
    *opts = dg_date_options DG_DATE_OPTIONS_INIT;
    return DG_OK;
  });
}

DG_API int dg_date_parse(const char* text, size_t text_len, const dg_date_options* opts,
                         dg_date* out) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    digest::DateParseOptions o;
    if (!read_options(opts, o)) return DG_E_INVALID_ARGUMENT;
    auto m = digest::DateParser(std::move(o)).parse_detailed(t);
    if (!m) return dg::set_error(DG_E_NOT_FOUND, "no date");
    if (m->ambiguous) return dg::set_error(DG_E_NOT_FOUND, "ambiguous date (give an order)");
    *out = to_c(*m);
    return DG_OK;
  });
}

DG_API int dg_date_find(const char* text, size_t text_len, const dg_date_options* opts,
                        dg_date_list** out) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    digest::DateParseOptions o;
    if (!read_options(opts, o)) return DG_E_INVALID_ARGUMENT;
    auto found = digest::DateParser(std::move(o)).find_dates(t);
    auto list = std::make_unique<dg_date_list>();
    list->dates.reserve(found.size());
    for (const auto& m : found) list->dates.push_back(to_c(m));
    *out = list.release();
    return DG_OK;
  });
}

DG_API int dg_date_list_count(const dg_date_list* list, size_t* out) {
  return dg::guard([&] {
    if (!list) return dg::null_argument("list");
    if (!out) return dg::null_argument("out");
    *out = list->dates.size();
    return DG_OK;
  });
}

DG_API int dg_date_list_at(const dg_date_list* list, size_t index, dg_date* out) {
  return dg::guard([&] {
    if (!list) return dg::null_argument("list");
    if (!out) return dg::null_argument("out");
    if (index >= list->dates.size())
      return dg::set_error(DG_E_INVALID_ARGUMENT, "index " + std::to_string(index) +
                                                      " out of range (" +
                                                      std::to_string(list->dates.size()) + ")");
    *out = list->dates[index];
    return DG_OK;
  });
}

DG_API void dg_date_list_free(dg_date_list* list) { delete list; }

DG_API int dg_outlet_list_new(dg_outlet_list** out) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    *out = new dg_outlet_list();
    return DG_OK;
  });
}

DG_API int dg_outlet_list_add(dg_outlet_list* list, const char* id, size_t id_len,
                              const char* name, size_t name_len) {
  return dg::guard([&] {
    if (!list) return dg::null_argument("list");
    std::string_view i, n;
    if (!dg::view(id, id_len, i, "id") || !dg::view(name, name_len, n, "name"))
      return DG_E_INVALID_ARGUMENT;
    if (i.empty()) return dg::set_error(DG_E_INVALID_ARGUMENT, "empty outlet id");
    if (!list->list.add(i, n)) {
      if (list->list.find_outlet(n))
        return dg::set_error(DG_E_DUPLICATE_ID, "outlet name already belongs to another id");
      return dg::set_error(DG_E_INVALID_ARGUMENT, "outlet name has an empty search key");
    }
    return DG_OK;
  });
}

DG_API const dg_outlet_lookup* dg_outlet_list_lookup(const dg_outlet_list* list) {
  if (!list) return nullptr;
  const digest::OutletLookup* lookup = &list->list;
  return reinterpret_cast<const dg_outlet_lookup*>(lookup);
}

DG_API void dg_outlet_list_free(dg_outlet_list* list) { delete list; }

DG_API int dg_attribution_parse(const char* line, size_t line_len, const dg_outlet_lookup* outlets,
                                const dg_date_options* opts, dg_attribution** out) {
  return dg::guard([&] {
    if (!out) return dg::null_argument("out");
    std::string_view l;
    if (!dg::view(line, line_len, l, "line")) return DG_E_INVALID_ARGUMENT;
    digest::AttributionOptions o;
    if (!read_options(opts, o.dates)) return DG_E_INVALID_ARGUMENT;
    const auto* lookup = reinterpret_cast<const digest::OutletLookup*>(outlets);
    auto a = digest::parse_attribution(l, lookup, o);
    if (!a) return dg::set_error(DG_E_NOT_FOUND, "no attribution header");
    auto result = std::make_unique<dg_attribution>();
    result->value = std::move(*a);
    const auto& v = result->value;
    result->date_text = std::string(l.substr(v.date_span.begin, v.date_span.end - v.date_span.begin));
    result->header_text =
        std::string(l.substr(v.header_span.begin, v.header_span.end - v.header_span.begin));
    *out = result.release();
    return DG_OK;
  });
}

DG_API int dg_attribution_get(const dg_attribution* attribution, dg_attribution_field field,
                              const char** out, size_t* out_len) {
  return dg::guard([&] {
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
      default: break;
    }
    return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_attribution_field");
  });
}

DG_API int dg_attribution_span(const dg_attribution* attribution, dg_attribution_field field,
                               size_t* out_begin, size_t* out_end) {
  return dg::guard([&] {
    if (!attribution) return dg::null_argument("attribution");
    if (!out_begin || !out_end) return dg::null_argument("out_begin/out_end");
    bool ok;
    digest::TextSpan s = span_of(attribution, field, ok);
    if (!ok) return dg::set_error(DG_E_INVALID_ARGUMENT, "unknown dg_attribution_field");
    *out_begin = s.begin;
    *out_end = s.end;
    return DG_OK;
  });
}

DG_API int dg_attribution_author_count(const dg_attribution* attribution, size_t* out) {
  return dg::guard([&] {
    if (!attribution) return dg::null_argument("attribution");
    if (!out) return dg::null_argument("out");
    *out = attribution->value.authors.size();
    return DG_OK;
  });
}

DG_API int dg_attribution_author_at(const dg_attribution* attribution, size_t index,
                                    const char** out, size_t* out_len, size_t* out_begin,
                                    size_t* out_end) {
  return dg::guard([&] {
    if (!attribution) return dg::null_argument("attribution");
    if (!out) return dg::null_argument("out");
    const auto& v = attribution->value;
    if (index >= v.authors.size())
      return dg::set_error(DG_E_INVALID_ARGUMENT, "author index " + std::to_string(index) +
                                                      " out of range (" +
                                                      std::to_string(v.authors.size()) + ")");
    dg::put(v.authors[index], out, out_len);
    if (out_begin) *out_begin = v.author_spans[index].begin;
    if (out_end) *out_end = v.author_spans[index].end;
    return DG_OK;
  });
}

DG_API int dg_attribution_date(const dg_attribution* attribution, dg_date* out) {
  return dg::guard([&] {
    if (!attribution) return dg::null_argument("attribution");
    if (!out) return dg::null_argument("out");
    const auto& v = attribution->value;
    if (!v.date) return dg::set_error(DG_E_NOT_FOUND, "the attribution's date is ambiguous");
    digest::DateMatch m;
    m.value = v.date;
    m.written = v.written_date;
    m.begin = v.date_span.begin;
    m.end = v.date_span.end;
    *out = to_c(m);
    return DG_OK;
  });
}

DG_API void dg_attribution_free(dg_attribution* attribution) { delete attribution; }

}  // extern "C"
