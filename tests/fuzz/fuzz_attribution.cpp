// libFuzzer target: attribution lines on arbitrary bytes, with and without
// an outlet list. Every span must lie within the line, and each part's text
// must be the bytes its span points at.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "digest/attribution.hpp"

namespace {

void check_span(std::string_view line, const digest::TextSpan& s, std::string_view text) {
  if (s.begin > s.end || s.end > line.size()) std::abort();
  if (!text.empty() && line.substr(s.begin, s.end - s.begin) != text) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const digest::SimpleOutletList* outlets = [] {
    auto* l = new digest::SimpleOutletList();
    l->add("lantern", "The Daily Lantern");
    l->add("echo", "Echo du Lac");
    l->add("nasim", "نسیم");
    return l;
  }();
  std::string_view line(reinterpret_cast<const char*>(data), size);
  for (const digest::OutletLookup* registry : {static_cast<const digest::OutletLookup*>(nullptr),
                                               static_cast<const digest::OutletLookup*>(outlets)}) {
    auto a = digest::parse_attribution(line, registry);
    if (!a) continue;
    if (a->authors.size() != a->author_spans.size()) std::abort();
    for (std::size_t i = 0; i < a->authors.size(); ++i)
      check_span(line, a->author_spans[i], a->authors[i]);
    check_span(line, a->outlet_span, a->outlet);
    check_span(line, a->place_span, a->place);
    check_span(line, a->excerpt_span, a->excerpt);
    check_span(line, a->date_span, {});
    check_span(line, a->header_span, {});
  }
  return 0;
}
