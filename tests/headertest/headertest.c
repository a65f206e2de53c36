/* Compiled, never run: the C umbrella header and each module header must
 * stand alone as strict C11 with -Wall -Wextra -pedantic -Werror. */
#include "digest/c/arrow.h"
#include "digest/c/attribution.h"
#include "digest/c/curate.h"
#include "digest/c/dates.h"
#include "digest/c/digest.h"
#include "digest/c/entities.h"
#include "digest/c/errors.h"
#include "digest/c/json.h"
#include "digest/c/model.h"
#include "digest/c/normalize.h"
#include "digest/c/outlet_lookup.h"
#include "digest/c/render.h"
#include "digest/c/sources.h"
#include "digest/c/stories.h"
#include "digest/digestcore.h"

/* The INIT macros are constant initialisers of their structs. */
static const dg_date_options date_options = DG_DATE_OPTIONS_INIT;
static const dg_import_options import_options = DG_IMPORT_OPTIONS_INIT;
static const dg_output_options output_options = DG_OUTPUT_OPTIONS_INIT;
static const dg_feed_options feed_options = DG_FEED_OPTIONS_INIT;
static const dg_digest_options digest_options = DG_DIGEST_OPTIONS_INIT;
static const dg_curate_options curate_options = DG_CURATE_OPTIONS_INIT;
static const dg_curate_report curate_report = DG_CURATE_REPORT_INIT;
static const dg_resolve_options resolve_options = DG_RESOLVE_OPTIONS_INIT;
static const dg_normalizer_options normalizer_options = DG_NORMALIZER_OPTIONS_INIT;
static const dg_minhash_options minhash_options = DG_MINHASH_OPTIONS_INIT;
static const dg_duplicate_options duplicate_options = DG_DUPLICATE_OPTIONS_INIT;
static const dg_date_detail date_detail = DG_DATE_DETAIL_INIT;

int digest_headertest_c(void) {
  return DG_OK + (int)date_options.version + (int)import_options.version +
         (int)output_options.version + (int)feed_options.version + (int)digest_options.version +
         (int)curate_options.version + (int)curate_report.version + (int)resolve_options.version +
         (int)normalizer_options.version + (int)minhash_options.version +
         (int)duplicate_options.version + (int)date_detail.version;
}
