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

}  // extern "C"
