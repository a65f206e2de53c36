// A main for the fuzz targets when they are built without libFuzzer (the
// default GCC build, the asan preset): feeds every file of the folders it is
// given to LLVMFuzzerTestOneInput once, in name order, then the empty input.
// ctest runs each target this way over its seed corpus and its past
// findings, so a contract that breaks fails the normal test suite.
//
//   fuzz_json_replay CORPUS_DIR [MORE_DIRS_OR_FILES...]
//
// The first folder must hold at least one file (a seed corpus that went
// missing would otherwise pass unnoticed); the others may be absent or
// empty (a target with no past findings has no regressions folder). Names
// starting with '.' and README files are skipped.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool skipped_name(const fs::path& p) {
  std::string name = p.filename().string();
  return name.empty() || name[0] == '.' || name.rfind("README", 0) == 0;
}

std::vector<fs::path> inputs_of(const fs::path& where) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_regular_file(where, ec)) {
    files.push_back(where);
    return files;
  }
  if (!fs::is_directory(where, ec)) return files;
  for (const auto& entry : fs::directory_iterator(where, ec)) {
    if (entry.is_regular_file(ec) && !skipped_name(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool run_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", p.c_str());
    return false;
  }
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Named before it runs, so a crash says which input it was.
  std::fprintf(stderr, "replay: %s (%zu bytes)\n", p.c_str(), bytes.size());
  std::fflush(stderr);
  // A copy of exactly the file's size, so reads past the end are caught
  // under ASan as they are by libFuzzer.
  // An empty file gets a valid pointer, as libFuzzer gives.
  std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
  static std::uint8_t none = 0;
  LLVMFuzzerTestOneInput(data.empty() ? &none : data.data(), data.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR [MORE_DIRS_OR_FILES...]\n", argv[0]);
    return 2;
  }
  std::size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    std::vector<fs::path> files = inputs_of(argv[i]);
    if (i == 1 && files.empty()) {
      std::fprintf(stderr, "replay: no inputs in %s\n", argv[i]);
      return 1;
    }
    for (const auto& f : files) {
      if (!run_file(f)) return 1;
      ++total;
    }
    std::fprintf(stderr, "replay: %s: %zu inputs\n", argv[i], files.size());
  }
  static std::uint8_t none = 0;
  LLVMFuzzerTestOneInput(&none, 0);
  std::printf("replayed %zu inputs and the empty one: no contract broken\n", total);
  return 0;
}
