#!/bin/sh
# Regenerates the other-producer test PDFs in this folder, each with its NAME.truth.json, and keeps
# the small sources (NAME.docx, NAME.xlsx, NAME.html) next to them. See README.md here for what each
# file exercises. Needs: Debian's /usr/bin/python3 with python3-docx and python3-openpyxl,
# LibreOffice (soffice, with Writer and Calc), chromium, ghostscript, qpdf (with fix-qdf),
# fonts-noto-cjk and fonts-droid-fallback.
#
#   sh tests/data/pdf/make_pdfs.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$here/make_sources.py" "$work"

# LibreOffice: each DOCX (Writer) and XLSX (Calc) to PDF, with a private profile so that a running
# soffice is not disturbed.
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
    --outdir "$work" "$work"/*.docx "$work"/*.xlsx >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }

# Headless Chromium (Skia): print-to-PDF of the HTML pages, page size from their CSS @page;
# chromium-browser-header keeps the browser's own page header and footer.
for html in "$work"/chromium-*.html; do
    rm -rf "$work/chrome-profile"
    case "$html" in *browser-header*) header= ;; *) header=--no-pdf-header-footer ;; esac
    chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$work/chrome-profile" \
        $header --print-to-pdf="${html%.html}.pdf" "file://$html" 2>/dev/null
done

# Ghostscript pdfwrite: the ruled landscape list re-distilled; same truth.
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$work/gs-redistilled.pdf" \
    "$work/lo-ruled-landscape.pdf"
cp "$work/lo-ruled-landscape.truth.json" "$work/gs-redistilled.truth.json"

# Ghostscript pdfwrite of Chromium's Type 3 fonts: the pages look right but part of the Unicode
# mapping is lost (radicals for ideographs, and wrong letters: 助 as "û", 、 as "1"). No extractor
# can give the truth from it: it belongs in untrusted/, where it must be refused, not read.
mkdir -p "$work/untrusted"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$work/untrusted/gs-chromium-type3.pdf" \
    "$work/chromium-type3.pdf"
cp "$work/chromium-type3.truth.json" "$work/untrusted/gs-chromium-type3.truth.json"

# The same with Chromium's CID TrueType fonts: characters come out as other ideographs' radicals,
# Latin letters, punctuation and control characters (吉 as "]", 五 as "Þ", 、 as "1").
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$work/untrusted/gs-chromium-ruled.pdf" \
    "$work/chromium-ruled.pdf"
cp "$work/chromium-ruled.truth.json" "$work/untrusted/gs-chromium-ruled.truth.json"

# Ghostscript with -dNoOutputFonts: every glyph drawn as a filled outline, no text at all.
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dNoOutputFonts \
    -sOutputFile="$work/untrusted/gs-outlines.pdf" "$work/chromium-type3.pdf"
cp "$work/chromium-type3.truth.json" "$work/untrusted/gs-outlines.truth.json"

# Fonts without ToUnicode: Identity-H CIDs that Poppler turns into plausible wrong ideographs.
qpdf --qdf --object-streams=disable "$work/chromium-borderless.pdf" "$work/no-tounicode.qdf"
sed '/^  \/ToUnicode [0-9]* 0 R$/d' "$work/no-tounicode.qdf" | fix-qdf >"$work/no-tounicode-fixed.qdf"
qpdf --object-streams=generate "$work/no-tounicode-fixed.qdf" "$work/untrusted/no-tounicode.pdf"
cp "$work/chromium-borderless.truth.json" "$work/untrusted/no-tounicode.truth.json"

# Landscape pages re-expressed as portrait pages with /Rotate 90 or 270.
for rotated in lo-rotated:90 lo-rotated-270:270; do
    name=${rotated%:*}
    qpdf --qdf --object-streams=disable "$work/$name.pdf" "$work/rotated.qdf"
    /usr/bin/python3 "$here/rotate_pages.py" "$work/rotated.qdf" "$work/rotated-turned.qdf" "${rotated#*:}"
    fix-qdf <"$work/rotated-turned.qdf" >"$work/rotated-fixed.qdf"
    qpdf --object-streams=generate "$work/rotated-fixed.qdf" "$work/$name.pdf"
done

# ToUnicode maps that name Kangxi radicals and compatibility ideographs (⼯ for 工, 神 for 神).
qpdf --qdf --object-streams=disable "$work/lo-radicals.pdf" "$work/radicals.qdf"
/usr/bin/python3 "$here/radical_tounicode.py" "$work/radicals.qdf" "$work/radicals-mapped.qdf"
fix-qdf <"$work/radicals-mapped.qdf" >"$work/radicals-fixed.qdf"
qpdf --object-streams=generate "$work/radicals-fixed.qdf" "$work/lo-radicals.pdf"

for pdf in "$work"/*.pdf; do
    name=$(basename "$pdf" .pdf)
    size=$(wc -c <"$pdf")
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    echo "$name.pdf: $pages pages, $size bytes"
    [ "$size" -lt 300000 ] || { echo "$name.pdf is too big for the repository" >&2; exit 1; }
    cp "$pdf" "$work/$name.truth.json" "$here/"
done
for pdf in "$work"/untrusted/*.pdf; do
    echo "untrusted/$(basename "$pdf"): $(wc -c <"$pdf") bytes"
    [ "$(wc -c <"$pdf")" -lt 300000 ] || { echo "$pdf is too big for the repository" >&2; exit 1; }
done
cp "$work"/*.docx "$work"/*.xlsx "$work"/*.html "$here/"
mkdir -p "$here/untrusted"
cp "$work"/untrusted/* "$here/untrusted/"
