// digest::Normalizer: the one place where text is folded. The ICU objects it
// uses are process-wide: Normalizer2 instances (immutable, thread-safe) and
// the fold table (built lazily, lock-free). Tokens are made in tokens.cpp,
// transliteration in transliterate.cpp.
#include "digest/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <limits>
#include <unordered_map>
#include <mutex>
#include <stdexcept>

#include "normalize/display.hpp"
#include "normalize/errors.hpp"
#include "normalize/fold.hpp"
#include "text/utf8.hpp"

namespace digest {

namespace {

using detail::Decoded;
using detail::decode_utf8;
using detail::icu_error;
using detail::kMaxInput;
using detail::too_large;
using detail::prepare;
using detail::utf8_error;

std::u32string decode_all(std::string_view valid) {
  std::u32string out;
  out.reserve(valid.size());
  const auto* p = reinterpret_cast<const unsigned char*>(valid.data());
  std::size_t i = 0;
  while (i < valid.size()) {
    Decoded d = decode_utf8(p + i, valid.size() - i);
    out.push_back(d.cp);
    i += d.len;
  }
  return out;
}

std::string encode_all(const std::u32string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  for (char32_t c : s) detail::append_utf8(out, c);
  return out;
}

Result<std::string> icu_normalize(const icu::Normalizer2& norm, std::string_view valid) {
  UErrorCode st = U_ZERO_ERROR;
  icu::StringPiece sp(valid.data(), static_cast<int32_t>(valid.size()));
  if (norm.isNormalizedUTF8(sp, st) && U_SUCCESS(st)) return std::string(valid);
  st = U_ZERO_ERROR;
  std::string out;
  out.reserve(valid.size());
  icu::StringByteSink<std::string> sink(&out);
  norm.normalizeUTF8(0, sp, sink, nullptr, st);
  if (U_FAILURE(st)) return icu_error("ICU normalize", st);
  return out;
}

const icu::Normalizer2& nfc_instance() {
  static const icu::Normalizer2* n = [] {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* r = icu::Normalizer2::getNFCInstance(st);
    if (U_FAILURE(st)) throw std::runtime_error(u_errorName(st));
    return r;
  }();
  return *n;
}

const icu::Normalizer2& nfkc_instance() {
  static const icu::Normalizer2* n = [] {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* r = icu::Normalizer2::getNFKCInstance(st);
    if (U_FAILURE(st)) throw std::runtime_error(u_errorName(st));
    return r;
  }();
  return *n;
}

const NormalizerOptions& default_options() {
  static const NormalizerOptions o;
  return o;
}

}  // namespace

struct Normalizer::Impl {
  NormalizerOptions options;
  bool strict() const { return options.utf8 == Utf8Mode::strict; }
};

Normalizer::Normalizer() : Normalizer(NormalizerOptions{}) {}

Normalizer::Normalizer(NormalizerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  (void)detail::FoldTable::instance();
  (void)nfc_instance();
  (void)nfkc_instance();
}

Normalizer::~Normalizer() = default;
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;

const Normalizer& Normalizer::shared() {
  static const Normalizer* n = new Normalizer();  // never destroyed: used until exit
  return *n;
}

const Normalizer& Normalizer::shared_strict() {
  static const Normalizer* n = [] {
    NormalizerOptions o;
    o.utf8 = Utf8Mode::strict;
    return new Normalizer(o);
  }();
  return *n;
}

const NormalizerOptions& Normalizer::options() const noexcept {
  return impl_ ? impl_->options : default_options();
}

Result<std::string> Normalizer::normalize(std::string_view text, NormalForm form) const {
  std::string storage;
  if (auto err = prepare(text, options().utf8, storage)) return std::move(*err);
  switch (form) {
    case NormalForm::nfc:
      if (detail::is_ascii(text)) return std::string(text);
      return icu_normalize(nfc_instance(), text);
    case NormalForm::nfkc:
      if (detail::is_ascii(text)) return std::string(text);
      return icu_normalize(nfkc_instance(), text);
    case NormalForm::display: {
      std::string cleaned = encode_all(detail::display_clean(decode_all(text)));
      if (detail::is_ascii(cleaned)) return cleaned;
      return icu_normalize(nfc_instance(), cleaned);
    }
  }
  return Error(ErrorCode::invalid_argument, "unknown normal form");
}

Result<std::string> Normalizer::search_key(std::string_view text) const {
  if (text.size() > kMaxInput) return too_large(text.size());
  std::string key;
  if (auto bad = detail::build_key(text, strict_utf8(), key, nullptr, nullptr))
    return utf8_error(*bad);
  return key;
}

bool Normalizer::strict_utf8() const noexcept { return options().utf8 == Utf8Mode::strict; }

std::string Normalizer::dominant_script(std::string_view text) const {
  std::vector<std::uint32_t> counts(USCRIPT_CODE_LIMIT, 0);
  std::vector<std::uint32_t> first(USCRIPT_CODE_LIMIT, std::numeric_limits<std::uint32_t>::max());
  std::uint32_t order = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    UScriptCode sc = USCRIPT_COMMON;
    unsigned char c0 = p[i];
    if (c0 < 0x80) {
      ++i;
      if ((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z') sc = USCRIPT_LATIN;
      else continue;
    } else {
      Decoded d = decode_utf8(p + i, text.size() - i);
      i += d.len;
      if (!d.valid || !u_isalpha(static_cast<UChar32>(d.cp))) continue;
      UErrorCode st = U_ZERO_ERROR;
      sc = uscript_getScript(static_cast<UChar32>(d.cp), &st);
      if (U_FAILURE(st) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED ||
          sc == USCRIPT_UNKNOWN || sc < 0 || sc >= USCRIPT_CODE_LIMIT)
        continue;
    }
    if (counts[sc]++ == 0) first[sc] = order++;
  }
  int best = -1;
  for (int s = 0; s < USCRIPT_CODE_LIMIT; ++s) {
    if (counts[s] == 0) continue;
    if (best < 0 || counts[s] > counts[best] || (counts[s] == counts[best] && first[s] < first[best]))
      best = s;
  }
  if (best < 0) return "Zyyy";
  const char* name = uscript_getShortName(static_cast<UScriptCode>(best));
  return name ? name : "Zzzz";
}

}  // namespace digest
