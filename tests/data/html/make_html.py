#!/usr/bin/python3
"""Generates the web-page fixtures of tests/test_html_reader.cpp (see README.md here).

    /usr/bin/python3 make_html.py [SHARED_DIR]

SHARED_DIR defaults to ../shared next to the repository. From the corpus truth
(wumachang/truth.json) it writes a page laid out like a county government site: a layout table
holding a navigation menu beside the article, a breadcrumb, the article's heading, a 发布时间 /
浏览次数 / 打印本页 line, the three lists (each under a centred bold heading, 事项类别 merged
with rowspan over its run of rows, paragraphs as <p>, <br> and <li> in turn), and a site footer.
county-site.html is that page in UTF-8 declared by <meta charset>; county-site-gbk.html the
same in GBK declared by http-equiv as gb2312; county-site-gbk-undeclared.htm the GBK bytes with
no declaration at all. wumachang-libreoffice.html is the corpus DOCX saved as HTML by
LibreOffice Writer (soffice --headless --convert-to html), made by make_html.sh.
"""
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def cell_html(paragraphs, style):
    """A cell's paragraphs, written in one of three ways a CMS does."""
    escaped = [html.escape(p) for p in paragraphs]
    if len(escaped) <= 1:
        return "".join(escaped)
    if style == 0:
        return "".join("<p>%s</p>" % p for p in escaped)
    if style == 1:
        return "<br/>".join(escaped)
    return "<ul>" + "".join("<li>%s</li>" % p for p in escaped) + "</ul>"


def list_table(lst):
    columns = lst["columns"]
    category = columns.index("事项类别") if "事项类别" in columns else -1
    out = ['<p style="text-align:center"><strong>%s</strong></p>' % html.escape(lst["title"]),
           '<table border="1" cellspacing="0" cellpadding="4" class="list">',
           "<thead><tr>" + "".join("<th>%s</th>" % html.escape(c) for c in columns) + "</tr></thead>", "<tbody>"]
    rows = lst["rows"]
    i = 0
    while i < len(rows):
        run = 1
        if category >= 0:
            while i + run < len(rows) and rows[i + run][category] == rows[i][category] and rows[i][category]:
                run += 1
        for k in range(run):
            row = rows[i + k]
            cells = []
            for c, paragraphs in enumerate(row):
                if c == category and k > 0:
                    continue
                span = ' rowspan="%d"' % run if c == category and run > 1 else ""
                cells.append("<td%s>%s</td>" % (span, cell_html(paragraphs, (i + k + c) % 3)))
            out.append("<tr>" + "".join(cells) + "</tr>")
        i += run
    out.append("</tbody></table>")
    return "\n".join(out)


def county_page(truth, charset_meta):
    lists = "\n".join(list_table(lst) for lst in truth["lists"])
    return """<!DOCTYPE html>
<html lang="zh-CN"><head>
%s
<title>%s - 奇台县人民政府网</title>
<link rel="stylesheet" href="http://127.0.0.1:9/site.css">
<script src="http://127.0.0.1:9/site.js"></script>
<style>.list td { border: 1px solid #000 }</style>
</head><body>
<div class="header"><img src="http://127.0.0.1:9/logo.png" alt="奇台县人民政府"><span>奇台县人民政府网</span></div>
<div id="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<table width="1000" class="layout"><tr>
<td width="200" valign="top"><div class="left-menu"><ul><li>政府信息公开指南</li><li>政府信息公开制度</li><li>法定主动公开内容</li></ul></div></td>
<td valign="top">
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 乡镇信息</div>
<h1>%s</h1>
<div class="info">发布时间：2025-07-15 来源：五马场哈萨克族乡 浏览次数：1024 【打印本页】【关闭窗口】</div>
<div class="article-content">
%s
</div>
<div class="share">分享到：微信 微博</div>
</td></tr></table>
<div class="footer"><p>版权所有：奇台县人民政府 主办单位：奇台县人民政府办公室</p><p>新ICP备00000000号 网站标识码：0000000000</p></div>
</body></html>
""" % (charset_meta, html.escape(truth["title"]), html.escape(truth["issuer"] + truth["title"]), lists)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared")
    with open(os.path.join(shared, "corpus", "wumachang", "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    pages = {
        "county-site.html": (county_page(truth, '<meta charset="utf-8">'), "utf-8"),
        "county-site-gbk.html": (county_page(truth, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), "gbk"),
        "county-site-gbk-undeclared.htm": (county_page(truth, ""), "gbk"),
    }
    for name, (text, encoding) in pages.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(text.encode(encoding))
        print(name, os.path.getsize(os.path.join(HERE, name)), "bytes")


if __name__ == "__main__":
    main()
