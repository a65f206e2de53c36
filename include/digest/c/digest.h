/* digestcore C API: digests (the C side of digest.hpp): the posts of a
 * period (an ISO week or any range of days), grouped by source into
 * sections and ordered by date. A digest holds its own copies of the posts
 * and sources, so it outlives the collection it was built from. Rendering:
 * c/render.h.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. A digest is immutable: it may be read from many
 * threads at once. */
#ifndef DIGEST_C_DIGEST_H
#define DIGEST_C_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/errors.h"
#include "digest/c/model.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dg_digest dg_digest;
typedef struct dg_digest_section dg_digest_section;

#define DG_DIGEST_OPTIONS_VERSION 1
/* Options of the digest builders. Strings are copied during the call; NULL
 * with length 0 keeps the default. Initialise with DG_DIGEST_OPTIONS_INIT or
 * dg_digest_options_init. Since 0.2. */
typedef struct dg_digest_options {
  unsigned version;  /* DG_DIGEST_OPTIONS_VERSION */
  const char *title; /* default "Digest " + the period's label */
  size_t title_len;
  const char *label; /* the period's label; default "2021-W33" for a week,
                        "2021-08-16..2021-08-22" for a range */
  size_t label_len;
} dg_digest_options;
#define DG_DIGEST_OPTIONS_INIT {DG_DIGEST_OPTIONS_VERSION, NULL, 0, NULL, 0}
/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. Since 0.2. */
DG_API int dg_digest_options_init(dg_digest_options *opts, unsigned version);

/* Builds the digest of an ISO week ("2021-W33", also "2021W33"): the posts
 * whose digest date (posted_on, else published_on) falls from its Monday to
 * its Sunday. DG_E_PARSE for a malformed or impossible week. The caller owns
 * the digest and frees it with dg_digest_free. Since 0.1. */
DG_API int dg_digest_build_week(const dg_collection *collection, const char *week,
                                size_t week_len, dg_digest **out);
/* The same with options (opts may be NULL for the defaults). Since 0.2. */
DG_API int dg_digest_build_week_opts(const dg_collection *collection, const char *week,
                                     size_t week_len, const dg_digest_options *opts,
                                     dg_digest **out);
/* Builds the digest of the ISO week that contains `day` (opts may be NULL).
 * DG_E_INVALID_ARGUMENT for an impossible date. The caller owns the digest
 * and frees it with dg_digest_free. Since 0.2. */
DG_API int dg_digest_build_week_of(const dg_collection *collection, const dg_ymd *day,
                                   const dg_digest_options *opts, dg_digest **out);
/* Builds the digest of the days `first` to `last`, both included.
 * DG_E_INVALID_ARGUMENT for an impossible date or when last is before first.
 * opts may be NULL for the defaults. The caller owns the digest and frees
 * it with dg_digest_free. Since 0.2. */
DG_API int dg_digest_build_range(const dg_collection *collection, const dg_ymd *first,
                                 const dg_ymd *last, const dg_digest_options *opts,
                                 dg_digest **out);
/* Frees a digest; accepts NULL. Since 0.1. */
DG_API void dg_digest_free(dg_digest *digest);

/* Number of posts in all sections. Since 0.1. */
DG_API int dg_digest_post_count(const dg_digest *digest, size_t *out);
/* The title. The string is owned by the digest and valid until it is freed.
 * Since 0.2. */
DG_API int dg_digest_title(const dg_digest *digest, const char **out, size_t *out_len);
/* The period: its first and last days and its label. The label is owned by
 * the digest and valid until it is freed. Any out pointer may be NULL.
 * Since 0.2. */
DG_API int dg_digest_period(const dg_digest *digest, dg_ymd *out_first, dg_ymd *out_last,
                            const char **out_label, size_t *out_label_len);

/* Number of sections (one per source, ordered by heading), and the section
 * at `index`, owned by the digest and valid until it is freed. Since 0.2. */
DG_API int dg_digest_section_count(const dg_digest *digest, size_t *out);
DG_API int dg_digest_section_at(const dg_digest *digest, size_t index,
                                const dg_digest_section **out);

/* The text fields of a section. */
typedef enum dg_section_field {
  DG_SECTION_SOURCE_ID = 0, /* "" for posts without a source */
  DG_SECTION_HEADING = 1,   /* the source's name, else its id */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_SECTION_FIELD_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_SECTION_FIELD_FORCE_INT = 0x7fffffff
} dg_section_field;
/* A text field of the section, owned by the digest and valid until it is
 * freed. Since 0.2. */
DG_API int dg_digest_section_get(const dg_digest_section *section, dg_section_field field,
                                 const char **out, size_t *out_len);
/* The collection's record of the section's source. DG_E_NOT_FOUND when the
 * collection had none (the section is headed by the outlet as written). The
 * source is owned by the digest and valid until it is freed. Since 0.2. */
DG_API int dg_digest_section_source(const dg_digest_section *section, const dg_source **out);
/* Number of posts of the section (by digest date, then title, then id), and
 * the post at `index`, owned by the digest and valid until it is freed.
 * Since 0.2. */
DG_API int dg_digest_section_post_count(const dg_digest_section *section, size_t *out);
DG_API int dg_digest_section_post_at(const dg_digest_section *section, size_t index,
                                     const dg_post **out);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_DIGEST_H */
