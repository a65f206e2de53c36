/*
 * digestcore C API: the umbrella header. Include this one; it includes every
 * module header in digest/c/, one per C++ header:
 *
 *   c/errors.h         result.hpp          status codes, last error, buffers, version
 *   c/model.h          model.hpp           collections, posts, sources, builders
 *   c/normalize.h      normalize.hpp       display text, search keys, tokens
 *   c/dates.h          dates.hpp           dates in many languages and calendars
 *   c/outlet_lookup.h  outlet_lookup.hpp   "which outlet does this text name?"
 *   c/attribution.h    attribution.hpp     attribution lines, outlet lists
 *   c/sources.h        sources.hpp         the source registry
 *   c/entities.h       entities.hpp        the gazetteer, entity tagging
 *   c/json.h           json.hpp            import and export, dictionaries as JSON
 *   c/curate.h         curate.hpp          the curation steps
 *   c/digest.h         digest.hpp          digests, periods, sections
 *   c/render.h         render.hpp          Markdown, JSON and JSON Feed renderers
 *   c/stories.h        stories.hpp         near duplicates: MinHash, LSH, clusters, index
 *   c/stream.h         json.hpp            files of any size, post by post (since 0.4)
 *
 * A guide: docs/capi.md.
 *
 * Conventions (they hold for every function of the C API):
 * - Names are dg_<object>_<verb>. Handles are opaque; no C++, ICU, Boost or
 *   simdjson type appears.
 * - Every function that can fail returns an int status: DG_OK (0) or one of
 *   the negative dg_status codes, whose values are stable. On failure the
 *   dg_last_error* functions describe it (message, file, line, byte offset,
 *   field) and outputs are left untouched. No C++ exception crosses this
 *   boundary.
 * - Outputs are named out*. Constructors take theirs first
 *   (dg_collection_new(&c)); functions acting on an object take the object
 *   first and their outputs last. Output pointers must not be NULL unless
 *   the function says they may be.
 * - Strings are UTF-8, passed as pointer and length; a NULL pointer with
 *   length 0 is the empty string, a NULL pointer with another length is
 *   DG_E_INVALID_ARGUMENT. Paths are NUL-terminated.
 * - Every string the library hands out through `const char **out` (with or
 *   without a `size_t *out_len`) is NUL-terminated, and the length, when
 *   given, does not count the NUL. Text may itself contain NUL bytes only if
 *   the input did; use the length to be exact.
 * - Ownership is stated on each function with fixed phrasing. "The caller
 *   owns X and frees it with dg_x_free": every *_new, *_load*, *_build*,
 *   *_from_* and *_find (lists) result; free functions accept NULL. "Owned by
 *   X and valid until X is changed or freed": views into an object (posts,
 *   sources, strings); never freed by the caller. Memory is always returned
 *   through the library's own free function, never the caller's free().
 * - Enumerations span every int (their *_FORCE_INT_MIN / *_FORCE_INT
 *   members are not values), so passing any int is defined behaviour and an
 *   unknown value is DG_E_INVALID_ARGUMENT.
 * - Options are structs whose first field is a version: initialise them
 *   with DG_X_OPTIONS_INIT or dg_x_options_init(&opts, DG_X_OPTIONS_VERSION),
 *   then set fields. A NULL options pointer means the defaults. An unknown
 *   version is DG_E_INVALID_ARGUMENT; older versions stay accepted.
 * - "Since 0.x" gives the version that added a function.
 * - Thread safety: distinct handles may be used from distinct threads; one
 *   handle must not be changed from two threads at once, nor read while it
 *   is changed. Read-only calls on one handle from many threads are safe.
 *   The last error is per thread.
 */
#ifndef DIGEST_DIGESTCORE_H
#define DIGEST_DIGESTCORE_H

#include "digest/c/errors.h"
#include "digest/c/model.h"
#include "digest/c/normalize.h"
#include "digest/c/dates.h"
#include "digest/c/outlet_lookup.h"
#include "digest/c/attribution.h"
#include "digest/c/sources.h"
#include "digest/c/entities.h"
#include "digest/c/json.h"
#include "digest/c/curate.h"
#include "digest/c/digest.h"
#include "digest/c/render.h"
#include "digest/c/arrow.h"
#include "digest/c/stories.h"
#include "digest/c/stream.h"

#endif /* DIGEST_DIGESTCORE_H */
