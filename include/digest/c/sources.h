/* digestcore C API: the source registry (the C side of sources.hpp): the
 * outlets curators track, each with a name, aliases in any script, a URL or
 * domain, language and country, and resolution of the outlet a text names
 * (exact name, alias, domain, then a fuzzy match on search keys). Rules:
 * docs/entities.md. Reading and writing registries as JSON: c/json.h.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. A registry must not be changed while another
 * thread uses it; once filled, its const functions are safe from many
 * threads. */
#ifndef DIGEST_C_SOURCES_H
#define DIGEST_C_SOURCES_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/errors.h"
#include "digest/c/model.h"
#include "digest/c/outlet_lookup.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dg_source_registry dg_source_registry;

/* A new empty registry. The caller owns it and frees it with
 * dg_source_registry_free. Since 0.1. */
DG_API int dg_source_registry_new(dg_source_registry **out);
/* A registry of the collection's sources (copies). The caller owns it and
 * frees it with dg_source_registry_free. Since 0.2. */
DG_API int dg_source_registry_from_collection(dg_source_registry **out,
                                              const dg_collection *collection);
/* Frees a registry; accepts NULL. Since 0.1. */
DG_API void dg_source_registry_free(dg_source_registry *registry);

/* Adds a source with an id, a name and a URL (name and url may be NULL with
 * length 0). DG_E_DUPLICATE_ID when the id is taken; DG_E_INVALID_UTF8.
 * Since 0.1. */
DG_API int dg_source_registry_add(dg_source_registry *registry, const char *id, size_t id_len,
                                  const char *name, size_t name_len, const char *url,
                                  size_t url_len);
/* Adds a copy of the builder's source, with every field. DG_E_DUPLICATE_ID
 * when the id is taken; DG_E_INVALID_ARGUMENT for an empty id. Since 0.2. */
DG_API int dg_source_registry_add_source(dg_source_registry *registry,
                                         const dg_source_builder *builder);
/* Adds an alias to the source `id` (DG_E_NOT_FOUND if none). Views of the
 * registry's sources are invalidated. Since 0.1. */
DG_API int dg_source_registry_add_alias(dg_source_registry *registry, const char *id,
                                        size_t id_len, const char *alias, size_t alias_len);
/* Number of sources. Since 0.1. */
DG_API int dg_source_registry_count(const dg_source_registry *registry, size_t *out);
/* The source at `index` (in the order added; DG_E_INVALID_ARGUMENT when out
 * of range) or with `id` (DG_E_NOT_FOUND). The source is owned by the
 * registry and valid until the registry is changed or freed. Since 0.2. */
DG_API int dg_source_registry_source_at(const dg_source_registry *registry, size_t index,
                                        const dg_source **out);
DG_API int dg_source_registry_find(const dg_source_registry *registry, const char *id,
                                   size_t id_len, const dg_source **out);

/* How dg_source_registry_resolve found the source. */
typedef enum dg_resolve_method {
  DG_RESOLVE_NAME = 0,
  DG_RESOLVE_ALIAS = 1,
  DG_RESOLVE_DOMAIN = 2,
  DG_RESOLVE_FUZZY = 3,
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_RESOLVE_METHOD_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_RESOLVE_METHOD_FORCE_INT = 0x7fffffff
} dg_resolve_method;

/* Resolution options: initialise with DG_RESOLVE_OPTIONS_INIT or
 * dg_resolve_options_init. `fuzzy` (non-zero: on) enables the fuzzy step,
 * which needs a score of at least `min_fuzzy_score` (default 0.85, in
 * [0, 1]). Since 0.1. */
#define DG_RESOLVE_OPTIONS_VERSION 1
typedef struct dg_resolve_options {
  unsigned int version;
  int fuzzy;
  double min_fuzzy_score;
} dg_resolve_options;
#define DG_RESOLVE_OPTIONS_INIT {DG_RESOLVE_OPTIONS_VERSION, 1, 0.85}
/* Sets *options to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. Since 0.1. */
DG_API int dg_resolve_options_init(dg_resolve_options *options, unsigned int version);

/* The source that `text` names: name, then alias, then the domain of a URL,
 * then a fuzzy match. DG_E_NOT_FOUND when none does, or when two sources are
 * equally close. *out_id (length *out_id_len) is owned by the registry and
 * valid until it is changed or freed. out_score and out_method may be NULL;
 * options may be NULL for the defaults. Since 0.1. */
DG_API int dg_source_registry_resolve(const dg_source_registry *registry, const char *text,
                                      size_t text_len, const dg_resolve_options *options,
                                      const char **out_id, size_t *out_id_len,
                                      double *out_score, dg_resolve_method *out_method);

/* Sets each post's source to a registry id where its outlet as written (or
 * its URL) resolves. out_changed (may be NULL) receives the number of posts
 * changed. For the whole step (adding the registry's sources too), use
 * dg_collection_curate. Since 0.1. */
DG_API int dg_source_registry_resolve_posts(const dg_source_registry *registry,
                                            dg_collection *collection, size_t *out_changed);

/* The registry as an outlet lookup, for dg_attribution_parse and
 * dg_post_builder_apply_attribution: a text names the source it resolves to.
 * NULL for NULL. The lookup is owned by the registry and valid until the
 * registry is changed or freed. Since 0.2. */
DG_API const dg_outlet_lookup *dg_source_registry_lookup(const dg_source_registry *registry);
/* The resolution options the lookup uses (options may be NULL to restore the
 * defaults). Since 0.2. */
DG_API int dg_source_registry_set_lookup_options(dg_source_registry *registry,
                                                 const dg_resolve_options *options);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_SOURCES_H */
