// Double-array construction: depth-first over the sorted keys; a state
// with a single key below it keeps the rest of that key as a tail; other
// states' children are placed at the first base where all their cells are
// free (first fit over a linked list of free cells). Cells that keep failing
// to fit are dropped from the list so the search stays short on big tries.
#include "entities/trie.hpp"

#include <algorithm>
#include <deque>
#include <cstring>
#include <stdexcept>

namespace digest::detail {

namespace {

constexpr std::int32_t kFree = -1;
constexpr std::int32_t kRootCheck = -2;
constexpr int kMaxFailures = 8;  // a free cell tried this often leaves the list

class Builder {
 public:
  explicit Builder(std::size_t expected) { grow(std::max<std::size_t>(expected + 512, 1024)); }

  // Finds a base where every label in `labels` (0..256, ascending) lands on a
  // free cell, and takes those cells for parent `parent`.
  std::int32_t place(std::int32_t parent, const std::vector<int>& labels) {
    const int first = labels.front();
    std::int32_t cell = head_;
    for (;;) {
      if (cell < 0) {  // list exhausted: grow and continue from the new cells
        std::size_t old = check_.size();
        grow(old * 2);
        cell = static_cast<std::int32_t>(old);
        while (cell >= 0 && check_[cell] != kFree) cell = next_[cell];
        if (cell < 0) throw std::logic_error("double-array: no free cell after growth");
      }
      std::int32_t next_cell;
      if (cell - first >= 0) {
        const std::int32_t base = cell - first;
        ensure(static_cast<std::size_t>(base) + 258);
        next_cell = next_[cell];  // after ensure: growth may have appended cells
        bool fits = true;
        for (int l : labels) {
          if (check_[base + l] != kFree) {
            fits = false;
            break;
          }
        }
        if (fits) {
          for (int l : labels) take(base + l, parent);
          max_base_ = std::max(max_base_, static_cast<std::size_t>(base));
          return base;
        }
      } else {
        next_cell = next_[cell];
      }
      if (++failures_[cell] >= kMaxFailures) unlink(cell);
      cell = next_cell;
    }
  }

  void set_root() { take(0, kRootCheck); }

  std::vector<std::int32_t> base_;
  std::vector<std::int32_t> check_;
  std::size_t max_used_ = 0;
  std::size_t max_base_ = 0;

 private:
  void grow(std::size_t n) {
    std::size_t old = check_.size();
    if (n <= old) return;
    base_.resize(n, 0);
    check_.resize(n, kFree);
    next_.resize(n, -1);
    prev_.resize(n, -1);
    failures_.resize(n, 0);
    // Append [old, n) to the free list, in order.
    for (std::size_t i = old; i < n; ++i) {
      prev_[i] = tail_;
      next_[i] = -1;
      if (tail_ >= 0) next_[tail_] = static_cast<std::int32_t>(i);
      else head_ = static_cast<std::int32_t>(i);
      tail_ = static_cast<std::int32_t>(i);
      linked_.push_back(true);
    }
  }
  void ensure(std::size_t n) {
    if (n > check_.size()) grow(std::max(n, check_.size() * 2));
  }
  void unlink(std::int32_t c) {
    if (!linked_[c]) return;
    linked_[c] = false;
    if (prev_[c] >= 0) next_[prev_[c]] = next_[c];
    else head_ = next_[c];
    if (next_[c] >= 0) prev_[next_[c]] = prev_[c];
    else tail_ = prev_[c];
  }
  void take(std::int32_t c, std::int32_t parent) {
    check_[c] = parent;
    unlink(c);
    max_used_ = std::max(max_used_, static_cast<std::size_t>(c));
  }

  std::vector<std::int32_t> next_, prev_;
  std::vector<std::uint8_t> failures_;
  std::vector<bool> linked_;
  std::int32_t head_ = -1, tail_ = -1;
};

}  // namespace

void DoubleArrayTrie::clear() {
  units_.clear();
  units_.shrink_to_fit();
  tails_.clear();
  tails_.shrink_to_fit();
  states_ = 0;
}

void DoubleArrayTrie::build(std::vector<Entry> entries) {
  clear();
  if (entries.empty()) return;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  std::size_t total = 0;
  for (const Entry& e : entries) total += e.key.size();

  Builder b(total + entries.size());
  b.set_root();

  struct Node {
    std::int32_t state;
    std::uint32_t lo, hi;  // entries [lo, hi) share the first `depth` bytes
    std::uint32_t depth;
  };
  std::deque<Node> queue;
  queue.push_back({0, 0, static_cast<std::uint32_t>(entries.size()), 0});
  std::vector<int> labels;
  std::vector<std::uint32_t> starts;
  std::vector<unsigned char> tails;
  std::size_t states = 1;
  while (!queue.empty()) {
    // Depth first: a key's chain of states is placed in nearby cells, so a
    // walk touches few cache lines.
    Node n = queue.back();
    queue.pop_back();
    if (n.hi - n.lo == 1 && entries[n.lo].key.size() > n.depth) {
      // One key below this state: keep the rest of it as a tail.
      const std::string_view rest = entries[n.lo].key.substr(n.depth);
      const std::size_t offset = tails.size();
      if (offset + rest.size() + 8 > static_cast<std::size_t>(INT32_MAX))
        throw std::length_error("double-array: tails over 2 GiB");
      const auto len = static_cast<std::uint32_t>(rest.size());
      const std::uint32_t value = entries[n.lo].value;
      tails.resize(offset + 8 + rest.size());
      std::memcpy(tails.data() + offset, &len, 4);
      std::memcpy(tails.data() + offset + 4, rest.data(), rest.size());
      std::memcpy(tails.data() + offset + 4 + rest.size(), &value, 4);
      b.base_[n.state] = -static_cast<std::int32_t>(offset) - 1;
      continue;
    }
    labels.clear();
    starts.clear();
    std::uint32_t i = n.lo;
    std::int64_t terminal_value = -1;
    if (entries[i].key.size() == n.depth) {  // sorted: the key ending here comes first
      labels.push_back(0);
      starts.push_back(i);
      terminal_value = entries[i].value;
      ++i;
    }
    while (i < n.hi) {
      const unsigned char c = static_cast<unsigned char>(entries[i].key[n.depth]);
      labels.push_back(c + 1);
      starts.push_back(i);
      ++i;
      while (i < n.hi && static_cast<unsigned char>(entries[i].key[n.depth]) == c) ++i;
    }
    starts.push_back(n.hi);
    const std::int32_t base = b.place(n.state, labels);
    b.base_[n.state] = base;
    for (std::size_t k = labels.size(); k-- > 0;) {  // reversed: popped in label order
      const std::int32_t child = base + labels[k];
      if (labels[k] == 0) {
        b.base_[child] = static_cast<std::int32_t>(terminal_value);
      } else {
        ++states;
        queue.push_back({child, starts[k], starts[k + 1], n.depth + 1});
      }
    }
  }

  // Every transition index base + 256 of a state must be in range.
  const std::size_t size = std::max(b.max_used_ + 1, b.max_base_ + 258);
  units_.resize(size, Unit{0, kFree});
  tails_ = std::move(tails);
  const std::size_t have = std::min(size, b.check_.size());
  for (std::size_t k = 0; k < have; ++k) units_[k] = Unit{b.base_[k], b.check_[k]};
  states_ = states;
}

std::int64_t DoubleArrayTrie::find(std::string_view key) const noexcept {
  std::int64_t found = -1;
  const auto* p = reinterpret_cast<const unsigned char*>(key.data());
  prefixes(
      p, 0, key.size(), [&](std::size_t k) { return k == key.size(); },
      [&](std::size_t, std::uint32_t v) { found = v; });
  return found;
}

}  // namespace digest::detail
