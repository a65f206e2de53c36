/* digestcore C API: attribution lines (the C side of attribution.hpp), the
 * header most clippings open with: "Author, Outlet, Date:… text",
 * "Outlet, Place, Date: text", "By A and B, Outlet, Date — text", and the
 * same in Persian or Arabic with "،". Rules: docs/dates.md.
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. Parsing is thread-safe; an outlet list must not
 * be changed while it is used. */
#ifndef DIGEST_C_ATTRIBUTION_H
#define DIGEST_C_ATTRIBUTION_H

#include <stddef.h>
#include <stdint.h>

#include "digest/c/dates.h"
#include "digest/c/errors.h"
#include "digest/c/model.h"
#include "digest/c/outlet_lookup.h"
#include "digest/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- outlet lists ------------------------------------------------------------ */

/* A minimal outlet list: names and aliases matched by search key. (A source
 * registry, with fuzzy matching, is the full one: c/sources.h.) */
typedef struct dg_outlet_list dg_outlet_list;

/* A new empty list. The caller owns it and frees it with
 * dg_outlet_list_free. Since 0.1. */
DG_API int dg_outlet_list_new(dg_outlet_list **out);
/* Adds `name` as a name of outlet `id` (both copied). DG_E_DUPLICATE_ID
 * when the name already belongs to another id; DG_E_INVALID_ARGUMENT for an
 * empty id or a name with an empty key. Since 0.1. */
DG_API int dg_outlet_list_add(dg_outlet_list *list, const char *id, size_t id_len,
                              const char *name, size_t name_len);
/* The list as a lookup, for dg_attribution_parse; NULL for NULL. The lookup
 * is owned by the list and valid until the list is freed. Since 0.1. */
DG_API const dg_outlet_lookup *dg_outlet_list_lookup(const dg_outlet_list *list);
/* Frees a list; accepts NULL. Since 0.1. */
DG_API void dg_outlet_list_free(dg_outlet_list *list);

/* ---- attribution lines ------------------------------------------------------ */

typedef struct dg_attribution dg_attribution;

typedef enum dg_attribution_field {
  DG_ATTRIBUTION_OUTLET = 0,  /* as written */
  DG_ATTRIBUTION_PLACE = 1,
  DG_ATTRIBUTION_SOURCE = 2,  /* the lookup's source id; "" when unknown (no span) */
  DG_ATTRIBUTION_EXCERPT = 3, /* the text after the separator */
  DG_ATTRIBUTION_DATE = 4,    /* the date as written */
  DG_ATTRIBUTION_HEADER = 5,  /* from the start of the line to the end of the separator */
  DG_ATTRIBUTION_METHOD = 6,  /* "registry" when the lookup named the outlet, else
                                 "heuristic" (no span). Since 0.2. */
  /* Not values: they make the enum span every int, so any int a caller
     passes is a defined value that the library can reject. */
  DG_ATTRIBUTION_FIELD_FORCE_INT_MIN = -0x7fffffff - 1,
  DG_ATTRIBUTION_FIELD_FORCE_INT = 0x7fffffff
} dg_attribution_field;

/* Reads the attribution header of `line` ("Author, Outlet, Date:… text").
 * `outlets` (may be NULL) tells outlets from authors and places; opts (may
 * be NULL) applies to the date. DG_E_NOT_FOUND when the line does not open
 * with an attribution. The caller owns the result and frees it with
 * dg_attribution_free; it holds copies of its strings. Since 0.1. */
DG_API int dg_attribution_parse(const char *line, size_t line_len,
                                const dg_outlet_lookup *outlets, const dg_date_options *opts,
                                dg_attribution **out);
/* A field's text. The string is owned by the attribution and valid until it
 * is freed. Since 0.1. */
DG_API int dg_attribution_get(const dg_attribution *attribution, dg_attribution_field field,
                              const char **out, size_t *out_len);
/* A field's byte span [begin, end) in the parsed line ([0, 0) when absent).
 * Since 0.1. */
DG_API int dg_attribution_span(const dg_attribution *attribution, dg_attribution_field field,
                               size_t *out_begin, size_t *out_end);
/* Number of authors. Since 0.1. */
DG_API int dg_attribution_author_count(const dg_attribution *attribution, size_t *out);
/* The author at `index`, owned by the attribution (valid until it is
 * freed), and its span in the line (out_begin, out_end may be NULL).
 * Since 0.1. */
DG_API int dg_attribution_author_at(const dg_attribution *attribution, size_t index,
                                    const char **out, size_t *out_len, size_t *out_begin,
                                    size_t *out_end);
/* The date of the header. DG_E_NOT_FOUND when it is ambiguous. Since 0.1. */
DG_API int dg_attribution_date(const dg_attribution *attribution, dg_date *out);
/* Frees an attribution; accepts NULL. Since 0.1. */
DG_API void dg_attribution_free(dg_attribution *attribution);

/* Fills the builder's missing authors, source (the lookup's id, else the
 * outlet as written), place and published_on from the attribution line that
 * opens its excerpt, or else its body; the text itself is kept. `outlets`
 * and `opts` may be NULL. *out_changed (may be NULL) is set to 1 when a
 * field was filled, else 0. This is step 1 of dg_collection_curate, for one
 * post. Since 0.2. */
DG_API int dg_post_builder_apply_attribution(dg_post_builder *builder,
                                             const dg_outlet_lookup *outlets,
                                             const dg_date_options *opts, int *out_changed);

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_ATTRIBUTION_H */
