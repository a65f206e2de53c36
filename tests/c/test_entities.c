/* The C API of the source registry and the gazetteer, from C. Outlets and
 * entities are invented. */
#include <stdio.h>
#include <string.h>

#include "digest/digestcore.h"

static int failures = 0;

#define CHECK(cond)                                                                   \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, \
              #cond, dg_last_error());                                                \
      ++failures;                                                                     \
    }                                                                                 \
  } while (0)

#define S(lit) lit, sizeof(lit) - 1

static int span_is(const char *text, size_t b, size_t e, const char *want) {
  return e - b == strlen(want) && memcmp(text + b, want, e - b) == 0;
}

static void test_registry(void) {
  static const char json[] =
      "{\"sources\": ["
      "{\"id\": \"northgate\", \"name\": \"Northgate Ledger\", \"url\": "
      "\"https://northgate-ledger.example\"},"
      "{\"id\": \"kavir\", \"name\": \"Kavir Daily\", \"aliases\": [\"کویر دیلی\"]},"
      "{\"id\": \"mondo\", \"name\": \"Mondoweiss\"}]}";
  dg_source_registry *reg = NULL;
  const char *id = NULL;
  size_t id_len = 0, n = 0;
  double score = 0;
  dg_resolve_method method = DG_RESOLVE_NAME;
  dg_resolve_options opts = DG_RESOLVE_OPTIONS_INIT;
  dg_buffer *buf = NULL;

  CHECK(dg_source_registry_load_json(&reg, json, sizeof json - 1) == DG_OK);
  CHECK(dg_source_registry_count(reg, &n) == DG_OK && n == 3);
  CHECK(dg_source_registry_resolve(reg, S("NORTHGATE LEDGER"), NULL, &id, &id_len, &score,
                                   &method) == DG_OK);
  CHECK(id_len == 9 && memcmp(id, "northgate", 9) == 0 && method == DG_RESOLVE_NAME);
  CHECK(dg_source_registry_resolve(reg, S("كوير ديلي"), NULL, &id, &id_len, NULL, &method) ==
        DG_OK);
  CHECK(id_len == 5 && memcmp(id, "kavir", 5) == 0 && method == DG_RESOLVE_ALIAS);
  CHECK(dg_source_registry_resolve(reg, S("https://www.northgate-ledger.example/a"), NULL, &id,
                                   &id_len, NULL, &method) == DG_OK);
  CHECK(method == DG_RESOLVE_DOMAIN);
  CHECK(dg_source_registry_resolve(reg, S("Nondoweiss"), NULL, &id, &id_len, &score, &method) ==
        DG_OK);
  CHECK(method == DG_RESOLVE_FUZZY && score > 0.89 && score < 0.91);
  opts.fuzzy = 0;
  CHECK(dg_source_registry_resolve(reg, S("Nondoweiss"), &opts, &id, &id_len, NULL, NULL) ==
        DG_E_NOT_FOUND);
  CHECK(dg_resolve_options_init(&opts, DG_RESOLVE_OPTIONS_VERSION) == DG_OK && opts.fuzzy == 1);
  CHECK(dg_resolve_options_init(&opts, 99) == DG_E_INVALID_ARGUMENT);

  CHECK(dg_source_registry_add(reg, S("ledger2"), S("Harbor Ledger"), NULL, 0) == DG_OK);
  CHECK(dg_source_registry_add(reg, S("ledger2"), S("Again"), NULL, 0) == DG_E_DUPLICATE_ID);
  CHECK(dg_source_registry_add_alias(reg, S("ledger2"), S("HL Weekly")) == DG_OK);
  CHECK(dg_source_registry_add_alias(reg, S("nobody"), S("X")) == DG_E_NOT_FOUND);
  CHECK(dg_source_registry_resolve(reg, S("hl weekly"), NULL, &id, &id_len, NULL, NULL) == DG_OK);
  CHECK(id_len == 7 && memcmp(id, "ledger2", 7) == 0);

  CHECK(dg_source_registry_to_json(reg, &buf) == DG_OK);
  CHECK(buf && strstr(dg_buffer_data(buf), "\"HL Weekly\"") != NULL);
  dg_buffer_free(buf);
  dg_source_registry_free(reg);
  reg = NULL;

  /* Bad input: position reported, *out untouched. */
  {
    uint64_t line = 0;
    int64_t offset = -1;
    CHECK(dg_source_registry_load_json(&reg, S("{\"sources\": [{\"id\": 7}]}")) ==
          DG_E_WRONG_TYPE);
    CHECK(reg == NULL);
    CHECK(dg_last_error_position(&line, &offset) == DG_OK && offset == 20);
    CHECK(dg_source_registry_load_json(&reg, S("")) == DG_E_PARSE);
    CHECK(dg_source_registry_load_json(&reg, S("[{\"id\": \"a\", \"name\": \"\xC3\"}]")) ==
          DG_E_INVALID_UTF8);
    CHECK(dg_source_registry_load_json(&reg, NULL, 5) == DG_E_INVALID_ARGUMENT);
    CHECK(dg_source_registry_load_file(&reg, "/nonexistent/x.json") == DG_E_FILE_NOT_FOUND);
    CHECK(dg_source_registry_resolve(NULL, S("x"), NULL, &id, &id_len, NULL, NULL) ==
          DG_E_INVALID_ARGUMENT);
  }
  dg_source_registry_free(NULL);
}

static void test_gazetteer(void) {
  static const char text[] = "The PMOI’s view: Mojāhedin-e Khalq, not mek; MEKONG; کویر دیلی.";
  dg_gazetteer *g = NULL;
  dg_entity_matches *m = NULL;
  size_t n = 0, b = 0, e = 0, len = 0, alen = 0;
  const char *ent = NULL, *alias = NULL;

  CHECK(dg_gazetteer_new(&g) == DG_OK);
  CHECK(dg_gazetteer_find(g, S("empty gazetteer"), &m) == DG_OK);
  CHECK(dg_entity_matches_count(m, &n) == DG_OK && n == 0);
  dg_entity_matches_free(m);
  m = NULL;

  CHECK(dg_gazetteer_add(g, S("org.pmoi"), S("MEK"), DG_ALIAS_CASE_SENSITIVE) == DG_OK);
  CHECK(dg_gazetteer_add(g, S("org.pmoi"), S("PMOI"), DG_ALIAS_CASE_SENSITIVE) == DG_OK);
  CHECK(dg_gazetteer_add(g, S("org.pmoi"), S("Mojahedin-e Khalq"), 0) == DG_OK);
  CHECK(dg_gazetteer_add(g, S("outlet.kavir"), S("Kavir Daily"), 0) == DG_OK);
  CHECK(dg_gazetteer_add(g, S("outlet.kavir"), S("کویر دیلی"), 0) == DG_OK);
  CHECK(dg_gazetteer_add(g, S("bad"), S("..."), 0) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_add(g, S("bad"), S("x"), 8) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_entity_count(g, &n) == DG_OK && n == 2);
  CHECK(dg_gazetteer_alias_count(g, &n) == DG_OK && n == 5);

  CHECK(dg_gazetteer_find(g, text, sizeof text - 1, &m) == DG_OK);
  CHECK(dg_entity_matches_count(m, &n) == DG_OK && n == 3);
  if (n == 3) {
    CHECK(dg_entity_matches_get(m, 0, &b, &e, &ent, &len, &alias, &alen) == DG_OK);
    CHECK(span_is(text, b, e, "PMOI") && len == 8 && memcmp(ent, "org.pmoi", 8) == 0);
    CHECK(alen == 4 && memcmp(alias, "PMOI", 4) == 0);
    CHECK(dg_entity_matches_get(m, 1, &b, &e, NULL, NULL, NULL, NULL) == DG_OK);
    CHECK(span_is(text, b, e, "Mojāhedin-e Khalq"));
    CHECK(dg_entity_matches_get(m, 2, &b, &e, &ent, &len, NULL, NULL) == DG_OK);
    CHECK(span_is(text, b, e, "کویر دیلی") && len == 12);
  }
  CHECK(dg_entity_matches_get(m, 3, &b, &e, NULL, NULL, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_entity_matches_free(m);

  {
    dg_buffer *buf = NULL;
    dg_gazetteer *g2 = NULL;
    CHECK(dg_gazetteer_to_json(g, &buf) == DG_OK);
    CHECK(dg_gazetteer_load_json(&g2, dg_buffer_data(buf), dg_buffer_size(buf)) == DG_OK);
    CHECK(dg_gazetteer_alias_count(g2, &n) == DG_OK && n == 5);
    dg_buffer_free(buf);
    dg_gazetteer_free(g2);
  }
  CHECK(dg_gazetteer_add_json(g, S("[{\"id\": \"x\", \"aliases\": [\"Ex\"]}, {\"id\": 1}]")) ==
        DG_E_WRONG_TYPE);
  CHECK(dg_gazetteer_entity_count(g, &n) == DG_OK && n == 2);
  CHECK(dg_gazetteer_add_json(g, S("[{\"id\": \"x\", \"aliases\": [\"Ex\"]}]")) == DG_OK);
  CHECK(dg_gazetteer_entity_count(g, &n) == DG_OK && n == 3);
  {
    dg_gazetteer *g3 = NULL;
    CHECK(dg_gazetteer_load_json(&g3, S("[[[[")) == DG_E_PARSE);
    CHECK(g3 == NULL);
    CHECK(dg_gazetteer_load_file(&g3, "/nonexistent/g.json") == DG_E_FILE_NOT_FOUND);
  }
  dg_gazetteer_free(g);
  dg_gazetteer_free(NULL);
  dg_entity_matches_free(NULL);
}

static void test_collection_tagging(void) {
  static const char posts[] =
      "{\"digestcore\": 1, \"posts\": ["
      " {\"id\": \"p1\", \"title\": \"The Basin Authority met\", \"tags\": [\"water\"]},"
      " {\"id\": \"p2\", \"excerpt\": \"\u0633\u0627\u0632\u0645\u0627\u0646 \u062d\u0648\u0636\u0647 spoke\"},"
      " {\"id\": \"p3\", \"title\": \"Nothing here\"}]}";
  dg_collection *c = NULL;
  dg_gazetteer *g = NULL;
  const dg_post *p = NULL;
  const char *tag = NULL;
  size_t n = 0, len = 0, added = 0;
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, posts, sizeof(posts) - 1, DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_gazetteer_load_json(&g, S("[{\"id\": \"basin\", \"aliases\": [\"Basin Authority\", "
                                       "\"\u0633\u0627\u0632\u0645\u0627\u0646 \u062d\u0648\u0636\u0647\"]}]")) == DG_OK);
  CHECK(dg_collection_tag_entities(c, g, S("entity:"), &added) == DG_OK);
  CHECK(added == 2);
  CHECK(dg_collection_find_post(c, "p1", 2, &p) == DG_OK);
  CHECK(dg_post_tag_count(p, &n) == DG_OK && n == 2);
  CHECK(dg_post_tag_at(p, 0, &tag, &len) == DG_OK && len == 5 && memcmp(tag, "water", 5) == 0);
  CHECK(dg_post_tag_at(p, 1, &tag, &len) == DG_OK && len == 12 &&
        memcmp(tag, "entity:basin", 12) == 0);
  CHECK(dg_post_tag_at(p, 2, &tag, &len) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_find_post(c, "p2", 2, &p) == DG_OK);
  CHECK(dg_post_tag_count(p, &n) == DG_OK && n == 1);
  CHECK(dg_collection_find_post(c, "p3", 2, &p) == DG_OK);
  CHECK(dg_post_tag_count(p, &n) == DG_OK && n == 0);
  /* Tagging again adds nothing: each tag is written once. */
  CHECK(dg_collection_tag_entities(c, g, S("entity:"), &added) == DG_OK && added == 0);
  CHECK(dg_collection_tag_entities(NULL, g, S("x"), &added) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_tag_entities(c, NULL, S("x"), &added) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_collection_tag_entities(c, g, NULL, 3, &added) == DG_E_INVALID_ARGUMENT);
  dg_gazetteer_free(g);
  dg_collection_free(c);
}

/* Entities with names and types, their aliases read back, and the entity
 * counts of one post. */
static void test_entities_and_counts(void) {
  static const char posts[] =
      "{\"digestcore\": 1, \"posts\": ["
      " {\"id\": \"p1\", \"title\": \"The Basin Authority and the SBA\","
      "  \"excerpt\": \"SBA met the Dam Board.\", \"body\": \"The dam board agreed.\"}]}";
  dg_gazetteer *g = NULL;
  dg_collection *c = NULL;
  const dg_post *p = NULL;
  dg_entity_counts *counts = NULL;
  const char *id = NULL, *name = NULL, *type = NULL, *s = NULL;
  size_t id_len = 0, name_len = 0, type_len = 0, n = 0, index = 99, mentions = 0, len = 0;
  unsigned int flags = 9;

  CHECK(dg_gazetteer_new(&g) == DG_OK);
  CHECK(dg_gazetteer_add_entity(g, S("basin"), S("Basin Authority"), S("organization")) == DG_OK);
  CHECK(dg_gazetteer_add(g, S("basin"), S("SBA"), DG_ALIAS_CASE_SENSITIVE) == DG_OK);
  CHECK(dg_gazetteer_add(g, S("board"), S("Dam Board"), 0) == DG_OK);
  CHECK(dg_gazetteer_add_entity(g, S("board"), S("Dam Board"), NULL, 0) == DG_OK);
  CHECK(dg_gazetteer_add_entity(g, S(""), S("x"), NULL, 0) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_add_entity(g, S("bad"), S("\xC3"), NULL, 0) == DG_E_INVALID_UTF8);
  CHECK(dg_gazetteer_add_entity(NULL, S("x"), NULL, 0, NULL, 0) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_compile(g) == DG_OK);
  CHECK(dg_gazetteer_compile(NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_entity_count(g, &n) == DG_OK && n == 2);

  CHECK(dg_gazetteer_entity_at(g, 0, &id, &id_len, &name, &name_len, &type, &type_len) == DG_OK);
  CHECK(id_len == 5 && strcmp(id, "basin") == 0);
  CHECK(name_len == 15 && strcmp(name, "Basin Authority") == 0);
  CHECK(type_len == 12 && strcmp(type, "organization") == 0);
  CHECK(dg_gazetteer_entity_at(g, 1, &id, &id_len, NULL, NULL, &type, &type_len) == DG_OK);
  CHECK(strcmp(id, "board") == 0 && type_len == 0 && type[0] == '\0');
  CHECK(dg_gazetteer_entity_at(g, 2, &id, &id_len, NULL, NULL, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_find_entity(g, S("board"), &index) == DG_OK && index == 1);
  CHECK(dg_gazetteer_find_entity(g, S("nobody"), &index) == DG_E_NOT_FOUND && index == 1);
  CHECK(dg_gazetteer_entity_alias_count(g, 0, &n) == DG_OK && n == 1);
  CHECK(dg_gazetteer_entity_alias_at(g, 0, 0, &s, &len, &flags) == DG_OK);
  CHECK(len == 3 && strcmp(s, "SBA") == 0 && flags == DG_ALIAS_CASE_SENSITIVE);
  CHECK(dg_gazetteer_entity_alias_at(g, 1, 0, &s, &len, &flags) == DG_OK && flags == 0);
  CHECK(dg_gazetteer_entity_alias_at(g, 0, 1, &s, &len, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_entity_alias_count(g, 5, &n) == DG_E_INVALID_ARGUMENT);

  /* Counts: "basin" twice in the title (name and SBA) and once in the
   * excerpt; "board" once in the excerpt and once in the body. */
  CHECK(dg_collection_new(&c) == DG_OK);
  CHECK(dg_collection_import_json(c, posts, sizeof posts - 1, DG_FORMAT_OWN, NULL) == DG_OK);
  CHECK(dg_collection_find_post(c, S("p1"), &p) == DG_OK);
  CHECK(dg_gazetteer_post_entities(g, p, DG_TAG_ALL, &counts) == DG_OK);
  CHECK(dg_entity_counts_count(counts, &n) == DG_OK && n == 2);
  CHECK(dg_entity_counts_at(counts, 0, &s, &len, &mentions) == DG_OK);
  CHECK(len == 5 && strcmp(s, "basin") == 0 && mentions == 3);
  CHECK(dg_entity_counts_at(counts, 1, &s, &len, &mentions) == DG_OK);
  CHECK(strcmp(s, "board") == 0 && mentions == 2);
  CHECK(dg_entity_counts_at(counts, 2, &s, &len, NULL) == DG_E_INVALID_ARGUMENT);
  dg_entity_counts_free(counts);
  counts = NULL;
  CHECK(dg_gazetteer_post_entities(g, p, DG_TAG_BODY, &counts) == DG_OK);
  CHECK(dg_entity_counts_count(counts, &n) == DG_OK && n == 1);
  CHECK(dg_entity_counts_at(counts, 0, &s, &len, &mentions) == DG_OK);
  CHECK(strcmp(s, "board") == 0 && mentions == 1);
  dg_entity_counts_free(counts);
  counts = NULL;
  CHECK(dg_gazetteer_post_entities(g, p, 0, &counts) == DG_OK);
  CHECK(dg_entity_counts_count(counts, &n) == DG_OK && n == 0);
  dg_entity_counts_free(counts);
  counts = NULL;
  CHECK(dg_gazetteer_post_entities(g, p, 16, &counts) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_post_entities(g, NULL, DG_TAG_ALL, &counts) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_gazetteer_post_entities(NULL, p, DG_TAG_ALL, &counts) == DG_E_INVALID_ARGUMENT);
  CHECK(counts == NULL);
  CHECK(dg_collection_tag_entities(c, g, S("\xFF"), NULL) == DG_E_INVALID_UTF8);
  dg_entity_counts_free(NULL);
  dg_collection_free(c);
  dg_gazetteer_free(g);
}

int main(void) {
  test_registry();
  test_collection_tagging();
  test_gazetteer();
  test_entities_and_counts();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("test_entities: all checks passed\n");
  return 0;
}
