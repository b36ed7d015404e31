#!/usr/bin/env bash
# The Supabase corpus against the drizzle corpus, per MB of input (issue 13: checking Supabase migration folders,
# RLS replay included, must cost no more per MB than drizzle folders). Not a unit test.
#
#   benchmarks/supabase.sh
#
# Runs `check` on each project of ../shared/corpus/supabase and ../shared/corpus/drizzle (3 runs each, the best
# kept), sums the times and the sizes of the files, and prints milliseconds per MB for both. SCHEMALINT names the
# binary (default: .build/release/schemalint, built when missing); SCHEMALINT_SHARED the shared folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SCHEMALINT_SHARED:-$root/../shared}
bin=${SCHEMALINT:-$root/.build/release/schemalint}
[ -x "$bin" ] || (cd "$root" && swift build -c release --product schemalint >/dev/null)

best_ms() {  # best of 3 wall-clock runs of `check`, in milliseconds
  local best=999999999 start end
  for _ in 1 2 3; do
    start=$(date +%s%N); "$bin" check "$1" --format json >/dev/null 2>&1 || true; end=$(date +%s%N)
    (( (end - start) / 1000000 < best )) && best=$(( (end - start) / 1000000 ))
  done
  echo "$best"
}

for corpus in supabase drizzle; do
  total_ms=0; total_bytes=0
  for repo in "$shared"/corpus/$corpus/*/; do
    total_ms=$(( total_ms + $(best_ms "$repo") ))
    total_bytes=$(( total_bytes + $(du -sb "$repo" | cut -f1) ))
  done
  awk -v c="$corpus" -v ms="$total_ms" -v b="$total_bytes" \
    'BEGIN { printf "%-9s %7.2f MB %7d ms %8.1f ms/MB\n", c, b / 1048576, ms, ms / (b / 1048576) }'
done
