/* The C API of streams (digest/c/stream.h): a file read post by post, with
 * its errors in place and its report and sources at the end; posts written
 * post by post to a file that is replaced only on commit, with the same
 * bytes as a whole export; a stream's posts as Arrow batches; and bad
 * arguments. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

enum { POSTS = 3000 };
static char dir[64];

static void path_in(char *out, size_t size, const char *name) {
  snprintf(out, size, "%s/%s", dir, name);
}

/* A source line, POSTS posts, and optionally a bad line at the end. */
static void write_lines(const char *path, int bad_tail) {
  FILE *f = fopen(path, "w");
  if (!f) {
    perror(path);
    exit(1);
  }
  fputs("{\"source\": {\"id\": \"quay\", \"name\": \"Quay Courier\"}}\n", f);
  for (int i = 0; i < POSTS; ++i)
    fprintf(f, "{\"id\": \"p%d\", \"title\": \"Ferry %d, \\u00e9t\\u00e9\", \"source\": \"quay\", "
               "\"posted_on\": \"2023-03-%02d\"}\n", i, i, 1 + i % 28);
  if (bad_tail) fputs("{\"id\": \"bad\", \"title\": 12}\n", f);
  fclose(f);
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  *len = fread(buf, 1, (size_t)n, f);
  buf[*len] = '\0';
  fclose(f);
  return buf;
}

static int same_files(const char *a, const char *b) {
  size_t la = 0, lb = 0;
  char *x = read_all(a, &la), *y = read_all(b, &lb);
  int same = x && y && la == lb && memcmp(x, y, la) == 0;
  free(x);
  free(y);
  return same;
}

static void test_read(void) {
  char good[128], bad[128];
  path_in(good, sizeof good, "good.jsonl");
  path_in(bad, sizeof bad, "bad.jsonl");
  write_lines(good, 0);
  write_lines(bad, 1);

  dg_post_stream *s = NULL;
  CHECK(dg_post_stream_open(good, NULL, &s) == DG_OK);
  const dg_post *p = NULL;
  int n = 0, in_order = 1;
  while (dg_post_stream_next(s, &p) == DG_OK && p) {
    const char *id = NULL;
    size_t len = 0;
    char want[16];
    snprintf(want, sizeof want, "p%d", n);
    CHECK(dg_post_get(p, DG_POST_ID, &id, &len) == DG_OK);
    if (!id || len != strlen(want) || memcmp(id, want, len) != 0) in_order = 0;
    ++n;
  }
  CHECK(n == POSTS && in_order);
  CHECK(dg_post_stream_next(s, &p) == DG_OK && p == NULL); /* stays at the end */
  dg_import_report *report = NULL;
  dg_collection *sources = NULL;
  CHECK(dg_post_stream_finish(s, &report, &sources) == DG_OK);
  size_t added = 0, count = 0;
  CHECK(dg_import_report_posts_added(report, &added) == DG_OK && added == POSTS);
  CHECK(dg_collection_source_count(sources, &count) == DG_OK && count == 1);
  CHECK(dg_collection_post_count(sources, &count) == DG_OK && count == 0);
  dg_import_report_free(report);
  dg_collection_free(sources);
  dg_post_stream_free(s);

  /* An error where it is, after the posts before it; then the end. */
  s = NULL;
  CHECK(dg_post_stream_open(bad, NULL, &s) == DG_OK);
  n = 0;
  int st;
  while ((st = dg_post_stream_next(s, &p)) == DG_OK && p) ++n;
  CHECK(n == POSTS);
  CHECK(st != DG_OK && p == NULL);
  uint64_t line = 0;
  int64_t offset = -1;
  CHECK(dg_last_error_position(&line, &offset) == DG_OK && line == POSTS + 2);
  CHECK(dg_post_stream_next(s, &p) == DG_OK && p == NULL);
  CHECK(dg_post_stream_finish(s, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_post_stream_free(s); /* keeps the last error, as every _free does */
  CHECK(dg_last_error_code() == DG_E_INVALID_ARGUMENT);

  /* Skipping bad records, keeping the first of duplicates. */
  dg_import_options o;
  CHECK(dg_import_options_init(&o, DG_IMPORT_OPTIONS_VERSION) == DG_OK);
  o.skip_bad_records = 1;
  o.on_duplicate = DG_ON_DUPLICATE_KEEP_FIRST;
  s = NULL;
  CHECK(dg_post_stream_open(bad, &o, &s) == DG_OK);
  n = 0;
  while (dg_post_stream_next(s, &p) == DG_OK && p) ++n;
  CHECK(n == POSTS);
  report = NULL;
  CHECK(dg_post_stream_finish(s, &report, NULL) == DG_OK);
  CHECK(dg_import_report_skipped_count(report, &count) == DG_OK && count == 1);
  dg_import_report_free(report);
  dg_post_stream_free(s);

  /* Stopping early: freeing stops the reading thread. */
  s = NULL;
  CHECK(dg_post_stream_open(good, NULL, &s) == DG_OK);
  CHECK(dg_post_stream_next(s, &p) == DG_OK && p != NULL);
  CHECK(dg_post_stream_finish(s, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_post_stream_free(s);
  dg_post_stream_free(NULL);

  /* Bad arguments and a missing file. */
  s = NULL;
  CHECK(dg_post_stream_open(NULL, NULL, &s) == DG_E_INVALID_ARGUMENT && s == NULL);
  CHECK(dg_post_stream_open(good, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  o.on_duplicate = DG_ON_DUPLICATE_MERGE;
  CHECK(dg_post_stream_open(good, &o, &s) == DG_E_INVALID_ARGUMENT && s == NULL);
  o.on_duplicate = (dg_on_duplicate)77;
  CHECK(dg_post_stream_open(good, &o, &s) == DG_E_INVALID_ARGUMENT && s == NULL);
  o.on_duplicate = DG_ON_DUPLICATE_ERROR;
  o.validate_only = 1;
  CHECK(dg_post_stream_open(good, &o, &s) == DG_E_INVALID_ARGUMENT && s == NULL);
  CHECK(dg_post_stream_next(NULL, &p) == DG_E_INVALID_ARGUMENT);
  char missing[128];
  path_in(missing, sizeof missing, "missing.jsonl");
  CHECK(dg_post_stream_open(missing, NULL, &s) == DG_OK);
  CHECK(dg_post_stream_next(s, &p) != DG_OK && p == NULL);
  dg_post_stream_free(s);
  unlink(good);
  unlink(bad);
}

/* Streams `in` into `out` in `format`, post by post, with its sources. */
/* The rest of a stream as Arrow batches: bounded, in order, then the end
 * (and the report), or the error in place. */
static void test_arrow(void) {
  char good[128], bad[128];
  path_in(good, sizeof good, "arrow_good.jsonl");
  path_in(bad, sizeof bad, "arrow_bad.jsonl");
  write_lines(good, 0);
  write_lines(bad, 1);

  dg_post_stream *s = NULL;
  const dg_post *p = NULL;
  CHECK(dg_post_stream_open(good, NULL, &s) == DG_OK);
  CHECK(dg_post_stream_next(s, &p) == DG_OK && p != NULL); /* p0 by hand */
  struct ArrowArrayStream arrow;
  CHECK(dg_post_stream_to_arrow(s, 1000, &arrow) == DG_OK);
  struct ArrowSchema schema;
  CHECK(arrow.get_schema(&arrow, &schema) == 0 && strcmp(schema.format, "+s") == 0);
  CHECK(schema.n_children > 0 && strcmp(schema.children[0]->name, "id") == 0);
  schema.release(&schema);
  int64_t lengths[8] = {0};
  int batches = 0;
  struct ArrowArray batch;
  while (arrow.get_next(&arrow, &batch) == 0 && batch.release) {
    if (batches < 8) lengths[batches] = batch.length;
    ++batches;
    batch.release(&batch);
  }
  CHECK(batches == 3 && lengths[0] == 1000 && lengths[1] == 1000 && lengths[2] == POSTS - 2001);
  arrow.release(&arrow);
  dg_import_report *report = NULL;
  size_t added = 0;
  CHECK(dg_post_stream_finish(s, &report, NULL) == DG_OK);
  CHECK(dg_import_report_posts_added(report, &added) == DG_OK && added == POSTS);
  dg_import_report_free(report);
  dg_post_stream_free(s);

  /* Straight into a collection, in batches of the default size. */
  s = NULL;
  CHECK(dg_post_stream_open(good, NULL, &s) == DG_OK);
  CHECK(dg_post_stream_to_arrow(s, 0, &arrow) == DG_OK);
  dg_collection *c = NULL;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_arrow(c, &arrow, 0, &added) == DG_OK && added == POSTS);
  dg_collection_free(c);
  dg_post_stream_free(s);

  /* The error after the posts before it, for good. */
  s = NULL;
  CHECK(dg_post_stream_open(bad, NULL, &s) == DG_OK);
  CHECK(dg_post_stream_to_arrow(s, 512, &arrow) == DG_OK);
  int64_t rows = 0;
  int st;
  while ((st = arrow.get_next(&arrow, &batch)) == 0 && batch.release) {
    rows += batch.length;
    batch.release(&batch);
  }
  CHECK(rows == POSTS && st == EINVAL);
  const char *message = arrow.get_last_error(&arrow);
  CHECK(message != NULL && strstr(message, "arrow_bad.jsonl:3002:") != NULL);
  CHECK(arrow.get_next(&arrow, &batch) == EINVAL);
  arrow.release(&arrow);
  CHECK(dg_post_stream_finish(s, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_post_stream_free(s);

  CHECK(dg_post_stream_to_arrow(NULL, 0, &arrow) == DG_E_INVALID_ARGUMENT);
  unlink(good);
  unlink(bad);
}

static void copy_streamed(const char *in, const char *out, dg_format format) {
  dg_post_stream *r = NULL;
  dg_export_stream *w = NULL;
  CHECK(dg_post_stream_open(in, NULL, &r) == DG_OK);
  CHECK(dg_export_stream_open(out, format, NULL, &w) == DG_OK);
  const dg_post *p = NULL;
  while (dg_post_stream_next(r, &p) == DG_OK && p) CHECK(dg_export_stream_add(w, p) == DG_OK);
  dg_collection *sources = NULL;
  CHECK(dg_post_stream_finish(r, NULL, &sources) == DG_OK);
  CHECK(dg_export_stream_commit(w, sources) == DG_OK);
  CHECK(dg_export_stream_add(w, p) == DG_E_INVALID_ARGUMENT); /* p is NULL: named first */
  CHECK(dg_export_stream_commit(w, sources) == DG_E_INVALID_ARGUMENT);
  dg_collection_free(sources);
  dg_export_stream_free(w);
  dg_post_stream_free(r);
}

static void test_write(void) {
  char in[128], streamed[128], whole[128];
  path_in(in, sizeof in, "in.jsonl");
  path_in(streamed, sizeof streamed, "streamed.out");
  path_in(whole, sizeof whole, "whole.out");
  write_lines(in, 0);
  dg_collection *c = NULL;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_file(c, in, DG_FORMAT_DETECT, NULL) == DG_OK);
  const dg_format formats[] = {DG_FORMAT_JSON_LINES, DG_FORMAT_OWN, DG_FORMAT_JSON_FEED};
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; ++i) {
    copy_streamed(in, streamed, formats[i]);
    CHECK(dg_collection_export_file(c, whole, formats[i], NULL) == DG_OK);
    CHECK(same_files(streamed, whole)); /* the same bytes as the whole export */
  }

  /* Not committed: the file stays as it was. */
  dg_export_stream *w = NULL;
  const dg_post *first = NULL;
  CHECK(dg_collection_post_at(c, 0, &first) == DG_OK);
  CHECK(dg_export_stream_open(whole, DG_FORMAT_JSON_LINES, NULL, &w) == DG_OK);
  CHECK(dg_export_stream_add(w, first) == DG_OK);
  dg_export_stream_free(w);
  dg_buffer *feed = NULL;
  CHECK(dg_collection_export(c, DG_FORMAT_JSON_FEED, &feed) == DG_OK);
  size_t len = 0;
  char *kept = read_all(whole, &len);
  CHECK(kept && len == dg_buffer_size(feed) && memcmp(kept, dg_buffer_data(feed), len) == 0);
  free(kept);
  dg_buffer_free(feed);

  /* Bad arguments. */
  w = NULL;
  CHECK(dg_export_stream_open(whole, DG_FORMAT_WORDPRESS, NULL, &w) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_export_stream_open(whole, DG_FORMAT_DETECT, NULL, &w) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_export_stream_open(whole, (dg_format)-3, NULL, &w) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_export_stream_open(NULL, DG_FORMAT_OWN, NULL, &w) == DG_E_INVALID_ARGUMENT);
  CHECK(w == NULL);
  char nowhere[160];
  path_in(nowhere, sizeof nowhere, "no-such-folder/out.json");
  int st = dg_export_stream_open(nowhere, DG_FORMAT_OWN, NULL, &w);
  CHECK(st == DG_E_FILE_NOT_FOUND && w == NULL);
  CHECK(strstr(dg_last_error(), "no-such-folder") != NULL);
  CHECK(dg_export_stream_add(NULL, first) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_export_stream_commit(NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_export_stream_free(NULL);

  dg_collection_free(c);
  unlink(in);
  unlink(streamed);
  unlink(whole);
}

int main(void) {
  strcpy(dir, "/tmp/dg_test_streamXXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_read();
  test_arrow();
  test_write();
  rmdir(dir);
  if (failures) {
    fprintf(stderr, "test_stream: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_stream: all checks passed\n");
  return 0;
}
