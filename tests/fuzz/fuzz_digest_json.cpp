// libFuzzer target for load_digest_json: a digest read back from arbitrary
// bytes (the library's own digest JSON, as render_json writes it), then
// written again and shown.
//
// Input: the whole input is the document.
//
// Contracts:
// - an error is one display-safe line with an offset within the input;
// - a digest read writes back (render_json, pretty and compact) as valid JSON
//   with no lone surrogate escapes, and that JSON reads back to an equal
//   digest, which writes the same bytes again (the round trip is stable);
// - its HTML is well-formed UTF-8 with no control or bidi-override
//   character, no <script, no attribute starting with "on" and no link
//   other than http(s) (and the page's empty data: icon);
// - its Markdown is display-safe, every '<' escaped, every link http(s);
// - its JSON Feed is valid JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "digest/digest.hpp"
#include "digest/render.hpp"
#include "fuzz_common.hpp"

namespace {

using namespace digest;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

bool web(std::string_view url) {
  return starts_with_ci(url, "http://") || starts_with_ci(url, "https://");
}

// Inside every tag: no attribute whose name starts with "on" (a space then
// "on"; no attribute value the renderers write holds a space followed by
// "on"), every href an http(s) URL or the icon's "data:,".
void check_html(std::string_view html) {
  FUZZ_CHECK(fuzz::display_safe(html, true));
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    FUZZ_CHECK(!starts_with_ci(html.substr(at + 1), "script"));
    const std::size_t end = html.find('>', at);
    FUZZ_CHECK(end != std::string_view::npos);
    const std::string_view tag = html.substr(at, end - at);
    for (std::size_t i = 0; i + 2 < tag.size(); ++i)
      if (tag[i] == ' ' || tag[i] == '\n' || tag[i] == '\t') FUZZ_CHECK(!starts_with_ci(tag.substr(i + 1), "on"));
    for (std::size_t h = tag.find(" href=\""); h != std::string_view::npos; h = tag.find(" href=\"", h + 1)) {
      const std::string_view value = tag.substr(h + 7);
      FUZZ_CHECK(web(value) || (tag.starts_with("<link ") && value.starts_with("data:,\"")));
    }
  }
}

// Escaped: after an odd run of backslashes.
bool escaped(std::string_view md, std::size_t at) {
  std::size_t n = 0;
  while (n < at && md[at - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

void check_markdown(std::string_view md) {
  FUZZ_CHECK(fuzz::display_safe(md, true));
  for (std::size_t at = md.find('<'); at != std::string_view::npos; at = md.find('<', at + 1))
    FUZZ_CHECK(escaped(md, at));
  for (std::size_t at = md.find("]("); at != std::string_view::npos; at = md.find("](", at + 1))
    if (!escaped(md, at)) FUZZ_CHECK(web(md.substr(at + 2)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  auto d = load_digest_json(input);
  if (!d.ok()) {
    fuzz::check_error(d.error(), size);
    return 0;
  }

  for (bool pretty : {true, false}) {
    const std::string json = render_json(*d, pretty);
    fuzz::check_json_output(json);
    auto again = load_digest_json(json);
    if (!again.ok()) fuzz::check_error(again.error(), json.size());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *d);
    FUZZ_CHECK(render_json(*again, pretty) == json);
  }

  check_html(render_html(*d));
  HtmlOptions fragment;
  fragment.standalone = false;
  check_html(render_html(*d, fragment));
  check_markdown(render_markdown(*d));
  fuzz::check_json_output(render_json_feed(*d));
  return 0;
}
