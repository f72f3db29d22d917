#!/usr/bin/env bash
# One command before a release (and in CI): build, then check the package as a stranger gets it.
#   - publint: package.json's exports, files and fields agree with what is packed;
#   - @arethetypeswrong/cli --pack (profile esm-only: the package is ES modules only, so CommonJS
#     require() is out of scope): every export resolves with types under node16 and bundlers;
#   - budgets: the packed tarball ≤ 400 KB (scripts/size-budget.mjs).
# The checkers live in scripts/package-check/ with their own lock (not in the root install).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh scripts/package-check
npm run build
bin=scripts/package-check/node_modules/.bin
"$bin/publint" --strict
"$bin/attw" --pack . --profile esm-only
node scripts/size-budget.mjs
