/* The C API of the normaliser: forms, search keys, tokens with byte spans,
 * transliteration, scripts, UTF-8 modes, and argument errors. */
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

/* Runs fn on text and compares the buffer with expected. */
typedef int (*string_fn)(const dg_normalizer *, const char *, size_t, dg_buffer **);
static int produces(string_fn fn, const dg_normalizer *n, const char *text, const char *expected) {
  dg_buffer *b = NULL;
  int ok;
  if (fn(n, text, strlen(text), &b) != DG_OK) return 0;
  ok = dg_buffer_size(b) == strlen(expected) && memcmp(dg_buffer_data(b), expected, strlen(expected)) == 0;
  if (!ok) fprintf(stderr, "  got '%s', expected '%s'\n", dg_buffer_data(b), expected);
  dg_buffer_free(b);
  return ok;
}

static int normal_form(const dg_normalizer *n, const char *text, dg_normal_form f,
                       const char *expected) {
  dg_buffer *b = NULL;
  int ok;
  if (dg_normalize(n, text, strlen(text), f, &b) != DG_OK) return 0;
  ok = strcmp(dg_buffer_data(b), expected) == 0;
  if (!ok) fprintf(stderr, "  got '%s', expected '%s'\n", dg_buffer_data(b), expected);
  dg_buffer_free(b);
  return ok;
}

static void test_keys(void) {
  CHECK(produces(dg_search_key, NULL, "People\xE2\x80\x99s MOJ\xC4\x80HEDIN", "peoples mojahedin"));
  CHECK(produces(dg_search_key, NULL, "PEOPLE'S Mojahedin", "peoples mojahedin"));
  /* Arabic yeh and kaf, Persian digits. */
  CHECK(produces(dg_search_key, NULL, "\xD9\x83\xD9\x8A \xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB0",
                 "\xDA\xA9\xDB\x8C 1400"));
  CHECK(produces(dg_search_key, NULL, "", ""));
  CHECK(produces(dg_latin_key, NULL, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "moskva"));
  CHECK(produces(dg_transliterate, NULL, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "Moskva"));
}

static void test_forms(void) {
  CHECK(normal_form(NULL, "e\xCC\x81", DG_NORMAL_NFC, "\xC3\xA9"));
  CHECK(normal_form(NULL, "\xEF\xAC\x81", DG_NORMAL_NFKC, "fi"));
  CHECK(normal_form(NULL, "  wait...  and\xC2\xA0see ", DG_NORMAL_DISPLAY,
                    "wait\xE2\x80\xA6 and see"));
  {
    dg_buffer *b = NULL;
    CHECK(dg_normalize(NULL, "x", 1, (dg_normal_form)42, &b) == DG_E_INVALID_ARGUMENT);
    CHECK(b == NULL);
  }
}

static void test_tokens(void) {
  static const char text[] = "  \xC2\xABPeople\xE2\x80\x99s\xC2\xBB \xDB\xB1\xDB\xB4\xDB\xB0\xDB\xB0!";
  dg_token_list *list = NULL;
  size_t n = 0, begin = 0, end = 0, key_len = 0;
  const char *key = NULL;
  CHECK(dg_tokens(NULL, text, strlen(text), &list) == DG_OK);
  CHECK(dg_token_list_size(list, &n) == DG_OK && n == 2);
  CHECK(dg_token_list_at(list, 0, &key, &key_len, &begin, &end) == DG_OK);
  CHECK(key_len == 7 && strcmp(key, "peoples") == 0);
  CHECK(begin == 4 && end == 14); /* "People’s" */
  CHECK(dg_token_list_at(list, 1, &key, NULL, &begin, &end) == DG_OK);
  CHECK(strcmp(key, "1400") == 0 && begin == 17 && end == 25);
  CHECK(dg_token_list_at(list, 2, &key, NULL, NULL, NULL) == DG_E_INVALID_ARGUMENT);
  dg_token_list_free(list);
  dg_token_list_free(NULL);
}

static void test_scripts(void) {
  const char *s = NULL;
  CHECK(dg_dominant_script(NULL, "hello", 5, &s) == DG_OK && strcmp(s, "Latn") == 0);
  CHECK(dg_dominant_script(NULL, "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", 8, &s) == DG_OK &&
        strcmp(s, "Arab") == 0);
  CHECK(dg_dominant_script(NULL, "123", 3, &s) == DG_OK && strcmp(s, "Zyyy") == 0);
  CHECK(dg_dominant_script(NULL, NULL, 0, &s) == DG_OK && strcmp(s, "Zyyy") == 0);
}

static void test_utf8_modes(void) {
  static const char bad[] = "ab\xE2\x82x";
  dg_normalizer_options opts = DG_NORMALIZER_OPTIONS_INIT;
  dg_normalizer *strict = NULL;
  dg_buffer *b = NULL;
  dg_token_list *list = NULL;
  uint64_t line = 0;
  int64_t offset = 0;
  CHECK(dg_normalizer_options_init(&opts, DG_NORMALIZER_OPTIONS_VERSION) == DG_OK);
  CHECK(dg_normalizer_options_init(&opts, 999) == DG_E_INVALID_ARGUMENT);
  opts.utf8 = DG_UTF8_STRICT;
  CHECK(dg_normalizer_new(&opts, &strict) == DG_OK);
  CHECK(dg_search_key(strict, bad, strlen(bad), &b) == DG_E_INVALID_UTF8);
  CHECK(b == NULL);
  CHECK(dg_last_error_position(&line, &offset) == DG_OK && offset == 2);
  CHECK(strstr(dg_last_error(), "UTF-8") != NULL);
  CHECK(dg_tokens(strict, bad, strlen(bad), &list) == DG_E_INVALID_UTF8 && list == NULL);
  CHECK(dg_normalize(strict, bad, strlen(bad), DG_NORMAL_NFC, &b) == DG_E_INVALID_UTF8);
  /* Lenient (the shared normaliser): U+FFFD, which separates in keys. */
  CHECK(normal_form(NULL, bad, DG_NORMAL_NFC, "ab\xEF\xBF\xBDx"));
  CHECK(produces(dg_search_key, NULL, bad, "ab x"));
  CHECK(produces(dg_search_key, strict, "ok", "ok"));
  dg_normalizer_free(strict);
  dg_normalizer_free(NULL);
  opts.version = 7;
  CHECK(dg_normalizer_new(&opts, &strict) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_normalizer_new(NULL, &strict) == DG_OK);
  dg_normalizer_free(strict);
}

static void test_arguments(void) {
  dg_buffer *b = NULL;
  CHECK(dg_search_key(NULL, NULL, 3, &b) == DG_E_INVALID_ARGUMENT && b == NULL);
  CHECK(dg_search_key(NULL, "x", 1, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_search_key(NULL, NULL, 0, &b) == DG_OK && dg_buffer_size(b) == 0);
  dg_buffer_free(b);
  CHECK(dg_token_list_size(NULL, NULL) == DG_E_INVALID_ARGUMENT);
  CHECK(dg_dominant_script(NULL, "x", 1, NULL) == DG_E_INVALID_ARGUMENT);
}

int main(void) {
  test_keys();
  test_forms();
  test_tokens();
  test_scripts();
  test_utf8_modes();
  test_arguments();
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
