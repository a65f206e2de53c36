// libFuzzer target for the importer of the own format
// ({"digestcore": 1, "sources": [...], "posts": [...]}), format forced.
// The contracts are in import_target.hpp.
#include <cstddef>
#include <cstdint>

#include "import_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::run_import(fuzz::as_text(data, size), digest::JsonFormat::own, false);
  return 0;
}
