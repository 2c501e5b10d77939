#!/usr/bin/python3
"""Prints the 修订对照表 of a DOCX or XLSX that `dutylist diff -t docx|xlsx` wrote, as JSON, for
tests/test_revision_table.cpp: {"rows": [[cell, …], …]} where a cell is a list of runs
[text, mark], mark "" (plain), "struck" or "marked" (bold and underlined). The DOCX is read by
python-docx (its document.xml), the XLSX by openpyxl, its rich text from the shared strings
(openpyxl 3.0 keeps only their plain text). Run with Debian's /usr/bin/python3.
"""
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

import docx
import openpyxl

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def docx_rows(path):
    table = docx.Document(path).tables[0]
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            runs = []
            for k, p in enumerate(cell.paragraphs):
                if k:
                    runs.append(["\n", ""])
                for r in p.runs:
                    mark = "struck" if r.font.strike else "marked" if r.font.bold and r.font.underline else ""
                    runs.append([r.text, mark])
            cells.append(runs)
        rows.append(cells)
    return rows


def shared_strings(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    out = []
    for si in root.findall(f"{S}si"):
        if si.find(f"{S}t") is not None:
            out.append([[si.find(f"{S}t").text or "", ""]])
            continue
        runs = []
        for r in si.findall(f"{S}r"):
            props = r.find(f"{S}rPr")
            struck = props is not None and props.find(f"{S}strike") is not None
            marked = props is not None and props.find(f"{S}b") is not None and props.find(f"{S}u") is not None
            runs.append([r.find(f"{S}t").text or "", "struck" if struck else "marked" if marked else ""])
        out.append(runs)
    return out


def xlsx_rows(path):
    strings = shared_strings(path)
    texts = {"".join(t for t, _ in runs): runs for runs in strings}
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append([texts.get(v, [[v, ""]]) if isinstance(v, str) else [] for v in row])
    return {"rows": rows, "title": sheet.title, "frozen": sheet.freeze_panes, "filter": sheet.auto_filter.ref}


def main():
    path = sys.argv[1]
    out = {"rows": docx_rows(path)} if path.endswith(".docx") else xlsx_rows(path)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
