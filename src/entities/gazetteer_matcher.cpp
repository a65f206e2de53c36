// The gazetteer's matcher: aliases → token keys (Normalizer), a
// double-array trie over the keys, and a scan that walks the trie from each
// token start and keeps the longest match that ends on a token boundary.
// Apart from the dictionary (gazetteer.cpp): this is the hot path, and the
// automaton is rebuilt from the dictionary whenever it changes.
#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "entities/gazetteer_impl.hpp"

// Sanitizers may flag the 16-byte over-read of a short std::string (bytes
// past size() inside its buffer); copy exactly there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_MEMORY__)
#define DIGEST_ENTITIES_EXACT_COPY 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define DIGEST_ENTITIES_EXACT_COPY 1
#endif
#endif
#ifndef DIGEST_ENTITIES_EXACT_COPY
#define DIGEST_ENTITIES_EXACT_COPY 0
#endif

namespace digest {

namespace detail {

void join_tokens(const std::vector<Token>& tokens, std::size_t size_hint, std::string& key,
                 std::vector<std::uint32_t>* starts) {
  // Keys are about as long as their text: one allocation, usually. Words of
  // up to 16 bytes are copied 16 bytes at a time (a std::string holds at
  // least 16 bytes from data()), into a buffer with 16 bytes to spare.
  constexpr std::size_t kSlack = 17;
  key.resize(size_hint + tokens.size() + kSlack);
  if (starts) {
    starts->clear();
    starts->reserve(tokens.size());
  }
  std::size_t len = 0;
  for (const Token& t : tokens) {
    const std::size_t n = t.key.size();
    if (len + n + kSlack > key.size()) key.resize(std::max(len + n + kSlack, key.size() * 2));
    char* d = key.data();
    if (len) d[len++] = ' ';
    if (starts) starts->push_back(static_cast<std::uint32_t>(len));
#if DIGEST_ENTITIES_EXACT_COPY
    std::memcpy(d + len, t.key.data(), n);
#else
    if (n <= 16) std::memcpy(d + len, t.key.data(), 16);
    else std::memcpy(d + len, t.key.data(), n);
#endif
    len += n;
  }
  key.resize(len);
}

}  // namespace detail

using detail::AliasRec;
using detail::Compiled;
using detail::join_tokens;

namespace {

// True when the token surface `s` ends with an apostrophe and s/S; sets
// `cut` to the apostrophe's offset in `s`.
bool possessive_surface(std::string_view s, std::size_t& cut) {
  if (s.size() < 2 || (s.back() != 's' && s.back() != 'S')) return false;
  std::string_view head = s.substr(0, s.size() - 1);
  static constexpr std::string_view kApostrophes[] = {
      "'", "`", "\xE2\x80\x99" /* ’ */, "\xE2\x80\x98" /* ‘ */, "\xCA\xBC" /* ʼ */,
      "\xEF\xBC\x87" /* ＇ */, "\xE2\x80\xB2" /* ′ */};
  for (std::string_view a : kApostrophes) {
    if (head.size() > a.size() && head.ends_with(a)) {
      cut = head.size() - a.size();
      return true;
    }
  }
  return false;
}

struct Candidate {
  std::uint32_t end;    // key offset where the match ends
  std::uint32_t group;
  bool possessive;      // the key continues with "s" that the surface writes as 's
};

constexpr int kMaxCandidates = 64;

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;

// The eight bytes at p + i as a little-endian word, spaces past the end.
inline std::uint64_t load8(const unsigned char* p, std::size_t i, std::size_t n) noexcept {
  unsigned char b[8];
  if (i + 8 <= n) {
    std::memcpy(b, p + i, 8);
  } else {
    std::memset(b, ' ', 8);
    std::memcpy(b, p + i, n - i);
  }
  std::uint64_t x = 0;
  for (int k = 7; k >= 0; --k) x = (x << 8) | b[k];  // folds to one load on little-endian
  return x;
}

// High bit set in each byte of w that is a space; exact for the lowest one.
inline std::uint64_t space_bits(std::uint64_t w) noexcept {
  const std::uint64_t y = w ^ (kOnes * ' ');
  return (y - kOnes) & ~y & kHigh;
}

// The filter window of a token starting at the low byte of w: its first four
// bytes, or up to and including the space that ends it (the rest zeroed), so
// that a key and the text agree whatever follows the first token.
inline std::uint32_t window(std::uint64_t w, std::uint64_t spaces) noexcept {
  const auto win = static_cast<std::uint32_t>(w);
  if (!(spaces & 0x80808080u)) return win;
  const int sp = std::countr_zero(spaces) >> 3;  // 0..3
  return win & static_cast<std::uint32_t>((std::uint64_t{1} << (8 * (sp + 1))) - 1);
}

inline std::uint32_t window_of(std::string_view k) noexcept {
  const std::uint64_t w =
      load8(reinterpret_cast<const unsigned char*>(k.data()), 0, std::min<std::size_t>(k.size(), 8));
  return window(w, space_bits(w));
}

// Offset of the first space in p[i, n), or n: eight bytes at a time.
inline std::size_t next_space(const unsigned char* p, std::size_t i, std::size_t n) noexcept {
  if constexpr (std::endian::native == std::endian::little) {
    while (i + 8 <= n) {
      std::uint64_t x;
      std::memcpy(&x, p + i, 8);
      const std::uint64_t y = x ^ (kOnes * ' ');
      // The lowest zero byte of y is exact (borrows only affect bytes above it).
      const std::uint64_t z = (y - kOnes) & ~y & kHigh;
      if (z) return i + static_cast<std::size_t>(std::countr_zero(z) >> 3);
      i += 8;
    }
  }
  while (i < n && p[i] != ' ') ++i;
  return i;
}

// Bit j set when byte `block + j` of p[0, n) is a space; bytes past the end
// count as spaces.
inline std::uint64_t space_mask64(const unsigned char* p, std::size_t block, std::size_t n) noexcept {
  unsigned char tail[64];
  const unsigned char* q = p + block;
  if (block + 64 > n) {
    std::memset(tail, ' ', 64);
    std::memcpy(tail, q, n - block);
    q = tail;
  }
#if defined(__SSE2__)
  const __m128i sp = _mm_set1_epi8(' ');
  std::uint64_t m = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 16 * k));
    m |= static_cast<std::uint64_t>(
             static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp))))
         << (16 * k);
  }
  return m;
#else
  std::uint64_t m = 0;
  for (int k = 0; k < 64; ++k) m |= static_cast<std::uint64_t>(q[k] == ' ') << k;
  return m;
#endif
}

// Walks `key` token start by token start. Token starts come 64 bytes at a
// time from a bitmask of spaces, so finding them does not wait on the trie.
// At each start whose first-bytes window passes the filter, the trie is
// walked as far as the text allows, collecting candidate matches that end
// on a token boundary (or before a possessive "s"). `pick(begin, cands, n)`
// returns the index of the accepted candidate (it tries the longest first)
// or -1; starts inside an accepted match are then skipped.
template <class Pick>
void scan(const Compiled& c, std::string_view key, Pick&& pick) {
  if (c.trie.empty() || key.empty()) return;
  const auto* p = reinterpret_cast<const unsigned char*>(key.data());
  const std::size_t n = key.size();
  Candidate cands[kMaxCandidates];

  // The match starting at `pos`, if any: returns the key offset just past it
  // (before its trailing space), or 0 when there is none.
  auto match_at = [&](std::size_t pos) -> std::size_t {
    int nc = 0;
    auto push = [&](std::size_t end, std::int64_t group, bool poss) {
      if (nc == kMaxCandidates) {  // keep the longest ones
        std::memmove(cands, cands + 1, sizeof(Candidate) * (kMaxCandidates - 1));
        --nc;
      }
      cands[nc++] = Candidate{static_cast<std::uint32_t>(end), static_cast<std::uint32_t>(group),
                              poss};
    };
    // A key may end before a space, the end, or a possessive "s".
    auto boundary = [&](std::size_t k) {
      return k == n || p[k] == ' ' || (p[k] == 's' && (k + 1 == n || p[k + 1] == ' '));
    };
    c.trie.prefixes(p, pos, n, boundary, [&](std::size_t k, std::uint32_t group) {
      push(k, group, k < n && p[k] == 's');
    });
    if (nc == 0) return 0;
    const int k = pick(pos, cands, nc);
    if (k < 0) return 0;
    return cands[k].end + (cands[k].possessive ? 1 : 0);
  };

  std::size_t skip_until = 0;  // starts before this are inside a match
  std::uint64_t carry = 1;     // offset 0 starts a token
  for (std::size_t block = 0; block < n; block += 64) {
    const std::uint64_t spaces = space_mask64(p, block, n);
    std::uint64_t starts = ((spaces << 1) | carry) & ~spaces;
    carry = spaces >> 63;
    while (starts) {
      const std::size_t pos = block + static_cast<std::size_t>(std::countr_zero(starts));
      starts &= starts - 1;
      if (pos < skip_until) continue;
      const std::uint64_t w = load8(p, pos, n);
      if (!c.may_start(window(w, space_bits(w)))) continue;
      if (const std::size_t end = match_at(pos)) skip_until = end + 1;
    }
  }
}

}  // namespace

void Gazetteer::Impl::compile() const {
  Compiled out;
  // Filter size: about 16 bits per window, 2^16 (8 KiB) to 2^22 bits.
  unsigned log_bits = 16;
  while (log_bits < 22 && (std::size_t{1} << log_bits) < aliases.size() * 16) ++log_bits;
  out.filter.assign((std::size_t{1} << log_bits) / 64, 0);
  out.filter_shift = 32 - log_bits;
  std::vector<std::uint32_t> order(aliases.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const AliasRec& x = aliases[a];
    const AliasRec& y = aliases[b];
    if (x.key != y.key) return x.key < y.key;
    return x.case_sensitive && !y.case_sensitive;
  });
  std::vector<detail::DoubleArrayTrie::Entry> entries;
  for (std::size_t i = 0; i < order.size();) {
    const std::string& key = aliases[order[i]].key;
    const auto group = static_cast<std::uint32_t>(out.group_begin.size());
    out.group_begin.push_back(static_cast<std::uint32_t>(out.group_alias.size()));
    while (i < order.size() && aliases[order[i]].key == key) out.group_alias.push_back(order[i++]);
    entries.push_back({key, group});
    out.set_start(window_of(key));
    // The possessive of a short one-token key ("un" in "un's", key "uns").
    if (key.size() <= 3 && key.find(' ') == std::string::npos) out.set_start(window_of(key + "s"));
  }
  out.group_begin.push_back(static_cast<std::uint32_t>(out.group_alias.size()));
  out.trie.build(std::move(entries));
  c = std::move(out);
}

const Compiled& Gazetteer::Impl::ready() const {
  if (!compiled.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(mutex);
    if (!compiled.load(std::memory_order_relaxed)) {
      compile();
      compiled.store(true, std::memory_order_release);
    }
  }
  return c;
}

EntityMatch Gazetteer::Impl::make_match(std::uint32_t alias, std::size_t begin,
                                        std::size_t end) const {
  const AliasRec& a = aliases[alias];
  EntityMatch m;
  m.entity_id = entities[a.entity].id;
  m.alias = a.text;
  m.entity_index = a.entity;
  m.alias_index = alias;
  m.begin = begin;
  m.end = end;
  return m;
}

void Gazetteer::compile() const { impl_->ready(); }

std::size_t Gazetteer::automaton_bytes() const {
  if (!impl_->compiled.load(std::memory_order_acquire)) return 0;
  const Compiled& c = impl_->c;
  return c.trie.bytes() + (c.group_begin.size() + c.group_alias.size()) * 4 + c.filter.size() * 8;
}

Result<std::vector<EntityMatch>> Gazetteer::find(std::string_view text) const {
  std::vector<EntityMatch> out;
  if (impl_->aliases.empty() || text.empty()) return out;
  const Compiled& c = impl_->ready();
  auto toks = Normalizer::shared().tokens(text);
  if (!toks.ok()) return std::move(toks).error();
  const std::vector<Token>& tokens = *toks;
  std::string key;
  std::vector<std::uint32_t> starts;
  join_tokens(tokens, text.size(), key, &starts);

  std::size_t tb = 0;  // token of the current match start (starts are visited in order)
  auto pick = [&](std::size_t begin, const Candidate* cands, int nc) -> int {
    while (tb < starts.size() && starts[tb] < begin) ++tb;
    for (int k = nc - 1; k >= 0; --k) {
      const Candidate& cd = cands[k];
      // The token holding the last matched byte.
      const std::size_t last_byte = cd.possessive ? cd.end : cd.end - 1;
      const std::size_t te = static_cast<std::size_t>(
          std::upper_bound(starts.begin() + tb, starts.end(), last_byte) - starts.begin() - 1);
      std::size_t end = tokens[te].end;
      const Token& last = tokens[te];
      std::string_view last_surface = text.substr(last.begin, last.end - last.begin);
      if (cd.possessive) {
        std::size_t cut = 0;
        if (!possessive_surface(last_surface, cut)) continue;
        end = last.begin + cut;
        last_surface = last_surface.substr(0, cut);
      }
      for (std::uint32_t g = c.group_begin[cd.group]; g < c.group_begin[cd.group + 1]; ++g) {
        const std::uint32_t ai = c.group_alias[g];
        const AliasRec& a = impl_->aliases[ai];
        if (a.case_sensitive) {
          // Compare the token surfaces, concatenated, with the alias's.
          std::string_view want = a.surface;
          bool same = true;
          for (std::size_t t = tb; t <= te && same; ++t) {
            std::string_view s = t == te ? last_surface
                                         : text.substr(tokens[t].begin,
                                                       tokens[t].end - tokens[t].begin);
            if (!want.starts_with(s)) same = false;
            else want.remove_prefix(s.size());
          }
          if (!same || !want.empty()) continue;
        }
        out.push_back(impl_->make_match(ai, tokens[tb].begin, end));
        return k;
      }
    }
    return -1;
  };
  scan(c, key, pick);
  return out;
}

std::vector<EntityMatch> Gazetteer::find_in_key(std::string_view key) const {
  std::vector<EntityMatch> out;
  if (impl_->aliases.empty()) return out;
  const Compiled& c = impl_->ready();
  scan(c, key, [&](std::size_t begin, const Candidate* cands, int nc) -> int {
    for (int k = nc - 1; k >= 0; --k) {
      if (cands[k].possessive) continue;
      out.push_back(impl_->make_match(c.group_alias[c.group_begin[cands[k].group]], begin,
                                      cands[k].end));
      return k;
    }
    return -1;
  });
  return out;
}

std::size_t Gazetteer::count_in_key(std::string_view key) const {
  std::size_t n = 0;
  if (impl_->aliases.empty()) return n;
  const Compiled& c = impl_->ready();
  scan(c, key, [&](std::size_t, const Candidate* cands, int nc) -> int {
    for (int k = nc - 1; k >= 0; --k) {
      if (cands[k].possessive) continue;
      ++n;
      return k;
    }
    return -1;
  });
  return n;
}

}  // namespace digest
