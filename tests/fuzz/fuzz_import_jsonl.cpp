// libFuzzer target for the JSON Lines importer (one post or {"source": ...}
// per line), format forced; also streamed from a file, which must give the
// same result as the import from memory.
// The contracts are in import_target.hpp.
#include <cstddef>
#include <cstdint>

#include "import_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::run_import(fuzz::as_text(data, size), digest::JsonFormat::json_lines, true);
  return 0;
}
