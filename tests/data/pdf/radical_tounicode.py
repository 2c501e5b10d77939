#!/usr/bin/python3
"""Rewrites a PDF's ToUnicode maps the way some producers write them: an ideograph that has a
Kangxi radical or CJK radical-supplement twin (工 U+5DE5 and ⼯ U+2F2F draw the same glyph) maps
to the radical, and one that has a CJK compatibility twin (金 U+91D1, 金 U+F90A) maps to that,
because the producer took the first or the last code point of the font's cmap for the glyph.
The page looks the same; the truth stays the unified ideographs.

usage: radical_tounicode.py IN.qdf OUT.qdf     (IN from qpdf --qdf; run fix-qdf on OUT)

Uses Unicode's EquivalentUnifiedIdeograph.txt (Debian unicode-data) and Python's unicodedata.
"""

import re
import sys
import unicodedata

EQUIVALENTS = "/usr/share/unicode/EquivalentUnifiedIdeograph.txt"
BFCHAR = re.compile(rb"(\d+ beginbfchar\n)(.*?)(endbfchar)", re.S)
ENTRY = re.compile(rb"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]{4})>")


def twins():
    """Unified ideograph → the radical or compatibility code point a producer may write."""
    out = {}
    with open(EQUIVALENTS, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            codes, target = (part.strip() for part in line.split(";"))
            first, _, last = codes.partition("..")
            for cp in range(int(first, 16), int(last or first, 16) + 1):
                # Kangxi radicals (U+2F00-) win over the supplement (U+2E80-) for the same target.
                if 0x2E80 <= cp <= 0x2FDF and (int(target, 16) not in out or cp >= 0x2F00):
                    out[int(target, 16)] = cp
    for cp in range(0xF900, 0xFB00):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and " " not in decomposition and not decomposition.startswith("<"):
            out.setdefault(int(decomposition, 16), cp)
    return out


def main():
    data = open(sys.argv[1], "rb").read()
    table = twins()
    changed = set()

    def entry(m):
        target = int(m.group(2), 16)
        if target in table:
            changed.add(chr(target))
            return b"<" + m.group(1) + b"> <" + b"%04X" % table[target] + b">"
        return m.group(0)

    data = BFCHAR.sub(lambda m: m.group(1) + ENTRY.sub(entry, m.group(2)) + m.group(3), data)
    assert changed, "no ideograph with a radical or compatibility twin"
    print("mapped to their twins:", "".join(sorted(changed)), file=sys.stderr)
    open(sys.argv[2], "wb").write(data)


if __name__ == "__main__":
    main()
