#!/usr/bin/python3
"""A PDF whose fonts are broken the way a careless re-save breaks them: every /ToUnicode map
deleted, so that Poppler can only guess the characters from the codes (Identity-H CIDs,
numbered glyph names). Glyph shapes, positions and rulings stay exactly as they were.

    /usr/bin/python3 make_broken_fonts.py SOURCE.pdf OUT.pdf [--pages 3-5]

--pages keeps only those pages (qpdf page ranges). Needs qpdf and fix-qdf (Debian's qpdf).
test_font_repair.cpp makes its corpus fixture with it at test time; bench/font_repair_bench.py
the whole corpus list.
"""
import argparse
import re
import subprocess
import tempfile
import pathlib


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        source = args.source
        if args.pages:
            source = work / "pages.pdf"
            subprocess.run(["qpdf", "--empty", "--pages", str(args.source), args.pages, "--", str(source)], check=True)
        qdf = work / "all.qdf"
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(source), str(qdf)], check=True)
        # QDF puts each dictionary entry on a line of its own: the maps go with their lines.
        stripped = re.sub(rb"(?m)^ *\/ToUnicode \d+ \d+ R\n", b"", qdf.read_bytes())
        fixed = subprocess.run(["fix-qdf"], input=stripped, capture_output=True, check=True).stdout
        (work / "fixed.qdf").write_bytes(fixed)
        subprocess.run(["qpdf", "--object-streams=generate", str(work / "fixed.qdf"), str(args.out)], check=True)


if __name__ == "__main__":
    main()
