#!/usr/bin/env bash
# The Supabase corpus against the drizzle corpus, per MB of input (issue 13: checking Supabase migration folders,
# RLS replay and the Drizzle side of RLS included, must cost no more per MB than drizzle folders). Not a unit test.
#
#   benchmarks/supabase.sh
#
# Runs `check` on each project of ../shared/corpus/supabase and ../shared/corpus/drizzle (3 runs each, the fastest
# kept), sums the wall-clock and CPU (user + system) times and the sizes of the files, and prints both per MB. On a
# shared machine wall-clock time is noisy; CPU time is what the comparison rests on. SCHEMALINT names the binary
# (default: .build/release/schemalint, built when missing); SCHEMALINT_SHARED the shared folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SCHEMALINT_SHARED:-$root/../shared}
bin=${SCHEMALINT:-$root/.build/release/schemalint}
[ -x "$bin" ] || (cd "$root" && swift build -c release --product schemalint >/dev/null)
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

best() {  # "wall_ms cpu_ms" of the fastest of 3 runs of `check`
  local best_wall=999999999 best_cpu=0 wall cpu
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -o "$timing" "$bin" check "$1" --format json >/dev/null 2>&1 || true
    read -r wall cpu < <(awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$timing")
    if (( wall < best_wall )); then best_wall=$wall; best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}

printf "%-9s %8s %9s %9s %10s %10s\n" corpus MB wall_ms cpu_ms wall_ms/MB cpu_ms/MB
for corpus in supabase drizzle; do
  total_wall=0; total_cpu=0; total_bytes=0
  for repo in "$shared"/corpus/$corpus/*/; do
    read -r wall cpu < <(best "$repo")
    total_wall=$(( total_wall + wall )); total_cpu=$(( total_cpu + cpu ))
    total_bytes=$(( total_bytes + $(du -sb "$repo" | cut -f1) ))
  done
  awk -v c="$corpus" -v w="$total_wall" -v u="$total_cpu" -v b="$total_bytes" \
    'BEGIN { mb = b / 1048576; printf "%-9s %8.2f %9d %9d %10.1f %10.1f\n", c, mb, w, u, w / mb, u / mb }'
done
