/* digestcore C API: import and export (the C side of json.hpp): the own
 * format, JSON Lines, JSON Feed 1.1, WordPress post arrays and, since 0.3,
 * RSS and Atom feeds (DG_FORMAT_XML_FEED) for collections; the JSON forms
 * of the source registry and the gazetteer. Formats: docs/schema.md,
 * docs/feeds.md and docs/entities.md.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here.
 *
 * Imports and loads are all or nothing: on failure the collection (or
 * dictionary) is unchanged and dg_last_error_* give the file, line, byte
 * offset and JSON path of the problem. Writes to files are atomic: the file
 * holds the old or the new content, never a mix. */
#ifndef DIGEST_C_JSON_H
#define DIGEST_C_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/entities.h"
#include "digest/c/errors.h"
#include "digest/c/model.h"
#include "digest/c/sources.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The JSON formats of a collection. */
typedef enum dg_format {
  DG_FORMAT_DETECT = 0, /* imports only: from the content (docs/json.md) */
  DG_FORMAT_OWN = 1,    /* {"digestcore": 1, "sources": [...], "posts": [...]} */
  DG_FORMAT_JSON_LINES = 2,
  DG_FORMAT_JSON_FEED = 3,
  DG_FORMAT_WORDPRESS = 4, /* imports only: an array of posts, or one post */
  DG_FORMAT_XML_FEED = 5,  /* imports only: RSS 0.9x, 1.0, 2.0 or Atom (since 0.3) */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_FORMAT_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_FORMAT_FORCE_INT = 0x7fffffff
} dg_format;

/* ---- import -------------------------------------------------------------------- */

/* The format DG_FORMAT_DETECT picks for the input (never DG_FORMAT_DETECT),
 * read from its content as docs/feeds.md describes: "<" starts an RSS or
 * Atom feed (DG_FORMAT_XML_FEED, since 0.3); otherwise, as before: an
 * array is WordPress; an object with "digestcore" (or "posts"/"sources"
 * arrays) the own format; one whose "version" is a jsonfeed.org URL JSON
 * Feed; any other object JSON Lines. Empty or non-JSON input gives
 * DG_FORMAT_OWN, whose import then reports the error. Since 0.2. */
DG_API int dg_detect_format(const char *json, size_t json_len, dg_format *out);

/* Imports JSON into the collection with the default options and `format`.
 * All or nothing. out_added (may be NULL) receives the number of posts
 * added. Since 0.1. */
DG_API int dg_collection_import_json(dg_collection *collection, const char *json,
                                     size_t json_len, dg_format format, size_t *out_added);
/* The same for a file (`path` NUL-terminated); JSON Lines files are streamed
 * in bounded memory. Since 0.1. */
DG_API int dg_collection_import_file(dg_collection *collection, const char *path,
                                     dg_format format, size_t *out_added);

/* Version 2 (since 0.3) adds the fields after user_data; version 1
 * structs are still accepted (dg_import_options_init takes either). */
#define DG_IMPORT_OPTIONS_VERSION 2

/* What an import does with a post whose id, or else canonical URL, is
 * already in the collection or earlier in the input. Since 0.3. */
typedef enum dg_on_duplicate {
  DG_ON_DUPLICATE_ERROR = 0,      /* fail the import (the default) */
  DG_ON_DUPLICATE_KEEP_FIRST = 1, /* keep the post already there */
  DG_ON_DUPLICATE_REPLACE = 2,    /* take the newcomer's fields, keep the id */
  DG_ON_DUPLICATE_MERGE = 3,      /* field by field: non-empty new values win,
                                     authors and tags are united */
  DG_ON_DUPLICATE_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_ON_DUPLICATE_FORCE_INT = 0x7fffffff
} dg_on_duplicate;

/* Called about every megabyte of input and at the end, on the importing
 * thread: bytes read, the input's size (0 when unknown) and records read.
 * It must not call back into the import. Since 0.3. */
typedef void (*dg_progress_fn)(void *user_data, uint64_t bytes_read, uint64_t bytes_total,
                               size_t records);

/* Called for each record an import skips (skip_bad_records), in input order,
 * on the importing thread: the error's status, its one-line text (as
 * dg_last_error()), 1-based line (0 if unknown), byte offset (-1 if
 * unknown), JSON path and file name. The strings are NUL-terminated and valid
 * during the call only. It must not call back into the import. */
typedef void (*dg_skipped_fn)(void *user_data, int code, const char *text, uint64_t line,
                              int64_t offset, const char *field, const char *file);
/* Asked every few thousand records on the importing thread; non-zero stops
 * the import with DG_E_CANCELLED and leaves the collection unchanged. */
typedef int (*dg_should_stop_fn)(void *user_data);

/* Options of dg_collection_import_json_opts and dg_collection_import_file_opts.
 * Initialise with DG_IMPORT_OPTIONS_INIT or dg_import_options_init before
 * setting fields. Since 0.2. */
typedef struct dg_import_options {
  unsigned version;     /* DG_IMPORT_OPTIONS_VERSION */
  dg_format format;     /* default DG_FORMAT_DETECT */
  int skip_bad_records; /* 0 (default): the first bad record fails the import.
                           Non-zero: bad records are skipped, the rest is
                           imported, and the report lists each skipped one. */
  const char *source_name; /* the input's name in errors (NULL with length 0:
                              none for JSON text, the path for files); copied */
  size_t source_name_len;
  /* Limits that keep hostile input bounded (DG_E_LIMIT, with the position,
     when exceeded); each at least 1. */
  size_t max_depth;        /* nesting; default 64 */
  size_t max_line_bytes;   /* JSON Lines: longest line; default 64 MiB */
  size_t max_input_bytes;  /* input read whole (all formats but JSON Lines),
                              checked before reading; default 1 GiB */
  size_t max_posts;        /* posts (and sources) in one import; default 100 000 000 */
  size_t max_skipped_kept; /* skipped records whose errors the report keeps
                              (the rest are only counted); default 10 000.
                              May be 0. */
  int validate_only;       /* non-zero: records are parsed and checked
                              (duplicate ids too) but not added; the report
                              counts them as added. Default 0. */
  /* Optional callbacks (NULL: none), each passed `user_data`. With
     on_skipped, skipped errors go to it and the report keeps none. */
  dg_skipped_fn on_skipped;
  dg_should_stop_fn should_stop;
  void *user_data;
  /* ---- version 2 (since 0.3) ---- */
  int strict;              /* 0 (default): common deviations are repaired and
                              reported as warnings (see the report); non-zero:
                              they are errors */
  const char *encoding;    /* the input's encoding ("windows-1251", ...),
                              overriding a BOM or XML declaration; NULL: from
                              the input. Copied. */
  size_t encoding_len;
  dg_on_duplicate on_duplicate; /* default DG_ON_DUPLICATE_ERROR */
  size_t max_warnings_kept;     /* warnings the report keeps; default 10 000 */
  dg_progress_fn on_progress;   /* NULL: none; passed user_data */
} dg_import_options;
#define DG_IMPORT_OPTIONS_INIT                                                           \
  {DG_IMPORT_OPTIONS_VERSION, DG_FORMAT_DETECT, 0, NULL, 0, 64, (size_t)64 << 20,        \
   (size_t)1 << 30, 100000000, 10000, 0, NULL, NULL, NULL, 0, NULL, 0,                   \
   DG_ON_DUPLICATE_ERROR, 10000, NULL}

/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. Since 0.2. */
DG_API int dg_import_options_init(dg_import_options *opts, unsigned version);

/* What an import did: counts, and the records it skipped. */
typedef struct dg_import_report dg_import_report;

/* Imports with options (opts may be NULL for the defaults). All or nothing:
 * on failure the collection is unchanged and *out_report untouched. With
 * skip_bad_records, a bad record is not a failure. out_report may be NULL;
 * otherwise the caller owns the report and frees it with
 * dg_import_report_free. Since 0.2. */
DG_API int dg_collection_import_json_opts(dg_collection *collection, const char *json,
                                          size_t json_len, const dg_import_options *opts,
                                          dg_import_report **out_report);
DG_API int dg_collection_import_file_opts(dg_collection *collection, const char *path,
                                          const dg_import_options *opts,
                                          dg_import_report **out_report);
/* Frees a report; accepts NULL. Since 0.2. */
DG_API void dg_import_report_free(dg_import_report *report);
/* Posts and sources added (or checked, with validate_only), and records
 * skipped (all of them, kept or not). Since 0.2. */
DG_API int dg_import_report_posts_added(const dg_import_report *report, size_t *out);
DG_API int dg_import_report_sources_added(const dg_import_report *report, size_t *out);
DG_API int dg_import_report_skipped_count(const dg_import_report *report, size_t *out);
/* How many of the skipped records' errors the report kept (at most
 * max_skipped_kept; none with on_skipped): the indexes the two functions
 * below take. Since 0.2. */
DG_API int dg_import_report_skipped_kept(const dg_import_report *report, size_t *out);
/* Why kept skipped record `index` was skipped: its status (a DG_E_* code),
 * its 1-based line (0 if unknown) and 0-based byte offset (-1 if unknown).
 * Any out pointer may be NULL. DG_E_INVALID_ARGUMENT when index is out of
 * range. Since 0.2. */
DG_API int dg_import_report_skipped_at(const dg_import_report *report, size_t index,
                                       int *out_code, uint64_t *out_line, int64_t *out_offset);
/* A text part of that error (see dg_error_text; the field is the record's
 * JSON path). The string is owned by the report and valid until it is
 * freed. Since 0.2. */
DG_API int dg_import_report_skipped_text(const dg_import_report *report, size_t index,
                                         dg_error_text part, const char **out, size_t *out_len);

/* Repairs made while reading liberally: how many in all, how many the
 * report kept (the indexes the two functions below take), and each one's
 * status (the kind of deviation), line, byte offset and text, as for
 * skipped records. Since 0.3. */
DG_API int dg_import_report_warnings_count(const dg_import_report *report, size_t *out);
DG_API int dg_import_report_warnings_kept(const dg_import_report *report, size_t *out);
DG_API int dg_import_report_warning_at(const dg_import_report *report, size_t index,
                                       int *out_code, uint64_t *out_line, int64_t *out_offset);
DG_API int dg_import_report_warning_text(const dg_import_report *report, size_t index,
                                         dg_error_text part, const char **out, size_t *out_len);
/* Duplicates resolved under on_duplicate (posts and sources); any out
 * pointer may be NULL. Since 0.3. */
DG_API int dg_import_report_duplicates(const dg_import_report *report, size_t *out_kept_first,
                                       size_t *out_replaced, size_t *out_merged);
/* The format that was read (never DG_FORMAT_DETECT). Since 0.3. */
DG_API int dg_import_report_format(const dg_import_report *report, dg_format *out);

/* ---- export -------------------------------------------------------------------- */

#define DG_OUTPUT_OPTIONS_VERSION 1
/* Options of the JSON writers. Initialise with DG_OUTPUT_OPTIONS_INIT or
 * dg_output_options_init. Since 0.2. */
typedef struct dg_output_options {
  unsigned version; /* DG_OUTPUT_OPTIONS_VERSION */
  int pretty;       /* non-zero (default): indented, one member per line.
                       JSON Lines is always one compact record per line. */
} dg_output_options;
#define DG_OUTPUT_OPTIONS_INIT {DG_OUTPUT_OPTIONS_VERSION, 1}
/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. Since 0.2. */
DG_API int dg_output_options_init(dg_output_options *opts, unsigned version);

#define DG_FEED_OPTIONS_VERSION 1
/* Options of the JSON Feed writers (dg_collection_export_feed,
 * dg_digest_render_feed). Strings are copied during the call; NULL with
 * length 0 leaves the default. Initialise with DG_FEED_OPTIONS_INIT or
 * dg_feed_options_init. Since 0.2. */
typedef struct dg_feed_options {
  unsigned version; /* DG_FEED_OPTIONS_VERSION */
  int pretty;       /* default non-zero */
  const char *title; /* default "digestcore feed" (a digest's feed: its title) */
  size_t title_len;
  const char *home_page_url; /* default: none */
  size_t home_page_url_len;
  const char *feed_url; /* default: none */
  size_t feed_url_len;
} dg_feed_options;
#define DG_FEED_OPTIONS_INIT {DG_FEED_OPTIONS_VERSION, 1, NULL, 0, NULL, 0, NULL, 0}
/* Sets *opts to the defaults of `version`. DG_E_INVALID_ARGUMENT for an
 * unknown version. Since 0.2. */
DG_API int dg_feed_options_init(dg_feed_options *opts, unsigned version);

/* The collection as the own format, JSON Lines or JSON Feed 1.1 (other
 * formats: DG_E_INVALID_ARGUMENT), pretty. The caller owns the buffer and
 * frees it with dg_buffer_free. Since 0.1. */
DG_API int dg_collection_export(const dg_collection *collection, dg_format format,
                                dg_buffer **out);
/* The same with options (opts may be NULL for the defaults). The caller
 * owns the buffer and frees it with dg_buffer_free. Since 0.2. */
DG_API int dg_collection_export_opts(const dg_collection *collection, dg_format format,
                                     const dg_output_options *opts, dg_buffer **out);
/* The collection as JSON Feed 1.1 with feed options (opts may be NULL). The
 * caller owns the buffer and frees it with dg_buffer_free. Since 0.2. */
DG_API int dg_collection_export_feed(const dg_collection *collection,
                                     const dg_feed_options *opts, dg_buffer **out);
/* Writes the collection to the file `path` (NUL-terminated) in `format`
 * (own, JSON Lines or JSON Feed), atomically. opts may be NULL for the
 * defaults. DG_E_IO (with the reason) when it cannot be written. Since 0.2. */
DG_API int dg_collection_export_file(const dg_collection *collection, const char *path,
                                     dg_format format, const dg_output_options *opts);

/* ---- the source registry as JSON ------------------------------------------------ */

/* A registry read from JSON ({"sources": [...]} or a bare array of sources;
 * other top-level members are ignored), or from a file. The caller owns it
 * and frees it with dg_source_registry_free. On failure *out is untouched.
 * Since 0.1. */
DG_API int dg_source_registry_load_json(dg_source_registry **out, const char *json,
                                        size_t json_len);
DG_API int dg_source_registry_load_file(dg_source_registry **out, const char *path);
/* The registry as JSON, pretty. The caller owns the buffer and frees it with
 * dg_buffer_free. Since 0.1. */
DG_API int dg_source_registry_to_json(const dg_source_registry *registry, dg_buffer **out);
/* Writes the registry to `path` atomically (opts may be NULL for the
 * defaults). Since 0.2. */
DG_API int dg_source_registry_save(const dg_source_registry *registry, const char *path,
                                   const dg_output_options *opts);

/* ---- the gazetteer as JSON --------------------------------------------------------- */

/* A gazetteer read from JSON ({"entities": [...]} or a bare array of
 * entities) or a file. The caller owns it and frees it with
 * dg_gazetteer_free. On failure *out is untouched. Since 0.1. */
DG_API int dg_gazetteer_load_json(dg_gazetteer **out, const char *json, size_t json_len);
DG_API int dg_gazetteer_load_file(dg_gazetteer **out, const char *path);
/* Adds the entities of a JSON document or a file; all or nothing.
 * dg_gazetteer_add_json since 0.1, dg_gazetteer_add_file since 0.2. */
DG_API int dg_gazetteer_add_json(dg_gazetteer *gazetteer, const char *json, size_t json_len);
DG_API int dg_gazetteer_add_file(dg_gazetteer *gazetteer, const char *path);
/* The dictionary as JSON, pretty. The caller owns the buffer and frees it
 * with dg_buffer_free. Since 0.1. */
DG_API int dg_gazetteer_to_json(const dg_gazetteer *gazetteer, dg_buffer **out);
/* Writes the dictionary to `path` atomically (opts may be NULL for the
 * defaults). Since 0.2. */
DG_API int dg_gazetteer_save(const dg_gazetteer *gazetteer, const char *path,
                             const dg_output_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_JSON_H */
