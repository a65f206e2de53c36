// libFuzzer target for the source registry: arbitrary bytes as a JSON
// registry and as text to resolve. An accepted registry saves to valid JSON
// that reads back equal and saves to the same text; a rejected one gives a
// positioned one-line error; a resolution names a source of the registry
// with a score in [0.85, 1].
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "digest/json.hpp"
#include "digest/sources.hpp"
#include "fuzz_common.hpp"

namespace {

const digest::SourceRegistry& fixed() {
  static digest::SourceRegistry* r = [] {
    auto* reg = new digest::SourceRegistry(std::move(digest::source_registry_from_json(R"([
      {"id": "n", "name": "Northgate Ledger", "url": "https://northgate-ledger.example"},
      {"id": "k", "name": "Kavir Daily", "aliases": ["کویر دیلی"], "domain": "kavirdaily.example"},
      {"id": "m", "name": "Mondoweiss"}, {"id": "p", "name": "Kestrel Post"},
      {"id": "h", "name": "Kestrel Host"}])").value()));
    return reg;
  }();
  return *r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto res = fixed().resolve(text)) {
    FUZZ_CHECK(res->source != nullptr);
    FUZZ_CHECK(res->score >= 0.85 && res->score <= 1.0);
  }
  (void)digest::url_host(text);

  auto r = digest::source_registry_from_json(text);
  if (r.ok()) {
    for (bool pretty : {true, false}) {
      std::string json = digest::source_registry_to_json(*r, pretty);
      fuzz::check_json_output(json);
      auto again = digest::source_registry_from_json(json);
      FUZZ_CHECK(again.ok());
      FUZZ_CHECK(again->size() == r->size());
      for (std::size_t i = 0; i < r->size(); ++i)
        FUZZ_CHECK(again->sources()[i] == r->sources()[i]);
      FUZZ_CHECK(digest::source_registry_to_json(*again, pretty) == json);  // a fixed point
    }
    if (auto res = r->resolve(text)) {
      FUZZ_CHECK(res->source != nullptr && r->find(res->source->id) == res->source);
    }
  } else {
    fuzz::check_error(r.error(), size);
  }
  return 0;
}
