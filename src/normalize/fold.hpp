// Internal: the search-key fold. One entry per code point (built lazily, per
// block of 256 code points, then cached for the life of the process) says
// what the code point becomes in a key; a small runtime pass handles what
// depends on neighbours (separators, canonical reordering and composition of
// the marks that are kept). See docs/normalize.md for the rules.
// fold_rules.cpp holds the rules, fold_table.cpp the table and fold.cpp
// the key builder.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/normalize.hpp"

namespace digest::detail {

// One character of a key and the bytes of the original text it came from.
struct KeyUnit {
  std::uint32_t key_off;  // byte offset of the character in the key
  std::uint32_t begin;    // [begin, end): its source span, in input bytes
  std::uint32_t end;
};

enum FoldFlags : std::uint8_t {
  kFoldSep = 1,       // the code point is a separator (becomes one space)
  kFoldDrop = 2,      // the code point vanishes; its bytes join the previous key char
  kFoldComplex = 4,   // must be composed / reordered with what precedes it
  kFoldWbSimple = 8,  // every char is a space or a plain letter/digit for word breaks
  kFoldPlain = 16,    // non-empty, no space, not complex: copy the bytes
  kFoldIdentity = 32, // the key of the code point is the code point itself
};

struct FoldEntry {
  std::uint32_t off = 0;  // into the block's pool
  std::uint8_t len = 0;   // UTF-8 bytes of the replacement
  std::uint8_t flags = 0;
};

struct FoldBlock {
  FoldEntry entry[256];
  std::string pool;
};

class FoldTable {
 public:
  static const FoldTable& instance();

  const FoldBlock& block(char32_t c) const {
    const FoldBlock* b = blocks_[c >> 8].load(std::memory_order_acquire);
    return b ? *b : build(c >> 8);
  }

  // The two-byte code points (U+0080..U+07FF: Latin, Greek, Cyrillic,
  // Hebrew, Arabic), built eagerly into one flat array for the hot path.
  static constexpr char32_t kLowLimit = 0x800;
  const FoldEntry& low(char32_t c) const { return low_[c]; }
  const char* low_pool() const { return low_pool_.data(); }

 private:
  FoldTable();
  const FoldBlock& build(std::uint32_t index) const;
  mutable std::atomic<const FoldBlock*> blocks_[0x1100];
  FoldEntry low_[kLowLimit];
  std::string low_pool_;
};

// Builds the search key of `text` into `out` (cleared first). With `units`,
// also one KeyUnit per key character; with `anchors` (not both), the
// anchors of a TokenKey over the key (see key_builder.hpp: a few per text,
// so the fast paths stay fast). Returns the byte offset of the first
// ill-formed sequence when `strict` and the text is not UTF-8 (out is then
// unspecified). `wb_simple` (optional) is set to whether word breaks of the
// key are exactly its spaces.
std::optional<std::size_t> build_key(std::string_view text, bool strict, std::string& out,
                                     std::vector<KeyUnit>* units, bool* wb_simple,
                                     std::vector<KeyAnchor>* anchors = nullptr);

}  // namespace digest::detail
