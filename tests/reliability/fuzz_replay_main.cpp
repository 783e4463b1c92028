// kith_fuzz_replay TARGET PATH...: runs the fuzz target TARGET (reader,
// rule_parser or dates; fuzz/fuzz_targets.h) once over every file given, and
// over every file of every directory given. Built in the ordinary build (and
// the ASan+UBSan one), without libFuzzer, so that ctest replays the seed
// corpus and the past findings on every run. Exits 0 when all ran (a broken
// invariant or a sanitizer report aborts), 2 on bad arguments.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.h"

namespace {

using Target = int (*)(const std::uint8_t*, std::size_t);

Target Find(const std::string& name) {
  if (name == "reader") return &kith::fuzz::FuzzReader;
  if (name == "rule_parser") return &kith::fuzz::FuzzRuleParser;
  if (name == "dates") return &kith::fuzz::FuzzDates;
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  const Target target = argc >= 2 ? Find(argv[1]) : nullptr;
  if (target == nullptr) {
    std::fprintf(stderr, "usage: kith_fuzz_replay reader|rule_parser|dates PATH...\n");
    return 2;
  }
  std::vector<std::string> files;
  for (int i = 2; i < argc; ++i) {
    std::error_code ec;
    if (std::filesystem::is_directory(argv[i], ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(argv[i])) {
        if (entry.is_regular_file()) files.push_back(entry.path().string());
      }
    } else if (std::filesystem::exists(argv[i], ec)) {
      files.push_back(argv[i]);
    }
  }
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "%s\n", file.c_str());
    target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("kith_fuzz_replay %s: %zu inputs ran\n", argv[1], files.size());
  return 0;
}
