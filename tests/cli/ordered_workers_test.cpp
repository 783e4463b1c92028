#include "cli/ordered_workers.h"

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

namespace kith {
namespace {

// Work whose duration varies with the index, so results finish out of order.
void SlowSquare(std::size_t index, int, std::size_t* out) {
  std::this_thread::sleep_for(std::chrono::microseconds((index * 7919) % 500));
  *out = index * index;
}

TEST_CASE("OrderedWorkers hands results back in index order", "[cli]") {
  for (int threads : {1, 2, 4}) {
    INFO("threads " << threads);
    OrderedWorkers<std::size_t> workers(200, threads, 3, SlowSquare);
    std::size_t result = 0;
    std::size_t taken = 0;
    while (workers.Take(&result)) {
      CHECK(result == taken * taken);
      ++taken;
    }
    CHECK(taken == 200);
  }
}

TEST_CASE("OrderedWorkers starts at most a window of work ahead of the taker", "[cli]") {
  std::atomic<std::size_t> started{0};
  std::atomic<std::size_t> taken{0};
  std::atomic<bool> overrun{false};
  const std::size_t window = 4;
  OrderedWorkers<int> workers(100, 3, window, [&](std::size_t index, int, int* out) {
    ++started;
    // The taker may have taken one more than it has counted yet.
    if (index >= taken.load() + 1 + window) overrun = true;
    *out = static_cast<int>(index);
  });
  int result = 0;
  while (workers.Take(&result)) {
    ++taken;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  CHECK_FALSE(overrun.load());
  CHECK(started.load() == 100);
}

TEST_CASE("OrderedWorkers::Stop ends the run after a prefix", "[cli]") {
  for (int threads : {1, 2}) {
    INFO("threads " << threads);
    OrderedWorkers<std::size_t> workers(1000, threads, 4, SlowSquare);
    std::size_t result = 0;
    std::size_t taken = 0;
    while (workers.Take(&result)) {
      CHECK(result == taken * taken);
      if (++taken == 10) workers.Stop();
    }
    CHECK(taken >= 10);
    CHECK(taken <= 10 + 4);  // what was started before Stop() may still be handed back
  }
}

TEST_CASE("OrderedWorkers with nothing to do returns at once", "[cli]") {
  OrderedWorkers<int> workers(0, 2, 4, [](std::size_t, int, int* out) { *out = 1; });
  int result = 0;
  CHECK_FALSE(workers.Take(&result));
}

}  // namespace
}  // namespace kith
