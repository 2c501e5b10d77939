#!/bin/sh
# Regenerates the OpenDocument fixtures of tests/test_odf_reader.cpp (see README.md here): the
# corpus list and the corpus-like workbooks saved by LibreOffice as .odt and .ods.
# Needs LibreOffice Writer and Calc (libreoffice-writer-nogui, libreoffice-calc-nogui).
#
#   sh tests/data/odf/make_odf.sh [SHARED_DIR]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
shared=${1:-$repo/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$shared/corpus/wumachang/wumachang.docx" "$shared/corpus/wumachang/merged/wumachang-merged.docx" "$work/"
# Word documents of tests/data/docx with automatic numbering (a 序号 column numbered by a list,
# numbered paragraphs in cells, a heading numbered 一、), styles, a text box and merged cells.
for stem in numbering styles cells; do cp "$repo/tests/data/docx/$stem.docx" "$work/$stem.docx"; done
cp "$repo/tests/data/xlsx/wumachang-sheets.xlsx" "$repo/tests/data/xlsx/wumachang-one-sheet.xlsx" "$work/"
# A private profile, so that a running soffice is not disturbed and no user setting leaks in.
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to odt --outdir "$work" \
    "$work/wumachang.docx" "$work/wumachang-merged.docx" "$work/numbering.docx" "$work/styles.docx" "$work/cells.docx" \
    >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to ods --outdir "$work" \
    "$work"/wumachang-*.xlsx >>"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
for made in wumachang.odt wumachang-merged.odt numbering.odt styles.odt cells.odt wumachang-sheets.ods wumachang-one-sheet.ods; do
    [ -f "$work/$made" ] || { echo "soffice made no $made (Writer or Calc missing?)" >&2; cat "$work/soffice.log"; exit 1; }
    cp "$work/$made" "$here/"
    echo "$made: $(wc -c <"$here/$made") bytes"
done
