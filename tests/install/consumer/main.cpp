// Built against the installed package, through CMake (find_package) and
// through a plain `c++ main.cpp $(pkg-config --cflags --libs digestcore)`:
// the C++ API must be usable with only the installed headers, the library
// and the flags the package gives.
#include <cstdio>
#include <string>

#include "digest/digestcore.h"
#include "digest/digestcore.hpp"

int main() {
  digest::Collection c;
  auto r = digest::import_json(c, R"({"digestcore":1,"posts":[{"id":"p1","title":"Hello",
    "posted_on":"2021-08-17",
    "excerpt":"Jane Doe, Sarvan Times, Aug 16, 2021: the council met."}]})");
  if (!r.ok()) {
    std::printf("import failed: %s\n", r.error().to_string().c_str());
    return 1;
  }
  digest::CurateOptions options;
  options.fill_from_attribution = true;
  auto curated = digest::curate(c, options);
  const digest::Post* post = c.find_post("p1");
  if (!curated.ok() || post == nullptr || post->authors.empty() || post->authors[0] != "Jane Doe") {
    std::printf("curate failed\n");
    return 1;
  }
  auto week = digest::parse_iso_week("2021-W33");
  if (!week.ok()) return 1;
  digest::Digest d = digest::build_digest(c, *week);
  std::string md = digest::render_markdown(d);
  if (d.post_count() != 1 || md.find("Hello") == std::string::npos) {
    std::printf("digest failed:\n%s\n", md.c_str());
    return 1;
  }
  std::printf("digestcore %s cpp ok\n", dg_version());
  return 0;
}
