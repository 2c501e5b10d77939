#!/bin/sh
# Folder conversion with --jobs 2 against --jobs 1 on the same files, in one run.
#   bench/jobs_bench.sh [BUILD_DIR] [COUNT] [pdf|docx|json] [ROUNDS]
# Defaults: build-bench, 200 files, pdf, 3 rounds. DUTYLIST=path/to/dutylist uses that binary instead of
# building one. The files are copies of the corpus list made in a
# temporary folder at bench time (never committed); json files are our JSON of the corpus DOCX.
# The two are run alternately, ROUNDS times each, and the median speed-up is the result: on a
# shared machine the speed of a core drifts by a third over a minute, and alternating makes both
# see the same drift. Prints wall and CPU times of every round, the median (target: at least
# 1.8) and the load average, since other work on the machine takes cores away from --jobs 2.
# Checks that both runs wrote the same files.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build-bench"}
count=${2:-200}
kind=${3:-pdf}
rounds=${4:-3}
if [ -n "${DUTYLIST:-}" ]; then
    dutylist=$DUTYLIST
else
    cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" --target dutylist -j2 >/dev/null
    dutylist="$build/dutylist"
fi
corpus="$here/../shared/corpus/wumachang"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
case "$kind" in
    pdf) source="$corpus/wumachang.pdf" ;;
    docx) source="$corpus/wumachang.docx" ;;
    json) "$dutylist" convert "$corpus/wumachang.docx" -t json -o "$work" -q; source="$work/wumachang.json" ;;
    *) echo "usage: $0 [BUILD_DIR] [COUNT] [pdf|docx|json]" >&2; exit 2 ;;
esac
i=1
while [ "$i" -le "$count" ]; do
    cp "$source" "$work/in/list$i.$kind"
    i=$((i + 1))
done

# Wall seconds and CPU seconds (user + system) of one run.
run() {
    /usr/bin/time -f "%e %U %S" -o "$work/time$1" "$dutylist" convert "$work/in" -t json,jsonl -o "$work/out$1" -j "$1" -q
    read -r wall user sys <"$work/time$1"
    echo "$wall $(echo "$user + $sys" | bc)"
}
# Every timed run finds the files and the binary in the page cache.
cat "$work"/in/* "$dutylist" >/dev/null
round=1
while [ "$round" -le "$rounds" ]; do
    rm -rf "$work/out1" "$work/out2"
    set -- $(run 1)
    one=$1 one_cpu=$2
    set -- $(run 2)
    two=$1 two_cpu=$2
    diff -r "$work/out1" "$work/out2" >/dev/null || { echo "FAIL: --jobs 1 and --jobs 2 wrote different files" >&2; exit 1; }
    ratio=$(echo "scale=2; $one / $two" | bc)
    echo "$ratio" >>"$work/ratios"
    # Cores kept busy on average: 2.0 under --jobs 2 means the work divides fully, and a low
    # speed-up then only says that the cores ran slower while both were busy.
    printf 'round %s: --jobs 1 %.2f s (CPU %.2f s), --jobs 2 %.2f s (CPU %.2f s, %.2f cores busy), speed-up %s\n' \
        "$round" "$one" "$one_cpu" "$two" "$two_cpu" "$(echo "scale=2; $two_cpu / $two" | bc)" "$ratio"
    round=$((round + 1))
done
lines=$(wc -l <"$work/out2/items.jsonl")
median=$(sort -n "$work/ratios" | sed -n "$(( (rounds + 1) / 2 ))p")
printf '%s %s files (%s jsonl lines), %s rounds: median speed-up %s (target >= 1.8)\n' "$count" "$kind" "$lines" "$rounds" "$median"
echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
