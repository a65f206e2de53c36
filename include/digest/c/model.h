/* digestcore C API: the data model (the C side of model.hpp): collections,
 * posts (clippings) and sources (outlets), read field by field, and built
 * field by field without JSON.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here.
 *
 * Handles to posts and sources (const dg_post *, const dg_source *) are
 * views into the object that handed them out (a collection, a digest, a
 * registry or a builder); they are never freed. A collection's views are
 * valid until the collection is changed (an import, an add, a curate, a
 * replace) or freed. */
#ifndef DIGEST_C_MODEL_H
#define DIGEST_C_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/errors.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dg_collection dg_collection;
typedef struct dg_post dg_post;
typedef struct dg_source dg_source;

/* A Gregorian calendar date. A plain value: nothing to free. */
typedef struct dg_ymd {
  int year; /* 1400..9999 */
  int month; /* 1..12 */
  int day;   /* 1..31 */
} dg_ymd;

/* A date with an optional time of day and an optional UTC offset. A time
 * without an offset is local time of an unknown zone; an offset needs a
 * time. A plain value: nothing to free. */
typedef struct dg_datetime {
  int year; /* 1400..9999 */
  int month;
  int day;
  int has_time;               /* non-zero: `seconds` holds the time of day */
  int32_t seconds;            /* seconds since midnight, 0..86399 */
  int has_offset;             /* non-zero: `utc_offset_minutes` holds the offset */
  int32_t utc_offset_minutes; /* -1080..1080, e.g. 270 for +04:30 */
} dg_datetime;

/* ---- collections ------------------------------------------------------------ */

/* A new empty collection. The caller owns it and frees it with
 * dg_collection_free. Since 0.1. */
DG_API int dg_collection_new(dg_collection **out);
/* Frees a collection and everything it owns; accepts NULL. Since 0.1. */
DG_API void dg_collection_free(dg_collection *collection);

/* Number of posts. Since 0.1. */
DG_API int dg_collection_post_count(const dg_collection *collection, size_t *out);
/* The post at `index` (insertion order; DG_E_INVALID_ARGUMENT when out of
 * range) or with `id` (DG_E_NOT_FOUND). The post is owned by the collection
 * and valid until the collection is changed or freed. Since 0.1. */
DG_API int dg_collection_post_at(const dg_collection *collection, size_t index,
                                 const dg_post **out);
DG_API int dg_collection_find_post(const dg_collection *collection, const char *id,
                                   size_t id_len, const dg_post **out);

/* Number of sources. Since 0.2. */
DG_API int dg_collection_source_count(const dg_collection *collection, size_t *out);
/* The source at `index` (insertion order; DG_E_INVALID_ARGUMENT when out of
 * range) or with `id` (DG_E_NOT_FOUND). The source is owned by the
 * collection and valid until the collection is changed or freed. Since 0.2. */
DG_API int dg_collection_source_at(const dg_collection *collection, size_t index,
                                   const dg_source **out);
DG_API int dg_collection_find_source(const dg_collection *collection, const char *id,
                                     size_t id_len, const dg_source **out);

/* ---- posts -------------------------------------------------------------------- */

/* The text fields of a post. */
typedef enum dg_post_field {
  DG_POST_ID = 0,
  DG_POST_TITLE = 1,
  DG_POST_URL = 2,
  DG_POST_SOURCE = 3, /* a source id when known, else the outlet as written */
  DG_POST_PLACE = 4,
  DG_POST_EXCERPT = 5,
  DG_POST_BODY = 6,
  DG_POST_LANGUAGE = 7, /* BCP 47 */
  /* The near-duplicate cluster and the story the post belongs to, each named
     after a post id; "" when not set (curate's stories step sets them).
     Since 0.3. */
  DG_POST_CLUSTER = 8,
  DG_POST_STORY = 9,
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_POST_FIELD_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_POST_FIELD_FORCE_INT = 0x7fffffff
} dg_post_field;

/* A text field of the post ("" when empty). The string is owned by the post
 * and valid as long as the post is. Since 0.1. */
DG_API int dg_post_get(const dg_post *post, dg_post_field field, const char **out,
                       size_t *out_len);
/* Number of authors, and the author at `index` (owned by the post, valid as
 * long as the post is; DG_E_INVALID_ARGUMENT when out of range). Since 0.1. */
DG_API int dg_post_author_count(const dg_post *post, size_t *out);
DG_API int dg_post_author_at(const dg_post *post, size_t index, const char **out,
                             size_t *out_len);
/* Number of tags, and the tag at `index` (owned by the post, valid as long as
 * the post is; DG_E_INVALID_ARGUMENT when out of range). Since 0.1. */
DG_API int dg_post_tag_count(const dg_post *post, size_t *out);
DG_API int dg_post_tag_at(const dg_post *post, size_t index, const char **out,
                          size_t *out_len);
/* When the curator posted the clipping (posted_on) and when the outlet
 * published the original (published_on), copied into *out. DG_E_NOT_FOUND
 * when the post does not have it. Since 0.2. */
DG_API int dg_post_posted_on(const dg_post *post, dg_datetime *out);
DG_API int dg_post_published_on(const dg_post *post, dg_datetime *out);
/* The digest date (posted_on, else published_on) as year, month, day.
 * DG_E_NOT_FOUND when the post has neither. Since 0.1. */
DG_API int dg_post_digest_date(const dg_post *post, int *out_year, int *out_month,
                               int *out_day);
/* Extras: the members the schema does not define, kept verbatim for export.
 * Number of extras, and extra `index`: its name and its value as JSON text
 * (minified). Both strings are owned by the post and valid as long as the
 * post is; either pair of out pointers may be NULL. Since 0.2. */
DG_API int dg_post_extra_count(const dg_post *post, size_t *out);
DG_API int dg_post_extra_at(const dg_post *post, size_t index, const char **out_name,
                            size_t *out_name_len, const char **out_json, size_t *out_json_len);
/* The JSON text of the extra named `name` (owned by the post, valid as long
 * as the post is). DG_E_NOT_FOUND when it has none. Since 0.2. */
DG_API int dg_post_find_extra(const dg_post *post, const char *name, size_t name_len,
                              const char **out_json, size_t *out_json_len);

/* ---- sources ----------------------------------------------------------------- */

/* The text fields of a source. */
typedef enum dg_source_field {
  DG_SOURCE_ID = 0,
  DG_SOURCE_NAME = 1,
  DG_SOURCE_URL = 2,
  DG_SOURCE_LANGUAGE = 3, /* BCP 47 */
  DG_SOURCE_COUNTRY = 4,  /* ISO 3166-1 alpha-2 */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_SOURCE_FIELD_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_SOURCE_FIELD_FORCE_INT = 0x7fffffff
} dg_source_field;

/* A text field of the source ("" when empty). The string is owned by the
 * source and valid as long as the source is. Since 0.2. */
DG_API int dg_source_get(const dg_source *source, dg_source_field field, const char **out,
                         size_t *out_len);
/* Number of aliases, and the alias at `index` (owned by the source, valid as
 * long as the source is). Since 0.2. */
DG_API int dg_source_alias_count(const dg_source *source, size_t *out);
DG_API int dg_source_alias_at(const dg_source *source, size_t index, const char **out,
                              size_t *out_len);
/* Extras of the source, as for posts (dg_post_extra_at). Since 0.2. */
DG_API int dg_source_extra_count(const dg_source *source, size_t *out);
DG_API int dg_source_extra_at(const dg_source *source, size_t index, const char **out_name,
                              size_t *out_name_len, const char **out_json,
                              size_t *out_json_len);
DG_API int dg_source_find_extra(const dg_source *source, const char *name, size_t name_len,
                                const char **out_json, size_t *out_json_len);

/* ---- building posts -------------------------------------------------------- */

/* A post being built, field by field, to be added to collections (as a copy:
 * the builder stays the caller's and can be changed and added again). Every
 * string is copied and must be well-formed UTF-8 (DG_E_INVALID_UTF8 with the
 * byte offset in dg_last_error_position and the field in
 * dg_last_error_field); on any failure the builder is unchanged. */
typedef struct dg_post_builder dg_post_builder;

/* A new builder with every field empty. The caller owns it and frees it with
 * dg_post_builder_free. Since 0.2. */
DG_API int dg_post_builder_new(dg_post_builder **out);
/* A new builder holding a copy of `post` (to change a post: edit the copy,
 * then dg_collection_replace_post). The caller owns it and frees it with
 * dg_post_builder_free. Since 0.2. */
DG_API int dg_post_builder_from_post(dg_post_builder **out, const dg_post *post);
/* Frees a builder; accepts NULL. Since 0.2. */
DG_API void dg_post_builder_free(dg_post_builder *builder);

/* Sets a text field (NULL with length 0 empties it). Since 0.2. */
DG_API int dg_post_builder_set(dg_post_builder *builder, dg_post_field field,
                               const char *value, size_t value_len);
/* Sets posted_on or published_on; NULL removes it. DG_E_INVALID_ARGUMENT for
 * an impossible date, a year outside 1400..9999, seconds outside 0..86399,
 * an offset outside -1080..1080 minutes, or an offset without a time.
 * Since 0.2. */
DG_API int dg_post_builder_set_posted_on(dg_post_builder *builder, const dg_datetime *value);
DG_API int dg_post_builder_set_published_on(dg_post_builder *builder, const dg_datetime *value);
/* Appends an author or a tag; the clear functions remove them all.
 * Since 0.2. */
DG_API int dg_post_builder_add_author(dg_post_builder *builder, const char *author,
                                      size_t author_len);
DG_API int dg_post_builder_clear_authors(dg_post_builder *builder);
DG_API int dg_post_builder_add_tag(dg_post_builder *builder, const char *tag, size_t tag_len);
DG_API int dg_post_builder_clear_tags(dg_post_builder *builder);
/* Sets the extra `name` to `json`, one JSON value (an object, array, string,
 * number, true, false or null; it is checked and stored minified). Replaces
 * an extra of the same name, else appends. DG_E_INVALID_ARGUMENT for an
 * empty name or a name the schema defines ("title", "tags", ...);
 * DG_E_PARSE when `json` is not exactly one JSON value; DG_E_LIMIT when it
 * nests deeper than an import of the own format accepts there (the default
 * depth limit, 64, counted from the document). Since 0.2. */
DG_API int dg_post_builder_set_extra(dg_post_builder *builder, const char *name,
                                     size_t name_len, const char *json, size_t json_len);
/* Removes every extra. Since 0.2. */
DG_API int dg_post_builder_clear_extras(dg_post_builder *builder);
/* The post as built so far, to read with the dg_post_* functions. It is
 * owned by the builder and valid until the builder is changed or freed.
 * Since 0.2. */
DG_API int dg_post_builder_view(const dg_post_builder *builder, const dg_post **out);

/* Adds a copy of the builder's post. DG_E_INVALID_ARGUMENT when its id is
 * empty; DG_E_DUPLICATE_ID when the collection has a post with that id.
 * On failure the collection is unchanged. Since 0.2. */
DG_API int dg_collection_add_post(dg_collection *collection, const dg_post_builder *builder);
/* Replaces the post that has the builder's id with a copy of the builder's
 * post. DG_E_NOT_FOUND when there is none. Views of that post then show the
 * new values. Since 0.2. */
DG_API int dg_collection_replace_post(dg_collection *collection, const dg_post_builder *builder);

/* ---- building sources ------------------------------------------------------- */

/* A source being built, as dg_post_builder does for posts; it is added to a
 * collection (dg_collection_add_source) or a registry
 * (dg_source_registry_add_source) as a copy. */
typedef struct dg_source_builder dg_source_builder;

/* A new builder with every field empty, or holding a copy of `source`. The
 * caller owns it and frees it with dg_source_builder_free. Since 0.2. */
DG_API int dg_source_builder_new(dg_source_builder **out);
DG_API int dg_source_builder_from_source(dg_source_builder **out, const dg_source *source);
/* Frees a builder; accepts NULL. Since 0.2. */
DG_API void dg_source_builder_free(dg_source_builder *builder);
/* Sets a text field (NULL with length 0 empties it). Since 0.2. */
DG_API int dg_source_builder_set(dg_source_builder *builder, dg_source_field field,
                                 const char *value, size_t value_len);
/* Appends an alias; dg_source_builder_clear_aliases removes them all.
 * Since 0.2. */
DG_API int dg_source_builder_add_alias(dg_source_builder *builder, const char *alias,
                                       size_t alias_len);
DG_API int dg_source_builder_clear_aliases(dg_source_builder *builder);
/* Extras, as dg_post_builder_set_extra and dg_post_builder_clear_extras.
 * Since 0.2. */
DG_API int dg_source_builder_set_extra(dg_source_builder *builder, const char *name,
                                       size_t name_len, const char *json, size_t json_len);
DG_API int dg_source_builder_clear_extras(dg_source_builder *builder);
/* The source as built so far, owned by the builder and valid until the
 * builder is changed or freed. Since 0.2. */
DG_API int dg_source_builder_view(const dg_source_builder *builder, const dg_source **out);

/* Adds a copy of the builder's source. DG_E_INVALID_ARGUMENT when its id is
 * empty; DG_E_DUPLICATE_ID when the collection has a source with that id.
 * On failure the collection is unchanged. Since 0.2. */
DG_API int dg_collection_add_source(dg_collection *collection,
                                    const dg_source_builder *builder);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_MODEL_H */
