#!/usr/bin/env bash
# SPEC §10 speed targets on synthetic repositories: N = 1,000 under 0.5 s wall; N = 10,000 under 3 s and 1 GB;
# cost linear in N. Builds a release binary, generates the repositories under benchmarks/out/, and times
# `schemalint check` with hyperfine (or a plain loop) and peak memory with /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product schemalint >/dev/null
bin=.build/release/schemalint
mkdir -p benchmarks/out
for n in ${SIZES:-1000 5000 10000}; do
  repo=benchmarks/out/repo-$n
  [ -d "$repo" ] || python3 benchmarks/generate.py "$n" "$repo"
  files=$(find "$repo" -type f | wc -l)
  bytes=$(du -sb "$repo" | cut -f1)
  echo "== N=$n: $files files, $((bytes / 1024)) KB"
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "${RUNS:-5}" -i --style basic "$bin check $repo --format json --output /dev/null" 2>&1 | grep -E "Time|Range"
  else
    for _ in 1 2 3; do /usr/bin/env time -f "%e s" "$bin" check "$repo" --format json --output /dev/null || true; done
  fi
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak memory: %M KB" "$bin" check "$repo" --format json --output /dev/null 2>&1 >/dev/null | tail -1 || true
  fi
done
