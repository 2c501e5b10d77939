#!/usr/bin/python3
"""Writes the sources of the format-matrix fixtures (tests/test_format_matrix.cpp) into the folder
given as the only argument: NAME.docx for LibreOffice Writer and NAME-calc.xlsx for LibreOffice
Calc, the same list in both. make_pairs.sh prints them to PDF.

The cells are real text from ../shared/corpus/wumachang/truth.json (basic rows picked by their
序号, the 备注 cells are departments named in the corpus's cooperative list); the notes are
invented, as the corpus has none. Every cell paragraph is its own paragraph (w:p) or line of its
cell (Alt+Enter), as the corpus README's paragraph rules require.

Reproducible: fixed fonts (Droid Sans Fallback, fonts-droid-fallback), fixed package times and
core properties, so running it again writes the same bytes.

Run with Debian's /usr/bin/python3 (it has python-docx and openpyxl).
"""

import datetime
import hashlib
import io
import pathlib
import re
import sys
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins

HERE = pathlib.Path(__file__).resolve().parent
# The helpers that lay out the other LibreOffice fixtures, so that these look like them.
sys.path.insert(0, str(HERE.parent / "pdf"))
import make_sources  # noqa: E402

FIXED_TIME = datetime.datetime(2025, 7, 1)
FONTS = make_sources.DROID

# A heading that names no kind (no 基本, 配合 or 收回), as lists printed for one kind only are
# often headed; a note above the table (说明：) and one below it (备注：).
NO_KIND = dict(
    title="昌吉州奇台县五马场哈萨克族乡履职事项清单",
    rows=range(60, 80),
    columns=["序号", "事项名称", "备注"],
    remarks={70: ["奇台县自然资源局"], 71: ["奇台县自然资源局", "奇台县农业农村局"], 72: ["奇台县水利局"],
             73: ["奇台县林业和草原局"], 75: ["奇台县林业和草原局"], 77: ["昌吉州生态环境局奇台县分局"]},
    above="说明：本清单所列事项随法律法规和机构职能调整实行动态管理。",
    below="备注：备注栏所列为该事项的对应上级部门，备注栏为空的事项由乡党委、政府统筹落实。",
    # 序号, 事项名称, 备注 in mm on landscape A4 (257 mm between the margins).
    widths=[16, 190, 51],
)


def list_of(spec):
    """The list as printed: the corpus basic rows without 事项类别, with the 备注 cells."""
    _, source = make_sources.corpus_lists()
    picked = make_sources.pick(source, "basic", spec["rows"])
    rows = [[r[0], r[2], spec["remarks"].get(int(r[0][0]), [])] for r in picked["rows"]]
    return dict(kind="basic", title=spec["title"], columns=spec["columns"], rows=rows)


def fixed_zip(path):
    """The package rewritten with fixed entry times (zipfile stamps each entry with the clock)."""
    with zipfile.ZipFile(path) as z:
        parts = [(n, z.read(n)) for n in z.namelist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


def write_docx(spec, path):
    l = list_of(spec)
    layout = dict(fonts=FONTS, ruled=True, repeat_header=True, body_size=11, head_size=12,
                  widths={"basic": spec["widths"]})
    doc = Document()
    section = doc.sections[0]
    make_sources.page_setup(section, landscape=True)
    make_sources.page_number_footer(section, 1, ("— ", "PAGE", " —"))
    make_sources.add_par(doc, l["title"], 16, FONTS["title"], align=WD_ALIGN_PARAGRAPH.CENTER, after=6, first=True)
    make_sources.add_par(doc, spec["above"], 11, FONTS["body"], after=4)
    make_sources.add_table(doc, l, layout)
    make_sources.add_par(doc, spec["below"], 11, FONTS["body"], before=4)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = l["title"], "dutylist", "dutylist"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    doc.save(path)
    fixed_zip(path)


def write_xlsx(spec, path):
    """One sheet as a clerk sets it up: the heading and the notes in cells merged across the
    columns, the header row repeated by print titles, thin borders, wrapped text, landscape A4
    fitted to the page width."""
    l = list_of(spec)
    widths = [6, 60, 20]  # in Calc's character widths
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"

    def merged_line(text, size, height, centre):
        ws.append([text])
        row = ws.max_row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        ws.cell(row, 1).font = Font(name=FONTS["title"], size=size)
        ws.cell(row, 1).alignment = Alignment(horizontal="center" if centre else "left", vertical="center")
        ws.row_dimensions[row].height = height

    merged_line(l["title"], 16, 30, True)
    merged_line(spec["above"], 10.5, 20, False)
    ws.append(l["columns"])
    ws.row_dimensions[ws.max_row].height = 24
    for c in ws[ws.max_row]:
        c.font = Font(name=FONTS["head"], size=11, bold=True)
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
    header_row = ws.max_row
    for r in l["rows"]:
        ws.append([int(r[0][0])] + ["\n".join(p) for p in r[1:]])
        lines = max(max(1, sum(-(-len(x) // int(widths[j] / 2.1)) for x in p)) for j, p in enumerate(r))
        ws.row_dimensions[ws.max_row].height = lines * 15 + 4
        for j, c in enumerate(ws[ws.max_row]):
            c.font = Font(name=FONTS["body"], size=10.5)
            c.alignment = Alignment(horizontal="center" if j == 0 else "left", vertical="center", wrap_text=True)
            c.border = border
    merged_line(spec["below"], 10.5, 20, False)
    for j, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + j)].width = w
    ws.print_title_rows = f"${header_row}:${header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7)
    wb.properties.creator = wb.properties.lastModifiedBy = "dutylist"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.save(path)
    fixed_zip(path)


def fixed_pdf(path):
    """LibreOffice's PDF with the export time replaced by FIXED_TIME, and the file ID and
    LibreOffice's /DocChecksum (both made from the clock) replaced by a digest of the rest, in
    place at the same lengths so that the cross-reference offsets stay right."""
    data = path.read_bytes()
    stamp = FIXED_TIME.strftime("D:%Y%m%d%H%M%SZ'").encode()
    data, dates = re.subn(rb"/CreationDate\(D:\d{14}Z'\)", b"/CreationDate(" + stamp + b")", data)
    ids = re.findall(rb"/ID \[ <([0-9A-F]{32})>\s*<([0-9A-F]{32})> \]", data)
    sums = re.findall(rb"/DocChecksum /([0-9A-F]{32})", data)
    assert dates == 1 and len(ids) == 1 and len(sums) == 1, path
    blank = data
    for old in (*ids[0], sums[0]):
        blank = blank.replace(old, b"0" * 32)
    assert blank.count(b"0" * 32) == 3, path
    path.write_bytes(blank.replace(b"0" * 32, hashlib.md5(blank).hexdigest().upper().encode()))


def main():
    if sys.argv[1] == "--fix-pdf":
        for name in sys.argv[2:]:
            fixed_pdf(pathlib.Path(name))
        return
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    write_docx(NO_KIND, out / "no-kind-notes.docx")
    write_xlsx(NO_KIND, out / "no-kind-notes-calc.xlsx")


if __name__ == "__main__":
    main()
