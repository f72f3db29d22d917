#!/usr/bin/env bash
# A throw-away one-node Ceph cluster on loopback for the real-S3 tests:
# ceph-mon + one ceph-osd keeping objects in memory (memstore), cluster auth
# off, and radosgw serving S3 on $S3_HOST:$S3_PORT. Idempotent: when the
# gateway already answers, it does nothing. Prints one line with the start
# time and the daemons' resident memory; exits non-zero (with the logs'
# tails) when anything does not come up.
set -euo pipefail
dir=${S3_DIR:-/tmp/thymia-s3}
host=${S3_HOST:-127.0.0.1}
port=${S3_PORT:-7480}
mon_port=${S3_MON_PORT:-6799}
endpoint="http://$host:$port"

if curl -fsS -o /dev/null "$endpoint" 2>/dev/null; then
  echo "s3: already running at $endpoint"
  exit 0
fi
for tool in ceph-mon ceph-osd radosgw radosgw-admin ceph monmaptool; do
  command -v "$tool" >/dev/null || { echo "s3: $tool is not installed (apt-get install ceph-mon ceph-osd radosgw)" >&2; exit 1; }
done

started=$(date +%s%N)
# Any failure from here on: say which, show the daemons' logs, and leave nothing running.
fail() {
  trap - ERR
  echo "s3: $1 — logs in $dir/log:" >&2
  tail -n 15 "$dir"/log/*.log >&2 || true
  S3_DIR=$dir bash "$(dirname "$0")/stop.sh" >/dev/null 2>&1 || true
  exit 1
}
trap 'fail "line $LINENO failed"' ERR
# Daemons of an earlier cluster in this directory (a pid file lost, a run killed midway) still hold
# the ports: a new monitor could not bind, and the new OSD would join the old one ("wrong fsid").
pkill -f -- "-c $dir/ceph.conf" 2>/dev/null || true
for _ in $(seq 1 50); do pgrep -f -- "-c $dir/ceph.conf" >/dev/null || break; sleep 0.1; done
pkill -9 -f -- "-c $dir/ceph.conf" 2>/dev/null || true
rm -rf "$dir"
mkdir -p "$dir"/{mon,osd,run,log}
fsid=$(cat /proc/sys/kernel/random/uuid)
conf="$dir/ceph.conf"
cat >"$conf" <<CONF
[global]
fsid = $fsid
mon host = v1:127.0.0.1:$mon_port
public addr = 127.0.0.1
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
run dir = $dir/run
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
pid file = $dir/run/\$name.pid
keyring = /dev/null
# One OSD, one copy, few placement groups, decisions in milliseconds.
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
paxos propose interval = 0.01
paxos min wait = 0.01
mon osd report timeout = 60
# Objects live in memory: the cluster is gone when the OSD stops.
osd objectstore = memstore
memstore device bytes = 268435456
osd op num shards = 1
# The OSD sends no monitor commands of its own while it starts (its CRUSH place and device class):
# such a command can leave before the OSD has the monitor map and carry a zero fsid, which the
# monitor refuses ('wrong fsid') and the OSD dies of. start.sh places it in CRUSH instead.
osd crush update on start = false
osd class update on start = false
osd op num threads per shard = 1
ms async op threads = 1
rgw thread pool size = 16
rgw dns name = $host
rgw enable usage log = false

[mon.a]
mon data = $dir/mon
[osd.0]
osd data = $dir/osd
CONF

monmaptool --create --fsid "$fsid" --addv a "[v1:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
ceph-mon -c "$conf" -i a --mkfs --monmap "$dir/monmap" >>"$dir/log/setup.log" 2>&1
ceph-mon -c "$conf" -i a
ceph=(ceph -c "$conf" --connect-timeout 15)
# The monitor answering must be this cluster's: anything else on the port is a stranger.
answered=$("${ceph[@]}" fsid 2>>"$dir/log/setup.log" || true)
[ "$answered" = "$fsid" ] || fail "the monitor on 127.0.0.1:$mon_port is not this cluster's (fsid '${answered:-none}', want $fsid): another process holds the port"
osd_uuid=$(cat /proc/sys/kernel/random/uuid)
"${ceph[@]}" osd new "$osd_uuid" >>"$dir/log/setup.log" 2>&1
"${ceph[@]}" osd crush add osd.0 1.0 root=default >>"$dir/log/setup.log" 2>&1
ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >>"$dir/log/setup.log" 2>&1
# A start refused by the monitor is retried: a CI machine under load once lost one that way.
osd_started=0
for _ in 1 2 3; do
  if ceph-osd -c "$conf" -i 0 2>>"$dir/log/setup.log"; then osd_started=1; break; fi
  sleep 1
done
[ $osd_started = 1 ] || fail "ceph-osd did not start (3 tries)"
radosgw -c "$conf" -n client.rgw --rgw-frontends "beast endpoint=$host:$port" --log-file "$dir/log/rgw.log" --pid-file "$dir/run/rgw.pid"

for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "$endpoint" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null "$endpoint" 2>/dev/null || fail "radosgw did not answer at $endpoint"

# The S3 user the tests sign with (cluster auth is off; S3 SigV4 is not).
radosgw-admin -c "$conf" user create --uid thymia-test --display-name "thymia tests" \
  --access-key "${S3_ACCESS_KEY:-THYMIATESTACCESSKEY}" --secret-key "${S3_SECRET_KEY:-thymia-test-secret-key}" >>"$dir/log/setup.log" 2>&1 \
  || fail "radosgw-admin could not create the S3 user"
ready=$(date +%s%N)

rss() { ps -o rss= -p "$(cat "$dir/run/$1.pid")" 2>/dev/null | tr -d ' '; }
mon=$(rss mon.a); osd=$(rss osd.0); rgw=$(rss rgw)
echo "s3: radosgw at $endpoint in $(( (ready - started) / 1000000 )) ms; RSS mon $((mon / 1024)) MB, osd $((osd / 1024)) MB, rgw $((rgw / 1024)) MB, total $(((mon + osd + rgw) / 1024)) MB"
