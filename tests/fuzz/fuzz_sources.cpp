// libFuzzer target for the source registry: arbitrary bytes as a JSON
// registry (which must round-trip when accepted) and as text to resolve.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "digest/sources.hpp"
#include "digest/json.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

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
    check(res->source != nullptr);
    check(res->score >= 0.85 && res->score <= 1.0);
  }
  (void)digest::url_host(text);

  auto r = digest::source_registry_from_json(text);
  if (r.ok()) {
    auto again = digest::source_registry_from_json(digest::source_registry_to_json(*r));
    check(again.ok());
    check(again->size() == r->size());
    for (std::size_t i = 0; i < r->size(); ++i) check(again->sources()[i] == r->sources()[i]);
    (void)r->resolve(text);
  } else if (r.error().offset) {
    check(*r.error().offset <= size);
  }
  return 0;
}
