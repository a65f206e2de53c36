// The scanner: numbers, words and punctuation with their byte spans. Digits
// of other scripts and every non-ASCII word go through the Normalizer.
#include <unicode/uchar.h>

#include "dates/internal.hpp"
#include "digest/normalize.hpp"
#include "text/utf8.hpp"

namespace digest::dates_detail {

namespace {

enum class Cls : std::uint8_t { space, digit, letter, punct, ignore };

// Decodes one code point at s[i] with the text floor's decoder; returns its
// length (an ill-formed sequence, reported as cp = -1, is skipped whole).
std::size_t decode(std::string_view s, std::size_t i, std::int32_t& cp) {
  detail::Decoded d =
      detail::decode_utf8(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i);
  cp = d.valid ? static_cast<std::int32_t>(d.cp) : -1;
  return d.len;
}

// Punctuation that dates care about, as one ASCII character.
char punct_char(std::int32_t cp) {
  if (cp < 0x80) return static_cast<char>(cp);
  switch (cp) {
    case 0x060C: return ',';   // Arabic comma
    case 0x061B: return ';';   // Arabic semicolon
    case 0x066B: return '.';   // Arabic decimal separator
    case 0x066C: return ',';   // Arabic thousands separator
    case 0x06D4: return '.';   // Urdu full stop
    case 0x2010:
    case 0x2011:
    case 0x2212: return '-';   // hyphens, minus
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015: return '~';   // dashes
    case 0x2044:
    case 0xFF0F: return '/';
    case 0x2018:
    case 0x2019:
    case 0x02BC: return '\'';
    case 0x2026: return '.';   // ellipsis
    case 0x00B0: return '^';   // degree sign, written as an ordinal ("1° maggio")
    default: return '#';
  }
}

Cls classify(std::int32_t cp) {
  if (cp < 0) return Cls::punct;
  if (cp < 0x80) {
    if (cp >= '0' && cp <= '9') return Cls::digit;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return Cls::letter;
    if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return Cls::space;
    return Cls::punct;
  }
  if (cp == 0x200C || cp == 0x200D) return Cls::letter;  // ZWNJ, ZWJ inside words
  // Superscript digits ("1²"): digits, which the Normalizer's key folds.
  if (cp == 0x00B2 || cp == 0x00B3 || cp == 0x00B9 || cp == 0x2070 ||
      (cp >= 0x2074 && cp <= 0x2079))
    return Cls::digit;
  switch (u_charType(cp)) {
    case U_DECIMAL_DIGIT_NUMBER: return Cls::digit;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK: return Cls::letter;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR: return Cls::space;
    case U_FORMAT_CHAR: return Cls::ignore;  // bidi marks, soft hyphen, BOM
    default: return Cls::punct;
  }
}

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

void push_num(Scan& out, std::string_view digits, std::uint32_t begin, std::uint32_t end,
              bool space) {
  Tok t;
  t.kind = Tok::num;
  t.space_before = space;
  t.begin = begin;
  t.end = end;
  t.digits = static_cast<std::uint8_t>(std::min<std::size_t>(digits.size(), 255));
  if (digits.size() > 9) {
    t.value = -1;
  } else {
    std::int32_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    t.value = v;
  }
  out.toks.push_back(t);
}

void push_word(Scan& out, std::string_view key, std::uint32_t begin, std::uint32_t end,
               bool space) {
  Tok t;
  t.kind = Tok::word;
  t.space_before = space;
  t.begin = begin;
  t.end = end;
  t.key_begin = static_cast<std::uint32_t>(out.keys.size());
  out.keys.append(key);
  t.key_len = static_cast<std::uint32_t>(key.size());
  out.toks.push_back(t);
}

void push_punct(Scan& out, char c, std::uint32_t begin, std::uint32_t end, bool space) {
  Tok t;
  t.kind = Tok::punct;
  t.ch = c;
  t.space_before = space;
  t.begin = begin;
  t.end = end;
  out.toks.push_back(t);
}

// Splits a normalised key into words and numbers, all with the run's span.
void push_key(Scan& out, std::string_view key, std::uint32_t begin, std::uint32_t end,
              bool space) {
  std::size_t i = 0;
  bool first = true;
  while (i < key.size()) {
    if (key[i] == ' ') {
      ++i;
      continue;
    }
    bool digit = key[i] >= '0' && key[i] <= '9';
    std::size_t j = i;
    while (j < key.size() && key[j] != ' ' && ((key[j] >= '0' && key[j] <= '9') == digit)) ++j;
    std::string_view part = key.substr(i, j - i);
    bool sp = first ? space : (i > 0 && key[i - 1] == ' ');
    if (digit) {
      push_num(out, part, begin, end, sp);
    } else {
      push_word(out, part, begin, end, sp);
    }
    first = false;
    i = j;
  }
  if (first) push_punct(out, '#', begin, end, space);  // nothing left of the run
}

}  // namespace

void append_word_key(std::string_view word, std::string& out) {
  bool ascii_letters = !word.empty();
  for (char c : word) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      ascii_letters = false;
      break;
    }
  }
  if (ascii_letters) {
    // Fast path: the Normalizer's search key of a word of ASCII letters is
    // that word with A-Z mapped to a-z (a unit test holds the two equal).
    for (char c : word) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return;
  }
  auto key = Normalizer::shared().search_key(word);
  if (key.ok()) out += key.value();
}

ScriptSigns script_signs(std::string_view text) {
  ScriptSigns out;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0xD8 || b0 > 0xDB) continue;  // U+0600-U+06FF are two bytes, D8-DB first
    std::uint32_t cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
    switch (cp) {
      case 0x067E: case 0x0686: case 0x0698: case 0x06AF: case 0x06A9: case 0x06CC:
        out.persian_or_urdu = true;
        break;
      case 0x0679: case 0x0688: case 0x0691: case 0x06BA: case 0x06BE: case 0x06C1:
      case 0x06D2:
        out.urdu = true;
        break;
      case 0x0629: case 0x064A: case 0x0643:
        out.arabic = true;
        break;
      default:
        if (cp >= 0x06F0 && cp <= 0x06F9) out.persian_digits = true;
        if (cp >= 0x0660 && cp <= 0x0669) out.arabic_digits = true;
        break;
    }
  }
  return out;
}

void scan(std::string_view text, Scan& out) {
  out.toks.clear();
  out.keys.clear();
  out.text = text;
  std::size_t i = 0;
  bool space = false;
  std::string key;
  while (i < text.size()) {
    std::int32_t cp;
    std::size_t len = decode(text, i, cp);
    Cls cls = classify(cp);
    if (cls == Cls::space) {
      space = true;
      i += len;
      continue;
    }
    if (cls == Cls::ignore) {
      i += len;
      continue;
    }
    if (cls == Cls::punct) {
      push_punct(out, cp < 0 ? '#' : punct_char(cp), static_cast<std::uint32_t>(i),
                 static_cast<std::uint32_t>(i + len), space);
      space = false;
      i += len;
      continue;
    }
    // A run of digits, or of letters (marks and joiners included).
    std::size_t start = i;
    std::size_t j = i + len;
    bool ascii = cp < 0x80;
    while (j < text.size()) {
      std::int32_t c2;
      std::size_t l2 = decode(text, j, c2);
      Cls k = classify(c2);
      if (k == Cls::ignore) {  // a bidi mark inside a run: keep the run going
        j += l2;
        continue;
      }
      if (k != cls) break;
      if (c2 >= 0x80) ascii = false;
      j += l2;
    }
    std::string_view run = text.substr(start, j - start);
    auto b = static_cast<std::uint32_t>(start);
    auto e = static_cast<std::uint32_t>(j);
    if (cls == Cls::digit) {
      if (ascii) {
        push_num(out, run, b, e, space);
      } else {
        auto k = Normalizer::shared().search_key(run);
        if (k.ok() && !k.value().empty()) {
          push_key(out, k.value(), b, e, space);
        } else {
          push_punct(out, '#', b, e, space);
        }
      }
    } else {
      key.clear();
      if (ascii && is_ascii(run)) {
        append_word_key(run, key);
        push_word(out, key, b, e, space);
      } else {
        auto k = Normalizer::shared().search_key(run);
        if (k.ok()) {
          push_key(out, k.value(), b, e, space);
        } else {
          push_punct(out, '#', b, e, space);
        }
      }
    }
    space = false;
    i = j;
  }
}

}  // namespace digest::dates_detail
