/* The C API of JSON import and export: import options and reports (skipped
 * records with their positions), limits, export options, JSON Feed options,
 * atomic file exports, and saving and loading registries and gazetteers. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
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

#define S(lit) lit, sizeof(lit) - 1

static int str_is(const char *s, size_t len, const char *want) {
  return s != NULL && len == strlen(want) && memcmp(s, want, len) == 0 && s[len] == '\0';
}

static int same_buffers(const dg_buffer *a, const dg_buffer *b) {
  return dg_buffer_size(a) == dg_buffer_size(b) &&
         memcmp(dg_buffer_data(a), dg_buffer_data(b), dg_buffer_size(a)) == 0;
}

/* Line 3 has a title of the wrong type. */
static const char lines[] =
    "{\"source\": {\"id\": \"herald\", \"name\": \"The Herald\"}}\n"
    "{\"id\": \"l1\", \"title\": \"One\", \"posted_on\": \"2022-03-01\", \"source\": \"herald\"}\n"
    "{\"id\": \"l2\", \"title\": 5}\n"
    "{\"id\": \"l3\", \"title\": \"Three\"}\n";

static char dir[64];

static void path_in_dir(char *out, size_t size, const char *name) {
  snprintf(out, size, "%s/%s", dir, name);
}

static void test_import_options(void) {
  dg_import_options opts = DG_IMPORT_OPTIONS_INIT, init;
  dg_collection *c = NULL;
  dg_import_report *report = NULL, *untouched = (dg_import_report *)&opts;
  size_t n = 0, len = 0;
  int code = 0;
  uint64_t line = 0;
  int64_t offset = 0;
  const char *s = NULL;

  memset(&init, 0x5a, sizeof init);
  CHECK(dg_import_options_init(&init, DG_IMPORT_OPTIONS_VERSION) == DG_OK);
  CHECK(init.version == opts.version && init.format == opts.format &&
        init.skip_bad_records == opts.skip_bad_records && init.source_name == NULL &&
        init.source_name_len == 0 && init.max_depth == 64 &&
        init.max_line_bytes == ((size_t)64 << 20));
  CHECK(dg_import_options_init(&init, 0) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_import_options_init(&init, 3) == DG_E_INVALID_ARGUMENT);
  /* Version 2 (0.3) adds fields; their defaults are the macro's too. */
  CHECK(init.strict == opts.strict && init.encoding == NULL && init.encoding_len == 0 &&
        init.on_duplicate == DG_ON_DUPLICATE_ERROR && init.max_warnings_kept == 10000 &&
        init.on_progress == NULL);
  CHECK(dg_import_options_init(NULL, 1) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_new(&c) == DG_OK);

  /* All or nothing by default: the bad record fails the import, with its
   * file, line, offset and field. */
  opts.source_name = "feed.jsonl";
  opts.source_name_len = strlen(opts.source_name);
  CHECK(dg_collection_import_json_opts(c, lines, sizeof lines - 1, &opts, &untouched) ==
        DG_E_WRONG_TYPE);
  CHECK(untouched == (dg_import_report *)&opts);
  CHECK(dg_last_error_code() == DG_E_WRONG_TYPE);
  CHECK(strcmp(dg_last_error_file(), "feed.jsonl") == 0);
  CHECK(strstr(dg_last_error_field(), "title") != NULL);
  CHECK(strlen(dg_last_error_message()) > 0);
  CHECK(strstr(dg_last_error(), "feed.jsonl:3") == dg_last_error());
  CHECK(dg_last_error_position(&line, &offset) == DG_OK && line == 3 && offset >= 0);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 0);
  CHECK(dg_collection_source_count(c, &n) == DG_OK && n == 0);

  /* Skipping bad records: the rest is imported and the report lists it. */
  opts.skip_bad_records = 1;
  CHECK(dg_collection_import_json_opts(c, lines, sizeof lines - 1, &opts, &report) == DG_OK);
  CHECK(dg_last_error_code() == DG_OK && strcmp(dg_last_error(), "") == 0);
  CHECK(dg_import_report_posts_added(report, &n) == DG_OK && n == 2);
  CHECK(dg_import_report_sources_added(report, &n) == DG_OK && n == 1);
  CHECK(dg_import_report_skipped_count(report, &n) == DG_OK && n == 1);
  CHECK(dg_import_report_skipped_at(report, 0, &code, &line, &offset) == DG_OK);
  CHECK(code == DG_E_WRONG_TYPE && line == 3 && offset >= 0);
  CHECK(dg_import_report_skipped_at(report, 0, NULL, NULL, NULL) == DG_OK);
  CHECK(dg_import_report_skipped_text(report, 0, DG_ERROR_TEXT_FILE, &s, &len) == DG_OK &&
        str_is(s, len, "feed.jsonl"));
  CHECK(dg_import_report_skipped_text(report, 0, DG_ERROR_TEXT_FIELD, &s, &len) == DG_OK &&
        strstr(s, "title") != NULL && strlen(s) == len);
  CHECK(dg_import_report_skipped_text(report, 0, DG_ERROR_TEXT_MESSAGE, &s, &len) == DG_OK &&
        len > 0 && strlen(s) == len);
  CHECK(dg_import_report_skipped_text(report, 0, DG_ERROR_TEXT_FULL, &s, &len) == DG_OK &&
        strstr(s, "feed.jsonl:3") == s && strlen(s) == len);
  CHECK(dg_import_report_skipped_text(report, 0, (dg_error_text)4, &s, &len) ==
        DG_E_INVALID_ARGUMENT);
  CHECK(dg_import_report_skipped_text(report, 0, (dg_error_text)-1, &s, &len) ==
        DG_E_INVALID_ARGUMENT);
  CHECK(dg_import_report_skipped_text(report, 1, DG_ERROR_TEXT_FULL, &s, &len) ==
        DG_E_INVALID_ARGUMENT);
  CHECK(dg_import_report_skipped_at(report, 1, &code, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);
  dg_import_report_free(report);
  report = NULL;

  /* Options checked before anything is read. */
  dg_import_options_init(&opts, DG_IMPORT_OPTIONS_VERSION);
  opts.format = (dg_format)-1;
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  opts.format = (dg_format)6; /* 5 is DG_FORMAT_XML_FEED since 0.3 */
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  opts.format = DG_FORMAT_FORCE_INT_MIN;
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  opts.format = DG_FORMAT_OWN;
  opts.max_depth = 0;
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "max_depth") == 0);
  opts.max_depth = 64;
  opts.max_line_bytes = 0;
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  opts.max_line_bytes = 1024;
  opts.version = 7;
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  opts.version = DG_IMPORT_OPTIONS_VERSION;
  opts.source_name = "\xC3";
  opts.source_name_len = 1;
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_UTF8);
  opts.source_name = NULL;
  opts.source_name_len = 0;
  CHECK(dg_collection_import_json(c, S("{}"), (dg_format)-1, NULL) == DG_E_INVALID_ARGUMENT);

  /* Limits. */
  opts.max_depth = 3;
  CHECK(dg_collection_import_json_opts(
            c, S("{\"digestcore\": 1, \"posts\": [{\"id\": \"d\", \"x\": [[[[1]]]]}]}"), &opts,
            NULL) == DG_E_LIMIT);
  opts.max_depth = 64;
  opts.format = DG_FORMAT_JSON_LINES;
  opts.max_line_bytes = 16;
  CHECK(dg_collection_import_json_opts(c, S("{\"id\": \"long-line-of-json\"}\n"), &opts, NULL) ==
        DG_E_LIMIT);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);

  /* NULL options are the defaults; NULL report is fine. */
  CHECK(dg_collection_import_json_opts(c, S("{\"digestcore\": 1, \"posts\": [{\"id\": \"d1\"}]}"),
                                       NULL, NULL) == DG_OK);
  CHECK(dg_collection_import_json_opts(NULL, S("{}"), NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_import_json_opts(c, NULL, 2, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_import_report_posts_added(NULL, &n) == DG_E_INVALID_ARGUMENT);
  dg_import_report_free(NULL);
  dg_collection_free(c);
}

/* Callbacks' state (user_data). */
struct seen {
  int skipped;
  int code;
  uint64_t line;
  char field[64];
  char file[64];
  int asked;
  int stop;
};

static void on_skipped(void *user, int code, const char *text, uint64_t line, int64_t offset,
                       const char *field, const char *file) {
  struct seen *seen = (struct seen *)user;
  ++seen->skipped;
  seen->code = code;
  seen->line = line;
  (void)offset;
  if (strstr(text, field) == NULL) seen->code = 0; /* the text names the field */
  snprintf(seen->field, sizeof seen->field, "%s", field);
  snprintf(seen->file, sizeof seen->file, "%s", file);
}

static int should_stop(void *user) {
  struct seen *seen = (struct seen *)user;
  ++seen->asked;
  return seen->stop;
}

/* The bounds and hooks of an import: kept errors, validation only,
 * streamed errors, cancellation. */
static void test_import_bounds(void) {
  dg_import_options opts = DG_IMPORT_OPTIONS_INIT, init;
  dg_collection *c = NULL;
  dg_import_report *report = NULL;
  struct seen seen;
  size_t n = 0, i;
  static char many[5000 * 24];
  size_t used = 0;

  /* The macro holds the library's defaults. */
  CHECK(dg_import_options_init(&init, DG_IMPORT_OPTIONS_VERSION) == DG_OK);
  CHECK(init.max_input_bytes == opts.max_input_bytes && init.max_posts == opts.max_posts &&
        init.max_skipped_kept == opts.max_skipped_kept &&
        init.validate_only == opts.validate_only && init.on_skipped == NULL &&
        init.should_stop == NULL && init.user_data == NULL);
  CHECK(dg_collection_new(&c) == DG_OK);

  /* Errors beyond max_skipped_kept are counted, not kept. */
  opts.skip_bad_records = 1;
  opts.max_skipped_kept = 0;
  CHECK(dg_collection_import_json_opts(c, lines, sizeof lines - 1, &opts, &report) == DG_OK);
  CHECK(dg_import_report_skipped_count(report, &n) == DG_OK && n == 1);
  CHECK(dg_import_report_skipped_kept(report, &n) == DG_OK && n == 0);
  CHECK(dg_import_report_skipped_at(report, 0, NULL, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_import_report_free(report);
  report = NULL;
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);

  /* Validation only: counted, checked for duplicates, not added. */
  dg_import_options_init(&opts, DG_IMPORT_OPTIONS_VERSION);
  opts.validate_only = 1;
  opts.format = DG_FORMAT_JSON_LINES;
  CHECK(dg_collection_import_json_opts(c, S("{\"id\": \"v1\"}\n{\"id\": \"v2\"}\n"), &opts,
                                       &report) == DG_OK);
  CHECK(dg_import_report_posts_added(report, &n) == DG_OK && n == 2);
  dg_import_report_free(report);
  report = NULL;
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);
  CHECK(dg_collection_import_json_opts(c, S("{\"id\": \"v1\"}\n{\"id\": \"v1\"}\n"), &opts,
                                       NULL) == DG_E_DUPLICATE_ID);

  /* Errors streamed to a callback. */
  memset(&seen, 0, sizeof seen);
  dg_import_options_init(&opts, DG_IMPORT_OPTIONS_VERSION);
  opts.skip_bad_records = 1;
  opts.source_name = "stream.jsonl";
  opts.source_name_len = 12;
  opts.on_skipped = on_skipped;
  opts.user_data = &seen;
  CHECK(dg_collection_import_json_opts(c, S("{\"id\": \"s1\"}\n{\"id\": \"s2\", \"tags\": 3}\n"),
                                       &opts, &report) == DG_OK);
  CHECK(seen.skipped == 1 && seen.code == DG_E_WRONG_TYPE && seen.line == 2);
  CHECK(strstr(seen.field, "tags") != NULL && strcmp(seen.file, "stream.jsonl") == 0);
  CHECK(dg_import_report_skipped_count(report, &n) == DG_OK && n == 1);
  CHECK(dg_import_report_skipped_kept(report, &n) == DG_OK && n == 0);
  dg_import_report_free(report);
  report = NULL;

  /* Cancellation, asked every few thousand records: 5000 records. */
  for (i = 0; i < 5000; ++i)
    used += (size_t)snprintf(many + used, sizeof many - used, "{\"id\": \"m%zu\"}\n", i);
  memset(&seen, 0, sizeof seen);
  dg_import_options_init(&opts, DG_IMPORT_OPTIONS_VERSION);
  opts.format = DG_FORMAT_JSON_LINES;
  opts.should_stop = should_stop;
  opts.user_data = &seen;
  seen.stop = 1;
  CHECK(dg_collection_import_json_opts(c, many, used, &opts, &report) == DG_E_CANCELLED);
  CHECK(strcmp(dg_status_name(dg_last_error_code()), "DG_E_CANCELLED") == 0);
  CHECK(seen.asked == 1 && report == NULL);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 3); /* l1, l3, s1 */
  seen.stop = 0;
  CHECK(dg_collection_import_json_opts(c, many, used, &opts, NULL) == DG_OK);
  CHECK(seen.asked == 2);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 5003);

  /* Bounds. */
  dg_import_options_init(&opts, DG_IMPORT_OPTIONS_VERSION);
  opts.max_posts = 2;
  opts.format = DG_FORMAT_JSON_LINES;
  CHECK(dg_collection_import_json_opts(c, S("{\"id\": \"x1\"}\n{\"id\": \"x2\"}\n{\"id\": \"x3\"}\n"),
                                       &opts, NULL) == DG_E_LIMIT);
  opts.max_posts = 0;
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "max_posts") == 0);
  dg_import_options_init(&opts, DG_IMPORT_OPTIONS_VERSION);
  opts.max_input_bytes = 8;
  CHECK(dg_collection_import_json_opts(c, S("{\"digestcore\": 1, \"posts\": []}"), &opts, NULL) ==
        DG_E_LIMIT);
  opts.max_input_bytes = 0;
  CHECK(dg_collection_import_json_opts(c, S("{}"), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 5003);
  dg_collection_free(c);
}

static void test_detect(void) {
  dg_format f = DG_FORMAT_DETECT;
  CHECK(dg_detect_format(S("{\"digestcore\": 1, \"posts\": []}"), &f) == DG_OK && f == DG_FORMAT_OWN);
  CHECK(dg_detect_format(S("[{\"title\": {\"rendered\": \"x\"}}]"), &f) == DG_OK &&
        f == DG_FORMAT_WORDPRESS);
  CHECK(dg_detect_format(S("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"),
                         &f) == DG_OK && f == DG_FORMAT_JSON_FEED);
  CHECK(dg_detect_format(lines, sizeof lines - 1, &f) == DG_OK && f == DG_FORMAT_JSON_LINES);
  CHECK(dg_detect_format(NULL, 0, &f) == DG_OK && f == DG_FORMAT_OWN);
  CHECK(dg_detect_format(NULL, 1, &f) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_detect_format(S("{}"), NULL) == DG_E_INVALID_ARGUMENT);
}

static void test_import_file(void) {
  char path[128];
  FILE *f;
  dg_collection *c = NULL;
  dg_import_report *report = NULL;
  dg_import_options opts = DG_IMPORT_OPTIONS_INIT;
  size_t n = 0;
  uint64_t line = 0;

  path_in_dir(path, sizeof path, "in.jsonl");
  f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  fwrite(lines, 1, sizeof lines - 1, f);
  fclose(f);

  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_file_opts(c, path, &opts, &report) == DG_E_WRONG_TYPE);
  CHECK(report == NULL);
  CHECK(strcmp(dg_last_error_file(), path) == 0); /* the path names the input */
  CHECK(dg_last_error_position(&line, NULL) == DG_OK && line == 3);
  opts.skip_bad_records = 1;
  CHECK(dg_collection_import_file_opts(c, path, &opts, &report) == DG_OK);
  CHECK(dg_import_report_skipped_count(report, &n) == DG_OK && n == 1);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);
  dg_import_report_free(report);
  report = NULL;

  path_in_dir(path, sizeof path, "missing.json");
  CHECK(dg_collection_import_file_opts(c, path, NULL, &report) == DG_E_FILE_NOT_FOUND);
  CHECK(strcmp(dg_last_error_file(), path) == 0);
  CHECK(dg_collection_import_file_opts(c, NULL, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_collection_free(c);
}

static void test_export(void) {
  static const char doc[] =
      "{\"digestcore\": 1, \"sources\": [{\"id\": \"k\", \"name\": \"Kavir Daily\"}],"
      " \"posts\": [{\"id\": \"p1\", \"title\": \"T\", \"source\": \"k\","
      " \"posted_on\": \"2021-08-17\"}]}";
  dg_collection *c = NULL, *back = NULL;
  dg_output_options out_opts = DG_OUTPUT_OPTIONS_INIT, init;
  dg_feed_options feed = DG_FEED_OPTIONS_INIT, feed_init;
  dg_buffer *pretty = NULL, *compact = NULL, *jsonl = NULL, *fb = NULL, *again = NULL;
  char path[128];
  size_t n = 0;

  CHECK(dg_output_options_init(&init, DG_OUTPUT_OPTIONS_VERSION) == DG_OK);
  CHECK(init.version == out_opts.version && init.pretty == 1);
  CHECK(dg_output_options_init(&init, 9) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_feed_options_init(&feed_init, DG_FEED_OPTIONS_VERSION) == DG_OK);
  CHECK(feed_init.pretty == 1 && feed_init.title == NULL && feed_init.feed_url == NULL);
  CHECK(dg_feed_options_init(&feed_init, 0) == DG_E_INVALID_ARGUMENT);

  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, doc, sizeof doc - 1, DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_collection_export_opts(c, DG_FORMAT_OWN, NULL, &pretty) == DG_OK);
  CHECK(strchr(dg_buffer_data(pretty), '\n') != NULL);
  out_opts.pretty = 0;
  CHECK(dg_collection_export_opts(c, DG_FORMAT_OWN, &out_opts, &compact) == DG_OK);
  CHECK(strchr(dg_buffer_data(compact), '\n') == NULL ||
        strchr(dg_buffer_data(compact), '\n') == dg_buffer_data(compact) + dg_buffer_size(compact) - 1);
  CHECK(strstr(dg_buffer_data(compact), "\"posted_on\":\"2021-08-17\"") != NULL);
  CHECK(dg_buffer_size(compact) == strlen(dg_buffer_data(compact)));
  CHECK(dg_collection_export_opts(c, DG_FORMAT_JSON_LINES, &out_opts, &jsonl) == DG_OK);
  /* Posts first, then the source lines: the last line is a source. */
  CHECK(strncmp(dg_buffer_data(jsonl), "{\"id\":", 6) == 0);
  CHECK(strstr(dg_buffer_data(jsonl), "\n{\"source\":") != NULL);
  CHECK(dg_buffer_data(jsonl)[dg_buffer_size(jsonl) - 1] == '\n');
  CHECK(dg_collection_export_opts(c, DG_FORMAT_WORDPRESS, NULL, &fb) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_export_opts(c, DG_FORMAT_DETECT, NULL, &fb) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_export_opts(c, (dg_format)-1, NULL, &fb) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_export(c, (dg_format)-2147483647, &fb) == DG_E_INVALID_ARGUMENT);
  out_opts.version = 0;
  CHECK(dg_collection_export_opts(c, DG_FORMAT_OWN, &out_opts, &fb) == DG_E_INVALID_ARGUMENT);
  CHECK(fb == NULL);
  out_opts.version = DG_OUTPUT_OPTIONS_VERSION;

  /* JSON Feed with its options. */
  feed.title = "River feed";
  feed.title_len = strlen(feed.title);
  feed.home_page_url = "https://example.org/";
  feed.home_page_url_len = strlen(feed.home_page_url);
  feed.feed_url = "https://example.org/feed.json";
  feed.feed_url_len = strlen(feed.feed_url);
  feed.pretty = 0;
  CHECK(dg_collection_export_feed(c, &feed, &fb) == DG_OK);
  CHECK(strstr(dg_buffer_data(fb), "\"title\":\"River feed\"") != NULL);
  CHECK(strstr(dg_buffer_data(fb), "\"home_page_url\":\"https://example.org/\"") != NULL);
  CHECK(strstr(dg_buffer_data(fb), "\"feed_url\":\"https://example.org/feed.json\"") != NULL);
  dg_buffer_free(fb);
  fb = NULL;
  CHECK(dg_collection_export_feed(c, NULL, &fb) == DG_OK);
  CHECK(strstr(dg_buffer_data(fb), "digestcore feed") != NULL);
  dg_buffer_free(fb);
  fb = NULL;
  feed.title = NULL; /* with a length: not a string */
  CHECK(dg_collection_export_feed(c, &feed, &fb) == DG_E_INVALID_ARGUMENT);
  feed.title = "\xFF";
  feed.title_len = 1;
  CHECK(dg_collection_export_feed(c, &feed, &fb) == DG_E_INVALID_UTF8);
  feed.version = 2;
  CHECK(dg_collection_export_feed(c, &feed, &fb) == DG_E_INVALID_ARGUMENT);

  /* Files: written atomically, readable back, replaced whole. */
  path_in_dir(path, sizeof path, "out.json");
  CHECK(dg_collection_export_file(c, path, DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_collection_new(&back) == DG_OK);
  CHECK(dg_collection_import_file(back, path, DG_FORMAT_DETECT, &n) == DG_OK && n == 1);
  CHECK(dg_collection_export_opts(back, DG_FORMAT_OWN, NULL, &again) == DG_OK);
  CHECK(same_buffers(pretty, again));
  dg_buffer_free(again);
  again = NULL;
  CHECK(dg_collection_export_file(back, path, DG_FORMAT_JSON_LINES, NULL) == DG_OK);
  dg_collection_free(back);
  CHECK(dg_collection_new(&back) == DG_OK);
  CHECK(dg_collection_import_file(back, path, DG_FORMAT_JSON_LINES, &n) == DG_OK && n == 1);
  dg_collection_free(back);
  back = NULL;
  path_in_dir(path, sizeof path, "out.feed.json");
  CHECK(dg_collection_export_file(c, path, DG_FORMAT_JSON_FEED, &out_opts) == DG_OK);
  CHECK(dg_collection_new(&back) == DG_OK);
  CHECK(dg_collection_import_file(back, path, DG_FORMAT_DETECT, &n) == DG_OK && n == 1);
  dg_collection_free(back);
  CHECK(dg_collection_export_file(c, path, DG_FORMAT_WORDPRESS, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_export_file(c, path, (dg_format)-1, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_export_file(c, "/nonexistent-dir/x/out.json", DG_FORMAT_OWN, NULL) ==
        DG_E_FILE_NOT_FOUND);
  CHECK(strlen(dg_last_error()) > 0);
  CHECK(dg_collection_export_file(c, NULL, DG_FORMAT_OWN, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_export_file(NULL, path, DG_FORMAT_OWN, NULL) == DG_E_INVALID_ARGUMENT);
  remove(path);
  path_in_dir(path, sizeof path, "out.json");
  remove(path);
  path_in_dir(path, sizeof path, "in.jsonl");
  remove(path);

  dg_buffer_free(pretty);
  dg_buffer_free(compact);
  dg_buffer_free(jsonl);
  dg_collection_free(c);
}

static void test_dictionaries(void) {
  static const char registry_json[] =
      "{\"sources\": [{\"id\": \"kavir\", \"name\": \"Kavir Daily\", \"aliases\": [\"Kaveer\"],"
      " \"founded\": 1961}]}";
  static const char gazetteer_json[] =
      "{\"entities\": [{\"id\": \"basin\", \"name\": \"Basin Authority\", \"type\": \"organization\","
      " \"aliases\": [\"SBA\"]}]}";
  dg_source_registry *reg = NULL, *reg2 = NULL;
  dg_gazetteer *g = NULL, *g2 = NULL;
  dg_output_options compact = DG_OUTPUT_OPTIONS_INIT;
  dg_buffer *a = NULL, *b = NULL;
  char path[128];
  size_t n = 0;

  compact.pretty = 0;
  path_in_dir(path, sizeof path, "registry.json");
  CHECK(dg_source_registry_load_json(&reg, registry_json, sizeof registry_json - 1) == DG_OK);
  CHECK(dg_source_registry_save(reg, path, &compact) == DG_OK);
  CHECK(dg_source_registry_load_file(&reg2, path) == DG_OK);
  CHECK(dg_source_registry_to_json(reg, &a) == DG_OK);
  CHECK(dg_source_registry_to_json(reg2, &b) == DG_OK);
  CHECK(same_buffers(a, b));
  CHECK(strstr(dg_buffer_data(a), "1961") != NULL);
  dg_buffer_free(a);
  dg_buffer_free(b);
  CHECK(dg_source_registry_save(reg, "/nonexistent-dir/r.json", NULL) == DG_E_FILE_NOT_FOUND);
  compact.version = 3;
  CHECK(dg_source_registry_save(reg, path, &compact) == DG_E_INVALID_ARGUMENT);
  compact.version = DG_OUTPUT_OPTIONS_VERSION;
  CHECK(dg_source_registry_save(NULL, path, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_registry_save(reg, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  remove(path);

  path_in_dir(path, sizeof path, "gazetteer.json");
  CHECK(dg_gazetteer_load_json(&g, gazetteer_json, sizeof gazetteer_json - 1) == DG_OK);
  CHECK(dg_gazetteer_save(g, path, NULL) == DG_OK);
  CHECK(dg_gazetteer_load_file(&g2, path) == DG_OK);
  CHECK(dg_gazetteer_to_json(g, &a) == DG_OK);
  CHECK(dg_gazetteer_to_json(g2, &b) == DG_OK);
  CHECK(same_buffers(a, b));
  dg_buffer_free(a);
  dg_buffer_free(b);
  dg_gazetteer_free(g2);
  g2 = NULL;
  /* Adding a file to a gazetteer: all or nothing. */
  CHECK(dg_gazetteer_new(&g2) == DG_OK);
  CHECK(dg_gazetteer_add_file(g2, path) == DG_OK);
  CHECK(dg_gazetteer_entity_count(g2, &n) == DG_OK && n == 1);
  CHECK(dg_gazetteer_add_file(g2, "/nonexistent-dir/g.json") == DG_E_FILE_NOT_FOUND);
  CHECK(dg_gazetteer_add_file(g2, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_add_file(NULL, path) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_save(g2, "/nonexistent-dir/g.json", NULL) == DG_E_FILE_NOT_FOUND);
  CHECK(dg_gazetteer_entity_count(g2, &n) == DG_OK && n == 1);
  remove(path);

  dg_gazetteer_free(g2);
  dg_gazetteer_free(g);
  dg_source_registry_free(reg2);
  dg_source_registry_free(reg);
}

int main(void) {
  strcpy(dir, "/tmp/dg_test_jsonXXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_import_options();
  test_detect();
  test_import_bounds();
  test_import_file();
  test_export();
  test_dictionaries();
  rmdir(dir);
  if (failures) {
    fprintf(stderr, "test_json: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_json: all checks passed\n");
  return 0;
}
