#!/usr/bin/python3
"""Writes the revision pair of tests/test_diff.cpp: old.docx and new.docx, two versions of a small
township list (动态调整), laid out like the corpus by ../pdf/make_sources.py.

The cells are real text from ../shared/corpus/wumachang/truth.json. From old to new:
- basic 序号 3 removed, so basic 4–8 become 3–7 (renumbered);
- basic 序号 5 renamed slightly (事项名称 "领导本乡政权机关…" with a few words changed);
- basic 序号 7 moved to 上级部门收回事项清单 (its last item, with a 承接部门及工作方式 cell);
- cooperative 序号 3, 上级部门职责 (four paragraphs): only the third paragraph changed;
- cooperative: one item added at the end (corpus cooperative 序号 9).

Run with Debian's /usr/bin/python3 (it has python-docx) from anywhere:
    /usr/bin/python3 tests/data/revisions/make_revisions.py
"""

import copy
import pathlib
import sys

import docx

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "pdf"))
sys.path.insert(0, str(HERE.parent / "pairs"))
import make_sources  # noqa: E402
from make_pairs import FIXED_TIME, fixed_zip  # noqa: E402

LAYOUT = dict(make_sources.VARIANTS["lo-ruled-landscape"], fonts=make_sources.DROID)
ISSUER_LINES = ["新疆维吾尔自治区昌吉回族自治州", "奇台县五马场哈萨克族乡"]

RENAMED_OLD = "领导本乡政权机关、群团组织和其他各类组织"
RENAMED_NEW = "领导本乡政权机关、群团组织和其他组织"
CHANGED_OLD = "3.负责项目的实施监管和验收；"
CHANGED_NEW = "3.负责项目的实施监管和竣工验收；"
MOVED_RECEIVER = ["奇台县委组织部：", "收回县委组织部统一组织实施。"]


def renumbered(rows):
    for n, r in enumerate(rows, start=1):
        r[0] = [str(n)]
    return rows


def old_version(source):
    basic = make_sources.pick(source, "basic", range(1, 9))
    coop = make_sources.pick(source, "cooperative", [2, 3, 4, 7])
    withdrawn = make_sources.pick(source, "withdrawn", [1, 2, 3])
    for l in (basic, coop, withdrawn):
        renumbered(l["rows"])
    return [basic, coop, withdrawn]


def new_version(old, source):
    basic, coop, withdrawn = copy.deepcopy(old)
    renamed = basic["rows"][4][2]
    assert renamed[0].startswith(RENAMED_OLD), renamed
    renamed[0] = RENAMED_NEW + renamed[0][len(RENAMED_OLD):]
    moved = basic["rows"][6]
    withdrawn["rows"].append([moved[0], moved[1], moved[2], MOVED_RECEIVER])
    del basic["rows"][6]
    del basic["rows"][2]
    duties = coop["rows"][2][4]
    assert len(duties) == 4 and duties[2] == CHANGED_OLD, duties
    duties[2] = CHANGED_NEW
    coop["rows"].append(make_sources.pick(source, "cooperative", [9])["rows"][0])
    for l in (basic, coop, withdrawn):
        renumbered(l["rows"])
    return [basic, coop, withdrawn]


def write(lists, corpus, date, path):
    truth = dict(issuer_lines=ISSUER_LINES, title=corpus["title"], date=date, lists=lists)
    make_sources.write_docx(LAYOUT, truth, path)
    # python-docx stamps the core properties with the clock: fixed, as the ZIP entry times.
    doc = docx.Document(path)
    props = doc.core_properties
    props.author = props.last_modified_by = "dutylist"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    doc.save(path)
    fixed_zip(path)


def main():
    corpus, source = make_sources.corpus_lists()
    old = old_version(source)
    write(old, corpus, "2025年7月", HERE / "old.docx")
    write(new_version(old, source), corpus, "2025年10月", HERE / "new.docx")


if __name__ == "__main__":
    main()
