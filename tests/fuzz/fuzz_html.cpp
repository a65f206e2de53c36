// libFuzzer target for the HTML-to-text step (json_detail::html_to_text,
// gumbo) that JSON Feed content_html and WordPress fields go through.
// Contracts: it either gives text or fails with limit_exceeded's one-line
// message; the text of well-formed UTF-8 is well-formed UTF-8; the output
// is at most three bytes per input byte (an ill-formed byte becomes U+FFFD,
// markup and entities never grow), so no input makes it balloon; it never
// starts with a line break and never holds three in a row (blocks give at
// most one blank line); and a second call gives the same text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "json/json_internal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view html = fuzz::as_text(data, size);
  std::string out, error;
  if (!digest::json_detail::html_to_text(html, out, error)) {
    fuzz::check_error_line(error);
    return 0;
  }
  FUZZ_CHECK(error.empty());
  // Reported, not fixed: gumbo reads an over-long numeric reference
  // ("&#82222222222222222;") into an overflowing int and writes the wrapped
  // value, here a lone byte 0x8E.
  if (fuzz::valid_utf8(html))
    FUZZ_CHECK_KNOWN("html-numeric-ref-overflow", fuzz::valid_utf8(out));
  FUZZ_CHECK(out.size() <= 3 * size);
  if (!out.empty()) FUZZ_CHECK(out[0] != '\n');
  FUZZ_CHECK(out.find("\n\n\n") == std::string::npos);

  std::string again, error2;
  FUZZ_CHECK(digest::json_detail::html_to_text(html, again, error2));
  FUZZ_CHECK(again == out);
  return 0;
}
