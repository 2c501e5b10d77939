#!/usr/bin/python3
"""OCR of scanned pages: accuracy against the truth and speed against the tesseract command.

Scans a list PDF (default: the ruled landscape fixture, 6 pages; --pdf the corpus list) as
make_scans.py does: rasterised with pdftoppm at 200 and 300 dpi, clean and as a photocopy
(turned 1.2°, grey paper, specks, JPEG 55), wrapped into image-only PDFs in a temporary folder.
Reads each with `dutylist convert -t json` and reports

- rows found / rows in the truth, cells exact, and characters: 1 - (Levenshtein edits summed
  over all cells) / (characters of the truth's cells), cells matched by list and row order,
  paragraphs joined by a newline;
- wall and CPU time of dutylist on the file, against `tesseract PAGE.png - -l chi_sim+eng
  --psm 6` (OMP_THREAD_LIMIT=1) on each page image at 300 dpi, run one after the other.

    /usr/bin/python3 bench/ocr_bench.py [--dutylist build/dutylist] [--pdf X.pdf --truth X.truth.json]
"""
import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

from PIL import Image

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "data" / "scans"))
import make_scans  # noqa: E402  (spoil: the photocopy)


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def score(out, truth):
    rows = found = cells = exact = chars = edits = 0
    for got, want in zip(out["lists"], truth["lists"]):
        keys = [c["key"] for c in got["columns"]]
        rows += len(want["rows"])
        found += min(len(got["items"]), len(want["rows"]))
        for item, row in zip(got["items"], want["rows"]):
            for key, cell in zip(keys, row):
                t = "\n".join(cell)
                o = item["values"].get(key, "")
                o = "\n".join(o) if isinstance(o, list) else o
                cells += 1
                exact += o == t
                chars += len(t)
                edits += levenshtein(o, t)
    for want in truth["lists"][len(out["lists"]):]:
        rows += len(want["rows"])
    return rows, found, cells, exact, 1 - edits / max(chars, 1)


def timed(cmd, env=None):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dutylist", default=str(REPO / "build" / "dutylist"))
    ap.add_argument("--pdf", default=str(REPO / "tests" / "data" / "pdf" / "lo-ruled-landscape.pdf"))
    ap.add_argument("--truth")
    args = ap.parse_args()
    truth_path = args.truth or args.pdf[: -len(".pdf")] + ".truth.json"
    truth = json.loads(pathlib.Path(truth_path).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        print("| scan | rows | cells exact | characters | dutylist wall / CPU s |")
        print("|---|---|---|---|---|")
        for dpi in (200, 300):
            subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", args.pdf, str(work / f"p{dpi}")], check=True)
            pages = [Image.open(p).convert("L") for p in sorted(work.glob(f"p{dpi}-*.pgm"))]
            for kind, images, quality in (("clean", pages, 75),
                                          ("photocopy", [make_scans.spoil(p, n) for n, p in enumerate(pages)], 55)):
                pdf = work / f"{kind}-{dpi}.pdf"
                images[0].save(pdf, save_all=True, append_images=images[1:], resolution=dpi, quality=quality)
                wall, cpu = timed([args.dutylist, "convert", str(pdf), "-t", "json", "-q", "-o", str(work)])
                out = json.loads((work / f"{kind}-{dpi}.json").read_text(encoding="utf-8"))
                rows, found, cells, exact, characters = score(out, truth)
                print(f"| {kind} {dpi} dpi | {found}/{rows} | {exact}/{cells} | {characters:.4f} | {wall:.1f} / {cpu:.1f} |")
        pngs = []
        for n, p in enumerate(sorted(work.glob("p300-*.pgm"))):
            png = work / f"t{n}.png"
            Image.open(p).save(png)
            pngs.append(png)
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        t_wall = t_cpu = 0.0
        for png in pngs:
            w, c = timed(["tesseract", str(png), "-", "-l", "chi_sim+eng", "--psm", "6"], env)
            t_wall += w
            t_cpu += c
        wall, cpu = timed([args.dutylist, "convert", str(work / "clean-300.pdf"), "-t", "json", "-q", "-o", str(work)])
        print(f"\nclean 300 dpi, {len(pngs)} pages: dutylist {wall:.1f} s wall, {cpu:.1f} s CPU; "
              f"tesseract command page by page {t_wall:.1f} s wall, {t_cpu:.1f} s CPU; "
              f"wall ratio {wall / t_wall:.2f}, CPU ratio {cpu / t_cpu:.2f}")


if __name__ == "__main__":
    main()
