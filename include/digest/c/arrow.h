/* digestcore C API: collections and digests as Apache Arrow data (the C side
 * of arrow.hpp), through the Arrow C data interface (digest/arrow_abi.h), so
 * that pyarrow, polars, DuckDB or nanoarrow take the columns without per-post
 * objects. The column schema is in docs/arrow.md.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. */
#ifndef DIGEST_C_ARROW_H
#define DIGEST_C_ARROW_H

#include "digest/arrow_abi.h"
#include "digest/c/digest.h"
#include "digest/c/errors.h"
#include "digest/c/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Fills *schema and *array with the collection's posts as one record batch
 * (a struct array; columns in docs/arrow.md). The caller owns both and
 * calls their release callbacks, or hands them to a consumer that does.
 * Since 0.3. */
DG_API int dg_collection_posts_to_arrow(const dg_collection *collection,
                                        struct ArrowSchema *schema, struct ArrowArray *array);

/* The same for the collection's sources. Since 0.3. */
DG_API int dg_collection_sources_to_arrow(const dg_collection *collection,
                                          struct ArrowSchema *schema, struct ArrowArray *array);

/* The same for a digest: one row per post in digest order, with its section
 * first. Since 0.3. */
DG_API int dg_digest_to_arrow(const dg_digest *digest, struct ArrowSchema *schema,
                              struct ArrowArray *array);

/* Adds the posts of every batch of `stream` (the columns of
 * dg_collection_posts_to_arrow by name; only "id" is required). A column the
 * schema does not name is DG_E_INVALID_ARGUMENT unless
 * `ignore_unknown_columns` is non-zero. All or nothing; the error names the
 * row and column. Consumes the stream (releases it) in every case.
 * *posts_added (may be NULL) is set on success. Since 0.3. */
DG_API int dg_collection_import_arrow(dg_collection *collection,
                                      struct ArrowArrayStream *stream,
                                      int ignore_unknown_columns, size_t *posts_added);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_ARROW_H */
