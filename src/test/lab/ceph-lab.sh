#!/usr/bin/env bash
# A real Ceph 16.2 cluster for the tests: one monitor, one manager (prometheus module on
# 127.0.0.1:9283), three bluestore OSDs on sparse files, all on 127.0.0.1 and all under one
# folder. Recipe: shared notes "ceph-lab.md". Needs root and the Debian packages
#   ceph-mon ceph-mgr ceph-osd ceph-common ceph-base
#
#   src/test/lab/ceph-lab.sh start   # ~20-40 s; prints the env file the tests read
#   src/test/lab/ceph-lab.sh stop    # stops the daemons by their pid files, removes the folder
#   src/test/lab/ceph-lab.sh status
#
# The folder is $CP_CEPH_LAB_DIR (default /tmp/cp-ceph-lab). The tests find the lab through
# $CP_CEPH_LAB_DIR/lab.env (CP_CEPH_CONF, CP_CEPH_METRICS_URL and the objects written).
# Fixed ports (3300, 6789, 6800-6830, 9283): one such lab per machine.
set -euo pipefail

DIR=${CP_CEPH_LAB_DIR:-/tmp/cp-ceph-lab}
CONF=$DIR/ceph.conf
MON_HOST='[v2:127.0.0.1:3300,v1:127.0.0.1:6789]'
METRICS_URL=http://127.0.0.1:9283/metrics
OSDS=3
# The pools and objects the tests assert on. Object sizes are multiples of the EC pool's
# stripe width (k=2 x 4 KiB) so that "stored" is exactly the bytes written.
REP_POOL=cp-replicated
EC_POOL=cp-erasure
EC_PROFILE=cp-ec21
REP_OBJECTS="rep-a:1048576 rep-b:262144 rep-c:8192"   # 1 MiB + 256 KiB + 8 KiB = 1318912 bytes
EC_OBJECTS="ec-a:2097152 ec-b:16384"                   # 2 MiB + 16 KiB = 2113536 bytes

log() { printf '[ceph-lab] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
c() { ceph -c "$CONF" --connect-timeout 15 "$@"; }

alive() { # pid is running and not a zombie
    local pid=$1 state
    [[ -r /proc/$pid/status ]] || return 1
    state=$(awk '/^State:/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$state" && "$state" != Z ]]
}

pid_of() { local f=$DIR/run/$1.pid; [[ -s $f ]] && cat "$f" || true; }

wait_for() { # seconds description command...
    local secs=$1 what=$2; shift 2
    local end=$((SECONDS + secs))
    until "$@" >/dev/null 2>&1; do
        (( SECONDS < end )) || die "timed out after ${secs}s waiting for $what (logs: $DIR/log)"
        sleep 0.5
    done
}

write_conf() {
    local fsid=$1
    cat > "$CONF" <<EOF
[global]
fsid = $fsid
mon host = $MON_HOST
public network = 127.0.0.0/8
ms bind ipv4 = true
ms bind ipv6 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
keyring = $DIR/keyring
osd pool default size = 3
osd pool default min size = 2
osd crush chooseleaf type = 0
osd objectstore = bluestore
bluestore block size = 10737418240
bluestore block create = true
osd memory target = 1073741824
mon data avail warn = 2
mon allow pool delete = true
mgr initial modules = iostat prometheus
# test-only values for a fast start
paxos propose interval = 0.1
mgr stats period = 1
mon mgr digest period = 1
run dir = $DIR/run
crash dir = $DIR/crash
pid file = $DIR/run/\$name.pid
log file = $DIR/log/\$name.log
admin socket = $DIR/run/\$name.asok
mon cluster log file = $DIR/log/cluster.log

[mon]
mon data = $DIR/mon/\$cluster-\$id

[mgr]
mgr data = $DIR/mgr/\$cluster-\$id

[osd]
osd data = $DIR/osd/\$cluster-\$id
EOF
}

all_pgs_active_clean() {
    local json
    json=$(c pg stat -f json 2>/dev/null) || return 1
    python3 - "$json" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
m = d.get("pg_summary", d)
total = m.get("num_pgs", 0)
states = {s["name"]: s["num"] for s in m.get("num_pg_by_state", [])}
sys.exit(0 if total > 0 and states.get("active+clean", 0) == total else 1)
PY
}

pool_shows() { # pool objects stored
    local json
    json=$(c df -f json 2>/dev/null) || return 1
    python3 - "$json" "$1" "$2" "$3" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
for p in d["pools"]:
    if p["name"] == sys.argv[2]:
        s = p["stats"]
        # stored bytes only: the per-PG object counts flicker in a one-host lab (3 to 5 for 3 objects)
        sys.exit(0 if s["stored"] == int(sys.argv[4]) else 1)
sys.exit(1)
PY
}

has_pool() { c osd pool ls 2>/dev/null | grep -qx "$1"; }

metrics_up() { python3 -c "import urllib.request,sys; sys.exit(0 if b'ceph_health_status' in urllib.request.urlopen('$METRICS_URL', timeout=5).read() else 1)"; }

# The manager's prometheus module serves a cached collection, which can lag behind `ceph df`
# (a CI run read 3 objects for a 2-object EC pool; later runs showed the counts flicker anyway). Wait until the
# endpoint shows the bytes written.
metrics_show() { # pool objects stored
    python3 - "$METRICS_URL" "$1" "$2" "$3" <<'PY'
import re, sys, urllib.request
url, pool, objects, stored = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
text = urllib.request.urlopen(url, timeout=5).read().decode()
pid = None
for line in text.splitlines():
    if line.startswith("ceph_pool_metadata{") and 'name="%s"' % pool in line:
        pid = re.search(r'pool_id="([^"]*)"', line).group(1)
if pid is None:
    sys.exit(1)
def value(metric):
    for line in text.splitlines():
        if line.startswith(metric + "{") and 'pool_id="%s"' % pid in line:
            return float(line.rsplit(" ", 1)[1])
    return None
sys.exit(0 if value("ceph_pool_stored") == stored else 1)  # bytes only: object counts flicker (see pool_shows)
PY
}

write_objects() { # pool "name:size ..." -> prints count and total
    local pool=$1 spec=$2 count=0 total=0 name size
    for o in $spec; do
        name=${o%%:*}; size=${o##*:}
        head -c "$size" /dev/urandom > "$DIR/obj.tmp"
        # rados has no --connect-timeout: bound it by the mount timeout and by timeout(1)
        timeout 60 rados -c "$CONF" --client_mount_timeout 15 -p "$pool" put "$name" "$DIR/obj.tmp" \
            || die "rados put $name into $pool failed"
        count=$((count + 1)); total=$((total + size))
    done
    rm -f "$DIR/obj.tmp"
    echo "$count $total"
}

start() {
    [[ $(id -u) == 0 ]] || die "needs root (the daemons bind fixed ports and run as root here)"
    command -v ceph-mon >/dev/null || die "Ceph is not installed: apt-get install -y --no-install-recommends ceph-mon ceph-mgr ceph-osd ceph-common ceph-base"
    local mon; mon=$(pid_of mon.a)
    if [[ -n "$mon" ]] && alive "$mon" && [[ -s $DIR/lab.env ]]; then
        log "already running (monitor pid $mon); env file $DIR/lab.env"
        echo "$DIR/lab.env"
        return 0
    fi
    [[ -d $DIR ]] && { stop_daemons; rm -rf "$DIR"; }
    local t0=$SECONDS
    mkdir -p "$DIR"/{run,crash,log,mon,mgr,osd}
    local fsid; fsid=$(uuidgen 2>/dev/null || python3 -c 'import uuid; print(uuid.uuid4())')
    write_conf "$fsid"

    log "keys"
    ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
    ceph-authtool "$DIR/keyring" --gen-key -n client.admin \
        --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' --cap mds 'allow *' >/dev/null
    ceph-authtool "$DIR/keyring" --gen-key -n mgr.x \
        --cap mon 'allow profile mgr' --cap osd 'allow *' --cap mds 'allow *' >/dev/null
    for i in $(seq 0 $((OSDS - 1))); do
        ceph-authtool "$DIR/keyring" --gen-key -n "osd.$i" \
            --cap mon 'allow profile osd' --cap mgr 'allow profile osd' --cap osd 'allow *' >/dev/null
    done

    log "monitor"
    monmaptool --create --fsid "$fsid" --addv a "$MON_HOST" "$DIR/monmap" >/dev/null
    ceph-mon -c "$CONF" -i a --mkfs --monmap "$DIR/monmap" --keyring "$DIR/keyring"
    ceph-mon -c "$CONF" -i a
    wait_for 30 "the monitor" c mon stat

    log "manager (prometheus on $METRICS_URL)"
    c config set mgr mgr/prometheus/server_addr 127.0.0.1 --force
    c config set mgr mgr/prometheus/server_port 9283 --force
    c config set mgr mgr/prometheus/scrape_interval 5 --force
    mkdir -p "$DIR/mgr/ceph-x"
    ceph-mgr -c "$CONF" -i x

    log "$OSDS OSDs (bluestore on sparse files)"
    for i in $(seq 0 $((OSDS - 1))); do
        local uuid; uuid=$(python3 -c 'import uuid; print(uuid.uuid4())')
        c osd new "$uuid" "$i" >/dev/null
        mkdir -p "$DIR/osd/ceph-$i"
        ceph-osd -c "$CONF" -i "$i" --mkfs --osd-uuid "$uuid" >/dev/null 2>&1 \
            || die "mkfs of osd.$i failed (log: $DIR/log/osd.$i.log)"
    done
    for i in $(seq 0 $((OSDS - 1))); do ceph-osd -c "$CONF" -i "$i" 2>>"$DIR/log/osd-start.err"; done

    wait_for 90 "$OSDS OSDs up" bash -c "ceph -c '$CONF' --connect-timeout 15 osd stat -f json | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d[\"num_up_osds\"]==$OSDS and d[\"num_in_osds\"]==$OSDS else 1)'"
    wait_for 90 "the manager's device_health_metrics pool" has_pool device_health_metrics

    log "pools: $REP_POOL (replicated size 3), $EC_POOL (EC k=2 m=1)"
    c osd pool create "$REP_POOL" 8 8 replicated >/dev/null 2>&1
    c osd pool set "$REP_POOL" size 3 >/dev/null 2>&1
    c osd pool set "$REP_POOL" min_size 2 >/dev/null 2>&1
    c osd pool application enable "$REP_POOL" rados >/dev/null 2>&1
    c osd erasure-code-profile set "$EC_PROFILE" k=2 m=1 crush-failure-domain=osd >/dev/null 2>&1
    c osd pool create "$EC_POOL" 8 8 erasure "$EC_PROFILE" >/dev/null 2>&1
    c osd pool application enable "$EC_POOL" rados >/dev/null 2>&1
    wait_for 120 "every PG active+clean" all_pgs_active_clean

    log "objects"
    local rep ec
    rep=$(write_objects "$REP_POOL" "$REP_OBJECTS") || exit 1
    ec=$(write_objects "$EC_POOL" "$EC_OBJECTS") || exit 1
    wait_for 60 "ceph df to show $REP_POOL's objects" pool_shows "$REP_POOL" ${rep% *} ${rep#* }
    wait_for 60 "ceph df to show $EC_POOL's objects" pool_shows "$EC_POOL" ${ec% *} ${ec#* }
    wait_for 60 "every PG active+clean" all_pgs_active_clean
    wait_for 60 "the metrics endpoint" metrics_up
    wait_for 90 "the metrics endpoint to show $REP_POOL's objects" metrics_show "$REP_POOL" ${rep% *} ${rep#* }
    wait_for 90 "the metrics endpoint to show $EC_POOL's objects" metrics_show "$EC_POOL" ${ec% *} ${ec#* }

    cat > "$DIR/lab.env.tmp" <<EOF
# written by src/test/lab/ceph-lab.sh start; read by the Ceph lab tests
CP_CEPH_CONF=$CONF
CP_CEPH_METRICS_URL=$METRICS_URL
CP_CEPH_OSDS=$OSDS
CP_CEPH_OSD_BYTES=10737418240
CP_CEPH_REP_POOL=$REP_POOL
CP_CEPH_REP_OBJECTS=${rep% *}
CP_CEPH_REP_STORED=${rep#* }
CP_CEPH_EC_POOL=$EC_POOL
CP_CEPH_EC_OBJECTS=${ec% *}
CP_CEPH_EC_STORED=${ec#* }
CP_CEPH_HOST=$(hostname)
EOF
    mv "$DIR/lab.env.tmp" "$DIR/lab.env"
    log "ready in $((SECONDS - t0)) s: $(c health 2>/dev/null)"
    echo "$DIR/lab.env"
}

stop_one() { # name
    local pid; pid=$(pid_of "$1")
    [[ -n "$pid" ]] || return 0
    if alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        local end=$((SECONDS + 20))
        while alive "$pid" && (( SECONDS < end )); do sleep 0.2; done
        if alive "$pid"; then
            log "$1 (pid $pid) ignored TERM for 20 s: KILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$DIR/run/$1.pid"
}

stop_daemons() {
    local i
    for i in $(seq 0 $((OSDS - 1))); do stop_one "osd.$i" & done
    wait
    stop_one mgr.x
    stop_one mon.a
}

stop() {
    [[ -d $DIR ]] || { log "not running ($DIR does not exist)"; return 0; }
    stop_daemons
    rm -rf "$DIR"
    log "stopped"
}

status() {
    local mon; mon=$(pid_of mon.a)
    if [[ -n "$mon" ]] && alive "$mon"; then
        c status
    else
        log "not running"; return 1
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
