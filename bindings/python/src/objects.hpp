// The Python-side owners of digestcore's mutable objects, and the rules that
// make them safe to share between Python threads and impossible to dangle.
//
// Locks. Each mutable object (Collection, SourceRegistry, OutletList,
// Gazetteer) carries a reader–writer lock: calls that change it take the
// lock exclusively, calls that read it take it shared. Rules:
//  1. Release the GIL, then take the lock (never block on a lock while
//     holding the GIL; a try_lock that cannot block is allowed — it is the
//     fast path of with_shared/with_exclusive).
//  2. Run no Python code while holding a lock: copy the C++ data out, unlock,
//     then build Python objects. (Building a Python object can run a
//     finalizer that calls back into the same object; with the lock held
//     that would deadlock.) Errors are turned into exceptions after unlocking.
//  3. Several locks are taken together through LockSet, in address order.
//
// Lifetimes. Nothing handed to Python points into a container that can
// change: a Post from a collection is a view (the collection, kept alive by
// a shared_ptr, and the post's index — posts are never removed or moved, so
// the index stays valid); a Post of a Digest is a read-only snapshot kept
// alive with the digest; a Source handed out is a read-only copy.
#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "digest/attribution.hpp"
#include "digest/digest.hpp"
#include "digest/entities.hpp"
#include "digest/model.hpp"
#include "digest/sources.hpp"

namespace digest::python {

// ---- locks -----------------------------------------------------------------

// Up to four locks, each shared or exclusive, taken in address order (the
// same mutex named twice is taken once, exclusively if either asks so).
// lock() must be called with the GIL released; the destructor unlocks.
class LockSet {
 public:
  LockSet() = default;
  LockSet(const LockSet&) = delete;
  LockSet& operator=(const LockSet&) = delete;
  ~LockSet() { unlock(); }

  LockSet& shared(const std::shared_mutex& m) { return add(m, false); }
  LockSet& exclusive(const std::shared_mutex& m) { return add(m, true); }

  void lock() {
    std::sort(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(n_),
              [](const Item& a, const Item& b) { return std::less<>()(a.m, b.m); });
    std::size_t w = 0;
    for (std::size_t i = 0; i < n_; ++i) {
      if (w > 0 && items_[w - 1].m == items_[i].m) {
        items_[w - 1].exclusive |= items_[i].exclusive;
      } else {
        items_[w++] = items_[i];
      }
    }
    n_ = w;
    for (std::size_t i = 0; i < n_; ++i) {
      if (items_[i].exclusive) items_[i].m->lock();
      else items_[i].m->lock_shared();
      locked_ = i + 1;
    }
  }

  void unlock() {
    while (locked_ > 0) {
      --locked_;
      if (items_[locked_].exclusive) items_[locked_].m->unlock();
      else items_[locked_].m->unlock_shared();
    }
  }

 private:
  struct Item {
    std::shared_mutex* m = nullptr;
    bool exclusive = false;
  };
  LockSet& add(const std::shared_mutex& m, bool exclusive) {
    if (n_ == items_.size()) throw std::logic_error("LockSet: too many locks");
    items_[n_++] = Item{const_cast<std::shared_mutex*>(&m), exclusive};
    return *this;
  }
  std::array<Item, 4> items_{};
  std::size_t n_ = 0;
  std::size_t locked_ = 0;
};

// Runs f() (C++ only: no Python objects, no raise_error) under a shared lock
// of m. Takes the lock without releasing the GIL when it is free (cheap
// reads stay cheap); otherwise releases the GIL and waits.
template <class F>
auto with_shared(const std::shared_mutex& m, F&& f) -> decltype(f()) {
  auto& mu = const_cast<std::shared_mutex&>(m);
  if (mu.try_lock_shared()) {
    std::shared_lock<std::shared_mutex> lock(mu, std::adopt_lock);
    return f();
  }
  py::gil_scoped_release nogil;
  std::shared_lock<std::shared_mutex> lock(mu);
  return f();
}

// As with_shared, exclusively.
template <class F>
auto with_exclusive(const std::shared_mutex& m, F&& f) -> decltype(f()) {
  auto& mu = const_cast<std::shared_mutex&>(m);
  if (mu.try_lock()) {
    std::unique_lock<std::shared_mutex> lock(mu, std::adopt_lock);
    return f();
  }
  py::gil_scoped_release nogil;
  std::unique_lock<std::shared_mutex> lock(mu);
  return f();
}

// Heavy work (imports, exports, digests, matching): always with the GIL
// released, so other Python threads run meanwhile.
template <class F>
auto nogil_shared(const std::shared_mutex& m, F&& f) -> decltype(f()) {
  py::gil_scoped_release nogil;
  std::shared_lock<std::shared_mutex> lock(const_cast<std::shared_mutex&>(m));
  return f();
}
template <class F>
auto nogil_exclusive(const std::shared_mutex& m, F&& f) -> decltype(f()) {
  py::gil_scoped_release nogil;
  std::unique_lock<std::shared_mutex> lock(const_cast<std::shared_mutex&>(m));
  return f();
}

// A broken invariant of the bindings (never expected); InternalError in Python.
struct BindingBug : std::logic_error {
  using std::logic_error::logic_error;
};

// ---- the objects -----------------------------------------------------------

// digestcore.Collection. Posts are only ever appended (no binding removes,
// clears or reorders them), which is what keeps a view's index valid.
struct PyCollection {
  Collection c;
  mutable std::shared_mutex mu;

  // Post `i`; the caller holds mu (either way).
  const Post& post(std::size_t i) const {
    if (i >= c.size()) throw BindingBug("post view past the end of its collection");
    return c.posts()[i];
  }
  // Post `i` to change; the caller holds mu exclusively.
  Post& mutable_post(std::size_t i) {
    const Post& p = post(i);
    Post* q = c.find_post(std::string_view(p.id));
    if (!q) throw BindingBug("post view whose id is not in its collection");
    return *q;
  }
  // The index of post `id`, or nullopt; the caller holds mu.
  std::optional<std::size_t> index_of(std::string_view id) const {
    const Post* p = c.find_post(id);
    if (!p) return std::nullopt;
    return static_cast<std::size_t>(p - c.posts().data());
  }
};

// digestcore.Post: one of
//  - a standalone post (made in Python, or a copy): `own`, changeable;
//  - a live view of post `index` of `coll`: reads see the collection's
//    current post; assignments change it (under the collection's lock); its
//    id cannot change;
//  - a read-only snapshot (a post of a Digest): `snapshot`, which keeps the
//    digest alive; assignments raise AttributeError.
struct PyPost {
  std::shared_ptr<Post> own;
  std::shared_ptr<PyCollection> coll;
  std::size_t index = 0;
  std::shared_ptr<const Post> snapshot;

  static PyPost standalone(Post p) {
    PyPost out;
    out.own = std::make_shared<Post>(std::move(p));
    return out;
  }
  static PyPost view(std::shared_ptr<PyCollection> c, std::size_t i) {
    PyPost out;
    out.coll = std::move(c);
    out.index = i;
    return out;
  }
  static PyPost frozen(std::shared_ptr<const Post> p) {
    PyPost out;
    out.snapshot = std::move(p);
    return out;
  }

  // f(const Post&) → a C++ value, read under the collection's shared lock
  // for a view.
  template <class F>
  auto read(F&& f) const -> decltype(f(std::declval<const Post&>())) {
    if (coll) return with_shared(coll->mu, [&] { return f(coll->post(index)); });
    return f(own ? *own : *snapshot);
  }
  // A copy of the whole post.
  Post copy() const {
    return read([](const Post& p) { return p; });
  }
  // f(Post&) applied where the post lives; AttributeError for a snapshot
  // (and, when `field` is "id", for a view).
  template <class F>
  void write(const char* field, F&& f) {
    check_writable(field);
    if (coll) {
      with_exclusive(coll->mu, [&] { f(coll->mutable_post(index)); });
      return;
    }
    f(*own);
  }
  void check_writable(const char* field) const;
};

// digestcore.Source: a value. Sources handed out by a Collection, a
// SourceRegistry or a Digest are read-only copies (`frozen`), so that an
// assignment to one is never silently lost.
struct PySource {
  Source s;
  bool frozen = false;
  static PySource copy_of(const Source& s) { return PySource{s, true}; }
  void check_writable(const char* field) const;
};

// digestcore.OutletLookup: anything attribution parsing can ask for outlets.
struct PyOutletLookup {
  virtual ~PyOutletLookup() = default;
  virtual const OutletLookup& lookup() const = 0;
  mutable std::shared_mutex mu;
};

struct PySourceRegistry final : PyOutletLookup {
  SourceRegistry r;
  PySourceRegistry() = default;
  explicit PySourceRegistry(SourceRegistry reg) : r(std::move(reg)) {}
  const OutletLookup& lookup() const override { return r; }
};

struct PyOutletList final : PyOutletLookup {
  SimpleOutletList l;
  const OutletLookup& lookup() const override { return l; }
};

struct PyGazetteer {
  Gazetteer g;
  mutable std::shared_mutex mu;
  // The Python strs of entity ids and alias texts that find() has handed
  // out, by index: the dictionary only grows and never changes the id or
  // text at an index, so one str serves every match. Touched only with the
  // GIL held (and freed with it: the owner is the Python object).
  mutable std::vector<py::object> entity_str, alias_str;
  PyGazetteer() = default;
  explicit PyGazetteer(Gazetteer gz) : g(std::move(gz)) {}
};

// The `sources` argument of the attribution calls: None, an OutletLookup
// (OutletList, SourceRegistry), a dict {id: name or [names]}, or an iterable
// of digestcore.Source. Built with the GIL held; `mu`, when set, is the
// lock to hold shared while `lookup` is used.
struct LookupArg {
  std::unique_ptr<SimpleOutletList> own;
  const OutletLookup* lookup = nullptr;
  const std::shared_mutex* mu = nullptr;
  py::object keep;  // keeps a Python-owned lookup alive during the call

  explicit LookupArg(const py::object& sources);
};

}  // namespace digest::python
