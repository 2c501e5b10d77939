#!/usr/bin/python3
"""Writes the sources of the other-producer test PDFs and their truth.

For every variant below: NAME.truth.json (corpus truth format) and NAME.docx (for LibreOffice)
or NAME.html (for headless Chromium), into the folder given as the only argument. The rows come
from the corpus truth (../shared/corpus/wumachang/truth.json), so every cell is real published
text; each truth paragraph is written as its own paragraph (w:p or <p>), as the corpus README's
paragraph rules require (in a workbook, each its own line of the cell). make_pdfs.sh turns the
sources into PDFs.

Run with Debian's /usr/bin/python3 (it has python-docx and openpyxl).
"""

import copy
import json
import pathlib
import sys

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from html_sources import write_html
# The transforms are taken from here by tests/layout_matrix/matrix.py as well.
from source_variants import VARIANTS, department_and_method_split, without_category_with_remarks  # noqa: F401

HERE = pathlib.Path(__file__).resolve().parent
CORPUS_TRUTH = HERE.parents[2].parent / "shared" / "corpus" / "wumachang" / "truth.json"

KIND_LABELS = {"basic": "基本履职事项清单", "cooperative": "配合履职事项清单", "withdrawn": "上级部门收回事项清单"}

def corpus_lists():
    truth = json.loads(CORPUS_TRUTH.read_text(encoding="utf-8"))
    return truth, {l["kind"]: l for l in truth["lists"]}


def pick(source, kind, numbers):
    """The corpus list of this kind restricted to the rows numbered (序号) as given."""
    l = copy.deepcopy(source[kind])
    by_number = {r[0][0]: r for r in l["rows"]}
    l["rows"] = [by_number[str(n)] for n in numbers]
    return l


# ---------------------------------------------------------------------------------------------
# DOCX


def set_east_asia(run, font):
    run.font.name = "Times New Roman"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def add_par(container, text, size, font, align=None, before=0, after=0, bold=False,
            first=False, page_break_before=False, line=None):
    p = container.paragraphs[0] if first and container.paragraphs else container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = Pt(line)
    if page_break_before:
        fmt.page_break_before = True
    if align is not None:
        p.alignment = align
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        set_east_asia(run, font)
    return p


def page_setup(section, landscape):
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Mm(297), Mm(210)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = Mm(22)
    section.bottom_margin = Mm(20)
    section.footer_distance = Mm(10)


def page_number_footer(section, start, parts):
    """parts: the footer's text, fields given by their names in capitals (PAGE, NUMPAGES)."""
    section.footer.is_linked_to_previous = False
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in parts:
        if text in ("PAGE", "NUMPAGES"):
            fld = OxmlElement("w:fldSimple")
            fld.set(qn("w:instr"), text)
            r = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = "1"
            r.append(t)
            fld.append(r)
            p._p.append(fld)
        else:
            run = p.add_run(text)
            run.font.size = Pt(12)
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), str(start))
    section._sectPr.append(pg)


def rule(element, on, size="4"):
    element.set(qn("w:val"), "single" if on else "nil")
    if on:
        element.set(qn("w:sz"), size)
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")


def borders(table, ruled, edges=("top", "left", "bottom", "right", "insideH", "insideV")):
    """ruled: every edge in `edges` drawn, the others not; not ruled: none drawn."""
    tbl_pr = table._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        rule(e, ruled and edge in edges, "8" if edges != ("top", "left", "bottom", "right", "insideH", "insideV") else "4")
        b.append(e)
    tbl_pr.append(b)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def vertical_align(cell, where):
    """Word's 表格属性 → 单元格 → 垂直对齐: "center" or "bottom" (top is the default)."""
    v = OxmlElement("w:vAlign")
    v.set(qn("w:val"), where)
    cell._tc.get_or_add_tcPr().append(v)


def mark_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def shade(cell, fill):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def bottom_rule(cell):
    borders = OxmlElement("w:tcBorders")
    e = OxmlElement("w:bottom")
    rule(e, True, "8")
    borders.append(e)
    cell._tc.get_or_add_tcPr().append(borders)


def add_table(doc, l, v):
    widths = v["widths"][l["kind"]]
    assert len(widths) == len(l["columns"]), (l["kind"], widths, l["columns"])
    header_labels = v.get("header_labels", {}).get(l["kind"], l["columns"])
    # A group label over two columns whose own labels stand in a second header row.
    group = v.get("group_header", {}).get(l["kind"])
    head_rows = 2 if group else 1
    table = doc.add_table(rows=head_rows + len(l["rows"]), cols=len(l["columns"]))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if v.get("three_line"):
        borders(table, True, ("top", "bottom"))
    else:
        borders(table, v["ruled"])
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(Mm(w).twips)))
    size, head_size = v["body_size"], v["head_size"]
    if v["repeat_header"]:
        for h in range(head_rows):
            mark_header(table.rows[h])

    def label_cell(cell, label):
        if v.get("header_fill"):
            shade(cell, v["header_fill"])
        # A label given as a list is printed on that many lines, one paragraph each.
        lines = label if isinstance(label, list) else [label]
        for k, line in enumerate(lines):
            add_par(cell, line, head_size, font=v["fonts"]["head"], align=WD_ALIGN_PARAGRAPH.CENTER, first=k == 0,
                    bold=v.get("bold_header", False))

    for j in range(len(widths)):
        table.cell(0, j).width = Mm(widths[j])
    if group:
        first = l["columns"].index(group[1])
        for j, label in enumerate(header_labels):
            if j in (first, first + 1):
                label_cell(table.cell(1, j), label)
            else:
                label_cell(table.cell(0, j).merge(table.cell(1, j)), label)
        label_cell(table.cell(0, first).merge(table.cell(0, first + 1)), group[0])
    else:
        for j, label in enumerate(header_labels):
            label_cell(table.cell(0, j), label)
    if v.get("three_line"):
        for j in range(len(widths)):
            bottom_rule(table.cell(head_rows - 1, j))
    merge = v.get("merge_category", False) and "事项类别" in l["columns"]
    cat = l["columns"].index("事项类别") if merge else -1
    body_align = WD_ALIGN_PARAGRAPH.LEFT if v.get("ragged") else WD_ALIGN_PARAGRAPH.JUSTIFY
    for i, r in enumerate(l["rows"], start=head_rows):
        for j, paragraphs in enumerate(r):
            cell = table.cell(i, j)
            cell.width = Mm(widths[j])
            if j == cat and i > head_rows and l["rows"][i - head_rows - 1][j] == paragraphs:
                continue
            centred = j == 0 or l["columns"][j] in ("事项类别",)
            if v.get("valign"):
                vertical_align(cell, v["valign"])
            if not paragraphs:
                add_par(cell, "", size, v["fonts"]["body"], first=True)
            for k, text in enumerate(paragraphs):
                add_par(cell, text, size, v["fonts"]["body"], first=k == 0,
                        align=WD_ALIGN_PARAGRAPH.CENTER if centred else body_align)
    if merge:
        top = head_rows
        for i in range(head_rows + 1, len(l["rows"]) + head_rows + 1):
            if i == len(l["rows"]) + head_rows or l["rows"][i - head_rows][cat] != l["rows"][top - head_rows][cat]:
                if i - 1 > top:
                    table.cell(top, cat).merge(table.cell(i - 1, cat))
                top = i
    return table


ORDINALS = "一二三四五六七八九十"


def add_sectioned_table(doc, l, v):
    """The list printed without its 事项类别 column: each run of one category is introduced by a
    row that is one cell across the table ("一、党的建设"), and a row across the table's foot
    holds a note. The truth keeps the 事项类别 column, filled from those rows."""
    cat = l["columns"].index("事项类别")
    columns = [c for j, c in enumerate(l["columns"]) if j != cat]
    widths = v["widths"][l["kind"]]
    assert len(widths) == len(columns), (l["kind"], widths, columns)
    printed = []
    for r in l["rows"]:
        if not printed or printed_category != r[cat]:
            printed_category = r[cat]
            printed.append(("section", f"{ORDINALS[sum(1 for p in printed if p[0] == 'section')]}、{r[cat][0]}"))
        printed.append(("item", [c for j, c in enumerate(r) if j != cat]))
    printed.append(("section", v["foot_note"]))
    table = doc.add_table(rows=1 + len(printed), cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borders(table, v["ruled"])
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(Mm(w).twips)))
    mark_header(table.rows[0])
    size = v["body_size"]
    for j, label in enumerate(columns):
        table.cell(0, j).width = Mm(widths[j])
        add_par(table.cell(0, j), label, v["head_size"], font=v["fonts"]["head"], align=WD_ALIGN_PARAGRAPH.CENTER,
                first=True)
    for i, (what, content) in enumerate(printed, start=1):
        if what == "section":
            cell = table.cell(i, 0).merge(table.cell(i, len(columns) - 1))
            add_par(cell, content, size, v["fonts"]["head"], first=True, bold=True)
            continue
        for j, paragraphs in enumerate(content):
            cell = table.cell(i, j)
            cell.width = Mm(widths[j])
            for k, text in enumerate(paragraphs):
                add_par(cell, text, size, v["fonts"]["body"], first=k == 0,
                        align=WD_ALIGN_PARAGRAPH.CENTER if j == 0 else WD_ALIGN_PARAGRAPH.JUSTIFY)
    return table


def write_docx(v, truth, path):
    doc = Document()
    section = doc.sections[0]
    if v["cover"]:
        page_setup(section, landscape=False)
        first = True
        for line in truth["issuer_lines"]:
            add_par(doc, line, 22, font=v["fonts"]["title"], align=WD_ALIGN_PARAGRAPH.CENTER,
                    before=110 if first else 6, first=first)
            first = False
        add_par(doc, truth["title"], 40, font=v["fonts"]["title"], align=WD_ALIGN_PARAGRAPH.CENTER, before=40)
        add_par(doc, truth["date"], 16, font=v["fonts"]["body"], align=WD_ALIGN_PARAGRAPH.CENTER, before=220)
        if v.get("toc"):
            add_par(doc, "目  录", 22, font=v["fonts"]["head"], align=WD_ALIGN_PARAGRAPH.CENTER, before=24, after=30,
                    page_break_before=True)
            for n, l in enumerate(v["lists"], start=1):
                p = add_par(doc, f"{n}. {KIND_LABELS[l['kind']]}", 16, v["fonts"]["body"], line=28)
                p.paragraph_format.tab_stops.add_tab_stop(Mm(160), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
                run = p.add_run(f"\t{v['toc_pages'][n - 1]}")
                run.font.size = Pt(16)
        section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, v["landscape"])
    if v.get("page_numbers"):
        page_number_footer(section, 1, v.get("page_number_parts", ("— ", "PAGE", " —")))
    elif v["cover"]:
        section.footer.is_linked_to_previous = False
    if v.get("running_header"):
        section.header.is_linked_to_previous = False
        add_par(section.header, v["running_header"], 9, v["fonts"]["body"], align=WD_ALIGN_PARAGRAPH.RIGHT,
                first=True)
    for n, l in enumerate(truth["lists"]):
        add_par(doc, l["title"], v["title_size"], font=v["fonts"]["title"], align=WD_ALIGN_PARAGRAPH.CENTER,
                before=0 if n == 0 or v.get("list_page_break", True) else 18, after=8,
                first=n == 0 and not v["cover"], page_break_before=n > 0 and v.get("list_page_break", True))
        (add_sectioned_table if v.get("sections") else add_table)(doc, l, v)
        for note in v.get("notes", {}).get(l["kind"], []):
            add_par(doc, note, v["body_size"], v["fonts"]["body"], before=4)
    doc.core_properties.title = truth["title"] or ""
    doc.save(path)


# ---------------------------------------------------------------------------------------------
# XLSX for LibreOffice Calc


def write_xlsx(v, truth, path):
    """One sheet per list, printed the way a spreadsheet clerk sets it up: the heading merged
    across the columns, the header row repeated on every page (print titles), thin borders on
    every cell, wrapped text, row heights set for the wrapped lines, landscape A4 fitted to the
    page width. A cell's paragraphs are lines of the cell (Alt+Enter)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.page import PageMargins

    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for l in truth["lists"]:
        ws = wb.create_sheet(l["kind"])
        widths = v["widths"][l["kind"]]
        ws.append([l["title"]])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(widths))
        ws["A1"].font = Font(name=v["fonts"]["title"], size=16)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.row_dimensions[1].height = 30
        ws.append(l["columns"])
        for j, w in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + j)].width = w
        for c in ws[2]:
            c.font = Font(name=v["fonts"]["head"], size=11, bold=True)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            c.border = border
        ws.row_dimensions[2].height = 32
        for r in l["rows"]:
            ws.append(["\n".join(p) for p in r])
            row = ws.max_row
            lines = 1
            for j, p in enumerate(r):
                per_line = max(1, int(widths[j] / 2.1))  # an ideograph is about two '0' wide
                lines = max(lines, sum(max(1, -(-len(x) // per_line)) for x in p) if p else 1)
            ws.row_dimensions[row].height = lines * 15 + 4
            for j, c in enumerate(ws[row]):
                c.font = Font(name=v["fonts"]["body"], size=10.5)
                c.alignment = Alignment(horizontal="center" if j < 2 else "left", vertical="center", wrap_text=True)
                c.border = border
        ws.print_title_rows = "2:2"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7)
    wb.save(path)


def truth_for(v, corpus, source):
    lists = []
    for spec in v["lists"]:
        l = pick(source, spec["kind"], spec["rows"])
        if "transform" in spec:
            l = spec["transform"](l)
        lists.append(l)
    t = {"schema": "dutylist-truth/1", "issuer": "", "title": "", "date": "", "lists": lists}
    if v["cover"]:
        t["issuer"], t["title"], t["date"] = corpus["issuer"], corpus["title"], corpus["date"]
    return t


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    corpus, source = corpus_lists()
    # The cover prints the issuer on two lines, as the corpus cover does.
    issuer_lines = ["新疆维吾尔自治区昌吉回族自治州", "奇台县五马场哈萨克族乡"]
    assert "".join(issuer_lines) == corpus["issuer"]
    for name, v in VARIANTS.items():
        truth = truth_for(v, corpus, source)
        (out / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        layout = dict(truth, issuer_lines=issuer_lines)
        if v["producer"] == "docx":
            write_docx(v, layout, out / f"{name}.docx")
        elif v["producer"] == "xlsx":
            write_xlsx(v, layout, out / f"{name}.xlsx")
        else:
            write_html(v, layout, out / f"{name}.html")


if __name__ == "__main__":
    main()
