#!/usr/bin/python3
"""PDF extraction speed and memory against Poppler's own text extraction, in one run.

Times `dutylist convert X.pdf -t json` and `pdftotext -bbox-layout X.pdf` on the same file,
alternating runs, and reports the ratio of their median wall times and CPU times, and each
one's peak RSS. Then builds a ~1,000-page file with pdfunite (in a temporary folder, never
committed) and reports how time and peak RSS grow with the page count.

    /usr/bin/python3 bench/pdf_bench.py [--dutylist build/dutylist] [--pdf FILE] [--runs 7]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPUS_PDF = os.path.join(REPO, "..", "shared", "corpus", "wumachang", "wumachang.pdf")
BIG_PAGES = 1000


def measure(cmd, runs):
    """Median wall time, median CPU time and the largest peak RSS over `runs` runs."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode(errors='replace')}")
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        peaks.append(peak_rss_kib(cmd))
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def peak_rss_kib(cmd):
    """Peak RSS of one run, from GNU time (ru_maxrss of RUSAGE_CHILDREN is a running maximum)."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return int(proc.stderr.decode().strip().splitlines()[-1])


def compare(dutylist, pdf, runs, out_dir):
    ours_cmd = [dutylist, "convert", pdf, "-t", "json", "-o", out_dir, "-q"]
    theirs_cmd = ["pdftotext", "-bbox-layout", pdf, os.path.join(out_dir, "bbox.html")]
    ours, theirs = [], []
    for _ in range(runs):  # alternate, so both see the same machine load
        ours.append(measure(ours_cmd, 1))
        theirs.append(measure(theirs_cmd, 1))
    med = lambda rows, i: statistics.median(r[i] for r in rows)
    return {
        "ours_wall": med(ours, 0), "ours_cpu": med(ours, 1), "ours_rss": max(r[2] for r in ours),
        "theirs_wall": med(theirs, 0), "theirs_cpu": med(theirs, 1), "theirs_rss": max(r[2] for r in theirs),
    }


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(next(l.split()[-1] for l in out.splitlines() if l.startswith("Pages:")))


def report(name, pages, r):
    print(f"{name}: {pages} pages")
    print(f"  dutylist convert -t json : {r['ours_wall']*1000:8.1f} ms wall  {r['ours_cpu']*1000:8.1f} ms CPU"
          f"  peak RSS {r['ours_rss']/1024:6.1f} MB")
    print(f"  pdftotext -bbox-layout   : {r['theirs_wall']*1000:8.1f} ms wall  {r['theirs_cpu']*1000:8.1f} ms CPU"
          f"  peak RSS {r['theirs_rss']/1024:6.1f} MB")
    print(f"  ratio (ours / pdftotext) : {r['ours_wall']/r['theirs_wall']:.2f} wall, {r['ours_cpu']/r['theirs_cpu']:.2f} CPU")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dutylist", default=os.path.join(REPO, "build", "dutylist"))
    ap.add_argument("--pdf", default=CORPUS_PDF)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--big-runs", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dutylist-bench-") as tmp:
        pages = page_count(args.pdf)
        small = compare(args.dutylist, args.pdf, args.runs, tmp)
        report(os.path.basename(args.pdf), pages, small)
        copies = -(-BIG_PAGES // pages)
        big = os.path.join(tmp, f"big-{copies * pages}.pdf")
        subprocess.run(["pdfunite"] + [args.pdf] * copies + [big], check=True)
        large = compare(args.dutylist, big, args.big_runs, tmp)
        report(f"{os.path.basename(args.pdf)} x{copies} (pdfunite)", copies * pages, large)
        print(f"  peak RSS growth {pages} -> {copies * pages} pages: "
              f"{small['ours_rss']/1024:.1f} -> {large['ours_rss']/1024:.1f} MB")


if __name__ == "__main__":
    main()
