// libFuzzer target for the JSON importer: every format, strict and skip mode.
// Checks that a failed import leaves the collection unchanged, and that
// whatever imports exports to valid JSON that reads back the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "digest/json.hpp"

using namespace digest;

namespace {

const Collection& base() {
  static const Collection c = [] {
    Collection b;
    Post p;
    p.id = "seed";
    p.title = "Seed post";
    (void)b.add_post(p);
    Source s;
    s.id = "seed-source";
    (void)b.add_source(s);
    return b;
  }();
  return c;
}

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const JsonFormat formats[] = {JsonFormat::detect, JsonFormat::own, JsonFormat::json_lines,
                                JsonFormat::json_feed, JsonFormat::wordpress};
  for (JsonFormat format : formats) {
    for (bool skip : {false, true}) {
      Collection c = base();
      ImportOptions o;
      o.format = format;
      o.skip_bad_records = skip;
      o.max_depth = 16;
      o.max_line_bytes = 4096;
      auto r = import_json(c, input, o);
      if (!r.ok()) {
        check(c == base());
        check(!r.error().message.empty());
        continue;
      }
      // Own format round trip, pretty and compact, and JSON Lines.
      for (bool pretty : {true, false}) {
        Collection back;
        auto again = import_json(back, export_json(c, {pretty}));
        check(again.ok() && back == c);
      }
      Collection lines;
      check(import_json(lines, export_json_lines(c), {JsonFormat::json_lines}).ok() && lines == c);
      // JSON Feed keeps the posts and the sources.
      Collection feed;
      check(import_json(feed, export_json_feed(c), {JsonFormat::json_feed}).ok() && feed == c);
    }
  }
  return 0;
}
