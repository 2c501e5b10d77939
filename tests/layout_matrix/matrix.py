"""The layout matrix: which combinations of layout factors are made, and each one's sources.

Every factor value is combined with every value of every other factor at least once (a pairwise
covering set, chosen greedily from a fixed seed, so the same combinations come out on every
run); the full product would be millions of files. A combination is a dict of factor values; its
name lists them, so a failure says which layout it was.
"""

import copy
import itertools
import random
import sys

from restyle import text_width_mm

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "pdf"))
import make_sources  # noqa: E402  (the one writer of list content; see restyle.py)

FACTORS = {
    "producer": ["writer", "calc", "chromium", "gs"],  # gs: Writer's PDF re-distilled by Ghostscript
    "borders": ["ruled", "none", "three-line", "horizontal"],
    "valign": ["top", "center", "bottom"],
    "halign": ["justify", "left", "centred-short"],
    "spacing": ["none", "before-after"],
    "repeat_header": [True, False],
    "page": ["a4-landscape", "a4-portrait", "a3-landscape"],
    # Government font names as lists set them (LibreOffice and Chromium substitute what the
    # machine has) and the CJK families Debian ships.
    "font": ["仿宋_GB2312", "宋体", "黑体", "楷体_GB2312", "Noto Serif CJK SC", "Noto Sans CJK SC",
             "Droid Sans Fallback"],
    "size": [9, 10.5, 12, 14, 16],
    "category": ["repeated", "merged", "sections"],
    "columns": ["standard", "remarks", "split"],
}

SEED = 20261202


def allowed(f):
    """Whether a (partial) combination can be made: what each producer's source can express."""
    p = f.get("producer")
    if p == "calc" and (f.get("borders") == "three-line" or f.get("spacing") == "before-after"
                        or f.get("category") in ("merged", "sections")):
        return False
    if p == "chromium" and f.get("category") in ("merged", "sections"):
        return False
    if f.get("category") in ("merged", "sections") and f.get("columns") == "remarks":
        return False  # the remarks column set has no 事项类别
    if f.get("category") == "sections" and f.get("borders") in ("three-line", "horizontal"):
        return False  # make_sources draws section tables ruled or not at all
    if f.get("page") == "a4-portrait" and f.get("size", 0) >= 14 and f.get("columns") == "split":
        return False  # five columns of 14 pt text do not fit 170 mm
    return True


def _pairs(f):
    keys = sorted(f)
    return {(a, str(f[a]), b, str(f[b])) for a, b in itertools.combinations(keys, 2)}


def combinations(count_limit=200):
    """The pairwise covering set: every allowed pair of factor values in some combination."""
    rng = random.Random(SEED)
    names = list(FACTORS)
    wanted = set()
    for a, b in itertools.combinations(names, 2):
        for va in FACTORS[a]:
            for vb in FACTORS[b]:
                if allowed({a: va, b: vb}):
                    wanted.add(tuple(sorted([(a, str(va)), (b, str(vb))])))
    wanted = {(x[0][0], x[0][1], x[1][0], x[1][1]) for x in wanted}
    chosen = []
    while wanted and len(chosen) < count_limit:
        best, gain = None, -1
        for _ in range(300):
            f = {k: rng.choice(v) for k, v in FACTORS.items()}
            if not allowed(f):
                continue
            g = len(_pairs(f) & wanted)
            if g > gain:
                best, gain = f, g
        if gain <= 0:
            break
        chosen.append(best)
        wanted -= _pairs(best)
    return chosen


def name_of(index, f):
    short = {"repeat_header": "rh" if f["repeat_header"] else "norh", "size": f"{f['size']}pt".replace(".", "_")}
    parts = [f"{index:03d}", f["producer"], f["borders"], f["valign"], f["halign"], f["spacing"],
             short["repeat_header"], f["page"], short["size"], f["category"], f["columns"]]
    return "-".join(parts)


def _relative_widths(kind, columns):
    base = {"basic": [18, 32, 207], "cooperative": [14, 22, 40, 40, 70.5, 70.5], "withdrawn": [16, 26, 80, 135]}
    if columns == "remarks":
        w = base[kind][:1] + base[kind][2:]
        return w + [sum(w) * 0.2]
    if columns == "split" and kind == "withdrawn":
        return [14, 24, 70, 40, 109]
    return base[kind]


def _list_specs(index, f):
    """Which corpus rows a combination prints: about a page and a half, different rows for each
    combination, so the matrix covers much of the corpus text."""
    truth, source = make_sources.corpus_lists()
    kinds = ["basic", "cooperative", "withdrawn"]
    specs = []
    for k in (kinds[index % 3], kinds[(index + 1) % 3]):
        if f["columns"] == "split" and k != "withdrawn" and specs:
            continue
        numbers = [int(r[0][0]) for r in source[k]["rows"]]
        start = (index * 7) % max(1, len(numbers) - 12)
        spec = dict(kind=k, rows=numbers[start:start + 12])
        if f["columns"] == "remarks":
            spec["transform"] = make_sources.without_category_with_remarks
        elif f["columns"] == "split" and k == "withdrawn":
            spec["transform"] = make_sources.department_and_method_split
        specs.append(spec)
    if f["columns"] == "split" and all(s["kind"] != "withdrawn" for s in specs):
        specs.append(dict(kind="withdrawn", rows=list(range(1 + index % 20, 13 + index % 20)),
                          transform=make_sources.department_and_method_split))
    return specs


def variant(index, f):
    """The make_sources variant of a combination (restyle.py then applies the rest)."""
    specs = _list_specs(index, f)
    text = text_width_mm(f["page"])
    widths = {}
    for s in specs:
        w = _relative_widths(s["kind"], f["columns"] if s.get("transform") else "standard")
        if f["category"] == "sections":
            w = w[:1] + w[2:]
        widths[s["kind"]] = [round(x * text / sum(w), 1) for x in w]
    producer = {"writer": "docx", "gs": "docx", "calc": "xlsx", "chromium": "html"}[f["producer"]]
    if producer == "xlsx":
        # A spreadsheet column's width is in characters of the default font, about 2 mm each.
        widths = {k: [round(x / 2, 1) for x in w] for k, w in widths.items()}
    return dict(
        producer=producer, cover=index % 4 == 0 and producer == "docx", toc=False,
        fonts={"body": f["font"], "head": f["font"], "title": f["font"]},
        landscape=f["page"] != "a4-portrait", ruled=f["borders"] != "none", three_line=f["borders"] == "three-line",
        repeat_header=f["repeat_header"], page_numbers=index % 2 == 0, body_size=f["size"],
        head_size=f["size"] + 1, title_size=f["size"] + 6, merge_category=f["category"] == "merged",
        sections=f["category"] == "sections", foot_note="注：本清单所列事项随法律法规和机构职能调整实行动态管理。",
        widths=widths, lists=copy.deepcopy(specs), page_size="A4 landscape")
