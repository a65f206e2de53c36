// A set of date languages: bit i is language i of the name table's list,
// the 14 core languages first (en fr de es it pt nl sv sq tr ru fa ar ur,
// bits 0-13), then every other language ICU has month names for. Built
// from a core bit mask implicitly, so tables of the core languages can keep
// writing `1u << i`. Not installed.
#pragma once

#include <array>
#include <cstdint>

namespace digest::dates_detail {

class LangSet {
 public:
  static constexpr int kCapacity = 256;

  constexpr LangSet() = default;
  constexpr LangSet(std::uint32_t core_bits) : w_{core_bits, 0, 0, 0} {}  // NOLINT: implicit

  static constexpr LangSet all() {
    LangSet s;
    for (auto& w : s.w_) w = ~std::uint64_t{0};
    return s;
  }
  static constexpr LangSet one(int i) {
    LangSet s;
    s.set(i);
    return s;
  }

  constexpr void set(int i) {
    if (i >= 0 && i < kCapacity) w_[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  constexpr bool test(int i) const {
    return i >= 0 && i < kCapacity && ((w_[i / 64] >> (i % 64)) & 1u);
  }
  // Index of the lowest member, -1 when empty.
  int first() const {
    for (int k = 0; k < 4; ++k) {
      if (w_[k]) return k * 64 + __builtin_ctzll(w_[k]);
    }
    return -1;
  }
  // Members outside the core languages.
  constexpr bool any_beyond_core(std::uint32_t core_bits) const {
    return (w_[0] & ~std::uint64_t{core_bits}) || w_[1] || w_[2] || w_[3];
  }

  // The raw words, for storage outside this module (DateParser).
  constexpr const std::array<std::uint64_t, 4>& words() const { return w_; }
  static constexpr LangSet from_words(const std::array<std::uint64_t, 4>& w) {
    LangSet s;
    s.w_ = w;
    return s;
  }

  constexpr explicit operator bool() const { return w_[0] || w_[1] || w_[2] || w_[3]; }
  constexpr bool operator==(const LangSet&) const = default;

  constexpr LangSet& operator|=(const LangSet& o) {
    for (int k = 0; k < 4; ++k) w_[k] |= o.w_[k];
    return *this;
  }
  constexpr LangSet& operator&=(const LangSet& o) {
    for (int k = 0; k < 4; ++k) w_[k] &= o.w_[k];
    return *this;
  }
  friend constexpr LangSet operator|(LangSet a, const LangSet& b) { return a |= b; }
  friend constexpr LangSet operator&(LangSet a, const LangSet& b) { return a &= b; }

 private:
  std::array<std::uint64_t, 4> w_{};
};

}  // namespace digest::dates_detail
