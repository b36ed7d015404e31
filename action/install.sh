#!/usr/bin/env bash
# The C libraries schemalint builds against (Debian/Ubuntu runners; each -dev package brings the runtime library
# too: libgit2 and libpq are loaded when first needed, see .ci/install-deps); only what is missing is installed, so
# a runner that has them (or a self-hosted one without sudo) needs no network and no root.
set -euo pipefail
packages=(libgit2-dev libpg-query-dev libyaml-dev libpq-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages already installed: ${packages[*]}"
  exit 0
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
as_root apt-get install -y -qq "${missing[@]}"
