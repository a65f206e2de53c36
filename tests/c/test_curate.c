/* dg_collection_curate on the bundled example (examples/data): the C call
 * gives the collection the curation steps give, checked against what the
 * example data says they must give.
 *
 * The expectation, read from the data:
 * - Step 1 (attribution lines): five posts have no authors and an excerpt
 *   opening with "Name, Outlet, Date: text"; each gains that one author.
 *   Their source, place and published_on are already set, and no other post
 *   lacks a field that an opening attribution line could fill, so
 *   posts_attributed is 5.
 * - Step 2 (registry): the collection already has all ten registry sources
 *   (sources_added 0); three posts give their outlet as an alias
 *   ("Harbour Street Tribune", "L’Écho de la Sarvane", "روزنامه کویر") and
 *   are filed under the registry ids (posts_filed 3).
 * - Step 3 (gazetteer): every post gets "entity:" + id for each entity its
 *   title, excerpt or body mentions, most mentioned first, then by id.
 * Nothing else changes. The test builds that expected collection by hand
 * (builders for steps 1 and 2, dg_collection_tag_entities for step 3) and
 * compares the exports byte for byte. */
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

static const char *collection_path = DIGEST_EXAMPLES_DATA "/collection.json";
static const char *collection_jsonl_path = DIGEST_EXAMPLES_DATA "/collection.jsonl";
static const char *sources_path = DIGEST_EXAMPLES_DATA "/sources.json";
static const char *entities_path = DIGEST_EXAMPLES_DATA "/entities.json";

/* Step 1: the author each of the five posts gains. */
static const char *const attributed[][2] = {
    {"anbaa-2021-08-14-kelvara-council", "\xD8\xB3\xD8\xA7\xD9\x85\xD8\xB1 \xD8\xA7\xD9\x84\xD8\xAF\xD8\xA8\xD8\xA7\xD8\xBA"}, /* سامر الدباغ */
    {"kavir-2021-08-14-growers", "\xD8\xA8\xD9\x87\xD8\xA7\xD8\xB1\xD9\x87 \xD9\x86\xD9\x88\xD8\xB1\xD9\x88\xD8\xB2\xDB\x8C\xE2\x80\x8C\xD9\x81\xD8\xB1"}, /* بهاره نوروزی‌فر */
    {"courrier-2021-08-19-signature", "Julien Arnaud-Pelletier"},
    {"northgate-2021-08-26-growers", "Ruth Abernathy-Lee"},
    {"wadi-2021-09-02-ratification", "\xD9\x87\xD8\xA7\xD9\x84\xD8\xA9 \xD8\xA8\xD9\x86 \xD8\xB3\xD9\x84\xD9\x8A\xD9\x85"}, /* هالة بن سليم */
};

/* Step 2: the registry id each of the three posts is filed under. */
static const char *const filed[][2] = {
    {"hst-2021-08-17-signing-set", "harbor-street-tribune"},
    {"echo-2021-08-25-lacher", "echo-de-la-sarvane"},
    {"kavir-2021-09-01-panel", "kavir-daily"},
};

static int str_is(const char *s, size_t len, const char *want) {
  return s != NULL && len == strlen(want) && memcmp(s, want, len) == 0 && s[len] == '\0';
}

/* The post's tags are exactly `want` (count entries). */
static int tags_are(const dg_collection *c, const char *id, const char *const *want, size_t count) {
  const dg_post *p = NULL;
  const char *s = NULL;
  size_t n = 0, len = 0, i;
  if (dg_collection_find_post(c, id, strlen(id), &p) != DG_OK) return 0;
  if (dg_post_tag_count(p, &n) != DG_OK || n != count) {
    fprintf(stderr, "  %s has %zu tags, expected %zu:", id, n, count);
    for (i = 0; i < n; ++i)
      if (dg_post_tag_at(p, i, &s, &len) == DG_OK) fprintf(stderr, " [%s]", s);
    fprintf(stderr, "\n");
    return 0;
  }
  for (i = 0; i < count; ++i) {
    if (dg_post_tag_at(p, i, &s, &len) != DG_OK || !str_is(s, len, want[i])) {
      fprintf(stderr, "  %s tag %zu is [%s], expected [%s]\n", id, i, s ? s : "", want[i]);
      return 0;
    }
  }
  return 1;
}

static dg_collection *load(const char *path) {
  dg_collection *c = NULL;
  if (dg_collection_new(&c) != DG_OK) return NULL;
  if (dg_collection_import_file(c, path, DG_FORMAT_DETECT, NULL) != DG_OK) {
    fprintf(stderr, "cannot import %s: %s\n", path, dg_last_error());
    dg_collection_free(c);
    return NULL;
  }
  return c;
}

static dg_buffer *export_own(const dg_collection *c) {
  dg_buffer *b = NULL;
  if (dg_collection_export(c, DG_FORMAT_OWN, &b) != DG_OK) return NULL;
  return b;
}

static int same(const dg_buffer *a, const dg_buffer *b) {
  return a && b && dg_buffer_size(a) == dg_buffer_size(b) &&
         memcmp(dg_buffer_data(a), dg_buffer_data(b), dg_buffer_size(a)) == 0;
}

/* Replaces post `id` with a copy that has one more author or another source. */
static int edit_post(dg_collection *c, const char *id, const char *author, const char *source) {
  const dg_post *p = NULL;
  dg_post_builder *b = NULL;
  int ok = dg_collection_find_post(c, id, strlen(id), &p) == DG_OK &&
           dg_post_builder_from_post(&b, p) == DG_OK &&
           (!author || dg_post_builder_add_author(b, author, strlen(author)) == DG_OK) &&
           (!source || dg_post_builder_set(b, DG_POST_SOURCE, source, strlen(source)) == DG_OK) &&
           dg_collection_replace_post(c, b) == DG_OK;
  dg_post_builder_free(b);
  return ok;
}

static void test_example(dg_source_registry *registry, dg_gazetteer *gazetteer) {
  dg_collection *curated = load(collection_path);
  dg_collection *expected = load(collection_path);
  dg_collection *from_jsonl = load(collection_jsonl_path);
  dg_curate_options opts;
  dg_curate_report report = DG_CURATE_REPORT_INIT;
  dg_buffer *a = NULL, *b = NULL, *c = NULL;
  size_t i, tags_added = 0, n = 0;
  if (!curated || !expected || !from_jsonl) {
    ++failures;
    dg_collection_free(curated);
    dg_collection_free(expected);
    dg_collection_free(from_jsonl);
    return;
  }

  CHECK(dg_curate_options_init(&opts, DG_CURATE_OPTIONS_VERSION) == DG_OK);
  opts.fill_from_attribution = 1;
  opts.sources = registry;
  opts.entities = gazetteer;
  CHECK(dg_collection_curate(curated, &opts, &report) == DG_OK);
  CHECK(report.posts_attributed == 5);
  CHECK(report.sources_added == 0);
  CHECK(report.posts_filed == 3);
  CHECK(dg_collection_source_count(curated, &n) == DG_OK && n == 10);
  CHECK(dg_collection_post_count(curated, &n) == DG_OK && n == 40);

  /* The expected collection, step by step. */
  for (i = 0; i < sizeof attributed / sizeof attributed[0]; ++i)
    CHECK(edit_post(expected, attributed[i][0], attributed[i][1], NULL));
  for (i = 0; i < sizeof filed / sizeof filed[0]; ++i)
    CHECK(edit_post(expected, filed[i][0], NULL, filed[i][1]));
  CHECK(dg_collection_tag_entities(expected, gazetteer, S("entity:"), &tags_added) == DG_OK);
  CHECK(report.entity_tags_added == tags_added);
  CHECK(tags_added > 40); /* every post mentions the accord, a province or the river */

  a = export_own(curated);
  b = export_own(expected);
  CHECK(same(a, b));

  /* The same collection read from JSON Lines curates to the same export. */
  report = (dg_curate_report)DG_CURATE_REPORT_INIT;
  CHECK(dg_collection_curate(from_jsonl, &opts, &report) == DG_OK);
  CHECK(report.posts_attributed == 5 && report.posts_filed == 3);
  c = export_own(from_jsonl);
  CHECK(same(a, c));

  /* Spot checks of step 3, worked out from the posts' text. */
  {
    /* Title "Provinces to sign ‘Sarvan water accord’ on Wednesday"; excerpt
     * and body name Dashtaran, Kelvara, Tamrah, the accord and Zarvand; the
     * body adds "the Tamrah weir". Counts: accord 3, Tamrah 3, Dashtaran 2,
     * Kelvara 2, Zarvand 2. */
    static const char *const want[] = {"sarvan-accord", "signing", "wire",
                                       "entity:sarvan-accord", "entity:tamrah",
                                       "entity:dashtaran", "entity:kelvara", "entity:zarvand"};
    CHECK(tags_are(curated, "hst-2021-08-17-signing-set", want, sizeof want / sizeof want[0]));
  }
  {
    /* "هیئت پایش مشترک" in title, excerpt and body (3); "تمره" once. */
    static const char *const want[] = {"joint-monitoring-panel",
                                       "\xD9\xBE\xD8\xA7\xDB\x8C\xD8\xB4", /* پایش */
                                       "entity:joint-monitoring-panel", "entity:tamrah"};
    CHECK(tags_are(curated, "kavir-2021-09-01-panel", want, sizeof want / sizeof want[0]));
  }
  {
    const dg_post *p = NULL;
    const char *s = NULL;
    size_t len = 0;
    CHECK(dg_collection_find_post(curated, S("kavir-2021-09-01-panel"), &p) == DG_OK);
    CHECK(dg_post_get(p, DG_POST_SOURCE, &s, &len) == DG_OK && str_is(s, len, "kavir-daily"));
    CHECK(dg_collection_find_post(curated, S("courrier-2021-08-19-signature"), &p) == DG_OK);
    CHECK(dg_post_author_count(p, &n) == DG_OK && n == 1);
    CHECK(dg_post_author_at(p, 0, &s, &len) == DG_OK && str_is(s, len, "Julien Arnaud-Pelletier"));
  }

  /* Curating again changes nothing: every field is filled, every post
   * filed, every tag there. */
  report = (dg_curate_report)DG_CURATE_REPORT_INIT;
  CHECK(dg_collection_curate(curated, &opts, &report) == DG_OK);
  CHECK(report.posts_attributed == 0 && report.sources_added == 0 && report.posts_filed == 0 &&
        report.entity_tags_added == 0);
  dg_buffer_free(c);
  c = export_own(curated);
  CHECK(same(a, c));

  dg_buffer_free(a);
  dg_buffer_free(b);
  dg_buffer_free(c);
  dg_collection_free(curated);
  dg_collection_free(expected);
  dg_collection_free(from_jsonl);
}

static void test_steps_and_options(dg_source_registry *registry, dg_gazetteer *gazetteer) {
  dg_collection *c = load(collection_path);
  dg_curate_options opts = DG_CURATE_OPTIONS_INIT, init;
  dg_curate_report report = DG_CURATE_REPORT_INIT;
  dg_date_options dates = DG_DATE_OPTIONS_INIT;
  dg_resolve_options resolve = DG_RESOLVE_OPTIONS_INIT;
  dg_buffer *before = NULL, *after = NULL;
  static const char *const english[] = {"en"};
  static const char *const english_french[] = {"en", "fr"};
  if (!c) {
    ++failures;
    return;
  }
  before = export_own(c);

  /* The macro and the function agree. */
  memset(&init, 0x7b, sizeof init);
  CHECK(dg_curate_options_init(&init, DG_CURATE_OPTIONS_VERSION) == DG_OK);
  CHECK(init.version == opts.version && init.fill_from_attribution == 0 && init.sources == NULL &&
        init.entities == NULL && init.entity_tag_prefix_len == 7 &&
        memcmp(init.entity_tag_prefix, "entity:", 8) == 0 &&
        memcmp(opts.entity_tag_prefix, "entity:", 8) == 0 && init.attribution_dates == NULL &&
        init.attribution_max_header_bytes == opts.attribution_max_header_bytes &&
        init.resolve == NULL && init.tag_fields == DG_TAG_ALL && opts.tag_fields == DG_TAG_ALL);
  CHECK(dg_curate_options_init(&init, 0) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_curate_options_init(&init, 2) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_curate_options_init(NULL, 1) == DG_E_INVALID_ARGUMENT);

  /* No steps: nothing changes. NULL options and NULL report are allowed. */
  CHECK(dg_collection_curate(c, &opts, &report) == DG_OK);
  CHECK(report.posts_attributed == 0 && report.sources_added == 0 && report.posts_filed == 0 &&
        report.entity_tags_added == 0);
  CHECK(dg_collection_curate(c, NULL, NULL) == DG_OK);
  after = export_own(c);
  CHECK(same(before, after));
  dg_buffer_free(after);

  /* Bad options and reports fail before any change. */
  opts.entities = gazetteer;
  opts.sources = registry;
  opts.fill_from_attribution = 1;
  report.version = 0;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  report.version = 2;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  report.version = DG_CURATE_REPORT_VERSION;
  opts.version = 0;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  opts.version = DG_CURATE_OPTIONS_VERSION;
  opts.entity_tag_prefix = "entity\xC3";
  opts.entity_tag_prefix_len = 7;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  CHECK(strcmp(dg_last_error_field(), "entity_tag_prefix") == 0);
  opts.entity_tag_prefix = NULL;
  opts.entity_tag_prefix_len = 3;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  opts.entity_tag_prefix = "entity:";
  opts.entity_tag_prefix_len = 7;
  opts.tag_fields = 8;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  opts.tag_fields = DG_TAG_ALL;
  opts.attribution_max_header_bytes = 0;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  opts.attribution_max_header_bytes = 400;
  dates.version = 4; /* one past DG_DATE_OPTIONS_VERSION */
  opts.attribution_dates = &dates;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  dates.version = DG_DATE_OPTIONS_VERSION;
  dates.order = (dg_date_order)-1;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  dates.order = DG_DATE_ORDER_UNSPECIFIED;
  resolve.min_fuzzy_score = 1.5;
  opts.resolve = &resolve;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  resolve.version = 9;
  resolve.min_fuzzy_score = 0.85;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_curate(NULL, &opts, &report) == DG_E_INVALID_ARGUMENT);
  after = export_own(c);
  CHECK(same(before, after));
  dg_buffer_free(after);
  opts.resolve = NULL;
  opts.attribution_dates = NULL;

  /* The attribution dates' languages, as an array: with English only, only
   * the English line ("26 August 2021") gives a date, so one post is
   * attributed; with French too, the French one ("19 août 2021") as well. */
  opts.sources = registry;
  opts.entities = NULL;
  dates.language_tags = english;
  dates.language_count = 1;
  opts.attribution_dates = &dates;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_OK);
  CHECK(report.posts_attributed == 1);
  CHECK(report.posts_filed == 3);
  dates.language_tags = english_french;
  dates.language_count = 2;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_OK);
  CHECK(report.posts_attributed == 1 && report.posts_filed == 0);
  opts.attribution_dates = NULL;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_OK);
  CHECK(report.posts_attributed == 3); /* the Persian and the two Arabic lines */

  /* Tagging the title only, with an empty prefix: a tag the post already
   * has ("sarvan-accord") is not added twice. */
  opts.fill_from_attribution = 0;
  opts.sources = NULL;
  opts.entities = gazetteer;
  opts.entity_tag_prefix = NULL;
  opts.entity_tag_prefix_len = 0;
  opts.tag_fields = DG_TAG_TITLE;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_OK);
  {
    static const char *const want[] = {"sarvan-accord", "signing", "wire"};
    CHECK(tags_are(c, "hst-2021-08-17-signing-set", want, 3));
  }
  opts.tag_fields = DG_TAG_EXCERPT | DG_TAG_BODY;
  CHECK(dg_collection_curate(c, &opts, &report) == DG_OK);
  {
    static const char *const want[] = {"sarvan-accord", "signing", "wire", "tamrah",
                                       "dashtaran",     "kelvara", "zarvand"};
    CHECK(tags_are(c, "hst-2021-08-17-signing-set", want, 7));
  }

  dg_buffer_free(before);
  dg_collection_free(c);
}

int main(void) {
  dg_source_registry *registry = NULL;
  dg_gazetteer *gazetteer = NULL;
  if (dg_source_registry_load_file(&registry, sources_path) != DG_OK ||
      dg_gazetteer_load_file(&gazetteer, entities_path) != DG_OK) {
    fprintf(stderr, "cannot load the example dictionaries: %s\n", dg_last_error());
    return 1;
  }
  test_example(registry, gazetteer);
  test_steps_and_options(registry, gazetteer);
  dg_gazetteer_free(gazetteer);
  dg_source_registry_free(registry);
  if (failures) {
    fprintf(stderr, "test_curate: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_curate: all checks passed\n");
  return 0;
}
