#!/usr/bin/python3
"""Makes the seed inputs of the fuzz targets from the shared corpus, into OUTDIR/<target>/.

Seeds are small on purpose: libFuzzer runs each input thousands of times a second only when it
is a few KB, so the corpus documents are cut down to a few rows of each table.
Usage: make_seeds.py SHARED_DIR OUTDIR
"""
import io
import json
import os
import re
import sys
import zipfile

import docx

# Must match the separator in target_docx_xml.cpp.
PART_SEPARATOR = b"\x00PART\x00"

KEYS = {"序号": "seq", "事项类别": "category", "事项名称": "name", "对应上级部门": "departments",
        "上级部门职责": "department_duties", "乡镇配合职责": "township_duties",
        "承接部门及工作方式": "receiver"}


def dutylist_json(truth, rows_per_list=None):
    """The truth as dutylist/2 JSON, as renderers/json_renderer.cpp writes it."""
    lists = []
    for number, lst in enumerate(truth["lists"]):
        keys = [KEYS.get(label, "c%d" % i) for i, label in enumerate(lst["columns"])]
        items = []
        for r, row in enumerate(lst["rows"][:rows_per_list]):
            item = {"values": {k: "\n".join(cell) for k, cell in zip(keys, row)}}
            item["source"] = {"pages": [r // 3 + 1], "table": number + 1, "row": r + 2}
            items.append(item)
        lists.append({"kind": lst["kind"], "title": lst["title"],
                      "columns": [{"key": k, "label": l} for k, l in zip(keys, lst["columns"])],
                      "items": items, "notes": []})
    return {"schema": "dutylist/2", "issuer": truth["issuer"], "title": truth["title"],
            "date": truth["date"], "date_iso": "2025-07",
            "source": {"file": "wumachang.docx", "format": "docx", "pages": 0, "sha256": ""},
            "lists": lists}


def trim_tables(document_xml, rows):
    """Keeps the first `rows` rows of every table (the corpus has no nested tables)."""
    def trim(match):
        table = match.group(0)
        starts = [m.start() for m in re.finditer(r"<w:tr[ >]", table)]
        if len(starts) <= rows:
            return table
        return table[:starts[rows]] + "</w:tbl>"
    return re.sub(r"<w:tbl>.*?</w:tbl>", trim, document_xml, flags=re.S)


def small_docx(path, rows):
    """The DOCX at path with `rows` rows per table and without the 438 KB stylesWithEffects."""
    out = io.BytesIO()
    parts = {}
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/stylesWithEffects.xml":
                continue
            if info.filename == "word/document.xml":
                data = trim_tables(data.decode("utf-8"), rows).encode("utf-8")
            parts[info.filename] = data
            dst.writestr(info.filename, data)
    return out.getvalue(), parts


def made_docx():
    """A small list made with python-docx: vertical and horizontal merges, a nested table,
    numbered paragraphs, a line break inside a cell."""
    d = docx.Document()
    d.add_paragraph("某某乡基本履职事项清单")
    t = d.add_table(rows=5, cols=3)
    for c, label in enumerate(["序号", "事项类别", "事项名称"]):
        t.cell(0, c).text = label
    for r in range(1, 5):
        t.cell(r, 0).text = str(r)
        t.cell(r, 1).text = "党的建设"
        t.cell(r, 2).text = "事项%d" % r
    t.cell(1, 1).merge(t.cell(3, 1))
    t.cell(4, 1).merge(t.cell(4, 2))
    t.cell(2, 2).paragraphs[0].add_run().add_break()
    t.cell(2, 2).paragraphs[0].add_run("第二行")
    inner = t.cell(3, 2).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "内"
    d.add_paragraph("注：本清单", style="List Number")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# Must match `alphabet` in target_pdf_tables.cpp: a glyph byte below 200 indexes it.
ALPHABET = ("序号事项类别名称对应上级部门职责配合基本收回清单乡县第页履党建设注：、，；（）—-/. 0123"
            "9aZ\u2f00\u2f47①\ue000\ufffd\u00a0\u3000\u200b")


def coordinate(v):
    return bytes([min(255, round(v / 3.3)), 0])


def encode_page(rows, xs, ys, heading, footer, ruled=True):
    """One page for target_pdf_tables: a font, the table's rulings, a heading, the cells' text
    (one run per cell, 12 pt) and a page number below the table."""
    out = bytearray([0, 0, 0])  # one regular font, no image
    segments = []
    if ruled:
        segments += [(1, y, xs[0], xs[-1]) for y in ys]
        segments += [(0, x, ys[0], ys[-1]) for x in xs]
    out.append(len(segments))
    for kind, at, a, b in segments:
        out += bytes([kind]) + coordinate(at) + coordinate(a) + coordinate(b)
    runs = [(xs[0], ys[0] - 20, heading)]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            runs.append((xs[c] + 4, ys[r] + 16, text))
    runs.append((400, ys[-1] + 30, footer))
    runs = [run for run in runs if run[2]]
    out.append(len(runs))
    for x, baseline, text in runs:
        # size 12, step 1 × size, then x, baseline, font 0, glyph count
        out += bytes([4, 1, 2]) + coordinate(x) + coordinate(baseline) + bytes([0, len(text) - 1])
        out += bytes(ALPHABET.index(ch) for ch in text)
    return bytes(out)


def pdf_table_seeds():
    header = ["序号", "事项类别", "事项名称"]
    xs, ys = [50, 100, 250, 792], [60, 90, 150, 210, 270]
    first = [header, ["1", "党建", "建设清单"], ["2", "党建", "乡县配合"], ["3", "基本", "上级部门"]]
    second = [header, ["9", "基本", "收回事项"], ["10", "基本", "职责（1）"], ["", "", "、注："]]
    two_pages = bytes([1]) + encode_page(first, xs, ys, "基本履职事项清单", "—1—") + \
        encode_page(second, xs, ys, "", "—2—")
    borderless = bytes([0]) + encode_page(first, xs, ys, "配合履职事项清单", "1", ruled=False)
    return {"ruled-two-pages.bin": two_pages, "borderless.bin": borderless}


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def html_seeds(truth):
    """The county-site page of tests/data/html/make_html.py, a few rows per list, in UTF-8 and GBK."""
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "html"))
    import make_html
    return {"county-site.html": make_html.county_page(truth, '<meta charset="utf-8">').encode("utf-8"),
            "county-site-gbk.html": make_html.county_page(truth, "").encode("gbk")}


ODF_NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def odf_package(kind, body):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument." + kind, zipfile.ZIP_STORED)
        z.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content %s><office:body>'
                   '<office:%s>%s</office:%s></office:body></office:document-content>' % (ODF_NAMESPACES, kind, body, kind))
    return out.getvalue()


def odf_seeds(truth):
    """A few rows per list as an .odt (a heading above each table, 事项类别 merged down) and as an .ods."""
    from xml.sax.saxutils import escape

    def cell(paragraphs, attributes=""):
        return "<table:table-cell%s>%s</table:table-cell>" % (attributes, "".join("<text:p>%s</text:p>" % escape(p) for p in paragraphs))
    text, sheet = [], []
    for lst in truth["lists"]:
        rows = ["<table:table-header-rows><table:table-row>%s</table:table-row></table:table-header-rows>" %
                "".join(cell([c]) for c in lst["columns"])]
        for i, row in enumerate(lst["rows"]):
            cells = [cell(row[0]), cell(row[1], ' table:number-rows-spanned="%d"' % len(lst["rows"])) if i == 0
                     else "<table:covered-table-cell/>"] + [cell(c) for c in row[2:]]
            rows.append("<table:table-row>%s</table:table-row>" % "".join(cells))
        text.append("<text:h>%s</text:h><table:table>%s</table:table>" % (escape(lst["title"]), "".join(rows)))
        sheet.append("<table:table><table:table-row>%s<table:covered-table-cell table:number-columns-repeated=\"2\"/>"
                     "</table:table-row>%s</table:table>" % (cell([lst["title"]], ' table:number-columns-spanned="3"'), "".join(rows)))
    return {"small.odt": odf_package("text", "".join(text)), "small.ods": odf_package("spreadsheet", "".join(sheet))}


# The fixtures of tests/data that seed a target as they are: each reader's own test documents
# (LibreOffice's and python-docx's files, hostile ones too), at most this large so that the
# fuzzer stays fast.
DATA_SEEDS = {"docx": ("docx", (".docx",)), "html": ("html", (".html", ".htm")), "odf": ("odf", (".odt", ".ods"))}
MAX_DATA_SEED_BYTES = 120 * 1024


def data_seeds(outdir):
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
    for target, (folder, extensions) in DATA_SEEDS.items():
        for name in sorted(os.listdir(os.path.join(data, folder))):
            path = os.path.join(data, folder, name)
            if name.endswith(extensions) and os.path.getsize(path) <= MAX_DATA_SEED_BYTES:
                with open(path, "rb") as f:
                    write(os.path.join(outdir, target, "data-" + name), f.read())


def main():
    shared, outdir = sys.argv[1], sys.argv[2]
    corpus = os.path.join(shared, "corpus", "wumachang")
    with open(os.path.join(corpus, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)

    def as_bytes(value):
        return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
    write(os.path.join(outdir, "json", "wumachang.json"), as_bytes(dutylist_json(truth)))
    write(os.path.join(outdir, "json", "small.json"), as_bytes(dutylist_json(truth, 2)))
    write(os.path.join(outdir, "json", "nothing.json"), b'{"schema":"dutylist/2","issuer":"","title":"","date":"","lists":[]}')

    made = made_docx()
    sources = [("wumachang", os.path.join(corpus, "wumachang.docx")),
               ("merged", os.path.join(corpus, "merged", "wumachang-merged.docx"))]
    for name, path in sources:
        data, parts = small_docx(path, 4)
        write(os.path.join(outdir, "docx", name + "-small.docx"), data)
        xml = [parts["word/document.xml"], parts.get("word/styles.xml", b""), parts.get("word/numbering.xml", b"")]
        # styles.xml is 350 KB: one seed with it is enough to reach the style code.
        if name == "wumachang":
            write(os.path.join(outdir, "docx_xml", name + "-styles.bin"), PART_SEPARATOR.join(xml))
        write(os.path.join(outdir, "docx_xml", name + ".bin"), PART_SEPARATOR.join([xml[0], b"", xml[2]]))
    write(os.path.join(outdir, "docx", "made.docx"), made)
    with zipfile.ZipFile(io.BytesIO(made)) as z:
        xml = [z.read("word/document.xml"), b"", z.read("word/numbering.xml")]
    write(os.path.join(outdir, "docx_xml", "made.bin"), PART_SEPARATOR.join(xml))

    for name, data in pdf_table_seeds().items():
        write(os.path.join(outdir, "pdf_tables", name), data)

    small = dict(truth, lists=[dict(lst, rows=lst["rows"][:4]) for lst in truth["lists"]])
    for name, page in html_seeds(small).items():
        write(os.path.join(outdir, "html", name), page)
    for name, package in odf_seeds(small).items():
        write(os.path.join(outdir, "odf", name), package)
    data_seeds(outdir)


if __name__ == "__main__":
    main()
