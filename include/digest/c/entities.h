/* digestcore C API: the source registry and the gazetteer (named-entity
 * dictionary). Included by digest/digest.h; follows its conventions.
 * Rules: docs/entities.md. */
#ifndef DIGEST_C_ENTITIES_H
#define DIGEST_C_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

struct dg_buffer;
struct dg_collection;

/* ---- source registry ---------------------------------------------------- */
typedef struct dg_source_registry dg_source_registry;

/* A new empty registry. The caller owns it and frees it with
 * dg_source_registry_free. Since 0.1. */
DG_API int dg_source_registry_new(dg_source_registry **out);
/* A registry read from JSON ({"sources": [...]} or an array of sources), or
 * from a file. The caller owns it and frees it with dg_source_registry_free.
 * On failure *out is untouched and dg_last_error_position gives the byte
 * offset. Since 0.1. */
DG_API int dg_source_registry_load_json(dg_source_registry **out, const char *json,
                                        size_t json_len);
DG_API int dg_source_registry_load_file(dg_source_registry **out, const char *path);
DG_API void dg_source_registry_free(dg_source_registry *registry);

/* Adds a source. name, url may be NULL with length 0. DG_E_DUPLICATE_ID
 * when the id is taken. Since 0.1. */
DG_API int dg_source_registry_add(dg_source_registry *registry, const char *id, size_t id_len,
                                  const char *name, size_t name_len, const char *url,
                                  size_t url_len);
/* Adds an alias to the source `id` (DG_E_NOT_FOUND if none). Since 0.1. */
DG_API int dg_source_registry_add_alias(dg_source_registry *registry, const char *id,
                                        size_t id_len, const char *alias, size_t alias_len);
DG_API int dg_source_registry_count(const dg_source_registry *registry, size_t *out);
/* The registry as JSON. The caller owns the buffer and frees it with
 * dg_buffer_free. Since 0.1. */
DG_API int dg_source_registry_to_json(const dg_source_registry *registry, struct dg_buffer **out);

/* How dg_source_registry_resolve found the source. */
typedef enum dg_resolve_method {
  DG_RESOLVE_NAME = 0,
  DG_RESOLVE_ALIAS = 1,
  DG_RESOLVE_DOMAIN = 2,
  DG_RESOLVE_FUZZY = 3,
  /* Not a value: keeps the enum int-sized, so any int a caller passes is
     a defined value that the library can reject. */
  DG_RESOLVE_METHOD_FORCE_INT = 0x7fffffff
} dg_resolve_method;

/* Resolution options: initialise with DG_RESOLVE_OPTIONS_INIT or
 * dg_resolve_options_init. `fuzzy` (non-zero: on) enables the fuzzy step,
 * which needs a score of at least `min_fuzzy_score` (default 0.85). */
#define DG_RESOLVE_OPTIONS_VERSION 1
typedef struct dg_resolve_options {
  unsigned int version;
  int fuzzy;
  double min_fuzzy_score;
} dg_resolve_options;
#define DG_RESOLVE_OPTIONS_INIT {DG_RESOLVE_OPTIONS_VERSION, 1, 0.85}
DG_API int dg_resolve_options_init(dg_resolve_options *options, unsigned int version);

/* The source that `text` names: name, then alias, then the domain of a URL,
 * then a fuzzy match. DG_E_NOT_FOUND when none does, or when two sources are
 * equally close. *out_id (not NUL-terminated, length *out_id_len) is owned by
 * the registry and valid until it is changed or freed. out_score and
 * out_method may be NULL; options may be NULL for the defaults. Since 0.1. */
DG_API int dg_source_registry_resolve(const dg_source_registry *registry, const char *text,
                                      size_t text_len, const dg_resolve_options *options,
                                      const char **out_id, size_t *out_id_len,
                                      double *out_score, dg_resolve_method *out_method);

/* Sets each post's source to a registry id where its outlet as written (or
 * its URL) resolves. out_changed (may be NULL) receives the number of posts
 * changed. Since 0.1. */
DG_API int dg_source_registry_resolve_posts(const dg_source_registry *registry,
                                            struct dg_collection *collection,
                                            size_t *out_changed);

/* ---- gazetteer ---------------------------------------------------------- */
typedef struct dg_gazetteer dg_gazetteer;
typedef struct dg_entity_matches dg_entity_matches;

/* Flags of dg_gazetteer_add. */
#define DG_ALIAS_CASE_SENSITIVE 1u

/* A new empty gazetteer. The caller owns it and frees it with
 * dg_gazetteer_free. Since 0.1. */
DG_API int dg_gazetteer_new(dg_gazetteer **out);
/* A gazetteer read from JSON ({"entities": [...]}) or a file. The caller owns
 * it and frees it with dg_gazetteer_free. Since 0.1. */
DG_API int dg_gazetteer_load_json(dg_gazetteer **out, const char *json, size_t json_len);
DG_API int dg_gazetteer_load_file(dg_gazetteer **out, const char *path);
DG_API void dg_gazetteer_free(dg_gazetteer *gazetteer);

/* Adds one alias to entity `entity_id`, creating the entity if new. flags:
 * 0 or DG_ALIAS_CASE_SENSITIVE. DG_E_INVALID_ARGUMENT for an alias with no
 * words ("!!!"); DG_E_INVALID_UTF8; DG_E_LIMIT for an alias key over 1024
 * bytes. Since 0.1. */
DG_API int dg_gazetteer_add(dg_gazetteer *gazetteer, const char *entity_id, size_t entity_id_len,
                            const char *alias, size_t alias_len, unsigned int flags);
/* Adds the entities of a JSON document; all or nothing. Since 0.1. */
DG_API int dg_gazetteer_add_json(dg_gazetteer *gazetteer, const char *json, size_t json_len);
DG_API int dg_gazetteer_entity_count(const dg_gazetteer *gazetteer, size_t *out);
DG_API int dg_gazetteer_alias_count(const dg_gazetteer *gazetteer, size_t *out);
/* The dictionary as JSON. The caller owns the buffer and frees it with
 * dg_buffer_free. Since 0.1. */
DG_API int dg_gazetteer_to_json(const dg_gazetteer *gazetteer, struct dg_buffer **out);

/* The entity matches in `text` (leftmost-longest, whole tokens). The caller
 * owns the result and frees it with dg_entity_matches_free; it holds its own
 * copies of the strings and does not refer to the gazetteer. Safe to call
 * from many threads on one gazetteer that is not being changed. Since 0.1. */
DG_API int dg_gazetteer_find(const dg_gazetteer *gazetteer, const char *text, size_t text_len,
                             dg_entity_matches **out);
DG_API void dg_entity_matches_free(dg_entity_matches *matches);
DG_API int dg_entity_matches_count(const dg_entity_matches *matches, size_t *out);
/* Match `index`: its byte span [*out_begin, *out_end) in the text, the
 * entity id and the dictionary alias that matched. The strings are owned by
 * the matches and valid until they are freed; not NUL-terminated. Any of the
 * out pointers may be NULL. Since 0.1. */
DG_API int dg_entity_matches_get(const dg_entity_matches *matches, size_t index,
                                 size_t *out_begin, size_t *out_end, const char **out_entity,
                                 size_t *out_entity_len, const char **out_alias,
                                 size_t *out_alias_len);

/* Tags every post of the collection with the entities the gazetteer finds in
 * its title, excerpt and body: adds `prefix` + entity id (e.g.
 * "entity:sarvan-authority") to the post's tags, once per entity; tags
 * already there are kept. Read them with dg_post_tag_count/dg_post_tag_at.
 * out_added (may be NULL) receives the number of tags added. The prefix may
 * be empty. Since 0.1. */
DG_API int dg_collection_tag_entities(struct dg_collection *collection,
                                      const dg_gazetteer *gazetteer, const char *prefix,
                                      size_t prefix_len, size_t *out_added);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_ENTITIES_H */
