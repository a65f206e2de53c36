/* digestcore C API: renderers (the C side of render.hpp): a digest as
 * Markdown, JSON or JSON Feed 1.1.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. */
#ifndef DIGEST_C_RENDER_H
#define DIGEST_C_RENDER_H

#include "digest/c/digest.h"
#include "digest/c/errors.h"
#include "digest/c/json.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum dg_render_format {
  DG_RENDER_MARKDOWN = 0,
  DG_RENDER_JSON = 1,
  DG_RENDER_JSON_FEED = 2, /* the digest's posts in digest order; its title is
                              the feed's. Since 0.2. */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_RENDER_FORMAT_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_RENDER_FORMAT_FORCE_INT = 0x7fffffff
} dg_render_format;

/* The digest in `format`, with the defaults (JSON pretty). The caller owns
 * the buffer and frees it with dg_buffer_free. Since 0.1. */
DG_API int dg_digest_render(const dg_digest *digest, dg_render_format format,
                            dg_buffer **out);
/* The same with output options: `pretty` applies to JSON and JSON Feed
 * (opts may be NULL for the defaults). The caller owns the buffer and frees
 * it with dg_buffer_free. Since 0.2. */
DG_API int dg_digest_render_opts(const dg_digest *digest, dg_render_format format,
                                 const dg_output_options *opts, dg_buffer **out);
/* The digest as JSON Feed 1.1 with feed options (opts may be NULL; a NULL
 * title keeps the digest's). The caller owns the buffer and frees it with
 * dg_buffer_free. Since 0.2. */
DG_API int dg_digest_render_feed(const dg_digest *digest, const dg_feed_options *opts,
                                 dg_buffer **out);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_RENDER_H */
