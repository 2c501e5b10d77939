#!/bin/sh
# DOCX conversion time against libxml2 alone parsing the same document.xml, in one run.
#   bench/docx_bench.sh [BUILD_DIR] [FILE.docx ...]
# Defaults: build-bench and the corpus documents. Builds the docx_bench target in release mode.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build-bench"}
[ $# -gt 0 ] && shift
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target docx_bench -j2 >/dev/null
if [ $# -eq 0 ]; then
    set -- "$here/../shared/corpus/wumachang/wumachang.docx" "$here/../shared/corpus/wumachang/merged/wumachang-merged.docx" \
        "$here/tests/data/docx/wumachang-libreoffice.docx"
fi
for f in "$@"; do
    "$build/bench/docx_bench" "$f" 30
    echo
done
