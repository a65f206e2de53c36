// libFuzzer target: the date parser on arbitrary bytes (parse, find_dates,
// options from the first byte). It must never crash, and every span it
// reports must lie within the input and in order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "digest/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  digest::DateParseOptions opt;
  opt.order = static_cast<digest::DateOrder>(data[0] & 3);
  if (data[0] & 4) opt.reference = digest::Date(2021, 9, 1);
  if (data[0] & 8) opt.languages = {"fa", "ar"};
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  digest::DateParser parser(opt);
  auto m = parser.parse_detailed(text);
  if (m) {
    if (m->begin > m->end || m->end > text.size()) std::abort();
    if (!m->ambiguous && !m->value) std::abort();
    if (m->value && m->value->date.is_special()) std::abort();
  }
  std::size_t last = 0;
  for (const auto& f : parser.find_dates(text)) {
    if (f.begin < last || f.begin >= f.end || f.end > text.size()) std::abort();
    last = f.end;
  }
  return 0;
}
