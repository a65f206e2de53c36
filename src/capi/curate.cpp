// C API over the curation pipeline (include/digest/c/curate.h).
#include <string>

#include "capi/capi_internal.hpp"
#include "digest/curate.hpp"

namespace {

const char kDefaultPrefix[] = "entity:";

int read_options(const dg_curate_options* opts, digest::CurateOptions& out) {
  if (!opts) {
    // No step runs; CurateOptions' defaults select none.
    return DG_OK;
  }
  if (opts->version != DG_CURATE_OPTIONS_VERSION)
    return dg::bad_version("dg_curate_options", opts->version);
  out.fill_from_attribution = opts->fill_from_attribution != 0;
  out.sources = opts->sources ? &opts->sources->registry : nullptr;
  out.entities = opts->entities ? &opts->entities->gazetteer : nullptr;
  std::string_view prefix;
  if (!dg::view(opts->entity_tag_prefix, opts->entity_tag_prefix_len, prefix,
                "entity_tag_prefix"))
    return DG_E_INVALID_ARGUMENT;
  // Checked by curate() itself (invalid_argument naming the field).
  out.entity_tag_prefix.assign(prefix);
  if (int st = dg::read_date_options(opts->attribution_dates, out.attribution.dates); st != DG_OK)
    return st;
  if (opts->attribution_max_header_bytes == 0)
    return dg::set_error(DG_E_INVALID_ARGUMENT, "attribution_max_header_bytes must be at least 1",
                         "attribution_max_header_bytes");
  out.attribution.max_header_bytes = opts->attribution_max_header_bytes;
  if (int st = dg::read_resolve_options(opts->resolve, out.resolve); st != DG_OK) return st;
  if (int st = dg::read_tag_options(opts->tag_fields, out.tagging); st != DG_OK) return st;
  return DG_OK;
}

}  // namespace

extern "C" {

DG_API int dg_curate_options_init(dg_curate_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_CURATE_OPTIONS_VERSION) return dg::bad_version("dg_curate_options", version);
    *opts = dg_curate_options{};
    opts->version = DG_CURATE_OPTIONS_VERSION;
    opts->fill_from_attribution = 0;
    opts->sources = nullptr;
    opts->entities = nullptr;
    opts->entity_tag_prefix = kDefaultPrefix;
    opts->entity_tag_prefix_len = sizeof kDefaultPrefix - 1;
    opts->attribution_dates = nullptr;
    opts->attribution_max_header_bytes = digest::AttributionOptions{}.max_header_bytes;
    opts->resolve = nullptr;
    opts->tag_fields = DG_TAG_ALL;
    return DG_OK;
  });
}

DG_API int dg_collection_curate(dg_collection* collection, const dg_curate_options* opts,
                                dg_curate_report* out_report) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    if (out_report && out_report->version != DG_CURATE_REPORT_VERSION)
      return dg::bad_version("dg_curate_report", out_report->version);
    digest::CurateOptions options;
    options.fill_from_attribution = false;
    options.sources = nullptr;
    options.entities = nullptr;
    if (int st = read_options(opts, options); st != DG_OK) return st;
    auto r = digest::curate(collection->collection, options);
    if (!r.ok()) return dg::set_error(r.error());
    if (out_report) {
      out_report->posts_attributed = r->posts_attributed;
      out_report->sources_added = r->sources_added;
      out_report->posts_filed = r->posts_filed;
      out_report->entity_tags_added = r->entity_tags_added;
    }
    return DG_OK;
  });
}

}  // extern "C"
