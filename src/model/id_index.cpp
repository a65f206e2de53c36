// The Collection's id index (model.hpp, detail::IdIndex). Replaces a
// node-based std::unordered_map: one allocation for the table instead of one
// per id, no copy of the id, and probes that stay within a cache line.
#include <xxhash.h>

#include <bit>
#include <random>
#include <stdexcept>

#include "digest/model.hpp"

namespace digest::detail {

namespace {

constexpr std::uint64_t kPositionMask = 0xffffffffu;
constexpr std::size_t kMinSlots = 16;

std::uint64_t slot_of(std::size_t position, std::uint64_t hash) noexcept {
  return (hash & ~kPositionMask) | (position + 1);
}

// The table's slots for `entries` entries: a power of two, at most 3/4 full.
std::size_t slots_for(std::size_t entries) {
  std::size_t need = entries + entries / 3 + 1;
  return std::bit_ceil(need < kMinSlots ? kMinSlots : need);
}

// Seeded once per process, so that ids crafted to collide (hash flooding)
// cannot be prepared in advance; nothing observable depends on the hash.
std::uint64_t process_seed() {
  std::random_device device;
  return (std::uint64_t(device()) << 32) ^ device();
}
const std::uint64_t kSeed = process_seed();

}  // namespace

std::uint64_t IdIndex::hash(std::string_view id) noexcept {
  return XXH3_64bits_withSeed(id.data(), id.size(), kSeed);
}

template <class T>
std::size_t IdIndex::find(std::string_view id, std::uint64_t hash, const std::vector<T>& items) const {
  if (slots_.empty()) return npos;
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t fingerprint = hash & ~kPositionMask;
  for (std::size_t i = (hash >> 32) & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return npos;
    if ((slot & ~kPositionMask) == fingerprint) {
      const std::size_t position = (slot & kPositionMask) - 1;
      if (items[position].id == id) return position;
    }
  }
}

void IdIndex::reserve(std::size_t entries) {
  if (entries > kPositionMask - 1) throw std::length_error("more than 4 294 967 294 ids in one collection");
  if (entries + entries / 3 < slots_.size()) return;
  std::vector<std::uint64_t> bigger(slots_for(entries));
  const std::size_t mask = bigger.size() - 1;
  for (std::uint64_t slot : slots_) {
    if (slot == 0) continue;
    std::size_t i = (slot >> 32) & mask;
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = slot;
  }
  slots_.swap(bigger);
}

void IdIndex::insert(std::size_t position, std::uint64_t hash) noexcept {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = (hash >> 32) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = slot_of(position, hash);
  ++size_;
}

void IdIndex::clear() noexcept {
  slots_.clear();
  slots_.shrink_to_fit();
  size_ = 0;
}

template std::size_t IdIndex::find(std::string_view, std::uint64_t, const std::vector<Post>&) const;
template std::size_t IdIndex::find(std::string_view, std::uint64_t, const std::vector<Source>&) const;

}  // namespace digest::detail
