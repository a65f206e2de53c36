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

/* How a digest is put in sections. Since 0.3. */
typedef enum dg_group_by {
  DG_GROUP_BY_SOURCE = 0, /* a section per source, by heading (the default) */
  DG_GROUP_BY_NONE = 1,   /* one section, no heading */
  DG_GROUP_BY_ENTITY = 2, /* a section per entity ('entity:' tags), most items first */
  DG_GROUP_BY_STORY = 3,  /* one section, one item per story */
  DG_GROUP_BY_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_GROUP_BY_FORCE_INT = 0x7fffffff
} dg_group_by;
/* The order of items in a section. Since 0.3. */
typedef enum dg_rank {
  DG_RANK_DATE = 0,     /* oldest first (the default) */
  DG_RANK_NEWEST = 1,   /* newest first */
  DG_RANK_OUTLETS = 2,  /* stories carried by more outlets first */
  DG_RANK_ENTITIES = 3, /* items naming more of the digest's frequent entities first */
  DG_RANK_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_RANK_FORCE_INT = 0x7fffffff
} dg_rank;

/* Version 2 (since 0.3) adds the fields after label_len; version 1 structs
 * are still accepted and get the defaults for them. */
#define DG_DIGEST_OPTIONS_VERSION 2
/* Options of the digest builders. Strings are copied during the call; NULL
 * with length 0 keeps the default. Initialise with DG_DIGEST_OPTIONS_INIT or
 * dg_digest_options_init. Since 0.2. */
typedef struct dg_digest_options {
  unsigned version;  /* DG_DIGEST_OPTIONS_VERSION */
  const char *title; /* a template: {period} {first} {last} {label} {count}
                        are filled in; default "Weekly Digest – Aug 22, 2021"
                        and the like, in the locale */
  size_t title_len;
  const char *label; /* replaces the period's label ("2021-W33",
                        "2021-08-16/2021-08-22") */
  size_t label_len;
  /* ---- version 2 (since 0.3) ---- */
  const char *locale; /* BCP 47: labels, dates, digits; default "en" */
  size_t locale_len;
  dg_group_by group_by;
  dg_rank rank;
  int collapse_stories; /* non-zero: one item per story, "also in" for the rest */
  size_t per_section;   /* items per section; 0: no limit */
  size_t limit;         /* items in the digest; 0: no limit */
  /* Names entity sections, and tags the period's posts when none carries an
   * entity tag (group by entity, rank by entities). Borrowed for the call;
   * may be NULL. */
  const struct dg_gazetteer *entities;
  /* The day relative periods count from (dg_digest_build); NULL: today (UTC).
   * Borrowed for the call. */
  const dg_ymd *reference;
} dg_digest_options;
#define DG_DIGEST_OPTIONS_INIT \
  {DG_DIGEST_OPTIONS_VERSION, NULL, 0, NULL, 0, NULL, 0, DG_GROUP_BY_SOURCE, DG_RANK_DATE, 0, 0, 0, NULL, NULL}
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
/* Builds the digest of a period written as parse_period reads it:
 * "2021-W36", "2021-08", "1400-06" (Solar Hijri), "2021-08-12/2021-08-18",
 * "P7D/2021-09-10", "week-ending:fri", "last-7-days" (docs/digest.md). When
 * the options ask for stories or entities the posts lack, they are found
 * over the period's posts (the collection is not changed). The caller owns
 * the digest and frees it with dg_digest_free. Since 0.3. */
DG_API int dg_digest_build(const dg_collection *collection, const char *period,
                           size_t period_len, const dg_digest_options *opts, dg_digest **out);
/* The first and last day of a period as dg_digest_build reads it (reference
 * NULL: today). DG_E_PARSE with the byte offset in dg_last_error. Since 0.3. */
DG_API int dg_period_parse(const char *period, size_t period_len, const dg_ymd *reference,
                           dg_ymd *out_first, dg_ymd *out_last);
/* A digest read back from its JSON (dg_digest_render with DG_RENDER_JSON).
 * The caller owns the digest and frees it with dg_digest_free. Since 0.3. */
DG_API int dg_digest_from_json(const char *json, size_t json_len, dg_digest **out);
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
/* The item at `index` of a section (parallel to its posts): its story id
 * (owned by the digest), the number of outlets that carried the story, and
 * the story's other posts ("also in"), owned by the digest. Since 0.3. */
DG_API int dg_digest_section_item_story(const dg_digest_section *section, size_t index,
                                        const char **out, size_t *out_len);
DG_API int dg_digest_section_item_outlets(const dg_digest_section *section, size_t index,
                                          size_t *out);
DG_API int dg_digest_section_item_also_count(const dg_digest_section *section, size_t index,
                                             size_t *out);
DG_API int dg_digest_section_item_also_at(const dg_digest_section *section, size_t index,
                                          size_t also_index, const dg_post **out);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_DIGEST_H */
