"""PDF and image files for the bad-input suite: PDFs from object bodies with a correct xref
table, one-page PDFs, nested form bombs, a PNG, and qpdf's encryption. Used by make_bad_inputs.py."""
import struct
import subprocess
import zlib


def make_pdf(objects):
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page_pdf(content, resources=b"<< >>", extra_objects=(), media_box=b"[0 0 842 595]"):
    return make_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                     b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box + b" /Contents 4 0 R /Resources " +
                     resources + b" >>",
                     stream(content)] + list(extra_objects))


def form_bomb(levels, fan):
    """A page that draws a form `fan` times, which draws the next form `fan` times, and so on:
    fan ** (levels + 1) lines from a few KB."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
               b"/Resources << /XObject << /X 5 0 R >> >> >>",
               stream(b"".join(b"q 1 0 0 1 %d 0 cm /X Do Q " % i for i in range(fan)))]
    for level in range(levels):
        if level == levels - 1:
            body = b"".join(b"%d 10 m %d 500 l S " % (50 + i, 50 + i) for i in range(fan))
            resources = b"<< >>"
        else:
            body = b"".join(b"q 1 0 0 1 0 %d cm /X Do Q " % i for i in range(fan))
            resources = b"<< /XObject << /X %d 0 R >> >>" % (len(objects) + 2)
        objects.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 842 595] /Resources " + resources + b" "))
    return make_pdf(objects)


def png_image():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([x * 8 % 256 for x in range(32)]) for _ in range(32))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def qpdf_encrypt(source, target, user, owner, bits):
    """40-bit is RC4 (qpdf writes it only when told to allow weak crypto), 128 and 256 AES."""
    args = ["qpdf", "--encrypt", user, owner, str(bits)]
    if bits == 40:
        args.insert(1, "--allow-weak-crypto")
    if bits == 128:
        args.append("--use-aes=y")
    subprocess.run(args + ["--", source, target], check=True)


def mesh_pdf(shading_type, elements, uses):
    """A page that paints a shaded mesh `uses` times: `elements` Gouraud-shaded triangles (type 4)
    or Coons patches (type 6), one byte per coordinate and colour, compressed. Poppler holds each
    vertex in 144 bytes and each patch in 1.3 KB, so a few tens of KB ask for gigabytes."""
    if shading_type == 4:
        # flag 0 (a new triangle), x, y, grey; three vertices a triangle
        element = bytes([0, 10, 10, 0, 0, 200, 10, 128, 0, 100, 200, 255])
        extra = b"/BitsPerFlag 8 "
    else:
        # flag 0, twelve points, four colours
        element = bytes([0] + [10, 10, 60, 10, 120, 10, 180, 10, 180, 60, 180, 120, 180, 180, 120, 180,
                               60, 180, 10, 180, 10, 120, 10, 60] + [0, 80, 160, 255])
        extra = b"/BitsPerFlag 8 "
    data = zlib.compress(element * elements, 9)
    mesh = stream(data, b"/ShadingType %d /ColorSpace /DeviceGray /BitsPerCoordinate 8 /BitsPerComponent 8 %s"
                        b"/Decode [0 842 0 595 0 1] /Filter /FlateDecode " % (shading_type, extra))
    return one_page_pdf(b"q /Sh0 sh Q " * uses, b"<< /Shading << /Sh0 5 0 R >> >>", [mesh])
