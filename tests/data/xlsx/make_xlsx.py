#!/usr/bin/python3
"""Generates the Excel workbooks of tests/test_xlsx.cpp.

Run with Debian's interpreter (it has python3-openpyxl) from anywhere:
    /usr/bin/python3 make_xlsx.py [SHARED_DIR]
SHARED_DIR defaults to ../shared next to the repository; the corpus workbooks are made from its
wumachang/truth.json. openpyxl writes each workbook; what it has no API for (inline strings,
rich text with phonetic runs, _xHHHH_ escapes) is then written into the package's XML.
This openpyxl writes text as inline strings; Excel, WPS and LibreOffice write a shared-string
table, so the text is moved into one (all but the cells kept inline on purpose).
The expected content of every file is asserted in tests/test_xlsx.cpp.

wumachang-one-sheet-libreoffice.xlsx is not made here: it is wumachang-one-sheet.xlsx re-saved by
LibreOffice Calc 7.4 (libreoffice-calc-nogui), which writes its own shared strings, styles and
merge list:
    soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir OUT wumachang-one-sheet.xlsx
"""
import datetime
import io
import json
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
WRAP = Alignment(wrap_text=True, vertical="center")
# Fixed times in the package, so that running the script again changes no file.
FIXED_TIME = datetime.datetime(2025, 7, 1)


def cell_text(paragraphs):
    return "\n".join(paragraphs)


def seq_value(paragraphs):
    """序号 as a number cell when it is one, as Excel users type it."""
    text = cell_text(paragraphs)
    return int(text) if text.isdigit() else text


def write_list(ws, top, lst, merge_categories):
    """Writes a list's title row (merged across), header and rows from row `top`; returns the
    row after it."""
    width = len(lst["columns"])
    ws.cell(top, 1, lst["title"])
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
    for c, label in enumerate(lst["columns"], 1):
        ws.cell(top + 1, c, label)
    first = top + 2
    for r, row in enumerate(lst["rows"]):
        for c, cell in enumerate(row, 1):
            value = seq_value(cell) if c == 1 else cell_text(cell)
            if value != "":
                ws.cell(first + r, c, value).alignment = WRAP
    if merge_categories and "事项类别" in lst["columns"]:
        col = lst["columns"].index("事项类别")
        run_start = 0
        rows = lst["rows"]
        for r in range(1, len(rows) + 1):
            if r == len(rows) or rows[r][col] != rows[run_start][col]:
                if r - run_start > 1:
                    for k in range(run_start + 1, r):
                        ws.cell(first + k, col + 1).value = None
                    ws.merge_cells(start_row=first + run_start, start_column=col + 1,
                                   end_row=first + r - 1, end_column=col + 1)
                run_start = r
    return first + len(lst["rows"])


def write_cover(ws, truth):
    # The issuer as two cover lines, as printed on the corpus document's cover.
    issuer = truth["issuer"]
    cut = issuer.index("奇台县")
    for r, line in enumerate([issuer[:cut], issuer[cut:], truth["title"], truth["date"]], 1):
        ws.cell(r, 1, line)
    return 6  # a blank row under the cover


def corpus_workbooks(truth):
    one_per_sheet = openpyxl.Workbook()
    for i, lst in enumerate(truth["lists"]):
        ws = one_per_sheet.active if i == 0 else one_per_sheet.create_sheet()
        ws.title = ["基本", "配合", "收回"][i]
        write_list(ws, write_cover(ws, truth) if i == 0 else 1, lst, merge_categories=False)
    one_per_sheet.save(os.path.join(HERE, "wumachang-sheets.xlsx"))
    to_shared_strings(os.path.join(HERE, "wumachang-sheets.xlsx"))

    one_sheet = openpyxl.Workbook()
    ws = one_sheet.active
    ws.title = "清单"
    row = write_cover(ws, truth)
    for lst in truth["lists"]:
        row = write_list(ws, row, lst, merge_categories=True) + 2
    one_sheet.save(os.path.join(HERE, "wumachang-one-sheet.xlsx"))
    to_shared_strings(os.path.join(HERE, "wumachang-one-sheet.xlsx"))


def rewrite_parts(path, edits, allow_same=False):
    """Applies edits {part: function(text) → text} to the package at path."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, edit in edits.items():
        before = parts[name].decode("utf-8") if name in parts else ""
        after = edit(before)
        assert allow_same or after != before, "no change to " + name
        parts[name] = after.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)
    with open(path, "wb") as f:
        f.write(out.getvalue())


SST_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
INLINE_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"><is>(<t[^>]*>.*?</t>)</is></c>', re.S)


def to_shared_strings(path, keep_inline=()):
    """Moves the inline strings of every sheet into xl/sharedStrings.xml, as Excel writes them."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    edits = {"docProps/core.xml": re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*", r"\g<1>" + stamp,
                                         parts["docProps/core.xml"])}
    strings = []

    def shared(match):
        if match.group(1) in keep_inline:
            return match.group(0)
        strings.append("<si>%s</si>" % match.group(3))
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2), len(strings) - 1)

    for name in sorted(parts):
        if name.startswith("xl/worksheets/sheet"):
            edits[name] = INLINE_CELL.sub(shared, parts[name])
    edits["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(strings), len(strings), "".join(strings)))
    edits["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>", '<Relationship Type="%s" Target="sharedStrings.xml" Id="rIdSst"/></Relationships>' % SST_TYPE)
    edits["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % SST_CONTENT)
    rewrite_parts(path, {name: (lambda text, new=new: new) for name, new in edits.items()}, allow_same=True)


def shared_index(xml, text):
    items = re.findall(r"<si>.*?</si>", xml, re.S)
    for i, item in enumerate(items):
        if re.sub(r"<[^>]+>", "", item) == text:
            return i
    raise KeyError(text)


def features_workbook():
    path = os.path.join(HERE, "features.xlsx")
    wb = openpyxl.Workbook()

    # Section rows instead of a 事项类别 column, an extra 备注 column, numbers, a boolean, a
    # rich-text cell, an inline string, escaped line breaks, empty rows and a note under the table.
    ws = wb.active
    ws.title = "基本"
    ws["A1"] = "某镇基本履职事项清单"
    ws.merge_cells("A1:C1")
    ws.append(["序号", "事项名称", "备注"])
    ws.append(["一、党的建设"])
    ws.merge_cells("A3:C3")
    ws.append([1, "RICH", 1.5])
    ws.append([2, "INLINE", True])
    ws.append([])
    ws.append(["二、经济发展"])
    ws.merge_cells("A7:C7")
    ws.append([3, "  第一段  \n第二段\n\n", 1234567890123])
    ws.append([4, "ESCAPED", 0.3])
    ws.append([])
    ws.append(["注：本清单随机构改革动态调整。"])

    # The split 承接部门 and 工作方式 columns, 事项类别 merged over two rows, the header row
    # repeated inside the table, and rows that start below an offset (column B).
    ws = wb.create_sheet("收回")
    ws["B2"] = "某镇上级部门收回事项清单"
    ws.merge_cells("B2:F2")
    for c, label in enumerate(["序号", "事项类别", "事项名称", "承接部门", "工作方式"], 2):
        ws.cell(3, c, label)
    rows = [[1, "民生服务", "对违规领取高龄津贴的追缴", "县民政局", "直接实施"],
            [2, None, "临时救助审批", "县民政局", "委托实施"],
            ["序号", "事项类别", "事项名称", "承接部门", "工作方式"],
            [3, "平安法治", "非法采砂的查处", "县水利局", "直接实施"]]
    for r, row in enumerate(rows, 4):
        for c, value in enumerate(row, 2):
            if value is not None:
                ws.cell(r, c, value)
    ws.merge_cells("C4:C5")

    # No title: the kind comes from the columns. A sheet that holds no list follows.
    ws = wb.create_sheet("配合")
    ws.append(["序号", "事项名称", "对应上级部门", "上级部门职责", "乡镇配合职责"])
    ws.append([1, "推荐县级以上党代表工作", "县委组织部", "1.明确要求；\n2.资格审查。", "1.制定方案；\n2.上报结果。"])
    ws = wb.create_sheet("说明")
    ws["A1"] = "本工作簿由某镇党政办公室整理。"
    wb.save(path)
    to_shared_strings(path, keep_inline={"B5"})

    def shared(xml):
        rich = shared_index(xml, "RICH")
        items = re.findall(r"<si>.*?</si>", xml, re.S)
        items[rich] = ('<si><r><rPr><b/></rPr><t>加强</t></r><r><t xml:space="preserve">基层 </t></r>'
                       '<r><t>党建</t></r><rPh sb="0" eb="2"><t>ジャマ</t></rPh></si>')
        escaped = shared_index(xml, "ESCAPED")
        items[escaped] = "<si><t>甲项_x000D_\n乙项_x005F_x000D_</t></si>"
        head, tail = xml.split("<si>", 1)[0], xml.rsplit("</si>", 1)[1]
        return head + "".join(items) + tail

    def sheet1(xml):
        # An inline string, and numbers stored as other writers than Excel store them.
        xml = xml.replace("<is><t>INLINE</t></is>", "<is><t>服务群众</t></is>")
        xml = xml.replace('<c r="A9" t="n"><v>4</v></c>', '<c r="A9" t="n"><v>4.0</v></c>')
        return xml.replace('<c r="C9" t="n"><v>0.3</v></c>', '<c r="C9"><v>0.30000000000000004</v></c>')

    rewrite_parts(path, {"xl/sharedStrings.xml": shared, "xl/worksheets/sheet1.xml": sheet1})


def grouped_header_workbook():
    """承接部门及工作方式 over 承接部门 and 工作方式; the other header cells merged down."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "收回"
    ws["A1"] = "某镇上级部门收回事项清单"
    ws.merge_cells("A1:E1")
    for c, label in enumerate(["序号", "事项类别", "事项名称", "承接部门及工作方式"], 1):
        ws.cell(2, c, label)
    ws["D3"] = "承接部门"
    ws["E3"] = "工作方式"
    for col in "ABC":
        ws.merge_cells("%s2:%s3" % (col, col))
    ws.merge_cells("D2:E2")
    # A section row typed without merging; the item under it has no category of its own.
    ws.append(["一、社会保障"])
    ws.append([1, None, "临时救助审批", "县民政局", "直接实施"])
    wb.save(os.path.join(HERE, "grouped-header.xlsx"))
    to_shared_strings(os.path.join(HERE, "grouped-header.xlsx"))


def no_list_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "通讯录"
    ws.append(["姓名", "职务", "电话"])
    ws.append(["张三", "党政办主任", 12345678])
    wb.save(os.path.join(HERE, "no-list.xlsx"))
    to_shared_strings(os.path.join(HERE, "no-list.xlsx"))


def main():
    shared_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared")
    with open(os.path.join(shared_dir, "corpus", "wumachang", "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    corpus_workbooks(truth)
    features_workbook()
    grouped_header_workbook()
    no_list_workbook()


if __name__ == "__main__":
    main()
