/*
 * digestcore C API.
 *
 * Conventions (they hold for every function in this header and the headers
 * it includes):
 * - Names are dg_<object>_<verb>. Handles are opaque.
 * - Every function returns an int status: DG_OK (0) or one of the negative
 *   DG_E_* codes below, whose values are stable. On failure,
 *   dg_last_error() describes it; outputs are left untouched.
 * - Outputs come first and are named out*.
 * - Strings are UTF-8, passed as pointer and length; a NULL pointer with
 *   length 0 is the empty string. Strings returned through `const char **out`
 *   with a `size_t *out_len` are NOT NUL-terminated unless stated.
 * - Ownership is stated on each function. Objects returned by *_new, *_load,
 *   *_build are owned by the caller and freed with their *_free, which
 *   accepts NULL. Buffers returned as dg_buffer are freed with dg_buffer_free.
 * - No C++ exception crosses this boundary.
 * - Thread safety: distinct handles may be used from distinct threads; one
 *   handle must not be mutated from two threads at once. Read-only calls on
 *   one handle from many threads are safe.
 */
#ifndef DIGEST_DIGEST_H
#define DIGEST_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "digest/export.h"
#include "digest/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status codes (stable) ------------------------------------------------ */
#define DG_OK 0
#define DG_E_INVALID_ARGUMENT (-1) /* a NULL or out-of-range argument */
#define DG_E_PARSE (-2)            /* malformed input */
#define DG_E_INVALID_UTF8 (-3)     /* input is not well-formed UTF-8 */
#define DG_E_WRONG_TYPE (-4)       /* a JSON value of the wrong type */
#define DG_E_MISSING_FIELD (-5)    /* a required field is absent */
#define DG_E_DUPLICATE_ID (-6)     /* an id already in the collection */
#define DG_E_NOT_FOUND (-7)        /* a lookup found nothing */
#define DG_E_IO (-8)               /* a file could not be read or written */
#define DG_E_LIMIT (-9)            /* input over a documented limit */
#define DG_E_INTERNAL (-10)        /* a bug in digestcore */
#define DG_E_NO_MEMORY (-11)       /* allocation failed */

/* The message of the last failure on this thread; "" after a success. Never
 * NULL. The string is owned by the library and valid until the next call
 * into the library on this thread. Since 0.1. */
DG_API const char *dg_last_error(void);
/* Position of the last failure on this thread: 1-based line (0 if unknown)
 * and 0-based byte offset (-1 if unknown). Since 0.1. */
DG_API int dg_last_error_position(uint64_t *out_line, int64_t *out_offset);

/* Version of the library loaded at run time: "0.1.0" (static string) and
 * DG_VERSION_NUMBER's encoding. Since 0.1. */
DG_API const char *dg_version(void);
DG_API unsigned dg_version_number(void);

/* ---- buffers ------------------------------------------------------------ */
/* Bytes produced by the library (exports, renders). data is NUL-terminated
 * for convenience; len excludes the NUL. */
typedef struct dg_buffer dg_buffer;
DG_API const char *dg_buffer_data(const dg_buffer *buffer);
DG_API size_t dg_buffer_size(const dg_buffer *buffer);
DG_API void dg_buffer_free(dg_buffer *buffer);

/* ---- collections -------------------------------------------------------- */
typedef struct dg_collection dg_collection;
typedef struct dg_post dg_post;

/* Input formats for dg_collection_import_*. */
typedef enum dg_format {
  DG_FORMAT_DETECT = 0,
  DG_FORMAT_OWN = 1,
  DG_FORMAT_JSON_LINES = 2,
  DG_FORMAT_JSON_FEED = 3,
  DG_FORMAT_WORDPRESS = 4,
  /* Not a value: keeps the enum int-sized, so any int a caller passes is
     a defined value that the library can reject. */
  DG_FORMAT_FORCE_INT = 0x7fffffff
} dg_format;

/* A new empty collection. The caller owns it and frees it with
 * dg_collection_free. Since 0.1. */
DG_API int dg_collection_new(dg_collection **out);
DG_API void dg_collection_free(dg_collection *collection);

/* Imports JSON into the collection. All or nothing: on failure the collection
 * is unchanged. out_added (may be NULL) receives the number of posts added.
 * Since 0.1. */
DG_API int dg_collection_import_json(dg_collection *collection, const char *json,
                                     size_t json_len, dg_format format,
                                     size_t *out_added);
DG_API int dg_collection_import_file(dg_collection *collection, const char *path,
                                     dg_format format, size_t *out_added);

DG_API int dg_collection_post_count(const dg_collection *collection, size_t *out);
/* The post at `index` (insertion order) or with `id`. The post is owned by
 * the collection and valid until the collection is freed or changed.
 * Since 0.1. */
DG_API int dg_collection_post_at(const dg_collection *collection, size_t index,
                                 const dg_post **out);
DG_API int dg_collection_find_post(const dg_collection *collection, const char *id,
                                   size_t id_len, const dg_post **out);

/* Exports as the own format (DG_FORMAT_OWN), JSON Lines or JSON Feed 1.1.
 * The caller owns the buffer and frees it with dg_buffer_free. Since 0.1. */
DG_API int dg_collection_export(const dg_collection *collection, dg_format format,
                                dg_buffer **out);

/* ---- posts -------------------------------------------------------------- */
/* Fields of a post. The string is owned by the post and valid until the post
 * is freed (with its collection). Not NUL-terminated. Since 0.1. */
typedef enum dg_post_field {
  DG_POST_ID = 0,
  DG_POST_TITLE = 1,
  DG_POST_URL = 2,
  DG_POST_SOURCE = 3,
  DG_POST_PLACE = 4,
  DG_POST_EXCERPT = 5,
  DG_POST_BODY = 6,
  DG_POST_LANGUAGE = 7,
  /* Not a value: keeps the enum int-sized, so any int a caller passes is
     a defined value that the library can reject. */
  DG_POST_FIELD_FORCE_INT = 0x7fffffff
} dg_post_field;
DG_API int dg_post_get(const dg_post *post, dg_post_field field, const char **out,
                       size_t *out_len);
/* Number of authors, and the author at `index` (owned by the post). */
DG_API int dg_post_author_count(const dg_post *post, size_t *out);
DG_API int dg_post_author_at(const dg_post *post, size_t index, const char **out,
                             size_t *out_len);
/* Number of tags, and the tag at `index` (owned by the post, valid until
 * the post is freed or its collection changed; not NUL-terminated).
 * Since 0.1. */
DG_API int dg_post_tag_count(const dg_post *post, size_t *out);
DG_API int dg_post_tag_at(const dg_post *post, size_t index, const char **out,
                          size_t *out_len);
/* The digest date (posted_on, else published_on) as year, month, day.
 * DG_E_NOT_FOUND when the post has neither. Since 0.1. */
DG_API int dg_post_digest_date(const dg_post *post, int *out_year, int *out_month,
                               int *out_day);

/* ---- digests ------------------------------------------------------------ */
typedef struct dg_digest dg_digest;
/* Builds the digest of an ISO week ("2021-W33"). The caller owns the digest
 * and frees it with dg_digest_free; it does not refer to the collection.
 * Since 0.1. */
DG_API int dg_digest_build_week(const dg_collection *collection, const char *week,
                                size_t week_len, dg_digest **out);
DG_API void dg_digest_free(dg_digest *digest);
DG_API int dg_digest_post_count(const dg_digest *digest, size_t *out);

typedef enum dg_render_format {
  DG_RENDER_MARKDOWN = 0,
  DG_RENDER_JSON = 1,
  /* Not a value: keeps the enum int-sized, so any int a caller passes is
     a defined value that the library can reject. */
  DG_RENDER_FORMAT_FORCE_INT = 0x7fffffff
} dg_render_format;
/* The caller owns the buffer and frees it with dg_buffer_free. Since 0.1. */
DG_API int dg_digest_render(const dg_digest *digest, dg_render_format format,
                            dg_buffer **out);

#ifdef __cplusplus
}
#endif

/* Module APIs: normalisation, dates and attribution, sources and entities. */
#include "digest/c/normalize.h"
#include "digest/c/dates.h"
#include "digest/c/entities.h"

#endif /* DIGEST_DIGEST_H */
