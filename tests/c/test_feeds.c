/* RSS and Atom through the C API: detection, the report's warnings and
 * format, the duplicate policies when a feed is polled twice, a declared
 * legacy encoding, progress, strict mode and version 1 option structs. */
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

static const char rss[] =
    "<?xml version=\"1.0\"?>\n"
    "<rss version=\"2.0\"><channel><title>Harbour Lights</title>\n"
    "<link>https://harbour-lights.example/</link>\n"
    "<item><title>Ferry &amp; bus times change</title>\n"
    "<link>https://harbour-lights.example/a?utm_source=rss</link>\n"
    "<pubDate>Tue, 04 Jun 2024 08:30:00 BST</pubDate>\n"
    "<description>&lt;p&gt;New &lt;b&gt;summer&lt;/b&gt; timetable.&lt;/p&gt;</description>\n"
    "</item>\n"
    "<item><guid isPermaLink=\"false\">hl-2</guid><title>Second</title>\n"
    "<pubDate>Wed, 05 Jun 2024 09:00:00 GMT</pubDate></item>\n"
    "</channel></rss>\n";

static unsigned long progress_calls = 0;
static void on_progress(void *user, uint64_t read, uint64_t total, size_t records) {
  (void)user;
  (void)records;
  if (read <= total) ++progress_calls;
}

static void test_rss(void) {
  dg_collection *c = NULL;
  dg_import_report *report = NULL;
  dg_import_options opts = DG_IMPORT_OPTIONS_INIT;
  dg_format f = DG_FORMAT_OWN;
  size_t n = 0, kept = 0, replaced = 0, merged = 0, len = 0;
  const char *text = NULL;
  int code = 0;
  uint64_t line = 0;

  CHECK(dg_detect_format(S(rss), &f) == DG_OK && f == DG_FORMAT_XML_FEED);
  CHECK(dg_collection_new(&c) == DG_OK);
  opts.on_progress = on_progress;
  CHECK(dg_collection_import_json_opts(c, S(rss), &opts, &report) == DG_OK);
  CHECK(progress_calls > 0);
  CHECK(dg_import_report_format(report, &f) == DG_OK && f == DG_FORMAT_XML_FEED);
  CHECK(dg_import_report_posts_added(report, &n) == DG_OK && n == 2);
  /* The first item has no guid: its link is its id, and that is a repair. */
  CHECK(dg_import_report_warnings_count(report, &n) == DG_OK && n >= 1);
  CHECK(dg_import_report_warnings_kept(report, &n) == DG_OK && n >= 1);
  CHECK(dg_import_report_warning_at(report, 0, &code, &line, NULL) == DG_OK);
  CHECK(code == DG_E_MISSING_FIELD && line == 4);
  CHECK(dg_import_report_warning_text(report, 0, DG_ERROR_TEXT_MESSAGE, &text, &len) == DG_OK);
  CHECK(text && strstr(text, "link") != NULL && strlen(text) == len);
  CHECK(dg_import_report_warning_at(report, 99, NULL, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_import_report_free(report);
  report = NULL;

  /* Polled again: an error by default, nothing changes with a policy. */
  CHECK(dg_collection_import_json_opts(c, S(rss), &opts, NULL) == DG_E_DUPLICATE_ID);
  opts.on_duplicate = DG_ON_DUPLICATE_MERGE;
  CHECK(dg_collection_import_json_opts(c, S(rss), &opts, &report) == DG_OK);
  CHECK(dg_import_report_posts_added(report, &n) == DG_OK && n == 0);
  CHECK(dg_import_report_duplicates(report, &kept, &replaced, &merged) == DG_OK);
  CHECK(kept == 0 && replaced == 0 && merged == 2);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);
  dg_import_report_free(report);
  opts.on_duplicate = (dg_on_duplicate)9;
  CHECK(dg_collection_import_json_opts(c, S(rss), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  opts.on_duplicate = DG_ON_DUPLICATE_ERROR;

  /* Strict: the missing guid is an error, and nothing is added. */
  dg_collection_free(c);
  CHECK(dg_collection_new(&c) == DG_OK);
  opts.strict = 1;
  CHECK(dg_collection_import_json_opts(c, S(rss), &opts, NULL) == DG_E_MISSING_FIELD);
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 0);
  opts.strict = 0;

  /* An HTML page is not a feed, and the error says so. */
  CHECK(dg_collection_import_json_opts(c, S("<!DOCTYPE html><html><body>x</body></html>"),
                                       &opts, NULL) == DG_E_PARSE);
  CHECK(strstr(dg_last_error(), "HTML page") != NULL);
  dg_collection_free(c);
}

static void test_encoding_and_v1(void) {
  /* "Привет" in Windows-1251, declared, then forced on an undeclared copy. */
  static const char declared[] =
      "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel>"
      "<title>T</title><item><guid>g1</guid><title>\xcf\xf0\xe8\xe2\xe5\xf2</title></item>"
      "</channel></rss>";
  static const char bare[] =
      "<rss version=\"2.0\"><channel><title>T</title><item><guid>g1</guid>"
      "<title>\xcf\xf0\xe8\xe2\xe5\xf2</title></item></channel></rss>";
  dg_collection *c = NULL;
  dg_import_options opts = DG_IMPORT_OPTIONS_INIT;
  dg_import_options v1;
  const dg_post *p = NULL;
  const char *title = NULL;
  size_t len = 0;

  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json_opts(c, S(declared), &opts, NULL) == DG_OK);
  CHECK(dg_collection_post_at(c, 0, &p) == DG_OK);
  CHECK(dg_post_get(p, DG_POST_TITLE, &title, &len) == DG_OK);
  CHECK(len == 12 && memcmp(title, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", 12) == 0);
  dg_collection_free(c);

  CHECK(dg_collection_new(&c) == DG_OK);
  opts.encoding = "cp1251";
  opts.encoding_len = 6;
  CHECK(dg_collection_import_json_opts(c, S(bare), &opts, NULL) == DG_OK);
  CHECK(dg_collection_post_at(c, 0, &p) == DG_OK && dg_post_get(p, DG_POST_TITLE, &title, &len) == DG_OK);
  CHECK(len == 12 && memcmp(title, "\xd0\x9f", 2) == 0);
  opts.encoding = "no-such-charset";
  opts.encoding_len = strlen(opts.encoding);
  CHECK(dg_collection_import_json_opts(c, S(bare), &opts, NULL) == DG_E_INVALID_ARGUMENT);
  dg_collection_free(c);

  /* A version 1 struct (a program built against 0.2) still works, and
   * dg_import_options_init(…, 1) writes nothing past its end. */
  memset(&v1, 0x5a, sizeof v1);
  CHECK(dg_import_options_init(&v1, 1) == DG_OK);
  CHECK(v1.version == 1 && v1.max_depth == 64);
  CHECK(((const unsigned char *)&v1)[sizeof v1 - 1] == 0x5a);
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json_opts(c, S(rss), &v1, NULL) == DG_OK);
  dg_collection_free(c);
}

int main(void) {
  test_rss();
  test_encoding_and_v1();
  if (failures) fprintf(stderr, "%d failures\n", failures);
  return failures ? 1 : 0;
}
