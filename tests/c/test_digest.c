/* The C API of digests: weeks and explicit ranges, titles and labels, the
 * period, sections with their sources and posts, and every renderer. */
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

static int str_is(const char *s, size_t len, const char *want) {
  return s != NULL && len == strlen(want) && memcmp(s, want, len) == 0 && s[len] == '\0';
}

static int ymd_is(dg_ymd d, int y, int m, int day) {
  return d.year == y && d.month == m && d.day == day;
}

/* W33 is 16-22 August 2021. p5's digest date is its published_on day. */
static const char doc[] =
    "{\"digestcore\": 1,"
    " \"sources\": [{\"id\": \"kavir\", \"name\": \"Kavir Daily\", \"country\": \"IR\"}],"
    " \"posts\": ["
    "  {\"id\": \"p1\", \"title\": \"B second\", \"source\": \"kavir\", \"posted_on\": \"2021-08-18\"},"
    "  {\"id\": \"p2\", \"title\": \"Outlet as typed\", \"source\": \"Unknown Outlet\", \"posted_on\": \"2021-08-18\"},"
    "  {\"id\": \"p3\", \"title\": \"No source\", \"posted_on\": \"2021-08-19\"},"
    "  {\"id\": \"p4\", \"title\": \"Next week\", \"source\": \"kavir\", \"posted_on\": \"2021-08-30\"},"
    "  {\"id\": \"p5\", \"title\": \"A first\", \"source\": \"kavir\","
    "   \"published_on\": \"2021-08-17T23:30:00-04:00\"},"
    "  {\"id\": \"p6\", \"title\": \"A same day\", \"source\": \"kavir\", \"posted_on\": \"2021-08-18\"}"
    " ]}";

static int section_is(const dg_digest *d, size_t index, const char *source_id,
                      const char *heading, size_t posts) {
  const dg_digest_section *sec = NULL;
  const char *s = NULL;
  size_t len = 0, n = 0;
  if (dg_digest_section_at(d, index, &sec) != DG_OK) return 0;
  if (dg_digest_section_get(sec, DG_SECTION_SOURCE_ID, &s, &len) != DG_OK ||
      !str_is(s, len, source_id))
    return 0;
  if (dg_digest_section_get(sec, DG_SECTION_HEADING, &s, &len) != DG_OK || !str_is(s, len, heading))
    return 0;
  return dg_digest_section_post_count(sec, &n) == DG_OK && n == posts;
}

static int section_post_is(const dg_digest *d, size_t section, size_t index, const char *id) {
  const dg_digest_section *sec = NULL;
  const dg_post *p = NULL;
  const char *s = NULL;
  size_t len = 0;
  return dg_digest_section_at(d, section, &sec) == DG_OK &&
         dg_digest_section_post_at(sec, index, &p) == DG_OK &&
         dg_post_get(p, DG_POST_ID, &s, &len) == DG_OK && str_is(s, len, id);
}

static void test_week(void) {
  dg_collection *c = NULL;
  dg_digest *d = NULL;
  const dg_digest_section *sec = NULL;
  const dg_source *src = NULL;
  const dg_post *p = NULL;
  const char *s = NULL;
  size_t len = 0, n = 0;
  dg_ymd first, last;

  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, doc, sizeof doc - 1, DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_digest_build_week(c, S("2021-W33"), &d) == DG_OK);
  CHECK(dg_digest_post_count(d, &n) == DG_OK && n == 5);
  CHECK(dg_digest_title(d, &s, &len) == DG_OK && str_is(s, len, "Weekly Digest \xE2\x80\x93 Aug 22, 2021"));
  CHECK(dg_digest_period(d, &first, &last, &s, &len) == DG_OK);
  CHECK(ymd_is(first, 2021, 8, 16) && ymd_is(last, 2021, 8, 22) && str_is(s, len, "2021-W33"));
  CHECK(dg_digest_period(d, NULL, NULL, NULL, NULL) == DG_OK);

  /* Sections by heading; posts without a source last. Inside a section: by
   * digest date, then title. */
  CHECK(dg_digest_section_count(d, &n) == DG_OK && n == 3);
  CHECK(section_is(d, 0, "kavir", "Kavir Daily", 3));
  CHECK(section_is(d, 1, "Unknown Outlet", "Unknown Outlet", 1));
  CHECK(section_is(d, 2, "", "Other sources", 1));
  CHECK(section_post_is(d, 0, 0, "p5"));
  CHECK(section_post_is(d, 0, 1, "p6"));
  CHECK(section_post_is(d, 0, 2, "p1"));
  CHECK(section_post_is(d, 2, 0, "p3"));

  /* The section's source, as the collection had it. */
  CHECK(dg_digest_section_at(d, 0, &sec) == DG_OK);
  CHECK(dg_digest_section_source(sec, &src) == DG_OK);
  CHECK(dg_source_get(src, DG_SOURCE_COUNTRY, &s, &len) == DG_OK && str_is(s, len, "IR"));
  CHECK(dg_digest_section_post_at(sec, 3, &p) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_section_get(sec, (dg_section_field)2, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_section_get(sec, (dg_section_field)-1, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_section_at(d, 1, &sec) == DG_OK);
  src = NULL;
  CHECK(dg_digest_section_source(sec, &src) == DG_E_NOT_FOUND && src == NULL);
  CHECK(dg_digest_section_at(d, 3, &sec) == DG_E_INVALID_ARGUMENT);

  /* The digest owns its copies: it outlives the collection. */
  dg_collection_free(c);
  CHECK(section_post_is(d, 0, 0, "p5"));
  CHECK(dg_digest_section_at(d, 0, &sec) == DG_OK);
  CHECK(dg_digest_section_post_at(sec, 0, &p) == DG_OK);
  {
    dg_datetime dt;
    CHECK(dg_post_published_on(p, &dt) == DG_OK && dt.utc_offset_minutes == -240);
  }

  CHECK(dg_digest_section_count(NULL, &n) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_section_get(NULL, DG_SECTION_HEADING, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_section_source(NULL, &src) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_section_post_count(NULL, &n) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_title(d, NULL, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_period(NULL, &first, NULL, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_digest_free(d);
}

static void test_range_and_options(void) {
  dg_collection *c = NULL;
  dg_digest *d = NULL;
  dg_digest_options opts = DG_DIGEST_OPTIONS_INIT, init;
  dg_ymd first = {2021, 8, 18}, last = {2021, 8, 19}, bad = {2021, 2, 29};
  dg_ymd f, l;
  const char *s = NULL;
  size_t len = 0, n = 0;

  CHECK(dg_digest_options_init(&init, DG_DIGEST_OPTIONS_VERSION) == DG_OK);
  CHECK(init.version == opts.version && init.title == NULL && init.label == NULL);
  CHECK(dg_digest_options_init(&init, 3) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, doc, sizeof doc - 1, DG_FORMAT_OWN, NULL) == DG_OK);

  CHECK(dg_digest_build_range(c, &first, &last, NULL, &d) == DG_OK);
  CHECK(dg_digest_post_count(d, &n) == DG_OK && n == 4); /* p1, p2, p6 on the 18th, p3 */
  CHECK(dg_digest_period(d, &f, &l, &s, &len) == DG_OK);
  CHECK(ymd_is(f, 2021, 8, 18) && ymd_is(l, 2021, 8, 19));
  CHECK(str_is(s, len, "2021-08-18/2021-08-19"));
  CHECK(dg_digest_title(d, &s, &len) == DG_OK && strncmp(s, "Digest \xE2\x80\x93 Aug 18", 14) == 0);
  dg_digest_free(d);
  d = NULL;

  /* One day; a title and a label of one's own. */
  opts.title = "River week";
  opts.title_len = strlen(opts.title);
  opts.label = "mid-August";
  opts.label_len = strlen(opts.label);
  CHECK(dg_digest_build_range(c, &last, &last, &opts, &d) == DG_OK);
  CHECK(dg_digest_post_count(d, &n) == DG_OK && n == 1);
  CHECK(dg_digest_title(d, &s, &len) == DG_OK && str_is(s, len, "River week"));
  CHECK(dg_digest_period(d, NULL, NULL, &s, &len) == DG_OK && str_is(s, len, "mid-August"));
  dg_digest_free(d);
  d = NULL;
  opts.title = NULL;
  opts.title_len = 0;
  CHECK(dg_digest_build_week_opts(c, S("2021-W34"), &opts, &d) == DG_OK);
  /* The label is the title template's {label}. */
  opts.title = "Digest {label}";
  opts.title_len = strlen(opts.title);
  dg_digest_free(d);
  d = NULL;
  CHECK(dg_digest_build_week_opts(c, S("2021-W34"), &opts, &d) == DG_OK);
  CHECK(dg_digest_title(d, &s, &len) == DG_OK && str_is(s, len, "Digest mid-August"));
  opts.title = NULL;
  opts.title_len = 0;
  CHECK(dg_digest_post_count(d, &n) == DG_OK && n == 0);
  CHECK(dg_digest_section_count(d, &n) == DG_OK && n == 0);
  dg_digest_free(d);
  d = NULL;

  /* The ISO week of a day: Thursday 19 August 2021 is in 2021-W33. */
  {
    dg_ymd thursday = {2021, 8, 19}, new_year = {2021, 1, 1};
    dg_digest_options plain = DG_DIGEST_OPTIONS_INIT;
    CHECK(dg_digest_build_week_of(c, &thursday, NULL, &d) == DG_OK);
    CHECK(dg_digest_period(d, &f, &l, &s, &len) == DG_OK);
    CHECK(ymd_is(f, 2021, 8, 16) && ymd_is(l, 2021, 8, 22) && str_is(s, len, "2021-W33"));
    CHECK(dg_digest_post_count(d, &n) == DG_OK && n == 5);
    dg_digest_free(d);
    d = NULL;
    /* 1 January 2021 is a Friday of 2020-W53. */
    CHECK(dg_digest_build_week_of(c, &new_year, &plain, &d) == DG_OK);
    CHECK(dg_digest_period(d, &f, NULL, &s, &len) == DG_OK);
    CHECK(ymd_is(f, 2020, 12, 28) && str_is(s, len, "2020-W53"));
    dg_digest_free(d);
    d = NULL;
    /* Weeks that reach outside the calendar's years 1400 to 9999. */
    new_year.year = 1400; /* its week starts on 30 December 1399 */
    CHECK(dg_digest_build_week_of(c, &new_year, NULL, &d) == DG_E_INVALID_ARGUMENT);
    new_year.year = 9999;
    new_year.month = 12;
    new_year.day = 31;
    CHECK(dg_digest_build_week_of(c, &new_year, NULL, &d) == DG_E_INVALID_ARGUMENT);
    new_year.month = 1;
    new_year.day = 0;
    CHECK(dg_digest_build_week_of(c, &new_year, NULL, &d) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_digest_build_week_of(c, NULL, NULL, &d) == DG_E_INVALID_ARGUMENT);
  }

  /* Bad periods and options: nothing built. */
  CHECK(dg_digest_build_range(c, &last, &first, NULL, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_build_range(c, &bad, &last, NULL, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "first") == 0);
  bad.year = 1399;
  bad.month = 12;
  bad.day = 31;
  CHECK(dg_digest_build_range(c, &bad, &last, NULL, &d) == DG_E_INVALID_ARGUMENT);
  bad.year = 2021;
  bad.month = 0;
  CHECK(dg_digest_build_range(c, &first, &bad, NULL, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_build_range(c, NULL, &last, NULL, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_build_range(c, &first, NULL, NULL, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_build_range(NULL, &first, &last, NULL, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_build_range(c, &first, &last, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  opts.version = 0;
  CHECK(dg_digest_build_range(c, &first, &last, &opts, &d) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_build_week_opts(c, S("2021-W33"), &opts, &d) == DG_E_INVALID_ARGUMENT);
  opts.version = DG_DIGEST_OPTIONS_VERSION;
  opts.title = "\xC3\x28";
  opts.title_len = 2;
  CHECK(dg_digest_build_range(c, &first, &last, &opts, &d) == DG_E_INVALID_UTF8);
  CHECK(dg_digest_build_week_opts(c, S("2021-W54"), NULL, &d) == DG_E_PARSE);
  CHECK(d == NULL);
  dg_collection_free(c);
}

static void test_render(void) {
  dg_collection *c = NULL;
  dg_digest *d = NULL;
  dg_buffer *md = NULL, *js = NULL, *compact = NULL, *feed = NULL, *custom = NULL, *none = NULL;
  dg_output_options out = DG_OUTPUT_OPTIONS_INIT;
  dg_feed_options fo = DG_FEED_OPTIONS_INIT;

  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, doc, sizeof doc - 1, DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_digest_build_week(c, S("2021-W33"), &d) == DG_OK);

  CHECK(dg_digest_render(d, DG_RENDER_MARKDOWN, &md) == DG_OK);
  CHECK(strncmp(dg_buffer_data(md), "# Weekly Digest", 15) == 0);
  CHECK(strstr(dg_buffer_data(md), "## Kavir Daily") != NULL);
  CHECK(strstr(dg_buffer_data(md), "## Other sources") != NULL);
  CHECK(dg_buffer_size(md) == strlen(dg_buffer_data(md)));

  CHECK(dg_digest_render(d, DG_RENDER_JSON, &js) == DG_OK);
  CHECK(strstr(dg_buffer_data(js), "\"p5\"") != NULL);
  CHECK(strchr(dg_buffer_data(js), '\n') != NULL);
  out.pretty = 0;
  CHECK(dg_digest_render_opts(d, DG_RENDER_JSON, &out, &compact) == DG_OK);
  CHECK(dg_buffer_size(compact) < dg_buffer_size(js));
  CHECK(strstr(dg_buffer_data(compact), "\"id\":\"p5\"") != NULL);

  /* JSON Feed: the digest's posts in digest order, titled by the digest. */
  CHECK(dg_digest_render(d, DG_RENDER_JSON_FEED, &feed) == DG_OK);
  CHECK(strstr(dg_buffer_data(feed), "https://jsonfeed.org/version/1.1") != NULL);
  CHECK(strstr(dg_buffer_data(feed), "Weekly Digest") != NULL);
  CHECK(strstr(dg_buffer_data(feed), "\"p5\"") < strstr(dg_buffer_data(feed), "\"p6\""));
  CHECK(strstr(dg_buffer_data(feed), "\"p6\"") < strstr(dg_buffer_data(feed), "\"p3\""));
  CHECK(strstr(dg_buffer_data(feed), "\"p4\"") == NULL);
  {
    /* It imports back as a collection of the digest's posts. */
    dg_collection *back = NULL;
    size_t n = 0;
    CHECK(dg_collection_new(&back) == DG_OK);
    CHECK(dg_collection_import_json(back, dg_buffer_data(feed), dg_buffer_size(feed),
                                    DG_FORMAT_JSON_FEED, &n) == DG_OK && n == 5);
    dg_collection_free(back);
  }
  fo.title = "Sarvan watch";
  fo.title_len = strlen(fo.title);
  fo.feed_url = "https://example.org/w33.json";
  fo.feed_url_len = strlen(fo.feed_url);
  fo.pretty = 0;
  CHECK(dg_digest_render_feed(d, &fo, &custom) == DG_OK);
  CHECK(strstr(dg_buffer_data(custom), "\"title\":\"Sarvan watch\"") != NULL);
  CHECK(strstr(dg_buffer_data(custom), "\"feed_url\":\"https://example.org/w33.json\"") != NULL);
  CHECK(strstr(dg_buffer_data(custom), "\"title\":") == strstr(dg_buffer_data(custom), "\"title\":\"Sarvan watch\""));

  /* Unknown formats and options. */
  CHECK(dg_digest_render(d, (dg_render_format)4, &none) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_render(d, (dg_render_format)-1, &none) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_render(d, DG_RENDER_FORMAT_FORCE_INT, &none) == DG_E_INVALID_ARGUMENT);
  out.version = 2;
  CHECK(dg_digest_render_opts(d, DG_RENDER_MARKDOWN, &out, &none) == DG_E_INVALID_ARGUMENT);
  fo.version = 0;
  CHECK(dg_digest_render_feed(d, &fo, &none) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_render_feed(NULL, NULL, &none) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_render_feed(d, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(none == NULL);

  dg_buffer_free(md);
  dg_buffer_free(js);
  dg_buffer_free(compact);
  dg_buffer_free(feed);
  dg_buffer_free(custom);
  dg_digest_free(d);
  dg_collection_free(c);
}

int main(void) {
  test_week();
  test_range_and_options();
  test_render();
  if (failures) {
    fprintf(stderr, "test_digest: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_digest: all checks passed\n");
  return 0;
}
