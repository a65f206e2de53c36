/* The C API of the model: every post and source field (dates with time and
 * offset, authors, tags, extras, aliases), and building posts and sources
 * without JSON, with the errors each call can give. */
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

/* s[0..len) equals the literal, and s is NUL-terminated at len. */
static int str_is(const char *s, size_t len, const char *want) {
  return s != NULL && len == strlen(want) && memcmp(s, want, len) == 0 && s[len] == '\0';
}

static int post_field_is(const dg_post *p, dg_post_field f, const char *want) {
  const char *s = NULL;
  size_t n = 0;
  return dg_post_get(p, f, &s, &n) == DG_OK && str_is(s, n, want);
}

static int source_field_is(const dg_source *src, dg_source_field f, const char *want) {
  const char *s = NULL;
  size_t n = 0;
  return dg_source_get(src, f, &s, &n) == DG_OK && str_is(s, n, want);
}

static const char doc[] =
    "{\"digestcore\": 1,"
    " \"sources\": [{\"id\": \"kavir\", \"name\": \"Kavir Daily\", \"aliases\": [\"\xDA\xA9\xD9\x88\xDB\x8C\xD8\xB1\", \"Kaveer\"],"
    "   \"url\": \"https://kavir.example\", \"language\": \"fa\", \"country\": \"IR\", \"founded\": 1961}],"
    " \"posts\": ["
    "  {\"id\": \"p1\", \"title\": \"River talks\", \"url\": \"https://kavir.example/1\","
    "   \"posted_on\": \"2021-08-23T10:05:00+04:30\", \"published_on\": \"2021-08-22\","
    "   \"authors\": [\"A. Writer\"], \"source\": \"kavir\", \"place\": \"Zarvand\","
    "   \"excerpt\": \"Ex\", \"body\": \"Body\", \"language\": \"en\", \"tags\": [\"water\", \"accord\"],"
    "   \"geo\": {\"lat\": 31.5, \"lon\": [1, 2]}, \"paywall\": false,"
    "   \"cluster\": \"p1\", \"story\": \"p2\"},"
    "  {\"id\": \"p2\", \"published_on\": \"2021-08-24T23:59:59Z\"},"
    "  {\"id\": \"p3\"}"
    " ]}";

static void test_reading(void) {
  dg_collection *c = NULL;
  const dg_post *p = NULL;
  const dg_source *src = NULL;
  const char *s = NULL, *name = NULL;
  size_t n = 0, len = 0, name_len = 0;
  dg_datetime dt;
  int y = 0, m = 0, d = 0;

  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, doc, sizeof doc - 1, DG_FORMAT_OWN, NULL) == DG_OK);

  /* Sources. */
  CHECK(dg_collection_source_count(c, &n) == DG_OK && n == 1);
  CHECK(dg_collection_source_at(c, 0, &src) == DG_OK);
  CHECK(source_field_is(src, DG_SOURCE_ID, "kavir"));
  CHECK(source_field_is(src, DG_SOURCE_NAME, "Kavir Daily"));
  CHECK(source_field_is(src, DG_SOURCE_URL, "https://kavir.example"));
  CHECK(source_field_is(src, DG_SOURCE_LANGUAGE, "fa"));
  CHECK(source_field_is(src, DG_SOURCE_COUNTRY, "IR"));
  CHECK(dg_source_get(src, (dg_source_field)5, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_get(src, (dg_source_field)-1, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_alias_count(src, &n) == DG_OK && n == 2);
  CHECK(dg_source_alias_at(src, 0, &s, &len) == DG_OK && str_is(s, len, "\xDA\xA9\xD9\x88\xDB\x8C\xD8\xB1"));
  CHECK(dg_source_alias_at(src, 1, &s, &len) == DG_OK && str_is(s, len, "Kaveer"));
  CHECK(dg_source_alias_at(src, 2, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_extra_count(src, &n) == DG_OK && n == 1);
  CHECK(dg_source_extra_at(src, 0, &name, &name_len, &s, &len) == DG_OK);
  CHECK(str_is(name, name_len, "founded") && str_is(s, len, "1961"));
  CHECK(dg_source_find_extra(src, S("founded"), &s, &len) == DG_OK && str_is(s, len, "1961"));
  CHECK(dg_source_find_extra(src, S("nope"), &s, &len) == DG_E_NOT_FOUND);
  CHECK(dg_collection_source_at(c, 1, &src) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_find_source(c, S("kavir"), &src) == DG_OK);
  CHECK(dg_collection_find_source(c, S("nope"), &src) == DG_E_NOT_FOUND);
  CHECK(strcmp(dg_last_error_field(), "id") == 0);

  /* Every post field. */
  CHECK(dg_collection_find_post(c, S("p1"), &p) == DG_OK);
  CHECK(post_field_is(p, DG_POST_ID, "p1"));
  CHECK(post_field_is(p, DG_POST_TITLE, "River talks"));
  CHECK(post_field_is(p, DG_POST_URL, "https://kavir.example/1"));
  CHECK(post_field_is(p, DG_POST_SOURCE, "kavir"));
  CHECK(post_field_is(p, DG_POST_PLACE, "Zarvand"));
  CHECK(post_field_is(p, DG_POST_EXCERPT, "Ex"));
  CHECK(post_field_is(p, DG_POST_BODY, "Body"));
  CHECK(post_field_is(p, DG_POST_LANGUAGE, "en"));
  CHECK(post_field_is(p, DG_POST_CLUSTER, "p1"));
  CHECK(post_field_is(p, DG_POST_STORY, "p2"));
  CHECK(DG_POST_CLUSTER == 8 && DG_POST_STORY == 9); /* appended: the older values stay */
  /* 8 was the first invalid value before 0.3 added DG_POST_CLUSTER. */
  CHECK(dg_post_get(p, (dg_post_field)10, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_get(p, (dg_post_field)-1, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_get(p, DG_POST_FIELD_FORCE_INT, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_get(p, DG_POST_FIELD_FORCE_INT_MIN, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_author_count(p, &n) == DG_OK && n == 1);
  CHECK(dg_post_author_at(p, 0, &s, &len) == DG_OK && str_is(s, len, "A. Writer"));
  CHECK(dg_post_tag_count(p, &n) == DG_OK && n == 2);
  CHECK(dg_post_tag_at(p, 1, &s, &len) == DG_OK && str_is(s, len, "accord"));
  CHECK(dg_post_extra_count(p, &n) == DG_OK && n == 2); /* cluster and story are no extras */
  CHECK(dg_post_find_extra(p, S("cluster"), &s, &len) == DG_E_NOT_FOUND);
  /* Not set: "" like every other text field. */
  CHECK(dg_collection_find_post(c, S("p2"), &p) == DG_OK);
  CHECK(post_field_is(p, DG_POST_CLUSTER, "") && post_field_is(p, DG_POST_STORY, ""));
  CHECK(dg_collection_find_post(c, S("p1"), &p) == DG_OK);

  memset(&dt, 0x55, sizeof dt);
  CHECK(dg_post_posted_on(p, &dt) == DG_OK);
  CHECK(dt.year == 2021 && dt.month == 8 && dt.day == 23);
  CHECK(dt.has_time && dt.seconds == 10 * 3600 + 5 * 60);
  CHECK(dt.has_offset && dt.utc_offset_minutes == 270);
  CHECK(dg_post_published_on(p, &dt) == DG_OK);
  CHECK(dt.year == 2021 && dt.month == 8 && dt.day == 22 && !dt.has_time && !dt.has_offset);
  CHECK(dg_post_digest_date(p, &y, &m, &d) == DG_OK && y == 2021 && m == 8 && d == 23);

  CHECK(dg_post_extra_count(p, &n) == DG_OK && n == 2);
  CHECK(dg_post_extra_at(p, 0, &name, &name_len, &s, &len) == DG_OK);
  CHECK(str_is(name, name_len, "geo") && str_is(s, len, "{\"lat\":31.5,\"lon\":[1,2]}"));
  CHECK(dg_post_extra_at(p, 1, &name, &name_len, NULL, NULL) == DG_OK &&
        str_is(name, name_len, "paywall"));
  CHECK(dg_post_extra_at(p, 2, &name, &name_len, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_find_extra(p, S("paywall"), &s, &len) == DG_OK && str_is(s, len, "false"));
  CHECK(dg_post_find_extra(p, S("title"), &s, &len) == DG_E_NOT_FOUND);
  CHECK(dg_post_find_extra(p, NULL, 3, &s, &len) == DG_E_INVALID_ARGUMENT);

  /* A time in UTC ("Z") has offset 0; a post with only published_on files
   * under it; a post with neither date has none. */
  CHECK(dg_collection_find_post(c, S("p2"), &p) == DG_OK);
  CHECK(dg_post_posted_on(p, &dt) == DG_E_NOT_FOUND);
  CHECK(strcmp(dg_last_error_field(), "posted_on") == 0);
  CHECK(dg_post_published_on(p, &dt) == DG_OK);
  CHECK(dt.has_time && dt.seconds == 86399 && dt.has_offset && dt.utc_offset_minutes == 0);
  CHECK(dg_post_digest_date(p, &y, &m, &d) == DG_OK && d == 24);
  CHECK(dg_post_extra_count(p, &n) == DG_OK && n == 0);
  CHECK(dg_collection_find_post(c, S("p3"), &p) == DG_OK);
  CHECK(dg_post_published_on(p, &dt) == DG_E_NOT_FOUND);
  CHECK(dg_post_digest_date(p, &y, &m, &d) == DG_E_NOT_FOUND);
  CHECK(post_field_is(p, DG_POST_TITLE, ""));

  /* NULL arguments. */
  CHECK(dg_post_posted_on(NULL, &dt) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_posted_on(p, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_extra_count(NULL, &n) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_get(NULL, DG_SOURCE_ID, &s, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_alias_count(NULL, &n) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_source_count(NULL, &n) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_source_count(c, NULL) == DG_E_INVALID_ARGUMENT);
  dg_collection_free(c);
}

static void test_post_builder(void) {
  dg_post_builder *b = NULL, *copy = NULL;
  dg_collection *c = NULL, *back = NULL;
  const dg_post *p = NULL;
  dg_buffer *out1 = NULL, *out2 = NULL;
  dg_datetime posted = {2021, 8, 23, 1, 10 * 3600 + 5 * 60, 1, 270};
  dg_datetime published = {2021, 8, 22, 0, 0, 0, 0};
  dg_datetime got;
  const char *s = NULL;
  size_t n = 0, len = 0;
  uint64_t line = 0;
  int64_t offset = 0;

  CHECK(dg_post_builder_new(&b) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_ID, S("b1")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_TITLE, S("Built \xE2\x80\x9Cwithout\xE2\x80\x9D JSON")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_URL, S("https://example.org/b1")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_SOURCE, S("kavir")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_PLACE, S("Zarvand")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_EXCERPT, S("Short")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_BODY, S("Long\nbody")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_LANGUAGE, S("en")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_CLUSTER, S("b0")) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_STORY, S("b\xC3\xA9")) == DG_OK);
  CHECK(dg_post_builder_set_posted_on(b, &posted) == DG_OK);
  CHECK(dg_post_builder_set_published_on(b, &published) == DG_OK);
  CHECK(dg_post_builder_add_author(b, S("A. Writer")) == DG_OK);
  CHECK(dg_post_builder_add_author(b, S("B. Writer")) == DG_OK);
  CHECK(dg_post_builder_add_tag(b, S("water")) == DG_OK);
  CHECK(dg_post_builder_set_extra(b, S("geo"), S(" { \"lat\" : 31.5 , \"name\" : \"a b\" } ")) == DG_OK);
  CHECK(dg_post_builder_set_extra(b, S("paywall"), S("true")) == DG_OK);
  CHECK(dg_post_builder_set_extra(b, S("paywall"), S("false")) == DG_OK); /* replaces */

  /* The builder's post reads like any other. */
  CHECK(dg_post_builder_view(b, &p) == DG_OK);
  CHECK(post_field_is(p, DG_POST_TITLE, "Built \xE2\x80\x9Cwithout\xE2\x80\x9D JSON"));
  CHECK(post_field_is(p, DG_POST_BODY, "Long\nbody"));
  CHECK(post_field_is(p, DG_POST_CLUSTER, "b0"));
  CHECK(post_field_is(p, DG_POST_STORY, "b\xC3\xA9"));
  CHECK(dg_post_author_count(p, &n) == DG_OK && n == 2);
  CHECK(dg_post_extra_count(p, &n) == DG_OK && n == 2);
  CHECK(dg_post_find_extra(p, S("geo"), &s, &len) == DG_OK &&
        str_is(s, len, "{\"lat\":31.5,\"name\":\"a b\"}"));
  CHECK(dg_post_find_extra(p, S("paywall"), &s, &len) == DG_OK && str_is(s, len, "false"));
  CHECK(dg_post_posted_on(p, &got) == DG_OK && got.seconds == posted.seconds &&
        got.utc_offset_minutes == 270);

  /* Bad input: the builder is unchanged. */
  CHECK(dg_post_builder_set(b, DG_POST_TITLE, S("bad \xC3 byte")) == DG_E_INVALID_UTF8);
  CHECK(strcmp(dg_last_error_field(), "title") == 0);
  CHECK(dg_last_error_position(&line, &offset) == DG_OK && offset == 4);
  CHECK(dg_post_builder_add_author(b, S("\xED\xA0\x80")) == DG_E_INVALID_UTF8); /* a surrogate */
  CHECK(dg_post_builder_add_tag(b, S("\xFF")) == DG_E_INVALID_UTF8);
  CHECK(dg_post_builder_set(b, DG_POST_TITLE, NULL, 3) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set(b, (dg_post_field)-1, S("x")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set(b, (dg_post_field)99, S("x")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set(b, (dg_post_field)10, S("x")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set(b, DG_POST_STORY, S("\xED\xA0\x80")) == DG_E_INVALID_UTF8);
  CHECK(strcmp(dg_last_error_field(), "story") == 0);
  CHECK(dg_post_builder_set(b, DG_POST_CLUSTER, NULL, 2) == DG_E_INVALID_ARGUMENT);
  CHECK(post_field_is(p, DG_POST_STORY, "b\xC3\xA9"));
  CHECK(post_field_is(p, DG_POST_TITLE, "Built \xE2\x80\x9Cwithout\xE2\x80\x9D JSON"));
  CHECK(dg_post_author_count(p, &n) == DG_OK && n == 2);
  {
    dg_datetime bad = posted;
    bad.month = 2;
    bad.day = 30;
    CHECK(dg_post_builder_set_posted_on(b, &bad) == DG_E_INVALID_ARGUMENT);
    CHECK(strcmp(dg_last_error_field(), "posted_on") == 0);
    bad = posted;
    bad.year = 1399;
    CHECK(dg_post_builder_set_posted_on(b, &bad) == DG_E_INVALID_ARGUMENT);
    bad = posted;
    bad.month = 13;
    CHECK(dg_post_builder_set_posted_on(b, &bad) == DG_E_INVALID_ARGUMENT);
    bad = posted;
    bad.seconds = 86400;
    CHECK(dg_post_builder_set_posted_on(b, &bad) == DG_E_INVALID_ARGUMENT);
    bad.seconds = -1;
    CHECK(dg_post_builder_set_posted_on(b, &bad) == DG_E_INVALID_ARGUMENT);
    bad = posted;
    bad.has_time = 0; /* an offset needs a time */
    CHECK(dg_post_builder_set_published_on(b, &bad) == DG_E_INVALID_ARGUMENT);
    bad = posted;
    bad.utc_offset_minutes = 1081;
    CHECK(dg_post_builder_set_posted_on(b, &bad) == DG_E_INVALID_ARGUMENT);
    bad.utc_offset_minutes = -1080; /* the far edge is fine */
    CHECK(dg_post_builder_set_posted_on(b, &bad) == DG_OK);
    CHECK(dg_post_builder_set_posted_on(b, &posted) == DG_OK);
  }
  /* Extras must be one JSON value under a name the schema does not use. */
  CHECK(dg_post_builder_set_extra(b, S("title"), S("\"x\"")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set_extra(b, S("tags"), S("[]")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set_extra(b, S("id"), S("\"x\"")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set_extra(b, S("cluster"), S("\"x\"")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set_extra(b, S("story"), S("null")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set_extra(b, S(""), S("1")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set_extra(b, S("k"), S("")) == DG_E_PARSE);
  CHECK(dg_post_builder_set_extra(b, S("k"), S("1 2")) == DG_E_PARSE);
  CHECK(dg_post_builder_set_extra(b, S("k"), S("{\"a\": ")) == DG_E_PARSE);
  CHECK(dg_post_builder_set_extra(b, S("k"), S("nul")) == DG_E_PARSE);
  CHECK(dg_post_builder_set_extra(b, S("k"), S("1, \"title\": \"t\"")) == DG_E_PARSE);
  CHECK(dg_post_builder_set_extra(b, S("k"), S("1}, {\"id\": \"y\"")) == DG_E_PARSE);
  CHECK(dg_post_builder_set_extra(b, S("k"), S("1}], \"zz\": [{\"a\": 1")) == DG_E_PARSE);
  CHECK(dg_post_builder_set_extra(b, S("k"), S("\"\xC3\"")) == DG_E_INVALID_UTF8);
  CHECK(dg_post_builder_set_extra(b, S("\xC3"), S("1")) == DG_E_INVALID_UTF8);
  {
    char deep[200];
    size_t i;
    for (i = 0; i < 90; ++i) deep[i] = '[';
    for (i = 90; i < 180; ++i) deep[i] = ']';
    CHECK(dg_post_builder_set_extra(b, "k", 1, deep, 180) == DG_E_LIMIT);
  }
  CHECK(dg_post_extra_count(p, &n) == DG_OK && n == 2);

  /* Into a collection, as a copy; the same id twice is refused. */
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_add_post(c, b) == DG_OK);
  CHECK(dg_collection_add_post(c, b) == DG_E_DUPLICATE_ID);
  CHECK(dg_post_builder_set(b, DG_POST_ID, S("b2")) == DG_OK);
  CHECK(dg_post_builder_clear_authors(b) == DG_OK);
  CHECK(dg_post_builder_clear_tags(b) == DG_OK);
  CHECK(dg_post_builder_clear_extras(b) == DG_OK);
  CHECK(dg_post_builder_set_published_on(b, NULL) == DG_OK);
  CHECK(dg_collection_add_post(c, b) == DG_OK);
  CHECK(dg_post_builder_set(b, DG_POST_ID, NULL, 0) == DG_OK);
  CHECK(dg_collection_add_post(c, b) == DG_E_INVALID_ARGUMENT); /* empty id */
  CHECK(dg_collection_post_count(c, &n) == DG_OK && n == 2);
  CHECK(dg_collection_find_post(c, S("b1"), &p) == DG_OK);
  CHECK(dg_post_author_count(p, &n) == DG_OK && n == 2); /* b1 kept its own copy */
  CHECK(dg_collection_find_post(c, S("b2"), &p) == DG_OK);
  CHECK(dg_post_author_count(p, &n) == DG_OK && n == 0);
  CHECK(dg_post_published_on(p, &got) == DG_E_NOT_FOUND);

  /* What was built exports and imports back unchanged. */
  CHECK(dg_collection_export(c, DG_FORMAT_OWN, &out1) == DG_OK);
  CHECK(strstr(dg_buffer_data(out1), "2021-08-23T10:05:00+04:30") != NULL);
  CHECK(strstr(dg_buffer_data(out1), "\"cluster\": \"b0\"") != NULL);
  CHECK(dg_collection_new(&back) == DG_OK);
  CHECK(dg_collection_import_json(back, dg_buffer_data(out1), dg_buffer_size(out1), DG_FORMAT_OWN,
                                  &n) == DG_OK && n == 2);
  CHECK(dg_collection_export(back, DG_FORMAT_OWN, &out2) == DG_OK);
  CHECK(dg_buffer_size(out1) == dg_buffer_size(out2) &&
        memcmp(dg_buffer_data(out1), dg_buffer_data(out2), dg_buffer_size(out1)) == 0);
  dg_buffer_free(out1);
  dg_buffer_free(out2);

  /* Editing a post: copy it into a builder, change it, replace it. */
  CHECK(dg_collection_find_post(back, S("b1"), &p) == DG_OK);
  CHECK(post_field_is(p, DG_POST_CLUSTER, "b0") && post_field_is(p, DG_POST_STORY, "b\xC3\xA9"));
  CHECK(dg_post_builder_from_post(&copy, p) == DG_OK);
  CHECK(dg_post_builder_set(copy, DG_POST_TITLE, S("Edited")) == DG_OK);
  CHECK(dg_post_builder_set(copy, DG_POST_STORY, NULL, 0) == DG_OK); /* cleared */
  CHECK(post_field_is(p, DG_POST_TITLE, "Built \xE2\x80\x9Cwithout\xE2\x80\x9D JSON"));
  CHECK(dg_collection_replace_post(back, copy) == DG_OK);
  CHECK(dg_collection_find_post(back, S("b1"), &p) == DG_OK);
  CHECK(post_field_is(p, DG_POST_TITLE, "Edited"));
  CHECK(post_field_is(p, DG_POST_CLUSTER, "b0") && post_field_is(p, DG_POST_STORY, ""));
  CHECK(dg_post_author_count(p, &n) == DG_OK && n == 2);
  CHECK(dg_post_builder_set(copy, DG_POST_ID, S("nobody")) == DG_OK);
  CHECK(dg_collection_replace_post(back, copy) == DG_E_NOT_FOUND);
  CHECK(dg_collection_post_count(back, &n) == DG_OK && n == 2);

  /* NULL arguments. */
  CHECK(dg_post_builder_new(NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_from_post(&copy, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set(NULL, DG_POST_ID, S("x")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set_posted_on(NULL, &posted) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_add_author(NULL, S("x")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_set_extra(NULL, S("k"), S("1")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_post_builder_view(b, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_add_post(NULL, b) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_add_post(c, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_replace_post(c, NULL) == DG_E_INVALID_ARGUMENT);
  dg_post_builder_free(NULL);
  dg_post_builder_free(copy);
  dg_post_builder_free(b);
  dg_collection_free(back);
  dg_collection_free(c);
}

static void test_source_builder(void) {
  dg_source_builder *b = NULL, *copy = NULL;
  dg_collection *c = NULL;
  const dg_source *src = NULL;
  const char *s = NULL;
  size_t n = 0, len = 0;
  dg_buffer *out = NULL;

  CHECK(dg_source_builder_new(&b) == DG_OK);
  CHECK(dg_source_builder_set(b, DG_SOURCE_ID, S("echo")) == DG_OK);
  CHECK(dg_source_builder_set(b, DG_SOURCE_NAME, S("L'\xC3\x89" "cho de la Sarvane")) == DG_OK);
  CHECK(dg_source_builder_set(b, DG_SOURCE_URL, S("https://echo.example")) == DG_OK);
  CHECK(dg_source_builder_set(b, DG_SOURCE_LANGUAGE, S("fr")) == DG_OK);
  CHECK(dg_source_builder_set(b, DG_SOURCE_COUNTRY, S("BE")) == DG_OK);
  CHECK(dg_source_builder_add_alias(b, S("Echo de la Sarvane")) == DG_OK);
  CHECK(dg_source_builder_add_alias(b, S("\xC3")) == DG_E_INVALID_UTF8);
  CHECK(dg_source_builder_set_extra(b, S("founded"), S("1921")) == DG_OK);
  CHECK(dg_source_builder_set_extra(b, S("name"), S("\"x\"")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_builder_set_extra(b, S("aliases"), S("[]")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_builder_set_extra(b, S("k"), S("[1,")) == DG_E_PARSE);
  CHECK(dg_source_builder_set(b, (dg_source_field)-7, S("x")) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_builder_set(b, DG_SOURCE_NAME, S("\xE0\x80\x80")) == DG_E_INVALID_UTF8);
  CHECK(strcmp(dg_last_error_field(), "name") == 0);

  CHECK(dg_source_builder_view(b, &src) == DG_OK);
  CHECK(source_field_is(src, DG_SOURCE_NAME, "L'\xC3\x89" "cho de la Sarvane"));
  CHECK(dg_source_alias_count(src, &n) == DG_OK && n == 1);
  CHECK(dg_source_extra_count(src, &n) == DG_OK && n == 1);

  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_add_source(c, b) == DG_OK);
  CHECK(dg_collection_add_source(c, b) == DG_E_DUPLICATE_ID);
  CHECK(dg_collection_find_source(c, S("echo"), &src) == DG_OK);
  CHECK(dg_source_builder_from_source(&copy, src) == DG_OK);
  CHECK(dg_source_builder_clear_aliases(copy) == DG_OK);
  CHECK(dg_source_builder_clear_extras(copy) == DG_OK);
  CHECK(dg_source_builder_set(copy, DG_SOURCE_ID, S("echo2")) == DG_OK);
  CHECK(dg_collection_add_source(c, copy) == DG_OK);
  CHECK(dg_source_builder_set(copy, DG_SOURCE_ID, NULL, 0) == DG_OK);
  CHECK(dg_collection_add_source(c, copy) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_source_count(c, &n) == DG_OK && n == 2);
  CHECK(dg_collection_source_at(c, 1, &src) == DG_OK);
  CHECK(source_field_is(src, DG_SOURCE_ID, "echo2"));
  CHECK(source_field_is(src, DG_SOURCE_COUNTRY, "BE"));
  CHECK(dg_source_alias_count(src, &n) == DG_OK && n == 0);

  CHECK(dg_collection_export_opts(c, DG_FORMAT_OWN, NULL, &out) == DG_OK);
  CHECK(strstr(dg_buffer_data(out), "\"founded\": 1921") != NULL);
  dg_buffer_free(out);

  CHECK(dg_source_builder_new(NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_builder_from_source(&copy, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_add_source(c, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_get(src, DG_SOURCE_ID, NULL, &len) == DG_E_INVALID_ARGUMENT);
  (void)s;
  dg_source_builder_free(NULL);
  dg_source_builder_free(copy);
  dg_source_builder_free(b);
  dg_collection_free(c);
}

int main(void) {
  test_reading();
  test_post_builder();
  test_source_builder();
  if (failures) {
    fprintf(stderr, "test_model: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_model: all checks passed\n");
  return 0;
}
