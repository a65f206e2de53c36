// Multilingual text normalisation on ICU: the one place where text is folded.
// Every other module (import, dates, attribution, sources, entities,
// duplicates) asks a Normalizer for its keys and never lower-cases on its own.
#pragma once

#include <cstddef>
#include <cstdint>
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

// One token of a TokenKey: its key's place in TokenKey::key and the span it
// came from in the original UTF-8 input, as byte offsets (32 bits: texts are
// limited to 4 GiB).
struct TokenSpan {
  std::uint32_t key_begin = 0;  // [key_begin, key_end) in TokenKey::key
  std::uint32_t key_end = 0;
  std::uint32_t begin = 0;      // [begin, end) in the text
  std::uint32_t end = 0;
  bool operator==(const TokenSpan&) const = default;
};

// Where TokenKey::key and the text meet: key offsets from `key` on, up to
// the next anchor, map to `text` + (offset - key).
struct KeyAnchor {
  std::uint32_t key = 0;
  std::uint32_t text = 0;
  bool operator==(const KeyAnchor&) const = default;
};

// The tokens of a text in one buffer: their keys joined by single spaces
// (the same as joining the keys of tokens(); equal to search_key for text
// without Chinese, Japanese or Thai), and a sparse map from the key's token
// boundaries back to the text. The map is made as the key is built, with an
// anchor only where the two stop moving in step (a run of separators, a
// dropped apostrophe, a replacement of another length), and is read only
// where asked: a scan over the key maps back just what it found.
struct DG_API TokenKey {
  std::string key;
  std::vector<KeyAnchor> anchors;  // ascending key offsets; none when in step throughout

  // Where a token boundary of `key` is in the text: for the offset of a
  // token's first byte, where the token begins; for the offset just past a
  // token (its space, or key.size()), where it ends. Other offsets give
  // unspecified values.
  std::size_t text_offset(std::size_t key_off) const noexcept {
    std::size_t lo = 0, hi = anchors.size();  // the last anchor at or before key_off
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (anchors[mid].key <= key_off) lo = mid + 1;
      else hi = mid;
    }
    if (lo == 0) return key_off;
    const KeyAnchor& a = anchors[lo - 1];
    return a.text + (key_off - a.key);
  }

  // Every token's key range and text span, in order: what tokens() gives,
  // without a string per token.
  std::vector<TokenSpan> spans() const;
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

  // The tokens of `text` as one joined key with token spans (see TokenKey).
  // The second form fills `out`, reusing its buffers (on error `out` is
  // left empty).
  Result<TokenKey> token_key(std::string_view text) const;
  Status token_key(std::string_view text, TokenKey& out) const;

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
