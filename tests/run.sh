#!/usr/bin/env bash
# The whole test suite: a warnings-as-errors build and an ASan+UBSan build, each running every
# ctest test. The sanitizer build is optimised, as ASan usually runs: at -O0 the JSON parser
# alone spends minutes on the 50,000-row test. Assumes the packages of .ci/install are present.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build -DDUTYLIST_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure

cmake -S . -B build-asan -DDUTYLIST_WERROR=ON -DDUTYLIST_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure
