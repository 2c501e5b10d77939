#!/usr/bin/python3
"""Makes the bad-input suite: files dutylist must refuse with exit 1 and one clear line.

Run at test time by tests/test_bad_inputs.cpp into a temporary folder, so that no hostile blob
is kept in the tree. Writes the files into OUTDIR and OUTDIR/manifest.tsv, one line per file:
    name <TAB> expected <TAB> what
where `expected` is a regular expression the error line must match (empty: any clear reason)
and `what` says what the file is.
Usage: make_bad_inputs.py SHARED_DIR OUTDIR
The files are built by package_files.py (ZIP, DOCX, XLSX), pdf_files.py (PDF, PNG) and
expansion_bombs.py (small files that expand when read); reference_docs.py writes hostile
--reference-doc documents into OUTDIR/reference/ with a manifest of their own.
"""
import os
import random
import struct
import sys
import zipfile

import expansion_bombs as bombs
from package_files import (MINIMAL_PACKAGE, S_NS, XLSX_PACKAGE, deflate_bomb, docx_parts, document_xml, minimal_docx,
                           minimal_xlsx, raw_zip, sheet_xml, small_list_body, stored, with_part, zip_bytes)
from reference_docs import write_reference_docs
from pdf_files import form_bomb, make_pdf, mesh_pdf, one_page_pdf, png_image, qpdf_encrypt, stream

GIB = 1 << 30
# A small dutylist JSON file that the cases below cut or spoil.
OUR_JSON = (b'{"schema": "dutylist/1", "issuer": "\xe4\xb9\xa1", "title": "t", "date": "", "lists": '
            b'[{"kind": "basic", "title": "t", "columns": [{"key": "seq", "label": "\xe5\xba\x8f\xe5\x8f\xb7"}], '
            b'"items": [{"seq": "1"}, {"seq": "2"}], "notes": []}]}\n')
# A billion laughs: ten entities of ten references each.
LOL = "".join('<!ENTITY lol%d "%s">' % (i, "&lol%d;" % (i - 1) * 10 if i else "lol") for i in range(10))


class Suite:
    def __init__(self, outdir):
        self.outdir = outdir
        self.rows = []

    def add(self, name, data, what, expected=""):
        with open(os.path.join(self.outdir, name), "wb") as f:
            f.write(data)
        self.rows.append((name, expected, what))

    def add_folder(self, name, what, expected):
        os.mkdir(os.path.join(self.outdir, name))
        self.rows.append((name, expected, what))

    def add_fifo(self, name, what, expected):
        os.mkfifo(os.path.join(self.outdir, name))
        self.rows.append((name, expected, what))

    def add_sparse(self, name, size, what, expected):
        with open(os.path.join(self.outdir, name), "wb") as f:
            f.truncate(size)
        self.rows.append((name, expected, what))

    def write_manifest(self):
        with open(os.path.join(self.outdir, "manifest.tsv"), "w", encoding="utf-8") as f:
            for row in self.rows:
                f.write("\t".join(row) + "\n")


# --- the suite --------------------------------------------------------------------------------

def add_empty_and_cut(s, pdf, docx):
    # Empty and blank.
    for name in ("empty.pdf", "empty.docx", "empty.json", "empty"):
        s.add(name, b"", "an empty file", "empty")
    s.add("blank.pdf", b"   \n\n  \n", "only white space", "text")

    # Truncated. The PDF's page tree and catalog are in its last KB (LibreOffice writes them
    # last), so every cut below loses them; a ZIP without its central directory cannot be read.
    catalog = pdf.rfind(b"/Type/Pages")
    for cut in (8, 1000, len(pdf) // 4, len(pdf) // 2, len(pdf) * 3 // 4, catalog):
        s.add("truncated-at-%d.pdf" % cut, pdf[:cut], "the corpus PDF cut at byte %d" % cut)
    for cut in (4, 30, 1000, len(docx) // 2, len(docx) - 100, len(docx) - 10):
        s.add("truncated-at-%d.docx" % cut, docx[:cut], "the corpus DOCX cut at byte %d" % cut)
    for cut in (1, 20, len(OUR_JSON) // 2, len(OUR_JSON) - 3):
        s.add("truncated-at-%d.json" % cut, OUR_JSON[:cut], "dutylist JSON cut at byte %d" % cut)


def add_random_bytes(s, rng):
    # Random bytes, bare and behind a PDF or ZIP signature.
    s.add("random.pdf", bytes(rng.getrandbits(8) for _ in range(4096)), "4 KB of random bytes")
    s.add("random.docx", bytes(rng.getrandbits(8) for _ in range(4096)), "4 KB of random bytes")
    s.add("random", bytes(rng.getrandbits(8) for _ in range(1 << 20)), "1 MB of random bytes")
    s.add("random-after-header.pdf", b"%PDF-1.7\n" + bytes(rng.getrandbits(8) for _ in range(65536)),
          "a PDF signature followed by random bytes")
    s.add("random-after-header.docx", b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(65536)),
          "a ZIP signature followed by random bytes")
    s.add("nul-bytes.json", b"\x00" * 1000, "NUL bytes")


def add_other_types(s):
    # Another type under a .pdf or .docx name.
    png = png_image()
    s.add("picture.pdf", png, "a PNG image named .pdf", "PNG")
    s.add("picture.docx", png, "a PNG image named .docx", "PNG")
    s.add("photo.pdf", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "a JPEG image named .pdf", "JPEG")
    notes = "这是一份普通的文本文件，不是清单。\nJust a text file.\n".encode("utf-8")
    s.add("notes.pdf", notes, "plain text named .pdf", "text")
    s.add("notes.docx", notes, "plain text named .docx", "text")
    html = "<!DOCTYPE html><html><body><table><tr><td>序号</td></tr></table></body></html>".encode("utf-8")
    s.add("page.pdf", html, "an HTML page named .pdf", "HTML")
    s.add("page.docx", html, "an HTML page named .docx", "HTML")
    # Excel workbooks are read; one without a duty list is refused, whatever it is called.
    empty_workbook = zip_bytes({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
        "xl/worksheets/sheet1.xml": b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'})
    no_list = "no sheet of this Excel workbook holds a duty list"
    s.add("sheet.docx", empty_workbook, "an XLSX workbook without sheets named .docx", no_list)
    s.add("sheet.pdf", empty_workbook, "an XLSX workbook without sheets named .pdf", no_list)
    phone_book = minimal_xlsx(sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
                                        '<c r="B1" t="inlineStr"><is><t>电话</t></is></c></row>'))
    s.add("phone-book.xlsx", phone_book, "an XLSX workbook whose sheet is not a duty list", no_list)
    s.add("cut.xlsx", phone_book[:len(phone_book) // 2], "an XLSX workbook cut in half", "Excel")
    s.add("slides.docx", zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}),
          "a PPTX presentation named .docx", "PowerPoint|PPTX")
    s.add("archive.docx", zip_bytes({"readme.txt": b"hello"}), "a ZIP of a text file named .docx", "ZIP|Word")
    s.add("odt.docx", zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
                                zipfile.ZIP_STORED), "an OpenDocument text named .docx")
    s.add("letter.docx", b"{\\rtf1\\ansi hello}", "an RTF document named .docx", "RTF")
    s.add("other.json", b'{"name": "not ours", "rows": [1, 2, 3]}', "JSON that is not dutylist's", "dutylist")
    s.add("utf16.json", '{"schema": "dutylist/1"}'.encode("utf-16"), "dutylist JSON in UTF-16")

    # OpenDocument and web pages, read natively: cut short, nested past the limits, repeats and
    # spans that would fill millions of cells, a password, a DTD, a page with no list.
    def odf(kind, body, extra=None):
        content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                   'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:%s>%s'
                   '</office:%s></office:body></office:document-content>' % (kind, body, kind)).encode("utf-8")
        parts = {"mimetype": ("application/vnd.oasis.opendocument." + kind).encode(), "content.xml": content}
        parts.update(extra or {})
        return zip_bytes(parts, zipfile.ZIP_STORED)
    header = ("<table:table-row><table:table-cell><text:p>序号</text:p></table:table-cell><table:table-cell>"
              "<text:p>事项名称</text:p></table:table-cell></table:table-row>")
    odt = odf("text", "<text:p>清单</text:p><table:table>%s</table:table>" % header)
    s.add("cut.odt", odt[:len(odt) // 2], "an OpenDocument text cut in half")
    s.add("deep-sections.odt", odf("text", "<text:section>" * 300 + "</text:section>" * 300),
          "an OpenDocument text nested 300 deep", "nested|depth")
    s.add("repeat-bomb.ods", odf("spreadsheet", '<table:table>%s<table:table-row table:number-rows-repeated="1000000">'
                                 '<table:table-cell table:number-columns-repeated="16384"><text:p>x</text:p>'
                                 '</table:table-cell></table:table-row></table:table>' % header),
          "an OpenDocument sheet whose repeated text would fill 16 billion cells", "4 million")
    s.add("password.odt", odf("text", "", {"META-INF/manifest.xml": b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                                           b'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
                                           b'<manifest:encryption-data/></manifest:file-entry></manifest:manifest>'}),
          "a password-protected OpenDocument text", "password")
    s.add("entity-bomb.odt", zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml":
                                        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
                                        b'&a;&a;&a;&a;&a;">]><d>&b;</d>'}, zipfile.ZIP_STORED),
          "an OpenDocument text whose content.xml holds an entity bomb")
    s.add("deep-tables.html", b"<html><body>" + b"<table><tr><td>" * 100000, "a web page 10^5 tables deep", "nested")
    s.add("rowspan-bomb.html", ("<html><body><table><tr><th>序号</th><th>事项名称</th></tr><tr>" +
                                '<td rowspan="65534">x</td>' * 1000 + "</tr>" + "<tr></tr>" * 5000 +
                                "</table></body></html>").encode("utf-8"),
          "a web page whose rowspans would fill 5 million cells", "4 million")
    s.add("no-list.htm", "<html><head><meta charset=gbk></head><body><p>通知</p><table><tr><td>姓名</td><td>电话</td>"
          "</tr></table></body></html>".encode("gbk"), "a GBK web page without a duty list", "HTML")
    s.add("unknown-charset.html", b'<html><head><meta charset="x-klingon"></head><body></body></html>',
          "a web page in a character set nobody knows", "character set")


def add_pdfs(s, corpus, outdir, rng):
    # Encrypted PDFs: a user password is needed to open them.
    source = os.path.join(corpus, "wumachang.pdf")
    for bits in (40, 128, 256):
        name = "user-password-%d.pdf" % bits
        qpdf_encrypt(source, os.path.join(outdir, name), "secret", "owner", bits)
        s.rows.append((name, "password", "the corpus PDF encrypted (%d bit) with a user password" % bits))

    # PDFs with no pages or no text.
    s.add("no-pages.pdf", make_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]),
          "a PDF with no pages")
    s.add("blank-page.pdf", one_page_pdf(b""), "a PDF of one blank page")
    image = bytes((x * y) % 256 for y in range(64) for x in range(64))
    s.add("image-only.pdf", one_page_pdf(b"q 800 0 0 550 20 20 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>",
                                         [stream(image, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                                                        b"/ColorSpace /DeviceGray /BitsPerComponent 8 ")]),
          "a PDF whose only page is an image (a scan)")
    s.add("huge-scanned-page.pdf", one_page_pdf(b"q 14000 0 0 14000 200 200 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>",
                                                [stream(image, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                                                               b"/ColorSpace /DeviceGray /BitsPerComponent 8 ")],
                                                b"[0 0 14400 14400]"),
          "a scanned page of 5 m by 5 m: 3.6 billion pixels at OCR's 300 dpi", "too large to be read by OCR")
    grid = b"".join(b"%d 50 m %d 545 l S " % (x, x) for x in range(50, 800, 150)) + \
        b"".join(b"50 %d m 800 %d l S " % (y, y) for y in range(50, 550, 50))
    s.add("empty-grid.pdf", one_page_pdf(grid), "a PDF with a ruled table and no text")
    s.add("hello.pdf", one_page_pdf(b"BT /F1 24 Tf 72 500 Td (Hello, this is not a duty list.) Tj ET",
                                    b"<< /Font << /F1 5 0 R >> >>",
                                    [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]),
          "a PDF with a line of text and no table")
    helvetica = (b"<< /Font << /F1 5 0 R >> >>", [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
    s.add("text-in-grid.pdf", one_page_pdf(grid + b"BT /F1 12 Tf 60 520 Td (Hello 1 2 3) Tj ET", *helvetica),
          "a PDF with a ruled grid and a line of text in its first cell")
    cells = b"".join(b"BT /F1 12 Tf %d %d Td (%s) Tj ET " % (x + 10, y, t)
                     for y, row in ((520, (b"Name", b"Amount", b"Date")), (470, (b"Apples", b"12.50", b"2025-07-01")),
                                    (420, (b"Pears", b"8.00", b"2025-07-02")))
                     for x, t in zip((50, 200, 350), row))
    invoice = b"".join(b"%d 400 m %d 545 l S " % (x, x) for x in (50, 200, 350, 500)) + \
        b"".join(b"50 %d m 500 %d l S " % (y, y) for y in (400, 450, 500, 545))
    s.add("other-table.pdf", one_page_pdf(invoice + cells, *helvetica),
          "a PDF with a ruled table that is not a duty list (Name, Amount, Date)")
    overflow = b"1000000000 0 0 1000000000 0 0 cm " * 40
    s.add("overflowing-transform.pdf", one_page_pdf(b"q " + overflow + grid + b"Q q 0 0 0 0 0 0 cm " + grid +
                                                    b"BT /F1 12 Tf 60 520 Td (1 2 3) Tj ET Q", *helvetica),
          "a PDF whose drawing transforms overflow to infinity or collapse to nothing")
    s.add("form-bomb.pdf", form_bomb(7, 10), "3 KB of nested forms that draw 10^8 lines")
    # Shaded meshes: Poppler parses a mesh whole before asking the device, and left to itself
    # cuts every triangle into up to 4096 filled pieces without asking the abort check.
    s.add("gouraud-mesh-bomb.pdf", mesh_pdf(4, 3_000_000, 1),
          "a PDF of 70 KB whose Gouraud-shaded mesh of 3 million triangles (shading type 4) Poppler holds in 1.3 GB",
          "shaded meshes")
    s.add("patch-mesh-bomb.pdf", mesh_pdf(6, 1_000_000, 1),
          "a PDF of 70 KB whose mesh of a million Coons patches (shading type 6) Poppler holds in 1.3 GB", "shaded meshes")
    s.add("mesh-drawn-often.pdf", mesh_pdf(4, 20_000, 2000),
          "a PDF that paints a mesh of 20,000 triangles 2000 times", "half a million")
    s.add("garbage-content.pdf", one_page_pdf(bytes(rng.getrandbits(8) for _ in range(2048))),
          "a PDF whose page content is random bytes")


def add_damaged_packages(s, parts):
    # DOCX packages that are damaged or hostile.
    s.add("no-document-part.docx", zip_bytes(with_part(parts, "word/document.xml", None)),
          "the corpus DOCX without word/document.xml")
    s.add("only-content-types.docx", zip_bytes({"[Content_Types].xml": parts["[Content_Types].xml"]}),
          "a package with nothing but [Content_Types].xml")
    s.add("no-tables.docx", minimal_docx(document_xml("<w:p><w:r><w:t>会议通知</w:t></w:r></w:p>")),
          "a Word document with a paragraph and no table")
    s.add("empty-body.docx", minimal_docx(document_xml("")), "a Word document with an empty body")
    s.add("empty-document-part.docx", minimal_docx(b""), "word/document.xml is empty")
    whole = parts["word/document.xml"]
    s.add("document-cut.docx", zip_bytes(with_part(parts, "word/document.xml", whole[:len(whole) // 2])),
          "word/document.xml cut in half (malformed XML)")
    s.add("mismatched-tags.docx", minimal_docx(document_xml(small_list_body()).replace(b"</w:tbl>", b"</w:table>")),
          "malformed XML: a closing tag that does not match")
    s.add("not-xml.docx", minimal_docx("这不是XML".encode("utf-8")), "word/document.xml is not XML")

    # Invalid UTF-8.
    s.add("invalid-utf8.docx", minimal_docx(document_xml(small_list_body()).replace("党".encode("utf-8"), b"\xe5\x85")),
          "word/document.xml with an invalid UTF-8 sequence")
    s.add("invalid-utf8.json", OUR_JSON.replace(b"\xe4\xb9\xa1", b"\xff\xfe\xb9"), "dutylist JSON with invalid UTF-8", "UTF-8")
    s.add("overlong-utf8.json", OUR_JSON.replace(b"\xe4\xb9\xa1", b"\xc0\xaf"), "dutylist JSON with an overlong UTF-8 '/'", "UTF-8")


def add_entities(s, parts):
    whole = parts["word/document.xml"]
    # Entities.
    s.add("billion-laughs.docx", minimal_docx(document_xml(small_list_body("&lol9;"),
                                                           "<!DOCTYPE w:document [%s]>" % LOL)),
          "an entity bomb (a billion laughs) in word/document.xml")
    blowup = '<!DOCTYPE w:document [<!ENTITY a "%s">]>' % ("x" * 50000)
    s.add("quadratic-blowup.docx", minimal_docx(document_xml(small_list_body("&a;" * 50000), blowup)),
          "a 50 KB entity referenced 50,000 times")
    xxe = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    s.add("external-entity.docx", minimal_docx(document_xml(small_list_body("&xxe;"), xxe)),
          "an external entity that points at /etc/passwd")
    corpus_xxe = whole.replace(b"?>", b"?>" + xxe.encode(), 1).replace(b"<w:t>1</w:t>", b"<w:t>&xxe;</w:t>", 1)
    s.add("external-entity-corpus.docx", zip_bytes(with_part(parts, "word/document.xml", corpus_xxe)),
          "the corpus DOCX with /etc/passwd as an external entity in its first row")
    pe = '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
    s.add("external-parameter-entity.docx", minimal_docx(document_xml(small_list_body(), pe)),
          "an external parameter entity that points at /etc/passwd")
    external_rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships '
                     b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                     b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                     b'Target="file:///etc/passwd" TargetMode="External"/></Relationships>')
    s.add("external-document-part.docx",
          zip_bytes({"[Content_Types].xml": MINIMAL_PACKAGE["[Content_Types].xml"], "_rels/.rels": external_rels}),
          "a package whose main part is the local file /etc/passwd")


def add_zip_bombs(s):
    # DEFLATE bombs: a few MB that inflate to 2.5 GB; one declares its size, one lies about it.
    prefix = document_xml("<w:p><w:r><w:t>").split(b"<w:p>")[0] + b"<w:p><w:r><w:t>"
    data, crc, size = deflate_bomb(prefix, b" " * (1 << 20), 2500, b"</w:t></w:r></w:p></w:body></w:document>")
    package = [stored(n, d) for n, d in MINIMAL_PACKAGE.items()]
    s.add("deflate-bomb.docx", raw_zip(package + [("word/document.xml", 8, crc, data, size)]),
          "word/document.xml inflates to 2.5 GB from %d KB" % (len(data) // 1024))
    s.add("deflate-bomb-lying.docx", raw_zip(package + [("word/document.xml", 8, crc, data, 4096)]),
          "word/document.xml inflates to 2.5 GB but declares 4 KB")
    assert size > 2 * GIB

    # Two entries of one name: which counts depends on the reader.
    twice = [stored(n, d) for n, d in MINIMAL_PACKAGE.items()]
    twice += [stored("word/document.xml", document_xml(small_list_body())), stored("word/document.xml", document_xml(small_list_body("2")))]
    s.add("duplicate-entry.docx", raw_zip(twice), "two ZIP entries named word/document.xml", "two entries named word/document.xml")
    s.add("duplicate-entry-case.docx", raw_zip(twice[:-1] + [stored("Word/Document.xml", document_xml(small_list_body("2")))]),
          "entries word/document.xml and Word/Document.xml", "two entries named")


def add_hostile_workbooks(s):
    # Hostile workbooks: an entity bomb in the shared strings, a sheet that inflates to 2.5 GB,
    # merged ranges that would copy a cell into millions of rows, a shared string that is not there.
    s.add("billion-laughs.xlsx", minimal_xlsx(sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
                                              ('<!DOCTYPE sst [%s]><sst xmlns="%s"><si><t>&lol9;</t></si></sst>'
                                               % (LOL, S_NS)).encode("utf-8")),
          "an entity bomb (a billion laughs) in xl/sharedStrings.xml", "Excel workbook is unsafe")
    sheet_prefix = ('<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>' % S_NS).encode()
    data, crc, size = deflate_bomb(sheet_prefix, b" " * (1 << 20), 2500, b"</t></is></c></row></sheetData></worksheet>")
    workbook_parts = [stored(n, d) for n, d in XLSX_PACKAGE.items()]
    s.add("deflate-bomb.xlsx", raw_zip(workbook_parts + [("xl/worksheets/sheet1.xml", 8, crc, data, size)]),
          "xl/worksheets/sheet1.xml inflates to 2.5 GB from %d KB" % (len(data) // 1024), "Excel workbook is refused")
    merges = "".join('<mergeCell ref="%s1:%s1048576"/>' % (c, c) for c in "ABCDEFGH")
    cells = "".join('<c r="%s1" t="inlineStr"><is><t>序号</t></is></c>' % c for c in "ABCDEFGH")
    s.add("merge-bomb.xlsx", minimal_xlsx(sheet_xml('<row r="1">%s</row><row r="1048576"><c r="A1048576"><v>1</v></c></row>'
                                                    % cells, "<mergeCells>%s</mergeCells>" % merges)),
          "eight columns merged down over a million rows", "merged cells")
    twice = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="A1" t="inlineStr"><is><t>事项名称</t></is></c></row>'
    s.add("duplicate-cell.xlsx", minimal_xlsx(sheet_xml(twice)), "a cell A1 given twice, with two texts", "cell A1 is given twice")
    s.add("missing-string.xlsx", minimal_xlsx(sheet_xml('<row r="1"><c r="A1" t="s"><v>7</v></c></row>')),
          "a cell naming a shared string the workbook does not have", "Excel workbook is damaged")

    # Numbers out of range: refused, never wrapped around.
    wrapped = '<row r="4294967298"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row>'
    s.add("row-4294967298.xlsx", minimal_xlsx(sheet_xml(wrapped)), "a row numbered 2^32 + 2 (row 2 modulo 2^32)",
          "row is numbered \"4294967298\", not a row of a sheet \\(1 to 1048576\\)")
    s.add("row-0.xlsx", minimal_xlsx(sheet_xml(wrapped.replace("4294967298", "0"))), "a row numbered 0",
          "row is numbered \"0\", not a row of a sheet")
    s.add("pages-1e300.json", OUR_JSON.replace(b'"date": ""', b'"date": "", "source": {"pages": 1e300}'),
          "dutylist JSON whose page count is 1e300", "not a whole number")


def add_expansions(s):
    # Small files whose text expands past the document's text budget, and PDF forms that
    # nest 40 deep and draw nothing (expansion_bombs.py).
    budget = "text expands to more than 128 MB"
    big = "长" * (1 << 20)
    s.add("vmerge-3mb-5000.docx", minimal_docx(document_xml(bombs.vmerge_body(big, 5000))),
          "a 3 MB cell merged down (vMerge) over 5,000 rows", budget)
    s.add("numbering-2000.docx", zip_bytes(bombs.numbering_parts(MINIMAL_PACKAGE, document_xml, 20000)),
          "a numbering level of \"%1\" 2,000 times counting from 10^6, on 20,000 paragraphs", budget)
    shared = ('<sst xmlns="%s"><si><t>%s</t></si></sst>' % (S_NS, "长" * 500000)).encode("utf-8")
    s.add("shared-string-10000.xlsx", minimal_xlsx(sheet_xml(bombs.shared_string_sheet(10000)), shared),
          "one 1.5 MB shared string used 10,000 times", budget)
    s.add("merged-string-5000.xlsx", minimal_xlsx(sheet_xml(*bombs.merged_string_sheet("长" * 500000, 5000))),
          "a 1.5 MB string merged down over 5,000 rows", budget)
    s.add("silent-forms-40.pdf", bombs.silent_form_tower(make_pdf, stream, 40),
          "forms nested 40 deep, each drawing the one below twice, painting nothing", "characters, lines, forms")
    s.add("colour-operators.pdf", bombs.colour_operator_tower(make_pdf, stream),
          "200,000 colour operators in a form reached 65,536 times", "characters, lines, forms")
    s.add("tiling-5e9.pdf", bombs.tiling_pattern_page(one_page_pdf, stream),
          "a tiling pattern of 0.01 pt tiles over a page", "characters, lines, forms")
    s.add("inline-image-512.pdf", bombs.inline_image_tower(make_pdf, stream),
          "a 40,000 x 40,000 inline image drawn 512 times", "characters, lines, forms")
    s.add("huge-image-201.pdf", bombs.huge_image_page(make_pdf, stream),
          "a scanned page drawing a 50 MB image 201 times, which OCR would render", "images of more than 256 MB")

    # Deep nesting.
    def nested_tables(depth):
        return "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth
    s.add("nested-5000.docx", minimal_docx(document_xml(nested_tables(5000))), "tables nested 5,000 deep")
    s.add("nested-80.docx", minimal_docx(document_xml(nested_tables(80))), "tables nested 80 deep")
    s.add("nested-arrays.json", b'{"schema": "dutylist/1", "lists": ' + b"[" * 100000 + b"]" * 100000 + b"}",
          "dutylist JSON with arrays nested 100,000 deep")
    s.add("nested-objects.json", b'{"schema": "dutylist/1", "x": ' + b'{"a":' * 50000 + b"1" + b"}" * 50001,
          "dutylist JSON with objects nested 50,000 deep")


def add_containers_and_special_files(s):
    # OLE containers under a .docx name: a legacy Word .doc and an encrypted DOCX (Office
    # encrypts OOXML into an OLE file with EncryptionInfo and EncryptedPackage streams).
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9) + bytes(478)
    s.add("legacy.docx", ole + "WordDocument".encode("utf-16-le") + bytes(4096), "a legacy Word .doc named .docx",
          r"\.doc|legacy|OLE")
    s.add("legacy.pdf", ole + "WordDocument".encode("utf-16-le") + bytes(4096), "a legacy Word .doc named .pdf",
          r"\.doc|legacy|OLE")
    s.add("encrypted.docx", ole + "EncryptionInfo".encode("utf-16-le") + bytes(64) +
          "EncryptedPackage".encode("utf-16-le") + bytes(4096), "an encrypted DOCX (OLE container)",
          r"encrypted|password|OLE")

    # Not a regular file of a sane size.
    s.add_folder("folder.pdf", "a folder named .pdf", "folder")
    s.add_folder("folder.docx", "a folder named .docx", "folder")
    s.add_fifo("pipe.pdf", "a named pipe (FIFO) named .pdf, which no one writes", "named pipe")
    s.add_sparse("huge.pdf", 600 << 20, "a 600 MB file (over the 512 MB input limit)", "limit")


def main():
    shared, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    corpus = os.path.join(shared, "corpus", "wumachang")
    pdf = open(os.path.join(corpus, "wumachang.pdf"), "rb").read()
    docx = open(os.path.join(corpus, "wumachang.docx"), "rb").read()
    parts = docx_parts(os.path.join(corpus, "wumachang.docx"))
    rng = random.Random(7)
    s = Suite(outdir)

    add_empty_and_cut(s, pdf, docx)
    add_random_bytes(s, rng)
    add_other_types(s)
    add_pdfs(s, corpus, outdir, rng)
    add_damaged_packages(s, parts)
    add_entities(s, parts)
    add_zip_bombs(s)
    add_hostile_workbooks(s)
    add_expansions(s)
    add_containers_and_special_files(s)
    s.write_manifest()
    write_reference_docs(outdir, OUR_JSON)


if __name__ == "__main__":
    main()
