// C API over the renderers (include/digest/c/render.h).
#include <string>

#include "capi/capi_internal.hpp"
#include "digest/render.hpp"

extern "C" {

DG_API int dg_digest_render(const dg_digest* digest, dg_render_format format, dg_buffer** out) {
  return dg_digest_render_opts(digest, format, nullptr, out);
}

DG_API int dg_digest_render_opts(const dg_digest* digest, dg_render_format format,
                                 const dg_output_options* opts, dg_buffer** out) {
  return dg::guard([&]() -> int {
    if (!digest) return dg::null_argument("digest");
    if (!out) return dg::null_argument("out");
    bool pretty = true;
    if (int st = dg::read_output_options(opts, pretty); st != DG_OK) return st;
    const digest::Digest& d = dg::digest_of(digest);
    switch (format) {
      case DG_RENDER_MARKDOWN: return dg::put_buffer(digest::render_markdown(d), out);
      case DG_RENDER_JSON: return dg::put_buffer(digest::render_json(d, pretty), out);
      case DG_RENDER_HTML: return dg::put_buffer(digest::render_html(d), out);
      case DG_RENDER_JSON_FEED: {
        digest::FeedOptions feed;
        feed.pretty = pretty;
        return dg::put_buffer(digest::render_json_feed(d, feed), out);
      }
      default: return dg::bad_enum("dg_render_format", static_cast<int>(format));
    }
  });
}

DG_API int dg_digest_render_feed(const dg_digest* digest, const dg_feed_options* opts,
                                 dg_buffer** out) {
  return dg::guard([&]() -> int {
    if (!digest) return dg::null_argument("digest");
    if (!out) return dg::null_argument("out");
    digest::FeedOptions feed;
    if (int st = dg::read_feed_options(opts, feed); st != DG_OK) return st;
    return dg::put_buffer(digest::render_json_feed(dg::digest_of(digest), feed), out);
  });
}

DG_API int dg_site_options_init(dg_site_options* opts, unsigned version) {
  return dg::guard([&]() -> int {
    if (!opts) return dg::null_argument("opts");
    if (version != DG_SITE_OPTIONS_VERSION) return dg::bad_version("dg_site_options", version);
    *opts = dg_site_options DG_SITE_OPTIONS_INIT;
    return DG_OK;
  });
}

DG_API int dg_site_write(const dg_collection* collection, const char* dir, size_t dir_len,
                         const dg_site_options* opts, size_t* out_files) {
  return dg::guard([&]() -> int {
    if (!collection) return dg::null_argument("collection");
    std::string_view folder;
    if (int st = dg::utf8_view(dir, dir_len, folder, "dir"); st != DG_OK) return st;
    if (folder.empty()) return dg::null_argument("dir");
    digest::SiteOptions site;
    if (opts) {
      if (opts->version != DG_SITE_OPTIONS_VERSION) return dg::bad_version("dg_site_options", opts->version);
      std::string_view title, locale, base;
      if (int st = dg::utf8_view(opts->title, opts->title_len, title, "title"); st != DG_OK) return st;
      if (int st = dg::utf8_view(opts->locale, opts->locale_len, locale, "locale"); st != DG_OK) return st;
      if (int st = dg::utf8_view(opts->base_url, opts->base_url_len, base, "base_url"); st != DG_OK)
        return st;
      if (!title.empty()) site.title.assign(title);
      if (!locale.empty()) site.locale.assign(locale);
      site.base_url.assign(base);
      if (opts->page_size) site.page_size = opts->page_size;
      switch (opts->periods) {
        case DG_SITE_ISO_WEEKS: break;
        case DG_SITE_MONTHS: site.digest_periods = digest::PeriodKind::month; break;
        case DG_SITE_PERSIAN_MONTHS:
          site.digest_periods = digest::PeriodKind::month;
          site.month_calendar = digest::PeriodCalendar::persian;
          break;
        case DG_SITE_WEEKS_ENDING:
          site.digest_periods = digest::PeriodKind::week;
          site.week_ends = opts->week_ends;
          break;
        default: return dg::bad_enum("dg_site_periods", static_cast<int>(opts->periods));
      }
      if (opts->digest) {
        if (int st = dg::read_digest_options(opts->digest, site.digest); st != DG_OK) return st;
      }
    }
    auto written = digest::write_site(collection->collection, std::string(folder), site);
    if (!written.ok()) return dg::set_error(written.error());
    if (out_files) *out_files = written->size();
    return DG_OK;
  });
}

}  // extern "C"
