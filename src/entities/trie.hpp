// A double-array trie over bytes, with tails (internal to the gazetteer).
//
// States are indices into one array of units {base, check}. The child of
// state s on byte c is t = base[s] + c + 1 when check[t] == s. A key that
// ends at s has the terminal child base[s] + 0, whose base holds the key's
// value. A state with a single key below it has a negative base -(o + 1):
// the rest of that key is stored at offset o of the tail buffer as
// {u32 length, bytes, u32 value}, so unique suffixes take no states and are
// compared with one memcmp. The array is padded so that base + 256 is always
// in range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>


namespace digest::detail {

// Internal: the tests reach it through the digest_internal archive.
class DoubleArrayTrie {
 public:
  struct Entry {
    std::string_view key;  // non-empty, unique
    std::uint32_t value;
  };

  // Builds from `entries` (any order; sorted inside). Keys must be unique.
  void build(std::vector<Entry> entries);
  void clear();
  bool empty() const noexcept { return units_.empty(); }
  std::size_t bytes() const noexcept { return units_.size() * sizeof(Unit) + tails_.size(); }
  std::size_t states() const noexcept { return states_; }

  // Walks from the root along p[i, n). For every key that equals p[i, k)
  // with boundary(k) true, calls on_key(k, value), shortest first.
  template <class Boundary, class OnKey>
  void prefixes(const unsigned char* p, std::size_t i, std::size_t n, Boundary&& boundary,
                OnKey&& on_key) const {
    if (units_.empty()) return;
    const Unit* u = units_.data();
    std::int32_t s = 0;
    for (;;) {
      const std::int32_t b = u[s].base;
      if (b < 0) {  // a tail: the one key below s
        const unsigned char* t = tails_.data() + (-static_cast<std::int64_t>(b) - 1);
        std::uint32_t len;
        std::memcpy(&len, t, 4);
        if (len <= n - i && std::memcmp(p + i, t + 4, len) == 0 && boundary(i + len)) {
          std::uint32_t v;
          std::memcpy(&v, t + 4 + len, 4);
          on_key(i + len, v);
        }
        return;
      }
      if (boundary(i) && u[b].check == s) on_key(i, static_cast<std::uint32_t>(u[b].base));
      if (i == n) return;
      const std::uint32_t next = static_cast<std::uint32_t>(b) + p[i] + 1u;
      if (u[next].check != s) return;
      s = static_cast<std::int32_t>(next);
      ++i;
    }
  }
  // Exact lookup (tests).
  std::int64_t find(std::string_view key) const noexcept;

 private:
  struct Unit {
    std::int32_t base;
    std::int32_t check;
  };
  std::vector<Unit> units_;
  std::vector<unsigned char> tails_;
  std::size_t states_ = 0;
};

}  // namespace digest::detail
