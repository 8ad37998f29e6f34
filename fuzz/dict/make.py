#!/usr/bin/env python3
"""Regenerate the libFuzzer dictionaries of the fuzz targets.

    fuzz/dict/make.py check CORPUS_DIR... [--packs rules/*.toml] > fuzz/dict/check.dict
    fuzz/dict/make.py rules rules/*.toml > fuzz/dict/rules.dict

`check`: every number written in the reports (with its thousands separators,
decimals, full-width digits, percent sign), Chinese numerals, table cells that
are labels, heading markers, year and date phrases, and the frequent short
phrases (CJK n-grams that occur at least --min-count times and are not just a
piece of a longer phrase that is as frequent), plus the labels, names and
phrases of the packs and a fixed list of edge cases (numbers beyond Decimal's
precision or range, separators).  Reads every `*.txt` under the folders.

`rules`: TOML syntax, the keys, checks, kinds, severities, relations and
placeholders of the packs, and fragments of their regexes and formulas.

Entries are written `kw_N="..."` with every byte outside printable ASCII (and
`"`, `\\`) escaped as \\xNN; entries longer than libFuzzer's 64-byte limit are
dropped.  Output is sorted within groups so that reruns give the same file.
"""
import argparse
import collections
import pathlib
import re
import sys

MAX = 64  # libFuzzer's kMaxDictElementSize

CJK = r"\u3400-\u9fff"
NUM = re.compile(
    r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*[%％‰]?"
)
CN_NUM = re.compile(r"[零〇一二两三四五六七八九十百千万亿]{2,}")
HEADING = re.compile(r"^\s*((?:[一二三四五六七八九十]+、)|(?:[（(][一二三四五六七八九十0-9]+[）)])|(?:[0-9]+[.．、]))")
YEAR = re.compile(r"(?:19|20)[0-9]{2}年(?:度)?(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?")
PERIOD = re.compile(r"统计期限[^。；\n]{0,40}?止")

# What the fuzzers are unlikely to find on their own.
EDGE_NUMBERS = [
    "0.1111111111111111111111111111",   # 28 decimal places (the issue-11 panic)
    "0.11111111111111111111111111111",  # 29
    "79228162514264337593543950335",    # Decimal::MAX
    "79228162514264337593543950336",
    "-79228162514264337593543950335",
    "9999999999999999", "99999999999999999999", "18446744073709551615",
    "18446744073709551616", "9223372036854775807", "4294967296",
    "1,234,567.89", "1,2,3", ",000", "1,,000", "1.2.3", "00000000000000000001",
    "0.0", "0.00", "100%", "100.00%", "0%", "0.5%", "1e10", "1E-28", "-0", "+1",
    "１２３", "１，２３４．５", "９９．９％", "０",
    "一百零五", "二〇二一", "两千三百万", "一千零一", "十", "十一", "百分之",
    "百分之百", "百分之九十九点九", "零点五", "一万亿", "亿亿", "万万", "九千九百九十九万亿",
    "万元", "亿元", "万件", "件", "个", "条", "次", "人次", "余件", "多件",
]
EDGE_WORDS = [
    "其中", "占", "占比", "%", "％", "共", "合计", "总计", "小计", "余", "约", "近", "超过",
    "同比", "增长", "下降", "较上年", "分别为", "以上", "以下", "不到", "累计",
    "一、", "二、", "十、", "十一、", "（一）", "（二）", "（十）", "(一)", "1.", "2.", "1、",
    "（1）", "(1)", "①", "第一", "第二十条第（一）项", "表二", "表三", "表四",
    "2019年", "2021年度", "2008年", "1999年", "2100年", "2021年1月1日", "2021年12月31日",
    "统计期限自2021年1月1日起至2021年12月31日止", "本报告", "年度报告", "政府信息公开工作年度报告",
    "\t", " | ", "|", "  ", "        ", "\u3000", "\u3000\u3000", "\r\n", "\n\n", "\r",
    "\ufeff", "\u00a0", "\u200b", "\ufffd", "（", "）", "(", ")", "：", "；", "。", "，", "、",
    "—", "——", "-", "…", "……", "[image: ]", "[bookmark: _GoBack]", "&nbsp;", "<p>", "</td>",
    "mso-", "<!--[if", "<![endif]-->",
]

def esc(s: str) -> str:
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if 0x20 <= b < 0x7F and c not in '"\\':
            out.append(c)
        else:
            out.append("\\x%02X" % b)
    return "".join(out)

def emit(groups):
    seen = set()
    n = 0
    for title, items in groups:
        print(f"# {title}")
        for s in items:
            if not s or s in seen or len(s.encode("utf-8")) > MAX:
                continue
            seen.add(s)
            n += 1
            print(f'kw{n}="{esc(s)}"')
    print(f"# {n} entries", file=sys.stderr)

def pack_strings(paths):
    """Labels, names, titles and phrases of the packs (what the rules look for)."""
    out = set()
    for p in paths:
        t = pathlib.Path(p).read_text(encoding="utf-8")
        for m in re.finditer(r'\b(?:label|name|title|phrases|not-phrases|total-phrases|parts-phrases|start|openers|complete-when|at-least-when)\s*=\s*(\[[^\]]*\]|"[^"]*")', t):
            out.update(re.findall(r'"([^"]*)"', m.group(1)))
    return sorted(s for s in out if s)

def maximal(freq, limit, longest):
    """n-grams not absorbed by a one-character-longer n-gram of equal count,
    at most `longest` characters, the `limit` best by count x length."""
    absorbed = set()
    for g, c in freq.items():
        if len(g) > 2:
            for sub in (g[:-1], g[1:]):
                if freq.get(sub) == c:
                    absorbed.add(sub)
    keep = [(g, c) for g, c in freq.items() if g not in absorbed and len(g) <= longest]
    keep.sort(key=lambda gc: (-gc[1] * len(gc[0]), gc[0]))
    return sorted(g for g, _ in keep[:limit])

def check_dict(args):
    files = sorted(f for d in args.corpus for f in pathlib.Path(d).rglob("*.txt"))
    if not files:
        sys.exit(f"no *.txt under {args.corpus}")
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    print(f"# check.dict: generated by fuzz/dict/make.py from {len(files)} reports in "
          + ", ".join(args.corpus) + (" and " + ", ".join(pathlib.Path(p).name for p in args.packs) if args.packs else ""))
    print("# Regenerate: fuzz/dict/make.py check /work/shared/corpus --packs rules/*.toml > fuzz/dict/check.dict")
    numbers, cn, cells, heads, years, periods = set(), set(), set(), set(), set(), set()
    for t in texts:
        numbers.update(m.group(0).strip() for m in NUM.finditer(t))
        cn.update(CN_NUM.findall(t))
        years.update(YEAR.findall(t))
        periods.update(PERIOD.findall(t))
        for line in t.splitlines():
            m = HEADING.match(line)
            if m:
                heads.add(m.group(1))
            if "\t" in line or " | " in line:
                for c in re.split(r"\t| \| ", line):
                    c = c.strip()
                    if c and re.search(f"[{CJK}]", c) and len(c) <= 20:
                        cells.add(c)
    # n-grams up to 16 characters, so that a phrase of up to 12 is kept whole
    # and not as overlapping windows of a longer one.
    freq = collections.Counter()
    for t in texts:
        for run in re.findall(f"[{CJK}]+", t):
            for n in range(2, 17):
                for i in range(len(run) - n + 1):
                    freq[run[i:i + n]] += 1
    phrases = maximal({g: c for g, c in freq.items() if c >= args.min_count}, args.phrases, 12)
    emit([
        ("edge numbers (Decimal precision and range, separators, full-width, Chinese numerals, units)", EDGE_NUMBERS),
        ("domain words, heading markers, years, separators, conversion residue", EDGE_WORDS),
        ("labels, names and phrases of the packs", pack_strings(args.packs)),
        ("table cells of the reports", sorted(cells)),
        ("heading markers of the reports", sorted(heads)),
        ("years and dates of the reports", sorted(years)),
        ("statistics periods of the reports", sorted(periods)),
        ("Chinese numerals of the reports", sorted(cn)),
        ("numbers of the reports", sorted(numbers, key=lambda s: (len(s), s))),
        (f"frequent phrases of the reports (>= {args.min_count} times, top {args.phrases})", phrases),
    ])

RULES_SYNTAX = [
    "[pack]", "[[rule]]", "[[section]]", "[[table]]", "[[table.relation]]", "[[breakdown]]",
    "[rule]", "[table]", "[explain]", "\n", "\n[[rule]]\n", " = ", "=", '"', '"""', "'", "'''",
    "[", "]", "[]", "{", "}", "{}", ", ", ",", ".", "#", "\\", "\\u", "\\U0010FFFF", "\\n", "\\\"",
    "true", "false", "0", "-1", "1", "2", "2021", "2019", "2008", "9223372036854775807",
    "9223372036854775808", "1e400", "nan", "inf", "1979-05-27", "..", "2021..", "..2020", "2019..2020",
    '[pack]\nid = "p"\ntitle = "t"\n',
    '[[rule]]\nid = "p/r"\ncheck = "sum-mismatch"\nseverity = "error"\nmessage = "{details}"\n',
    'explain.what = "w"\nexplain.why = "y"\n',
    '{ id = "a", label = "b" }', '{ regex = "x", what = "y" }', 'for-each = "row"',
    'holds = "a = b + c"', "total = ", " + ", " = ",
    "(?:", "(?i)", "\\d+", "[^\\]\\n]*", ".*", ".*.*.*.*", "(a+)+", "{1000}", "{1,1000000}",
    "\\p{Han}", "\\b", "[", "(?P<", ">", "|", "^", "$", "\\", "\\x{", "\\u{",
]

def rules_dict(args):
    texts = [pathlib.Path(p).read_text(encoding="utf-8") for p in args.packs]
    src = "\n".join(texts)
    print("# rules.dict: generated by fuzz/dict/make.py from " + ", ".join(pathlib.Path(p).name for p in args.packs))
    print("# Regenerate: fuzz/dict/make.py rules rules/*.toml > fuzz/dict/rules.dict")
    keys = set(re.findall(r"^\s*([a-z][a-z0-9.-]*)\s*=", src, re.M))
    keys |= set(re.findall(r"[{,]\s*([a-z][a-z0-9-]*)\s*=", src))
    keys |= {"disable", "fallback", "report-years", "not-phrases", "complete", "allow-regex"}
    values = {}
    for k in ("check", "kind", "severity", "relation", "id", "for-each", "what", "section", "table", "column", "row"):
        values[k] = sorted(set(re.findall(rf'\b{k}\s*=\s*"([^"\n]*)"', src)))
    holds = sorted(set(re.findall(r'holds\s*=\s*"([^"]*)"', src)))
    regexes = sorted(set(re.findall(r"regex\s*=\s*'([^']*)'", src)) | set(re.findall(r'regex\s*=\s*"([^"]*)"', src)))
    places = sorted(set(re.findall(r"\{[a-z-]+\}", src)))
    emit([
        ("TOML syntax, pack skeletons and regex syntax", RULES_SYNTAX),
        ("keys of the packs", sorted(k + " = " for k in keys) + sorted(keys)),
        ("checks", [f'check = "{v}"' for v in values["check"]] + values["check"]),
        ("kinds", [f'kind = "{v}"' for v in values["kind"]] + values["kind"]),
        ("severities", [f'severity = "{v}"' for v in values["severity"]] + ["fatal", "note"]),
        ("relations and for-each", [f'relation = "{v}"' for v in values["relation"]] + values["relation"] + values["for-each"]),
        ("ids of the packs", values["id"] + values["section"] + values["table"] + values["column"] + values["row"]),
        ("message placeholders", places + ["{", "}", "{}", "{{", "}}", "{unknown}"]),
        ("relation formulas", holds + [f for h in holds for f in re.split(r"\s*[=+]\s*", h)]),
        ("regexes of the packs", regexes),
        ("labels, names and phrases of the packs", pack_strings(args.packs)),
    ])

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target", choices=["check", "rules"])
    ap.add_argument("paths", nargs="+", help="check: corpus folders; rules: pack files")
    ap.add_argument("--packs", nargs="*", default=[], help="check: pack files whose labels to add")
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--phrases", type=int, default=400)
    args = ap.parse_args()
    if args.target == "check":
        args.corpus = args.paths
        check_dict(args)
    else:
        args.packs = args.paths
        rules_dict(args)

if __name__ == "__main__":
    main()
