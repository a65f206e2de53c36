// libFuzzer target for the normaliser: every entry point on arbitrary bytes,
// in both UTF-8 modes, with the invariants that must hold for any input:
// keys and forms are well-formed UTF-8 and idempotent (NFC, NFKC, display,
// search key), strict mode fails exactly on ill-formed input with a
// positioned one-line error, tokens lie in the text in order and spell the
// key; the Latin key is [a-z0-9 ] only and idempotent. Two fast paths are
// checked against the slow ones they replace: tokens against ICU's word
// BreakIterator on every text, and each word's transliteration against
// ICU's "Any-Latin; Latin-ASCII" itself.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <unicode/translit.h>
#include <unicode/unistr.h>

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

  static const digest::Normalizer icu_words = [] {
    digest::NormalizerOptions o;
    o.always_icu_word_break = true;
    return digest::Normalizer(o);
  }();
  auto slow = icu_words.tokens(text);
  FUZZ_CHECK(slow.ok() && *slow == *toks);

  (void)lenient.dominant_script(text);
  if (size < 256) {
    auto l = lenient.latin_key(text);
    FUZZ_CHECK(l.ok());
    for (char c : *l) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
    auto l2 = lenient.latin_key(*l);
    FUZZ_CHECK(l2.ok() && *l2 == *l);  // idempotent
    // A text without ASCII separators is one word to transliterate().
    if (valid && !text.empty()) {
      bool one_word = true;
      for (unsigned char c : text)
        if (c < 0x80 && !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
          one_word = false;
      if (one_word) {
        static std::unique_ptr<icu::Transliterator> icu_latin = [] {
          UErrorCode st = U_ZERO_ERROR;
          return std::unique_ptr<icu::Transliterator>(icu::Transliterator::createInstance(
              icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, st));
        }();
        FUZZ_CHECK(icu_latin != nullptr);
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        icu_latin->transliterate(u);
        std::string want;
        u.toUTF8String(want);
        auto got = lenient.transliterate(text);
        FUZZ_CHECK(got.ok() && *got == want);
      }
    }
  }
  return 0;
}
