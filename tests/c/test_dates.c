/* C API: dates (options of every version, language arrays, the version 3
 * options and dg_date_detail), calendars, outlet lists and attribution
 * lines. */
#include <stdio.h>
#include <string.h>

#include "digest/digestcore.h"

static int failures = 0;

#define S(lit) lit, sizeof(lit) - 1

#define CHECK(cond)                                                         \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, \
              __LINE__, #cond, dg_last_error());                            \
      ++failures;                                                           \
    }                                                                       \
  } while (0)

static int parse(const char *text, const dg_date_options *opts, dg_date *out) {
  return dg_date_parse(text, strlen(text), opts, out);
}

static int field_is(const dg_attribution *a, dg_attribution_field f, const char *expected) {
  const char *s = NULL;
  size_t n = 0;
  if (dg_attribution_get(a, f, &s, &n) != DG_OK) return 0;
  return n == strlen(expected) && memcmp(s, expected, n) == 0;
}

static void test_parse(void) {
  dg_date d;
  CHECK(parse("Aug 28, 2021", NULL, &d) == DG_OK);
  CHECK(d.year == 2021 && d.month == 8 && d.day == 28);
  CHECK(!d.has_time && !d.has_offset && d.calendar == DG_CALENDAR_GREGORIAN);

  CHECK(parse("Mon, 23 Aug 2021 10:05:00 +0430", NULL, &d) == DG_OK);
  CHECK(d.has_time && d.seconds == 10 * 3600 + 5 * 60);
  CHECK(d.has_offset && d.utc_offset_minutes == 270);
  CHECK(d.has_weekday && !d.weekday_mismatch);

  CHECK(parse("\xDB\xB1\xDB\xB9 \xD8\xB4\xD9\x87\xD8\xB1\xDB\x8C\xD9\x88\xD8\xB1 "
              "\xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB0", NULL, &d) == DG_OK); /* ۱۹ شهریور ۱۴۰۰ */
  CHECK(d.year == 2021 && d.month == 9 && d.day == 10);
  CHECK(d.calendar == DG_CALENDAR_PERSIAN);
  CHECK(d.written_year == 1400 && d.written_month == 6 && d.written_day == 19);

  /* No date, impossible dates, ambiguous dates. */
  CHECK(parse("1400 people", NULL, &d) == DG_E_NOT_FOUND);
  CHECK(parse("February 30, 2021", NULL, &d) == DG_E_NOT_FOUND);
  CHECK(parse("03/04/2021", NULL, &d) == DG_E_NOT_FOUND);
  CHECK(strstr(dg_last_error(), "ambiguous") != NULL);
  CHECK(dg_date_parse(NULL, 0, NULL, &d) == DG_E_NOT_FOUND);
  CHECK(dg_date_parse(NULL, 3, NULL, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_date_parse("x", 1, NULL, NULL) == DG_E_INVALID_ARGUMENT);

  /* Options. */
  {
    dg_date_options opts = DG_DATE_OPTIONS_INIT;
    opts.order = DG_DATE_ORDER_DMY;
    CHECK(parse("03/04/2021", &opts, &d) == DG_OK);
    CHECK(d.month == 4 && d.day == 3);
    opts.order = DG_DATE_ORDER_UNSPECIFIED;
    opts.languages = "en, de";
    CHECK(parse("23 ao\xC3\xBBt 2021", &opts, &d) == DG_E_NOT_FOUND); /* août */
    CHECK(parse("23. August 2021", &opts, &d) == DG_OK);
    opts.languages = NULL;
    opts.has_reference = 1;
    opts.reference_year = 2021;
    opts.reference_month = 9;
    opts.reference_day = 1;
    CHECK(parse("23 August", &opts, &d) == DG_OK);
    CHECK(d.year == 2021 && d.month == 8 && d.day == 23);
    opts.reference_month = 13;
    CHECK(parse("23 August", &opts, &d) == DG_E_INVALID_ARGUMENT);
    opts.version = 99;
    CHECK(parse("23 August 2021", &opts, &d) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_date_options_init(&opts, DG_DATE_OPTIONS_VERSION) == DG_OK);
    CHECK(opts.order == DG_DATE_ORDER_UNSPECIFIED && opts.languages == NULL);
    CHECK(dg_date_options_init(&opts, 99) == DG_E_INVALID_ARGUMENT);
  }
}

static void test_find(void) {
  const char *text = "Met on Aug 28, 2021 with 1400 people; see 2021/08/29 and 03/04/2021.";
  dg_date_list *list = NULL;
  size_t n = 0;
  dg_date d;
  CHECK(dg_date_find(text, strlen(text), NULL, &list) == DG_OK);
  CHECK(dg_date_list_count(list, &n) == DG_OK && n == 3);
  CHECK(dg_date_list_at(list, 0, &d) == DG_OK);
  CHECK(d.day == 28 && d.begin == 7 && d.end == 19);
  CHECK(dg_date_list_at(list, 2, &d) == DG_OK && d.ambiguous);
  CHECK(dg_date_list_at(list, 3, &d) == DG_E_INVALID_ARGUMENT);
  dg_date_list_free(list);
  dg_date_list_free(NULL);
}

static void test_attribution(void) {
  const char *line = "Jane Doe and John Roe, Harbor Times, Portsmouth, Aug 28, 2021:\xE2\x80\xA6 Ferries resumed.";
  dg_attribution *a = NULL;
  size_t n = 0, b = 0, e = 0;
  const char *s = NULL;
  dg_date d;
  CHECK(dg_attribution_parse(line, strlen(line), NULL, NULL, &a) == DG_OK);
  CHECK(dg_attribution_author_count(a, &n) == DG_OK && n == 2);
  CHECK(dg_attribution_author_at(a, 1, &s, &n, &b, &e) == DG_OK);
  CHECK(n == 8 && memcmp(s, "John Roe", 8) == 0 && b == 13 && e == 21);
  CHECK(dg_attribution_author_at(a, 2, &s, &n, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(field_is(a, DG_ATTRIBUTION_OUTLET, "Harbor Times"));
  CHECK(field_is(a, DG_ATTRIBUTION_PLACE, "Portsmouth"));
  CHECK(field_is(a, DG_ATTRIBUTION_SOURCE, ""));
  CHECK(field_is(a, DG_ATTRIBUTION_EXCERPT, "Ferries resumed."));
  CHECK(field_is(a, DG_ATTRIBUTION_DATE, "Aug 28, 2021"));
  CHECK(dg_attribution_span(a, DG_ATTRIBUTION_OUTLET, &b, &e) == DG_OK && b == 23 && e == 35);
  CHECK(dg_attribution_date(a, &d) == DG_OK && d.year == 2021 && d.month == 8 && d.day == 28);
  dg_attribution_free(a);

  /* With an outlet list. */
  {
    dg_outlet_list *outlets = NULL;
    const char *line2 = "Echo du Lac, Annecy, 23 ao\xC3\xBBt 2021: Texte";
    CHECK(dg_outlet_list_new(&outlets) == DG_OK);
    CHECK(dg_outlet_list_add(outlets, "echo", 4, "Echo du Lac", 11) == DG_OK);
    CHECK(dg_outlet_list_add(outlets, "other", 5, "ECHO DU LAC", 11) == DG_E_DUPLICATE_ID);
    CHECK(dg_outlet_list_add(outlets, "", 0, "x", 1) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_attribution_parse(line2, strlen(line2), dg_outlet_list_lookup(outlets), NULL, &a) ==
          DG_OK);
    CHECK(field_is(a, DG_ATTRIBUTION_OUTLET, "Echo du Lac"));
    CHECK(field_is(a, DG_ATTRIBUTION_SOURCE, "echo"));
    CHECK(field_is(a, DG_ATTRIBUTION_PLACE, "Annecy"));
    dg_attribution_free(a);
    dg_outlet_list_free(outlets);
  }

  a = NULL;
  CHECK(dg_attribution_parse("no header here", 14, NULL, NULL, &a) == DG_E_NOT_FOUND);
  CHECK(a == NULL);
  dg_attribution_free(NULL);
  dg_outlet_list_free(NULL);
}

/* Version 2 options: languages as an array. Version 1 callers, whose struct
 * ends at reference_day, keep working. */
static void test_language_array(void) {
  static const char *const en_de[] = {"en", "de"};
  static const char *const with_null[] = {"en", NULL};
  dg_date_options opts;
  dg_date d;
  CHECK(dg_date_options_init(&opts, DG_DATE_OPTIONS_VERSION) == DG_OK);
  CHECK(opts.version == 3 && opts.language_tags == NULL && opts.language_count == 0);
  opts.language_tags = en_de;
  opts.language_count = 2;
  CHECK(parse("23 ao\xC3\xBBt 2021", &opts, &d) == DG_E_NOT_FOUND); /* août: French */
  CHECK(parse("23. August 2021", &opts, &d) == DG_OK && d.month == 8);
  opts.language_count = 1; /* only the first: English */
  CHECK(parse("23. August 2021", &opts, &d) == DG_OK);
  CHECK(parse("1. Dezember 2021", &opts, &d) == DG_E_NOT_FOUND);
  opts.language_count = 2;
  CHECK(parse("1. Dezember 2021", &opts, &d) == DG_OK && d.month == 12);

  /* Both forms at once, a NULL array or element: refused. */
  opts.languages = "fr";
  CHECK(parse("23 August 2021", &opts, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "languages") == 0);
  opts.languages = NULL;
  opts.language_tags = NULL;
  CHECK(parse("23 August 2021", &opts, &d) == DG_E_INVALID_ARGUMENT);
  opts.language_tags = with_null;
  CHECK(parse("23 August 2021", &opts, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "language_tags[1]") == 0);
  opts.language_count = 0; /* count 0: the array is not read */
  CHECK(parse("23 ao\xC3\xBBt 2021", &opts, &d) == DG_OK);
  /* An empty string in version 1's field with an array: the array wins. */
  opts.languages = "";
  opts.language_tags = en_de;
  opts.language_count = 2;
  CHECK(parse("23 ao\xC3\xBBt 2021", &opts, &d) == DG_E_NOT_FOUND);

  /* A version 1 struct, as a 0.1 caller lays it out: the library reads no
   * further than reference_day. */
  {
    struct v1_options {
      unsigned version;
      const char *languages;
      dg_date_order order;
      int has_reference;
      int reference_year;
      int reference_month;
      int reference_day;
    } v1;
    CHECK(dg_date_options_init((dg_date_options *)(void *)&v1, 1) == DG_OK);
    CHECK(v1.version == 1 && v1.languages == NULL && v1.order == DG_DATE_ORDER_UNSPECIFIED);
    v1.languages = "en";
    CHECK(dg_date_parse(S("23 ao\xC3\xBBt 2021"), (const dg_date_options *)(const void *)&v1, &d) ==
          DG_E_NOT_FOUND);
    v1.languages = "en, fr";
    CHECK(dg_date_parse(S("23 ao\xC3\xBBt 2021"), (const dg_date_options *)(const void *)&v1, &d) ==
          DG_OK);
    v1.order = (dg_date_order)-1;
    CHECK(dg_date_parse(S("23 ao\xC3\xBBt 2021"), (const dg_date_options *)(const void *)&v1, &d) ==
          DG_E_INVALID_ARGUMENT);
  }
  CHECK(dg_date_options_init(&opts, 4) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_date_options_init(&opts, 0) == DG_E_INVALID_ARGUMENT);
  opts.version = 4;
  CHECK(parse("23 August 2021", &opts, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "version") == 0);
  opts.version = 0;
  CHECK(parse("23 August 2021", &opts, &d) == DG_E_INVALID_ARGUMENT);
}

/* The options as a 0.2 caller lays them out: they end at language_count. */
struct v2_options {
  unsigned version;
  const char *languages;
  dg_date_order order;
  int has_reference;
  int reference_year;
  int reference_month;
  int reference_day;
  const char *const *language_tags;
  size_t language_count;
};

/* Version 3 defaults with a reference date. */
static dg_date_options reference_options(int year, int month, int day) {
  dg_date_options opts = DG_DATE_OPTIONS_INIT;
  opts.has_reference = 1;
  opts.reference_year = year;
  opts.reference_month = month;
  opts.reference_day = day;
  return opts;
}

static int detailed(const char *text, const dg_date_options *opts, dg_date *out,
                    dg_date_detail *detail) {
  return dg_date_parse_detailed(text, strlen(text), opts, out, detail);
}

/* Version 3: init, the defaults and older layouts. */
static void test_options_v3(void) {
  static const char *const en[] = {"en"};
  dg_date_options opts;
  dg_date d;
  /* Init writes the version 3 fields, and the static initialiser agrees. */
  memset(&opts, 0x5a, sizeof opts);
  CHECK(dg_date_options_init(&opts, 3) == DG_OK);
  CHECK(opts.version == 3 && opts.yearless == DG_YEARLESS_PAST && opts.allow_partial == 0);
  CHECK(opts.has_reference_time == 0 && opts.reference_seconds == 0);
  {
    const dg_date_options init = DG_DATE_OPTIONS_INIT;
    CHECK(init.version == DG_DATE_OPTIONS_VERSION && DG_DATE_OPTIONS_VERSION == 3);
    CHECK(init.yearless == DG_YEARLESS_PAST && init.allow_partial == 0);
    CHECK(init.has_reference_time == 0 && init.reference_seconds == 0);
  }
  opts.language_tags = en;
  opts.language_count = 1;
  CHECK(parse("23 ao\xC3\xBBt 2021", &opts, &d) == DG_E_NOT_FOUND);
  CHECK(parse("23 August 2021", &opts, &d) == DG_OK && d.day == 23);

  /* A version 2 struct: init writes nothing past language_count, and the
   * library reads nothing past it (the bytes after it are not the caller's). */
  {
    struct {
      struct v2_options v2;
      unsigned char after[32];
    } buf;
    memset(&buf, 0x5a, sizeof buf);
    CHECK(dg_date_options_init((dg_date_options *)(void *)&buf.v2, 2) == DG_OK);
    CHECK(buf.v2.version == 2 && buf.v2.language_tags == NULL && buf.v2.language_count == 0);
    CHECK(buf.after[0] == 0x5a && buf.after[sizeof buf.after - 1] == 0x5a);
    buf.v2.language_tags = en;
    buf.v2.language_count = 1;
    CHECK(dg_date_parse(S("23 ao\xC3\xBBt 2021"), (const dg_date_options *)(const void *)&buf.v2,
                        &d) == DG_E_NOT_FOUND);
    CHECK(dg_date_parse(S("23 August 2021"), (const dg_date_options *)(const void *)&buf.v2, &d) ==
          DG_OK);
    /* No partial dates for an older caller. */
    CHECK(dg_date_parse_detailed(S("August 2021"), (const dg_date_options *)(const void *)&buf.v2,
                                 &d, NULL) == DG_E_NOT_FOUND);
  }
}

static void test_partial(void) {
  dg_date_options opts = DG_DATE_OPTIONS_INIT;
  dg_date d;
  dg_date_detail detail = DG_DATE_DETAIL_INIT;

  /* Off by default: a month-year or a year alone is no date. */
  CHECK(detailed("August 2021", &opts, &d, &detail) == DG_E_NOT_FOUND);
  CHECK(detailed("2021", &opts, &d, &detail) == DG_E_NOT_FOUND);
  CHECK(parse("August 2021", &opts, &d) == DG_E_NOT_FOUND);

  opts.allow_partial = 1;
  CHECK(detailed("August 2021", &opts, &d, &detail) == DG_OK);
  CHECK(d.year == 2021 && d.month == 8 && d.day == 1);
  CHECK(detail.precision == DG_DATE_PRECISION_MONTH && !detail.relative);
  CHECK(detailed("2021", &opts, &d, &detail) == DG_OK);
  CHECK(d.year == 2021 && d.month == 1 && d.day == 1);
  CHECK(detail.precision == DG_DATE_PRECISION_YEAR);
  /* A full date still has day precision. */
  CHECK(detailed("23 August 2021", &opts, &d, &detail) == DG_OK);
  CHECK(detail.precision == DG_DATE_PRECISION_DAY);
  /* dg_date_parse reads it too, without saying how much the text gave. */
  CHECK(parse("August 2021", &opts, &d) == DG_OK && d.month == 8 && d.day == 1);

  /* In a list. */
  {
    dg_date_list *list = NULL;
    size_t n = 0;
    dg_date_detail dd = DG_DATE_DETAIL_INIT;
    CHECK(dg_date_find(S("Published in August 2021, updated on 3 September 2021."), &opts,
                       &list) == DG_OK);
    CHECK(dg_date_list_count(list, &n) == DG_OK && n == 2);
    CHECK(dg_date_list_detail_at(list, 0, &dd) == DG_OK);
    CHECK(dd.precision == DG_DATE_PRECISION_MONTH);
    CHECK(dg_date_list_detail_at(list, 1, &dd) == DG_OK);
    CHECK(dd.precision == DG_DATE_PRECISION_DAY);
    dg_date_list_free(list);
  }
}

static void test_relative_and_yearless(void) {
  dg_date_options opts = reference_options(2021, 8, 23);
  dg_date d;
  dg_date_detail detail = DG_DATE_DETAIL_INIT;

  /* "3 hours ago" needs the reference's time of day. */
  CHECK(detailed("3 hours ago", &opts, &d, &detail) == DG_E_NOT_FOUND);
  opts.has_reference_time = 1;
  opts.reference_seconds = 10 * 3600;
  CHECK(detailed("3 hours ago", &opts, &d, &detail) == DG_OK);
  CHECK(d.year == 2021 && d.month == 8 && d.day == 23);
  CHECK(d.has_time && d.seconds == 7 * 3600);
  CHECK(detail.relative && detail.precision == DG_DATE_PRECISION_DAY);
  CHECK(detailed("yesterday", &opts, &d, &detail) == DG_OK);
  CHECK(d.day == 22 && detail.relative);
  CHECK(detailed("23 August 2021", &opts, &d, &detail) == DG_OK && !detail.relative);
  /* Without a reference date, the time alone makes nothing relative a date. */
  opts.has_reference = 0;
  CHECK(detailed("3 hours ago", &opts, &d, &detail) == DG_E_NOT_FOUND);

  /* Year-less: the past by default, or the nearest. */
  opts = reference_options(2021, 1, 5);
  CHECK(detailed("20 December", &opts, &d, NULL) == DG_OK);
  CHECK(d.year == 2020 && d.month == 12 && d.day == 20);
  opts = reference_options(2021, 12, 30);
  CHECK(detailed("2 January", &opts, &d, NULL) == DG_OK);
  CHECK(d.year == 2021 && d.month == 1 && d.day == 2);
  opts.yearless = DG_YEARLESS_NEAREST;
  CHECK(detailed("2 January", &opts, &d, NULL) == DG_OK);
  CHECK(d.year == 2022 && d.month == 1 && d.day == 2);
  CHECK(parse("2 January", &opts, &d) == DG_OK && d.year == 2022);
  opts.yearless = DG_YEARLESS_PAST;
  CHECK(parse("2 January", &opts, &d) == DG_OK && d.year == 2021);
}

static void test_time_and_zone_detail(void) {
  dg_date d;
  dg_date_detail detail = DG_DATE_DETAIL_INIT;

  /* An unknown zone: the date is kept, without the time. */
  CHECK(detailed("Sat, 28 Aug 2021 15:15:00 XYZT", NULL, &d, &detail) == DG_OK);
  CHECK(d.year == 2021 && d.month == 8 && d.day == 28);
  CHECK(detail.time_unread && !detail.zone_named);
  CHECK(!d.has_offset);

  /* A zone name: its offset at that date (EDT in August). */
  CHECK(detailed("Aug 28, 2021 3:15 p.m. ET", NULL, &d, &detail) == DG_OK);
  CHECK(d.has_time && d.seconds == 15 * 3600 + 15 * 60);
  CHECK(d.has_offset && d.utc_offset_minutes == -240);
  CHECK(detail.zone_named && !detail.time_unread);

  /* A fixed offset is not a named zone. */
  CHECK(detailed("Mon, 23 Aug 2021 10:05:00 +0430", NULL, &d, &detail) == DG_OK);
  CHECK(d.utc_offset_minutes == 270 && !detail.zone_named && !detail.time_unread);

  /* Ambiguous: DG_OK here (dg_date_parse says DG_E_NOT_FOUND). */
  CHECK(detailed("03/04/2021", NULL, &d, &detail) == DG_OK);
  CHECK(d.ambiguous && d.year == 2021);
  CHECK(parse("03/04/2021", NULL, &d) == DG_E_NOT_FOUND);
  CHECK(detailed("1400 people", NULL, &d, &detail) == DG_E_NOT_FOUND);
  CHECK(detailed("Aug 28, 2021", NULL, &d, NULL) == DG_OK && d.day == 28);
}

static void test_bad_detail_input(void) {
  static const int bad_values[] = {-1, 2, 1000, -2147483647 - 1, 2147483647};
  dg_date_options opts = reference_options(2021, 8, 23);
  dg_date d;
  dg_date_detail detail = DG_DATE_DETAIL_INIT;
  dg_date_list *list = NULL;
  size_t i;

  for (i = 0; i < sizeof bad_values / sizeof bad_values[0]; ++i) {
    opts.yearless = (dg_yearless_rule)bad_values[i];
    CHECK(detailed("23 August", &opts, &d, &detail) == DG_E_INVALID_ARGUMENT);
    CHECK(strstr(dg_last_error(), "dg_yearless_rule") != NULL);
    CHECK(dg_date_find(S("23 August"), &opts, &list) == DG_E_INVALID_ARGUMENT && list == NULL);
  }
  opts.yearless = DG_YEARLESS_PAST;

  /* reference_seconds out of range, only when has_reference_time says so. */
  opts.has_reference_time = 1;
  opts.reference_seconds = 86400;
  CHECK(detailed("3 hours ago", &opts, &d, &detail) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "reference_seconds") == 0);
  opts.reference_seconds = -1;
  CHECK(parse("23 August 2021", &opts, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "reference_seconds") == 0);
  opts.reference_seconds = 86399;
  CHECK(detailed("3 hours ago", &opts, &d, &detail) == DG_OK && d.seconds == 86399 - 3 * 3600);
  opts.has_reference_time = 0;
  opts.reference_seconds = -5;
  CHECK(detailed("23 August", &opts, &d, &detail) == DG_OK);

  /* An unknown detail version, whether or not the text holds a date. */
  detail.version = 2;
  CHECK(detailed("23 August 2021", NULL, &d, &detail) == DG_E_INVALID_ARGUMENT);
  CHECK(strstr(dg_last_error(), "dg_date_detail") != NULL);
  CHECK(detailed("no date", NULL, &d, &detail) == DG_E_INVALID_ARGUMENT);
  detail.version = 0;
  CHECK(detailed("23 August 2021", NULL, &d, &detail) == DG_E_INVALID_ARGUMENT);
  detail.version = DG_DATE_DETAIL_VERSION;

  /* NULL arguments. */
  CHECK(dg_date_parse_detailed(S("23 August 2021"), NULL, NULL, &detail) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "out") == 0);
  CHECK(dg_date_parse_detailed(NULL, 3, NULL, &d, &detail) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_date_parse_detailed(NULL, 0, NULL, &d, &detail) == DG_E_NOT_FOUND);

  /* Ill-formed UTF-8 is read as punctuation, never as part of a date. */
  CHECK(dg_date_parse_detailed(S("\xff\xfe"), NULL, &d, &detail) == DG_E_NOT_FOUND);
  CHECK(dg_date_parse_detailed(S("2021-08-23\xff"), NULL, &d, &detail) == DG_E_NOT_FOUND);
  CHECK(dg_date_find(S("\xc3( Aug 28, 2021 \xed\xa0\x80"), NULL, &list) == DG_OK);
  {
    size_t n = 0;
    CHECK(dg_date_list_count(list, &n) == DG_OK && n == 1);
    CHECK(dg_date_list_at(list, 0, &d) == DG_OK && d.day == 28 && d.begin == 3 && d.end == 15);
  }

  /* The list reader. */
  CHECK(dg_date_list_detail_at(list, 1, &detail) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_date_list_detail_at(list, 0, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_date_list_detail_at(NULL, 0, &detail) == DG_E_INVALID_ARGUMENT);
  detail.version = 7;
  CHECK(dg_date_list_detail_at(list, 0, &detail) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "version") == 0);
  detail.version = DG_DATE_DETAIL_VERSION;
  CHECK(dg_date_list_detail_at(list, 0, &detail) == DG_OK);
  CHECK(detail.precision == DG_DATE_PRECISION_DAY && !detail.relative);
  dg_date_list_free(list);
}

static void test_languages_and_calendars(void) {
  dg_date_list *list = NULL;
  const char *s = NULL;
  size_t n = 0, len = 0, i;
  int found_fa = 0, y = 0, m = 0, day = 0;
  dg_ymd g;
  dg_ymd date = {2021, 8, 14};

  CHECK(dg_date_language_count(&n) == DG_OK && n >= 10);
  for (i = 0; i < n; ++i) {
    CHECK(dg_date_language_at(i, &s, &len) == DG_OK && len == strlen(s));
    if (strcmp(s, "fa") == 0) found_fa = 1;
  }
  CHECK(found_fa);
  CHECK(dg_date_language_at(n, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_date_language_count(NULL) == DG_E_INVALID_ARGUMENT);

  CHECK(dg_date_find(S("Le 23 ao\xC3\xBBt 2021, puis 2021-08-24."), NULL, &list) == DG_OK);
  CHECK(dg_date_list_count(list, &n) == DG_OK && n == 2);
  CHECK(dg_date_list_language_at(list, 0, &s, &len) == DG_OK && len == 2 && strcmp(s, "fr") == 0);
  CHECK(dg_date_list_language_at(list, 1, &s, &len) == DG_OK && len == 0 && s[0] == '\0');
  CHECK(dg_date_list_language_at(list, 2, &s, &len) == DG_E_INVALID_ARGUMENT);
  dg_date_list_free(list);

  /* 23 Mordad 1400 (Solar Hijri) is 14 August 2021, a few days into
   * Muharram 1443 (Umm al-Qura). */
  CHECK(dg_calendar_to_gregorian(DG_CALENDAR_PERSIAN, 1400, 5, 23, &g) == DG_OK);
  CHECK(g.year == 2021 && g.month == 8 && g.day == 14);
  CHECK(dg_calendar_from_gregorian(&date, DG_CALENDAR_PERSIAN, &y, &m, &day) == DG_OK);
  CHECK(y == 1400 && m == 5 && day == 23);
  CHECK(dg_calendar_from_gregorian(&date, DG_CALENDAR_ISLAMIC_UMALQURA, &y, &m, &day) == DG_OK);
  CHECK(y == 1443 && m == 1 && day >= 4 && day <= 6);
  CHECK(dg_calendar_to_gregorian(DG_CALENDAR_ISLAMIC_UMALQURA, y, m, day, &g) == DG_OK);
  CHECK(g.year == 2021 && g.month == 8 && g.day == 14);
  CHECK(dg_calendar_from_gregorian(&date, DG_CALENDAR_GREGORIAN, &y, &m, &day) == DG_OK);
  CHECK(y == 2021 && m == 8 && day == 14);
  CHECK(dg_calendar_days_in_month(DG_CALENDAR_PERSIAN, 1400, 1, &day) == DG_OK && day == 31);
  CHECK(dg_calendar_days_in_month(DG_CALENDAR_GREGORIAN, 2024, 2, &day) == DG_OK && day == 29);
  CHECK(dg_calendar_days_in_month(DG_CALENDAR_PERSIAN, 1400, 13, &day) == DG_E_NOT_FOUND);
  CHECK(dg_calendar_to_gregorian(DG_CALENDAR_PERSIAN, 1400, 12, 31, &g) == DG_E_NOT_FOUND);
  CHECK(dg_calendar_to_gregorian(DG_CALENDAR_PERSIAN, 900, 1, 1, &g) == DG_E_NOT_FOUND);
  CHECK(dg_calendar_to_gregorian((dg_calendar)3, 1400, 1, 1, &g) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_calendar_to_gregorian((dg_calendar)-1, 1400, 1, 1, &g) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_calendar_days_in_month(DG_CALENDAR_FORCE_INT_MIN, 1400, 1, &day) ==
        DG_E_INVALID_ARGUMENT);
  date.month = 2;
  date.day = 30;
  CHECK(dg_calendar_from_gregorian(&date, DG_CALENDAR_PERSIAN, &y, &m, &day) ==
        DG_E_INVALID_ARGUMENT);
  CHECK(dg_calendar_from_gregorian(NULL, DG_CALENDAR_PERSIAN, &y, &m, &day) ==
        DG_E_INVALID_ARGUMENT);
  CHECK(dg_calendar_to_gregorian(DG_CALENDAR_PERSIAN, 1400, 1, 1, NULL) == DG_E_INVALID_ARGUMENT);
}

int main(void) {
  test_parse();
  test_find();
  test_attribution();
  test_language_array();
  test_options_v3();
  test_partial();
  test_relative_and_yearless();
  test_time_and_zone_detail();
  test_bad_detail_input();
  test_languages_and_calendars();
  if (failures) {
    fprintf(stderr, "test_dates: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_dates: all checks passed\n");
  return 0;
}
