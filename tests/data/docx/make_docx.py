#!/usr/bin/python3
"""Generates the small DOCX files of tests/test_docx_*.cpp, one per feature of the DOCX reader.

Run with Debian's interpreter (it has python-docx) from this folder:
    /usr/bin/python3 make_docx.py
python-docx builds each document; raw WordprocessingML is added where python-docx has no API
(merges, grid offsets, numbering, tracked changes, fields, content controls, alternate content).
The LibreOffice copies are made with `soffice --headless --convert-to docx` in a private profile.
The expected content of every file is asserted in tests/test_docx_features.cpp.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
         'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' \
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HERE = os.path.dirname(os.path.abspath(__file__))


def x(fragment):
    """An element from a fragment of WordprocessingML written with the w: prefix."""
    return parse_xml(re.sub(r"^<([\w:]+)", lambda m: f"<{m.group(1)} {NSDECL}", fragment, count=1))


def cover(d, lines=("甲省乙市", "丙县丁镇", "履职事项清单", "2025年8月")):
    for line in lines:
        d.add_paragraph(line)


def toc_lines(d, entries):
    d.add_paragraph("目  录")
    for text, page in entries:
        p = d.add_paragraph(f"{text}\t{page}")
        p._p.get_or_add_pPr().append(x('<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8845"/></w:tabs>'))


def set_cell(cell, value):
    """A cell's paragraphs: a string is one paragraph, a list several, None leaves it empty."""
    paragraphs = [] if value is None else [value] if isinstance(value, str) else value
    cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def mark_header(row):
    row._tr.get_or_add_trPr().append(x("<w:tblHeader/>"))


def add_list(d, heading, header, rows, repeat_header=True):
    if heading is not None:
        d.add_paragraph(heading)
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    t.style = "Table Grid"
    for cell, label in zip(t.rows[0].cells, header):
        set_cell(cell, label)
    if repeat_header:
        mark_header(t.rows[0])
    for row, values in zip(t.rows[1:], rows):
        for cell, value in zip(row.cells, values):
            set_cell(cell, value)
    return t


def tc_pr(tc):
    return tc.get_or_add_tcPr()


def v_merge(cell, restart):
    tc_pr(cell._tc).append(x('<w:vMerge w:val="restart"/>' if restart else "<w:vMerge/>"))


def grid_offset(row, before=0, after=0):
    """Removes cells from the start or end of a row and declares them as gridBefore/gridAfter."""
    tr = row._tr
    tcs = tr.findall(qn("w:tc"))
    for tc in tcs[:before] + (tcs[len(tcs) - after:] if after else []):
        tr.remove(tc)
    trPr = tr.get_or_add_trPr()
    if before:
        trPr.insert(0, x(f'<w:gridBefore w:val="{before}"/>'))
    if after:
        trPr.insert(0 if not before else 1, x(f'<w:gridAfter w:val="{after}"/>'))


def span(row, first, count):
    """Merges `count` cells of a row starting at `first` into one with w:gridSpan."""
    tr = row._tr
    tcs = tr.findall(qn("w:tc"))
    for tc in tcs[first + 1:first + count]:
        tr.remove(tc)
    tc_pr(tcs[first]).append(x(f'<w:gridSpan w:val="{count}"/>'))


def replace_paragraphs(cell, xml_paragraphs):
    for p in list(cell._tc.findall(qn("w:p"))):
        cell._tc.remove(p)
    for fragment in xml_paragraphs:
        cell._tc.append(x(fragment))


def save(d, name):
    path = os.path.join(HERE, name)
    d.save(path)
    return path


def run(text, extra=""):
    return f'<w:r>{extra}<w:t xml:space="preserve">{text}</w:t></w:r>'


# ---- other column sets, split tables, repeated headers, notes, a title row, a 目录 ----------

def make_columns():
    d = docx.Document()
    cover(d)
    toc_lines(d, [("一、丁镇基本履职事项清单", 1), ("二、丁镇上级部门收回事项清单", 3)])
    header = ["序号", "事项名称", "备注"]
    t = add_list(d, "丁镇基本履职事项清单", header,
                 [["1", "名称一", "备注一"], ["2", ["名称二第一段", "名称二第二段"], None],
                  header, ["3", "名称三", "备注三"]])
    d.add_paragraph("")
    add_list(d, None, header, [["4", "名称四", None]])
    d.add_paragraph("注：本清单随法律法规调整动态更新。")
    add_list(d, "丁镇上级部门收回事项清单", ["序号", "事项名称", "承接部门", "工作方式"],
             [["1", "收回一", "县民政局", "直接实施"], ["2", "收回二", ["县财政局", "县审计局"], "指导监督"]])
    # A list titled by a row inside its table, spanning all columns.
    t = add_list(d, None, ["丁镇配合履职事项清单", "", "", "", ""], [
        ["序号", "事项名称", "对应上级部门", "上级部门职责", "乡镇配合职责"],
        ["1", "配合一", "县委组织部", "部门职责一", "配合职责一"]], repeat_header=False)
    span(t.rows[0], 0, 5)
    mark_header(t.rows[1])
    d.add_paragraph("注：配合事项以县级部门清单为准。")
    # A list with no title at all: its kind comes from its columns.
    add_list(d, None, ["序号", "事项类别", "事项名称"], [["1", "平安法治", "无标题事项"]])
    # A two-level header not marked to repeat: 职责分工 spans the two duty columns below it.
    t = add_list(d, "双层表头配合履职事项清单", ["序号", "事项名称", "职责分工", ""],
                 [[None, None, "上级部门职责", "乡镇配合职责"], ["1", "双层表头事项", "部门职责", "配合职责"]],
                 repeat_header=False)
    for column in (0, 1):
        v_merge(t.rows[0].cells[column], True)
        v_merge(t.rows[1].cells[column], False)
    span(t.rows[0], 2, 2)
    return save(d, "columns.docx")


def make_no_heading():
    """A cover, then at once a table without a heading: the cover's title is not the list's."""
    d = docx.Document()
    cover(d, ("某县某乡", "履职事项清单", "二〇二五年七月十五日"))
    add_list(d, None, ["序号", "事项名称", "对应上级部门", "上级部门职责", "乡镇配合职责"],
             [["1", "事项", "县应急管理局", "部门职责", "配合职责"]])
    return save(d, "no-heading.docx")

# ---- cells: gridSpan, vMerge, gridBefore/gridAfter, nested tables, breaks, empty cells -------

def make_cells():
    d = docx.Document()
    cover(d, ("测试县", "测试乡", "履职事项清单", "2025年9月"))
    rows = [
        ["1", "党的建设", ["第一段", "第二段"], "共用备注"],
        ["2", None, "BREAK", None],
        ["3", None, "合并单元格", ""],
        ["", "经济发展", "名称四", "备注四"],
        ["5", "经济发展", "名称五", ""],
        ["6", "经济发展", "NESTED", "备注六"],
        ["7", "经济发展", "名称七", None],
    ]
    t = add_list(d, "测试乡基本履职事项清单", ["序号", "事项类别", "事项名称", "备注"], rows)
    r = t.rows
    v_merge(r[1].cells[1], True)
    v_merge(r[2].cells[1], False)
    v_merge(r[3].cells[1], False)
    v_merge(r[1].cells[3], True)
    v_merge(r[2].cells[3], False)
    replace_paragraphs(r[2].cells[2], [
        "<w:p>" + run("甲项") + "<w:r><w:br/></w:r>" + run("乙项") + "</w:p>",
        "<w:p>" + run("Step") + "<w:r><w:tab/></w:r>" + run("One") + "</w:p>"])
    nested_cell = r[6].cells[2]
    set_cell(nested_cell, "外层")
    inner = nested_cell.add_table(rows=2, cols=2)
    for cell, text in zip(inner.rows[0].cells + inner.rows[1].cells, ["内1", "内2", "内3", "内4"]):
        set_cell(cell, text)
    nested_cell.add_paragraph("之后")
    span(r[3], 2, 2)
    grid_offset(r[4], before=1)
    grid_offset(r[5], after=1)
    return save(d, "cells.docx")


# ---- automatic numbering ---------------------------------------------------------------------

NUMBERING = f"""<w:numbering {NSDECL}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:suff w:val="space"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:suff w:val="nothing"/><w:lvlText w:val="%2"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="11"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:suff w:val="nothing"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="5"/></w:num>
</w:numbering>"""


def numbered(text, num_id, level=0):
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            + run(text) + "</w:p>")


def make_numbering():
    d = docx.Document()
    cover(d, ("测试县", "测试镇", "履职事项清单", "2025年10月"))
    d.part.numbering_part._element = parse_xml(NUMBERING)
    heading = d.add_paragraph("测试镇基本履职事项清单")
    heading._p.get_or_add_pPr().append(x('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="8"/></w:numPr>'))
    t = add_list(d, None, ["序号", "事项名称", "工作内容"], [["", "事项一", ""], ["", "事项二", ""],
                                                             ["", "事项三", ""], ["", "事项四", ""]])
    contents = [
        [numbered("甲", 2), numbered("乙", 2)],
        [numbered("丙", 3), numbered("丁", 3)],
        [numbered("总体", 4), numbered("细则", 4, 1), numbered("细则", 4, 1), numbered("其他", 4)],
        [numbered("天干", 5), numbered("圈号", 5, 1), numbered("圈号", 5, 1), numbered("十一起", 6),
         numbered("罗马", 7), numbered("罗马", 7)],
    ]
    for row, content in zip(t.rows[1:], contents):
        replace_paragraphs(row.cells[0], [numbered("", 1)])
        replace_paragraphs(row.cells[2], content)
    return save(d, "numbering.docx")


# ---- styles: numbering through a paragraph style, 目录 lines by TOC style, a text box ---------

STYLE_NUMBERING = f"""<w:numbering {NSDECL}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

TEXT_BOX = (
    '<w:p xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">'
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
    '<w:txbxContent><w:p><w:r><w:t>样式县</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
    '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
    '<w:txbxContent><w:p><w:r><w:t>样式县</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>'
    '</mc:Fallback></mc:AlternateContent></w:r></w:p>')


def make_styles():
    d = docx.Document()
    d.part.numbering_part._element = parse_xml(STYLE_NUMBERING)
    styles = d.styles.element
    styles.append(x('<w:style w:type="paragraph" w:customStyle="1" w:styleId="10"><w:name w:val="toc 1"/></w:style>'))
    styles.append(x('<w:style w:type="paragraph" w:customStyle="1" w:styleId="ItemBase"><w:name w:val="Item Base"/>'
                    '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'))
    styles.append(x('<w:style w:type="paragraph" w:customStyle="1" w:styleId="ItemNumber"><w:name w:val="Item Number"/>'
                    '<w:basedOn w:val="ItemBase"/></w:style>'))
    heading1 = d.styles["Heading 1"].element
    heading1.get_or_add_pPr().append(x('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    d.element.body.insert(0, x(TEXT_BOX))
    cover(d, ("样式镇", "履职事项清单", "2025年12月"))
    for entry in ("样式镇基本履职事项清单 1", "附件 2"):
        d.add_paragraph(entry)._p.get_or_add_pPr().insert(0, x('<w:pStyle w:val="10"/>'))
    d.add_paragraph("样式镇基本履职事项清单", style="Heading 1")
    t = add_list(d, None, ["序号", "事项名称", "工作内容"], [["1", "事项一", ""]])
    replace_paragraphs(t.rows[1].cells[2], [
        f'<w:p><w:pPr><w:pStyle w:val="ItemNumber"/></w:pPr>{run(text)}</w:p>' for text in ("甲", "乙")])
    return save(d, "styles.docx")


# ---- Word's wrappers: content controls, smart tags, hyperlinks, fields, tracked changes ------

def make_wrappers():
    d = docx.Document()
    cover(d, ("测试县", "测试乡", "履职事项清单", "2025年11月"))
    # A table of contents as Word writes it: a content control holding a TOC field.
    d.add_paragraph("目录")
    toc = x('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
            '</w:docPartObj></w:sdtPr><w:sdtContent>'
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>测试乡上级部门收回事项清单</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>附表</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            '</w:sdtContent></w:sdt>')
    d.element.body.insert(len(d.element.body) - 1, toc)
    t = add_list(d, "测试乡上级部门收回事项清单", ["序号", "事项名称", "承接部门及工作方式"],
                 [["1", "", ""], ["2", "", ""], ["3", "", ""], ["4", "删除行", "部门"], ["5", "", ""]])
    r = t.rows
    replace_paragraphs(r[1].cells[0], ['<w:p><w:sdt><w:sdtContent>' + run("1") + '</w:sdtContent></w:sdt></w:p>'])
    replace_paragraphs(r[1].cells[1], [
        '<w:p>' + run("对违规") + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="x">'
        + run("领取") + '</w:smartTag><w:hyperlink r:id="rId99" w:history="1">' + run("高龄津贴")
        + '</w:hyperlink>' + run("的追缴") + '</w:p>'])
    replace_paragraphs(r[1].cells[2], [
        '<w:sdt><w:sdtPr><w:alias w:val="部门"/></w:sdtPr><w:sdtContent><w:p>' + run("奇台县民政局：")
        + '</w:p></w:sdtContent></w:sdt>'])
    replace_paragraphs(r[2].cells[1], [
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD 名称 </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("字段结果")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        '<w:p><w:fldSimple w:instr=" DOCPROPERTY 标题 ">' + run("简单域") + '</w:fldSimple></w:p>'])
    replace_paragraphs(r[2].cells[2], [
        '<w:p>' + run("保留") + '<w:ins w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z">' + run("插入")
        + '</w:ins><w:del w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>'])
    replace_paragraphs(r[3].cells[1], [
        '<w:p><mc:AlternateContent><mc:Choice Requires="w14">' + run("选择") + '</mc:Choice><mc:Fallback>'
        + run("后备") + '</mc:Fallback></mc:AlternateContent><w:r><w:sym w:font="Symbol" w:char="221A"/></w:r></w:p>'])
    replace_paragraphs(r[3].cells[2], [
        '<w:p>' + run("隐藏", "<w:rPr><w:vanish/></w:rPr>") + run("可见") + '</w:p>',
        '<w:p>' + run("A") + '<w:r><w:noBreakHyphen/></w:r>' + run("B") + '</w:p>'])
    r[4]._tr.get_or_add_trPr().append(x('<w:del w:id="3" w:author="a" w:date="2025-01-01T00:00:00Z"/>'))
    # A row inside a row-level content control.
    row5 = r[5]._tr
    set_cell(r[5].cells[0], "4")
    set_cell(r[5].cells[1], "内容控件行")
    set_cell(r[5].cells[2], "部门")
    sdt = x('<w:sdt><w:sdtPr/><w:sdtContent/></w:sdt>')
    t._tbl.replace(row5, sdt)
    sdt.find(qn("w:sdtContent")).append(row5)
    return save(d, "wrappers.docx")


# ---- another prefix for the WordprocessingML namespace ----------------------------------------

def make_prefixed(source, name):
    """The same package with document.xml written with prefix ns0: instead of w:."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = text.replace("xmlns:w=", "xmlns:ns0=").replace("<w:", "<ns0:").replace("</w:", "</ns0:")
                text = text.replace(" w:", " ns0:")
                data = text.encode("utf-8")
            zout.writestr(item, data)


def libreoffice_copy(source, name):
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        shutil.copy(source, os.path.join(tmp, "in.docx"))
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                        "--outdir", os.path.join(tmp, "out"), os.path.join(tmp, "in.docx")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        shutil.copy(os.path.join(tmp, "out", "in.docx"), os.path.join(HERE, name))


# ---- input that must be refused -----------------------------------------------------------------

def package_with(name, document_xml, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", compress) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", document_xml, compress_type=compress)


def write_bomb(path):
    """128 MB of spaces in one text run, about 130 KB compressed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/document.xml", "w") as f:
            f.write(f'<w:document {NSDECL}><w:body><w:p><w:r><w:t>'.encode())
            block = b" " * (1 << 20)
            for _ in range(128):
                f.write(block)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")


def make_bad():
    # Two ZIP bombs past the reader's 64 MB cap for one part: one declares its size honestly
    # (refused before inflating), one claims 1000 bytes (refused while inflating).
    write_bomb(os.path.join(HERE, "bomb.docx"))
    lying = os.path.join(HERE, "bomb-lying.docx")
    write_bomb(lying)
    with open(lying, "r+b") as f:
        data = bytearray(f.read())
        struct.pack_into("<I", data, 22, 1000)  # local file header: uncompressed size
        struct.pack_into("<I", data, data.rfind(b"PK\x01\x02") + 24, 1000)  # central directory
        f.seek(0)
        f.write(data)
    lol = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    package_with("entity-bomb.docx",
                 f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'
                 f'<w:document {NSDECL}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    # In UTF-16 a byte scan for the DOCTYPE misses it; the parsed tree still shows it.
    package_with("entity-bomb-utf16.docx",
                 (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'
                  f'<w:document {NSDECL}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
                  ).encode("utf-16"))
    package_with("external-entity.docx",
                 '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                 f'<w:document {NSDECL}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
    nested = "<w:tbl><w:tr><w:tc>" * 70 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 70
    package_with("deep-nesting.docx", f'<w:document {NSDECL}><w:body>{nested}</w:body></w:document>')
    package_with("broken-xml.docx", f'<w:document {NSDECL}><w:body><w:p><w:r><w:t>未闭合</w:r></w:body>')


def main():
    make_columns()
    make_no_heading()
    cells = make_cells()
    numbering = make_numbering()
    make_wrappers()
    make_styles()
    make_prefixed(cells, "cells-prefixed.docx")
    if "--no-libreoffice" not in sys.argv:
        libreoffice_copy(cells, "cells-libreoffice.docx")
        libreoffice_copy(numbering, "numbering-libreoffice.docx")
        libreoffice_copy(os.path.join(HERE, "../../../../shared/corpus/wumachang/wumachang.docx"),
                         "wumachang-libreoffice.docx")
    make_bad()


if __name__ == "__main__":
    main()
