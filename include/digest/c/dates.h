/* digestcore C API: dates (the C side of dates.hpp).
 *
 * Multilingual date parsing ("Aug 28, 2021", "23 août 2021", "۱۹ شهریور ۱۴۰۰",
 * "15 محرم 1443 هـ", RFC 2822, ISO 8601) and conversions between the
 * Gregorian, Solar Hijri and Umm al-Qura calendars. A date that cannot be
 * read, an impossible date and an ambiguous numeric date are "no date"
 * (DG_E_NOT_FOUND), never today. See docs/dates.md for the forms and rules.
 * Every function here is thread-safe; date lists are immutable.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. */
#ifndef DIGEST_C_DATES_H
#define DIGEST_C_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/errors.h"
#include "digest/c/model.h"
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
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_DATE_ORDER_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_DATE_ORDER_FORCE_INT = 0x7fffffff
} dg_date_order;

/* The calendar a date was written in. */
typedef enum dg_calendar {
  DG_CALENDAR_GREGORIAN = 0,
  DG_CALENDAR_PERSIAN = 1,         /* Solar Hijri */
  DG_CALENDAR_ISLAMIC_UMALQURA = 2, /* Hijri, Umm al-Qura */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_CALENDAR_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_CALENDAR_FORCE_INT = 0x7fffffff
} dg_calendar;

/* How a date without a year ("20 December") is placed relative to the
 * reference date. Since 0.3. */
typedef enum dg_yearless_rule {
  DG_YEARLESS_PAST = 0,    /* the latest occurrence on or before the reference */
  DG_YEARLESS_NEAREST = 1, /* the occurrence nearest the reference (ties: the earlier) */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_YEARLESS_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_YEARLESS_FORCE_INT = 0x7fffffff
} dg_yearless_rule;

/* How much of a date the text gave. A month-year date is the first of the
 * month, a year alone January 1st. Since 0.3. */
typedef enum dg_date_precision {
  DG_DATE_PRECISION_DAY = 0,
  DG_DATE_PRECISION_MONTH = 1, /* "August 2021" */
  DG_DATE_PRECISION_YEAR = 2,  /* "2021" */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_DATE_PRECISION_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_DATE_PRECISION_FORCE_INT = 0x7fffffff
} dg_date_precision;

#define DG_DATE_OPTIONS_VERSION 3
/* Options of the date calls. Initialise with DG_DATE_OPTIONS_INIT or
 * dg_date_options_init before setting fields. Everything is read during the
 * call only. Version 1 (0.1) ends at reference_day; version 2 (0.2) adds the
 * language array; version 3 (0.3) the year-less rule, partial dates and the
 * reference's time of day. Since 0.1. */
typedef struct dg_date_options {
  unsigned version; /* DG_DATE_OPTIONS_VERSION (1 and 2 still accepted) */
  /* The languages whose month and weekday names are read, as one
     NUL-terminated, comma-separated string of BCP 47 tags ("en,fr").
     Prefer language_tags (version 2), which needs no joining; the two may
     not both be set. NULL or "": every supported language. */
  const char *languages;
  dg_date_order order; /* for all-numeric dates */
  int has_reference;   /* non-zero: reference_* is the reference date for
                          year-less and relative forms ("23 August",
                          "yesterday"); without one they are no date */
  int reference_year;
  int reference_month;
  int reference_day;
  /* Version 2: the languages as an array of `language_count` NUL-terminated
     BCP 47 tags ({"en", "fr-CA"}); language_count 0 for every supported
     language. No element may be NULL. */
  const char *const *language_tags;
  size_t language_count;
  /* Version 3: where a year-less date ("20 December") falls relative to
     the reference date. */
  dg_yearless_rule yearless;
  /* Non-zero: month-year and year-only dates ("August 2021", "2021") are
     read (see dg_date_detail.precision); 0: they are no date. */
  int allow_partial;
  /* Non-zero: reference_seconds (0..86399, seconds since midnight) is the
     reference date's time of day, which "3 hours ago" needs (no date
     without it). */
  int has_reference_time;
  int32_t reference_seconds;
} dg_date_options;
#define DG_DATE_OPTIONS_INIT                                                     \
  {DG_DATE_OPTIONS_VERSION, NULL, DG_DATE_ORDER_UNSPECIFIED, 0, 0, 0, 0, NULL, 0, \
   DG_YEARLESS_PAST, 0, 0, 0}

/* Sets *opts to the defaults of `version` (1, 2 or 3), writing only the
 * fields of that version. DG_E_INVALID_ARGUMENT for an unknown version.
 * Since 0.1; version 2 since 0.2, version 3 since 0.3. */
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
  int ambiguous; /* dg_date_find and dg_date_parse_detailed only: two or
                    more readings fit; year, month and day hold the first */
  int has_weekday;
  int weekday_mismatch; /* the named weekday does not fall on the date */
} dg_date;

/* Reads `text` as one date (surrounding punctuation, a weekday, a time and
 * zone allowed). DG_E_NOT_FOUND when it holds no date, an impossible one or
 * an ambiguous one (dg_last_error says which). opts may be NULL for the
 * defaults. Since 0.1. */
DG_API int dg_date_parse(const char *text, size_t text_len, const dg_date_options *opts,
                         dg_date *out);

#define DG_DATE_DETAIL_VERSION 1
/* What dg_date does not hold about a date read from a text; the caller
 * allocates it and sets `version` (DG_DATE_DETAIL_INIT), and the library
 * fills only the fields of that version. Since 0.3. */
typedef struct dg_date_detail {
  unsigned version;            /* DG_DATE_DETAIL_VERSION */
  dg_date_precision precision; /* day, or month/year for partial dates */
  int relative;                /* read against the reference ("yesterday", "3 hours ago") */
  int time_unread; /* a time or zone next to the date could not be read
                      ("15:15 XYZT"): the date is given without what was
                      not read (here, the offset) */
  int zone_named;  /* the UTC offset came from a zone name ("ET") at this
                      date, not from a fixed offset */
} dg_date_detail;
#define DG_DATE_DETAIL_INIT {DG_DATE_DETAIL_VERSION, DG_DATE_PRECISION_DAY, 0, 0, 0}

/* As dg_date_parse, with the detail of the date, and an ambiguous date is
 * DG_OK with out->ambiguous set (year, month and day hold its first
 * reading). DG_E_NOT_FOUND when the text holds no date or an impossible
 * one. detail may be NULL; DG_E_INVALID_ARGUMENT for an unknown
 * detail->version. Since 0.3. */
DG_API int dg_date_parse_detailed(const char *text, size_t text_len, const dg_date_options *opts,
                                  dg_date *out, dg_date_detail *detail);

/* Every date inside a longer text, with ambiguous ones flagged. */
typedef struct dg_date_list dg_date_list;

/* The caller owns the list and frees it with dg_date_list_free. An empty
 * list (count 0) when the text holds no date. Since 0.1. */
DG_API int dg_date_find(const char *text, size_t text_len, const dg_date_options *opts,
                        dg_date_list **out);
/* Number of dates in the list. Since 0.1. */
DG_API int dg_date_list_count(const dg_date_list *list, size_t *out);
/* Copies the date at `index` into *out. DG_E_INVALID_ARGUMENT when out of
 * range. Since 0.1. */
DG_API int dg_date_list_at(const dg_date_list *list, size_t index, dg_date *out);
/* The language (BCP 47 tag) whose month or weekday names date `index` was
 * read with; "" for numeric and ISO forms. The string is owned by the list
 * and valid until it is freed. Since 0.2. */
DG_API int dg_date_list_language_at(const dg_date_list *list, size_t index, const char **out,
                                    size_t *out_len);
/* The detail of date `index` into *out, whose version the caller sets.
 * DG_E_INVALID_ARGUMENT when out of range or for an unknown version.
 * Since 0.3. */
DG_API int dg_date_list_detail_at(const dg_date_list *list, size_t index, dg_date_detail *out);
/* Frees a list; accepts NULL. Since 0.1. */
DG_API void dg_date_list_free(dg_date_list *list);

/* ---- languages and calendars ----------------------------------------------- */

/* Number of languages whose month and weekday names are read, and the BCP 47
 * tag of language `index` ("en", "fa", ...; a static NUL-terminated string).
 * Since 0.2. */
DG_API int dg_date_language_count(size_t *out);
DG_API int dg_date_language_at(size_t index, const char **out, size_t *out_len);

/* The Gregorian date of `year`-`month`-`day` in `calendar`. DG_E_NOT_FOUND
 * for an impossible date or one outside the range the calendar data covers
 * (Solar Hijri 1200-1600, Umm al-Qura 1300-1600); DG_E_INVALID_ARGUMENT for
 * an unknown calendar. Since 0.2. */
DG_API int dg_calendar_to_gregorian(dg_calendar calendar, int year, int month, int day,
                                    dg_ymd *out);
/* The date `date` (Gregorian) in `calendar`. DG_E_NOT_FOUND when out of the
 * calendar's range; DG_E_INVALID_ARGUMENT for an impossible Gregorian date
 * or an unknown calendar. Since 0.2. */
DG_API int dg_calendar_from_gregorian(const dg_ymd *date, dg_calendar calendar,
                                      int *out_year, int *out_month, int *out_day);
/* Days in month `month` of `year` in `calendar`; DG_E_NOT_FOUND when out of
 * range. Since 0.2. */
DG_API int dg_calendar_days_in_month(dg_calendar calendar, int year, int month, int *out);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_DATES_H */
