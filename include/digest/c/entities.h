/* digestcore C API: the gazetteer (the C side of entities.hpp), a
 * dictionary of named entities (organisations, people, places) with aliases
 * in any script, matched leftmost-longest on whole tokens, and the tagging
 * of a collection's posts with the entities they mention. Rules:
 * docs/entities.md. Reading and writing gazetteers as JSON: c/json.h.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. Building a gazetteer is not thread-safe; once
 * built, finding and tagging are safe from many threads at once. */
#ifndef DIGEST_C_ENTITIES_H
#define DIGEST_C_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/errors.h"
#include "digest/c/model.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dg_gazetteer dg_gazetteer;
typedef struct dg_entity_matches dg_entity_matches;
typedef struct dg_entity_counts dg_entity_counts;

/* Flags of dg_gazetteer_add. */
#define DG_ALIAS_CASE_SENSITIVE 1u

/* Which texts of a post tagging reads (flags; DG_TAG_ALL by default). */
#define DG_TAG_TITLE 1u
#define DG_TAG_EXCERPT 2u
#define DG_TAG_BODY 4u
#define DG_TAG_ALL 7u

/* A new empty gazetteer. The caller owns it and frees it with
 * dg_gazetteer_free. Since 0.1. */
DG_API int dg_gazetteer_new(dg_gazetteer **out);
/* Frees a gazetteer; accepts NULL. Since 0.1. */
DG_API void dg_gazetteer_free(dg_gazetteer *gazetteer);

/* Adds one alias to entity `entity_id`, creating the entity if new. flags:
 * 0 or DG_ALIAS_CASE_SENSITIVE. DG_E_INVALID_ARGUMENT for an alias with no
 * words ("!!!"); DG_E_INVALID_UTF8; DG_E_LIMIT for an alias key over 1024
 * bytes. Since 0.1. */
DG_API int dg_gazetteer_add(dg_gazetteer *gazetteer, const char *entity_id, size_t entity_id_len,
                            const char *alias, size_t alias_len, unsigned int flags);
/* Adds entity `entity_id` with a display name (matched like an alias when
 * not empty) and a free-text type ("organization", "person", ...); either
 * may be NULL with length 0. An entity of that id gets the name and type it
 * lacks. Errors as dg_gazetteer_add. Since 0.2. */
DG_API int dg_gazetteer_add_entity(dg_gazetteer *gazetteer, const char *entity_id,
                                   size_t entity_id_len, const char *name, size_t name_len,
                                   const char *type, size_t type_len);
/* Builds the matching automaton now (the first find does it otherwise).
 * Since 0.2. */
DG_API int dg_gazetteer_compile(const dg_gazetteer *gazetteer);
/* Number of entities, and of distinct aliases (names included). Since 0.1. */
DG_API int dg_gazetteer_entity_count(const dg_gazetteer *gazetteer, size_t *out);
DG_API int dg_gazetteer_alias_count(const dg_gazetteer *gazetteer, size_t *out);
/* Entity `index` (in the order added): its id, name and type. The strings are
 * owned by the gazetteer and valid until it is changed or freed; any pair of
 * out pointers may be NULL. Since 0.2. */
DG_API int dg_gazetteer_entity_at(const dg_gazetteer *gazetteer, size_t index,
                                  const char **out_id, size_t *out_id_len,
                                  const char **out_name, size_t *out_name_len,
                                  const char **out_type, size_t *out_type_len);
/* The index of the entity `entity_id`; DG_E_NOT_FOUND when none. Since 0.2. */
DG_API int dg_gazetteer_find_entity(const dg_gazetteer *gazetteer, const char *entity_id,
                                    size_t entity_id_len, size_t *out_index);
/* The aliases of entity `entity_index` (its name not included): how many,
 * and alias `alias_index` with its flags (0 or DG_ALIAS_CASE_SENSITIVE; may
 * be NULL). The string is owned by the gazetteer and valid until it is
 * changed or freed. Since 0.2. */
DG_API int dg_gazetteer_entity_alias_count(const dg_gazetteer *gazetteer, size_t entity_index,
                                           size_t *out);
DG_API int dg_gazetteer_entity_alias_at(const dg_gazetteer *gazetteer, size_t entity_index,
                                        size_t alias_index, const char **out,
                                        size_t *out_len, unsigned int *out_flags);

/* The entity matches in `text` (leftmost-longest, whole tokens). The caller
 * owns the result and frees it with dg_entity_matches_free; it holds its own
 * copies of the strings and does not refer to the gazetteer. Since 0.1. */
DG_API int dg_gazetteer_find(const dg_gazetteer *gazetteer, const char *text, size_t text_len,
                             dg_entity_matches **out);
/* Frees matches; accepts NULL. Since 0.1. */
DG_API void dg_entity_matches_free(dg_entity_matches *matches);
/* Number of matches. Since 0.1. */
DG_API int dg_entity_matches_count(const dg_entity_matches *matches, size_t *out);
/* Match `index`: its byte span [*out_begin, *out_end) in the text, the
 * entity id and the dictionary alias that matched. The strings are owned by
 * the matches and valid until they are freed. Any of the out pointers may
 * be NULL. Since 0.1. */
DG_API int dg_entity_matches_get(const dg_entity_matches *matches, size_t index,
                                 size_t *out_begin, size_t *out_end, const char **out_entity,
                                 size_t *out_entity_len, const char **out_alias,
                                 size_t *out_alias_len);

/* The entities `post` mentions in the texts `fields` names (DG_TAG_* flags),
 * most mentioned first, then by id. The caller owns the result and frees it
 * with dg_entity_counts_free; it does not refer to the gazetteer or the
 * post. Since 0.2. */
DG_API int dg_gazetteer_post_entities(const dg_gazetteer *gazetteer, const dg_post *post,
                                      unsigned int fields, dg_entity_counts **out);
/* Frees counts; accepts NULL. Since 0.2. */
DG_API void dg_entity_counts_free(dg_entity_counts *counts);
/* Number of entities, and entity `index`: its id (owned by the counts, valid
 * until they are freed) and how many times the post mentions it (may be
 * NULL). Since 0.2. */
DG_API int dg_entity_counts_count(const dg_entity_counts *counts, size_t *out);
DG_API int dg_entity_counts_at(const dg_entity_counts *counts, size_t index,
                               const char **out_entity, size_t *out_entity_len,
                               size_t *out_mentions);

/* Tags every post of the collection with the entities the gazetteer finds in
 * its title, excerpt and body: adds `prefix` + entity id (e.g.
 * "entity:sarvan-authority") to the post's tags, once per entity; tags
 * already there are kept. out_added (may be NULL) receives the number of
 * tags added. The prefix may be empty. This is step 3 of
 * dg_collection_curate. Since 0.1. */
DG_API int dg_collection_tag_entities(dg_collection *collection, const dg_gazetteer *gazetteer,
                                      const char *prefix, size_t prefix_len,
                                      size_t *out_added);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_ENTITIES_H */
