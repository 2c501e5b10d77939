"""Reference documents for --reference-doc in the bad-input suite, written into OUTDIR/reference/
with their own manifest.tsv (name <TAB> expected <TAB> what). `expected` is a regular
expression for a refusal, or "ok: PART PART ..." for a reference that must be accepted and
contribute exactly those parts to the output (every other part it has is ignored, never even
inflated). Used by make_bad_inputs.py; the reference is whitelisted parts only
(renderers/docx_renderer_package.hpp)."""
import os

from package_files import W_NS, deflate_bomb, raw_zip, stored, zip_bytes

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
LOL = "".join('<!ENTITY lol%d "%s">' % (i, "&lol%d;" % (i - 1) * 10 if i else "lol") for i in range(10))
XXE = '<!DOCTYPE %s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


def rels(*relationships):
    body = "".join('<Relationship Id="%s" Type="%s" Target="%s"%s/>' % (rid, kind if "://" in kind else REL + kind, target,
                                                                         ' TargetMode="External"' if external else "")
                   for rid, kind, target, external in relationships)
    return (DECLARATION + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s'
            '</Relationships>' % body).encode()


def word_part(root, body="", prolog=""):
    return (DECLARATION + prolog + '<w:%s xmlns:w="%s" xmlns:r="%s">%s</w:%s>' % (root, W_NS, REL[:-1], body, root)).encode()


def base_parts():
    """A small reference: styles, settings, theme and a footer with a logo."""
    types = (DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
             '<Override PartName="/word/document.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/styles.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
             '<Override PartName="/word/footer1.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
    return {
        "[Content_Types].xml": types.encode(),
        "_rels/.rels": rels(("rId1", "officeDocument", "word/document.xml", False)),
        "word/document.xml": word_part("document", '<w:body><w:p/><w:sectPr><w:footerReference w:type="default" '
                                                   'r:id="rId4"/></w:sectPr></w:body>'),
        "word/_rels/document.xml.rels": rels(("rId1", "styles", "styles.xml", False), ("rId2", "settings", "settings.xml", False),
                                             ("rId3", "theme", "theme/theme1.xml", False), ("rId4", "footer", "footer1.xml", False)),
        "word/styles.xml": word_part("styles", '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'),
        "word/settings.xml": word_part("settings", '<w:zoom w:percent="100"/>'),
        "word/theme/theme1.xml": b'<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="t"/>',
        "word/footer1.xml": word_part("ftr", '<w:p><w:r><w:t>footer</w:t></w:r></w:p>'),
        "word/_rels/footer1.xml.rels": rels(("rId1", "image", "media/logo.png", False)),
        "word/media/logo.png": b"\x89PNG\r\n\x1a\n not decoded by dutylist",
    }


def changed(name, data):
    """The base reference with one part replaced, or left out when data is None."""
    out = base_parts()
    if data is None:
        out.pop(name)
    else:
        out[name] = data
    return out


def bomb_package(parts, name, root):
    """The parts stored, and `name` a DEFLATE bomb of 2.5 GB of spaces inside <w:root>."""
    prefix = (DECLARATION + '<w:%s xmlns:w="%s">' % (root, W_NS)).encode()
    data, crc, size = deflate_bomb(prefix, b" " * (1 << 20), 2500, ("</w:%s>" % root).encode())
    return raw_zip([stored(n, d) for n, d in parts.items() if n != name] + [(name, 8, crc, data, size)])


def unexpected_parts():
    """Every part a hostile reference could hope to smuggle into our output, next to the whitelisted ones."""
    parts = base_parts()
    parts["word/_rels/document.xml.rels"] = rels(
        ("rId1", "styles", "styles.xml", False), ("rId2", "settings", "settings.xml", False),
        ("rId3", "theme", "theme/theme1.xml", False), ("rId4", "footer", "footer1.xml", False),
        ("rId5", "image", "media/body.png", False), ("rId6", "customXml", "../customXml/item1.xml", False),
        ("rId7", "hyperlink", "http://attacker.example/ping", True),
        ("rId8", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin", False),
        ("rId9", "styles", "document.xml", False), ("rId10", "footer", "../[Content_Types].xml", False))
    parts["word/_rels/footer1.xml.rels"] = rels(("rId1", "image", "media/logo.png", False),
                                                ("rId2", "hyperlink", "http://attacker.example/footer", True),
                                                ("rId3", "oleObject", "embeddings/object.bin", False))
    parts["word/_rels/settings.xml.rels"] = rels(("rId1", "attachedTemplate", "file:///etc/passwd", True))
    parts["word/media/body.png"] = b"\x89PNG body picture"
    parts["word/embeddings/object.bin"] = b"OLE object"
    parts["customXml/item1.xml"] = (DECLARATION + XXE % "root" + "<root>&xxe;</root>").encode()
    parts["evil/payload.xml"] = ('<?xml version="1.0"?><!DOCTYPE lolz [%s]><lolz>&lol9;</lolz>' % LOL).encode()
    return bomb_package(parts, "word/vbaProject.bin", "vba")


def write_reference_docs(outdir, list_json):
    folder = os.path.join(outdir, "reference")
    os.makedirs(folder)
    rows = []

    def add(name, data, what, expected):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        rows.append((name, expected, what))
    dtd = "declares a DTD"
    add("billion-laughs-styles.docx", zip_bytes(changed("word/styles.xml", word_part("styles", "&lol9;", "<!DOCTYPE w:styles [%s]>" % LOL))),
        "a billion laughs in word/styles.xml", dtd)
    add("billion-laughs-theme.docx", zip_bytes(changed("word/theme/theme1.xml", (
        '<?xml version="1.0"?><!DOCTYPE a:theme [%s]><a:theme xmlns:a="x">&lol9;</a:theme>' % LOL).encode())),
        "a billion laughs in the theme, a part copied without being read before", dtd)
    add("external-entity-settings.docx", zip_bytes(changed("word/settings.xml", word_part("settings", "&xxe;", XXE % "w:settings"))),
        "/etc/passwd as an external entity in word/settings.xml, a part copied without being read before", dtd)
    add("external-entity-footer.docx", zip_bytes(changed("word/footer1.xml", word_part("ftr", "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>",
                                                                                          XXE % "w:ftr"))),
        "/etc/passwd as an external entity in the footer", dtd)
    add("dtd-in-footer-relationships.docx", zip_bytes(changed("word/_rels/footer1.xml.rels", (
        '<?xml version="1.0"?>' + XXE % "Relationships" + '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"/>').encode())), "an external entity in the footer's relationships", dtd)
    picture_first = changed("word/_rels/document.xml.rels", rels(
        ("rId4", "footer", "footer1.xml", False), ("rId1", "styles", "styles.xml", False),
        ("rId2", "settings", "media/logo.png", False)))
    picture_first["word/media/logo.png"] = word_part("settings", "&xxe;", XXE % "w:settings")
    add("picture-named-as-settings.docx", zip_bytes(picture_first),
        "the footer's picture, not parsed as a picture, named again as the settings part, with an external entity", dtd)
    add("huge-styles.docx", bomb_package(base_parts(), "word/styles.xml", "styles"),
        "word/styles.xml inflates to 2.5 GB", "more than 64 MB")
    add("no-main-part.docx", zip_bytes(changed("word/document.xml", None)), "a package without word/document.xml",
        "is not a Word document")
    add("unexpected-parts.docx", unexpected_parts(),
        "whitelisted parts next to a 2.5 GB macro part, custom XML and an unknown part with entities, a body picture, "
        "an OLE object, external links and relationships that point at generated parts",
        "ok: [Content_Types].xml _rels/.rels docProps/app.xml docProps/core.xml word/_rels/document.xml.rels "
        "word/_rels/footer1.xml.rels word/document.xml word/footer1.xml word/media/logo.png word/settings.xml "
        "word/styles.xml word/theme/theme1.xml")
    with open(os.path.join(folder, "list.json"), "wb") as f:
        f.write(list_json)
    with open(os.path.join(folder, "manifest.tsv"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write("\t".join(row) + "\n")
