#!/usr/bin/python3
"""A PDF whose fonts say nothing of their characters: every /ToUnicode map deleted, and every
glyph of its Type 1 fonts renamed /g1, /g2, … (in the font program's encoding and in its
encrypted CharStrings), so that neither a map nor a glyph name tells a reader what a glyph
is. Glyph shapes, codes, positions and rulings stay exactly as they were.

    /usr/bin/python3 make_unnamed_glyphs.py SOURCE.pdf OUT.pdf

LibreOffice embeds Noto CJK as Type 1 subsets whose glyphs are named after the source font's
CIDs (/cid40767); some producers name them /g123 or by index. Needs qpdf and fix-qdf
(Debian's qpdf). test_font_repair.cpp makes its fixture with it at test time from
../lo-three-line.pdf (LibreOffice 7.4), whose truth it must then convert to exactly.
"""
import argparse
import pathlib
import re
import subprocess
import tempfile

EEXEC_KEY, CHARSTRING_KEY = 55665, 4330


def decrypt(data, key):
    out = bytearray()
    for c in data:
        out.append(c ^ (key >> 8))
        key = ((c + key) * 52845 + 22719) & 0xFFFF
    return bytes(out)


def encrypt(data, key):
    out = bytearray()
    for p in data:
        c = p ^ (key >> 8)
        out.append(c)
        key = ((c + key) * 52845 + 22719) & 0xFFFF
    return bytes(out)


def rename_charstrings(private, names):
    """The decrypted private part with each `/name len RD <len bytes>` renamed; charstring
    bytes are skipped, not searched (they are binary)."""
    out, at = bytearray(), 0
    entry = re.compile(rb"/([A-Za-z0-9_.]+) (\d+) (RD|-\|) ")
    start = private.find(b"/CharStrings")
    out += private[:start]
    at = start
    while True:
        m = entry.search(private, at)
        if not m:
            break
        out += private[at:m.start()]
        name = names.setdefault(m.group(1), b"g%d" % (len(names) + 1)) if m.group(1) != b".notdef" else m.group(1)
        out += b"/" + name + b" " + m.group(2) + b" " + m.group(3) + b" "
        end = m.end() + int(m.group(2))
        out += private[m.end():end]
        at = end
    out += private[at:]
    return bytes(out)


def rename_font(program, clear_length, private_length):
    """A Type 1 program (cleartext, binary eexec part, zeros) with its glyphs renamed."""
    names = {}
    clear = re.sub(rb"dup (\d+) /([A-Za-z0-9_.]+) put",
                   lambda m: b"dup " + m.group(1) + b" /" + names.setdefault(m.group(2), b"g%d" % (len(names) + 1)) + b" put",
                   program[:clear_length])
    private = decrypt(program[clear_length:clear_length + private_length], EEXEC_KEY)
    private = rename_charstrings(private, names)
    return clear, encrypt(private, EEXEC_KEY), program[clear_length + private_length:]


def rename_type1_streams(qdf):
    """Every FontFile stream of the QDF (dictionary /Length1 /Length2 /Length3, then stream)."""
    pattern = re.compile(rb"<<\n  /Length1 (\d+)\n  /Length2 (\d+)\n  /Length3 (\d+)\n  /Length (\d+ 0 R)\n>>\nstream\n")
    out, at = bytearray(), 0
    for m in pattern.finditer(qdf):
        end = qdf.index(b"\nendstream", m.end())
        clear, private, zeros = rename_font(qdf[m.end():end], int(m.group(1)), int(m.group(2)))
        out += qdf[at:m.start()]
        out += b"<<\n  /Length1 %d\n  /Length2 %d\n  /Length3 %d\n  /Length %s\n>>\nstream\n" % (
            len(clear), len(private), len(zeros), m.group(4))
        out += clear + private + zeros
        at = end
    out += qdf[at:]
    return bytes(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        qdf = work / "all.qdf"
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(args.source), str(qdf)], check=True)
        # QDF puts each dictionary entry on a line of its own: the maps go with their lines.
        stripped = re.sub(rb"(?m)^ *\/ToUnicode \d+ \d+ R\n", b"", qdf.read_bytes())
        fixed = subprocess.run(["fix-qdf"], input=rename_type1_streams(stripped), capture_output=True, check=True).stdout
        (work / "fixed.qdf").write_bytes(fixed)
        subprocess.run(["qpdf", "--object-streams=generate", str(work / "fixed.qdf"), str(args.out)], check=True)


if __name__ == "__main__":
    main()
