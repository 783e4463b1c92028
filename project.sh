#!/usr/bin/env bash
# project.sh: the one entry point for people and CI.
#   ./project.sh demo   install what is missing, build, run the demo on samples/ (writes out/)
#   ./project.sh test   install what is missing, build, run every test (also under ASan+UBSan),
#                       fuzz each parser for 30 s, ingest samples/ under valgrind memcheck
#   ./project.sh deps   only install the Debian packages
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ cmake make libboost-graph-dev rapidjson-dev libsqlite3-dev catch2 graphviz python3 python3-rdflib
          python3-networkx python3-igraph clang-14 libclang-rt-14-dev valgrind)
# Installed only when the command is missing: a Node.js from elsewhere (NodeSource) brings its
# own npm and conflicts with Debian's npm package.
COMMAND_PACKAGES=(node:nodejs npm:npm)
JOBS=$(nproc 2>/dev/null || echo 2)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  for entry in "${COMMAND_PACKAGES[@]}"; do
    command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "missing Debian packages; install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

build() {  # build DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j"$JOBS"
}

demo() {
  deps
  build build
  mkdir -p out
  rm -f out/demo.db out/demo.db-wal out/demo.db-shm
  ./build/kith ingest --db out/demo.db samples/
  ./build/kith export --db out/demo.db --format jsonld --output out/graph.jsonld
  ./build/kith export --db out/demo.db --format graphml --output out/graph.graphml
  ./build/kith export --db out/demo.db --format neo4j --output out/neo4j
  ./build/kith export --db out/demo.db --format dot --output out/family.dot
  ./build/kith export --db out/demo.db --format dot --with events --output out/family-events.dot
  dot -Tsvg out/family.dot -o out/family.svg
  dot -Tsvg out/family-events.dot -o out/family-events.svg
  echo "wrote out/graph.jsonld, out/graph.graphml, out/neo4j/ (sh out/neo4j/import.sh loads it into Neo4j),"
  echo "      out/family.dot and out/family.svg, out/family-events.dot and out/family-events.svg"
  ./build/kith stats --db out/demo.db
  echo "== relatives of Saule Mukhtarqyzy, two steps of family ties:"
  ./build/kith relatives --db out/demo.db "Saule Mukhtarqyzy" --depth 2
  echo "== how Qasym Zhumabaiuly and his father are linked:"
  ./build/kith path --db out/demo.db "Kasym Zhumabayuly" "Zhumabai Orazbekuly" || true
}

test_all() {
  deps
  build build
  (cd build && ctest --output-on-failure -j"$JOBS")
  echo "== again under AddressSanitizer and UndefinedBehaviorSanitizer"
  # The npm test clients (ctest -L clients) are installed once, into build/clients.
  build build-asan -DKITH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DKITH_CLIENTS_DIR="$PWD/build/clients"
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$JOBS")
  echo "== fuzzing the document reader, the rule parser and the date normaliser (fuzz/smoke.sh)"
  fuzz/smoke.sh build-fuzz "${KITH_FUZZ_SECONDS:-30}"
  echo "== ingest of samples/ under valgrind memcheck"
  local vg_dir
  vg_dir=$(mktemp -d)
  valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    ./build/kith ingest --db "$vg_dir/samples.db" samples/
  rm -rf "$vg_dir"
}

case "${1:-}" in
  demo) demo ;;
  test) test_all ;;
  deps) deps ;;
  *) echo "usage: ./project.sh demo|test|deps" >&2; exit 2 ;;
esac
