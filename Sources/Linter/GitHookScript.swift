/// The pre-commit hook that `schemalint install-hook` writes. It is `hooks/pre-commit` of the repository, byte for
/// byte (a test compares them), kept here so the binary can install it without the source checkout.
public enum GitHookScript {
    /// Marks a hook as ours: `install-hook` updates a hook holding it and refuses to replace any other.
    public static let marker = "schemalint-managed-hook"

    public static let preCommit = #"""
#!/bin/sh
# schemalint pre-commit hook: lints the staged contents (`schemalint check --staged`) before each commit.
# schemalint-managed-hook: `schemalint install-hook` recognises this line and updates the file; delete the line
# before editing the hook by hand. To commit once without the check: git commit --no-verify

# The binary: $SCHEMALINT, else schemalint on PATH, else a SwiftPM build of this repository.
find_schemalint() {
  if [ -n "${SCHEMALINT:-}" ]; then
    printf '%s\n' "$SCHEMALINT"
    return 0
  fi
  if command -v schemalint >/dev/null 2>&1; then
    command -v schemalint
    return 0
  fi
  root=$(git rev-parse --show-toplevel 2>/dev/null) || root=.
  for candidate in "$root/.build/release/schemalint" "$root/.build/debug/schemalint"; do
    if [ -x "$candidate" ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

if ! schemalint=$(find_schemalint); then
  echo "schemalint pre-commit hook: no schemalint binary found (set SCHEMALINT, put schemalint on PATH, or run swift build -c release)" >&2
  echo "to commit without the check: git commit --no-verify" >&2
  exit 1
fi

"$schemalint" check --staged
status=$?
if [ "$status" -eq 1 ] && "$schemalint" check --staged --changed-only >/dev/null 2>&1; then
  # Every finding is in a file this commit does not touch: they predate the change, which is not to blame.
  echo "schemalint: the findings above are in files this commit does not change: they predate it." >&2
  echo "  to accept them once: run schemalint baseline and commit the file it writes" >&2
  echo "  to check only what each commit changes: schemalint check --staged --changed-only" >&2
  echo "  to commit now without the check: git commit --no-verify" >&2
elif [ "$status" -eq 1 ]; then
  echo "schemalint: the staged changes have findings (above); fix them and stage the fix, or commit without the check: git commit --no-verify" >&2
elif [ "$status" -ne 0 ]; then
  echo "schemalint: the check could not run (exit $status); to commit without it: git commit --no-verify" >&2
fi
exit "$status"

"""#
}
