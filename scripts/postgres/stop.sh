#!/usr/bin/env bash
# Stops the throw-away cluster scripts/postgres/start.sh started and deletes its data.
set -uo pipefail
dir=${PG_DIR:-/tmp/thymia-postgres}
[ -f "$dir/data/postmaster.pid" ] || { rm -rf "$dir"; exit 0; }
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
as_owner=()
[ "$(id -u)" = 0 ] && as_owner=(runuser -u postgres --)
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$dir"
echo "postgres: stopped"
