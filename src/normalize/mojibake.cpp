// Mojibake repair (UTF-8 that was decoded as a single-byte charset and saved
// again as UTF-8) and the Windows-1252 reading of ill-formed UTF-8. The byte
// tables come from ICU, built once; the decisions are ours (docs/encodings.md):
// a run is repaired when its characters map back to well-formed UTF-8 whose
// characters are plausible for that charset, and a run that real text could
// also make needs an unambiguous one in the same text.
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "digest/encoding.hpp"
#include "text/utf8.hpp"

namespace digest {

namespace {

using detail::Decoded;
using detail::decode_utf8;

enum Cand : int { k1252 = 0, k1251 = 1, k1256 = 2, kCands = 3 };
constexpr const char* kIcuName[kCands] = {"windows-1252", "windows-1251", "windows-1256"};

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c < hi; }
bool is_alpha(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_upper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool is_alnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }

// One single-byte charset, both ways.
struct ByteTable {
  bool ok = false;                        // ICU had the charset
  std::array<char32_t, 256> to_cp{};      // byte -> code point
  std::array<std::uint8_t, 0x800> low{};  // code point < U+0800 -> its byte (>= 0x80), 0: none
  std::vector<std::pair<char32_t, std::uint8_t>> high;  // the others (punctuation, € ™), sorted
  char32_t high_max = 0;

  // The byte of `cp` in this charset, or -1.
  int byte_of(char32_t cp) const noexcept {
    if (cp < 0x80) return static_cast<int>(cp);
    if (cp < 0x800) return low[cp] != 0 ? low[cp] : -1;
    if (cp > high_max) return -1;
    auto it = std::lower_bound(high.begin(), high.end(), std::pair<char32_t, std::uint8_t>{cp, 0});
    return it != high.end() && it->first == cp ? it->second : -1;
  }
};
using Tables = std::array<ByteTable, kCands>;

Tables build_tables() {
  Tables tb;
  for (int c = 0; c < kCands; ++c) {
    ByteTable& t = tb[c];
    for (int b = 0; b < 256; ++b) t.to_cp[b] = static_cast<char32_t>(b);
    UErrorCode err = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(kIcuName[c], &err);
    if (U_FAILURE(err)) continue;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    for (int b = 0x80; b < 256; ++b) {
      const char byte = static_cast<char>(b);
      UChar u[2];
      err = U_ZERO_ERROR;
      // Undefined bytes keep the C1 control of their value, as ICU and browsers read them.
      if (ucnv_toUChars(cnv, u, 2, &byte, 1, &err) == 1 && U_SUCCESS(err)) t.to_cp[b] = u[0];
      if (t.to_cp[b] < 0x800) t.low[t.to_cp[b]] = static_cast<std::uint8_t>(b);
      else t.high.emplace_back(t.to_cp[b], static_cast<std::uint8_t>(b));
    }
    ucnv_close(cnv);
    t.ok = true;
    // Mojibake made through ISO-8859-1 carries C1 controls where 1252 has
    // punctuation ("â\u0080\u0099" for ’): read them as their bytes too.
    if (c == k1252)
      for (char32_t cp = 0x80; cp < 0xA0; ++cp)
        if (t.low[cp] == 0) t.low[cp] = static_cast<std::uint8_t>(cp);
    std::sort(t.high.begin(), t.high.end());
    t.high_max = t.high.empty() ? 0 : t.high.back().first;
  }
  return tb;
}

const Tables& tables() {
  static const Tables kTables = build_tables();  // built once, thread-safely
  return kTables;
}

bool is_arabic(char32_t c) { return in(c, 0x600, 0x6D6) || in(c, 0x6EE, 0x700); }  // no Quran marks
bool is_emoji4(char32_t c) {  // flags, pictographs, emoticons, transport, supplemental
  return in(c, 0x1F1E6, 0x1F200) || in(c, 0x1F300, 0x1F700) || in(c, 0x1F900, 0x1FB00);
}
bool is_emoji(char32_t c) { return in(c, 0x2600, 0x27C0) || is_emoji4(c); }

// Could `c` be what a run mis-decoded with `cand` stood for? Windows-1252
// mangles every script; 1251 and 1256 are chosen by (and mangle) Cyrillic
// and Arabic texts, and allowing more would let real Russian or Persian
// text pass for mojibake.
bool plausible(int cand, char32_t c) {
  if (c < 0xA0) return false;  // C1 controls
  const auto type = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
  if (type == U_UNASSIGNED || type == U_CONTROL_CHAR || type == U_PRIVATE_USE_CHAR ||
      type == U_SURROGATE || (type == U_FORMAT_CHAR && !in(c, 0x200B, 0x2010) && c != 0xFEFF))
    return false;
  if (c < 0xC0) return true;  // NBSP, « », °, ©: the Latin-1 symbols
  switch (cand) {
    case k1252:
      // Two-byte: the letters of living languages. Not the rest of Latin
      // Extended-B, IPA, old Cyrillic, Hebrew points, Syriac, NKo: what
      // "É»", "Ç«", "Ñ·", "Ö»" in real upper-case text would decode to.
      return c >= 0x800 || c < 0x180 || c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0 ||
             in(c, 0x218, 0x21C) || in(c, 0x300, 0x460) || in(c, 0x490, 0x492) ||
             in(c, 0x531, 0x590) || in(c, 0x5D0, 0x5F5) || is_arabic(c);
    case k1251:
      return in(c, 0x400, 0x460) || in(c, 0x490, 0x492) || in(c, 0x2010, 0x2070) ||
             c == 0x20AC || c == 0x2116 || c == 0x2122 || is_emoji4(c);  // "вћ»" is ➻
    default:
      return is_arabic(c) || in(c, 0x2000, 0x2070) || c == 0x20AC || is_emoji4(c);
  }
}

// Can the bytes `lead`, `cont` start a plausible UTF-8 character?
bool pair_ok(int cand, unsigned lead, unsigned cont) {
  if (lead < 0xE0) return plausible(cand, ((lead & 0x1F) << 6) | (cont & 0x3F));
  if (lead == 0xE0 || lead == 0xF0) return cont >= (lead == 0xE0 ? 0xA0u : 0x90u);
  if (lead == 0xED || lead == 0xF4) return cont < (lead == 0xED ? 0xA0u : 0x90u);
  return true;
}

// The cheap scan: is there a character that, in some candidate charset, is
// a UTF-8 lead byte followed by one that is a fitting continuation byte?
// Real text rarely has one; every mojibake run starts with one.
bool may_hold_mojibake(std::string_view s, const Tables& tb) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  unsigned lead[kCands] = {0, 0, 0};
  for (std::size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      lead[0] = lead[1] = lead[2] = 0;
      for (++i; i + 8 <= n; i += 8) {  // eight ASCII bytes at a time
        std::uint64_t w;
        __builtin_memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
      }
      continue;
    }
    const Decoded d = decode_utf8(p + i, n - i);
    i += d.len;
    for (int c = 0; c < kCands; ++c) {
      const int b = d.valid && tb[c].ok ? tb[c].byte_of(d.cp) : -1;
      if (lead[c] != 0 && b >= 0x80 && b < 0xC0 && pair_ok(c, lead[c], static_cast<unsigned>(b)))
        return true;
      lead[c] = (b >= 0xC2 && b <= 0xF4) ? static_cast<unsigned>(b) : 0;
    }
  }
  return false;
}

struct Char {  // a character of a cluster
  std::size_t off;
  char32_t cp;
  std::uint8_t len;
};

struct Segment {
  std::size_t begin, end;           // source bytes
  std::size_t fixed_at, fixed_len;  // in Plan::bytes
  int script;                       // of its letters; -1: symbols only
  bool strong;
};

// What one candidate charset would repair.
struct Plan {
  int cand = -1;
  std::vector<Segment> segs;
  std::string bytes;  // the repaired runs, back to back
  std::size_t covered = 0;
  std::vector<int> strong_scripts;  // of the unambiguous runs; none: nothing to repair
  bool latin1 = false, only_1252 = false;  // C1 controls / 1252 punctuation in the source
};

int script_group(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &err);
  if (U_FAILURE(err) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED) return -1;
  if (s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA) return USCRIPT_HAN;  // one Japanese text
  return s;
}

// Punctuation that follows words: after an upper-case word it makes pairs
// like "Ã”" that are real text ("IRMÃ”") as often as mojibake ("Ô").
bool closes_word(char32_t c) {
  return c == 0xA0 || c == 0xAB || c == 0xB7 || c == 0xBB || in(c, 0x2013, 0x2015) ||
         in(c, 0x2018, 0x201A) || in(c, 0x201C, 0x201E) || c == 0x2022 || c == 0x2026 ||
         c == 0x2039 || c == 0x203A;
}

// Can `c` follow a letter of the charset's own script in real text (a letter
// of it, closing punctuation, ZWNJ, Arabic punctuation)? Then a pair ending
// in it may be real text: "Рё" is "Р" then "ё", "ظپ" is "ظ" then "پ".
bool follows_word(int cand, char32_t c) {
  if (closes_word(c) || c == 0x200C || c == 0x200D || c == 0x060C || c == 0x061B ||
      c == 0x061F || c == 0x201A || c == 0x201E)
    return true;
  if (cand == k1252) return c >= 0x100 && script_group(c) == USCRIPT_LATIN;  // "ÚŠ": Czech
  return script_group(c) == (cand == k1251 ? USCRIPT_CYRILLIC : USCRIPT_ARABIC);
}

// Symbols whose mojibake is common: NBSP « » ° (via Â), quotes and dashes,
// currency, ™ №, arrows, U+FFFD, the BOM ("ï»¿"), emoji.
bool known_symbol(char32_t c) {
  return in(c, 0xA0, 0xC0) || in(c, 0x2000, 0x2070) || in(c, 0x20A0, 0x20D0) ||
         in(c, 0x2100, 0x2150) || in(c, 0x2190, 0x2200) || c == 0xFFFD || c == 0xFEFF ||
         is_emoji(c);
}

// A decoded character that counts as evidence. In 1251 and 1256 the lead of
// NBSP, « and º is a word ("В", "آ"), so those prove nothing there.
bool sure_unit(int cand, char32_t c) {
  return c < 0xC0 ? cand == k1252 : is_alpha(c) || known_symbol(c);
}

char32_t cp_at(std::string_view s, std::size_t at) {
  if (at >= s.size()) return 0;
  const Decoded d = decode_utf8(reinterpret_cast<const unsigned char*>(s.data()) + at,
                                s.size() - at);
  return d.valid ? d.cp : 0;
}

char32_t cp_before(std::string_view s, std::size_t at) {
  std::size_t b = at;
  while (b > 0 && at - b < 4 && (static_cast<unsigned char>(s[--b]) & 0xC0) == 0x80) {}
  return b < at ? cp_at(s.substr(0, at), b) : 0;
}

// Judges the run chars[j0, j1) of a cluster, whose bytes cb[j0, j1) are
// well-formed UTF-8, and records it in `plan` when plausible.
void judge(std::string_view s, const std::vector<Char>& chars, const std::string& cb,
           std::size_t j0, std::size_t j1, Plan& plan) {
  const std::string_view fixed(cb.data() + j0, j1 - j0);
  const auto* q = reinterpret_cast<const unsigned char*>(fixed.data());
  std::size_t count = 0, sure = 0;  // decoded characters; those that are evidence
  char32_t last = 0, key = 0;
  std::uint32_t key_len = 0;
  int script = -1;
  for (std::size_t k = 0; k < fixed.size();) {
    const Decoded d = decode_utf8(q + k, fixed.size() - k);
    // A C1 control is what an undefined byte leaves in mojibake: plausible
    // only after another 1252 character, as an inner layer of double mojibake.
    const bool inner_c1 = plan.cand == k1252 && in(d.cp, 0x80, 0xA0) && last >= 0x80 &&
                          tables()[k1252].byte_of(last) >= 0x80;
    if (!plausible(plan.cand, d.cp) && !inner_c1) return;
    const int g = script_group(d.cp);
    if (g >= 0 && script >= 0 && g != script) return;  // one run, one script
    if (g >= 0) script = g;
    const bool foreign = g >= 0 && g != USCRIPT_LATIN && is_alpha(d.cp);
    if (sure_unit(plan.cand, d.cp) &&
        !(foreign && d.len == 2 && follows_word(plan.cand, chars[j0 + k + 1].cp))) {
      ++sure;
      key = d.cp;
      key_len = d.len;
    }
    ++count;
    last = d.cp;
    k += d.len;
  }
  const std::size_t begin = chars[j0].off, end = chars[j1 - 1].off + chars[j1 - 1].len;
  const char32_t before = cp_before(s, begin), after = cp_at(s, end);
  // Glued to a letter we keep: part of a real word, not a run of its own.
  if ((before >= 0x80 && is_alpha(before)) || (after >= 0x80 && is_alpha(after))) return;
  bool c1 = false;  // real text has none
  for (std::size_t j = j0; j < j1; ++j) c1 = c1 || in(chars[j].cp, 0x80, 0xA0);
  // Real text makes one ambiguous pair easily, three in a row never.
  bool strong = c1 || sure >= 2 || count >= 3;
  if (!strong && sure == 1) {
    if (is_alpha(key) && script_group(key) != USCRIPT_LATIN) {
      strong = key_len == 2;  // not a lone CJK or Indic letter: "é…»" is real French
    } else if (count > 1 || key_len != 2) {
      strong = true;
    } else {
      // An upper-case word's last letter, then closing punctuation: "IRMÃ”"
      // is real Portuguese. No word ends in "Â", and "Ã" is no word.
      const char32_t lead = chars[j0].cp, closing = chars[j0 + 1].cp;
      const bool word_end =
          lead != 0xC2 && (is_upper(before) || (!is_alpha(before) && lead != 0xC3));
      const bool possessive = closing == 0x2019 && after == 's' && !is_alnum(cp_at(s, end + 1));
      strong = !(closes_word(closing) && word_end && (possessive || !is_alnum(after)));
    }
  }
  if (strong) plan.strong_scripts.push_back(script);
  const bool bom = fixed == "\xEF\xBB\xBF";  // a BOM read as text: dropped, not repaired
  plan.segs.push_back({begin, end, plan.bytes.size(), bom ? 0 : fixed.size(), script, strong});
  plan.bytes.append(bom ? std::string_view() : fixed);
}

// Keeps the strong runs and the weak ones an unambiguous run vouches for:
// any, for symbols and Latin; one of the same script, for a lone letter of
// another script. Then sums up what the plan repairs.
void settle(std::string_view s, Plan& plan) {
  const auto& ss = plan.strong_scripts;
  std::erase_if(plan.segs, [&](const Segment& g) {
    return ss.empty() || !(g.strong || g.script < 0 || g.script == USCRIPT_LATIN ||
                           std::find(ss.begin(), ss.end(), g.script) != ss.end());
  });
  const auto& to_cp = tables()[k1252].to_cp;
  for (const Segment& g : plan.segs) {
    plan.covered += g.end - g.begin;
    if (plan.cand != k1252) continue;
    for (char32_t cp : detail::code_points(s.substr(g.begin, g.end - g.begin))) {
      plan.latin1 = plan.latin1 || (in(cp, 0x80, 0xA0) && to_cp[cp] != cp);
      plan.only_1252 = plan.only_1252 || cp >= 0x100;
    }
  }
}

// Clusters are maximal runs of non-ASCII characters the candidate has bytes
// for; within one, each maximal well-formed UTF-8 stretch is judged.
void analyze(std::string_view s, const ByteTable& t, Plan& plan, std::vector<Char>& chars,
             std::string& cb) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  auto byte_at = [&](std::size_t i, Decoded& d) {
    d = decode_utf8(p + i, n - i);
    return d.valid && d.cp >= 0x80 ? t.byte_of(d.cp) : -1;
  };
  for (std::size_t i = 0; i < n;) {
    Decoded d;
    if (byte_at(i, d) < 0x80) {
      i += d.len;
      continue;
    }
    chars.clear();
    cb.clear();
    for (int b; i < n && (b = byte_at(i, d)) >= 0x80; i += d.len) {
      chars.push_back({i, d.cp, static_cast<std::uint8_t>(d.len)});
      cb.push_back(static_cast<char>(b));
    }
    const auto* q = reinterpret_cast<const unsigned char*>(cb.data());
    const std::size_t k = cb.size();
    for (std::size_t j = 0; j < k;) {
      if (!decode_utf8(q + j, k - j).valid) {
        // "Ã" then a space: "à" whose NBSP became a space ("voilÃ  tout");
        // weak, as "Ã" ends real upper-case Portuguese words.
        const std::size_t at = chars[j].off;
        if (plan.cand == k1252 && j + 1 == k && chars[j].cp == 0xC3 && cp_at(s, at + 2) == ' ' &&
            !is_upper(cp_before(s, at))) {
          plan.segs.push_back({at, at + 2, plan.bytes.size(), 2, USCRIPT_LATIN, false});
          plan.bytes.append("\xC3\xA0");
        }
        ++j;  // a character kept as it is
        continue;
      }
      const std::size_t j0 = j;
      for (Decoded e; j < k && (e = decode_utf8(q + j, k - j)).valid;) j += e.len;
      judge(s, chars, cb, j0, j, plan);
    }
  }
}

std::string apply_plan(std::string_view s, const Plan& plan) {
  std::string out;
  out.reserve(s.size());
  std::size_t at = 0;
  for (const Segment& g : plan.segs) {
    out.append(s.substr(at, g.begin - at));
    out.append(plan.bytes, g.fixed_at, g.fixed_len);
    at = g.end;
  }
  out.append(s.substr(at));
  return out;
}

}  // namespace

std::optional<MojibakeFix> repair_mojibake(std::string_view utf8) {
  const Tables& tb = tables();
  if (!may_hold_mojibake(utf8, tb)) return std::nullopt;  // the common case
  MojibakeFix fix;
  fix.passes = 0;
  std::string text;
  std::string_view cur = utf8;
  std::vector<Char> chars;
  std::string cb;
  // Text encoded twice decodes, once repaired, to mojibake again, of the
  // same charset: a later pass tries only that one (real Persian out of a
  // first pass is not to be read as 1256 mojibake).
  int first = -1;
  for (; fix.passes < 3; ++fix.passes) {
    if (fix.passes > 0 && !may_hold_mojibake(cur, tb)) break;
    Plan best;
    for (int c = 0; c < kCands; ++c) {
      if (!tb[c].ok || (first >= 0 && c != first)) continue;
      Plan plan;
      plan.cand = c;
      analyze(cur, tb[c], plan, chars, cb);
      settle(cur, plan);
      if (plan.covered > best.covered) best = std::move(plan);  // explains the most text
    }
    if (best.cand < 0) break;
    if (fix.passes == 0) {
      first = best.cand;
      fix.charset = best.cand != k1252                    ? kIcuName[best.cand]
                    : best.latin1 && !best.only_1252 ? "iso-8859-1"
                                                        : "windows-1252";
      fix.runs = best.segs.size();
    }
    std::string next = apply_plan(cur, best);
    text.swap(next);
    cur = text;
  }
  if (fix.passes == 0) return std::nullopt;
  fix.text = std::move(text);
  return fix;
}

Utf8Repair repair_invalid_utf8(std::string_view in, std::string& out) {
  Utf8Repair r;
  std::size_t bad = detail::find_invalid_utf8(in);
  if (bad == std::string_view::npos) {
    if (in.data() != out.data() || in.size() != out.size()) out.assign(in.data(), in.size());
    return r;
  }
  const auto& to_cp = tables()[k1252].to_cp;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  std::string res;
  res.reserve(in.size() + in.size() / 8 + 8);
  r.first_offset = static_cast<std::int64_t>(bad);
  std::size_t i = 0;
  for (; bad != std::string_view::npos; bad = detail::find_invalid_utf8(in.substr(i))) {
    res.append(in.substr(i, bad));
    i += bad;
    const Decoded d = decode_utf8(p + i, in.size() - i);
    for (std::uint32_t k = 0; k < d.len; ++k) detail::append_utf8(res, to_cp[p[i + k]]);
    r.bytes_repaired += d.len;
    i += d.len;
  }
  res.append(in.substr(i));
  out = std::move(res);
  return r;
}

}  // namespace digest
