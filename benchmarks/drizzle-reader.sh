#!/usr/bin/env bash
# The Drizzle reader over the whole shared corpus: for every repository, `schemalint schema` (discovery, TypeScript
# parsing, static evaluation, snapshot-shaped output) timed with hyperfine; prints per-repository wall time, the bytes
# of schema sources it read, and the total MB/s. Needs ../shared beside the checkout and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/drizzle}
[ -d "$corpus" ] || { echo "no corpus at $corpus (set CORPUS)"; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine"; exit 2; }
swift build -c release --product schemalint >/dev/null
bin=$PWD/.build/release/schemalint
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
python3 -c "
b=$total_bytes; s=$total_seconds
print(f'total: {b/1024:.0f} KB of TypeScript in {s*1000:.0f} ms of wall time (sum of per-repository means, process start included): {b/1048576/s:.1f} MB/s')"
rm -rf "$out"
