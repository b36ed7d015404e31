#!/usr/bin/env bash
# `schemalint replay` wall time, cluster start included (issue 12: < 10 s for a 40-migration repository, < 60 s
# for 300 migrations); not a unit test.
#
#   benchmarks/replay.sh [REPO_WITH_ABOUT_40_MIGRATIONS]
#
# 1. a real repository of about 40 migrations (default: usekaneo__kaneo of the shared corpus, 43 migrations);
# 2. the generated 300-migration monorepo (benchmarks/monorepo.py), replayed from packages/db.
# Each is run three times; the best time is printed. SCHEMALINT names the binary (default: .build/release/schemalint,
# built when missing); SCHEMALINT_REAL the folder of full repositories (default: /work/real).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${SCHEMALINT:-$root/.build/release/schemalint}
[ -x "$bin" ] || (cd "$root" && swift build -c release --product schemalint >/dev/null)
real=${SCHEMALINT_REAL:-/work/real}
forty=${1:-$real/usekaneo__kaneo}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/benchmarks/monorepo.py" "$work/mono300" --migrations 300 >/dev/null

best() {
  local best=999999 start end elapsed
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$bin" replay "$@" --format json >/dev/null || [ $? -eq 1 ]
    end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc)
    best=$(echo "if ($elapsed < $best) $elapsed else $best" | bc)
  done
  printf '%.2f s' "$best"
}

migrations() { find "$1" -path '*/node_modules' -prune -o -name '*.sql' -path '*drizzle*' -print | wc -l; }
echo "replay $(basename "$forty") ($(migrations "$forty") SQL files), cluster start included: $(best "$forty")"
echo "replay generated monorepo (300 migrations), cluster start included: $(best "$work/mono300/packages/db")"
