#!/usr/bin/env bash
# Migration checks side by side with Squawk (SPEC §10: no slower than Squawk on the same SQL), not a unit test.
#
#   benchmarks/migrations.sh
#
# Two inputs, each linted by both tools: every migration folder of the drizzle corpus (copied, journals and
# snapshots included, into a temporary folder that holds nothing else, so schemalint runs only its migration
# rules), and a generated folder whose one migration has 5,000 statements. Squawk (`pip install squawk-cli`) gets
# the same .sql files. Times with hyperfine when installed (apt-get install hyperfine), else a shell loop, and
# prints schemalint's time as a ratio of Squawk's. SCHEMALINT names the binary (default: .build/release/schemalint,
# built when missing); SCHEMALINT_SHARED the shared folder (default: ../shared).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SCHEMALINT_SHARED:-$root/../shared}
bin=${SCHEMALINT:-$root/.build/release/schemalint}
[ -x "$bin" ] || (cd "$root" && swift build -c release --product schemalint >/dev/null)
command -v squawk >/dev/null || { echo "squawk not found: pip install squawk-cli" >&2; exit 2; }
# The squawk binary itself, not a version manager's shim in front of it (pyenv's adds ~100 ms of shell per call,
# which would flatter schemalint): SQUAWK names it, else pyenv's answer, else what PATH finds.
squawk=${SQUAWK:-$(pyenv which squawk 2>/dev/null || command -v squawk)}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The corpus: only the migration folders (a `meta/_journal.json` folder, or drizzle-kit 1's `migrations/`).
corpus=$work/corpus
for repo in "$shared"/corpus/drizzle/*/; do
  name=$(basename "$repo")
  (cd "$repo" && find . -path '*/meta/_journal.json' | while read -r journal; do
    folder=$(dirname "$(dirname "$journal")")
    mkdir -p "$corpus/$name/$folder"
    cp -R "$folder/." "$corpus/$name/$folder/"
  done
  if [ -d migrations ] && ls migrations/*/migration.sql >/dev/null 2>&1; then
    mkdir -p "$corpus/$name" && cp -R migrations "$corpus/$name/"
  fi)
done
find "$corpus" -name '*.ts' -delete
# The same SQL without the snapshots (9 MB of JSON that squawk never reads): the like-for-like comparison.
sqlonly=$work/sql-only
(cd "$corpus" && find . \( -name '*.sql' -o -name '_journal.json' \) | while read -r file; do
  mkdir -p "$sqlonly/$(dirname "$file")" && cp "$file" "$sqlonly/$file"
done)

# 2. A generated migration of 5,000 statements on tables created by the migration before it.
generated=$work/generated/drizzle
mkdir -p "$generated/meta"
python3 - "$generated" <<'PY'
import sys
out = sys.argv[1]
tables = 100
with open(f"{out}/0000_init.sql", "w") as f:
    f.write("\n--> statement-breakpoint\n".join(
        f'CREATE TABLE "t{i}" ("id" uuid PRIMARY KEY NOT NULL, "name" text, "owner_id" uuid, "created_at" timestamp DEFAULT now() NOT NULL);'
        for i in range(tables)) + "\n")
statements = []
for n in range(5000):
    t = n % tables
    kind = n % 5
    if kind == 0:
        statements.append(f'ALTER TABLE "t{t}" ADD COLUMN "c{n}" integer NOT NULL;')
    elif kind == 1:
        statements.append(f'CREATE INDEX "i{n}" ON "t{t}" USING btree ("name");')
    elif kind == 2:
        statements.append(f'ALTER TABLE "t{t}" ADD CONSTRAINT "f{n}" FOREIGN KEY ("owner_id") REFERENCES "public"."t{(t + 1) % tables}"("id") ON DELETE cascade;')
    elif kind == 3:
        statements.append(f'UPDATE "t{t}" SET "name" = \'x{n}\' WHERE "id" IS NULL;')
    else:
        statements.append(f'ALTER TABLE "t{t}" ALTER COLUMN "name" SET DATA TYPE varchar({n % 200 + 10});')
with open(f"{out}/0001_big.sql", "w") as f:
    f.write("\n--> statement-breakpoint\n".join(statements) + "\n")
with open(f"{out}/meta/_journal.json", "w") as f:
    f.write('{"version":"7","dialect":"postgresql","entries":['
            '{"idx":0,"version":"7","when":1730419200000,"tag":"0000_init","breakpoints":true},'
            '{"idx":1,"version":"7","when":1730505600000,"tag":"0001_big","breakpoints":true}]}\n')
PY

# libpg_query alone on the same files (benchmarks/parse-floor): the floor under schemalint's time. Skipped without
# a C compiler.
floor=""
if command -v cc >/dev/null && cc -O2 "$root/benchmarks/parse-floor/parse-floor.c" -o "$work/parse-floor" -lpg_query -lpthread 2>/dev/null; then
  floor=$work/parse-floor
fi

mean() { # prints the mean wall time in seconds of a command line
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 2 --runs "${RUNS:-10}" -i --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$work/h.json"
  else
    python3 - "$1" <<'PY'
import subprocess, sys, time
runs = []
for _ in range(10):
    start = time.perf_counter(); subprocess.run(sys.argv[1], shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); runs.append(time.perf_counter() - start)
print("%.4f" % (sum(runs) / len(runs)))
PY
  fi
}

ratio() { python3 -c 'import sys; o, t = float(sys.argv[1]), float(sys.argv[2]); print("%.2f (%s)" % (o / t, "faster" if o < t else "slower"))' "$1" "$2"; }

compare() { # label folder [folder with snapshots]
  local files statements ours theirs full
  files=$(find "$2" -name '*.sql' | wc -l)
  statements=$(find "$2" -name '*.sql' -print0 | xargs -0 cat | grep -c ';' || true)
  find "$2" -name '*.sql' | sort > "$work/sql-files"
  ours=$(mean "$bin check $2 --format json --output /dev/null")
  theirs=$(mean "xargs -a $work/sql-files $squawk --reporter json > /dev/null")
  echo "== $1: $files SQL files, ~$statements statements"
  echo "   squawk $("$squawk" --version | cut -d' ' -f2):                      ${theirs} s"
  echo "   schemalint, same SQL + journals:   ${ours} s   ratio $(ratio "$ours" "$theirs")"
  if [ -n "$floor" ]; then
    parse=$(mean "xargs -a $work/sql-files $floor $(nproc)")
    echo "   libpg_query alone (parse to JSON): ${parse} s   ratio $(ratio "$parse" "$theirs")"
  fi
  if [ -n "${3:-}" ]; then
    full=$(mean "$bin check $3 --format json --output /dev/null")
    echo "   schemalint, with all snapshots:    ${full} s   ratio $(ratio "$full" "$theirs")"
  fi
}

compare "drizzle corpus migrations" "$sqlonly" "$corpus"
compare "generated 5,000-statement migration" "$work/generated"
