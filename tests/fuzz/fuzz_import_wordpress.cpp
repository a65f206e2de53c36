// libFuzzer target for the WordPress REST API importer (post arrays whose
// HTML goes through the HTML-to-text step), format forced.
// The contracts are in import_target.hpp.
#include <cstddef>
#include <cstdint>

#include "import_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::run_import(fuzz::as_text(data, size), digest::JsonFormat::wordpress, false);
  return 0;
}
