// libFuzzer target for the JSON Feed 1.1 importer (with 1.0's "author" and
// the "_digestcore" extension), format forced.
// The contracts are in import_target.hpp.
#include <cstddef>
#include <cstdint>

#include "import_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::run_import(fuzz::as_text(data, size), digest::JsonFormat::json_feed, false);
  return 0;
}
