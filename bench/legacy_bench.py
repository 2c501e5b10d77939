#!/usr/bin/python3
"""LibreOffice's share of reading legacy .doc files: a folder of 20 .doc files converted by
dutylist (to JSON, through its one LibreOffice start) against LibreOffice's own
`soffice --headless --convert-to docx` on the same 20 files in one call, measured in one run.

The 20 files are the corpus DOCX, each copy with its own title in the document properties (so
no two files are the same bytes), saved as Word 97 .doc by LibreOffice. Both sides start
LibreOffice with a fresh throwaway profile, as dutylist always does.

    /usr/bin/python3 bench/legacy_bench.py [--dutylist build/dutylist] [--files 20]

Prints both times and their ratio (the issue asks for no more than 1.2).
"""

import argparse
import pathlib
import subprocess
import sys
import tempfile
import time

import docx

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS_DOCX = ROOT.parent / "shared/corpus/wumachang/wumachang.docx"


def soffice(profile, to, outdir, files):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nolockcheck",
                    "--convert-to", to, "--outdir", str(outdir)] + [str(f) for f in files],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(command):
    start = time.monotonic()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dutylist", default=str(ROOT / "build/dutylist"))
    parser.add_argument("--files", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="legacy-bench-") as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "docx").mkdir()
        sources = []
        for n in range(args.files):
            document = docx.Document(str(CORPUS_DOCX))
            document.core_properties.title = f"履职事项清单 {n + 1}"
            sources.append(tmp / "docx" / f"list-{n + 1:02}.docx")
            document.save(str(sources[-1]))
        soffice(tmp / "profile-make", "doc", tmp / "doc", sources)
        docs = sorted((tmp / "doc").glob("*.doc"))
        if len(docs) != args.files:
            sys.exit(f"LibreOffice made {len(docs)} of {args.files} .doc files")

        theirs = timed(["soffice", f"-env:UserInstallation=file://{tmp / 'profile-bench'}", "--headless", "--norestore",
                        "--nolockcheck", "--convert-to", "docx", "--outdir", str(tmp / "soffice-out")] + [str(d) for d in docs])
        ours = timed([args.dutylist, "convert", str(tmp / "doc"), "-t", "json", "-o", str(tmp / "dutylist-out"), "-q"])
        converted = len(list((tmp / "dutylist-out").glob("*.json")))
        if converted != args.files:
            sys.exit(f"dutylist converted {converted} of {args.files} files")
        print(f"soffice --convert-to docx, {args.files} .doc files in one call: {theirs:.2f} s")
        print(f"dutylist convert of the folder to JSON:                   {ours:.2f} s")
        print(f"ratio: {ours / theirs:.2f}x")


if __name__ == "__main__":
    main()
