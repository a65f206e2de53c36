// Internal to src/entities: the gazetteer's state, shared by the two files
// that work on it: the dictionary (gazetteer.cpp: entities and aliases,
// adding and validating them) and the matcher (gazetteer_matcher.cpp: the
// automaton compiled from the aliases, and the scans that find them in a
// text or a key). Not installed.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "digest/entities.hpp"
#include "digest/normalize.hpp"
#include "entities/trie.hpp"

namespace digest {

namespace detail {

struct AliasRec {
  std::uint32_t entity = 0;
  std::string text;     // as written
  std::string key;      // token keys joined by single spaces (Normalizer::token_key)
  bool case_sensitive = false;
  std::string surface;  // case-sensitive aliases: the token surfaces, concatenated
};

// The compiled form: the trie maps a key to a group of aliases sharing it
// (case-sensitive ones first, then in insertion order).
struct Compiled {
  detail::DoubleArrayTrie trie;
  std::vector<std::uint32_t> group_begin;  // group g: group_alias[group_begin[g] .. group_begin[g+1])
  // Alias indices, with kCaseSensitive set on case-sensitive ones: the
  // matcher tells them apart without touching the alias records.
  std::vector<std::uint32_t> group_alias;
  static constexpr std::uint32_t kCaseSensitive = 0x8000'0000u;
  static_assert(GazetteerLimits::max_aliases < kCaseSensitive);
  std::uint32_t alias_at(std::uint32_t g) const noexcept { return group_alias[g] & ~kCaseSensitive; }
  // What a match reports, per alias index, packed: a match reads one
  // 40-byte record instead of an alias's and an entity's. The views point
  // into the dictionary, which is compiled again whenever it changes.
  struct MatchRec {
    std::string_view entity_id, alias;
    std::uint32_t entity = 0;
  };
  std::vector<MatchRec> match;
  // A hashed set of the keys' first-four-byte windows (see window()):
  // tokens whose window is not in it start no key and are skipped without a
  // trie walk.
  std::vector<std::uint64_t> filter;
  unsigned filter_shift = 32;

  bool may_start(std::uint32_t window) const noexcept {
    const std::uint32_t h = (window * 0x9E3779B1u) >> filter_shift;
    return (filter[h >> 6] >> (h & 63)) & 1u;
  }
  void set_start(std::uint32_t window) {
    const std::uint32_t h = (window * 0x9E3779B1u) >> filter_shift;
    filter[h >> 6] |= std::uint64_t{1} << (h & 63);
  }
};

}  // namespace detail

// Hidden: a class nested in an exported class is exported by default.
struct __attribute__((visibility("hidden"))) Gazetteer::Impl {
  std::vector<GazetteerEntity> entities;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> entity_index;
  std::vector<detail::AliasRec> aliases;
  std::unordered_set<std::string> seen;  // entity index + case flag + key

  mutable std::mutex mutex;
  mutable std::atomic<bool> compiled{false};
  mutable detail::Compiled c;

  // The automaton (gazetteer_matcher.cpp).
  void compile() const;
  const detail::Compiled& ready() const;
  EntityMatch make_match(std::uint32_t alias, std::size_t begin, std::size_t end) const;

  // The dictionary (gazetteer.cpp).
  static std::string seen_key(std::uint32_t entity, bool cs, std::string_view key);
  Status prepare(std::uint32_t entity, std::span<const GazetteerAlias> list,
                 std::vector<detail::AliasRec>& out, std::unordered_set<std::string>& batch_seen,
                 std::string_view field_prefix) const;
  Status add_entities(std::span<const GazetteerEntity> list, std::span<const std::size_t> offsets,
                      bool from_json);
};

}  // namespace digest
