#!/usr/bin/env bash
# Issue 10's benchmark: a generated monorepo shaped like a real one (~20,000 tracked files, a 112-table schema in
# one file, 300 drizzle-kit migrations with ~280 KB snapshots, one staged one-line schema change). Prints the
# median wall time and peak memory of `check --staged` (the pre-commit hook), a plain `check`, and `--base HEAD`,
# next to git's own `git diff --cached --name-only` on the same repository as the floor.
#
#   benchmarks/monorepo.sh            RUNS=15 by default; SCHEMALINT names the binary (default: release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-15}
binary=${SCHEMALINT:-$root/.build/release/schemalint}
repo=${MONOREPO:-$root/benchmarks/out/monorepo}
[ -x "$binary" ] || (cd "$root" && swift build -c release --product schemalint >/dev/null)
[ -d "$repo/.git" ] || python3 "$root/benchmarks/monorepo.py" "$repo"
cd "$repo"
echo "repository: $(git ls-files | wc -l | tr -d ' ') tracked files, $(du -sm packages/db/drizzle | cut -f1) MB of migrations; binary: $binary"

# Migration checks alone, side by side with Squawk (when installed: pip install squawk-cli) on the same 300 SQL
# files: the folder copied outside git, so every migration is judged, as Squawk judges every file it is given.
alone=$(mktemp -d)
trap 'rm -rf "$alone"' EXIT
cp -R packages/db/drizzle "$alone/drizzle"

python3 - "$runs" "$binary" "$alone" <<'PY'
import glob, os, shutil, statistics, subprocess, sys, time
runs, binary, alone = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cases = [
    ("git diff --cached --name-only", ["git", "diff", "--cached", "--name-only"]),
    ("schemalint check --staged", [binary, "check", "--staged", "--format", "json", "--output", "/dev/null"]),
    ("schemalint check", [binary, "check", "--format", "json", "--output", "/dev/null"]),
    ("schemalint check --base HEAD", [binary, "check", "--base", "HEAD", "--format", "json", "--output", "/dev/null"]),
    ("schemalint check (migrations folder alone, all judged)", [binary, "check", f"{alone}/drizzle", "--format", "json", "--output", "/dev/null"]),
]
# The squawk binary itself, not a version manager's shim in front of it (pyenv's adds ~100 ms per call).
squawk = os.environ.get("SQUAWK") or shutil.which("squawk")
if squawk and "/shims/" in squawk:
    found = subprocess.run(["pyenv", "which", "squawk"], capture_output=True, text=True)
    squawk = found.stdout.strip() if found.returncode == 0 else squawk
if squawk:
    cases.append(("squawk (same 300 SQL files)", [squawk, *sorted(glob.glob(f"{alone}/drizzle/*.sql"))]))
print(f"| run | median | min | max | peak memory |\n|---|---|---|---|---|")
for name, argv in cases:
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i: times.append(time.perf_counter() - start)  # the first run warms the page cache
    peak = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    kb = int(peak.stderr.strip().splitlines()[-1])
    ms = lambda s: f"{s * 1000:.0f} ms"
    print(f"| `{name}` | {ms(statistics.median(times))} | {ms(min(times))} | {ms(max(times))} | {kb / 1024:.0f} MB |")
PY
