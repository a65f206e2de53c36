// The `display` form's typographic clean-up, on code points (NFC follows in
// normalizer.cpp). Meaning-preserving: no case or accent folding.
#include "normalize/display.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace digest::detail {

namespace {

constexpr char32_t kZwnj = 0x200C;
constexpr char32_t kEllipsis = 0x2026;
constexpr char32_t kEnDash = 0x2013;
constexpr char32_t kEmDash = 0x2014;

bool is_line_break(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

// Characters that take no room, and the C0/C1 controls that are not
// whitespace: removed (when alone) or absorbed into the surrounding
// whitespace run.
bool is_zero_width(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return !is_line_break(c) && c != '\t';  // controls
  return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x180E;
}

bool is_space(char32_t c) {
  if (c == ' ' || c == '\t' || is_line_break(c)) return true;
  if (c < 0x80) return false;
  return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0;  // NBSP, narrow NBSP, ideographic ...
}

bool is_hyphen(char32_t c) {
  return c == 0x2010 || c == 0x2011 || c == 0xFE63 || c == 0xFF0D;
}

bool is_dash(char32_t c) {
  return c == 0x2012 || c == kEnDash || c == kEmDash || c == 0x2015 || c == 0xFE58 ||
         c == 0xFE31 || c == 0xFE32 || c == 0x2E3A || c == 0x2E3B;
}

bool is_digit(char32_t c) {
  if (c >= '0' && c <= '9') return true;
  return c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

// A letter or mark of the Arabic script: the context in which ZWNJ is
// orthographic (Persian half-space).
bool is_arabic_letter(char32_t c) {
  if (c < 0x0600) return false;
  UErrorCode st = U_ZERO_ERROR;
  if (uscript_getScript(static_cast<UChar32>(c), &st) != USCRIPT_ARABIC) {
    // Harakat are Inherited: accept them after an Arabic letter.
    int8_t gc = u_charType(static_cast<UChar32>(c));
    if (gc != U_NON_SPACING_MARK) return false;
    return c >= 0x064B && c <= 0x065F;
  }
  int8_t gc = u_charType(static_cast<UChar32>(c));
  return gc == U_OTHER_LETTER || gc == U_MODIFIER_LETTER || gc == U_NON_SPACING_MARK;
}

bool is_dot_like(char32_t c) { return c == '.' || c == ':' || c == kEllipsis; }

}  // namespace

static bool is_combining_mark(char32_t c) {
  if (c < 0x0300) return false;
  int8_t gc = u_charType(static_cast<UChar32>(c));
  return gc == U_NON_SPACING_MARK || gc == U_COMBINING_SPACING_MARK || gc == U_ENCLOSING_MARK;
}

// Pre-pass: zero-width characters and controls go; ZWNJ stays, once, only
// between two Arabic-script letters (the Persian half-space), looking past
// the marks on either side to the letters they sit on: NFC reorders marks,
// so a decision made on the nearest mark would change on a second pass. Done
// first so that what they separated (dots, hyphens) is seen joined by the
// main pass, which makes the whole form idempotent.
static std::u32string strip_invisible(const std::u32string& in) {
  std::u32string out;
  out.reserve(in.size());
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    char32_t c = in[i];
    if (!is_zero_width(c) && c != kZwnj) {
      out.push_back(c);
      ++i;
      continue;
    }
    bool zwnj = false;
    std::size_t j = i;
    while (j < n && (is_zero_width(in[j]) || in[j] == kZwnj)) zwnj |= in[j++] == kZwnj;
    std::size_t before = out.size();
    while (before > 0 && is_combining_mark(out[before - 1])) --before;
    std::size_t after = j;
    while (after < n && (is_combining_mark(in[after]) || is_zero_width(in[after]) ||
                         in[after] == kZwnj))
      ++after;
    if (zwnj && before > 0 && after < n && is_arabic_letter(out[before - 1]) &&
        is_arabic_letter(in[after]))
      out.push_back(kZwnj);
    i = j;
  }
  return out;
}

std::u32string display_clean(const std::u32string& raw) {
  const std::u32string in = strip_invisible(raw);
  std::u32string out;
  out.reserve(in.size());
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    char32_t c = in[i];
    // Whitespace runs: one space, or one or two line breaks; trimmed.
    if (is_space(c)) {
      std::size_t j = i;
      int breaks = 0;
      while (j < n && is_space(in[j])) {
        char32_t x = in[j];
        if (x == '\r' && j + 1 < n && in[j + 1] == '\n') {
          // CR LF counts once.
        } else if (is_line_break(x)) {
          ++breaks;
        }
        ++j;
      }
      if (!out.empty() && j < n) {
        if (breaks >= 2) out.append(U"\n\n");
        else if (breaks == 1) out.push_back(U'\n');
        else out.push_back(U' ');
      }
      i = j;
      continue;
    }
    // Dashes: en dash between digits (ranges), em dash elsewhere; two or
    // three hyphen-minus, and a hyphen-minus with spaces on both sides, are
    // dashes too.
    {
      std::size_t j = i;
      bool dash = false;
      if (is_dash(c)) {
        dash = true;
        j = i + 1;
      } else if (c == '-' || is_hyphen(c)) {
        std::size_t k = i;
        while (k < n && (in[k] == '-' || is_hyphen(in[k]))) ++k;
        if (k - i == 2 || k - i == 3) {
          dash = true;
          j = k;
        } else if (k - i == 1 && !out.empty() && out.back() == U' ' && k < n && is_space(in[k])) {
          dash = true;
          j = k;
        } else {
          out.append(k - i, U'-');  // hyphens, as hyphen-minus
          i = k;
          continue;
        }
      }
      if (dash) {
        bool range = !out.empty() && is_digit(out.back()) && j < n && is_digit(in[j]);
        out.push_back(range ? kEnDash : kEmDash);
        i = j;
        continue;
      }
    }
    // Ellipses: "...", "....", "…", ":..", ". . ." and mixtures become "…".
    if (is_dot_like(c)) {
      if (!out.empty() && out.back() == kEllipsis) {
        // Dots right after an ellipsis belong to it.
        while (i < n && is_dot_like(in[i])) ++i;
        continue;
      }
      std::size_t j = i;
      int dots = 0;
      bool has_ellipsis = false;
      while (j < n && is_dot_like(in[j])) {
        if (in[j] == '.') ++dots;
        if (in[j] == kEllipsis) has_ellipsis = true;
        ++j;
      }
      std::size_t len = j - i;
      if (len == 1 && c == '.') {
        // ". . ." (three or more dots separated by spaces on one line).
        std::size_t k = i + 1;
        int count = 1;
        for (;;) {
          std::size_t m = k;
          while (m < n && is_space(in[m]) && !is_line_break(in[m])) ++m;
          if (m == k || m >= n || in[m] != '.') break;
          ++count;
          k = m + 1;
        }
        if (count >= 3) {
          out.push_back(kEllipsis);
          i = k;
          continue;
        }
      }
      if (has_ellipsis || (dots >= 2 && len >= 3)) {
        out.push_back(kEllipsis);
      } else {
        out.append(in, i, len);
      }
      i = j;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  while (!out.empty() && (out.back() == U' ' || out.back() == U'\n')) out.pop_back();
  return out;
}

}  // namespace digest::detail
