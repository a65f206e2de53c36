// libFuzzer target for the normaliser: every entry point on arbitrary bytes,
// in both UTF-8 modes, with the invariants that must hold for any input:
// keys and forms are well-formed UTF-8 and idempotent (NFC, NFKC, display,
// search key), strict mode fails exactly on ill-formed input with a
// positioned one-line error, tokens lie in the text in order and spell the
// key; the Latin key is [a-z0-9 ] only and idempotent.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "digest/normalize.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const digest::Normalizer& lenient = digest::Normalizer::shared();
  const digest::Normalizer& strict = digest::Normalizer::shared_strict();
  const bool valid = digest::detail::find_invalid_utf8(text) == std::string_view::npos;

  auto key = lenient.search_key(text);
  FUZZ_CHECK(key.ok());
  FUZZ_CHECK(digest::detail::find_invalid_utf8(*key) == std::string_view::npos);
  auto again = lenient.search_key(*key);
  FUZZ_CHECK(again.ok() && *again == *key);  // idempotent

  auto strict_key = strict.search_key(text);
  FUZZ_CHECK(strict_key.ok() == valid);
  if (valid) FUZZ_CHECK(*strict_key == *key);
  else {
    FUZZ_CHECK(strict_key.error().offset.has_value() && *strict_key.error().offset < size);
    fuzz::check_error(strict_key.error(), size);
  }

  auto toks = lenient.tokens(text);
  FUZZ_CHECK(toks.ok());
  std::size_t last = 0, pos = 0;
  for (const auto& t : *toks) {
    FUZZ_CHECK(t.begin < t.end && t.end <= size && t.begin >= last);
    last = t.begin;
    std::size_t at = key->find(t.key, pos);
    FUZZ_CHECK(at != std::string::npos);
    pos = at + t.key.size();
  }

  for (auto form : {digest::NormalForm::nfc, digest::NormalForm::nfkc, digest::NormalForm::display}) {
    auto r = lenient.normalize(text, form);
    FUZZ_CHECK(r.ok());
    FUZZ_CHECK(digest::detail::find_invalid_utf8(*r) == std::string_view::npos);
    FUZZ_CHECK(strict.normalize(text, form).ok() == valid);
    auto twice = lenient.normalize(*r, form);  // every form is idempotent
    FUZZ_CHECK(twice.ok() && *twice == *r);
  }

  (void)lenient.dominant_script(text);
  if (size < 256) {
    auto l = lenient.latin_key(text);
    FUZZ_CHECK(l.ok());
    for (char c : *l) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
    auto l2 = lenient.latin_key(*l);
    FUZZ_CHECK(l2.ok() && *l2 == *l);  // idempotent
  }
  return 0;
}
