#!/usr/bin/env bash
# End-to-end benchmark: 10,000 generated reports checked with the full built-in
# rule set (JSON output to a file), with both cores and with one; one report
# start to exit (the pre-commit case); peak memory. Installs what it needs.
# Usage: bench/run.sh [N] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
seed=${2:-42}
if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
cargo build --release --quiet --bin report-lint --example gen-corpus
bin=target/release/report-lint
corpus=bench/corpus
rm -rf "$corpus"
target/release/examples/gen-corpus "$n" "$corpus" "$seed"
bytes=$(cat "$corpus"/*.txt | wc -c)
out=$(mktemp)
hyperfine --warmup 1 --runs 5 --export-json bench/hyperfine.json \
  -n both-cores "$bin check --format json --exit-zero $corpus > $out" \
  -n one-core "$bin check -j 1 --format json --exit-zero $corpus > $out" \
  -n one-report "$bin check --format json --exit-zero examples/shanghe-2017.txt > $out"
rss_corpus=$( { /usr/bin/time -f %M "$bin" check --format json --exit-zero "$corpus" > "$out"; } 2>&1 | tail -n1 )
python3 - "$bytes" "$n" "$rss_corpus" <<'PY'
import json, sys
bytes_, n, rss = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
r = {x["command"]: x for x in json.load(open("bench/hyperfine.json"))["results"]}
both, one, single = r["both-cores"]["mean"], r["one-core"]["mean"], r["one-report"]["mean"]
print(f"corpus: {n} reports, {bytes_/1e6:.1f} MB")
print(f"both cores: {both:.2f} s = {bytes_/1e6/both:.1f} MB/s, {n/both:.0f} files/s")
print(f"one core:   {one:.2f} s = {bytes_/1e6/one:.1f} MB/s; speed-up {one/both:.2f}x")
print(f"one report, start to exit: {single*1000:.1f} ms")
print(f"peak RSS, corpus run: {rss/1024:.0f} MB")
PY
rm -f "$out"
