#!/usr/bin/python3
"""The layout matrix's fidelity: cells exact per combination of layout factors, and overall.

Makes the matrix (tests/layout_matrix/make_matrix.py) into a temporary folder, or reads one
made before (--dir), converts every PDF with dutylist to JSON and compares it with its truth by
the corpus README's rules (tests/support/truth.cpp): lists in order, columns by label, each
cell by its paragraphs, whitespace inside a paragraph ignored. A list missing from the output
counts all its cells as wrong; a run that fails counts the whole file as wrong.

    /usr/bin/python3 bench/fidelity.py [--dutylist build/dutylist] [--dir DIR] [--limit N]

Prints one line per combination (cells exact / cells, and the first difference) and the totals
per factor value, so a weak producer or layout shows as a row, not as an anecdote.
"""

import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]


def squeeze(s):
    return re.sub(r"\s+", "", s)


def score(out, truth):
    """(exact cells, cells, first difference or '')."""
    exact = cells = 0
    first = ""
    lists = out["lists"] if out else []
    for n, want in enumerate(truth["lists"]):
        got = lists[n] if n < len(lists) else None
        labels = {c["label"]: c["key"] for c in got["columns"]} if got else {}
        for r, row in enumerate(want["rows"]):
            item = got["items"][r] if got and r < len(got["items"]) else None
            for label, paragraphs in zip(want["columns"], row):
                cells += 1
                key = labels.get(label)
                value = item["values"].get(key, "") if item and key else None
                have = [squeeze(p) for p in value.split("\n")] if value else []
                if value is not None and have == [squeeze(p) for p in paragraphs]:
                    exact += 1
                elif not first:
                    first = f"{want['kind']} row {r + 1} {label}: {' | '.join(have)[:40]!r}"
    return exact, cells, first


def convert(dutylist, pdf, out_dir):
    run = subprocess.run([dutylist, "convert", str(pdf), "-t", "json", "-o", str(out_dir)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        return None, run.stderr.strip().splitlines()[-1] if run.stderr.strip() else "failed"
    return json.loads((out_dir / (pdf.stem + ".json")).read_text(encoding="utf-8")), ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dutylist", default=str(ROOT / "build" / "dutylist"))
    ap.add_argument("--dir", type=pathlib.Path, help="a matrix made before by make_matrix.py")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir
        if folder is None:
            folder = pathlib.Path(tmp) / "matrix"
            cmd = ["/usr/bin/python3", str(ROOT / "tests" / "layout_matrix" / "make_matrix.py"), str(folder)]
            subprocess.run(cmd + (["--limit", str(args.limit)] if args.limit else []), check=True)
        combos = json.loads((folder / "matrix.json").read_text(encoding="utf-8"))
        per_value = collections.defaultdict(lambda: [0, 0])
        total = [0, 0]
        perfect = 0
        for combo in combos:
            pdf = folder / f"{combo['name']}.pdf"
            truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
            out, error = convert(args.dutylist, pdf, pathlib.Path(tmp))
            exact, cells, first = score(out, truth)
            perfect += exact == cells
            total[0] += exact
            total[1] += cells
            for k, v in combo["factors"].items():
                per_value[(k, str(v))][0] += exact
                per_value[(k, str(v))][1] += cells
            print(f"{exact:4d}/{cells:<4d} {combo['name']}  {error or first}", flush=True)
        print(f"\noverall: {total[0]}/{total[1]} cells exact ({100 * total[0] / max(1, total[1]):.1f}%), "
              f"{perfect}/{len(combos)} combinations exact")
        for (k, v), (e, c) in sorted(per_value.items()):
            print(f"  {k:14s} {v:22s} {e:5d}/{c:<5d} {100 * e / max(1, c):5.1f}%")


if __name__ == "__main__":
    sys.exit(main())
