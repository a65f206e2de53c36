// The cached fold table: one entry per code point with its replacement
// bytes and flags, built from the fold rules a block of 256 code points at
// a time on first use and kept for the life of the process (the two-byte
// code points eagerly, in one flat array). Apart from the rules (what a
// code point becomes) and the key builder (how a text is walked).
#include "normalize/fold.hpp"

#include <stdexcept>

#include "normalize/fold_rules.hpp"
#include "text/utf8.hpp"

namespace digest::detail {

const FoldTable& FoldTable::instance() {
  static const FoldTable* t = new FoldTable();  // never destroyed: other threads may use it at exit
  return *t;
}

FoldTable::FoldTable() {
  for (auto& b : blocks_) b.store(nullptr, std::memory_order_relaxed);
  (void)icu_norms();
  for (std::uint32_t index = 0; index < kLowLimit / 256; ++index) {
    const FoldBlock& blk = build(index);
    const auto base = static_cast<std::uint32_t>(low_pool_.size());
    for (std::uint32_t k = 0; k < 256; ++k) {
      FoldEntry e = blk.entry[k];
      e.off += base;
      low_[index * 256 + k] = e;
    }
    low_pool_ += blk.pool;
  }
}

const FoldBlock& FoldTable::build(std::uint32_t index) const {
  auto* blk = new FoldBlock();
  const icu::Normalizer2* nfc = icu_norms().nfc;
  for (std::uint32_t k = 0; k < 256; ++k) {
    char32_t c = (index << 8) | k;
    FoldEntry& e = blk->entry[k];
    if (c >= 0xD800 && c <= 0xDFFF) {  // never decoded; treat as a separator
      e.flags = kFoldSep | kFoldWbSimple;
      continue;
    }
    std::u32string f = fold_code_point(c);
    e.off = static_cast<std::uint32_t>(blk->pool.size());
    bool complex = false, wb = true, space = false;
    for (char32_t x : f) {
      append_utf8(blk->pool, x);
      if (x == ' ') {
        space = true;
        continue;
      }
      if (is_conditional_mark(x) || !nfc->hasBoundaryBefore(static_cast<UChar32>(x))) complex = true;
      if (!wb_plain(x)) wb = false;
    }
    std::size_t len = blk->pool.size() - e.off;
    if (len > 255) throw std::runtime_error("fold entry too long");
    e.len = static_cast<std::uint8_t>(len);
    std::uint8_t fl = 0;
    if (f.empty()) fl |= kFoldDrop;
    else if (f == U" ") fl |= kFoldSep;
    if (complex) fl |= kFoldComplex;
    if (wb && !complex) fl |= kFoldWbSimple;
    if (!f.empty() && !space && !complex) fl |= kFoldPlain;
    if (f.size() == 1 && f[0] == c) fl |= kFoldIdentity;
    e.flags = fl;
  }
  const FoldBlock* expected = nullptr;
  if (blocks_[index].compare_exchange_strong(expected, blk, std::memory_order_acq_rel,
                                             std::memory_order_acquire)) {
    return *blk;
  }
  delete blk;  // another thread built it first
  return *expected;
}

}  // namespace digest::detail
