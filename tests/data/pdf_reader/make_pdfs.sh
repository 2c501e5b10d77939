#!/bin/sh
# Encrypted variants of a producer test PDF for tests/test_pdf_reader.cpp (needs qpdf).
set -e
cd "$(dirname "$0")"
src=../pdf/lo-rotated-270.pdf
# Opening needs the user password "secret": must be refused with a clear message.
qpdf --encrypt secret owner 256 -- "$src" user-password.pdf
# Only an owner password, restricting printing, changing and copying: opens without one, converts.
qpdf --encrypt "" owner 256 --print=none --modify=none --extract=n -- "$src" owner-password.pdf
# A cover page alone: text but no table.
qpdf --empty --pages ../pdf/chromium-ruled.pdf 1 -- cover-only.pdf
