// libFuzzer entry point; the body is kith::fuzz::FuzzDates (fuzz_targets.h).
#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kith::fuzz::FuzzDates(data, size);
}
