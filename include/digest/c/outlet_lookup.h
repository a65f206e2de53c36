/* digestcore C API: the outlet lookup (the C side of outlet_lookup.hpp), the
 * question attribution parsing asks of a list of outlets: "which known
 * outlet does this text name?".
 *
 * Part of the C API whose umbrella is digest/digestcore.h; the conventions
 * written there hold here. */
#ifndef DIGEST_C_OUTLET_LOOKUP_H
#define DIGEST_C_OUTLET_LOOKUP_H

#ifdef __cplusplus
extern "C" {
#endif

/* Anything that can name a known outlet: an outlet list
 * (dg_outlet_list_lookup, in c/attribution.h) or a source registry
 * (dg_source_registry_lookup, in c/sources.h). A view of the object it came
 * from, valid as long as that object is unchanged; never freed through this
 * type. */
typedef struct dg_outlet_lookup dg_outlet_lookup;

#ifdef __cplusplus
}
#endif

#endif /* DIGEST_C_OUTLET_LOOKUP_H */
