// The fold rules: what one code point becomes in a search key, computed
// with ICU (docs/normalize.md). fold_code_point applies them in this order:
//   1. ZWNJ separates, like a space; apostrophes vanish; controls and
//      whitespace separate.
//   2. The Greek iota subscript is removed, then the code point is
//      NFKC-case-folded and decomposed (NFD).
//   3. Each resulting character: apostrophes and tatweel vanish; decimal
//      digits of any script become ASCII digits; removable marks vanish
//      (conditional marks wait for step 4), other marks stay; format
//      characters vanish; whitespace, punctuation and symbols separate;
//      letter variants are unified (map_letter); the rest stays.
//   4. What remains is recomposed (canonical order and composition), the
//      conditional marks only into the letters they protect.
// Apart from the table that caches their results and the builder that
// strings keys together: these run once per code point, never per text.
#include "normalize/fold_rules.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace digest::detail {

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

namespace {

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

}  // namespace

// Marks removed unless they make, with the letter before them, one of the
// letters below: Cyrillic й ў ї ѓ ќ, whose diacritic makes a letter of its
// own alphabet (the mark stays, composed), and Persian ۀ (heh with yeh
// above, the ezafe), which becomes heh like the presentation forms and the
// decomposed spellings of it do.
bool is_conditional_mark(char32_t c) {
  return c == 0x0301 || c == 0x0306 || c == 0x0308 || c == 0x0654;
}

namespace {

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

}  // namespace

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

namespace {

inline void merge(U& into, const U& from) {
  into.b = std::min(into.b, from.b);
  into.e = std::max(into.e, from.e);
}

}  // namespace

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

}  // namespace digest::detail
