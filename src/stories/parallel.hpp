// Internal: a blocking parallel loop over [0, n) on plain threads. The
// stories floor has no long-lived pool: a call that needs threads starts
// them and joins them before it returns, so nothing outlives the call.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace digest::stories_detail {

inline std::size_t thread_count(std::size_t asked, std::size_t work, std::size_t per_thread) {
  std::size_t t = asked ? asked : std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min(t, work / std::max<std::size_t>(1, per_thread)));
}

// Calls f(begin, end) on chunks of [0, n) of `chunk` items, from `threads`
// threads (the caller's among them). The first exception is rethrown here.
template <class F>
void parallel_chunks(std::size_t n, std::size_t threads, std::size_t chunk, F&& f) {
  if (n == 0) return;
  chunk = std::max<std::size_t>(1, chunk);
  if (threads <= 1 || n <= chunk) {
    f(std::size_t{0}, n);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mu;
  auto work = [&] {
    try {
      for (;;) {
        const std::size_t b = next.fetch_add(chunk);
        if (b >= n) return;
        f(b, std::min(n, b + chunk));
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mu);
      if (!error) error = std::current_exception();
      next = n;
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace digest::stories_detail
