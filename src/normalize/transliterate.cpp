// Transliteration: ICU's "Any-Latin; Latin-ASCII", word by word, with a
// per-thread memo of words already seen. On unseen words ICU's time is
// avoided where a table gives the same answer: a word of letters of one
// alphabet is the concatenation of its letters' answers when ICU's rules
// have no context for them (LetterTable), and Latin-ASCII after Any-Latin
// is a map of single characters on most text (LatinAsciiTable). Each thread
// uses its own clones of the transliterators (icu_clones.hpp).
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

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

// "Any-Latin; Latin-ASCII" of one word through ICU (Latin-ASCII from the
// table where it gives ICU's answer), appended to `out`.
Status icu_transliterate_word(std::string_view word, std::string& out) {
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

// Letters of the alphabets ICU transliterates letter by letter for the most
// part (Greek, Cyrillic, Armenian, Hebrew, Arabic with Persian and Urdu,
// Georgian), each with ICU's answer alone. A word made only of letters of
// one script that are all context-free is transliterated here, as the
// concatenation of its letters' answers.
//
// A letter is context-free when, through ICU, every pair of it with the
// context-free letters of its script already known (both orders, and
// itself twice) gives the concatenation of their answers; it is checked
// the first time it is met, against what is known then, and a letter known
// later is checked against it in turn. So every pair of context-free
// letters of a script has been checked, whatever the order they were met
// in. ICU's rules for these scripts look at most one letter around (final
// sigma, a vowel after a consonant, a capital before a capital); the tests
// compare with ICU on random words of each script. The table is built from
// the ICU the library runs with, so it follows that ICU's rules.
class LetterTable {
 public:
  // Appends the transliteration of `word` and returns true, or returns false
  // (out unchanged) when it needs ICU.
  bool append(std::string_view word, std::string& out) {
    const std::size_t size_before = out.size();
    UScriptCode script = USCRIPT_INVALID_CODE;
    const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
    const auto length = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      const Entry* e = c >= kFirst && c < kLimit ? entry(c) : nullptr;
      if (!e || !e->context_free || (script != USCRIPT_INVALID_CODE && e->script != script)) {
        out.resize(size_before);
        return false;
      }
      script = e->script;
      out.append(e->latin);
    }
    return true;
  }

 private:
  static constexpr UChar32 kFirst = 0x0370, kLimit = 0x1100;
  struct Entry {
    bool context_free = false;
    UScriptCode script = USCRIPT_INVALID_CODE;
    std::string latin;
  };

  static bool alphabet(UScriptCode s) {
    switch (s) {
      case USCRIPT_GREEK: case USCRIPT_CYRILLIC: case USCRIPT_ARMENIAN: case USCRIPT_HEBREW:
      case USCRIPT_ARABIC: case USCRIPT_GEORGIAN:
        return true;
      default:
        return false;
    }
  }

  static bool letter(UChar32 c) {
    switch (u_charType(c)) {
      case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
      case U_OTHER_LETTER:
        return true;
      default:
        return false;
    }
  }

  static std::string icu_answer(const std::string& word) {
    std::string out;
    if (!icu_transliterate_word(word, out)) return {};
    return out;
  }

  const Entry* entry(UChar32 c) {
    const auto slot = static_cast<std::size_t>(c - kFirst);
    if (const Entry* e = ready_[slot].load(std::memory_order_acquire)) return e;
    std::lock_guard lock(mutex_);
    if (const Entry* e = ready_[slot].load(std::memory_order_relaxed)) return e;
    auto made = std::make_unique<Entry>();
    UErrorCode status = U_ZERO_ERROR;
    made->script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && alphabet(made->script) && letter(c)) {
      std::string utf8;
      icu::UnicodeString(c).toUTF8String(utf8);
      made->latin = icu_answer(utf8);
      made->context_free = !made->latin.empty() && checks_out(utf8, *made);
      if (made->context_free) known_.push_back({made.get(), std::move(utf8)});
    }
    const Entry* e = made.get();
    entries_.push_back(std::move(made));
    ready_[slot].store(e, std::memory_order_release);
    return e;
  }

  // Every pair of the new letter with the known ones of its script, and
  // itself twice, gives the concatenation of the answers.
  bool checks_out(const std::string& utf8, const Entry& e) const {
    if (icu_answer(utf8 + utf8) != e.latin + e.latin) return false;
    for (const Known& k : known_) {
      if (k.entry->script != e.script) continue;
      if (icu_answer(utf8 + k.utf8) != e.latin + k.entry->latin) return false;
      if (icu_answer(k.utf8 + utf8) != k.entry->latin + e.latin) return false;
    }
    return true;
  }

  struct Known {
    const Entry* entry;
    std::string utf8;
  };
  std::array<std::atomic<const Entry*>, kLimit - kFirst> ready_{};
  std::mutex mutex_;
  std::vector<std::unique_ptr<Entry>> entries_;
  std::vector<Known> known_;  // the context-free letters, in the order met
};

LetterTable& letter_table() {
  static auto* table = new LetterTable();  // never destroyed: threads may outlive statics
  return *table;
}

Status transliterate_word(std::string_view word, std::string& out) {
  if (letter_table().append(word, out)) return {};
  return icu_transliterate_word(word, out);
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
