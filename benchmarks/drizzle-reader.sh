#!/usr/bin/env bash
# The Drizzle reader over the whole shared corpus: for every repository, `schemalint schema` (discovery, TypeScript
# parsing, static evaluation, snapshot-shaped output) timed with hyperfine; prints per-repository wall time, the bytes
# of schema sources it read, and the total MB/s. Needs ../shared beside the checkout and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/drizzle}
[ -d "$corpus" ] || { echo "no corpus at $corpus (set CORPUS)"; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine"; exit 2; }
# SCHEMALINT names the binary; by default a release build of this checkout.
bin=${SCHEMALINT:-$PWD/.build/release/schemalint}
[ -n "${SCHEMALINT:-}" ] || swift build -c release --product schemalint >/dev/null
out=$(mktemp -d)
total_bytes=0
total_seconds=0
printf '%-36s %10s %12s\n' repository "KB read" "mean ms"
for repo in "$corpus"/*/; do
  name=$(basename "$repo")
  # Bytes of the TypeScript the reader evaluates: the files it reports as read are the schema files and their imports.
  bytes=$(find "$repo" \( -name '*.ts' -o -name '*.mts' -o -name '*.js' -o -name '*.mjs' \) -type f -print0 | xargs -0 cat 2>/dev/null | wc -c)
  hyperfine --warmup 2 --runs "${RUNS:-10}" -N -i --export-json "$out/$name.json" "$bin schema $repo" >/dev/null 2>&1 || true
  mean=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'])" "$out/$name.json")
  printf '%-36s %10d %12.1f\n' "$name" $((bytes / 1024)) "$(python3 -c "print($mean*1000)")"
  total_bytes=$((total_bytes + bytes))
  total_seconds=$(python3 -c "print($total_seconds + $mean)")
done
repos=$(ls -d "$corpus"/*/ | wc -l)
python3 -c "print(f'corpus total: {$total_bytes/1024:.0f} KB of TypeScript, {$total_seconds*1000:.0f} ms wall summed over $repos processes (each mostly process start-up)')"
# Throughput needs more input than the corpus has: the synthetic 10,000-table schema (benchmarks/generate.py).
python3 benchmarks/generate.py 10000 "$out/synthetic" >/dev/null
bytes=$(cat "$out"/synthetic/src/db/schema/*.ts | wc -c)
hyperfine --warmup 1 --runs "${RUNS:-10}" -N --export-json "$out/synthetic.json" "$bin schema $out/synthetic" >/dev/null 2>&1
python3 -c "
import json
mean = json.load(open('$out/synthetic.json'))['results'][0]['mean']
print(f'synthetic: {$bytes/1048576:.1f} MB of TypeScript (10,000 tables) read, evaluated and printed as a snapshot in {mean*1000:.0f} ms: {$bytes/1048576/mean:.1f} MB/s')"
rm -rf "$out"
