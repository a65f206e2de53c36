/* digestcore C API: curation (the C side of curate.hpp), the analysis steps
 * a collection goes through after import and before a digest, in a fixed
 * order:
 *   1. fill each post's missing authors, source, place and published_on from
 *      the attribution line opening its excerpt or body;
 *   2. file posts under a source registry: add the registry's sources the
 *      collection lacks, then set each post's source to the registry id of
 *      the outlet it names;
 *   3. tag entities: add entity_tag_prefix + id to a post's tags for every
 *      gazetteer entity it mentions.
 * The CLI, C++ (digest::curate) and Python (Collection.curate) run the same
 * function, so they give the same collection for the same options.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. */
#ifndef DIGEST_C_CURATE_H
#define DIGEST_C_CURATE_H

#include <stddef.h>

#include "digest/c/dates.h"
#include "digest/c/entities.h"
#include "digest/c/errors.h"
#include "digest/c/model.h"
#include "digest/c/sources.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DG_CURATE_OPTIONS_VERSION 1
/* Options of dg_collection_curate. Initialise with DG_CURATE_OPTIONS_INIT or
 * dg_curate_options_init, then set the steps wanted. Everything is read
 * during the call only. Since 0.2. */
typedef struct dg_curate_options {
  unsigned version;          /* DG_CURATE_OPTIONS_VERSION */
  int fill_from_attribution; /* step 1 when non-zero; default 0 */
  const dg_source_registry *sources; /* step 2 when not NULL (and the outlets
                                        of step 1); default NULL */
  const dg_gazetteer *entities;      /* step 3 when not NULL; default NULL */
  const char *entity_tag_prefix;     /* default "entity:"; NULL with length 0
                                        is the empty prefix */
  size_t entity_tag_prefix_len;
  /* Step 1: how the attribution line's date is read (languages, order,
     reference date); NULL for the defaults. */
  const dg_date_options *attribution_dates;
  size_t attribution_max_header_bytes; /* step 1: only this many bytes of a
                                          line are searched; default 400 */
  /* Step 2: how outlets are resolved; NULL for the defaults. */
  const dg_resolve_options *resolve;
  unsigned int tag_fields; /* step 3: the texts read (DG_TAG_* flags);
                              default DG_TAG_ALL */
} dg_curate_options;
#define DG_CURATE_OPTIONS_INIT \
  {DG_CURATE_OPTIONS_VERSION, 0, NULL, NULL, "entity:", 7, NULL, 400, NULL, DG_TAG_ALL}

/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. Since 0.2. */
DG_API int dg_curate_options_init(dg_curate_options *opts, unsigned version);

#define DG_CURATE_REPORT_VERSION 1
/* What dg_collection_curate did. A plain value filled by the library: set
 * `version` (DG_CURATE_REPORT_INIT does) so that the library knows which
 * fields the caller's struct has. Since 0.2. */
typedef struct dg_curate_report {
  unsigned version;         /* DG_CURATE_REPORT_VERSION, set by the caller */
  size_t posts_attributed;  /* posts that gained a field in step 1 */
  size_t sources_added;     /* registry sources added in step 2 */
  size_t posts_filed;       /* posts whose source changed in step 2 */
  size_t entity_tags_added; /* tags added in step 3 */
} dg_curate_report;
#define DG_CURATE_REPORT_INIT {DG_CURATE_REPORT_VERSION, 0, 0, 0, 0}

/* Runs the steps `opts` selects on the collection, in order. All or nothing:
 * on failure the collection is unchanged. opts may be NULL (no step runs).
 * out_report may be NULL; otherwise its version must be set and it is
 * filled on success. DG_E_INVALID_ARGUMENT for an unknown options or report
 * version, an out-of-range option, or a prefix that is not UTF-8
 * (dg_last_error_field then says "entity_tag_prefix"). Views of the collection's posts
 * and sources are invalidated. Since 0.2. */
DG_API int dg_collection_curate(dg_collection *collection, const dg_curate_options *opts,
                                dg_curate_report *out_report);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_CURATE_H */
