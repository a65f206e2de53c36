// Text that is safe to show: what renderers, terminals and error messages
// may carry of what strangers wrote. The rules live here, once:
// - control characters (C0 but tab and line breaks, DEL, C1) and the bidi
//   embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
//   are dropped from rendered text; the marks U+200E/U+200F stay (they only
//   order neutrals and cannot hide or reorder a run);
// - ill-formed UTF-8 becomes U+FFFD;
// - in messages, the same characters are shown escaped (\n, \x1b, \u202e)
//   so a message is one line that says what was there, and the quoted input
//   is cut on a character boundary;
// - links: only http and https URLs (and, where a caller allows it,
//   relative ones) may become links.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace digest::detail {

// True for a code point that rendered text must not carry (see above).
bool is_unsafe_for_display(char32_t c) noexcept;

// `text` with unsafe characters dropped and ill-formed UTF-8 replaced.
// Keeps tab and line breaks; callers that need one line fold them.
std::string safe_display_text(std::string_view text);
// Appends the same to `out` (no allocation when `text` is already safe).
void append_safe_display_text(std::string& out, std::string_view text);

// Appends `text` for a one-line message: unsafe characters and line breaks
// escaped, ill-formed bytes as \xNN, at most `max_bytes` bytes of `text` (cut
// on a character boundary, "…" marking the cut).
void append_for_message(std::string& out, std::string_view text, std::size_t max_bytes = 200);
// "'" + append_for_message(text, max_bytes) + "'".
std::string quote_for_message(std::string_view text, std::size_t max_bytes = 80);

enum class LinkKind {
  web,       // http: or https: (any case), with a host
  relative,  // no scheme: a path, query or fragment ("a/b", "/x", "#top")
  unsafe,    // anything else: javascript:, data:, file:, "//host", control bytes, …
};
LinkKind classify_link(std::string_view url) noexcept;

}  // namespace digest::detail
