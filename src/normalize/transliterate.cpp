// Transliteration: ICU's "Any-Latin; Latin-ASCII", word by word, with a
// per-thread memo of words already seen. On unseen words most of ICU's time
// went to the second step, so Latin-ASCII is replaced by a table where that
// gives the same answer (see LatinAsciiTable). Each thread uses its own
// clones of the transliterators (icu_clones.hpp).
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "digest/normalize.hpp"
#include "normalize/errors.hpp"
#include "normalize/icu_clones.hpp"

namespace digest {

namespace {

icu::Transliterator* transliterator(const char* id, UErrorCode& status) {
  return icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD,
                                             status);
}

// This thread's transliterators (icu_clones.hpp).
icu::Transliterator* any_latin() {
  return detail::lent_clone<icu::Transliterator>(
      [](UErrorCode& st) { return transliterator("Any-Latin", st); });
}
icu::Transliterator* latin_ascii() {
  return detail::lent_clone<icu::Transliterator>(
      [](UErrorCode& st) { return transliterator("Latin-ASCII", st); });
}

// ICU's Latin-ASCII is a filter ([:Latin:], [:Common:], [:Inherited:], 〇),
// NFD, removal of marks after a Latin letter or digit, NFC, then a map of
// single characters with no context. On text where no character is a
// combining mark or can compose with the one before it, each character is
// therefore transliterated alone: the table keeps ICU's answer for each
// character below U+3000, asked once per process the first time it is met.
// Text with any other character goes to ICU whole.
class LatinAsciiTable {
 public:
  // Appends the Latin-ASCII form of `u` to `out` and returns true, or
  // returns false (out unchanged) when `u` needs ICU.
  bool append(const icu::UnicodeString& u, std::string& out) {
    const std::size_t size_before = out.size();
    for (int32_t i = 0; i < u.length();) {
      const UChar32 c = u.char32At(i);
      i += U16_LENGTH(c);
      if (c < 0x80) {
        out.push_back(static_cast<char>(c));
        continue;
      }
      const Entry* e = c < kLimit ? entry(c) : nullptr;
      if (!e || !e->context_free) {
        out.resize(size_before);
        return false;
      }
      out.append(e->ascii);
    }
    return true;
  }

 private:
  static constexpr UChar32 kLimit = 0x3000;
  struct Entry {
    bool context_free = false;
    std::string ascii;
  };

  const Entry* entry(UChar32 c) {
    if (U_IS_SURROGATE(c)) return nullptr;
    if (const Entry* e = ready_[c].load(std::memory_order_acquire)) return e;
    std::lock_guard lock(mutex_);
    if (const Entry* e = ready_[c].load(std::memory_order_relaxed)) return e;
    auto made = std::make_unique<Entry>();
    made->context_free = u_getCombiningClass(c) == 0 && u_charType(c) != U_NON_SPACING_MARK &&
                         u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
    if (made->context_free) {
      icu::Transliterator* t = latin_ascii();
      if (!t) return nullptr;
      icu::UnicodeString one(c);
      t->transliterate(one);
      one.toUTF8String(made->ascii);
    }
    const Entry* e = made.get();
    entries_.push_back(std::move(made));
    ready_[c].store(e, std::memory_order_release);
    return e;
  }

  std::array<std::atomic<const Entry*>, kLimit> ready_{};
  std::mutex mutex_;
  std::vector<std::unique_ptr<Entry>> entries_;
};

LatinAsciiTable& latin_ascii_table() {
  static auto* table = new LatinAsciiTable();  // never destroyed: threads may outlive statics
  return *table;
}

// Per-thread memo of transliterated words: news text repeats its words.
// Bounded; cleared when full.
class WordCache {
 public:
  const std::string* find(std::string_view w) const {
    auto it = map_.find(std::string(w));
    return it == map_.end() ? nullptr : &it->second;
  }
  void put(std::string_view w, std::string v) {
    if (map_.size() >= kMaxEntries) map_.clear();
    map_.emplace(std::string(w), std::move(v));
  }

 private:
  static constexpr std::size_t kMaxEntries = 1 << 15;
  std::unordered_map<std::string, std::string> map_;
};

bool ascii_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// "Any-Latin; Latin-ASCII" of one word, appended to `out`.
Status transliterate_word(std::string_view word, std::string& out) {
  icu::Transliterator* to_latin = any_latin();
  if (!to_latin) return Error(ErrorCode::internal, "ICU transliterator Any-Latin unavailable");
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  to_latin->transliterate(u);
  if (latin_ascii_table().append(u, out)) return {};
  icu::Transliterator* to_ascii = latin_ascii();
  if (!to_ascii) return Error(ErrorCode::internal, "ICU transliterator Latin-ASCII unavailable");
  to_ascii->transliterate(u);
  u.toUTF8String(out);
  return {};
}

}  // namespace

Result<std::string> Normalizer::transliterate(std::string_view text) const {
  std::string storage;
  if (auto err = detail::prepare(text, options().utf8, storage)) return std::move(*err);
  if (detail::is_ascii(text)) return std::string(text);
  thread_local WordCache cache;
  // Word by word: a word is a run of non-ASCII characters and ASCII letters
  // and digits; ASCII spaces and punctuation between words are copied.
  std::string out;
  out.reserve(text.size());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !ascii_word_byte(c)) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    std::size_t j = i;
    bool ascii = true;
    while (j < n) {
      const auto d = static_cast<unsigned char>(text[j]);
      if (d < 0x80 && !ascii_word_byte(d)) break;
      if (d >= 0x80) ascii = false;
      ++j;
    }
    std::string_view word = text.substr(i, j - i);
    i = j;
    if (ascii) {
      out.append(word);
      continue;
    }
    if (const std::string* hit = cache.find(word)) {
      out.append(*hit);
      continue;
    }
    std::string latin;
    if (Status s = transliterate_word(word, latin); !s) return std::move(s).error();
    out.append(latin);
    cache.put(word, std::move(latin));
  }
  return out;
}

Result<std::string> Normalizer::latin_key(std::string_view text) const {
  auto key = search_key(text);
  if (!key) return key;
  if (detail::is_ascii(*key)) return key;
  auto latin = transliterate(*key);
  if (!latin) return latin;
  auto folded = search_key(*latin);
  if (!folded) return folded;
  // What Any-Latin does not know (Mongolian, Yi, Cherokee, …) stays in its
  // script: the key keeps its promise of [a-z0-9 ] by leaving it out.
  std::string out;
  out.reserve(folded->size());
  bool space = false;
  for (char c : *folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    } else if (c == ' ') {
      space = true;
    }
  }
  return out;
}

}  // namespace digest
