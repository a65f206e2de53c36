/* The C API of the source registry beyond resolving: its sources as views,
 * building it from a collection or from source builders, and serving as an
 * outlet lookup for attribution lines (dg_source_registry_lookup), alone
 * and through dg_post_builder_apply_attribution. Outlets are invented. */
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

static int field_is(const dg_attribution *a, dg_attribution_field f, const char *want) {
  const char *s = NULL;
  size_t n = 0;
  return dg_attribution_get(a, f, &s, &n) == DG_OK && str_is(s, n, want);
}

/* "Kavir" as the Persian alias کویر. */
#define KAVIR_FA "\xDA\xA9\xD9\x88\xDB\x8C\xD8\xB1"

static const char registry_json[] =
    "{\"sources\": ["
    " {\"id\": \"kavir-daily\", \"name\": \"Kavir Daily\", \"aliases\": [\"" KAVIR_FA "\"],"
    "  \"url\": \"https://kavirdaily.example\", \"country\": \"IR\"},"
    " {\"id\": \"harbor\", \"name\": \"Harbor Street Tribune\"}]}";

static void test_views_and_building(void) {
  dg_source_registry *reg = NULL, *from = NULL;
  dg_source_builder *b = NULL;
  dg_collection *c = NULL;
  const dg_source *src = NULL;
  const char *s = NULL;
  size_t n = 0, len = 0;

  CHECK(dg_source_registry_load_json(&reg, registry_json, sizeof registry_json - 1) == DG_OK);
  CHECK(dg_source_registry_source_at(reg, 0, &src) == DG_OK);
  CHECK(dg_source_get(src, DG_SOURCE_ID, &s, &len) == DG_OK && str_is(s, len, "kavir-daily"));
  CHECK(dg_source_alias_count(src, &n) == DG_OK && n == 1);
  CHECK(dg_source_registry_source_at(reg, 2, &src) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_registry_find(reg, S("harbor"), &src) == DG_OK);
  CHECK(dg_source_get(src, DG_SOURCE_NAME, &s, &len) == DG_OK &&
        str_is(s, len, "Harbor Street Tribune"));
  CHECK(dg_source_registry_find(reg, S("nobody"), &src) == DG_E_NOT_FOUND);

  /* Every field of a builder's source goes in. */
  CHECK(dg_source_builder_new(&b) == DG_OK);
  CHECK(dg_source_builder_set(b, DG_SOURCE_ID, S("echo")) == DG_OK);
  CHECK(dg_source_builder_set(b, DG_SOURCE_NAME, S("Echo du Lac")) == DG_OK);
  CHECK(dg_source_builder_set(b, DG_SOURCE_LANGUAGE, S("fr")) == DG_OK);
  CHECK(dg_source_builder_add_alias(b, S("L'Echo")) == DG_OK);
  CHECK(dg_source_builder_set_extra(b, S("founded"), S("1921")) == DG_OK);
  CHECK(dg_source_registry_add_source(reg, b) == DG_OK);
  CHECK(dg_source_registry_add_source(reg, b) == DG_E_DUPLICATE_ID);
  CHECK(dg_source_registry_count(reg, &n) == DG_OK && n == 3);
  CHECK(dg_source_registry_find(reg, S("echo"), &src) == DG_OK);
  CHECK(dg_source_get(src, DG_SOURCE_LANGUAGE, &s, &len) == DG_OK && str_is(s, len, "fr"));
  CHECK(dg_source_find_extra(src, S("founded"), &s, &len) == DG_OK && str_is(s, len, "1921"));
  {
    const char *id = NULL;
    size_t id_len = 0;
    CHECK(dg_source_registry_resolve(reg, S("l'echo"), NULL, &id, &id_len, NULL, NULL) == DG_OK);
    CHECK(str_is(id, id_len, "echo"));
  }
  CHECK(dg_source_builder_set(b, DG_SOURCE_ID, NULL, 0) == DG_OK);
  CHECK(dg_source_registry_add_source(reg, b) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_registry_add_source(reg, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_registry_add_source(NULL, b) == DG_E_INVALID_ARGUMENT);

  /* A registry of a collection's sources. */
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, registry_json, sizeof registry_json - 1, DG_FORMAT_OWN,
                                  NULL) == DG_OK);
  CHECK(dg_source_registry_from_collection(&from, c) == DG_OK);
  CHECK(dg_source_registry_count(from, &n) == DG_OK && n == 2);
  CHECK(dg_source_registry_find(from, S("kavir-daily"), &src) == DG_OK);
  CHECK(dg_source_get(src, DG_SOURCE_COUNTRY, &s, &len) == DG_OK && str_is(s, len, "IR"));
  CHECK(dg_source_registry_from_collection(&from, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_registry_from_collection(NULL, c) == DG_E_INVALID_ARGUMENT);

  dg_source_registry_free(from);
  dg_collection_free(c);
  dg_source_builder_free(b);
  dg_source_registry_free(reg);
}

static void test_lookup(void) {
  /* "Bahareh Nowruzi, Kavir, 23 Mordad 1400: text" in Persian. */
  static const char line[] =
      "\xD8\xA8\xD9\x87\xD8\xA7\xD8\xB1\xD9\x87 \xD9\x86\xD9\x88\xD8\xB1\xD9\x88\xD8\xB2\xDB\x8C"
      "\xD8\x8C " KAVIR_FA "\xD8\x8C \xDB\xB2\xDB\xB3 \xD9\x85\xD8\xB1\xD8\xAF\xD8\xA7\xD8\xAF "
      "\xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB0: \xD9\x85\xD8\xAA\xD9\x86";
  static const char english[] = "Jane Roe, Harbour Street Tribune, 26 August 2021: Ferries resumed.";
  dg_source_registry *reg = NULL;
  dg_attribution *a = NULL;
  const dg_outlet_lookup *lookup = NULL;
  dg_date d;

  CHECK(dg_source_registry_load_json(&reg, registry_json, sizeof registry_json - 1) == DG_OK);
  lookup = dg_source_registry_lookup(reg);
  CHECK(lookup != NULL);
  CHECK(dg_source_registry_lookup(NULL) == NULL);

  /* The registry names the outlet written as an alias. */
  CHECK(dg_attribution_parse(line, sizeof line - 1, lookup, NULL, &a) == DG_OK);
  CHECK(field_is(a, DG_ATTRIBUTION_OUTLET, KAVIR_FA));
  CHECK(field_is(a, DG_ATTRIBUTION_SOURCE, "kavir-daily"));
  CHECK(field_is(a, DG_ATTRIBUTION_METHOD, "registry"));
  CHECK(dg_attribution_date(a, &d) == DG_OK && d.year == 2021 && d.month == 8 && d.day == 14);
  CHECK(d.calendar == DG_CALENDAR_PERSIAN && d.written_year == 1400);
  {
    size_t b = 1, e = 1;
    CHECK(dg_attribution_span(a, DG_ATTRIBUTION_METHOD, &b, &e) == DG_OK && b == 0 && e == 0);
  }
  CHECK(dg_attribution_get(a, (dg_attribution_field)7, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  {
    const char *s = NULL;
    size_t len = 0;
    CHECK(dg_attribution_get(a, (dg_attribution_field)-1, &s, &len) == DG_E_INVALID_ARGUMENT);
  }
  dg_attribution_free(a);
  a = NULL;

  /* A misspelt outlet resolves by the fuzzy step, unless it is switched off
   * for the lookup. */
  CHECK(dg_attribution_parse(english, sizeof english - 1, lookup, NULL, &a) == DG_OK);
  CHECK(field_is(a, DG_ATTRIBUTION_SOURCE, "harbor"));
  dg_attribution_free(a);
  a = NULL;
  {
    dg_resolve_options no_fuzzy = DG_RESOLVE_OPTIONS_INIT;
    no_fuzzy.fuzzy = 0;
    CHECK(dg_source_registry_set_lookup_options(reg, &no_fuzzy) == DG_OK);
    /* Rebuilding the registry (add_alias) keeps the lookup's options. */
    CHECK(dg_source_registry_add_alias(reg, S("kavir-daily"), S("Kavir")) == DG_OK);
    lookup = dg_source_registry_lookup(reg);
    CHECK(dg_attribution_parse(english, sizeof english - 1, lookup, NULL, &a) == DG_OK);
    CHECK(field_is(a, DG_ATTRIBUTION_SOURCE, ""));
    CHECK(field_is(a, DG_ATTRIBUTION_METHOD, "heuristic"));
    dg_attribution_free(a);
    a = NULL;
    CHECK(dg_source_registry_set_lookup_options(reg, NULL) == DG_OK);
    CHECK(dg_attribution_parse(english, sizeof english - 1, lookup, NULL, &a) == DG_OK);
    CHECK(field_is(a, DG_ATTRIBUTION_SOURCE, "harbor"));
    dg_attribution_free(a);
    a = NULL;
    no_fuzzy.min_fuzzy_score = -0.5;
    CHECK(dg_source_registry_set_lookup_options(reg, &no_fuzzy) == DG_E_INVALID_ARGUMENT);
    no_fuzzy.version = 0;
    CHECK(dg_source_registry_set_lookup_options(reg, &no_fuzzy) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_source_registry_set_lookup_options(NULL, NULL) == DG_E_INVALID_ARGUMENT);
  }

  /* One post through step 1 of curation, with the registry as lookup. */
  {
    dg_post_builder *b = NULL;
    const dg_post *p = NULL;
    const char *s = NULL;
    size_t n = 0, len = 0;
    int changed = -1;
    dg_datetime dt;
    CHECK(dg_post_builder_new(&b) == DG_OK);
    CHECK(dg_post_builder_set(b, DG_POST_ID, S("p1")) == DG_OK);
    CHECK(dg_post_builder_set(b, DG_POST_EXCERPT, line, sizeof line - 1) == DG_OK);
    CHECK(dg_post_builder_apply_attribution(b, lookup, NULL, &changed) == DG_OK && changed == 1);
    CHECK(dg_post_builder_view(b, &p) == DG_OK);
    CHECK(dg_post_author_count(p, &n) == DG_OK && n == 1);
    CHECK(dg_post_get(p, DG_POST_SOURCE, &s, &len) == DG_OK && str_is(s, len, "kavir-daily"));
    CHECK(dg_post_published_on(p, &dt) == DG_OK && dt.year == 2021 && dt.month == 8 &&
          dt.day == 14);
    CHECK(dg_post_get(p, DG_POST_EXCERPT, &s, &len) == DG_OK && len == sizeof line - 1);
    /* Everything is filled now: a second pass changes nothing. */
    CHECK(dg_post_builder_apply_attribution(b, lookup, NULL, &changed) == DG_OK && changed == 0);
    CHECK(dg_post_builder_apply_attribution(b, NULL, NULL, NULL) == DG_OK);
    {
      dg_date_options bad = DG_DATE_OPTIONS_INIT;
      bad.version = 0;
      CHECK(dg_post_builder_apply_attribution(b, lookup, &bad, &changed) == DG_E_INVALID_ARGUMENT);
    }
    CHECK(dg_post_builder_apply_attribution(NULL, lookup, NULL, &changed) == DG_E_INVALID_ARGUMENT);
    dg_post_builder_free(b);
  }
  dg_source_registry_free(reg);
}

/* Filing posts under a registry built by hand. */
static void test_resolve_posts(void) {
  static const char posts[] =
      "{\"digestcore\": 1, \"posts\": ["
      " {\"id\": \"p1\", \"source\": \"Harbour Street Tribune\"},"
      " {\"id\": \"p2\", \"url\": \"https://www.harbor.example/a\"},"
      " {\"id\": \"p3\", \"source\": \"Someone Else\"}]}";
  dg_source_registry *reg = NULL;
  dg_collection *c = NULL;
  const dg_post *p = NULL;
  const char *s = NULL;
  size_t changed = 99, len = 0;
  CHECK(dg_source_registry_new(&reg) == DG_OK);
  CHECK(dg_source_registry_add(reg, S("harbor"), S("Harbor Street Tribune"),
                               S("https://harbor.example")) == DG_OK);
  CHECK(dg_source_registry_add(reg, S("bad"), S("\xC3"), NULL, 0) == DG_E_INVALID_UTF8);
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, posts, sizeof posts - 1, DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_source_registry_resolve_posts(reg, c, &changed) == DG_OK && changed == 2);
  CHECK(dg_collection_find_post(c, S("p1"), &p) == DG_OK);
  CHECK(dg_post_get(p, DG_POST_SOURCE, &s, &len) == DG_OK && str_is(s, len, "harbor"));
  CHECK(dg_collection_find_post(c, S("p2"), &p) == DG_OK);
  CHECK(dg_post_get(p, DG_POST_SOURCE, &s, &len) == DG_OK && str_is(s, len, "harbor"));
  CHECK(dg_collection_find_post(c, S("p3"), &p) == DG_OK);
  CHECK(dg_post_get(p, DG_POST_SOURCE, &s, &len) == DG_OK && str_is(s, len, "Someone Else"));
  CHECK(dg_source_registry_resolve_posts(reg, c, NULL) == DG_OK);
  CHECK(dg_source_registry_resolve_posts(NULL, c, &changed) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_registry_resolve_posts(reg, NULL, &changed) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_source_registry_new(NULL) == DG_E_INVALID_ARGUMENT);
  dg_collection_free(c);
  dg_source_registry_free(reg);
}

int main(void) {
  test_views_and_building();
  test_lookup();
  test_resolve_posts();
  if (failures) {
    fprintf(stderr, "test_sources: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_sources: all checks passed\n");
  return 0;
}
