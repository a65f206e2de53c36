#include "model/id_set.hpp"

#include <xxhash.h>

#include "text/url.hpp"

namespace digest::detail {

IdSet::Digest IdSet::digest_of(std::string_view id) noexcept {
  XXH128_hash_t h = XXH3_128bits(id.data(), id.size());
  Digest d{h.low64, h.high64};
  if (d == Digest{}) d.low = 1;  // (0, 0) marks an empty slot
  return d;
}

std::size_t IdSet::slot_of(const Digest& d) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = d.high & mask;
  while (!(slots_[i] == Digest{}) && !(slots_[i] == d)) i = (i + 1) & mask;
  return i;
}

void IdSet::grow() {
  std::vector<Digest> old(slots_.empty() ? 64 : slots_.size() * 2);
  old.swap(slots_);
  for (const Digest& d : old)
    if (!(d == Digest{})) slots_[slot_of(d)] = d;
}

bool IdSet::insert(std::string_view id) {
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();
  const Digest d = digest_of(id);
  Digest& slot = slots_[slot_of(d)];
  if (slot == d) return false;
  slot = d;
  ++size_;
  return true;
}

bool IdSet::contains(std::string_view id) const {
  if (slots_.empty()) return false;
  const Digest d = digest_of(id);
  return slots_[slot_of(d)] == d;
}

bool SeenPosts::add(const Post& p, bool by_url) {
  if (!ids_.insert(p.id)) return false;
  if (!by_url) return true;
  const std::string key = canonical_url(p.url);
  return key.empty() || urls_.insert(key);
}

void IdSet::clear() noexcept {
  slots_.clear();
  slots_.shrink_to_fit();
  size_ = 0;
}

}  // namespace digest::detail
