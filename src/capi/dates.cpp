// C API over the date parser and the calendars (include/digest/c/dates.h).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "digest/dates.hpp"

struct dg_date_list {
  // What dg_date_detail carries, whatever version the caller asks for.
  struct Detail {
    digest::DatePrecision precision = digest::DatePrecision::day;
    bool relative = false;
    bool time_unread = false;
    bool zone_named = false;
  };
  std::vector<dg_date> dates;
  std::vector<std::string> languages;  // one per date
  std::vector<Detail> details;         // one per date
};

namespace dg {

int read_date_options(const dg_date_options* opts, digest::DateParseOptions& out) {
  if (!opts) return DG_OK;
  // Only the fields of the caller's version are read: a version 1 caller's
  // struct ends at reference_day.
  const unsigned version = opts->version;
  if (version < 1 || version > 3) return bad_version("dg_date_options", version);
  const bool has_array = version >= 2 && opts->language_count > 0;
  if (has_array && opts->languages && opts->languages[0] != '\0')
    return set_error(DG_E_INVALID_ARGUMENT,
                     "set either languages (a comma-separated string) or language_tags, not both",
                     "languages");
  if (has_array) {
    if (!opts->language_tags)
      return set_error(DG_E_INVALID_ARGUMENT, "language_tags is NULL but language_count is not 0",
                       "language_tags");
    for (std::size_t i = 0; i < opts->language_count; ++i) {
      const char* tag = opts->language_tags[i];
      if (!tag)
        return set_error(DG_E_INVALID_ARGUMENT,
                         "language_tags[" + std::to_string(i) + "] is NULL",
                         "language_tags[" + std::to_string(i) + "]");
      out.languages.emplace_back(tag);
    }
  } else if (opts->languages) {
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
    default: return bad_enum("dg_date_order", static_cast<int>(opts->order));
  }
  if (opts->has_reference) {
    digest::Date reference;
    if (int st = read_ymd(dg_ymd{opts->reference_year, opts->reference_month, opts->reference_day},
                          reference, "reference date");
        st != DG_OK)
      return st;
    out.reference = reference;
  }
  if (version >= 3) {
    switch (opts->yearless) {
      case DG_YEARLESS_PAST: out.yearless = digest::YearlessRule::past; break;
      case DG_YEARLESS_NEAREST: out.yearless = digest::YearlessRule::nearest; break;
      default: return bad_enum("dg_yearless_rule", static_cast<int>(opts->yearless));
    }
    out.allow_partial = opts->allow_partial != 0;
    if (opts->has_reference_time) {
      if (opts->reference_seconds < 0 || opts->reference_seconds >= 86400)
        return set_error(DG_E_INVALID_ARGUMENT,
                         "reference_seconds " + std::to_string(opts->reference_seconds) +
                             " is out of range 0..86399",
                         "reference_seconds");
      out.reference_seconds = opts->reference_seconds;
    }
  }
  return DG_OK;
}

dg_date to_c_date(const digest::DateMatch& m) {
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

}  // namespace dg

namespace {

using Detail = dg_date_list::Detail;

Detail detail_of(const digest::DateMatch& m) {
  return Detail{m.precision, m.relative, m.time_unread, m.zone_named};
}

dg_date_precision to_c_precision(digest::DatePrecision p) {
  switch (p) {
    case digest::DatePrecision::month: return DG_DATE_PRECISION_MONTH;
    case digest::DatePrecision::year: return DG_DATE_PRECISION_YEAR;
    default: return DG_DATE_PRECISION_DAY;
  }
}

// Checked before anything is parsed, so that a bad version fails the same
// way whether or not the text holds a date.
int check_detail_version(const dg_date_detail* out) {
  if (out->version != 1) return dg::bad_version("dg_date_detail", out->version);
  return DG_OK;
}

// Writes the fields of the caller's version (only 1 so far).
void put_detail(const Detail& d, dg_date_detail* out) {
  out->precision = to_c_precision(d.precision);
  out->relative = d.relative;
  out->time_unread = d.time_unread;
  out->zone_named = d.zone_named;
}

int read_calendar(dg_calendar calendar, digest::CalendarKind& out) {
  switch (calendar) {
    case DG_CALENDAR_GREGORIAN: out = digest::CalendarKind::gregorian; return DG_OK;
    case DG_CALENDAR_PERSIAN: out = digest::CalendarKind::persian; return DG_OK;
    case DG_CALENDAR_ISLAMIC_UMALQURA: out = digest::CalendarKind::islamic_umalqura; return DG_OK;
    default: return dg::bad_enum("dg_calendar", static_cast<int>(calendar));
  }
}

}  // namespace

namespace {

// The one date of a text, read with the caller's options: DG_OK with the
// match (ambiguous or not), or the status of what went wrong.
int parse_one(const char* text, size_t text_len, const dg_date_options* opts,
              std::optional<digest::DateMatch>& out) {
  std::string_view t;
  if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
  digest::DateParseOptions o;
  if (int st = dg::read_date_options(opts, o); st != DG_OK) return st;
  out = digest::DateParser(std::move(o)).parse_detailed(t);
  if (!out) return dg::set_error(DG_E_NOT_FOUND, "no date");
  return DG_OK;
}

}  // namespace

extern "C" {

DG_API int dg_date_options_init(dg_date_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version < 1 || version > 3) return dg::bad_version("dg_date_options", version);
    // Field by field: a version 1 or 2 struct is shorter than this header's.
    opts->version = version;
    opts->languages = nullptr;
    opts->order = DG_DATE_ORDER_UNSPECIFIED;
    opts->has_reference = 0;
    opts->reference_year = 0;
    opts->reference_month = 0;
    opts->reference_day = 0;
    if (version >= 2) {
      opts->language_tags = nullptr;
      opts->language_count = 0;
    }
    if (version >= 3) {
      opts->yearless = DG_YEARLESS_PAST;
      opts->allow_partial = 0;
      opts->has_reference_time = 0;
      opts->reference_seconds = 0;
    }
    return DG_OK;
  });
}

DG_API int dg_date_parse(const char* text, size_t text_len, const dg_date_options* opts,
                         dg_date* out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::optional<digest::DateMatch> m;
    if (int st = parse_one(text, text_len, opts, m); st != DG_OK) return st;
    if (m->ambiguous) return dg::set_error(DG_E_NOT_FOUND, "ambiguous date (give an order)");
    *out = dg::to_c_date(*m);
    return DG_OK;
  });
}

DG_API int dg_date_parse_detailed(const char* text, size_t text_len, const dg_date_options* opts,
                                  dg_date* out, dg_date_detail* detail) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    if (detail) {
      if (int st = check_detail_version(detail); st != DG_OK) return st;
    }
    std::optional<digest::DateMatch> m;
    if (int st = parse_one(text, text_len, opts, m); st != DG_OK) return st;
    *out = dg::to_c_date(*m);
    if (detail) put_detail(detail_of(*m), detail);
    return DG_OK;
  });
}

DG_API int dg_date_find(const char* text, size_t text_len, const dg_date_options* opts,
                        dg_date_list** out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    std::string_view t;
    if (!dg::view(text, text_len, t, "text")) return DG_E_INVALID_ARGUMENT;
    digest::DateParseOptions o;
    if (int st = dg::read_date_options(opts, o); st != DG_OK) return st;
    auto found = digest::DateParser(std::move(o)).find_dates(t);
    auto list = std::make_unique<dg_date_list>();
    list->dates.reserve(found.size());
    list->languages.reserve(found.size());
    list->details.reserve(found.size());
    for (auto& m : found) {
      list->dates.push_back(dg::to_c_date(m));
      list->details.push_back(detail_of(m));
      list->languages.push_back(std::move(m.language));
    }
    *out = list.release();
    return DG_OK;
  });
}

DG_API int dg_date_list_count(const dg_date_list* list, size_t* out) {
  return dg::guard([&]() -> int {
    if (!list) return dg::null_argument("list");
    if (!out) return dg::null_argument("out");
    *out = list->dates.size();
    return DG_OK;
  });
}

DG_API int dg_date_list_at(const dg_date_list* list, size_t index, dg_date* out) {
  return dg::guard([&]() -> int {
    if (!list) return dg::null_argument("list");
    if (!out) return dg::null_argument("out");
    if (index >= list->dates.size()) return dg::index_error("date", index, list->dates.size());
    *out = list->dates[index];
    return DG_OK;
  });
}

DG_API int dg_date_list_language_at(const dg_date_list* list, size_t index, const char** out,
                                    size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!list) return dg::null_argument("list");
    if (!out) return dg::null_argument("out");
    if (index >= list->languages.size())
      return dg::index_error("date", index, list->languages.size());
    dg::put(list->languages[index], out, out_len);
    return DG_OK;
  });
}

DG_API int dg_date_list_detail_at(const dg_date_list* list, size_t index, dg_date_detail* out) {
  return dg::guard([&]() -> int {
    if (!list) return dg::null_argument("list");
    if (!out) return dg::null_argument("out");
    if (int st = check_detail_version(out); st != DG_OK) return st;
    if (index >= list->details.size()) return dg::index_error("date", index, list->details.size());
    put_detail(list->details[index], out);
    return DG_OK;
  });
}

DG_API void dg_date_list_free(dg_date_list* list) { delete list; }

DG_API int dg_date_language_count(size_t* out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    *out = digest::supported_date_languages().size();
    return DG_OK;
  });
}

DG_API int dg_date_language_at(size_t index, const char** out, size_t* out_len) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    const auto& langs = digest::supported_date_languages();  // static, never changes
    if (index >= langs.size()) return dg::index_error("language", index, langs.size());
    dg::put(langs[index], out, out_len);
    return DG_OK;
  });
}

DG_API int dg_calendar_to_gregorian(dg_calendar calendar, int year, int month, int day,
                                    dg_ymd* out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    digest::CalendarDate in;
    if (int st = read_calendar(calendar, in.calendar); st != DG_OK) return st;
    in.year = year;
    in.month = month;
    in.day = day;
    auto d = digest::to_gregorian(in);
    if (!d)
      return dg::set_error(DG_E_NOT_FOUND,
                           "no such date in the " + std::string(digest::calendar_name(in.calendar)) +
                               " calendar (or out of its range)");
    *out = dg::to_c(*d);
    return DG_OK;
  });
}

DG_API int dg_calendar_from_gregorian(const dg_ymd* date, dg_calendar calendar, int* out_year,
                                      int* out_month, int* out_day) {
  return dg::guard([&]() -> int {
    if (!date) return dg::null_argument("date");
    if (!out_year || !out_month || !out_day) return dg::null_argument("out_year/out_month/out_day");
    digest::CalendarKind kind;
    if (int st = read_calendar(calendar, kind); st != DG_OK) return st;
    digest::Date d;
    if (int st = dg::read_ymd(*date, d, "date"); st != DG_OK) return st;
    auto r = digest::from_gregorian(d, kind);
    if (!r)
      return dg::set_error(DG_E_NOT_FOUND, "the date is out of the range of the " +
                                               std::string(digest::calendar_name(kind)) +
                                               " calendar");
    *out_year = r->year;
    *out_month = r->month;
    *out_day = r->day;
    return DG_OK;
  });
}

DG_API int dg_calendar_days_in_month(dg_calendar calendar, int year, int month, int* out) {
  return dg::guard([&]() -> int {
    if (!out) return dg::null_argument("out");
    digest::CalendarKind kind;
    if (int st = read_calendar(calendar, kind); st != DG_OK) return st;
    int n = digest::days_in_month(kind, year, month);
    if (n == 0) return dg::set_error(DG_E_NOT_FOUND, "month out of the calendar's range");
    *out = n;
    return DG_OK;
  });
}

}  // extern "C"
