#!/usr/bin/python3
"""Makes the scanned test PDFs: a small ruled list is printed to PDF by LibreOffice, the pages
are rasterised by pdftoppm as a scanner would deliver them, spoiled as photocopies are, and
wrapped back into PDFs whose pages are only images.

Writes into the folder given as the only argument (default: this folder):
  NAME.truth.json  what the pages show (corpus truth format)
  scan-clean.pdf   200 dpi grey, straight, JPEG quality 75
  scan-photocopy.pdf  200 dpi grey, turned 1.2°, speckle noise and a grey background, JPEG 55

Needs Debian's /usr/bin/python3 with python3-docx and python3-pil, LibreOffice Writer, pdftoppm
(poppler-utils) and fonts-noto-cjk. The noise comes from a fixed seed, so a rerun gives the same
pixels for the same LibreOffice output.
"""

import json
import pathlib
import random
import subprocess
import sys
import tempfile

from PIL import Image, ImageFilter

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "pdf"))
import make_sources  # noqa: E402  (the source writer of the other PDF fixtures)
from source_variants import LANDSCAPE_WIDTHS, NOTO  # noqa: E402

DPI = 200
# The list: five rows of the corpus's basic list, ruled, its heading above, one landscape page.
VARIANT = dict(
    producer="docx", fonts=NOTO, cover=False, landscape=True, ruled=True, repeat_header=True,
    page_numbers=True, body_size=10.5, head_size=12, title_size=16,
    widths=LANDSCAPE_WIDTHS,
    lists=[dict(kind="basic", rows=[2, 3, 8, 12, 15])])


def spoil(page, seed):
    """A photocopy: turned a little, a faint grey background, dark and light specks."""
    rng = random.Random(seed)
    page = page.rotate(1.2, resample=Image.BICUBIC, expand=False, fillcolor=255)
    page = page.point(lambda v: int(v * 0.88))  # the paper is never white: 255 becomes 224
    pixels = page.load()
    w, h = page.size
    for _ in range(w * h // 400):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = rng.choice((0, 60, 255))
    return page.filter(ImageFilter.GaussianBlur(0.4))


def images_to_pdf(pages, path, quality):
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=DPI, quality=quality)


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    corpus, source = make_sources.corpus_lists()
    truth = make_sources.truth_for(VARIANT, corpus, source)
    (out / "scan.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        make_sources.write_docx(VARIANT, truth, work / "scan.docx")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo-profile", "--headless", "--convert-to",
                        "pdf", "--outdir", str(work), str(work / "scan.docx")], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", str(work / "scan.pdf"), str(work / "page")], check=True)
        pages = [Image.open(p).convert("L") for p in sorted(work.glob("page-*.pgm"))]
        images_to_pdf(pages, out / "scan-clean.pdf", 75)
        images_to_pdf([spoil(p, n) for n, p in enumerate(pages)], out / "scan-photocopy.pdf", 55)


if __name__ == "__main__":
    main()
