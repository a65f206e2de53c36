/* digestcore C API: dates. Included by digest/digest.h; follows its conventions.
 *
 * Multilingual date parsing ("Aug 28, 2021", "23 août 2021", "۱۹ شهریور ۱۴۰۰",
 * "15 محرم 1443 هـ", RFC 2822, ISO 8601) and attribution lines ("Author,
 * Outlet, Date:… text"). A date that cannot be read, an impossible date and
 * an ambiguous numeric date are "no date" (DG_E_NOT_FOUND), never today.
 * See docs/dates.md for the forms and rules. Every function here is
 * thread-safe; handles are immutable once built, except dg_outlet_list while
 * it is being filled. */
#ifndef DIGEST_C_DATES_H
#define DIGEST_C_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- dates --------------------------------------------------------------- */

/* Day/month order for all-numeric dates. */
typedef enum dg_date_order {
  DG_DATE_ORDER_UNSPECIFIED = 0, /* ambiguous when both orders fit */
  DG_DATE_ORDER_DMY = 1,
  DG_DATE_ORDER_MDY = 2,
  DG_DATE_ORDER_YMD = 3,
  /* Not a value: keeps the enum int-sized, so any int a caller passes is
     a defined value that the library can reject. */
  DG_DATE_ORDER_FORCE_INT = 0x7fffffff
} dg_date_order;

/* The calendar a date was written in. */
typedef enum dg_calendar {
  DG_CALENDAR_GREGORIAN = 0,
  DG_CALENDAR_PERSIAN = 1,         /* Solar Hijri */
  DG_CALENDAR_ISLAMIC_UMALQURA = 2 /* Hijri, Umm al-Qura */,
  /* Not a value: keeps the enum int-sized, so any int a caller passes is
     a defined value that the library can reject. */
  DG_CALENDAR_FORCE_INT = 0x7fffffff
} dg_calendar;

#define DG_DATE_OPTIONS_VERSION 1
/* Options of the date calls. Initialise with DG_DATE_OPTIONS_INIT or
 * dg_date_options_init before setting fields. Since 0.1. */
typedef struct dg_date_options {
  unsigned version;      /* DG_DATE_OPTIONS_VERSION */
  const char *languages; /* NUL-terminated, comma-separated BCP 47 tags ("en,fr");
                            NULL or "" for every supported language. Read during
                            the call only. */
  dg_date_order order;   /* for all-numeric dates */
  int has_reference;     /* non-zero: reference_* is the reference date for
                            year-less forms ("23 August") */
  int reference_year;
  int reference_month;
  int reference_day;
} dg_date_options;
#define DG_DATE_OPTIONS_INIT {DG_DATE_OPTIONS_VERSION, NULL, DG_DATE_ORDER_UNSPECIFIED, 0, 0, 0, 0}

/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. Since 0.1. */
DG_API int dg_date_options_init(dg_date_options *opts, unsigned version);

/* One date read from a text. A plain value: nothing to free. */
typedef struct dg_date {
  int year; /* Gregorian date */
  int month;
  int day;
  int has_time;               /* non-zero when the text gave a time of day */
  int32_t seconds;            /* seconds since midnight, when has_time */
  int has_offset;             /* non-zero when the text gave a UTC offset or zone */
  int32_t utc_offset_minutes; /* e.g. 270 for +04:30, when has_offset */
  dg_calendar calendar;       /* the calendar it was written in */
  int written_year;           /* the date in that calendar */
  int written_month;
  int written_day;
  size_t begin; /* byte span [begin, end) of the date in the text */
  size_t end;
  int ambiguous; /* dg_date_find only: two or more readings fit; year, month
                    and day hold the first of them */
  int has_weekday;
  int weekday_mismatch; /* the named weekday does not fall on the date */
} dg_date;

/* Reads `text` as one date (surrounding punctuation, a weekday, a time and
 * zone allowed). DG_E_NOT_FOUND when it holds no date, an impossible one or
 * an ambiguous one (dg_last_error says which). opts may be NULL for the
 * defaults. Since 0.1. */
DG_API int dg_date_parse(const char *text, size_t text_len, const dg_date_options *opts,
                         dg_date *out);

/* Every date inside a longer text, with ambiguous ones flagged. */
typedef struct dg_date_list dg_date_list;

/* The caller owns the list and frees it with dg_date_list_free. An empty
 * list (count 0) when the text holds no date. Since 0.1. */
DG_API int dg_date_find(const char *text, size_t text_len, const dg_date_options *opts,
                        dg_date_list **out);
DG_API int dg_date_list_count(const dg_date_list *list, size_t *out);
/* Copies the date at `index` into *out. DG_E_INVALID_ARGUMENT when out of
 * range. Since 0.1. */
DG_API int dg_date_list_at(const dg_date_list *list, size_t index, dg_date *out);
DG_API void dg_date_list_free(dg_date_list *list);

/* ---- outlets -------------------------------------------------------------- */

/* Anything that can name a known outlet: a dg_outlet_list (below) or a
 * source registry (see its header). Never freed through this type. */
typedef struct dg_outlet_lookup dg_outlet_lookup;

/* A minimal outlet list: names and aliases matched by search key. */
typedef struct dg_outlet_list dg_outlet_list;

/* A new empty list. The caller owns it and frees it with
 * dg_outlet_list_free. Since 0.1. */
DG_API int dg_outlet_list_new(dg_outlet_list **out);
/* Adds `name` as a name of outlet `id` (both copied). DG_E_DUPLICATE_ID
 * when the name already belongs to another id; DG_E_INVALID_ARGUMENT for an
 * empty id or a name with an empty key. Since 0.1. */
DG_API int dg_outlet_list_add(dg_outlet_list *list, const char *id, size_t id_len,
                              const char *name, size_t name_len);
/* The list as a lookup, for dg_attribution_parse. The lookup is owned by
 * the list and valid until the list is freed. Since 0.1. */
DG_API const dg_outlet_lookup *dg_outlet_list_lookup(const dg_outlet_list *list);
DG_API void dg_outlet_list_free(dg_outlet_list *list);

/* ---- attribution lines ------------------------------------------------------ */

typedef struct dg_attribution dg_attribution;

typedef enum dg_attribution_field {
  DG_ATTRIBUTION_OUTLET = 0,  /* as written */
  DG_ATTRIBUTION_PLACE = 1,
  DG_ATTRIBUTION_SOURCE = 2,  /* the lookup's source id; "" when unknown (no span) */
  DG_ATTRIBUTION_EXCERPT = 3, /* the text after the separator */
  DG_ATTRIBUTION_DATE = 4,    /* the date as written */
  DG_ATTRIBUTION_HEADER = 5   /* from the start of the line to the end of the separator */,
  /* Not a value: keeps the enum int-sized, so any int a caller passes is
     a defined value that the library can reject. */
  DG_ATTRIBUTION_FIELD_FORCE_INT = 0x7fffffff
} dg_attribution_field;

/* Reads the attribution header of `line` ("Author, Outlet, Date:… text").
 * `outlets` (may be NULL) tells outlets from authors and places; opts (may
 * be NULL) applies to the date. DG_E_NOT_FOUND when the line does not open
 * with an attribution. The caller owns the result and frees it with
 * dg_attribution_free; it holds copies of its strings. Since 0.1. */
DG_API int dg_attribution_parse(const char *line, size_t line_len,
                                const dg_outlet_lookup *outlets, const dg_date_options *opts,
                                dg_attribution **out);
/* A field's text. The string is owned by the attribution and valid until it
 * is freed. Not NUL-terminated. Since 0.1. */
DG_API int dg_attribution_get(const dg_attribution *attribution, dg_attribution_field field,
                              const char **out, size_t *out_len);
/* A field's byte span [begin, end) in the parsed line ([0, 0) when absent).
 * Since 0.1. */
DG_API int dg_attribution_span(const dg_attribution *attribution, dg_attribution_field field,
                               size_t *out_begin, size_t *out_end);
DG_API int dg_attribution_author_count(const dg_attribution *attribution, size_t *out);
/* The author at `index`, owned by the attribution (valid until it is
 * freed), and its span in the line (out_begin, out_end may be NULL).
 * Since 0.1. */
DG_API int dg_attribution_author_at(const dg_attribution *attribution, size_t index,
                                    const char **out, size_t *out_len, size_t *out_begin,
                                    size_t *out_end);
/* The date of the header. DG_E_NOT_FOUND when it is ambiguous. Since 0.1. */
DG_API int dg_attribution_date(const dg_attribution *attribution, dg_date *out);
DG_API void dg_attribution_free(dg_attribution *attribution);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_DATES_H */
