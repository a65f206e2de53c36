/* digestcore C API: text normalisation (the C side of normalize.hpp).
 *
 * Text normalisation: NFC, NFKC and a typographic "display" form; the search
 * key (case, accents, Arabic-script letters, digits, punctuation folded);
 * word tokens of the key with their byte spans in the original text;
 * transliteration to ASCII Latin; the dominant script. See docs/normalize.md
 * for the rules.
 *
 * Every function that takes a `const dg_normalizer *` accepts NULL for the
 * process-wide lenient normaliser. A normaliser is immutable: one handle may
 * be used from many threads at once.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. */
#ifndef DIGEST_C_NORMALIZE_H
#define DIGEST_C_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/errors.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dg_normalizer dg_normalizer;
typedef struct dg_token_list dg_token_list;

/* Normal forms for dg_normalize. */
typedef enum dg_normal_form {
  DG_NORMAL_NFC = 0,     /* Unicode NFC */
  DG_NORMAL_NFKC = 1,    /* Unicode NFKC */
  DG_NORMAL_DISPLAY = 2, /* NFC plus meaning-preserving typographic clean-up */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_NORMAL_FORM_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_NORMAL_FORM_FORCE_INT = 0x7fffffff
} dg_normal_form;

/* What to do with input that is not well-formed UTF-8. */
typedef enum dg_utf8_mode {
  DG_UTF8_LENIENT = 0, /* each ill-formed sequence becomes U+FFFD */
  DG_UTF8_STRICT = 1,  /* DG_E_INVALID_UTF8; dg_last_error_position gives the byte offset */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_UTF8_MODE_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_UTF8_MODE_FORCE_INT = 0x7fffffff
} dg_utf8_mode;

#define DG_NORMALIZER_OPTIONS_VERSION 1
/* Options of dg_normalizer_new. Initialise with DG_NORMALIZER_OPTIONS_INIT or
 * dg_normalizer_options_init before setting fields. Since 0.1. */
typedef struct dg_normalizer_options {
  unsigned version;  /* DG_NORMALIZER_OPTIONS_VERSION */
  dg_utf8_mode utf8; /* default DG_UTF8_LENIENT */
} dg_normalizer_options;
#define DG_NORMALIZER_OPTIONS_INIT {DG_NORMALIZER_OPTIONS_VERSION, DG_UTF8_LENIENT}

/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. Since 0.1. */
DG_API int dg_normalizer_options_init(dg_normalizer_options *opts, unsigned version);

/* A new normaliser (opts may be NULL for the defaults). The caller owns it
 * and frees it with dg_normalizer_free. Since 0.1. */
DG_API int dg_normalizer_new(const dg_normalizer_options *opts, dg_normalizer **out);
DG_API void dg_normalizer_free(dg_normalizer *normalizer);

/* `text` in the normal form `form`. The caller owns the buffer and frees it
 * with dg_buffer_free. Since 0.1. */
DG_API int dg_normalize(const dg_normalizer *normalizer, const char *text, size_t text_len,
                        dg_normal_form form, dg_buffer **out);

/* The search key of `text` (idempotent). The caller owns the buffer and
 * frees it with dg_buffer_free. Since 0.1. */
DG_API int dg_search_key(const dg_normalizer *normalizer, const char *text, size_t text_len,
                         dg_buffer **out);

/* The cross-script key of `text`: the search key of its ASCII
 * transliteration, [a-z0-9 ] only. The caller owns the buffer and frees it
 * with dg_buffer_free. Since 0.1. */
DG_API int dg_latin_key(const dg_normalizer *normalizer, const char *text, size_t text_len,
                        dg_buffer **out);

/* `text` transliterated with ICU "Any-Latin; Latin-ASCII". The caller owns
 * the buffer and frees it with dg_buffer_free. Since 0.1. */
DG_API int dg_transliterate(const dg_normalizer *normalizer, const char *text, size_t text_len,
                            dg_buffer **out);

/* The ISO 15924 code ("Latn", "Arab", "Cyrl", ...) of the script most
 * letters of `text` are in; "Zyyy" when it has none. The string is static,
 * NUL-terminated and valid for the life of the process. Never fails on
 * ill-formed UTF-8 (those bytes are skipped). Since 0.1. */
DG_API int dg_dominant_script(const dg_normalizer *normalizer, const char *text,
                              size_t text_len, const char **out);

/* The word tokens of the search key of `text`. The caller owns the list and
 * frees it with dg_token_list_free. Since 0.1. */
DG_API int dg_tokens(const dg_normalizer *normalizer, const char *text, size_t text_len,
                     dg_token_list **out);
DG_API void dg_token_list_free(dg_token_list *list);
/* Number of tokens. Since 0.1. */
DG_API int dg_token_list_size(const dg_token_list *list, size_t *out);
/* Token `index`: its key (owned by the list, valid until the list is freed,
 * NUL-terminated) and its span [*out_begin, *out_end) in bytes of the text
 * given to dg_tokens. Any of the out pointers may be NULL. DG_E_INVALID_ARGUMENT
 * when index >= size. Since 0.1. */
DG_API int dg_token_list_at(const dg_token_list *list, size_t index, const char **out_key,
                            size_t *out_key_len, size_t *out_begin, size_t *out_end);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_NORMALIZE_H */
