#!/usr/bin/env bash
# The Supabase corpus against the drizzle corpus, per MB of input (issue 13: checking Supabase migration folders,
# RLS replay and the Drizzle side of RLS included, must cost no more per MB than drizzle folders). Not a unit test.
#
#   benchmarks/supabase.sh
#
# Runs `check` on each project of ../shared/corpus/supabase, ../shared/corpus/drizzle and the drizzle projects'
# migration folders alone (3 runs each, the fastest kept), sums the wall-clock and CPU (user + system) times and the sizes of the files, and prints both per MB. On a
# shared machine wall-clock time is noisy; CPU time is what the comparison rests on. SCHEMALINT names the binary
# (default: .build/release/schemalint, built when missing); SCHEMALINT_SHARED the shared folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SCHEMALINT_SHARED:-$root/../shared}
bin=${SCHEMALINT:-$root/.build/release/schemalint}
[ -x "$bin" ] || (cd "$root" && swift build -c release --product schemalint >/dev/null)
timing=$(mktemp)

best() {  # "wall_ms cpu_ms" of the fastest of 3 runs of `check`
  local best_wall=999999999 best_cpu=0 wall cpu
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -o "$timing" "$bin" check "$1" --format json >/dev/null 2>&1 || true
    read -r wall cpu < <(awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$timing")
    if (( wall < best_wall )); then best_wall=$wall; best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}

# The drizzle corpus's migration folders alone (journal, SQL, snapshots; no TypeScript): what "drizzle folders"
# cost, without the schema reader.
folders=$(mktemp -d)
trap 'rm -f "$timing"; rm -rf "$folders"' EXIT
for repo in "$shared"/corpus/drizzle/*/; do
  name=$(basename "$repo")
  (cd "$repo" && find . -path '*/meta/_journal.json' | while read -r journal; do
    folder=$(dirname "$(dirname "$journal")")
    mkdir -p "$folders/$name/$folder" && cp -R "$folder/." "$folders/$name/$folder/"
  done)
done
find "$folders" -name '*.ts' -delete

# Per MB of input and per MB of SQL: the drizzle corpus is mostly snapshots (read by their first 4 KB), the Supabase
# corpus mostly SQL (parsed whole), so the SQL column is the like-for-like one.
printf "%-16s %6s %6s %8s %8s %10s %10s %12s\n" corpus MB sqlMB wall_ms cpu_ms wall_ms/MB cpu_ms/MB cpu_ms/sqlMB
for corpus in "$shared"/corpus/supabase "$shared"/corpus/drizzle "$folders"; do
  label=$(basename "$corpus"); [ "$corpus" = "$folders" ] && label=drizzle-folders
  total_wall=0; total_cpu=0; total_bytes=0; sql_bytes=0
  for repo in "$corpus"/*/; do
    read -r wall cpu < <(best "$repo")
    total_wall=$(( total_wall + wall )); total_cpu=$(( total_cpu + cpu ))
    total_bytes=$(( total_bytes + $(du -sb "$repo" | cut -f1) ))
    sql_bytes=$(( sql_bytes + $(find "$repo" -name '*.sql' -print0 | du -cb --files0-from=- 2>/dev/null | tail -1 | cut -f1) ))
  done
  awk -v c="$label" -v w="$total_wall" -v u="$total_cpu" -v b="$total_bytes" -v q="$sql_bytes" \
    'BEGIN { mb = b / 1048576; smb = q / 1048576
             printf "%-16s %6.2f %6.2f %8d %8d %10.1f %10.1f %12.1f\n", c, mb, smb, w, u, w / mb, u / mb, u / smb }'
done
