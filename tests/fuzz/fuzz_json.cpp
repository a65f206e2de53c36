// libFuzzer target for JSON import with the format detected from the
// content (what the CLI and import_file do by default), plus one import in a
// format forced by the input's length, so every reader also meets documents
// meant for another. The contracts are in import_target.hpp; the
// fuzz_import_* targets hold each format fixed.
#include <cstddef>
#include <cstdint>

#include "import_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using digest::JsonFormat;
  std::string_view input = fuzz::as_text(data, size);
  JsonFormat detected = digest::detect_json_format(input);
  FUZZ_CHECK(detected != JsonFormat::detect);
  fuzz::run_import(input, detected, false);

  const JsonFormat others[] = {JsonFormat::own, JsonFormat::json_lines, JsonFormat::json_feed,
                               JsonFormat::wordpress};
  JsonFormat other = others[size % 4];
  if (other == detected) return 0;
  digest::Collection c = fuzz::import_base();
  auto r = digest::import_json(c, input, fuzz::import_options(other, size % 8 >= 4));
  if (!r.ok()) {
    FUZZ_CHECK(c == fuzz::import_base());
    fuzz::check_error(r.error(), size);
  } else {
    fuzz::check_round_trips(c);
  }
  return 0;
}
