/* digestcore C API: renderers (the C side of render.hpp): a digest as
 * Markdown, HTML, JSON or JSON Feed 1.1; the clippings site of a collection.
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
  DG_RENDER_HTML = 3,      /* a standalone page: escaped, no script, lang and
                              dir per item. Since 0.3. */
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

/* What dg_site_write makes of each digest page. Since 0.3. */
typedef enum dg_site_periods {
  DG_SITE_ISO_WEEKS = 0,      /* a page per ISO week (the default) */
  DG_SITE_MONTHS = 1,         /* a page per Gregorian month */
  DG_SITE_PERSIAN_MONTHS = 2, /* a page per Solar Hijri month */
  DG_SITE_WEEKS_ENDING = 3,   /* seven days ending on week_ends */
  DG_SITE_PERIODS_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_SITE_PERIODS_FORCE_INT = 0x7fffffff
} dg_site_periods;

#define DG_SITE_OPTIONS_VERSION 1
/* Options of dg_site_write; strings are copied during the call, NULL with
 * length 0 keeps the default. Since 0.3. */
typedef struct dg_site_options {
  unsigned version;  /* DG_SITE_OPTIONS_VERSION */
  const char *title; /* default "Clippings" */
  size_t title_len;
  const char *locale; /* default "en" */
  size_t locale_len;
  dg_site_periods periods;
  int week_ends;       /* 0 = Sunday .. 6 = Saturday, for DG_SITE_WEEKS_ENDING */
  size_t page_size;    /* clippings per index page; 0: 200 */
  const char *base_url; /* absolute http(s) URL of the site, for feed.json */
  size_t base_url_len;
  /* The digest pages' sections, rank, limits and title (its locale is the
   * site's); NULL: the defaults. Borrowed for the call. */
  const dg_digest_options *digest;
} dg_site_options;
#define DG_SITE_OPTIONS_INIT {DG_SITE_OPTIONS_VERSION, NULL, 0, NULL, 0, DG_SITE_ISO_WEEKS, 5, 0, NULL, 0, NULL}
DG_API int dg_site_options_init(dg_site_options *opts, unsigned version);

/* Writes the static clippings site of `collection` under the folder `dir`
 * (created if missing): index.html, page-N.html, digests/, sources/,
 * feed.json, each file atomically. `*out_files` (may be NULL) is the number
 * of files written. Since 0.3. */
DG_API int dg_site_write(const dg_collection *collection, const char *dir, size_t dir_len,
                         const dg_site_options *opts, size_t *out_files);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_RENDER_H */
