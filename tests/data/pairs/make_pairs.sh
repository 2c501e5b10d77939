#!/bin/sh
# Regenerates the format-matrix fixtures in this folder: each source (DOCX for LibreOffice Writer,
# XLSX for LibreOffice Calc) and its PDF printed by LibreOffice headless. See README.md here.
# Needs: Debian's /usr/bin/python3 with python3-docx and python3-openpyxl, LibreOffice Writer
# and Calc (libreoffice-writer-nogui, libreoffice-calc-nogui), fonts-droid-fallback.
# Running it again gives the same bytes (fixed fonts, package times and PDF dates and IDs).
#
#   sh tests/data/pairs/make_pairs.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$here/make_pairs.py" "$work"

# A private profile, so that a running soffice is not disturbed and no user setting leaks in.
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
    --outdir "$work" "$work"/*.docx "$work"/*.xlsx >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
for source in "$work"/*.docx "$work"/*.xlsx; do
    [ -f "${source%.*}.pdf" ] || { echo "soffice made no PDF of $(basename "$source") (Calc missing?)" >&2; cat "$work/soffice.log"; exit 1; }
done
/usr/bin/python3 "$here/make_pairs.py" --fix-pdf "$work"/*.pdf

for pdf in "$work"/*.pdf; do
    echo "$(basename "$pdf"): $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages, $(wc -c <"$pdf") bytes"
done
cp "$work"/*.docx "$work"/*.xlsx "$work"/*.pdf "$here/"
