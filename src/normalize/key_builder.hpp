// Internal to the key builder (fold.cpp): the buffer a search key is written
// into, one space per separator run, composition with the tail of the key,
// and what is tracked on the way: nothing, each key character's source span
// (KeyUnit), or the anchors that map the key's token boundaries back to the
// text (KeyAnchor). Not installed.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "normalize/fold.hpp"
#include "normalize/fold_rules.hpp"
#include "text/utf8.hpp"

namespace digest::detail {

enum class Track { none, units, anchors };

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
inline constexpr AsciiTable kAscii;

static_assert(std::endian::native == std::endian::little, "the SWAR ASCII path assumes little-endian");

inline std::uint64_t load64(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Writes the key into a std::string used as a raw buffer (sized ahead,
// trimmed at the end). A separator is written as one ' ' unless the key is
// empty or already ends with one; a trailing ' ' is trimmed at the end.
//
// Anchors: a token is open exactly when the key does not end with a space,
// and every code point walked while it is open belongs to it (a character
// or a dropped mark). So a token's span, the union of its characters'
// spans, begins where the code point that opened it begins and ends where
// the walk stood when it closed. Those two text offsets are all the map
// must give; it is checked (at()) wherever the builder writes: at the
// start of each run copied one to one (inside it, key and text move in
// step), at each replacement, at each space (with the offset where its
// token ended) and at the end.
template <Track M>
class KeyBuilder {
 public:
  static constexpr bool kUnits = M == Track::units;
  static constexpr bool kAnchors = M == Track::anchors;

  KeyBuilder(std::string& out, std::vector<KeyUnit>* units, std::vector<KeyAnchor>* anchors,
             std::size_t hint)
      : out_(out), units_(units), anchors_(anchors) {
    out_.resize(hint + 16);
    o_ = out_.data();
    cap_ = out_.size();
  }

  bool wb_simple = true;

  void ensure(std::size_t k) {
    if (w_ + k > cap_) grow(k);
  }

  std::size_t size() const { return w_; }
  char last() const { return last_; }

  // Anchor mode: key offset w is text offset src (where a token begins or
  // ends, or the first byte of a run copied one to one).
  void at(std::size_t w, std::uint32_t src) {
    if constexpr (kAnchors) {
      const std::int64_t d = static_cast<std::int64_t>(src) - static_cast<std::int64_t>(w);
      if (d == delta_) return;
      delta_ = d;
      if (!anchors_->empty() && anchors_->back().key == w) anchors_->back().text = src;
      else anchors_->push_back({static_cast<std::uint32_t>(w), src});
    }
  }

  // A run of ASCII bytes p[0..len) starting at input offset b.
  void ascii_run(const unsigned char* p, std::size_t len, std::uint32_t b) {
    ensure(len + 1);
    char* o = o_;
    std::size_t w = w_;
    char last = last_;
    if constexpr (!kUnits) {
      auto one = [&](std::size_t k) {
        const char c = kAscii.v[p[k]];
        o[w] = c;
        const bool adv = (c != 0) & ((c != ' ') | (last != ' '));
        if constexpr (kAnchors) {
          if (adv) at(w, b + static_cast<std::uint32_t>(k));
        }
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
          at(w, b + static_cast<std::uint32_t>(k));
          const std::uint64_t folded = x | (upper >> 2);
          std::memcpy(o + w, &folded, 8);
          w += 8;
          last = static_cast<char>(folded >> 56);
        } else {
          for (std::size_t j = k; j < k + 8; ++j) one(j);
        }
      }
      for (; k < len; ++k) one(k);
    } else {
      for (std::size_t k = 0; k < len; ++k) {
        const char c = kAscii.v[p[k]];
        const auto pos = b + static_cast<std::uint32_t>(k);
        if (c == ' ') {
          if (last != ' ') o[w++] = last = ' ';
        } else if (c != 0) {
          units_->push_back({static_cast<std::uint32_t>(w), pos, pos + 1});
          o[w++] = last = c;
        } else if (last != ' ' && !units_->empty()) {
          units_->back().end = pos + 1;
        }
      }
    }
    w_ = w;
    last_ = last;
  }

  // Bytes that are already in key form, from text offset src (untracked and
  // anchor builds only); `last` is their last byte.
  void copy(const char* bytes, std::size_t len, char last, std::uint32_t src) {
    if (len == 0) return;
    at(w_, src);
    ensure(len);
    std::memcpy(o_ + w_, bytes, len);
    w_ += len;
    last_ = last;
  }

  // A separator; `src` is where the open token (if any) ends in the text.
  void sep(std::uint32_t src) {
    if (last_ != ' ') {
      at(w_, src);
      ensure(1);
      o_[w_++] = ' ';
      last_ = ' ';
    }
  }

  void drop(std::uint32_t e) {
    if constexpr (kUnits) {
      if (last_ != ' ' && !units_->empty()) {
        KeyUnit& u = units_->back();
        if (e > u.end) u.end = e;
      }
    }
  }

  // Bytes with no separator and no composition: copied.
  void plain(const char* bytes, std::size_t len, std::uint32_t b, std::uint32_t e) {
    ensure(len);
    if constexpr (kUnits) {
      std::size_t i = 0;
      while (i < len) {
        units_->push_back({static_cast<std::uint32_t>(w_ + i), b, e});
        ++i;
        while (i < len && (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80) ++i;
      }
    }
    at(w_, b);
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
    bool wrote = false;  // a space after this code point's own letters ends its token at e
    while (i < len) {
      Decoded d = decode_utf8(p + i, len - i);
      const char* start = bytes + i;
      i += d.len;
      if (d.cp == ' ') {
        sep(wrote ? e : b);
      } else if (!(flags & kFoldComplex)) {
        plain(start, d.len, b, e);
        wrote = true;
      } else {
        compose_in(d.cp, b, e);
        wrote = true;
      }
    }
  }

  // `n`: the text's length, where a token still open ends.
  void finish(std::uint32_t n) {
    if (w_ > 0 && o_[w_ - 1] == ' ') --w_;
    if (last_ != ' ') at(w_, n);
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
    if (last_ == ' ') at(w_, b);  // c opens a token
    std::vector<U>& seq = scratch_;
    seq.clear();
    // Pull back the tail: characters after (and including) the last starter.
    std::size_t cut = w_;
    std::size_t count = 0;
    std::size_t unit_idx = 0;
    if constexpr (kUnits) unit_idx = units_->size();
    while (cut > 0 && count < kMaxTail) {
      std::size_t s = cut - 1;
      while (s > 0 && (static_cast<unsigned char>(o_[s]) & 0xC0) == 0x80) --s;
      Decoded d = decode_utf8(reinterpret_cast<const unsigned char*>(o_) + s, cut - s);
      if (d.cp == ' ') break;
      U u{d.cp, 0, 0};
      if constexpr (kUnits) {
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
    if constexpr (kUnits) units_->resize(unit_idx);
    if constexpr (kAnchors) {
      // Anchors inside the tail (past its first byte, which keeps its
      // place) go with it; the writes that follow check again.
      while (!anchors_->empty() && anchors_->back().key > cut) anchors_->pop_back();
      delta_ = anchors_->empty() ? 0
                                 : static_cast<std::int64_t>(anchors_->back().text) -
                                       static_cast<std::int64_t>(anchors_->back().key);
    }
    compose(seq);
    std::string enc;
    for (const U& u : seq) {
      enc.clear();
      append_utf8(enc, u.c);
      ensure(enc.size());
      if constexpr (kUnits) units_->push_back({static_cast<std::uint32_t>(w_), u.b, u.e});
      std::memcpy(o_ + w_, enc.data(), enc.size());
      w_ += enc.size();
      last_ = 'x';
      if (!wb_plain(u.c)) wb_simple = false;
    }
  }

  std::string& out_;
  std::vector<KeyUnit>* units_;
  std::vector<KeyAnchor>* anchors_;
  std::int64_t delta_ = 0;  // text offset - key offset at the last anchor
  char* o_ = nullptr;
  std::size_t w_ = 0;
  std::size_t cap_ = 0;
  char last_ = ' ';  // last byte written, ' ' at the start
  std::vector<U> scratch_;
};

}  // namespace digest::detail
