/* C API: dates, outlet lists and attribution lines. */
#include <stdio.h>
#include <string.h>

#include "digest/digest.h"

static int failures = 0;

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

int main(void) {
  test_parse();
  test_find();
  test_attribution();
  if (failures) {
    fprintf(stderr, "test_dates: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_dates: all checks passed\n");
  return 0;
}
