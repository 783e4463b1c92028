#!/usr/bin/env bash
# fuzz/smoke.sh [BUILD_DIR] [SECONDS]: builds kith's libFuzzer targets with
# clang (fuzz/CMakeLists.txt) and runs each for SECONDS (default 30), starting
# from the seed corpus in fuzz/corpus/<target>/ copied to a scratch directory
# (new inputs are not added to the repository). A crash, leak, timeout or
# sanitizer report fails the run: the input is kept as BUILD_DIR/findings/
# <target>/crash-*, and the command to reproduce it is printed. Turn each
# finding into a regression: copy it to fuzz/regressions/<target>/ (replayed
# by the test suite once fixed) and add a named test.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-fuzz}
SECONDS_EACH=${2:-30}
CXX_CLANG=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$CXX_CLANG" ]; then
  echo "fuzz/smoke.sh: clang++ not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi
cmake -S fuzz -B "$BUILD" -DCMAKE_CXX_COMPILER="$CXX_CLANG" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j"$(nproc 2>/dev/null || echo 2)"

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/fuzz/ubsan_suppressions.txt"
status=0
for target in reader rule_parser dates; do
  scratch="$BUILD/scratch/$target"
  findings="$BUILD/findings/$target"
  rm -rf "$scratch"
  mkdir -p "$scratch" "$findings"
  cp fuzz/corpus/"$target"/* "$scratch"/
  echo "== fuzzing $target for ${SECONDS_EACH}s"
  # -max_len 4096: deeper JSON nesting overflows the stack in the rule parser (a
  # known finding with its own test); -timeout 10: a slow input is a finding too.
  if ! "$BUILD/kith_${target}_fuzzer" -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" "$scratch" \
      >"$BUILD/$target.log" 2>&1; then
    status=1
    tail -n 40 "$BUILD/$target.log" >&2
    echo "fuzz/smoke.sh: $target found a problem; reproduce with:" >&2
    for f in "$findings"/*; do [ -e "$f" ] && echo "  UBSAN_OPTIONS=$UBSAN_OPTIONS $BUILD/kith_${target}_fuzzer $f" >&2; done
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$BUILD/$target.log" | tr '\n' ' '
    echo
  fi
done
exit $status
