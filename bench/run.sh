#!/usr/bin/env bash
# End-to-end benchmark (issue 6): 10,000 generated reports checked with the
# full built-in rule set, JSON output to a file, with both cores and with one;
# one report from process start to exit (the pre-commit case); peak memory of
# the corpus run and of one 50 MB single-line file; the readers: the same
# reports (2,000 of them) as text, web pages and Word documents, each format's
# time against the text's (target: at most 3x); the corpus phase on a
# repository of N reports (issuers over five years): the whole run against the
# per-file phase alone (corpus rules ignored; target: at most 1.5x) and its
# peak memory (target: under 150 MB). Installs what it needs.
# Usage: bench/run.sh [N] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
seed=${2:-42}
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq hyperfine time >/dev/null
fi
cargo build --release --quiet --bin report-lint --example gen-corpus
bin=target/release/report-lint
corpus=bench/corpus
rm -rf "$corpus"
target/release/examples/gen-corpus "$n" "$corpus" "$seed"
bytes=$(cat "$corpus"/*.txt | wc -c)
out=$(mktemp)
big=$(mktemp --suffix=.txt)
# The hostile-input test's file: one 50 MB line of a 2017 report.
python3 - "$big" <<'PY'
import sys
unit = "2017年，全县主动公开政府信息共10811条，其中网站4993条，信息信息公开。".encode()
head = "某县2017年政府信息公开工作年度报告\n".encode()
n = 50 * 1024 * 1024
open(sys.argv[1], "wb").write(head + unit * ((n - len(head)) // len(unit) + 1))
PY
# -N: no shell between hyperfine and report-lint; the output goes to a file.
hyperfine -N --warmup 1 --runs 5 --export-json bench/hyperfine.json \
  -n both-cores "$bin check --format json --exit-zero -o $out $corpus" \
  -n one-core "$bin check -j 1 --format json --exit-zero -o $out $corpus"
hyperfine -N --warmup 5 --runs 50 --export-json bench/hyperfine-one.json \
  -n one-report "$bin check --format json --exit-zero -o $out examples/shanghe-2017.txt"
peak() { { /usr/bin/time -f '%M %e' "$@" >/dev/null; } 2>&1 | tail -n1; }
rss_corpus=$(peak "$bin" check --format json --exit-zero -o "$out" "$corpus")
rss_big=$(peak "$bin" check --format json --exit-zero -o "$out" "$big")
python3 - "$bytes" "$n" "$rss_corpus" "$rss_big" <<'PY'
import json, sys
bytes_, n = int(sys.argv[1]), int(sys.argv[2])
rss_corpus, (rss_big, t_big) = int(sys.argv[3].split()[0]), sys.argv[4].split()
r = {x["command"]: x for x in json.load(open("bench/hyperfine.json"))["results"]}
one = json.load(open("bench/hyperfine-one.json"))["results"][0]
both, single = r["both-cores"]["mean"], r["one-core"]["mean"]
mbs = bytes_ / 1e6 / both
def verdict(ok):
    return "met" if ok else "MISSED"
print(f"corpus: {n} reports, {bytes_/1e6:.1f} MB")
print(f"both cores: {both:.2f} s (min {r['both-cores']['min']:.2f}) = {mbs:.1f} MB/s, {n/both:.0f} files/s   [target >= 40 MB/s: {verdict(mbs >= 40)}]")
print(f"one core:   {single:.2f} s = {bytes_/1e6/single:.1f} MB/s; speed-up {single/both:.2f}x   [target >= 1.7x: {verdict(single/both >= 1.7)}]")
print(f"one report, start to exit: {one['mean']*1000:.1f} ms (median {one['median']*1000:.1f})   [target < 10 ms: {verdict(one['mean'] < 0.010)}]")
cpu = lambda x: x["user"] + x["system"]
print(f"CPU time (user+sys): both cores {cpu(r['both-cores']):.2f} s, one core {cpu(r['one-core']):.2f} s, one report {cpu(one)*1000:.1f} ms (steadier than wall time on a shared VM)")
print(f"peak RSS, corpus run: {rss_corpus/1024:.0f} MB   [target < 100 MB: {verdict(rss_corpus < 100*1024)}]")
print(f"peak RSS, one 50 MB single-line file: {int(rss_big)/1024:.0f} MB in {float(t_big):.2f} s   [target < 100 MB: {verdict(int(rss_big) < 100*1024)}]")
PY
# The readers: the same reports as .txt, .html and .docx (same seed).
nf=$(( n < 2000 ? n : 2000 ))
for f in txt html docx; do
  rm -rf "bench/corpus-$f"
  target/release/examples/gen-corpus "$nf" "bench/corpus-$f" "$seed" "$f" 2>/dev/null
done
hyperfine -N --warmup 1 --runs 5 --export-json bench/hyperfine-formats.json \
  -n txt "$bin check --format json --exit-zero -o $out bench/corpus-txt" \
  -n html "$bin check --format json --exit-zero -o $out bench/corpus-html" \
  -n docx "$bin check --format json --exit-zero -o $out bench/corpus-docx"
python3 - "$nf" <<'PY'
import json, sys
n = int(sys.argv[1])
r = {x["command"]: x for x in json.load(open("bench/hyperfine-formats.json"))["results"]}
cpu = lambda x: x["user"] + x["system"]
t = r["txt"]
print(f"readers, {n} reports each: txt {t['mean']:.2f} s (CPU {cpu(t):.2f} s)")
for f in ["html", "docx"]:
    x = r[f]
    ratio = cpu(x) / cpu(t)
    print(f"  {f}: {x['mean']:.2f} s (CPU {cpu(x):.2f} s) = {ratio:.2f}x the text's CPU time   [target <= 3x: {'met' if ratio <= 3 else 'MISSED'}]")
PY
rm -rf bench/corpus-txt bench/corpus-html bench/corpus-docx
# The corpus phase (issue 14): a repository, with and without the corpus rules.
series=bench/corpus-series
rm -rf "$series"
target/release/examples/gen-corpus "$n" "$series" "$seed" series
sbytes=$(find "$series" -name '*.txt' -exec cat {} + | wc -c)
nocorpus=$(mktemp --suffix=.toml)
printf 'ignore = ["cross-year-mismatch", "copied-text", "foreign-entity", "common/duplicate-report"]\n' > "$nocorpus"
hyperfine -N --warmup 1 --runs 3 --export-json bench/hyperfine-series.json \
  -n whole "$bin check --no-config --format json --exit-zero -o $out $series" \
  -n per-file "$bin check --config $nocorpus --format json --exit-zero -o $out $series"
rss_whole=$(peak "$bin" check --no-config --format json --exit-zero -o "$out" "$series")
rss_per_file=$(peak "$bin" check --config "$nocorpus" --format json --exit-zero -o "$out" "$series")
python3 - "$n" "$sbytes" "$rss_whole" "$rss_per_file" <<'PY'
import json, sys
n, b = int(sys.argv[1]), int(sys.argv[2])
rw, rp = int(sys.argv[3].split()[0]), int(sys.argv[4].split()[0])
r = {x["command"]: x for x in json.load(open("bench/hyperfine-series.json"))["results"]}
w, p = r["whole"]["mean"], r["per-file"]["mean"]
ok = lambda c: "met" if c else "MISSED"
print(f"repository: {n} reports over five years, {b/1e6:.1f} MB")
print(f"whole run {w:.2f} s, per-file phase alone {p:.2f} s: corpus phase {w-p:.2f} s, ratio {w/p:.2f}x   [target <= 1.5x: {ok(w/p <= 1.5)}]")
print(f"peak RSS: whole run {rw/1024:.0f} MB (per-file alone {rp/1024:.0f} MB)   [target < 150 MB: {ok(rw < 150*1024)}]")
PY
rm -rf "$series"
rm -f "$out" "$big" "$nocorpus"
