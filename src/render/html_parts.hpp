// The pieces every HTML page is made of (digest pages and the clippings
// site): escaping, safe links, the page frame, one clipping. One set of
// rules, so the digest and the site cannot drift apart on safety.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "digest/digest.hpp"

namespace digest::html {

// Text for element content and quoted attribute values: unsafe characters
// dropped (text/safe.hpp), & < > " ' escaped, line breaks kept.
void append_text(std::string& out, std::string_view raw);
// The same, wrapped in <bdi> so a name in one direction cannot reorder its
// neighbours.
void append_isolated(std::string& out, std::string_view raw);
// A URL for href: only http(s) (and, when `relative_ok`, relative) URLs;
// bytes outside printable ASCII and the quote characters percent-encoded.
// False (nothing appended) for anything else.
bool append_href(std::string& out, std::string_view url, bool relative_ok = false);
// `lang` and `dir` for an element whose text is in `language`: dir="rtl" or
// "ltr" when known, "auto" (by its first strong character) when not; lang
// only when the tag is well formed.
void append_lang_dir(std::string& out, std::string_view language);

// <!DOCTYPE html> … <body><main>: charset, viewport, a Content Security
// Policy that forbids every script and remote fetch, no referrer, the
// stylesheet, the page's lang and dir.
void open_page(std::string& out, std::string_view title, std::string_view locale,
               std::span<const std::pair<std::string, std::string>> nav);
void close_page(std::string& out);

// What one clipping shows, besides its post.
struct ClippingContext {
  const DigestLabels* labels = nullptr;
  std::string_view locale;
  // The outlet's display name (source name, else as written).
  std::function<std::string(std::string_view source)> outlet_name;
  const DigestItem* item = nullptr;  // also-in and outlet count, if any
  int heading_level = 3;
};
// <article class="clipping" lang dir>: linked title, attribution line
// (authors, outlet, place, published date), posted date, excerpt, also in.
void append_clipping(std::string& out, const Post& post, const ClippingContext& context);

// The digest's <article> (title, period line, sections, clippings).
void append_digest_article(std::string& out, const Digest& digest, int heading_level = 1);

}  // namespace digest::html
