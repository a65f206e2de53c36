// The key builder: walks a text and strings the cached fold entries of its
// code points into a search key, with fast paths for ASCII (eight bytes at
// a time) and for two-byte letters, and the runtime pass for what depends
// on neighbours (one space per separator run, composition with the tail of
// the key). Optionally records each key character's source span, or the
// anchors that map the key's token boundaries back (key_builder.hpp). See fold.hpp; the
// rules are in fold_rules.cpp and the table in fold_table.cpp.
#include "normalize/fold.hpp"

#include "normalize/key_builder.hpp"

namespace digest::detail {

namespace {

template <Track M>
std::optional<std::size_t> run(std::string_view text, bool strict, std::string& out,
                               std::vector<KeyUnit>* units, bool* wb_simple,
                               std::vector<KeyAnchor>* anchors) {
  if constexpr (M == Track::units) {
    units->clear();
    units->reserve(text.size());
  }
  if constexpr (M == Track::anchors) anchors->clear();
  KeyBuilder<M> kb(out, units, anchors, text.size());
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
    if constexpr (M != Track::units) {
      // The hot loop for two-byte letters (Latin, Greek, Cyrillic, Arabic
      // script) mixed with lower-case ASCII and single spaces: spans already
      // in key form are copied in one go; simple replacements, drops and
      // separators are handled inline; anything else leaves the loop.
      std::size_t j = i, run = i;
      char prev = kb.last();
      // Anchor mode must know whether word breaks are the key's spaces: a
      // letter not marked simple leaves the loop, which notes it.
      constexpr std::uint8_t kWb = M == Track::anchors ? kFoldWbSimple : 0;
      constexpr std::uint8_t kSame = kFoldIdentity | kFoldPlain | kWb;
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
          if ((fl & kFoldPlain) && (fl & kWb) != kWb) break;
          kb.copy(text.data() + run, j - run, prev, static_cast<std::uint32_t>(run));
          if (fl & kFoldPlain) {
            kb.copy(table.low_pool() + en.off, en.len, 'x', static_cast<std::uint32_t>(j));
          } else if (fl & kFoldSep) {
            kb.sep(static_cast<std::uint32_t>(j));
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
        kb.copy(text.data() + run, j - run, prev, static_cast<std::uint32_t>(run));
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
      kb.sep(b);
    } else if (fl & kFoldDrop) {
      kb.drop(e);
    } else {
      // Complex entries check the characters they leave in compose_in.
      if (!(fl & (kFoldWbSimple | kFoldComplex))) kb.wb_simple = false;
      kb.general(pool + en->off, en->len, fl, b, e);
    }
  }
  kb.finish(static_cast<std::uint32_t>(n));
  if (wb_simple) *wb_simple = kb.wb_simple;
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> build_key(std::string_view text, bool strict, std::string& out,
                                     std::vector<KeyUnit>* units, bool* wb_simple,
                                     std::vector<KeyAnchor>* anchors) {
  if (units) return run<Track::units>(text, strict, out, units, wb_simple, nullptr);
  if (anchors) return run<Track::anchors>(text, strict, out, nullptr, wb_simple, anchors);
  return run<Track::none>(text, strict, out, nullptr, wb_simple, nullptr);
}

}  // namespace digest::detail
