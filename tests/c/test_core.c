/* The C API's core: collections, posts, import errors, export, digests. */
#include <stdio.h>
#include <string.h>

#include "digest/digestcore.h"

static int failures = 0;
#define CHECK(cond)                                                         \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, \
              __LINE__, #cond, dg_last_error());                           \
      ++failures;                                                           \
    }                                                                       \
  } while (0)

static const char good[] =
    "{\"digestcore\": 1,"
    " \"sources\": [{\"id\": \"kavir\", \"name\": \"Kavir Daily\"}],"
    " \"posts\": ["
    "  {\"id\": \"p1\", \"title\": \"River talks resume\", \"source\": \"kavir\","
    "   \"authors\": [\"A. Writer\", \"B. Writer\"], \"posted_on\": \"2021-08-17\"},"
    "  {\"id\": \"p2\", \"title\": \"Other week\", \"posted_on\": \"2021-08-30\"}"
    " ]}";

static void test_import_and_access(void) {
  dg_collection *c = NULL;
  const dg_post *p = NULL;
  const char *s = NULL;
  size_t len = 0, n = 0, added = 0;
  int y = 0, m = 0, d = 0;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, good, strlen(good), DG_FORMAT_DETECT, &added) == DG_OK);
  CHECK(added == 2);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);
  CHECK(dg_collection_find_post(c, "p1", 2, &p) == DG_OK);
  CHECK(dg_post_get(p, DG_POST_TITLE, &s, &len) == DG_OK);
  CHECK(len == strlen("River talks resume") && memcmp(s, "River talks resume", len) == 0);
  CHECK(dg_post_author_count(p, &n) == DG_OK && n == 2);
  CHECK(dg_post_author_at(p, 1, &s, &len) == DG_OK && len == 9 && memcmp(s, "B. Writer", 9) == 0);
  CHECK(dg_post_author_at(p, 2, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_digest_date(p, &y, &m, &d) == DG_OK && y == 2021 && m == 8 && d == 17);
  CHECK(dg_collection_find_post(c, "nope", 4, &p) == DG_E_NOT_FOUND);
  CHECK(strstr(dg_last_error(), "nope") != NULL);
  CHECK(dg_collection_post_at(c, 5, &p) == DG_E_INVALID_ARGUMENT);
  dg_collection_free(c);
}

static void test_bad_input_leaves_collection_unchanged(void) {
  static const char truncated[] = "{\"digestcore\": 1, \"posts\": [{\"id\": \"x\", \"title\": ";
  static const char dup[] = "{\"digestcore\": 1, \"posts\": [{\"id\": \"p1\"}]}";
  static const char bad_utf8[] = "{\"digestcore\": 1, \"posts\": [{\"id\": \"z\", \"title\": \"\xff\xfe\"}]}";
  dg_collection *c = NULL;
  size_t n = 0, added = 99;
  uint64_t line = 0;
  int64_t offset = 0;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, good, strlen(good), DG_FORMAT_OWN, NULL) == DG_OK);

  CHECK(dg_collection_import_json(c, truncated, strlen(truncated), DG_FORMAT_OWN, &added) < 0);
  CHECK(strlen(dg_last_error()) > 0);
  CHECK(dg_last_error_position(&line, &offset) == DG_OK);
  CHECK(offset >= 0);
  CHECK(added == 99); /* outputs untouched on failure */
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);

  CHECK(dg_collection_import_json(c, dup, strlen(dup), DG_FORMAT_OWN, NULL) == DG_E_DUPLICATE_ID);
  CHECK(dg_collection_import_json(c, bad_utf8, strlen(bad_utf8), DG_FORMAT_OWN, NULL) < 0);
  CHECK(dg_collection_import_json(c, "", 0, DG_FORMAT_DETECT, NULL) < 0);
  CHECK(dg_collection_import_json(c, NULL, 0, DG_FORMAT_DETECT, NULL) < 0);
  CHECK(dg_collection_import_json(c, NULL, 5, DG_FORMAT_DETECT, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_import_json(c, good, strlen(good), (dg_format)42, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_import_file(c, "/nonexistent/file.json", DG_FORMAT_DETECT, NULL) == DG_E_FILE_NOT_FOUND);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);
  dg_collection_free(c);
}

static void test_null_arguments(void) {
  size_t n = 0;
  CHECK(dg_collection_new(NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_post_count(NULL, &n) == DG_E_INVALID_ARGUMENT);
  CHECK(strstr(dg_last_error(), "collection") != NULL);
  CHECK(dg_digest_build_week(NULL, "2021-W33", 8, NULL) == DG_E_INVALID_ARGUMENT);
  dg_collection_free(NULL);
  dg_digest_free(NULL);
  dg_buffer_free(NULL);
}

static void test_digest_and_export(void) {
  dg_collection *c = NULL, *back = NULL;
  dg_digest *d = NULL;
  dg_buffer *md = NULL, *js = NULL, *feed = NULL;
  size_t n = 0;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, good, strlen(good), DG_FORMAT_DETECT, NULL) == DG_OK);
  CHECK(dg_digest_build_week(c, "2021-W34", 8, &d) == DG_OK);
  CHECK(dg_digest_post_count(d, &n) == DG_OK && n == 0);
  dg_digest_free(d);
  d = NULL;
  CHECK(dg_digest_build_week(c, "2021-W99", 8, &d) == DG_E_PARSE);
  CHECK(d == NULL);
  CHECK(dg_digest_build_week(c, "2021-W33", 8, &d) == DG_OK);
  CHECK(dg_digest_post_count(d, &n) == DG_OK && n == 1);
  CHECK(dg_digest_render(d, DG_RENDER_MARKDOWN, &md) == DG_OK);
  CHECK(strstr(dg_buffer_data(md), "## Kavir Daily") != NULL);
  CHECK(strstr(dg_buffer_data(md), "River talks resume") != NULL);
  CHECK(dg_buffer_size(md) == strlen(dg_buffer_data(md)));
  CHECK(dg_digest_render(d, DG_RENDER_JSON, &js) == DG_OK);
  CHECK(strstr(dg_buffer_data(js), "\"p1\"") != NULL);

  CHECK(dg_collection_export(c, DG_FORMAT_JSON_FEED, &feed) == DG_OK);
  CHECK(strstr(dg_buffer_data(feed), "https://jsonfeed.org/version/1.1") != NULL);
  CHECK(dg_collection_new(&back) == DG_OK);
  CHECK(dg_collection_import_json(back, dg_buffer_data(feed), dg_buffer_size(feed),
                                  DG_FORMAT_JSON_FEED, &n) == DG_OK);
  CHECK(n == 2);
  dg_buffer_free(md);
  dg_buffer_free(js);
  dg_buffer_free(feed);
  dg_digest_free(d);
  dg_collection_free(back);
  dg_collection_free(c);
}

int main(void) {
  CHECK(strcmp(dg_version(), DG_VERSION_STRING) == 0);
  CHECK(dg_version_number() == DG_VERSION_NUMBER);
  CHECK(dg_last_error() != NULL);
  test_import_and_access();
  test_bad_input_leaves_collection_unchanged();
  test_null_arguments();
  test_digest_and_export();
  if (failures) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("test_core: all checks passed\n");
  return 0;
}
