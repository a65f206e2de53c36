// The search-key fold: per-code-point entries computed with ICU and cached,
// plus the pass over a text that strings them together. See fold.hpp.
#include "normalize/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "text/utf8.hpp"

namespace digest::detail {

namespace {

struct Icu {
  const icu::Normalizer2* nfkc_cf;
  const icu::Normalizer2* nfd;
  const icu::Normalizer2* nfc;
  const icu::Normalizer2* nfkd;
};

const Icu& icu_norms() {
  static const Icu icu = [] {
    UErrorCode st = U_ZERO_ERROR;
    Icu r{};
    r.nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(st);
    r.nfd = icu::Normalizer2::getNFDInstance(st);
    r.nfc = icu::Normalizer2::getNFCInstance(st);
    r.nfkd = icu::Normalizer2::getNFKDInstance(st);
    if (U_FAILURE(st)) throw std::runtime_error(std::string("ICU normalizer data: ") + u_errorName(st));
    return r;
  }();
  return icu;
}

constexpr char32_t kZwnj = 0x200C;

// Apostrophe-like characters: removed, so that People’s, PEOPLE'S and
// Peoples meet, and Shi'a / Shīʿa / Shia. Not U+00B4 ACUTE ACCENT: it is a
// spacing accent whose NFKC form is a space and a combining acute, so it
// separates, like its compatibility equivalent.
bool is_apostrophe(char32_t c) {
  switch (c) {
    case 0x0027: case 0x0060: case 0x02B9: case 0x02BB: case 0x02BC:
    case 0x02BD: case 0x02BE: case 0x02BF: case 0x055A: case 0x2018: case 0x2019:
    case 0x201B: case 0x2032: case 0x2035: case 0xFF07:
      return true;
    default:
      return false;
  }
}

// Marks removed unless they make, with the letter before them, one of the
// letters below: Cyrillic й ў ї ѓ ќ, whose diacritic makes a letter of its
// own alphabet (the mark stays, composed), and Persian ۀ (heh with yeh
// above, the ezafe), which becomes heh like the presentation forms and the
// decomposed spellings of it do.
bool is_conditional_mark(char32_t c) {
  return c == 0x0301 || c == 0x0306 || c == 0x0308 || c == 0x0654;
}
// What the composite of a letter and a conditional mark becomes; 0 when the
// mark is simply removed.
char32_t conditional_target(char32_t composite) {
  switch (composite) {
    case 0x0439: case 0x045E: case 0x0457: case 0x0453: case 0x045C: return composite;
    case 0x06C0: return 0x0647;
    default: return 0;
  }
}

// Combining marks that are removed: accents and points of the scripts whose
// marks are optional (Latin, Greek, Cyrillic, Arabic, Hebrew, Syriac, Thaana,
// Armenian, Coptic) and inherited marks, except the kana voicing marks. Marks
// of Indic, Southeast Asian and other scripts are part of the spelling and
// stay.
bool is_removable_mark(char32_t c) {
  if (c == 0x3099 || c == 0x309A) return false;
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &st);
  switch (sc) {
    case USCRIPT_INHERITED: case USCRIPT_COMMON: case USCRIPT_LATIN: case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC: case USCRIPT_ARABIC: case USCRIPT_HEBREW: case USCRIPT_SYRIAC:
    case USCRIPT_THAANA: case USCRIPT_ARMENIAN: case USCRIPT_COPTIC:
      return true;
    default:
      return false;
  }
}

// Letter unification after case folding and decomposition. Returns 0 when
// the character is not mapped; may write two characters (æ, œ).
int map_letter(char32_t c, char32_t out[2]) {
  switch (c) {
    // Arabic script: one form per letter (Persian forms as the targets).
    case 0x064A: case 0x0649: out[0] = 0x06CC; return 1;  // Arabic yeh, alef maksura -> Farsi yeh
    case 0x0643: out[0] = 0x06A9; return 1;               // kaf -> keheh
    case 0x0629: out[0] = 0x0647; return 1;               // teh marbuta -> heh
    case 0x0671: case 0x0672: case 0x0673: out[0] = 0x0627; return 1;  // alef wasla, wavy hamza -> alef
    // Latin letters with a stroke or ligatures, folded like their accents.
    case 0x00F8: out[0] = 'o'; return 1;
    case 0x0142: out[0] = 'l'; return 1;
    case 0x0111: out[0] = 'd'; return 1;
    case 0x0127: out[0] = 'h'; return 1;
    case 0x0167: out[0] = 't'; return 1;
    case 0x0131: out[0] = 'i'; return 1;
    case 0x00E6: out[0] = 'a'; out[1] = 'e'; return 2;
    case 0x0153: out[0] = 'o'; out[1] = 'e'; return 2;
    default: return 0;
  }
}

bool is_separator_type(int8_t gc) {
  switch (gc) {
    case U_CONNECTOR_PUNCTUATION: case U_DASH_PUNCTUATION: case U_START_PUNCTUATION:
    case U_END_PUNCTUATION: case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION: case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL: case U_CONTROL_CHAR:
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
      return true;
    default:
      return false;
  }
}

int ccc(char32_t c) { return u_getCombiningClass(static_cast<UChar32>(c)); }

bool wb_plain(char32_t c) {
  if (c == ' ') return true;
  int wb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK);
  if (wb != U_WB_ALETTER && wb != U_WB_HEBREW_LETTER && wb != U_WB_NUMERIC) return false;
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &st);
  switch (sc) {
    case USCRIPT_LATIN: case USCRIPT_GREEK: case USCRIPT_CYRILLIC: case USCRIPT_ARABIC:
    case USCRIPT_HEBREW: case USCRIPT_ARMENIAN: case USCRIPT_GEORGIAN: case USCRIPT_COMMON:
      return true;
    default:
      return false;
  }
}

struct U {
  char32_t c;
  std::uint32_t b, e;
};

inline void merge(U& into, const U& from) {
  into.b = std::min(into.b, from.b);
  into.e = std::max(into.e, from.e);
}

// Canonical reordering and composition (UAX #15) of `s`, with the
// conditional marks composed only into protected letters and dropped
// otherwise (their span joins the previous character).
void compose(std::vector<U>& s) {
  const icu::Normalizer2* nfc = icu_norms().nfc;
  // Canonical ordering: stable insertion sort of each run of non-starters.
  for (std::size_t i = 1; i < s.size(); ++i) {
    int ci = ccc(s[i].c);
    if (ci == 0) continue;
    std::size_t j = i;
    while (j > 0) {
      int cj = ccc(s[j - 1].c);
      if (cj <= ci) break;
      std::swap(s[j - 1], s[j]);
      --j;
    }
  }
  std::size_t w = 0;
  std::size_t starter = SIZE_MAX;
  int last_cc = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    U u = s[i];
    int cc = ccc(u.c);
    bool can = starter != SIZE_MAX && (last_cc < cc || last_cc == 0);
    if (is_conditional_mark(u.c)) {
      if (can) {
        UChar32 comp = nfc->composePair(static_cast<UChar32>(s[starter].c), static_cast<UChar32>(u.c));
        char32_t target = comp >= 0 ? conditional_target(static_cast<char32_t>(comp)) : 0;
        if (target != 0) {
          s[starter].c = target;
          merge(s[starter], u);
          continue;
        }
      }
      if (w > 0) merge(s[w - 1], u);
      continue;
    }
    if (can) {
      UChar32 comp = nfc->composePair(static_cast<UChar32>(s[starter].c), static_cast<UChar32>(u.c));
      if (comp >= 0) {
        s[starter].c = static_cast<char32_t>(comp);
        merge(s[starter], u);
        continue;
      }
    }
    if (cc == 0) starter = w;
    last_cc = cc;
    s[w++] = u;
  }
  s.resize(w);
}

// What one code point becomes in a key, as characters (' ' = separator).
// Sets `dropped` when the code point vanishes entirely.
std::u32string fold_code_point(char32_t c) {
  std::u32string out;
  if (c == kZwnj) return U" ";  // ZWNJ separates, like a space (documented)
  if (is_apostrophe(c)) return out;
  {
    int8_t gc = u_charType(static_cast<UChar32>(c));
    if (gc == U_CONTROL_CHAR || u_isUWhiteSpace(static_cast<UChar32>(c))) return U" ";
  }
  const Icu& icu = icu_norms();
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString src(static_cast<UChar32>(c));
  // The Greek iota subscript (U+0345) is the one combining mark that case
  // folding turns into a letter (ι), which would make the key depend on
  // the order of the marks around it. It is removed like the other Greek
  // diacritics, before folding: ᾳ = α (and U+037A, its spacing form, separates).
  {
    icu::UnicodeString nfd = icu.nfkd->normalize(src, st);
    if (nfd.indexOf(static_cast<char16_t>(0x0345)) >= 0) {
      nfd.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0345)), icu::UnicodeString());
      src = nfd;
    }
  }
  icu::UnicodeString folded = icu.nfkc_cf->normalize(src, st);
  icu::UnicodeString dec = icu.nfd->normalize(folded, st);
  if (U_FAILURE(st)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(st));
  for (int32_t i = 0; i < dec.length();) {
    UChar32 x = dec.char32At(i);
    i += U16_LENGTH(x);
    char32_t cx = static_cast<char32_t>(x);
    if (is_apostrophe(cx) || cx == 0x0640) continue;  // tatweel removed
    int8_t gc = u_charType(x);
    if (gc == U_DECIMAL_DIGIT_NUMBER) {
      int v = u_charDigitValue(x);
      if (v >= 0 && v <= 9) {
        out.push_back(U'0' + static_cast<char32_t>(v));
        continue;
      }
    }
    if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK) {
      if (is_removable_mark(cx)) {
        if (is_conditional_mark(cx)) out.push_back(cx);
        continue;
      }
      out.push_back(cx);
      continue;
    }
    if (gc == U_FORMAT_CHAR) continue;
    if (u_isUWhiteSpace(x) || is_separator_type(gc)) {
      out.push_back(U' ');
      continue;
    }
    char32_t m[2];
    int k = map_letter(cx, m);
    if (k > 0) {
      out.append(m, static_cast<std::size_t>(k));
      continue;
    }
    out.push_back(cx);
  }
  // Compose what the code point decomposed into (kept marks, protected letters).
  std::vector<U> seq;
  seq.reserve(out.size());
  for (char32_t x : out) seq.push_back({x, 0, 0});
  // Leading conditional marks have nothing to attach to here: keep them for
  // the runtime pass (they attach to the previous code point's letter).
  std::size_t lead = 0;
  while (lead < seq.size() && is_conditional_mark(seq[lead].c)) ++lead;
  std::vector<U> rest(seq.begin() + static_cast<std::ptrdiff_t>(lead), seq.end());
  compose(rest);
  std::u32string r(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(lead));
  for (const U& u : rest) r.push_back(u.c);
  return r;
}

}  // namespace

const FoldTable& FoldTable::instance() {
  static const FoldTable* t = new FoldTable();  // never destroyed: other threads may use it at exit
  return *t;
}

FoldTable::FoldTable() {
  for (auto& b : blocks_) b.store(nullptr, std::memory_order_relaxed);
  (void)icu_norms();
  for (std::uint32_t index = 0; index < kLowLimit / 256; ++index) {
    const FoldBlock& blk = build(index);
    const auto base = static_cast<std::uint32_t>(low_pool_.size());
    for (std::uint32_t k = 0; k < 256; ++k) {
      FoldEntry e = blk.entry[k];
      e.off += base;
      low_[index * 256 + k] = e;
    }
    low_pool_ += blk.pool;
  }
}

const FoldBlock& FoldTable::build(std::uint32_t index) const {
  auto* blk = new FoldBlock();
  const icu::Normalizer2* nfc = icu_norms().nfc;
  for (std::uint32_t k = 0; k < 256; ++k) {
    char32_t c = (index << 8) | k;
    FoldEntry& e = blk->entry[k];
    if (c >= 0xD800 && c <= 0xDFFF) {  // never decoded; treat as a separator
      e.flags = kFoldSep | kFoldWbSimple;
      continue;
    }
    std::u32string f = fold_code_point(c);
    e.off = static_cast<std::uint32_t>(blk->pool.size());
    bool complex = false, wb = true, space = false;
    for (char32_t x : f) {
      append_utf8(blk->pool, x);
      if (x == ' ') {
        space = true;
        continue;
      }
      if (is_conditional_mark(x) || !nfc->hasBoundaryBefore(static_cast<UChar32>(x))) complex = true;
      if (!wb_plain(x)) wb = false;
    }
    std::size_t len = blk->pool.size() - e.off;
    if (len > 255) throw std::runtime_error("fold entry too long");
    e.len = static_cast<std::uint8_t>(len);
    std::uint8_t fl = 0;
    if (f.empty()) fl |= kFoldDrop;
    else if (f == U" ") fl |= kFoldSep;
    if (complex) fl |= kFoldComplex;
    if (wb && !complex) fl |= kFoldWbSimple;
    if (!f.empty() && !space && !complex) fl |= kFoldPlain;
    if (f.size() == 1 && f[0] == c) fl |= kFoldIdentity;
    e.flags = fl;
  }
  const FoldBlock* expected = nullptr;
  if (blocks_[index].compare_exchange_strong(expected, blk, std::memory_order_acq_rel,
                                             std::memory_order_acquire)) {
    return *blk;
  }
  delete blk;  // another thread built it first
  return *expected;
}

namespace {

// ASCII: lower-cased letters and digits are kept, ' and ` dropped (0), the
// rest separates (' ').
struct AsciiTable {
  char v[128];
  constexpr AsciiTable() : v() {
    for (int c = 0; c < 128; ++c) {
      char o = ' ';
      if (c >= 'a' && c <= 'z') o = static_cast<char>(c);
      else if (c >= 'A' && c <= 'Z') o = static_cast<char>(c + 32);
      else if (c >= '0' && c <= '9') o = static_cast<char>(c);
      else if (c == '\'' || c == '`') o = 0;
      v[c] = o;
    }
  }
};
constexpr AsciiTable kAscii;

static_assert(std::endian::native == std::endian::little, "the SWAR ASCII path assumes little-endian");

inline std::uint64_t load64(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Writes the key into a std::string used as a raw buffer (sized ahead,
// trimmed at the end). A separator is written as one ' ' unless the key is
// empty or already ends with one; a trailing ' ' is trimmed at the end.
template <bool Track>
class KeyBuilder {
 public:
  KeyBuilder(std::string& out, std::vector<KeyUnit>* units, std::size_t hint)
      : out_(out), units_(units) {
    out_.resize(hint + 16);
    o_ = out_.data();
    cap_ = out_.size();
  }

  bool wb_simple = true;

  void ensure(std::size_t k) {
    if (w_ + k > cap_) grow(k);
  }

  // A run of ASCII bytes p[0..len) starting at input offset b.
  void ascii_run(const unsigned char* p, std::size_t len, std::uint32_t b) {
    ensure(len + 1);
    char* o = o_;
    std::size_t w = w_;
    char last = last_;
    if constexpr (!Track) {
      auto one = [&](unsigned char byte) {
        const char c = kAscii.v[byte];
        o[w] = c;
        const bool adv = (c != 0) & ((c != ' ') | (last != ' '));
        w += adv;
        last = adv ? c : last;
      };
      std::size_t k = 0;
      // Eight bytes at a time when they are letters, digits and single
      // spaces (SWAR: every byte is < 0x80, so the additions never carry
      // from one byte into the next); byte by byte otherwise.
      constexpr std::uint64_t ones = 0x0101010101010101ull, hi = 0x8080808080808080ull;
      for (; k + 8 <= len; k += 8) {
        const std::uint64_t x = load64(p + k);
        auto ge = [x](std::uint64_t c) { return (x + (0x80 - c) * ones) & hi; };
        const std::uint64_t upper = ge('A') & ~ge('Z' + 1);
        const std::uint64_t lower = ge('a') & ~ge('z' + 1);
        const std::uint64_t digit = ge('0') & ~ge('9' + 1);
        const std::uint64_t sx = x ^ (0x20 * ones);
        const std::uint64_t space = ~(((sx & ~hi) + ~hi) | sx) & hi;
        if ((upper | lower | digit | space) == hi && !(space & (space << 8)) &&
            !((space & 0x80) && last == ' ')) {
          const std::uint64_t folded = x | (upper >> 2);
          std::memcpy(o + w, &folded, 8);
          w += 8;
          last = static_cast<char>(folded >> 56);
        } else {
          for (std::size_t j = k; j < k + 8; ++j) one(p[j]);
        }
      }
      for (; k < len; ++k) one(p[k]);
    } else {
      for (std::size_t k = 0; k < len; ++k) {
        const char c = kAscii.v[p[k]];
        const auto at = b + static_cast<std::uint32_t>(k);
        if (c == ' ') {
          if (last != ' ') o[w++] = last = ' ';
        } else if (c != 0) {
          units_->push_back({static_cast<std::uint32_t>(w), at, at + 1});
          o[w++] = last = c;
        } else if (last != ' ' && !units_->empty()) {
          units_->back().end = at + 1;
        }
      }
    }
    w_ = w;
    last_ = last;
  }

  char last() const { return last_; }

  // Bytes that are already in key form (untracked builds only); `last` is
  // their last byte.
  void copy(const char* bytes, std::size_t len, char last) {
    ensure(len);
    std::memcpy(o_ + w_, bytes, len);
    w_ += len;
    last_ = last;
  }

  void sep() {
    if (last_ != ' ') {
      ensure(1);
      o_[w_++] = ' ';
      last_ = ' ';
    }
  }

  void drop(std::uint32_t e) {
    if constexpr (Track) {
      if (last_ != ' ' && !units_->empty()) {
        KeyUnit& u = units_->back();
        if (e > u.end) u.end = e;
      }
    }
  }

  // Bytes with no separator and no composition: copied.
  void plain(const char* bytes, std::size_t len, std::uint32_t b, std::uint32_t e) {
    ensure(len);
    if constexpr (Track) {
      std::size_t i = 0;
      while (i < len) {
        units_->push_back({static_cast<std::uint32_t>(w_ + i), b, e});
        ++i;
        while (i < len && (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80) ++i;
      }
    }
    if (len <= 4) {
      for (std::size_t k = 0; k < len; ++k) o_[w_ + k] = bytes[k];
    } else {
      std::memcpy(o_ + w_, bytes, len);
    }
    w_ += len;
    last_ = 'x';
  }

  // A replacement that contains separators or needs composition with what
  // precedes it.
  void general(const char* bytes, std::size_t len, std::uint8_t flags, std::uint32_t b,
               std::uint32_t e) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes);
    std::size_t i = 0;
    while (i < len) {
      Decoded d = decode_utf8(p + i, len - i);
      const char* start = bytes + i;
      i += d.len;
      if (d.cp == ' ') {
        sep();
      } else if (!(flags & kFoldComplex)) {
        plain(start, d.len, b, e);
      } else {
        compose_in(d.cp, b, e);
      }
    }
  }

  void finish() {
    if (w_ > 0 && o_[w_ - 1] == ' ') --w_;
    out_.resize(w_);
  }

 private:
  void grow(std::size_t k) {
    std::size_t n = std::max(cap_ * 2, w_ + k + 64);
    out_.resize(n);
    o_ = out_.data();
    cap_ = n;
  }

  // Adds `c` and recomposes it with the tail of the key back to the last
  // starter (at most kMaxTail characters).
  void compose_in(char32_t c, std::uint32_t b, std::uint32_t e) {
    static constexpr std::size_t kMaxTail = 64;
    // A conditional mark after a separator (or at the start) has no letter
    // to attach to: it goes, like the other removed marks.
    if (is_conditional_mark(c) && last_ == ' ') return;
    std::vector<U>& seq = scratch_;
    seq.clear();
    // Pull back the tail: characters after (and including) the last starter.
    std::size_t cut = w_;
    std::size_t count = 0;
    std::size_t unit_idx = 0;
    if constexpr (Track) unit_idx = units_->size();
    while (cut > 0 && count < kMaxTail) {
      std::size_t s = cut - 1;
      while (s > 0 && (static_cast<unsigned char>(o_[s]) & 0xC0) == 0x80) --s;
      Decoded d = decode_utf8(reinterpret_cast<const unsigned char*>(o_) + s, cut - s);
      if (d.cp == ' ') break;
      U u{d.cp, 0, 0};
      if constexpr (Track) {
        --unit_idx;
        u.b = (*units_)[unit_idx].begin;
        u.e = (*units_)[unit_idx].end;
      }
      seq.push_back(u);
      cut = s;
      ++count;
      if (ccc(d.cp) == 0) break;
    }
    std::reverse(seq.begin(), seq.end());
    seq.push_back({c, b, e});
    w_ = cut;
    if constexpr (Track) units_->resize(unit_idx);
    compose(seq);
    std::string enc;
    for (const U& u : seq) {
      enc.clear();
      append_utf8(enc, u.c);
      ensure(enc.size());
      if constexpr (Track) units_->push_back({static_cast<std::uint32_t>(w_), u.b, u.e});
      std::memcpy(o_ + w_, enc.data(), enc.size());
      w_ += enc.size();
      last_ = 'x';
      if (!wb_plain(u.c)) wb_simple = false;
    }
  }

  std::string& out_;
  std::vector<KeyUnit>* units_;
  char* o_ = nullptr;
  std::size_t w_ = 0;
  std::size_t cap_ = 0;
  char last_ = ' ';  // last byte written, ' ' at the start
  std::vector<U> scratch_;
};

template <bool Track>
std::optional<std::size_t> run(std::string_view text, bool strict, std::string& out,
                               std::vector<KeyUnit>* units, bool* wb_simple) {
  if constexpr (Track) {
    units->clear();
    units->reserve(text.size());
  }
  KeyBuilder<Track> kb(out, units, text.size());
  const FoldTable& table = FoldTable::instance();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      std::size_t j = i + 1;
      while (j + 8 <= n && !(load64(p + j) & 0x8080808080808080ull)) j += 8;
      while (j < n && p[j] < 0x80) ++j;
      kb.ascii_run(p + i, j - i, static_cast<std::uint32_t>(i));
      i = j;
      continue;
    }
    if constexpr (!Track) {
      // The hot loop for two-byte letters (Latin, Greek, Cyrillic, Arabic
      // script) mixed with lower-case ASCII and single spaces: spans already
      // in key form are copied in one go; simple replacements, drops and
      // separators are handled inline; anything else leaves the loop.
      std::size_t j = i, run = i;
      char prev = kb.last();
      constexpr std::uint8_t kSame = kFoldIdentity | kFoldPlain;
      while (j < n) {
        const unsigned char c = p[j];
        if (c >= 0xC2 && c < 0xE0 && j + 1 < n && (p[j + 1] & 0xC0) == 0x80) {
          const FoldEntry& en = table.low((static_cast<char32_t>(c & 0x1F) << 6) | (p[j + 1] & 0x3F));
          const std::uint8_t fl = en.flags;
          if ((fl & kSame) == kSame) {
            j += 2;
            prev = 'x';
            continue;
          }
          if (!(fl & (kFoldPlain | kFoldDrop | kFoldSep))) break;
          kb.copy(text.data() + run, j - run, prev);
          if (fl & kFoldPlain) {
            kb.copy(table.low_pool() + en.off, en.len, 'x');
          } else if (fl & kFoldSep) {
            kb.sep();
          }
          j += 2;
          run = j;
          prev = kb.last();
        } else if (c == ' ' && prev != ' ' && j + 1 < n && p[j + 1] >= 0x80) {
          // A single space between words of a non-ASCII script; other ASCII
          // goes back to the eight-bytes-at-a-time path.
          ++j;
          prev = ' ';
        } else {
          break;
        }
      }
      if (j > i) {
        kb.copy(text.data() + run, j - run, prev);
        i = j;
        continue;
      }
    }
    const auto b = static_cast<std::uint32_t>(i);
    const FoldEntry* en;
    const char* pool;
    std::uint32_t len;
    const unsigned char c0 = p[i];
    if (c0 >= 0xC2 && c0 < 0xE0 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      // Two-byte sequence: the flat table.
      en = &table.low((static_cast<char32_t>(c0 & 0x1F) << 6) | (p[i + 1] & 0x3F));
      pool = table.low_pool();
      len = 2;
    } else {
      Decoded d = decode_utf8(p + i, n - i);
      if (!d.valid && strict) return i;
      const FoldBlock& blk = table.block(d.cp);
      en = &blk.entry[d.cp & 0xFF];
      pool = blk.pool.data();
      len = d.len;
    }
    const auto e = b + len;
    i += len;
    const std::uint8_t fl = en->flags;
    if (fl & kFoldPlain) {
      if (!(fl & kFoldWbSimple)) kb.wb_simple = false;
      if (fl & kFoldIdentity)
        kb.plain(text.data() + b, len, b, e);
      else
        kb.plain(pool + en->off, en->len, b, e);
    } else if (fl & kFoldSep) {
      kb.sep();
    } else if (fl & kFoldDrop) {
      kb.drop(e);
    } else {
      // Complex entries check the characters they leave in compose_in.
      if (!(fl & (kFoldWbSimple | kFoldComplex))) kb.wb_simple = false;
      kb.general(pool + en->off, en->len, fl, b, e);
    }
  }
  kb.finish();
  if (wb_simple) *wb_simple = kb.wb_simple;
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> build_key(std::string_view text, bool strict, std::string& out,
                                     std::vector<KeyUnit>* units, bool* wb_simple) {
  if (units) return run<true>(text, strict, out, units, wb_simple);
  return run<false>(text, strict, out, nullptr, wb_simple);
}

}  // namespace digest::detail
