#!/usr/bin/env bash
# Wall time of `schemalint check --staged` on a real project (SPEC §10: under 50 ms), not a unit test.
#
#   benchmarks/staged.sh [PROJECT_FOLDER]
#
# Copies the project (default: the largest drizzle corpus project, usekaneo__kaneo) into a temporary git
# repository, stages everything, and times RUNS runs (default 30) of the release binary with hyperfine when it is
# installed (apt-get install hyperfine), else with a shell loop. SCHEMALINT names the binary to time (default:
# .build/release/schemalint, built when missing); SCHEMALINT_SHARED the shared folder (default: ../shared).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SCHEMALINT_SHARED:-$root/../shared}
project=${1:-$shared/corpus/drizzle/usekaneo__kaneo}
runs=${RUNS:-30}
binary=${SCHEMALINT:-$root/.build/release/schemalint}

if [ ! -d "$project" ]; then
  echo "no project folder at $project (pass one, or set SCHEMALINT_SHARED)" >&2
  exit 2
fi
if [ ! -x "$binary" ]; then
  (cd "$root" && swift build -c release --product schemalint)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/repo"
cp -R "$project/." "$work/repo/"
cd "$work/repo"
git -c init.defaultBranch=main init --quiet
git add --all
files=$(git ls-files | wc -l | tr -d ' ')
bytes=$(git ls-files -z | xargs -0 cat | wc -c | tr -d ' ')
echo "project: $(basename "$project") ($files staged files, $bytes bytes); binary: $binary"
# Exit 1 (findings) is a normal outcome here; anything else is a failure.
"$binary" check --staged --format json --output "$work/report.json" || [ $? -eq 1 ]
echo "findings: $(grep -c '"rule":' "$work/report.json" || true)"

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs "$runs" --ignore-failure --shell=none \
    "$binary check --staged --format json --output $work/report.json"
else
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do
    "$binary" check --staged --format json --output "$work/report.json" || true
  done
  end=$(date +%s%N)
  echo "mean of $runs runs: $(( (end - start) / runs / 1000000 )) ms"
fi
