#!/usr/bin/env bash
# Runs `schemalint check` twice over the same inputs: SARIF to a file for code scanning, then GitHub annotations on
# standard output for the pull request's files view. Records the exit code and counts; never fails the step itself
# (the fail-level step decides), so the SARIF is uploaded either way.
set -uo pipefail
binary="$GITHUB_ACTION_PATH/.build/release/schemalint"
[ -x "$binary" ] || { echo "::error::schemalint was not built ($binary is missing)"; echo "exit-code=2" >> "$GITHUB_OUTPUT"; exit 0; }
sarif="${RUNNER_TEMP:-/tmp}/schemalint.sarif"
arguments=(check "${INPUT_PATH:-.}")
[ -n "${INPUT_CONFIG:-}" ] && arguments+=(--config "$INPUT_CONFIG")
if [ -n "${INPUT_BASE:-}" ]; then
  base="$INPUT_BASE"
  # A pull request's base branch is `origin/<name>` in the checkout; fetch it only when the checkout lacks it.
  if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    if git rev-parse --verify --quiet "origin/$base^{commit}" >/dev/null || git fetch --no-tags --quiet origin "$base:refs/remotes/origin/$base"; then
      base="origin/$base"
    else
      echo "::warning::cannot fetch the base ref $base; checking without --base (use actions/checkout with fetch-depth: 0)"
      base=""
    fi
  fi
  [ -n "$base" ] && arguments+=(--base "$base")
fi
"$binary" "${arguments[@]}" --format sarif --output "$sarif"
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
if [ "$code" -le 1 ] && [ -s "$sarif" ]; then
  echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
  python3 - "$sarif" >> "$GITHUB_OUTPUT" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
print("errors=%d" % sum(r["level"] == "error" for r in results))
print("warnings=%d" % sum(r["level"] == "warning" for r in results))
PY
  GITHUB_ACTIONS=true "$binary" "${arguments[@]}" --format github || true
fi
exit 0
