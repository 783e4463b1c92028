// The test runner: Catch2 v2's own main with benchmarking compiled in
// (Debian's prebuilt Catch2 main lacks it).
#define CATCH_CONFIG_RUNNER
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
