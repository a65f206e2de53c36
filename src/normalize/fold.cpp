// The key builder: walks a text and strings the cached fold entries of its
// code points into a search key, with fast paths for ASCII (eight bytes at
// a time) and for two-byte letters, and the runtime pass for what depends
// on neighbours (one space per separator run, composition with the tail of
// the key). Optionally records each key character's source span. See
// fold.hpp; the rules are in fold_rules.cpp and the table in fold_table.cpp.
#include "normalize/fold.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "normalize/fold_rules.hpp"
#include "text/utf8.hpp"

namespace digest::detail {

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
