// A set of ids kept as 128-bit digests (XXH3-128) in one open-addressing
// table: 16 bytes per id whatever its length, for the passes that must spot
// a repeated id without keeping the records (checking, streaming). Two
// distinct ids share a digest with probability about n^2 / 2^129 (1e-27 for
// a million ids). Internal to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "digest/model.hpp"

namespace digest::detail {

class IdSet {
 public:
  // false when the id was already there.
  bool insert(std::string_view id);
  bool contains(std::string_view id) const;
  std::size_t size() const noexcept { return size_; }
  void clear() noexcept;

 private:
  struct Digest {
    std::uint64_t low = 0, high = 0;  // (0, 0): an empty slot
    bool operator==(const Digest&) const = default;
  };
  static Digest digest_of(std::string_view id) noexcept;
  std::size_t slot_of(const Digest& d) const noexcept;  // its slot or the empty one it would take
  void grow();

  std::vector<Digest> slots_;  // a power of two long, at most 3/4 full
  std::size_t size_ = 0;
};

// The posts an import met but did not keep (checking, streaming), as the
// importers (JSON and feeds) need them to find duplicates: the ids, and,
// when posts are also matched by canonical URL (a streamed keep_first), the
// URLs, as digests. It answers as an import that keeps its posts does: ids
// repeated within the input are resolved first, URLs after, so a post that
// repeats an earlier URL still holds its id.
class SeenPosts {
 public:
  // Records `p`; false when it repeats a post met before, by id or (with
  // `by_url`) by canonical URL.
  bool add(const Post& p, bool by_url);
  bool has_id(std::string_view id) const { return ids_.contains(id); }

 private:
  IdSet ids_, urls_;
};

}  // namespace digest::detail
