// Tokens: the words of a text's search key with their spans in the text.
// token_key() gives them in one buffer (the keys joined by single spaces,
// with anchors that map token boundaries back to the text) and tokens() one
// Token per word, from it. For most text the word breaks of the key are its
// spaces, and the key is built in one pass that drops an anchor only where
// key and text stop moving in step (fold.hpp). Text with letters that ICU
// segments by dictionary (Chinese, Japanese, Thai, ...) is built again with
// each character's span and cut by ICU's word BreakIterator, of which each
// thread uses a clone of its own.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <limits>
#include <memory>

#include "digest/normalize.hpp"
#include "normalize/errors.hpp"
#include "normalize/fold.hpp"
#include "normalize/icu_clones.hpp"

namespace digest {

namespace {

using detail::icu_error;
using detail::kMaxInput;
using detail::too_large;
using detail::utf8_error;

// This thread's word BreakIterator (icu_clones.hpp).
icu::BreakIterator* word_breaker() {
  return detail::lent_clone<icu::BreakIterator>([](UErrorCode& st) {
    return icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st);
  });
}

// Per-thread scratch for the key units, so that a call does not fault in
// fresh pages every time; large buffers are given back.
std::vector<detail::KeyUnit>& unit_scratch() {
  thread_local std::vector<detail::KeyUnit> units;
  return units;
}

// The ICU path: the key with one unit per character, cut into words by the
// word BreakIterator; the words are joined into out.key.
Status icu_token_key(std::string_view text, bool strict, TokenKey& out) {
  std::string key;
  std::vector<detail::KeyUnit>& units = unit_scratch();
  struct Release {
    std::vector<detail::KeyUnit>& u;
    ~Release() {
      if (u.capacity() > (std::size_t{1} << 20)) std::vector<detail::KeyUnit>().swap(u);
    }
  } release{units};
  if (auto bad = detail::build_key(text, strict, key, &units, nullptr)) return utf8_error(*bad);

  out.key.clear();
  out.key.reserve(key.size() + key.size() / 4);
  out.anchors.clear();
  // Key offset k is text offset t, with an anchor when not already so.
  auto anchor = [&](std::size_t k, std::uint32_t t) {
    if (out.text_offset(k) != t) out.anchors.push_back({static_cast<std::uint32_t>(k), t});
  };
  std::size_t u = 0;
  // Appends the word of key bytes [kb, ke) with the span of its characters.
  auto emit = [&](std::size_t kb, std::size_t ke) {
    while (u < units.size() && units[u].key_off < kb) ++u;
    std::uint32_t b = std::numeric_limits<std::uint32_t>::max(), e = 0;
    std::size_t v = u;
    for (; v < units.size() && units[v].key_off < ke; ++v) {
      b = std::min(b, units[v].begin);
      e = std::max(e, units[v].end);
    }
    if (v == u) return;  // cannot happen: every key character has a unit
    u = v;
    if (!out.key.empty()) out.key.push_back(' ');
    anchor(out.key.size(), b);
    out.key.append(key, kb, ke - kb);
    anchor(out.key.size(), e);
  };

  icu::BreakIterator* bi = word_breaker();
  if (!bi) return Error(ErrorCode::internal, "ICU word break iterator unavailable");
  UErrorCode st = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, key.data(), static_cast<int64_t>(key.size()), &st);
  if (U_FAILURE(st)) return icu_error("ICU utext_openUTF8", st);
  bi->setText(ut, st);
  if (U_FAILURE(st)) {
    utext_close(ut);
    return icu_error("ICU BreakIterator::setText", st);
  }
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    if (bi->getRuleStatus() >= UBRK_WORD_NONE_LIMIT)
      emit(static_cast<std::size_t>(start), static_cast<std::size_t>(end));
  }
  // Detach the iterator from the UText before closing it.
  icu::UnicodeString empty;
  bi->setText(empty);
  utext_close(ut);
  return {};
}

}  // namespace

Status Normalizer::token_key(std::string_view text, TokenKey& out) const {
  auto fail = [&](Error e) {
    out.key.clear();
    out.anchors.clear();
    return Status(std::move(e));
  };
  if (text.size() > kMaxInput) return fail(too_large(text.size()));
  if (!options().always_icu_word_break) {
    bool simple = true;
    if (auto bad = detail::build_key(text, strict_utf8(), out.key, nullptr, &simple, &out.anchors))
      return fail(utf8_error(*bad));
    if (simple) return {};
  }
  if (Status s = icu_token_key(text, strict_utf8(), out); !s) return fail(std::move(s).error());
  return {};
}

Result<TokenKey> Normalizer::token_key(std::string_view text) const {
  TokenKey out;
  if (Status s = token_key(text, out); !s) return std::move(s).error();
  return out;
}

Result<std::vector<Token>> Normalizer::tokens(std::string_view text) const {
  TokenKey tk;
  if (Status s = token_key(text, tk); !s) return std::move(s).error();
  std::vector<Token> out;
  for (const TokenSpan& t : tk.spans())
    out.push_back(Token{tk.key.substr(t.key_begin, t.key_end - t.key_begin), t.begin, t.end});
  return out;
}

std::vector<TokenSpan> TokenKey::spans() const {
  std::vector<TokenSpan> out;
  out.reserve(key.size() / 6 + 1);
  std::size_t a = 0;  // anchors before this one are behind the walk
  auto text_at = [&](std::size_t k) {
    while (a < anchors.size() && anchors[a].key <= k) ++a;
    if (a == 0) return static_cast<std::uint32_t>(k);
    return static_cast<std::uint32_t>(anchors[a - 1].text + (k - anchors[a - 1].key));
  };
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    const std::uint32_t b = text_at(i), e = text_at(j);
    out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), b, e});
    i = j + 1;
  }
  return out;
}

}  // namespace digest
