#!/usr/bin/env bash
# Stops the throw-away Ceph cluster scripts/s3/start.sh started (by the pids
# it recorded) and deletes its directory; its objects lived in memory only.
set -uo pipefail
dir=${S3_DIR:-/tmp/thymia-s3}
[ -d "$dir/run" ] || exit 0
pids=()
for name in rgw osd.0 mon.a; do
  [ -f "$dir/run/$name.pid" ] && pids+=("$(cat "$dir/run/$name.pid")")
done
[ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null
for _ in $(seq 1 50); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ $alive = 0 ] && break
  sleep 0.1
done
for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
# Any daemon of this cluster whose pid file was never written (a start that failed midway).
pkill -9 -f -- "-c $dir/ceph.conf" 2>/dev/null
rm -rf "$dir"
echo "s3: stopped"
