#!/usr/bin/python3
"""Re-expresses every landscape page of a PDF as a portrait page with /Rotate 90 or 270.

usage: rotate_pages.py IN.qdf OUT.qdf 90|270

IN is the QDF form of the PDF (qpdf --qdf --object-streams=disable). The page looks the same in a
viewer, but its MediaBox is portrait, its content is drawn turned by a quarter turn and /Rotate turns
it back, as some producers write landscape pages. Run fix-qdf on OUT afterwards (stream
lengths change).
"""

import re
import sys

MEDIA_BOX = re.compile(rb"/MediaBox \[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")
PAGE_OBJECT = re.compile(rb"(%% Page \d+\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<)(.*?)(>>\nendobj)", re.S)
PAGES_OBJECT = re.compile(rb"(\d+ 0 obj\n<<)((?:(?!endobj).)*?/Type /Pages\n)(>>\nendobj)", re.S)
CONTENTS = re.compile(rb"(%% Contents for page \d+\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<.*?>>\nstream\n)(.*?)(\nendstream)",
                      re.S)


def main():
    data = open(sys.argv[1], "rb").read()
    angle = sys.argv[3].encode()
    assert angle in (b"90", b"270")
    heights = set()
    widths = set()

    def portrait(match, rotate):
        width, height = match.group(1), match.group(2)
        assert float(width) > float(height), "the page is not landscape"
        heights.add(height)
        widths.add(width)
        return b"/MediaBox [ 0 0 " + height + b" " + width + b" ]" + (b"\n  /Rotate " + angle if rotate else b"")

    def fix_page(m):
        body, count = MEDIA_BOX.subn(lambda b: portrait(b, rotate=True), m.group(2))
        assert count == 1 and b"/Rotate" not in m.group(2)
        return m.group(1) + body + m.group(3)

    def fix_pages(m):
        return m.group(1) + MEDIA_BOX.sub(lambda b: portrait(b, rotate=False), m.group(2)) + m.group(3)

    data, pages = PAGE_OBJECT.subn(fix_page, data)
    data = PAGES_OBJECT.sub(fix_pages, data)
    assert pages > 0 and len(heights) == 1, (pages, heights)
    height = heights.pop()
    width = widths.pop()
    # Display (x, y) of the landscape page is user space (height - y, x) of the portrait page
    # under /Rotate 90, (y, width - x) under /Rotate 270.
    turn = b"q 0 1 -1 0 " + height + b" 0 cm\n" if angle == b"90" else b"q 0 -1 1 0 0 " + width + b" cm\n"
    data, streams = CONTENTS.subn(lambda m: m.group(1) + turn + m.group(2) + b"\nQ" + m.group(3), data)
    assert streams == pages, (streams, pages)
    open(sys.argv[2], "wb").write(data)


if __name__ == "__main__":
    main()
