#!/usr/bin/env bash
# The Prisma corpus (issue 14): every project of ../shared/corpus/prisma checked, the 434-migration langfuse
# project against its 0.3 s target. Not a unit test.
#
#   benchmarks/prisma.sh
#
# Prints, per project, its migration count and the best of 5 runs of `check` as wall time and as user+sys CPU time
# (the machine is shared: CPU time is the steadier number). SCHEMALINT names the binary (default:
# .build/release/schemalint, built when missing); SCHEMALINT_SHARED the shared folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SCHEMALINT_SHARED:-$root/../shared}
[ -d "$shared/corpus" ] || shared=/work/shared
bin=${SCHEMALINT:-$root/.build/release/schemalint}
[ -x "$bin" ] || (cd "$root" && swift build -c release --product schemalint >/dev/null)

timing=$(mktemp); trap 'rm -f "$timing"' EXIT
printf "%-26s %10s %9s %9s\n" project migrations "wall ms" "cpu ms"
for repo in "$shared"/corpus/prisma/*/; do
  migrations=$(find "$repo" -name migration.sql | wc -l)
  best_wall=999999; best_cpu=999999
  for _ in 1 2 3 4 5; do
    # GNU time: elapsed, user and system seconds, written to its own file (the report goes nowhere).
    /usr/bin/time -o "$timing" -f "%e %U %S" "$bin" check "$repo" --format json >/dev/null 2>&1 || true
    read -r wall user sys < <(tail -1 "$timing")
    wall_ms=$(awk -v s="$wall" 'BEGIN { printf "%d", s * 1000 }')
    cpu_ms=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
    (( wall_ms < best_wall )) && best_wall=$wall_ms
    (( cpu_ms < best_cpu )) && best_cpu=$cpu_ms
  done
  printf "%-26s %10d %9d %9d\n" "$(basename "$repo")" "$migrations" "$best_wall" "$best_cpu"
done
