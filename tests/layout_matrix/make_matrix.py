#!/usr/bin/python3
"""Writes the layout matrix into a folder: for each combination of matrix.py, NAME.pdf made by
its producer and NAME.truth.json, plus matrix.json (the combinations and their factors).

    /usr/bin/python3 tests/layout_matrix/make_matrix.py OUT [--only NAME_PREFIX ...] [--limit N]

Needs what ../data/pdf/make_pdfs.sh needs: Debian's python3-docx and python3-openpyxl,
LibreOffice Writer and Calc, chromium, ghostscript, fonts-noto-cjk, fonts-droid-fallback.
"""

import argparse
import json
import pathlib
import shutil
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import matrix  # noqa: E402
import restyle  # noqa: E402
from matrix import make_sources  # noqa: E402

ISSUER_LINES = ["新疆维吾尔自治区昌吉回族自治州", "奇台县五马场哈萨克族乡"]


def write_sources(out, chosen):
    corpus, source = make_sources.corpus_lists()
    made = []
    for index, f in chosen:
        name = matrix.name_of(index, f)
        v = matrix.variant(index, f)
        truth = make_sources.truth_for(v, corpus, source)
        (out / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        layout = dict(truth, issuer_lines=ISSUER_LINES)
        stem = out / (f"{name}.lo" if f["producer"] == "gs" else name)
        if v["producer"] == "docx":
            make_sources.write_docx(v, layout, stem.with_name(stem.name + ".docx"))
            restyle.restyle_docx(stem.with_name(stem.name + ".docx"), dict(f, cover=v["cover"]))
        elif v["producer"] == "xlsx":
            make_sources.write_xlsx(v, layout, out / f"{name}.xlsx")
            restyle.restyle_xlsx(out / f"{name}.xlsx", f)
        else:
            make_sources.write_html(v, layout, out / f"{name}.html")
            restyle.restyle_html(out / f"{name}.html", f)
        made.append(dict(name=name, factors=f))
    return made


def make_pdfs(out, work):
    office = sorted(out.glob("*.docx")) + sorted(out.glob("*.xlsx"))
    if office:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out)] + [str(p) for p in office],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for html in sorted(out.glob("*.html")):
        shutil.rmtree(work / "chrome-profile", ignore_errors=True)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={work}/chrome-profile", "--no-pdf-header-footer",
                        f"--print-to-pdf={html.with_suffix('.pdf')}", f"file://{html}"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for lo in sorted(out.glob("*.lo.pdf")):
        subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                        f"-sOutputFile={lo.with_name(lo.name[:-len('.lo.pdf')] + '.pdf')}", str(lo)], check=True)
        lo.unlink()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--only", nargs="*", help="combinations whose name starts with one of these")
    ap.add_argument("--limit", type=int, default=0, help="the first N combinations only")
    ap.add_argument("--keep-sources", action="store_true", help="keep the DOCX/XLSX/HTML next to the PDFs")
    args = ap.parse_args()
    chosen = list(enumerate(matrix.combinations()))
    if args.only:
        chosen = [(i, f) for i, f in chosen if matrix.name_of(i, f).startswith(tuple(args.only))]
    if args.limit:
        chosen = chosen[:args.limit]
    args.out.mkdir(parents=True, exist_ok=True)
    work = args.out / ".work"
    work.mkdir(exist_ok=True)
    made = write_sources(args.out, chosen)
    make_pdfs(args.out, work)
    shutil.rmtree(work)
    if not args.keep_sources:
        for pattern in ("*.docx", "*.xlsx", "*.html"):
            for p in args.out.glob(pattern):
                p.unlink()
    (args.out / "matrix.json").write_text(json.dumps(made, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(made)} combinations written to {args.out}")


if __name__ == "__main__":
    main()
