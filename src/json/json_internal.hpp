// Internal helpers shared by the JSON importer and exporter. Not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "digest/json.hpp"
#include "digest/result.hpp"

namespace digest::json_detail {

// Offset of the first byte that is not part of well-formed UTF-8, or
// text.size() when all of it is well formed.
std::size_t utf8_error_offset(std::string_view text) noexcept;

// Outcome of check_raw_json.
struct RawCheck {
  bool ok = true;
  ErrorCode code = ErrorCode::ok;
  std::size_t offset = 0;  // into the checked text
  const char* message = "";
};

// Checks that `text` is exactly one JSON value (surrounding whitespace
// allowed) nested at most `max_nesting` containers deep, with well-formed
// UTF-8. When `out` is not null the value is appended to it minified: every
// whitespace byte outside strings removed, everything else byte for byte.
// Iterative: any depth of input is safe.
RawCheck check_raw_json(std::string_view text, std::size_t max_nesting, std::string* out);

// Plain text from an HTML fragment (gumbo): entities decoded, whitespace
// collapsed as a browser would, block elements turned into line and
// paragraph breaks, script/style and similar dropped. Fails with
// limit_exceeded (message only) when the markup nests deeper than
// kMaxHtmlNesting elements: gumbo's tree builder is quadratic in depth.
inline constexpr std::size_t kMaxHtmlNesting = 1024;
// Unclosed formatting elements (<b>, <font>, …) times the tags after them,
// above which the formatting tags are dropped before parsing (html.cpp).
inline constexpr std::size_t kMaxFormattingReconstruction = 100000;
bool html_to_text(std::string_view html, std::string& out, std::string& error);
// The two ways html_to_text has to get there. html_to_text_simple
// (html_fast.cpp) reads only a conservative subset of HTML in one pass and
// returns false on anything else (`out` is then unspecified); whenever it
// returns true its text is the one html_to_text_gumbo gives. html_to_text
// tries it first and falls back to html_to_text_gumbo, the full parse.
bool html_to_text_simple(std::string_view html, std::string& out);
bool html_to_text_gumbo(std::string_view html, std::string& out, std::string& error);

// Format of `text` as JsonFormat::detect documents it. `complete` is false
// when `text` is only the start of the input (a file's first chunk); then
// `decided` tells whether the prefix was enough.
JsonFormat detect_format(std::string_view text, bool complete, bool* decided);

// Moves an import's temporary collection into `target` under
// options.on_duplicate (all or nothing) and updates the report's counts.
Status commit_import(Collection& target, Collection&& temp, const ImportOptions& options,
                     ImportReport& report);
// True when the input must be decoded to UTF-8 before it is read as JSON:
// options.encoding names another encoding, or `head` starts with a UTF-16
// or UTF-32 byte order mark.
bool needs_decoding(std::string_view head, const ImportOptions& options);
// Counts one duplicate met inside the input under `policy`.
void count_duplicate(ImportReport& report, OnDuplicate policy);

// 1-based line number of byte `offset` in `text`.
std::uint64_t line_of(std::string_view text, std::size_t offset) noexcept;

}  // namespace digest::json_detail
