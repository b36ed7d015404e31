#!/usr/bin/env bash
# A cache key that changes with anything that changes the binary: the package manifest and lock, the sources, the
# plugin and the rule catalog (embedded at build time), and the Swift version. `hashFiles` cannot read the action's
# own folder (it only sees the workspace), hence this step.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
inputs=()
for path in Package.swift Package.resolved Sources Plugins rules; do [ -e "$path" ] && inputs+=("$path"); done
sources=$(find "${inputs[@]}" -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-32)
swift=$(swift --version 2>/dev/null | head -1 | sha256sum | cut -c1-12)
echo "key=schemalint-${RUNNER_OS:-Linux}-$(uname -m)-$swift-$sources" >> "$GITHUB_OUTPUT"
