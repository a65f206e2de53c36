/* The C API's error surface: status values and names, every part of the last
 * error (code, message, file, field, position) and when it is cleared,
 * NUL-terminated strings, and out-of-range enum values (negative ones too)
 * rejected by every function that takes an enum. */
#include <stdio.h>
#include <string.h>

#include "digest/digestcore.h"

static int failures = 0;
#define CHECK(cond)                                                                      \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, \
              #cond, dg_last_error());                                                   \
      ++failures;                                                                        \
    }                                                                                    \
  } while (0)

#define S(lit) lit, sizeof(lit) - 1

static void test_status_names(void) {
  static const struct {
    int status;
    int value;
    const char *name;
  } codes[] = {
      {DG_OK, 0, "DG_OK"},
      {DG_E_INVALID_ARGUMENT, -1, "DG_E_INVALID_ARGUMENT"},
      {DG_E_PARSE, -2, "DG_E_PARSE"},
      {DG_E_INVALID_UTF8, -3, "DG_E_INVALID_UTF8"},
      {DG_E_WRONG_TYPE, -4, "DG_E_WRONG_TYPE"},
      {DG_E_MISSING_FIELD, -5, "DG_E_MISSING_FIELD"},
      {DG_E_DUPLICATE_ID, -6, "DG_E_DUPLICATE_ID"},
      {DG_E_NOT_FOUND, -7, "DG_E_NOT_FOUND"},
      {DG_E_IO, -8, "DG_E_IO"},
      {DG_E_LIMIT, -9, "DG_E_LIMIT"},
      {DG_E_INTERNAL, -10, "DG_E_INTERNAL"},
      {DG_E_NO_MEMORY, -11, "DG_E_NO_MEMORY"},
      {DG_E_CANCELLED, -12, "DG_E_CANCELLED"},
      {DG_E_FILE_NOT_FOUND, -13, "DG_E_FILE_NOT_FOUND"},
  };
  size_t i;
  dg_status st = DG_E_PARSE; /* the enum is a type of its own */
  for (i = 0; i < sizeof codes / sizeof codes[0]; ++i) {
    CHECK(codes[i].status == codes[i].value); /* the values are pinned */
    CHECK(strcmp(dg_status_name(codes[i].status), codes[i].name) == 0);
  }
  CHECK(strcmp(dg_status_name(st), "DG_E_PARSE") == 0);
  CHECK(strcmp(dg_status_name(1), "DG_E_UNKNOWN") == 0);
  CHECK(strcmp(dg_status_name(-14), "DG_E_UNKNOWN") == 0);
  CHECK(strcmp(dg_status_name(-2147483647 - 1), "DG_E_UNKNOWN") == 0);
  CHECK(strcmp(dg_status_name(2147483647), "DG_E_UNKNOWN") == 0);
}

static void test_last_error(void) {
  static const char bad[] =
      "{\"digestcore\": 1, \"posts\": [{\"id\": \"a\"}, {\"id\": \"b\", \"title\": 7}]}";
  dg_collection *c = NULL;
  dg_import_options opts = DG_IMPORT_OPTIONS_INIT;
  uint64_t line = 99;
  int64_t offset = 99;
  size_t n = 0;

  /* Before any call on this thread: empty, never NULL. */
  CHECK(dg_last_error() != NULL && dg_last_error()[0] == '\0');
  CHECK(dg_last_error_code() == DG_OK);
  CHECK(dg_last_error_message() != NULL && dg_last_error_file() != NULL &&
        dg_last_error_field() != NULL);

  CHECK(dg_collection_new(&c) == DG_OK);
  opts.source_name = "posts.json";
  opts.source_name_len = 10;
  CHECK(dg_collection_import_json_opts(c, bad, sizeof bad - 1, &opts, NULL) == DG_E_WRONG_TYPE);
  CHECK(dg_last_error_code() == DG_E_WRONG_TYPE);
  CHECK(strcmp(dg_last_error_file(), "posts.json") == 0);
  CHECK(strcmp(dg_last_error_field(), "posts[1].title") == 0);
  CHECK(strlen(dg_last_error_message()) > 0);
  CHECK(strstr(dg_last_error_message(), "posts.json") == NULL); /* the message alone */
  CHECK(strstr(dg_last_error(), "posts.json") == dg_last_error());
  CHECK(strstr(dg_last_error(), dg_last_error_message()) != NULL);
  CHECK(strstr(dg_last_error(), "posts[1].title") != NULL);
  CHECK(dg_last_error_position(&line, &offset) == DG_OK);
  CHECK(offset == (int64_t)(strstr(bad, "7}") - bad));
  CHECK(dg_last_error_position(NULL, NULL) == DG_OK);
  /* Reading the error does not clear it. */
  CHECK(dg_last_error_code() == DG_E_WRONG_TYPE);

  /* A success clears every part. */
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 0);
  CHECK(dg_last_error_code() == DG_OK);
  CHECK(strcmp(dg_last_error(), "") == 0 && strcmp(dg_last_error_message(), "") == 0);
  CHECK(strcmp(dg_last_error_file(), "") == 0 && strcmp(dg_last_error_field(), "") == 0);
  CHECK(dg_last_error_position(&line, &offset) == DG_OK && line == 0 && offset == -1);

  /* Errors of the C layer itself name the argument. */
  CHECK(dg_collection_post_count(c, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_last_error_code() == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "out") == 0);
  CHECK(strcmp(dg_last_error_file(), "") == 0);
  CHECK(dg_collection_find_post(c, NULL, 4, NULL) == DG_E_INVALID_ARGUMENT);
  dg_collection_free(c);
}

/* Every returned string is NUL-terminated at its length. */
static void test_nul_terminated(void) {
  static const char doc[] =
      "{\"digestcore\": 1, \"posts\": [{\"id\": \"p1\", \"title\": \"Title\", \"tags\": [\"t\"],"
      " \"authors\": [\"A\"], \"x\": [1, 2]}]}";
  dg_collection *c = NULL;
  const dg_post *p = NULL;
  const char *s = NULL, *name = NULL;
  size_t len = 0, name_len = 0;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, doc, sizeof doc - 1, DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_collection_post_at(c, 0, &p) == DG_OK);
  CHECK(dg_post_get(p, DG_POST_TITLE, &s, &len) == DG_OK && s[len] == '\0' && strlen(s) == len);
  CHECK(dg_post_get(p, DG_POST_BODY, &s, &len) == DG_OK && len == 0 && s[0] == '\0');
  CHECK(dg_post_get(p, DG_POST_ID, &s, NULL) == DG_OK && strcmp(s, "p1") == 0);
  CHECK(dg_post_tag_at(p, 0, &s, &len) == DG_OK && s[len] == '\0');
  CHECK(dg_post_author_at(p, 0, &s, &len) == DG_OK && s[len] == '\0');
  CHECK(dg_post_extra_at(p, 0, &name, &name_len, &s, &len) == DG_OK);
  CHECK(name[name_len] == '\0' && s[len] == '\0' && strcmp(s, "[1,2]") == 0);
  CHECK(dg_buffer_data(NULL)[0] == '\0' && dg_buffer_size(NULL) == 0);
  dg_collection_free(c);
}

/* Out-of-range enum values, negative ones included, are refused (and, with
 * UBSan's enum check, are no undefined behaviour: the enums span every
 * int). */
static void test_enum_values(void) {
  static const int bad_values[] = {-1, -2147483647 - 1, 2147483647, 1000};
  dg_collection *c = NULL;
  dg_digest *d = NULL;
  dg_buffer *b = NULL;
  dg_normalizer *norm = NULL;
  dg_normalizer_options nopts = DG_NORMALIZER_OPTIONS_INIT;
  dg_date_options dopts = DG_DATE_OPTIONS_INIT;
  dg_date date;
  dg_attribution *a = NULL;
  const dg_post *p = NULL;
  const char *s = NULL;
  size_t len = 0, i, bb = 0, e = 0;
  static const char line[] = "Jane Doe, Harbor Times, Aug 28, 2021: Text.";
  dg_ymd ymd;

  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, S("{\"digestcore\": 1, \"posts\": [{\"id\": \"p\", "
                                       "\"posted_on\": \"2021-08-17\"}]}"),
                                  DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_collection_post_at(c, 0, &p) == DG_OK);
  CHECK(dg_digest_build_week(c, S("2021-W33"), &d) == DG_OK);
  CHECK(dg_attribution_parse(line, sizeof line - 1, NULL, NULL, &a) == DG_OK);
  for (i = 0; i < sizeof bad_values / sizeof bad_values[0]; ++i) {
    int v = bad_values[i];
    CHECK(dg_collection_import_json(c, S("{}"), (dg_format)v, NULL) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_collection_export(c, (dg_format)v, &b) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_post_get(p, (dg_post_field)v, &s, &len) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_digest_render(d, (dg_render_format)v, &b) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_normalize(NULL, S("x"), (dg_normal_form)v, &b) == DG_E_INVALID_ARGUMENT);
    nopts.utf8 = (dg_utf8_mode)v;
    CHECK(dg_normalizer_new(&nopts, &norm) == DG_E_INVALID_ARGUMENT);
    dopts.order = (dg_date_order)v;
    CHECK(dg_date_parse(S("23 August 2021"), &dopts, &date) == DG_E_INVALID_ARGUMENT);
    dopts.order = DG_DATE_ORDER_UNSPECIFIED;
    dopts.yearless = (dg_yearless_rule)v;
    CHECK(dg_date_parse(S("23 August 2021"), &dopts, &date) == DG_E_INVALID_ARGUMENT);
    dopts.yearless = DG_YEARLESS_PAST;
    CHECK(dg_attribution_get(a, (dg_attribution_field)v, &s, &len) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_attribution_span(a, (dg_attribution_field)v, &bb, &e) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_calendar_to_gregorian((dg_calendar)v, 1400, 1, 1, &ymd) == DG_E_INVALID_ARGUMENT);
    CHECK(strstr(dg_last_error(), "dg_calendar") != NULL);
  }
  CHECK(b == NULL && norm == NULL);
  dg_attribution_free(a);
  dg_digest_free(d);
  dg_collection_free(c);
}

int main(void) {
  test_last_error(); /* first: it checks the state before any call */
  test_status_names();
  test_nul_terminated();
  test_enum_values();
  if (failures) {
    fprintf(stderr, "test_errors: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_errors: all checks passed\n");
  return 0;
}
