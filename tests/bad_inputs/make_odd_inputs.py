#!/usr/bin/python3
"""Makes odd but valid inputs that dutylist must convert (tests/test_odd_inputs.cpp):
    owner-password.pdf   the corpus PDF with only an owner password (printing and copying
                         restricted; anyone may open it)
    big-cell.json, big-cell-word.docx      one list whose only item has a 10 MB 事项名称 cell
    rows-50000.json, rows-50000-word.docx  one list of 50,000 items
    unneeded-*.docx      the corpus DOCX with a part the reader has no use for damaged or
                         hostile (styles.xml malformed or an entity bomb, _rels/.rels
                         malformed), or with an XInclude of /etc/passwd in a cell and a
                         relationship to it as an external part: the reader must read the
                         list as from the corpus file and never show the local file
    main-part-renamed.docx  the corpus DOCX with its main part at word/main.xml, named only
                         by the package's relationships
Usage: make_odd_inputs.py SHARED_DIR OUTDIR
"""
import io
import json
import os
import subprocess
import sys
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LABELS = ["序号", "事项类别", "事项名称"]
KEYS = ["seq", "category", "name"]
TITLE = "某某乡基本履职事项清单"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')


def big_cell_paragraphs():
    """10 MB of text in 2,000 paragraphs of about 5 KB."""
    sentence = "负责辖区内安全生产监督检查，协助上级部门开展隐患排查治理工作。"  # 31 characters, 93 bytes
    paragraph = sentence * 54
    count = (10 << 20) // len(paragraph.encode("utf-8")) + 1
    return ["%d.%s" % (i + 1, paragraph) for i in range(count)]


def rows(count):
    return [[str(i + 1), "平安建设" if i % 3 else "党的建设", ["第%d项履职事项" % (i + 1)]] for i in range(count)]


def as_json(items):
    out_items = []
    for number, (seq, category, name) in enumerate(items):
        out_items.append({"seq": seq, "category": category, "name": "\n".join(name),
                          "source": {"table": 1, "row": number + 2}})
    doc = {"schema": "dutylist/1", "issuer": "某某县某某乡", "title": "履职事项清单", "date": "2025年7月",
           "date_iso": "2025-07", "source": {"file": "made.docx", "format": "docx", "pages": 0, "sha256": ""},
           "lists": [{"kind": "basic", "title": TITLE,
                      "columns": [{"key": k, "label": l} for k, l in zip(KEYS, LABELS)],
                      "items": out_items, "notes": []}]}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def as_docx(items):
    def cell(paragraphs):
        return "<w:tc>" + "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % escape(p) for p in paragraphs) + "</w:tc>"
    body = io.StringIO()
    body.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="%s"><w:body>' % W_NS)
    body.write("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % TITLE)
    body.write("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>")
    body.write("<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(cell([l]) for l in LABELS) + "</w:tr>")
    for seq, category, name in items:
        body.write("<w:tr>" + cell([seq]) + cell([category]) + cell(name) + "</w:tr>")
    body.write("</w:tbl><w:sectPr/></w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", body.getvalue())
    return out.getvalue()


def corpus_variants(docx_path):
    with zipfile.ZipFile(docx_path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    lol = "".join('<!ENTITY lol%d "%s">' % (i, "&lol%d;" % (i - 1) * 10 if i else "lol") for i in range(10))
    xinclude = parts["word/document.xml"].replace(
        b"<w:t>1</w:t>",
        b'<w:t>1</w:t><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>', 1)
    external_styles = parts["word/_rels/document.xml.rels"].replace(
        b'Target="styles.xml"', b'Target="file:///etc/passwd" TargetMode="External"')
    assert external_styles != parts["word/_rels/document.xml.rels"] and xinclude != parts["word/document.xml"]
    changes = {
        "unneeded-broken-styles": {"word/styles.xml": b"<w:styles><w:style>"},
        "unneeded-bomb-styles": {"word/styles.xml": ('<?xml version="1.0"?><!DOCTYPE w:styles [%s]><w:styles '
                                                     'xmlns:w="%s">&lol9;</w:styles>' % (lol, W_NS)).encode()},
        "unneeded-broken-rels": {"_rels/.rels": b"<Relationships><"},
        "unneeded-xinclude-passwd": {"word/document.xml": xinclude},
        "unneeded-external-styles": {"word/_rels/document.xml.rels": external_styles},
    }
    for name, change in changes.items():
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for part, data in parts.items():
                z.writestr(part, change.get(part, data))
        yield name + ".docx", out.getvalue()
    # The main part under another name, as some producers write it: only the package's
    # relationships (_rels/.rels) and content types say where it is.
    renamed = {"word/document.xml": "word/main.xml", "word/_rels/document.xml.rels": "word/_rels/main.xml.rels"}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            if part in ("_rels/.rels", "[Content_Types].xml"):
                changed = data.replace(b"word/document.xml", b"word/main.xml")
                assert changed != data, part
                data = changed
            z.writestr(renamed.get(part, part), data)
    yield "main-part-renamed.docx", out.getvalue()


def main():
    shared, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    pdf = os.path.join(shared, "corpus", "wumachang", "wumachang.pdf")
    subprocess.run(["qpdf", "--encrypt", "", "owner-secret", "256", "--print=none", "--extract=n", "--modify=none",
                    "--", pdf, os.path.join(outdir, "owner-password.pdf")], check=True)
    big = [["1", "安全生产", big_cell_paragraphs()]]
    many = rows(50000)
    for name, items in (("big-cell", big), ("rows-50000", many)):
        with open(os.path.join(outdir, name + ".json"), "wb") as f:
            f.write(as_json(items))
        with open(os.path.join(outdir, name + "-word.docx"), "wb") as f:
            f.write(as_docx(items))
    for name, data in corpus_variants(os.path.join(shared, "corpus", "wumachang", "wumachang.docx")):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
