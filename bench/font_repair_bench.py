#!/usr/bin/python3
"""Broken fonts repaired from their glyphs: accuracy against the truth, speed against tesseract.

Converts each PDF given (default: the files of tests/data/pdf/untrusted/ whose fonts are
broken, and the corpus list with its ToUnicode maps deleted by
tests/data/pdf/untrusted/make_broken_fonts.py into a temporary folder) with
`dutylist convert -t json` and reports

- cells exact / cells, and characters: 1 - (Levenshtein edits summed over all cells) /
  (characters of the truth's cells), cells matched by list, row and column order, paragraphs
  joined by a newline (the same count as bench/ocr_bench.py);
- wall time of dutylist against `tesseract PAGE.png - -l chi_sim --psm 6` (OMP_THREAD_LIMIT=1)
  on each page rendered at 300 dpi with pdftoppm, one after the other: what reading the pages
  as scans would cost at the least (--no-baseline leaves that out: it costs about 4 minutes
  on the corpus list), and dutylist's CPU time (user + system, all its threads).

    /usr/bin/python3 bench/font_repair_bench.py [--dutylist build/dutylist] [--no-baseline] [X.pdf ...]

A PDF's truth is X.truth.json next to it.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]
UNTRUSTED = REPO / "tests" / "data" / "pdf" / "untrusted"


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def score(out, truth):
    cells = exact = chars = edits = 0
    wrong = []
    for got, want in zip(out["lists"], truth["lists"]):
        keys = [c["key"] for c in got["columns"]]
        for item, row in zip(got["items"], want["rows"]):
            for key, cell in zip(keys, row):
                t = "\n".join(cell)
                o = item["values"].get(key, "")
                o = "\n".join(o) if isinstance(o, list) else o
                cells += 1
                exact += o == t
                chars += len(t)
                edits += levenshtein(o, t)
                if o != t:
                    wrong.append((o, t))
        cells += max(0, len(want["rows"]) - len(got["items"])) * len(want["columns"])
    for want in truth["lists"][len(out["lists"]):]:
        cells += len(want["rows"]) * len(want["columns"])
    return cells, exact, 1 - edits / max(chars, 1), wrong


def tesseract_seconds(pdf, work):
    pages = work / "pages"
    pages.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(pages / "p")], check=True)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    start = time.monotonic()
    for png in sorted(pages.glob("p*.png")):
        subprocess.run(["tesseract", str(png), "-", "-l", "chi_sim", "--psm", "6"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    for png in pages.glob("p*.png"):
        png.unlink()
    return seconds


def measure(dutylist, pdf, work, baseline):
    truth = json.loads(pdf.with_name(pdf.stem + ".truth.json").read_text())
    before = os.times()
    start = time.monotonic()
    run = subprocess.run([dutylist, "convert", "-t", "json", "-o", str(work), str(pdf)], capture_output=True, text=True)
    seconds = time.monotonic() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    report = [line for line in run.stderr.splitlines() if "repaired from its glyphs" in line]
    if run.returncode != 0:
        print(f"{pdf.name}: failed: {run.stderr.strip()}")
        return
    out = json.loads((work / (pdf.stem + ".json")).read_text())
    cells, exact, characters, wrong = score(out, truth)
    timing = f"dutylist {seconds:.1f} s wall, {cpu:.1f} s CPU"
    if baseline:
        tess = tesseract_seconds(pdf, work)
        timing += f", tesseract on the pages {tess:.1f} s (ratio {seconds / tess:.2f})"
    print(f"{pdf.name}: cells {exact}/{cells} exact ({100 * exact / max(cells, 1):.1f}%), "
          f"characters {100 * characters:.2f}%; {timing}")
    for line in report:
        print("   ", line.removeprefix("dutylist: warning: "))
    for got, want in wrong[:12]:
        print(f"    got  {got!r}\n    want {want!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dutylist", default=str(REPO / "build" / "dutylist"))
    parser.add_argument("--no-baseline", action="store_true", help="do not time tesseract on the pages")
    parser.add_argument("pdfs", nargs="*", type=pathlib.Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        pdfs = args.pdfs
        if not pdfs:
            corpus = REPO.parent / "shared" / "corpus" / "wumachang"
            broken = work / "corpus-no-tounicode.pdf"
            subprocess.run([sys.executable, str(UNTRUSTED / "make_broken_fonts.py"), str(corpus / "wumachang.pdf"),
                            str(broken)], check=True)
            broken.with_name(broken.stem + ".truth.json").write_bytes((corpus / "truth.json").read_bytes())
            pdfs = [UNTRUSTED / n for n in ("no-tounicode.pdf", "gs-chromium-ruled.pdf", "gs-chromium-type3.pdf")]
            pdfs.append(broken)
        for pdf in pdfs:
            measure(args.dutylist, pdf, work, not args.no_baseline)


if __name__ == "__main__":
    main()
