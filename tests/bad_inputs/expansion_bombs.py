"""Small files whose text expands when read: a cell merged down thousands of rows, a shared
string used thousands of times, a numbering label thousands of characters long on every
paragraph, and PDFs whose drawing runs for hours while painting nothing: forms nested 40 deep,
a form of 200,000 operators that set a colour reached 65,536 times, a tiling pattern of
5·10^9 tiles, a 40,000 × 40,000 inline image drawn 512 times, a 50 MB image drawn 201 times on
a page that OCR would render. dutylist must refuse each at its text budget or its PDF limits, fast. Used by make_bad_inputs.py."""
import zlib

W_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cell(text, merge=""):
    props = "<w:tcPr><w:vMerge%s/></w:tcPr>" % (' w:val="restart"' if merge == "restart" else "") if merge else ""
    return "<w:tc>%s<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % (props, text)


def vmerge_body(big, rows):
    """A list whose 事项类别 cell holds `big` and is merged down over `rows` rows."""
    head = "<w:tr>" + cell("序号") + cell("事项类别") + cell("事项名称") + "</w:tr>"
    first = "<w:tr>" + cell("1") + cell(big, "restart") + cell("事项") + "</w:tr>"
    rest = "".join("<w:tr>" + cell(str(n)) + cell("", "continue") + cell("事项") + "</w:tr>" for n in range(2, rows + 1))
    return "<w:p><w:r><w:t>某乡基本履职事项清单</w:t></w:r></w:p><w:tbl>" + head + first + rest + "</w:tbl>"


def numbering_parts(package, document_xml, paragraphs):
    """A numbering level whose text is "%1" 2,000 times, counting from 10^6, on `paragraphs`
    paragraphs of a list's cell: 14 KB of label each."""
    numbering = ('<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/'
                 'wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1000000"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%s"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % ("%1" * 2000)).encode()
    numbered = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
    table = ("<w:tbl><w:tr>" + cell("序号") + cell("事项名称") + "</w:tr><w:tr>" + cell("1") +
             "<w:tc>" + numbered * paragraphs + "</w:tc></w:tr></w:tbl>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId9" Type="%s/numbering" Target="numbering.xml"/></Relationships>' % W_REL).encode()
    parts = dict(package)
    parts["word/document.xml"] = document_xml("<w:p><w:r><w:t>某乡基本履职事项清单</w:t></w:r></w:p>" + table)
    parts["word/numbering.xml"] = numbering
    parts["word/_rels/document.xml.rels"] = rels
    return parts


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


def shared_string_sheet(rows):
    """A list whose every 事项名称 is shared string 0."""
    out = '<row r="1">' + inline("A1", "序号") + inline("B1", "事项名称") + "</row>"
    out += "".join('<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="s"><v>0</v></c></row>' % (r, r, r - 1, r)
                   for r in range(2, rows + 2))
    return out


def merged_string_sheet(big, rows):
    """A list whose 事项名称 of its first row holds `big`, merged down over `rows` rows."""
    out = '<row r="1">' + inline("A1", "序号") + inline("B1", "事项名称") + "</row>"
    out += '<row r="2"><c r="A2"><v>1</v></c>' + inline("B2", big) + "</row>"
    out += "".join('<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r - 1) for r in range(3, rows + 2))
    return out, '<mergeCells><mergeCell ref="B2:B%d"/></mergeCells>' % (rows + 1)


def silent_form_tower(make_pdf, stream, levels):
    """A page drawing a form twice that draws the next form twice, `levels` deep, and the last
    paints nothing: 2^levels forms entered, no character or line drawn."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
               b"/Resources << /XObject << /X 5 0 R >> >> >>",
               stream(b"q /X Do Q q /X Do Q")]
    for level in range(levels):
        last = level == levels - 1
        body = b"" if last else b"q /X Do Q q /X Do Q"
        resources = b"<< >>" if last else b"<< /XObject << /X %d 0 R >> >>" % (len(objects) + 2)
        objects.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 842 595] /Resources " + resources + b" "))
    return make_pdf(objects)


def form_tower(make_pdf, stream, levels, last_body, last_resources=b"<< >>"):
    """A page drawing a form twice that draws the next form twice, `levels` deep; the last
    form's content is `last_body` (deflated, so a long one stays small)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
               b"/Resources << /XObject << /X 5 0 R >> >> >>",
               stream(b"/X Do /X Do")]
    for level in range(levels):
        form = b"/Type /XObject /Subtype /Form /BBox [0 0 842 595] /Resources "
        if level == levels - 1:
            objects.append(stream(zlib.compress(last_body, 9), form + last_resources + b" /Filter /FlateDecode "))
        else:
            objects.append(stream(b"/X Do /X Do", form + b"<< /XObject << /X %d 0 R >> >> " % (len(objects) + 2)))
    return make_pdf(objects)


def colour_operator_tower(make_pdf, stream):
    """200,000 operators that only set a colour (no character, line or form among them), in a
    form reached 2^16 times: 1.3·10^10 operators from a few KB."""
    return form_tower(make_pdf, stream, 16, b"0 g\n" * 200000)


def tiling_pattern_page(one_page_pdf, stream):
    """A page filled with a tiling pattern whose step is 0.01 pt: 5·10^9 tiles, each a form."""
    pattern = stream(b"0 0 0.001 0.001 re f", b"/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 "
                     b"/BBox [0 0 0.01 0.01] /XStep 0.01 /YStep 0.01 /Resources << >> ")
    return one_page_pdf(b"/Pattern cs /P scn 0 0 842 595 re f", b"<< /Pattern << /P 5 0 R >> >>", [pattern])


def inline_image_tower(make_pdf, stream):
    """An inline image declared 40,000 × 40,000 grey (1.6 GB, whose few bytes of data end at
    once) in a form reached 512 times: Poppler reads it to its declared end each time."""
    image = b"BI /W 40000 /H 40000 /BPC 8 /CS /G /F /Fl ID " + zlib.compress(bytes(10)) + b" EI"
    return form_tower(make_pdf, stream, 10, image)


def huge_image_page(make_pdf, stream):
    """A page of no text (a scan, for OCR) drawing a 20,000 × 20,000 one-bit image, 50 MB when
    decoded and 50 KB deflated, once and then 200 times from a form: rendering it decodes 10 GB."""
    side = 20000
    data = zlib.compress(bytes(side * side // 8), 9)
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 "
             b"/Filter /FlateDecode /Length %d >>\nstream\n" % (side, side, len(data)) + data + b"\nendstream")
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 842 595] /Resources << /XObject << /I 6 0 R >> >> "
    return make_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
                     b"/Resources << /XObject << /X 5 0 R /I 6 0 R >> >> >>",
                     stream(b"q 800 0 0 550 20 20 cm /I Do Q /X Do"),
                     stream(b"q 800 0 0 550 20 20 cm " + b"/I Do " * 200 + b"Q", form), image])
