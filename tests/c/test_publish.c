/* The C API of publishing (since 0.3): period strings, options version 2
 * (sections, rank, locale, stories, limits), items with "also in", HTML,
 * a digest read back from its JSON, and the clippings site. */
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

/* One story (s1) told by three outlets in three languages, and a post
 * whose title and link are hostile. */
static const char doc[] =
    "{\"digestcore\": 1,"
    " \"sources\": [{\"id\": \"north\", \"name\": \"Northwind Courier\"},"
    "               {\"id\": \"kavir\", \"name\": \"Kavir Today\"},"
    "               {\"id\": \"wadi\", \"name\": \"Wadi Echo\"}],"
    " \"posts\": ["
    "  {\"id\": \"s1\", \"title\": \"Dam opens spillway\", \"source\": \"north\", \"language\": \"en\","
    "   \"posted_on\": \"2021-09-06\", \"story\": \"s1\", \"url\": \"https://north.example/s1\"},"
    "  {\"id\": \"s2\", \"title\": \"\\u0633\\u062f\", \"source\": \"kavir\", \"language\": \"fa\","
    "   \"posted_on\": \"2021-09-07\", \"story\": \"s1\", \"url\": \"https://kavir.example/s2\"},"
    "  {\"id\": \"s3\", \"title\": \"\\u0633\\u062f\", \"source\": \"wadi\", \"language\": \"ar\","
    "   \"posted_on\": \"2021-09-08\", \"story\": \"s1\", \"url\": \"https://wadi.example/s3\"},"
    "  {\"id\": \"h1\", \"title\": \"<script>alert(1)</script>\", \"source\": \"north\","
    "   \"posted_on\": \"2021-09-10\", \"url\": \"javascript:alert(1)\"}"
    " ]}";

static void test_periods(void) {
  dg_ymd first, last, ref = {2021, 9, 11};
  CHECK(dg_period_parse(S("P7D/2021-09-10"), NULL, &first, &last) == DG_OK);
  CHECK(first.day == 4 && last.day == 10 && last.month == 9);
  CHECK(dg_period_parse(S("week-ending:fri"), &ref, &first, &last) == DG_OK);
  CHECK(first.day == 4 && last.day == 10);
  CHECK(dg_period_parse(S("1400-06"), NULL, &first, &last) == DG_OK);
  CHECK(first.year == 2021 && first.month == 8 && first.day == 23);
  CHECK(last.month == 9 && last.day == 22);
  CHECK(dg_period_parse(S("2021-W54"), NULL, &first, &last) == DG_E_PARSE);
  CHECK(strstr(dg_last_error(), "2021-W54") != NULL);
  CHECK(dg_period_parse(NULL, 3, NULL, &first, &last) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_period_parse(S("\xff\xfe"), NULL, &first, &last) != DG_OK);
}

static void test_story_digest(dg_collection *c) {
  dg_digest_options opts = DG_DIGEST_OPTIONS_INIT;
  dg_digest *d = NULL, *back = NULL;
  const dg_digest_section *sec = NULL;
  const dg_post *post = NULL;
  const char *s = NULL;
  size_t n = 0, len = 0;
  dg_buffer *html = NULL, *js = NULL, *md = NULL;

  opts.group_by = DG_GROUP_BY_STORY;
  opts.rank = DG_RANK_OUTLETS;
  opts.locale = "fa";
  opts.locale_len = 2;
  CHECK(dg_digest_build(c, S("2021-W36"), &opts, &d) == DG_OK);
  CHECK(dg_digest_post_count(d, &n) == DG_OK && n == 2);
  CHECK(dg_digest_title(d, &s, &len) == DG_OK && strncmp(s, "\xd8\xae\xd9\x84\xd8\xa7\xd8\xb5", 8) == 0);
  CHECK(dg_digest_section_at(d, 0, &sec) == DG_OK);
  CHECK(dg_digest_section_item_story(sec, 0, &s, &len) == DG_OK && str_is(s, len, "s1"));
  CHECK(dg_digest_section_item_outlets(sec, 0, &n) == DG_OK && n == 3);
  CHECK(dg_digest_section_item_also_count(sec, 0, &n) == DG_OK && n == 2);
  CHECK(dg_digest_section_item_also_at(sec, 0, 1, &post) == DG_OK);
  CHECK(dg_post_get(post, DG_POST_ID, &s, &len) == DG_OK && str_is(s, len, "s3"));
  CHECK(dg_digest_section_item_also_at(sec, 0, 2, &post) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_section_item_outlets(sec, 9, &n) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_digest_section_item_outlets(NULL, 0, &n) == DG_E_INVALID_ARGUMENT);

  CHECK(dg_digest_render(d, DG_RENDER_HTML, &html) == DG_OK);
  CHECK(strncmp(dg_buffer_data(html), "<!DOCTYPE html>", 15) == 0);
  CHECK(strstr(dg_buffer_data(html), "<html lang=\"fa\" dir=\"rtl\">") != NULL);
  CHECK(strstr(dg_buffer_data(html), "<script") == NULL);
  CHECK(strstr(dg_buffer_data(html), "&lt;script&gt;") != NULL);
  CHECK(strstr(dg_buffer_data(html), "href=\"javascript") == NULL);
  CHECK(dg_digest_render(d, DG_RENDER_MARKDOWN, &md) == DG_OK);
  CHECK(strstr(dg_buffer_data(md), "](javascript") == NULL);

  /* The JSON reads back to the same digest. */
  CHECK(dg_digest_render(d, DG_RENDER_JSON, &js) == DG_OK);
  CHECK(dg_digest_from_json(dg_buffer_data(js), dg_buffer_size(js), &back) == DG_OK);
  CHECK(dg_digest_post_count(back, &n) == DG_OK && n == 2);
  CHECK(dg_digest_section_at(back, 0, &sec) == DG_OK);
  CHECK(dg_digest_section_item_also_count(sec, 0, &n) == DG_OK && n == 2);
  dg_digest_free(back);
  back = NULL;
  CHECK(dg_digest_from_json(S("{\"title\": 1}"), &back) == DG_E_WRONG_TYPE);
  CHECK(back == NULL);
  CHECK(dg_digest_from_json(S(""), &back) != DG_OK);

  dg_buffer_free(html);
  dg_buffer_free(js);
  dg_buffer_free(md);
  dg_digest_free(d);

  /* Bad enums and versions are rejected, not guessed. */
  opts.group_by = (dg_group_by)7;
  CHECK(dg_digest_build(c, S("2021-W36"), &opts, &d) == DG_E_INVALID_ARGUMENT);
  opts.group_by = DG_GROUP_BY_NONE;
  opts.rank = (dg_rank)-1;
  CHECK(dg_digest_build(c, S("2021-W36"), &opts, &d) == DG_E_INVALID_ARGUMENT);
  opts.rank = DG_RANK_NEWEST;
  opts.title = "{nope}";
  opts.title_len = 6;
  opts.locale = NULL;
  opts.locale_len = 0;
  /* A title with braces that is not a template is kept as written (0.2). */
  CHECK(dg_digest_build(c, S("2021-W36"), &opts, &d) == DG_OK);
  CHECK(dg_digest_title(d, &s, &len) == DG_OK && str_is(s, len, "{nope}"));
  dg_digest_free(d);
  opts.version = 9;
  CHECK(dg_digest_build(c, S("2021-W36"), &opts, &d) == DG_E_INVALID_ARGUMENT);
}

static void test_site(dg_collection *c) {
  char dir[] = "/tmp/dg_site_XXXXXX";
  char path[256];
  dg_site_options so = DG_SITE_OPTIONS_INIT;
  size_t files = 0;
  CHECK(mkdtemp(dir) != NULL);
  so.periods = DG_SITE_WEEKS_ENDING;
  so.week_ends = 5;
  CHECK(dg_site_write(c, dir, strlen(dir), &so, &files) == DG_OK);
  CHECK(files >= 6);
  snprintf(path, sizeof path, "%s/digests/2021-09-04-2021-09-10.html", dir);
  CHECK(access(path, R_OK) == 0);
  snprintf(path, sizeof path, "%s/index.html", dir);
  CHECK(access(path, R_OK) == 0);
  snprintf(path, sizeof path, "%s/feed.json", dir);
  CHECK(access(path, R_OK) == 0);
  so.periods = (dg_site_periods)9;
  CHECK(dg_site_write(c, dir, strlen(dir), &so, &files) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_site_write(c, NULL, 0, NULL, &files) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_site_options_init(&so, 2) == DG_E_INVALID_ARGUMENT);
  /* A folder under a regular file cannot be made. */
  snprintf(path, sizeof path, "%s/feed.json/site", dir);
  CHECK(dg_site_write(c, path, strlen(path), NULL, &files) == DG_E_IO);
}

int main(void) {
  dg_collection *c = NULL;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, doc, sizeof doc - 1, DG_FORMAT_OWN, NULL) == DG_OK);
  test_periods();
  test_story_digest(c);
  test_site(c);
  dg_collection_free(c);
  if (failures) {
    fprintf(stderr, "test_publish: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_publish: all checks passed\n");
  return 0;
}
