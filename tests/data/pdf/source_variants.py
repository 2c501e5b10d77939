"""The variants of the other-producer test PDFs (make_sources.py writes them): for each, its
producer, fonts, borders, alignment and the corpus rows it holds, and the transforms that make
the lists with other columns."""

import copy

# Invented 备注 (remarks) for the list with an added column: empty cells, a short note, a
# two-paragraph note.
REMARKS = {
    1: ["新增事项"],
    3: ["2025年调整"],
    4: ["依据《中国共产党章程》", "每年报告一次"],
    7: ["与县委组织部共同落实"],
    9: ["新增事项"],
}


def without_category_with_remarks(l):
    """序号, 事项名称, 备注: the 事项类别 column dropped and a remarks column added."""
    l = copy.deepcopy(l)
    i = l["columns"].index("事项类别")
    l["columns"] = [c for j, c in enumerate(l["columns"]) if j != i] + ["备注"]
    l["rows"] = [[c for j, c in enumerate(r) if j != i] + [REMARKS.get(int(r[0][0]), [])] for r in l["rows"]]
    return l


def department_and_method_split(l):
    """承接部门及工作方式 split into 承接部门 (the department heading without its colon) and
    工作方式 (the paragraphs under it)."""
    l = copy.deepcopy(l)
    i = l["columns"].index("承接部门及工作方式")
    l["columns"] = l["columns"][:i] + ["承接部门", "工作方式"] + l["columns"][i + 1:]
    rows = []
    for r in l["rows"]:
        cell = r[i]
        assert cell[0].endswith(("：", ":")), cell
        rows.append(r[:i] + [[cell[0][:-1]], cell[1:]] + r[i + 1:])
    l["rows"] = rows
    return l


# Fonts named explicitly (not the government names that fontconfig would substitute), so that
# the PDFs do not depend on the machine's substitution table.
NOTO = {"body": "Noto Serif CJK SC", "head": "Noto Sans CJK SC", "title": "Noto Serif CJK SC"}
DROID = {"body": "Droid Sans Fallback", "head": "Droid Sans Fallback", "title": "Droid Sans Fallback"}

LANDSCAPE_WIDTHS = {
    "basic": [18, 32, 207],
    "cooperative": [14, 22, 40, 40, 70.5, 70.5],
    "withdrawn": [16, 26, 80, 135],
}

VARIANTS = {
    # The corpus layout in small: cover, 目录, landscape ruled tables with the header row repeated
    # on every page, rows breaking across pages, page numbers "— N —".
    "lo-ruled-landscape": dict(
        producer="docx", fonts=NOTO, cover=True, toc=True, toc_pages=[1, 2, 4], landscape=True, ruled=True,
        repeat_header=True, page_numbers=True, body_size=10.5, head_size=13, title_size=18,
        widths=dict(LANDSCAPE_WIDTHS, withdrawn=[14, 22, 66, 155]),
        lists=[dict(kind="basic", rows=range(1, 11)), dict(kind="cooperative", rows=[2, 3, 7]),
               dict(kind="withdrawn", rows=[1, 2, 3, 5, 7, 10])]),
    # No rulings at all: columns and rows only from the text's positions. Page numbers as
    # "第 N 页 共 M 页".
    "lo-borderless": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=False, repeat_header=True,
        page_numbers=True, body_size=11, head_size=12, title_size=16, bold_header=True,
        page_number_parts=("第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页"),
        widths=LANDSCAPE_WIDTHS,
        lists=[dict(kind="basic", rows=range(11, 21)), dict(kind="withdrawn", rows=range(1, 13))]),
    # No rulings and every cell aligned vertically in its row (Word's usual 垂直对齐 居中, and
    # 底端对齐), with no space between rows: a row's short cells (序号, 事项类别) sit in the
    # middle or at the foot of its tall cells, not on its first line.
    "lo-borderless-centred": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=False, repeat_header=True,
        page_numbers=True, body_size=11, head_size=12, title_size=16, valign="center",
        widths={"basic": [18, 32, 60], "cooperative": [14, 22, 40, 40, 70.5, 70.5]},
        lists=[dict(kind="basic", rows=range(1, 16)), dict(kind="cooperative", rows=[2, 3, 5, 6, 7, 8, 9, 10])]),
    "lo-borderless-bottom": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=False, repeat_header=True,
        page_numbers=True, body_size=11, head_size=12, title_size=16, valign="bottom",
        widths={"cooperative": [14, 22, 40, 40, 70.5, 70.5], "withdrawn": [16, 26, 50, 135]},
        lists=[dict(kind="cooperative", rows=[11, 12, 13, 14, 15, 17, 18]),
               dict(kind="withdrawn", rows=range(1, 11))]),
    # Portrait, narrow columns, the header row printed only on the first page, categories merged
    # vertically (a merged cell continuing on the next page), a running header, no page numbers.
    "lo-portrait-narrow": dict(
        producer="docx", fonts=NOTO, cover=False, landscape=False, ruled=True, repeat_header=False,
        page_numbers=False, body_size=10.5, head_size=10.5, title_size=15, merge_category=True,
        running_header="五马场哈萨克族乡履职事项清单（2025年7月）",
        widths={"cooperative": [9, 15, 24, 25, 49, 48]},
        lists=[dict(kind="cooperative", rows=[8, 9, 10, 11, 12, 13, 14])]),
    # A row taller than a page: it starts on page 1, fills page 2 below the repeated header and
    # ends on page 3, so page 2 has no row start at all. The header row on a grey ground; the
    # list's heading wraps onto two lines.
    "lo-long-row": dict(
        producer="docx", fonts=DROID, cover=False, landscape=False, ruled=True, repeat_header=True,
        page_numbers=True, body_size=16, head_size=16, title_size=24, header_fill="D9D9D9",
        widths={"cooperative": [11, 16, 30, 24, 46, 43]},
        lists=[dict(kind="cooperative", rows=[5, 63, 64])]),
    # Plain ruled landscape lists whose ToUnicode maps make_pdfs.sh rewrites to Kangxi radicals
    # and CJK compatibility ideographs (radical_tounicode.py).
    "lo-radicals": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=True, repeat_header=True,
        page_numbers=True, body_size=11, head_size=12, title_size=16, widths=LANDSCAPE_WIDTHS,
        lists=[dict(kind="basic", rows=range(45, 56)), dict(kind="withdrawn", rows=[29, 31, 33, 34, 36])]),
    # Headless Chromium (Skia): Type 3 fonts, borders as filled rectangles, thead repeated on a
    # grey ground.
    "chromium-ruled": dict(
        producer="html", cover=True, widths=LANDSCAPE_WIDTHS,
        fonts={"body": "Droid Sans Fallback", "head": "Noto Sans CJK SC"},
        header_style="background: #d9d9d9;",
        lists=[dict(kind="basic", rows=range(21, 31)), dict(kind="cooperative", rows=[15, 16, 17, 18]),
               dict(kind="withdrawn", rows=range(13, 21))]),
    # Headless Chromium with every glyph in Type 3 fonts (Skia cannot embed the CFF-based Noto CJK
    # otherwise): few rows, because each Type 3 glyph costs about 1 KB. A turned, faint watermark
    # on every page.
    "chromium-type3": dict(
        producer="html", cover=False, widths=LANDSCAPE_WIDTHS,
        fonts={"body": "Noto Sans CJK SC", "head": "Noto Sans CJK SC"}, watermark="内部资料",
        lists=[dict(kind="basic", rows=[31, 32, 34]), dict(kind="withdrawn", rows=[10, 11])]),
    # Headless Chromium, cells in Noto Sans CJK SC: the font draws 户 with the glyph it shares
    # with 戶, which the PDF's ToUnicode names 戶 (cooperative rows that hold 农户, 入户, 户籍).
    "chromium-shared-glyph": dict(
        producer="html", cover=False, widths=LANDSCAPE_WIDTHS,
        fonts={"body": "Noto Sans CJK SC", "head": "Noto Sans CJK SC"},
        lists=[dict(kind="cooperative", rows=[12, 13, 16])]),
    # Headless Chromium without any borders, portrait, the lists one after the other on the same
    # page, a note under a table, the header row in fake bold (a text shadow: every header glyph
    # drawn twice, a fraction of a point apart), every other row on a grey ground.
    "chromium-borderless": dict(
        producer="html", cover=False, ruled=False, list_page_break=False, page_size="A4 portrait",
        fonts=DROID, header_style="text-shadow: 0.35pt 0 0 #000;",
        row_style="tbody tr:nth-child(even) { background: #eeeeee; }",
        widths={"basic": [14, 28, 132], "withdrawn": [12, 22, 52, 88]},
        notes={"basic": ["注：本清单所列事项随法律法规和机构职能调整实行动态管理。"]},
        lists=[dict(kind="basic", rows=range(35, 45)), dict(kind="withdrawn", rows=[4, 5, 6, 8, 9])]),
    # Printed from a browser with its default page header and footer: the date and time and the
    # page's <title> above, the file's URL and "N/M" below every page.
    "chromium-browser-header": dict(
        producer="html", cover=False, page_numbers=False,
        # Not the usual widths: with them a line of cooperative row 30 ends just before the
        # inline "2." of a paragraph, which no reader of the PDF could tell from a new paragraph.
        widths=dict(LANDSCAPE_WIDTHS, cooperative=[14, 22, 40, 36, 72.5, 72.5]),
        fonts={"body": "Droid Sans Fallback", "head": "Droid Sans Fallback"},
        lists=[dict(kind="basic", rows=range(56, 66)), dict(kind="cooperative", rows=[29, 30])]),
    # Other column sets: no 事项类别 and an added 备注; 承接部门 and 工作方式 as two columns. The
    # second list starts on the page where the first ends, below a note.
    "lo-other-columns": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=True, repeat_header=True,
        page_numbers=True, body_size=11, head_size=12, title_size=16, list_page_break=False,
        notes={"basic": ["注：备注栏为空的事项，按原清单执行。"]},
        widths={"basic": [16, 190, 51], "withdrawn": [14, 24, 70, 40, 109]},
        lists=[dict(kind="basic", rows=range(1, 11), transform=without_category_with_remarks),
               dict(kind="withdrawn", rows=[7, 12, 14, 15, 16, 23, 32, 35, 36, 37],
                    transform=department_and_method_split)]),
    # Left-aligned (ragged) cells, whose wrapped lines stop short of the right edge by up to a
    # character, and a grouped header: 承接部门及工作方式 over 承接部门 and 工作方式 in a
    # second header row, both rows repeated on every page.
    "lo-ragged-grouped-header": dict(
        producer="docx", fonts=NOTO, cover=False, landscape=True, ruled=True, repeat_header=True,
        page_numbers=True, body_size=10.5, head_size=12, title_size=16, ragged=True,
        group_header={"withdrawn": ("承接部门及工作方式", "承接部门")},
        widths={"withdrawn": [16, 26, 80, 40, 95]},
        lists=[dict(kind="withdrawn", rows=range(1, 15), transform=department_and_method_split)]),
    # A three-line table (三线表): rules above and below the header row and under the table,
    # no vertical rules; ragged cells; the header row repeated.
    "lo-three-line": dict(
        producer="docx", fonts=NOTO, cover=False, landscape=True, ruled=True, three_line=True, repeat_header=True,
        page_numbers=True, body_size=10.5, head_size=12, title_size=16, ragged=True,
        widths={"basic": [18, 32, 207]},
        lists=[dict(kind="basic", rows=range(1, 31))]),
    # No rulings and the header row only on the first page of each list: the pages after it go
    # on in the first page's columns; the second list starts on a new page with its heading.
    "lo-borderless-continued": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=False, repeat_header=False,
        page_numbers=True, body_size=11, head_size=12, title_size=16,
        widths=LANDSCAPE_WIDTHS,
        lists=[dict(kind="basic", rows=range(1, 31)), dict(kind="withdrawn", rows=range(1, 9))]),
    # Categories as section rows instead of a 事项类别 column: a row that is one cell across the
    # table, "一、党的建设", above each run of items of one category, and a note "注：…" in a row
    # across the table's foot. The truth has the 事项类别 column the sections stand for.
    "lo-sections": dict(
        producer="docx", fonts=NOTO, cover=False, landscape=True, ruled=True, repeat_header=True,
        page_numbers=True, body_size=10.5, head_size=12, title_size=16, sections=True,
        foot_note="注：本清单所列事项随法律法规和机构职能调整实行动态管理。",
        widths={"basic": [20, 237]},
        lists=[dict(kind="basic", rows=list(range(12, 22)) + list(range(40, 48)))]),
    # The same without rulings, and with the 事项类别 kept out of a three-column list: the section
    # rows reach from the 序号 column across the gutter into the next.
    "lo-borderless-sections": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=False, repeat_header=True,
        page_numbers=True, body_size=11, head_size=12, title_size=16, sections=True, bold_header=True,
        foot_note="注：本清单所列事项随法律法规和机构职能调整实行动态管理。",
        widths={"basic": [20, 237], "withdrawn": [16, 90, 151]},
        lists=[dict(kind="basic", rows=list(range(1, 12)) + list(range(56, 62))),
               dict(kind="withdrawn", rows=[1, 2, 3, 7, 10, 13])]),
    # A workbook printed by LibreOffice Calc: rulings from cell borders, left-aligned wrapped
    # text, paragraphs as lines of a cell, the sheet scaled to the page width, a list per sheet.
    "calc-sheets": dict(
        producer="xlsx", fonts=NOTO, cover=False,
        widths={"cooperative": [6, 10, 22, 14, 40, 40], "withdrawn": [6, 10, 30, 70]},
        lists=[dict(kind="cooperative", rows=[2, 3, 7, 8, 9, 10, 11]), dict(kind="withdrawn", rows=range(20, 30))]),
    # Made landscape by /Rotate 90 on portrait pages (make_pdfs.sh rotates the content), with
    # header labels that wrap onto two lines in narrow columns.
    "lo-rotated": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=True, repeat_header=True,
        page_numbers=True, body_size=11, head_size=12, title_size=16,
        widths={"cooperative": [12, 17, 45, 21, 81, 81]},
        header_labels={"cooperative": ["序号", ["事项", "类别"], "事项名称", "对应上级部门",
                                       "上级部门职责", "乡镇配合职责"]},
        lists=[dict(kind="cooperative", rows=[19, 20, 21, 23, 24])]),
    # The same, turned the other way: /Rotate 270.
    "lo-rotated-270": dict(
        producer="docx", fonts=DROID, cover=False, landscape=True, ruled=True, repeat_header=True,
        page_numbers=True, body_size=11, head_size=12, title_size=16,
        widths={"cooperative": [12, 17, 45, 21, 81, 81]},
        header_labels={"cooperative": ["序号", ["事项", "类别"], "事项名称", "对应上级部门",
                                       "上级部门职责", "乡镇配合职责"]},
        lists=[dict(kind="cooperative", rows=[25, 26, 27, 28])]),
}
