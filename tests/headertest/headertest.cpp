// Compiled, never run: the C umbrella header must stand alone as C++ too
// (-Wall -Wextra -pedantic -Werror), and its INIT macros must initialise.
#include "digest/digestcore.h"

int digest_headertest_cxx() {
  dg_date_options date_options = DG_DATE_OPTIONS_INIT;
  dg_import_options import_options = DG_IMPORT_OPTIONS_INIT;
  dg_output_options output_options = DG_OUTPUT_OPTIONS_INIT;
  dg_feed_options feed_options = DG_FEED_OPTIONS_INIT;
  dg_digest_options digest_options = DG_DIGEST_OPTIONS_INIT;
  dg_curate_options curate_options = DG_CURATE_OPTIONS_INIT;
  dg_curate_report curate_report = DG_CURATE_REPORT_INIT;
  dg_date_detail date_detail = DG_DATE_DETAIL_INIT;
  return DG_OK + static_cast<int>(date_options.version + import_options.version +
                                  output_options.version + feed_options.version +
                                  digest_options.version + curate_options.version +
                                  curate_report.version + date_detail.version);
}
