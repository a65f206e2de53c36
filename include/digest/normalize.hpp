// Multilingual text normalisation on ICU: the one place where text is folded.
// Every other module (import, dates, attribution, sources, entities,
// duplicates) asks a Normalizer for its keys and never lower-cases on its own.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "digest/result.hpp"

namespace digest {

enum class NormalForm {
  nfc,      // ICU NFC
  nfkc,     // ICU NFKC
  display,  // NFC plus meaning-preserving typographic clean-up, no folding
};

enum class Utf8Mode {
  strict,   // ill-formed UTF-8 is an error (ErrorCode::invalid_utf8, with offset)
  lenient,  // each ill-formed sequence becomes U+FFFD
};

// One word of a text: its search-key form, and the span it came from in the
// original UTF-8 input, as byte offsets [begin, end).
struct Token {
  std::string key;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Token&) const = default;
};

struct NormalizerOptions {
  Utf8Mode utf8 = Utf8Mode::lenient;
  // Diagnostics: tokens() always runs ICU's word BreakIterator, even when the
  // key's word breaks are exactly its spaces (letters of scripts without
  // dictionary segmentation, and digits), where it normally skips it. Same
  // results, slower; the tests use it to check the fast path.
  bool always_icu_word_break = false;
};

// Thread-safe: one Normalizer may be used by many threads at once; all
// methods are const and keep no per-call shared state. Construction builds
// the ICU objects (normalisers, transliterators, break iterator prototype)
// once; it is not cheap, so share instances (see `shared()`).
class DG_API Normalizer {
 public:
  Normalizer();
  explicit Normalizer(NormalizerOptions options);
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;
  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;

  // A process-wide lenient Normalizer, built on first use.
  static const Normalizer& shared();
  // A process-wide strict Normalizer (ill-formed UTF-8 is an error).
  static const Normalizer& shared_strict();

  const NormalizerOptions& options() const noexcept;

  Result<std::string> normalize(std::string_view text, NormalForm form) const;

  // The key used for search, matching and de-duplication: case-folded,
  // marks removed, Arabic-script letters unified, digits to ASCII,
  // punctuation as separators, single spaces. Idempotent.
  Result<std::string> search_key(std::string_view text) const;

  // Word tokens of the search key, each with its span in `text`.
  Result<std::vector<Token>> tokens(std::string_view text) const;

  // Any-Latin; Latin-ASCII, for cross-script keys.
  Result<std::string> transliterate(std::string_view text) const;

  // A cross-script key: search_key(transliterate(search_key(text))), ASCII
  // only ([a-z0-9 ]). "Mojāhedin" and its Persian spelling come closer, but
  // transliteration is lossy: use it as a second key, beside search_key.
  // Idempotent.
  Result<std::string> latin_key(std::string_view text) const;

  // ISO 15924 code of the script most letters of `text` are in ("Latn",
  // "Arab", "Cyrl", ...), "Zyyy" when it has no letters.
  std::string dominant_script(std::string_view text) const;

 private:
  bool strict_utf8() const noexcept;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace digest
