// weekly_digest: loads a collection and prints the Markdown digest of one ISO
// week, through the C++ API.
//
//   weekly_digest [COLLECTION] [WEEK]
//
// COLLECTION defaults to examples/data/collection.json (any format
// digest::import_file detects: own, JSON Lines, JSON Feed, WordPress);
// WEEK defaults to 2021-W33. Exit status: 0 on success, 1 on bad input,
// 2 on bad usage.
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"

int main(int argc, char** argv) {
  if (argc > 3 || (argc > 1 && (std::string_view(argv[1]) == "-h" ||
                                std::string_view(argv[1]) == "--help"))) {
    std::fprintf(stderr, "usage: %s [COLLECTION] [WEEK]\n", argv[0]);
    return 2;
  }
  const std::string path = argc > 1 ? argv[1] : "examples/data/collection.json";
  const std::string week = argc > 2 ? argv[2] : "2021-W33";

  // Errors are values: every fallible call returns a Result or a Status.
  digest::Result<digest::Period> period = digest::parse_iso_week(week);
  if (!period) {
    std::cerr << "weekly_digest: " << period.error().to_string() << "\n";
    return 2;
  }

  digest::Collection collection;
  digest::Result<digest::ImportReport> report = digest::import_file(collection, path);
  if (!report) {
    // e.g. "collection.json:12: byte 340: field posts[3].title: expected a string"
    std::cerr << "weekly_digest: " << report.error().to_string() << "\n";
    return 1;
  }
  std::cerr << "loaded " << report->posts_added << " posts and " << report->sources_added
            << " sources from " << path << "\n";

  // The default title, "Digest <week>", keeps the output identical to the C
  // and Python examples'; DigestOptions::title sets another.
  const digest::Digest d = digest::build_digest(collection, *period);
  std::cerr << period->label << ": " << d.post_count() << " posts in " << d.sections.size()
            << " sections\n";

  std::cout << digest::render_markdown(d);
  return 0;
}
