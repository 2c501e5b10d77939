"""ZIP, DOCX and XLSX files for the bad-input suite: packages from parts, minimal documents and
workbooks, and DEFLATE bombs and ZIPs built byte by byte, past what zipfile would check. Used by
make_bad_inputs.py."""
import io
import struct
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def zip_bytes(parts, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XLSX_PACKAGE = {
    "[Content_Types].xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/></Types>'),
    "_rels/.rels": (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        b'Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        b'Target="worksheets/sheet1.xml"/>'
        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        b'Target="sharedStrings.xml"/></Relationships>'),
}


def sheet_xml(rows, after=""):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>%s</sheetData>%s</worksheet>'
            % (S_NS, rows, after)).encode("utf-8")


def minimal_xlsx(sheet, shared_strings=None):
    parts = dict(XLSX_PACKAGE)
    parts["xl/worksheets/sheet1.xml"] = sheet
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    return zip_bytes(parts)


def docx_parts(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def with_part(parts, name, data):
    changed = dict(parts)
    if data is None:
        changed.pop(name, None)
    else:
        changed[name] = data
    return changed


MINIMAL_PACKAGE = {
    "[Content_Types].xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    "_rels/.rels": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'officeDocument" Target="word/document.xml"/></Relationships>'),
}


def document_xml(body, prolog=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + prolog +
            '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, body)).encode("utf-8")


def small_list_body(first_cell="1"):
    """A heading and a two-row duty-list table: a valid list apart from what a case changes."""
    def cell(text):
        return "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % text
    rows = ["<w:tr>" + "".join(cell(t) for t in ("序号", "事项类别", "事项名称")) + "</w:tr>",
            "<w:tr>" + "".join(cell(t) for t in (first_cell, "党的建设", "学习贯彻")) + "</w:tr>"]
    return ("<w:p><w:r><w:t>某乡基本履职事项清单</w:t></w:r></w:p><w:tbl>" + "".join(rows) + "</w:tbl>")


def minimal_docx(document):
    return zip_bytes(with_part(MINIMAL_PACKAGE, "word/document.xml", document))


def crc32_combine(crc1, crc2, len2):
    """zlib's crc32_combine: the CRC of A+B from the CRCs of A and B and the length of B."""
    def times(mat, vec):
        total = 0
        i = 0
        while vec:
            if vec & 1:
                total ^= mat[i]
            vec >>= 1
            i += 1
        return total

    def square(mat):
        return [times(mat, mat[n]) for n in range(32)]

    if len2 == 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = square(odd)
    odd = square(even)
    while True:
        even = square(odd)
        if len2 & 1:
            crc1 = times(even, crc1)
        len2 >>= 1
        if len2 == 0:
            break
        odd = square(even)
        if len2 & 1:
            crc1 = times(odd, crc1)
        len2 >>= 1
        if len2 == 0:
            break
    return crc1 ^ crc2


def deflate_bomb(prefix, filler, repeats, suffix):
    """Raw DEFLATE of prefix + filler * repeats + suffix, built without inflating it: after a full
    flush the compressor starts afresh, so every copy of the filler compresses to the same bytes."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = co.compress(prefix) + co.flush(zlib.Z_FULL_FLUSH)
    chunk = co.compress(filler) + co.flush(zlib.Z_FULL_FLUSH)
    tail = co.compress(suffix) + co.flush()
    crc_chunk = zlib.crc32(filler)
    crc = zlib.crc32(prefix)
    # CRC of `repeats` copies by doubling.
    block_crc, block_len, remaining, body_crc, body_len = crc_chunk, len(filler), repeats, 0, 0
    while remaining:
        if remaining & 1:
            body_crc = crc32_combine(body_crc, block_crc, block_len) if body_len else block_crc
            body_len += block_len
        block_crc = crc32_combine(block_crc, block_crc, block_len)
        block_len *= 2
        remaining >>= 1
    crc = crc32_combine(crc, body_crc, body_len)
    crc = crc32_combine(crc, zlib.crc32(suffix), len(suffix))
    size = len(prefix) + body_len + len(suffix)
    return head + chunk * repeats + tail, crc, size


def raw_zip(entries):
    """A ZIP from (name, method, crc, compressed bytes, declared size) without zipfile's checks."""
    out = bytearray()
    central = bytearray()
    for name, method, crc, data, size in entries:
        name_b = name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(name_b), 0)
        out += name_b + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size,
                               len(name_b), 0, 0, 0, 0, 0, offset)
        central += name_b
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                       len(out) - len(central), 0)
    return bytes(out)


def stored(name, data):
    return (name, 0, zlib.crc32(data), data, len(data))
