// libFuzzer target for the RSS and Atom reader (libxml2 SAX, the encoding
// stage, HTML fields, dates), format forced. The contracts are those of
// every importer (import_target.hpp); seeds in corpus/import_xml/.
#include <cstddef>
#include <cstdint>

#include "import_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::run_import(fuzz::as_text(data, size), digest::JsonFormat::xml_feed, false);
  return 0;
}
