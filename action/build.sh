#!/usr/bin/env bash
set -euo pipefail
swift build -c release --product schemalint --package-path "$GITHUB_ACTION_PATH"
