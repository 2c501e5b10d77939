"""The HTML source of a test PDF for headless Chromium: a variant (source_variants.py) drawn as
one page of CSS and tables, each truth paragraph its own <p>. Used by make_sources.py."""

import html

CSS = """
@page { size: PAGE_SIZE; margin: 20mm 18mm 20mm 18mm; PAGE_NUMBER }
@page cover { size: A4 portrait; margin: 25mm; @bottom-center { content: none; } }
body { font-family: "BODY_FONT"; margin: 0; }
th { font-family: "HEAD_FONT"; }
.cover { page: cover; text-align: center; break-after: page; }
.cover .issuer { font-size: 22pt; margin: 0; }
.cover .issuer:first-child { margin-top: 70mm; }
.cover .title { font-size: 40pt; margin: 20mm 0 0 0; }
.cover .date { font-size: 16pt; margin-top: 80mm; }
h1 { font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 4mm 0; }
section + section { break-before: BREAK; }
section > p.note { font-size: 10.5pt; margin: 2mm 0 0 0; }
section + section h1 { margin-top: GAP; }
table.ruled th, table.ruled td { border: 0.75pt solid #000; }
th { SHADOW }
ROWS
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { padding: 1mm 1.5mm; vertical-align: middle; }
th { font-size: 12pt; font-weight: normal; }
td { font-size: 10.5pt; text-align: justify; }
td.c { text-align: center; }
td p { margin: 0; }
.watermark { position: fixed; top: 70mm; left: 60mm; transform: rotate(-30deg); font-size: 72pt;
             color: rgba(0, 0, 0, 0.12); font-family: "HEAD_FONT"; }
"""


def write_html(v, truth, path):
    css = (CSS.replace("BODY_FONT", v["fonts"]["body"]).replace("HEAD_FONT", v["fonts"]["head"])
           .replace("BREAK", "page" if v.get("list_page_break", True) else "auto")
           .replace("GAP", "0" if v.get("list_page_break", True) else "8mm")
           .replace("PAGE_SIZE", v.get("page_size", "A4 landscape"))
           .replace("PAGE_NUMBER", '@bottom-center { content: "— " counter(page) " —"; font: 12pt "Liberation Serif"; }'
                    if v.get("page_numbers", True) else "")
           .replace("SHADOW", v.get("header_style", ""))
           .replace("ROWS", v.get("row_style", "")))
    out = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
           f"<title>{html.escape(truth['title'] or truth['lists'][0]['title'])}</title><style>{css}</style></head><body>"]
    if v["cover"]:
        out.append('<div class="cover">')
        out += [f'<p class="issuer">{html.escape(x)}</p>' for x in truth["issuer_lines"]]
        out.append(f'<p class="title">{html.escape(truth["title"])}</p>')
        out.append(f'<p class="date">{html.escape(truth["date"])}</p></div>')
    for l in truth["lists"]:
        widths = v["widths"][l["kind"]]
        ruled = ' class="ruled"' if v.get("ruled", True) else ""
        out.append(f"<section><h1>{html.escape(l['title'])}</h1><table{ruled}><colgroup>")
        out += [f'<col style="width:{w}mm">' for w in widths]
        out.append("</colgroup><thead><tr>")
        out += [f"<th>{html.escape(c)}</th>" for c in l["columns"]]
        out.append("</tr></thead><tbody>")
        for r in l["rows"]:
            out.append("<tr>")
            for j, cell in enumerate(r):
                cls = ' class="c"' if j == 0 or l["columns"][j] == "事项类别" else ""
                out.append(f"<td{cls}>" + "".join(f"<p>{html.escape(p)}</p>" for p in cell) + "</td>")
            out.append("</tr>")
        out.append("</tbody></table>")
        out += [f'<p class="note">{html.escape(n)}</p>' for n in v.get("notes", {}).get(l["kind"], [])]
        out.append("</section>")
    if v.get("watermark"):
        out.append(f'<div class="watermark">{html.escape(v["watermark"])}</div>')
    out.append("</body></html>")
    path.write_text("\n".join(out), encoding="utf-8")
