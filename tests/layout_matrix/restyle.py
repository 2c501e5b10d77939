"""Restyles the sources that ../data/pdf/make_sources.py writes, after it wrote them.

make_sources.py knows how to write a duty list as DOCX, HTML or XLSX with the corpus's real
text; the layout matrix varies how that list is laid out. Doing the variation here, as a pass
over the finished file, keeps make_sources.py the one writer of list content and lets each
factor be applied to any producer's file the same way. Every pass changes layout only, never
text, so the truth make_sources.py wrote stays the truth.
"""

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

PAGES = {  # name: (width, height) in mm, and the text width make_sources' 20 mm margins leave
    "a4-landscape": (297, 210),
    "a4-portrait": (210, 297),
    "a3-landscape": (420, 297),
}
MARGIN_MM = 20  # make_sources.page_setup's left and right margins

BORDER_EDGES = {  # which table edges carry a rule
    "ruled": ("top", "left", "bottom", "right", "insideH", "insideV"),
    "none": (),
    "horizontal": ("top", "bottom", "insideH"),
}

DOCX_VALIGN = {"top": WD_CELL_VERTICAL_ALIGNMENT.TOP, "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
               "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM}
CSS_VALIGN = {"top": "top", "center": "middle", "bottom": "bottom"}
XLSX_VALIGN = {"top": "top", "center": "center", "bottom": "bottom"}

SPACING_PT = 3  # "spacing before/after": what Word's 段前/段后 0.25 行 comes to at 12 pt


def text_width_mm(page):
    return PAGES[page][0] - 2 * MARGIN_MM


def _docx_borders(table, edges):
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        if edge in edges:
            e.set(qn("w:val"), "single")
            e.set(qn("w:sz"), "4")
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "000000")
        else:
            e.set(qn("w:val"), "nil")
        b.append(e)
    tbl_pr.append(b)


def _docx_page(section, page):
    w, h = PAGES[page]
    section.orientation = WD_ORIENT.LANDSCAPE if w > h else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(w), Mm(h)


def _body_rows(table):
    return [r for r in table.rows if r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None]


def restyle_docx(path, f):
    """f: the combination's factors (see matrix.py). Borders other than three-line are set
    here; three-line tables are written by make_sources itself."""
    doc = Document(path)
    for section in doc.sections[1:] if f["cover"] else doc.sections:
        _docx_page(section, f["page"])
    for table in doc.tables:
        if f["borders"] in BORDER_EDGES:
            _docx_borders(table, BORDER_EDGES[f["borders"]])
        for row in _body_rows(table):
            for cell in row.cells:
                cell.vertical_alignment = DOCX_VALIGN[f["valign"]]
                for p in cell.paragraphs:
                    if f["spacing"] == "before-after":
                        p.paragraph_format.space_before = Pt(SPACING_PT)
                        p.paragraph_format.space_after = Pt(SPACING_PT)
                    if f["halign"] == "left" and p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY:
                        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                    if f["halign"] == "centred-short" or p.alignment != WD_ALIGN_PARAGRAPH.CENTER:
                        continue
                    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if f["halign"] == "justify" else WD_ALIGN_PARAGRAPH.LEFT
    doc.save(path)


def restyle_html(path, f):
    """Chromium: the same factors as CSS rules appended to the page's own style sheet."""
    w, h = PAGES[f["page"]]
    size = "A3" if f["page"].startswith("a3") else "A4"
    rules = [f"@page {{ size: {size} {'landscape' if w > h else 'portrait'}; }}",
             f"td {{ vertical-align: {CSS_VALIGN[f['valign']]}; font-size: {f['size']}pt; }}",
             f"th {{ font-size: {f['size'] + 1}pt; }}",
             f"body, td, th {{ font-family: \"{f['font']}\"; }}"]
    edges = BORDER_EDGES.get(f["borders"], ())
    if f["borders"] == "three-line":
        rules.append("table { border-top: 1pt solid #000; border-bottom: 1pt solid #000; }"
                     " thead th { border-bottom: 1pt solid #000; }")
    elif edges:
        sides = {"insideH": ("top", "bottom"), "insideV": ("left", "right")}
        drawn = {s for e in edges for s in sides.get(e, (e,))}
        rules.append("table th, table td { " + " ".join(
            f"border-{s}: 0.75pt solid #000;" for s in ("top", "bottom", "left", "right") if s in drawn) + " }")
    if f["spacing"] == "before-after":
        rules.append(f"td p {{ margin: {SPACING_PT}pt 0; }}")
    if f["halign"] == "left":
        rules.append("td, td.c { text-align: left; }")
    elif f["halign"] == "justify":
        rules.append("td.c { text-align: justify; }")
    html = path.read_text(encoding="utf-8")
    html = html.replace('<table class="ruled">', "<table>")
    if not f["repeat_header"]:
        # A header row that is not a <thead> is printed once, where the table starts.
        html = html.replace("<thead>", "<tbody>").replace("</thead><tbody>", "")
    path.write_text(html.replace("</style>", "\n".join(rules) + "\n</style>", 1), encoding="utf-8")


def _xlsx_horizontal(written, halign):
    """make_sources centres the short columns and sets the others flush left."""
    if halign == "left":
        return "left"
    if halign == "justify":
        return "justify"
    return written


def _xlsx_row_height(ws, row, size):
    """Points for the row's wrapped lines at the new size, as make_sources.write_xlsx estimates
    them at 10.5 pt (Calc keeps a row height the file gives; it does not refit on opening)."""
    lines = 1
    for c in row:
        width = ws.column_dimensions[c.column_letter].width or 8
        per_line = max(1, int(width / (1.5 * size / 10.5)))
        paragraphs = str(c.value).split("\n") if c.value else []
        lines = max(lines, sum(max(1, -(-len(x) // per_line)) for x in paragraphs))
    return lines * size * 1.5 + 6


def restyle_xlsx(path, f):
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = load_workbook(path)
    thin = Side(style="thin", color="000000")
    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape" if PAGES[f["page"]][0] > PAGES[f["page"]][1] else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A3 if f["page"].startswith("a3") else ws.PAPERSIZE_A4
        # openpyxl does not keep the print titles make_sources set when it loads the file. Calc
        # repeats only absolute rows ($2:$2); it ignores "2:2" and prints the header once.
        ws.print_title_rows = "$2:$2" if f["repeat_header"] else None
        for row in ws.iter_rows(min_row=3):
            for c in row:
                edges = BORDER_EDGES[f["borders"]]
                c.border = Border(left=thin if "insideV" in edges else None,
                                  right=thin if "insideV" in edges else None,
                                  top=thin if edges else None, bottom=thin if edges else None)
                c.alignment = Alignment(horizontal=_xlsx_horizontal(c.alignment.horizontal, f["halign"]),
                                        vertical=XLSX_VALIGN[f["valign"]], wrap_text=True)
                c.font = Font(name=f["font"], size=f["size"])
            ws.row_dimensions[row[0].row].height = _xlsx_row_height(ws, row, f["size"])
    wb.save(path)
