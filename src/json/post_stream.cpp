// PostStream: a pull face over a streamed import (json.hpp). The importers
// push posts (ImportOptions::on_post); a caller that pulls gets them through
// a small queue of batches filled by a thread that runs import_file.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "digest/json.hpp"

namespace digest {

namespace {

constexpr std::size_t kBatchesWaiting = 2;

struct Cancelled {};  // thrown by on_post to unwind an import nobody reads

}  // namespace

// Hidden: a class nested in an exported class is exported by default.
struct __attribute__((visibility("hidden"))) PostStream::State {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<Post>> ready;  // full batches, oldest first
  std::vector<Post> current;            // the batch being read by the caller
  std::size_t current_at = 0;
  bool done = false, cancelled = false;
  std::optional<Error> error;
  std::exception_ptr exception;  // from a callback of the caller's
  bool threw = false;            // the import ended with an exception
  ImportReport report;
  Collection sources;
  std::thread worker;

  // The worker: one import, its posts handed over a batch at a time.
  void run(std::string path, ImportOptions options, std::size_t batch_size) {
    std::vector<Post> filling;
    filling.reserve(batch_size);
    auto hand_over = [&] {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return ready.size() < kBatchesWaiting || cancelled; });
      if (cancelled) throw Cancelled{};
      ready.push_back(std::move(filling));
      changed.notify_all();
      filling = {};
      filling.reserve(batch_size);
    };
    options.on_post = [&](Post&& p) {
      filling.push_back(std::move(p));
      if (filling.size() >= batch_size) hand_over();
    };
    auto user_stop = std::move(options.should_stop);
    options.should_stop = [this, user_stop] {
      {
        std::lock_guard lock(mutex);
        if (cancelled) return true;
      }
      return user_stop && user_stop();
    };
    std::optional<Error> failure;
    std::exception_ptr thrown;
    try {
      Result<ImportReport> r = import_file(sources, path, options);
      if (r.ok()) {
        if (!filling.empty()) hand_over();
        report = std::move(r).value();
      } else {
        if (!filling.empty()) hand_over();  // the posts read before the error come first
        failure = std::move(r).error();
      }
    } catch (const Cancelled&) {
    } catch (...) {
      thrown = std::current_exception();
      // As with an error: the posts read before it come first.
      try {
        if (!filling.empty()) hand_over();
      } catch (...) {  // cancelled meanwhile: nobody reads them
      }
    }
    std::lock_guard lock(mutex);
    error = std::move(failure);
    exception = thrown;
    threw = thrown != nullptr;
    done = true;
    changed.notify_all();
  }

  // Makes `current` hold unread posts; false at the end (or an error).
  bool refill() {
    if (current_at < current.size()) return true;
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return !ready.empty() || done; });
    if (ready.empty()) return false;
    current = std::move(ready.front());
    ready.pop_front();
    current_at = 0;
    changed.notify_all();
    return true;
  }

  Status end_status() {
    // The exception is rethrown once; after it the stream stays failed.
    if (exception) std::rethrow_exception(std::exchange(exception, nullptr));
    if (threw) return Error(ErrorCode::internal, "the import ended with an exception");
    if (error) return *error;
    return {};
  }
};

PostStream::PostStream(std::string path, ImportOptions options, std::size_t batch)
    : state_(std::make_unique<State>()) {
  if (batch == 0) batch = 1;
  State* s = state_.get();
  s->worker = std::thread([s, path = std::move(path), options = std::move(options), batch]() mutable {
    s->run(std::move(path), std::move(options), batch);
  });
}

PostStream::PostStream(PostStream&&) noexcept = default;
PostStream& PostStream::operator=(PostStream&& other) noexcept {
  if (this != &other) {
    PostStream dying(std::move(*this));
    state_ = std::move(other.state_);
  }
  return *this;
}

PostStream::~PostStream() {
  if (!state_) return;
  {
    std::lock_guard lock(state_->mutex);
    state_->cancelled = true;
  }
  state_->changed.notify_all();
  if (state_->worker.joinable()) state_->worker.join();
}

Result<std::optional<Post>> PostStream::next() {
  if (!state_) return Error(ErrorCode::invalid_argument, "the stream was moved from");
  if (!state_->refill()) {
    if (Status st = state_->end_status(); !st) return std::move(st).error();
    return std::optional<Post>{};
  }
  return std::optional<Post>(std::move(state_->current[state_->current_at++]));
}

Result<std::size_t> PostStream::next_batch(std::vector<Post>& out, std::size_t max) {
  if (!state_) return Error(ErrorCode::invalid_argument, "the stream was moved from");
  std::size_t n = 0;
  while (n < max && state_->refill()) {
    State& s = *state_;
    std::size_t take = std::min(max - n, s.current.size() - s.current_at);
    for (std::size_t i = 0; i < take; ++i) out.push_back(std::move(s.current[s.current_at++]));
    n += take;
  }
  if (n == 0)
    if (Status st = state_->end_status(); !st) return std::move(st).error();
  return n;
}

const ImportReport* PostStream::report() const {
  if (!state_) return nullptr;
  std::lock_guard lock(state_->mutex);
  return state_->done && !state_->error && !state_->threw && state_->ready.empty() &&
                 state_->current_at >= state_->current.size()
             ? &state_->report
             : nullptr;
}

const Collection* PostStream::sources() const { return report() ? &state_->sources : nullptr; }

}  // namespace digest
