// ICU objects that only one thread at a time may use (BreakIterator,
// Transliterator): each is built once as a process-wide prototype, and each
// thread uses a clone of it. Clones are lent from a pool: a thread takes one
// on first use and gives it back when it ends, so that a new thread (a worker
// pool's, a notebook's executor) reuses a clone instead of making one
// (cloning Any-Latin costs about 0.1 ms). Internal to the normaliser
// (tokens.cpp, transliterate.cpp).
#pragma once

#include <unicode/utypes.h>

#include <mutex>
#include <utility>
#include <vector>

namespace digest::detail {

template <class T>
class ClonePool {
 public:
  explicit ClonePool(T* prototype) : prototype_(prototype) {}
  T* take() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return prototype_->clone();
    T* t = free_.back();
    free_.pop_back();
    return t;
  }
  void give(T* t) {
    std::lock_guard lock(mutex_);
    free_.push_back(t);
  }

 private:
  T* prototype_;
  std::mutex mutex_;
  std::vector<T*> free_;
};

// This thread's clone of the prototype `make(status)` builds; null when ICU
// cannot build it. One prototype and pool per `Make` type, so each call site
// passes a lambda of its own. Prototypes and pools are never destroyed:
// threads may end after static destructors have run.
template <class T, class Make>
T* lent_clone(Make make) {
  static ClonePool<T>* pool = [&]() -> ClonePool<T>* {
    UErrorCode status = U_ZERO_ERROR;
    T* prototype = make(status);
    if (U_FAILURE(status) || !prototype) {
      delete prototype;
      return nullptr;
    }
    return new ClonePool<T>(prototype);
  }();
  if (!pool) return nullptr;
  struct Lease {
    ClonePool<T>* pool = nullptr;
    T* t = nullptr;
    ~Lease() {
      if (t) pool->give(std::exchange(t, nullptr));  // a later use on this thread clones anew
    }
  };
  thread_local Lease lease;
  if (!lease.t) {
    lease.pool = pool;
    lease.t = pool->take();
  }
  return lease.t;
}

}  // namespace digest::detail
