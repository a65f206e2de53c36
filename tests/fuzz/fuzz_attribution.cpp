// libFuzzer target: attribution lines on arbitrary bytes, with and without
// an outlet list. Contracts: every span lies within the line and each part's
// text is the bytes its span points at (the header ends where the excerpt
// may start); the method is "registry" or "heuristic" and a source id comes
// only from the list; apply_attribution on a post whose excerpt is the line
// fills only empty fields, keeps the text, and a second call changes
// nothing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "digest/attribution.hpp"
#include "fuzz_common.hpp"

namespace {

void check_span(std::string_view line, const digest::TextSpan& s, std::string_view text) {
  FUZZ_CHECK(s.begin <= s.end && s.end <= line.size());
  if (!text.empty()) FUZZ_CHECK(line.substr(s.begin, s.end - s.begin) == text);
}

void check_apply(std::string_view line, const digest::OutletLookup* registry) {
  digest::Post post;
  post.id = "p";
  post.excerpt = std::string(line);
  post.place = line.size() % 2 ? "Preset Place" : "";  // a filled field stays
  digest::Post before = post;
  bool changed = digest::apply_attribution(post, registry);
  FUZZ_CHECK(post.excerpt == before.excerpt);
  FUZZ_CHECK(post.id == before.id && post.title == before.title && post.body == before.body);
  if (!before.place.empty()) FUZZ_CHECK(post.place == before.place);
  FUZZ_CHECK(changed == !(post == before));
  digest::Post once = post;
  FUZZ_CHECK(!digest::apply_attribution(post, registry));
  FUZZ_CHECK(post == once);
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
    if (a) {
      FUZZ_CHECK(a->authors.size() == a->author_spans.size());
      for (std::size_t i = 0; i < a->authors.size(); ++i)
        check_span(line, a->author_spans[i], a->authors[i]);
      check_span(line, a->outlet_span, a->outlet);
      check_span(line, a->place_span, a->place);
      check_span(line, a->excerpt_span, a->excerpt);
      check_span(line, a->date_span, {});
      check_span(line, a->header_span, {});
      FUZZ_CHECK(a->header_span.end <= a->excerpt_span.begin || a->excerpt.empty());
      FUZZ_CHECK(a->method == "registry" || a->method == "heuristic");
      if (!registry) FUZZ_CHECK(a->source.empty() && a->method != "registry");
      if (a->date) FUZZ_CHECK(!a->date->date.is_special() && !a->date_ambiguous);
    }
    check_apply(line, registry);
  }
  return 0;
}
