// The gazetteer's matcher: aliases → token keys (Normalizer), a
// double-array trie over the keys, and a scan that walks the trie from each
// token start and keeps the longest match that ends on a token boundary. A
// text is folded in one pass into its token key (Normalizer::token_key), and
// only what a match needs is mapped back to the text.
// Apart from the dictionary (gazetteer.cpp): this is the hot path, and the
// automaton is rebuilt from the dictionary whenever it changes.
#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "entities/gazetteer_impl.hpp"

namespace digest {

using detail::AliasRec;
using detail::Compiled;

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
// Branch-free: whether a word is shorter than four bytes is a coin toss in
// running text, and a mispredicted branch per token cost more than the rest.
inline std::uint32_t window(std::uint64_t w, std::uint64_t spaces) noexcept {
  const auto sp = static_cast<std::uint32_t>(spaces) & 0x80808080u;
  const std::uint32_t first = sp & (0u - sp);  // high bit of the first space byte, or 0
  // Bytes up to and including that one; all four when there is none (or it
  // is the fourth: the shift wraps to 0 and 0 - 1 keeps everything).
  const std::uint32_t keep = (first << 1) - 1u;
  return static_cast<std::uint32_t>(w) & keep;
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
    for (; i < order.size() && aliases[order[i]].key == key; ++i)
      out.group_alias.push_back(order[i] | (aliases[order[i]].case_sensitive ? Compiled::kCaseSensitive : 0));
    entries.push_back({key, group});
    out.set_start(window_of(key));
    // The possessive of a short one-token key ("un" in "un's", key "uns").
    if (key.size() <= 3 && key.find(' ') == std::string::npos) out.set_start(window_of(key + "s"));
  }
  out.group_begin.push_back(static_cast<std::uint32_t>(out.group_alias.size()));
  out.match.reserve(aliases.size());
  for (const AliasRec& a : aliases) out.match.push_back({entities[a.entity].id, a.text, a.entity});
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
  const Compiled::MatchRec& a = c.match[alias];
  EntityMatch m;
  m.entity_id = a.entity_id;
  m.alias = a.alias;
  m.entity_index = a.entity;
  m.alias_index = alias;
  m.begin = begin;
  m.end = end;
  return m;
}

void Gazetteer::compile() const { impl_->ready(); }

bool Gazetteer::is_compiled() const noexcept {
  return impl_->compiled.load(std::memory_order_acquire);
}

std::size_t Gazetteer::automaton_bytes() const {
  if (!impl_->compiled.load(std::memory_order_acquire)) return 0;
  const Compiled& c = impl_->c;
  return c.trie.bytes() + (c.group_begin.size() + c.group_alias.size()) * 4 + c.filter.size() * 8;
}

namespace {

// This thread's key and token spans for find(), reused from call to call
// (texts are many and short: no allocation once warm); large buffers are
// given back.
struct KeyScratch {
  TokenKey tk;
  void trim() {
    if (tk.key.capacity() > (std::size_t{1} << 20)) tk = TokenKey{};
  }
};

}  // namespace

Result<std::vector<EntityMatch>> Gazetteer::find(std::string_view text) const {
  std::vector<EntityMatch> out;
  if (impl_->aliases.empty() || text.empty()) return out;
  const Compiled& c = impl_->ready();
  thread_local KeyScratch scratch;
  struct Trim {
    KeyScratch& s;
    ~Trim() { s.trim(); }
  } trim{scratch};
  TokenKey& tk = scratch.tk;
  if (Status s = Normalizer::shared().token_key(text, tk); !s) return std::move(s).error();
  const std::string_view key = tk.key;
  const auto* kp = reinterpret_cast<const unsigned char*>(key.data());
  // The text of the token at key offsets [kb, ke).
  auto surface = [&](std::size_t kb, std::size_t ke) {
    const std::size_t b = tk.text_offset(kb);
    return text.substr(b, tk.text_offset(ke) - b);
  };

  // Only candidates are mapped back to the text: their first token's start,
  // their last token's end, and the surfaces the checks need.
  auto pick = [&](std::size_t begin, const Candidate* cands, int nc) -> int {
    for (int k = nc - 1; k >= 0; --k) {
      const Candidate& cd = cands[k];
      // The last token: the one holding the last matched byte.
      const std::size_t last_byte = cd.possessive ? cd.end : cd.end - 1;
      const std::size_t te_end = next_space(kp, last_byte, key.size());
      std::size_t te_begin = last_byte;
      while (te_begin > begin && key[te_begin - 1] != ' ') --te_begin;
      std::string_view last_surface;
      std::size_t end;
      if (cd.possessive) {
        last_surface = surface(te_begin, te_end);
        std::size_t cut = 0;
        if (!possessive_surface(last_surface, cut)) continue;
        last_surface = last_surface.substr(0, cut);
        end = tk.text_offset(te_begin) + cut;
      } else {
        end = tk.text_offset(te_end);
      }
      for (std::uint32_t g = c.group_begin[cd.group]; g < c.group_begin[cd.group + 1]; ++g) {
        const std::uint32_t ai = c.alias_at(g);
        if (c.group_alias[g] & Compiled::kCaseSensitive) {
          const AliasRec& a = impl_->aliases[ai];
          // Compare the token surfaces, concatenated, with the alias's.
          std::string_view want = a.surface;
          bool same = true;
          for (std::size_t t = begin; t <= te_begin && same;) {
            const std::size_t t_end = t == te_begin ? te_end : next_space(kp, t, key.size());
            std::string_view s = t == te_begin && cd.possessive ? last_surface : surface(t, t_end);
            if (!want.starts_with(s)) same = false;
            else want.remove_prefix(s.size());
            t = t_end + 1;
          }
          if (!same || !want.empty()) continue;
        }
        out.push_back(impl_->make_match(ai, tk.text_offset(begin), end));
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
      out.push_back(impl_->make_match(c.alias_at(c.group_begin[cands[k].group]), begin,
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
