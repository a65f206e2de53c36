// libFuzzer target for the normaliser: every entry point on arbitrary bytes,
// in both UTF-8 modes, with the invariants that must hold for any input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "digest/normalize.hpp"
#include "text/utf8.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const digest::Normalizer& lenient = digest::Normalizer::shared();
  const digest::Normalizer& strict = digest::Normalizer::shared_strict();
  const bool valid = digest::detail::find_invalid_utf8(text) == std::string_view::npos;

  auto key = lenient.search_key(text);
  check(key.ok());
  check(digest::detail::find_invalid_utf8(*key) == std::string_view::npos);
  auto again = lenient.search_key(*key);
  check(again.ok() && *again == *key);  // idempotent

  auto strict_key = strict.search_key(text);
  check(strict_key.ok() == valid);
  if (valid) check(*strict_key == *key);
  else check(strict_key.error().offset.has_value() && *strict_key.error().offset < size);

  auto toks = lenient.tokens(text);
  check(toks.ok());
  std::size_t last = 0, pos = 0;
  for (const auto& t : *toks) {
    check(t.begin < t.end && t.end <= size && t.begin >= last);
    last = t.begin;
    std::size_t at = key->find(t.key, pos);
    check(at != std::string::npos);
    pos = at + t.key.size();
  }

  for (auto form : {digest::NormalForm::nfc, digest::NormalForm::nfkc, digest::NormalForm::display}) {
    auto r = lenient.normalize(text, form);
    check(r.ok());
    check(digest::detail::find_invalid_utf8(*r) == std::string_view::npos);
    check(strict.normalize(text, form).ok() == valid);
  }
  auto d = lenient.normalize(text, digest::NormalForm::display);
  check(*lenient.normalize(*d, digest::NormalForm::display) == *d);

  (void)lenient.dominant_script(text);
  if (size < 256) {
    auto l = lenient.latin_key(text);
    check(l.ok());
  }
  return 0;
}
