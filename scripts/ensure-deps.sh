#!/usr/bin/env bash
# Installs a test or bench tool folder's own dependencies (its package.json + package-lock.json),
# kept out of the root install so `npm ci` stays what the demo and the browser suite need.
# Runs `npm ci` there only when node_modules is missing or older than the lock file.
#   bash scripts/ensure-deps.sh bench
set -euo pipefail
dir=${1:?usage: ensure-deps.sh <folder with package-lock.json>}
cd "$(dirname "$0")/.."
installed="$dir/node_modules/.package-lock.json"
if [[ ! -f $installed || "$dir/package-lock.json" -nt $installed ]]; then
  echo "installing $dir/ (its own package-lock.json)…" >&2
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
fi
