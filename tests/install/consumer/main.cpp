// Built against the installed package: the C++ API must be usable with only
// the installed headers and the library.
#include <cstdio>

#include "digest/digest.h"
#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"

int main() {
  digest::Collection c;
  auto r = digest::import_json(
      c, R"({"digestcore":1,"posts":[{"id":"p1","title":"Hello","posted_on":"2021-08-17"}]})");
  if (!r.ok()) {
    std::printf("import failed: %s\n", r.error().to_string().c_str());
    return 1;
  }
  auto week = digest::parse_iso_week("2021-W33");
  if (!week.ok() || digest::build_digest(c, *week).post_count() != 1) {
    std::printf("digest failed\n");
    return 1;
  }
  std::printf("digestcore %s cpp ok\n", dg_version());
  return 0;
}
