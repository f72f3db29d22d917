#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the history store's tests and bench: Debian's
# postgresql binaries, data in $PG_DIR (fsync off: nothing here needs to survive a crash), trust
# auth for the one user on 127.0.0.1 only. Idempotent: when the server already answers, it does
# nothing. Run as root, the server runs as the `postgres` user (initdb refuses root). Prints the
# connection URL on its last line; exits non-zero with the log's tail when it does not come up.
set -euo pipefail
dir=${PG_DIR:-/tmp/thymia-postgres}
port=${PG_PORT:-55432}
database=${PG_DATABASE:-thymia_test}
url="postgres://thymia@127.0.0.1:$port/$database"

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$bin/initdb" ] || { echo "postgres: no PostgreSQL binaries (apt-get install postgresql)" >&2; exit 1; }

# The server keeps no descriptor of whoever called this (a runner waiting for its pipe to close).
for fd in /proc/$$/fd/*; do
  n=${fd##*/}
  [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-" 2>/dev/null || true
done
# One start at a time (two test processes, a test and the bench); the server must not inherit the lock.
exec 9>"/tmp/thymia-postgres-$port.lock"
flock 9

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "$url"
  exit 0
fi

as_owner=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "postgres: running as root needs the postgres user (the postgresql package creates it)" >&2; exit 1; }
  as_owner=(runuser -u postgres --)
fi

started=$(date +%s%N)
# A cluster left by an earlier run (killed midway) is stopped and started afresh.
[ -f "$dir/data/postmaster.pid" ] && "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
rm -rf "$dir"
mkdir -p "$dir"
[ ${#as_owner[@]} -gt 0 ] && chown postgres: "$dir"
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U thymia --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
  { tail -n 20 "$dir/initdb.log" >&2; exit 1; }
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null 9>&-; then
  echo "postgres: the server did not start — $dir/server.log:" >&2
  tail -n 20 "$dir/server.log" >&2
  exit 1
fi
"$bin/createdb" -h 127.0.0.1 -p "$port" -U thymia "$database"
echo "postgres: up on 127.0.0.1:$port in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
echo "$url"
