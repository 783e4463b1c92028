#!/usr/bin/env bash
# tests/bench/run.sh: build kith in Release and run the speed benchmark.
# The markdown table goes to stdout; build output and progress go to stderr.
#
#   tests/bench/run.sh                     # N = 10,000 and 100,000 (about 60 min on 2 vCPUs today)
#   tests/bench/run.sh --n 10000           # one size (about 6 min)
#   tests/bench/run.sh --n 100000 --skip reingest,extract
#   tests/bench/run.sh --help              # every option of kith_bench
#
# Environment: KITH_BENCH_BUILD (build directory, default build-bench),
# KITH_BENCH_WORK (scratch directory, default $KITH_BENCH_BUILD/bench-work;
# about 3 GB free space for N = 100,000).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD=${KITH_BENCH_BUILD:-build-bench}
WORK=${KITH_BENCH_WORK:-$BUILD/bench-work}
JOBS=$(nproc 2>/dev/null || echo 2)

./project.sh deps >&2 || echo "run.sh: project.sh deps failed; building with what is installed" >&2
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >&2
cmake --build "$BUILD" -j"$JOBS" --target kith kith_bench >&2
mkdir -p "$WORK"
exec "$BUILD/tests/bench/kith_bench" --kith "$BUILD/kith" --source "$PWD" --work "$WORK" "$@"
