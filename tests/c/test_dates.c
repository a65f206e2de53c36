/* C API: dates (options of both versions, language arrays), calendars,
 * outlet lists and attribution lines. */
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
  CHECK(opts.version == 2 && opts.language_tags == NULL && opts.language_count == 0);
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
  CHECK(dg_date_options_init(&opts, 3) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_date_options_init(&opts, 0) == DG_E_INVALID_ARGUMENT);
  opts.version = 3;
  CHECK(parse("23 August 2021", &opts, &d) == DG_E_INVALID_ARGUMENT);
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
  test_languages_and_calendars();
  if (failures) {
    fprintf(stderr, "test_dates: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_dates: all checks passed\n");
  return 0;
}
