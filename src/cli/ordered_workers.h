// OrderedWorkers: runs `work(index, worker, &result)` for the indexes
// 0..count-1 on a few threads and hands the results back in index order.
// At most `window` indexes are started but not yet taken, so memory stays
// bounded however large `count` is. With one thread nothing is started in
// the background: Take() runs the work on the caller's thread. Stop() lets
// the work already started finish and starts nothing new; the destructor
// stops and joins. `work` must not throw.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace kith {

template <typename Result>
class OrderedWorkers {
 public:
  using Work = std::function<void(std::size_t index, int worker, Result* out)>;

  OrderedWorkers(std::size_t count, int threads, std::size_t window, Work work)
      : count_(count), window_(window < 1 ? 1 : window), work_(std::move(work)) {
    if (threads <= 1) return;
    for (int t = 0; t < threads; ++t) threads_.emplace_back([this, t] { Run(t); });
  }
  ~OrderedWorkers() {
    Stop();
    for (std::thread& t : threads_) t.join();
  }
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  // The result of the next index in order; false when every index was taken
  // (or, after Stop(), when the next one was never started).
  bool Take(Result* out) {
    if (next_take_ >= count_) return false;
    if (threads_.empty()) {
      if (stopped_) return false;
      work_(next_take_++, 0, out);
      return true;
    }
    std::unique_lock<std::mutex> lock(mu_);
    taker_.wait(lock, [&] { return ready_.count(next_take_) > 0 || (stopped_ && next_take_ >= next_start_); });
    auto it = ready_.find(next_take_);
    if (it == ready_.end()) return false;
    *out = std::move(it->second);
    ready_.erase(it);
    ++next_take_;
    workers_.notify_all();
    return true;
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopped_ = true;
    }
    workers_.notify_all();
    taker_.notify_all();
  }

 private:
  void Run(int worker) {
    while (true) {
      std::size_t index = 0;
      {
        std::unique_lock<std::mutex> lock(mu_);
        workers_.wait(lock, [&] { return stopped_ || next_start_ >= count_ || next_start_ < next_take_ + window_; });
        if (stopped_ || next_start_ >= count_) return;
        index = next_start_++;
      }
      Result result;
      work_(index, worker, &result);
      {
        std::lock_guard<std::mutex> lock(mu_);
        ready_.emplace(index, std::move(result));
      }
      taker_.notify_all();
    }
  }

  const std::size_t count_;
  const std::size_t window_;
  Work work_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable workers_;  // a slot in the window opened, or stop
  std::condition_variable taker_;    // a result arrived, or stop
  std::map<std::size_t, Result> ready_;
  std::size_t next_start_ = 0;
  std::size_t next_take_ = 0;  // written by the taker only; read under mu_ by workers
  bool stopped_ = false;
};

}  // namespace kith
