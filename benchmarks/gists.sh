#!/usr/bin/env bash
# SPEC §10: Gist validation at least 10x faster than check-jsonschema on the same files.
# Generates a synthetic repository (benchmarks/generate.py N: N/10 flag files, each with its schema) and times,
# side by side with hyperfine (release build):
#   1. one schema, all data files, one process each:
#        schemalint validate --schema S D...   vs   check-jsonschema --schemafile S D...
#   2. every data file against its own schema (what `check` does for Gists):
#        schemalint check (Gist rules only)    vs   one check-jsonschema run per schema/data pair
# Needs check-jsonschema (`pip install check-jsonschema`) and hyperfine (`apt-get install -y hyperfine`).
# SCHEMALINT_BIN overrides the binary (skips the build); N (default 1000) sizes the repository; PAIRS=0 skips
# comparison 2 (slow: one Python process per file).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-1000}
if [ -z "${SCHEMALINT_BIN:-}" ]; then
  swift build -c release --product schemalint >/dev/null
  SCHEMALINT_BIN=.build/release/schemalint
fi
bin=$(cd "$(dirname "$SCHEMALINT_BIN")" && pwd)/$(basename "$SCHEMALINT_BIN")
command -v check-jsonschema >/dev/null || { echo "check-jsonschema not found: pip install check-jsonschema" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install -y hyperfine" >&2; exit 2; }

out=benchmarks/out/gists-$n
if [ ! -d "$out" ]; then
  python3 benchmarks/generate.py "$n" "$out.full" >/dev/null
  mkdir -p "$out"
  mv "$out.full/gists" "$out/gists"
  mv "$out.full/.schemalint.yml" "$out/.schemalint.yml"
  rm -rf "$out.full"
fi
cd "$out"
data=$(ls gists/flags-*.json)
count=$(echo "$data" | wc -l)
echo "== $count data files ($(du -sk gists | cut -f1) KB of Gists), check-jsonschema $(check-jsonschema --version | awk '{print $NF}')"

ratio() {  # mean times from a hyperfine JSON export: prints "schemalint X s, check-jsonschema Y s, ratio Z"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; a,b=r[0]["mean"],r[1]["mean"]; print(f"schemalint {a*1000:.1f} ms, check-jsonschema {b*1000:.1f} ms: {b/a:.1f}x faster")' "$1"
}

echo "-- 1. one schema, $count data files, one process each"
hyperfine --warmup 1 --runs "${RUNS:-5}" -i --style basic --export-json /tmp/gists-bench-1.json \
  -n schemalint "$bin validate --schema gists/schemas/flags-1.schema.json $(echo $data)" \
  -n check-jsonschema "check-jsonschema --schemafile gists/schemas/flags-1.schema.json $(echo $data)" 2>&1 | grep -E "Time|±" || true
ratio /tmp/gists-bench-1.json

[ "${PAIRS:-1}" = 0 ] && exit 0
echo "-- 2. each data file against its own schema"
pairs=/tmp/gists-bench-pairs.sh
: > "$pairs"
for file in $data; do
  name=$(basename "$file" .json)
  echo "check-jsonschema --schemafile gists/schemas/$name.schema.json $file >/dev/null || true" >> "$pairs"
done
hyperfine --warmup 0 --runs "${PAIR_RUNS:-1}" -i --style basic --export-json /tmp/gists-bench-2.json \
  -n schemalint "$bin check . --format json --output /dev/null" \
  -n check-jsonschema "bash $pairs" 2>&1 | grep -E "Time|±" || true
ratio /tmp/gists-bench-2.json
