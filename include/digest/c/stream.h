/* digestcore C API: files of any size, post by post (the C side of
 * PostStream and ExportStream in json.hpp; since 0.4). See
 * docs/performance.md.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here.
 *
 * A dg_post_stream reads a file on a thread of its own and hands its posts
 * over one at a time: JSON Lines and RSS/Atom files take bounded memory
 * whatever their size (other formats are read whole first). Post ids are
 * kept as 16-byte digests to find duplicates. A dg_export_stream writes the
 * own format, JSON Lines or JSON Feed to a file as posts are given to it,
 * with the sources last; the file is replaced atomically when the stream
 * is committed and left as it was otherwise. */
#ifndef DIGEST_C_STREAM_H
#define DIGEST_C_STREAM_H

#include <stddef.h>

#include "digest/arrow_abi.h"
#include "digest/c/errors.h"
#include "digest/c/json.h"
#include "digest/c/model.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- reading ------------------------------------------------------------------- */

typedef struct dg_post_stream dg_post_stream;

/* Starts reading the file `path` (NUL-terminated; "-" is standard input).
 * opts may be NULL for the defaults; its on_duplicate must be
 * DG_ON_DUPLICATE_ERROR or DG_ON_DUPLICATE_KEEP_FIRST (the others need the
 * earlier posts: DG_E_INVALID_ARGUMENT), and validate_only must be 0. Its
 * callbacks run on the reading thread. A missing or bad file is reported by
 * dg_post_stream_next. The caller owns *out and frees it with
 * dg_post_stream_free. Since 0.4. */
DG_API int dg_post_stream_open(const char *path, const dg_import_options *opts,
                               dg_post_stream **out);

/* The next post: *out points to a post owned by the stream, valid until the
 * next call on the stream (copy it with dg_post_builder_from_post to keep
 * it). At the end *out is NULL and the status DG_OK. An error in the input
 * is returned where it is met, after the posts before it, with
 * dg_last_error_* giving its position, and ends the stream (*out NULL).
 * Since 0.4. */
DG_API int dg_post_stream_next(dg_post_stream *stream, const dg_post **out);

/* Once dg_post_stream_next has given NULL with DG_OK: what the import read
 * (out_report, may be NULL; the caller owns it and frees it with
 * dg_import_report_free) and the sources the input defined, as a new
 * collection without posts (out_sources, may be NULL; the caller owns it and
 * frees it with dg_collection_free). Before that, or after an error:
 * DG_E_INVALID_ARGUMENT. Since 0.4. */
DG_API int dg_post_stream_finish(dg_post_stream *stream, dg_import_report **out_report,
                                 dg_collection **out_sources);

/* The stream's remaining posts as an Arrow record batch stream, with the
 * columns of dg_collection_posts_to_arrow (docs/arrow.md), at most `rows`
 * posts a batch (0: 16384): a file of any size becomes columns without a
 * collection, in memory bounded by one batch. *out borrows `stream`: keep
 * the stream until *out is released, and call nothing else on it
 * meanwhile. An error in the input is get_next's (EINVAL, EIO or ENOMEM)
 * with its one-line message from get_last_error. Once get_next has given
 * the end, dg_post_stream_finish works as after dg_post_stream_next. The
 * caller owns *out and calls its release callback (or hands it to a
 * consumer that does). Since 0.4. */
DG_API int dg_post_stream_to_arrow(dg_post_stream *stream, size_t rows,
                                   struct ArrowArrayStream *out);

/* Stops the reading thread if it still runs and frees the stream; accepts
 * NULL. Since 0.4. */
DG_API void dg_post_stream_free(dg_post_stream *stream);

/* ---- writing ------------------------------------------------------------------- */

typedef struct dg_export_stream dg_export_stream;

/* Starts writing the file `path` (NUL-terminated) in `format`
 * (DG_FORMAT_OWN, DG_FORMAT_JSON_LINES or DG_FORMAT_JSON_FEED; others are
 * DG_E_INVALID_ARGUMENT). Text goes to a temporary file beside `path`.
 * opts may be NULL for the defaults. The caller owns *out and frees it with
 * dg_export_stream_free. Since 0.4. */
DG_API int dg_export_stream_open(const char *path, dg_format format,
                                 const dg_output_options *opts, dg_export_stream **out);

/* Writes one post (copied out at once: the post may change or go
 * afterwards). A write error (a full disk: DG_E_IO) stops the stream and is
 * returned from then on. Since 0.4. */
DG_API int dg_export_stream_add(dg_export_stream *stream, const dg_post *post);

/* Writes the sources of `sources` (may be NULL: none), ends the document,
 * and replaces `path` with the file written. The bytes are those
 * dg_collection_export_file writes for a collection with these posts and
 * sources. After it, only dg_export_stream_free is valid. Since 0.4. */
DG_API int dg_export_stream_commit(dg_export_stream *stream, const dg_collection *sources);

/* Frees the stream; an uncommitted one removes its temporary file and
 * leaves `path` as it was. Accepts NULL. Since 0.4. */
DG_API void dg_export_stream_free(dg_export_stream *stream);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_STREAM_H */
