#!/bin/sh
# Regenerates the web-page fixtures of tests/test_html_reader.cpp (see README.md here): the
# county-site pages written by make_html.py and the corpus DOCX saved as HTML by LibreOffice.
# Needs Debian's /usr/bin/python3 and LibreOffice Writer (libreoffice-writer-nogui).
#
#   sh tests/data/html/make_html.sh [SHARED_DIR]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
shared=${1:-$repo/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$here/make_html.py" "$shared"
cp "$shared/corpus/wumachang/wumachang.docx" "$work/wumachang-libreoffice.docx"
# A private profile, so that a running soffice is not disturbed and no user setting leaks in.
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to html --outdir "$work" \
    "$work/wumachang-libreoffice.docx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
[ -f "$work/wumachang-libreoffice.html" ] || { echo "soffice made no HTML (Writer missing?)" >&2; cat "$work/soffice.log"; exit 1; }
cp "$work/wumachang-libreoffice.html" "$here/"
echo "wumachang-libreoffice.html: $(wc -c <"$here/wumachang-libreoffice.html") bytes"
