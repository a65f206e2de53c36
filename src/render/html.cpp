// A digest as an HTML page or fragment (render.hpp); the pieces are in
// html_parts.cpp, shared with the clippings site.
#include "digest/render.hpp"
#include "render/html_parts.hpp"

namespace digest {

std::string render_html(const Digest& digest, const HtmlOptions& options) {
  std::string out;
  out.reserve(4096 + digest.post_count() * 1024);
  if (options.standalone) html::open_page(out, digest.title, digest.locale, options.nav);
  html::append_digest_article(out, digest, 1);
  if (options.standalone) html::close_page(out);
  return out;
}

}  // namespace digest
