#!/usr/bin/env bash
# A real three-member Incus cluster on one machine, for the probe's tests (recipe:
# shared notes incus-lab.md). Needs root, incus-base, incus-client and busybox-static.
#
#   bash src/test/lab/incus-lab.sh start          # build (or reuse) the lab; prints the env file
#   bash src/test/lab/incus-lab.sh status         # members and their state
#   bash src/test/lab/incus-lab.sh stop           # stop every daemon by its PID, remove the lab
#   bash src/test/lab/incus-lab.sh stop-member node3 | start-member node3   # used by the tests
#
# Members node1, node2, node3 listen on 127.0.0.1, .2, .3 port 8443; each is its own incusd with
# its own INCUS_DIR under $CP_INCUS_LAB (default /tmp/cp-incus-lab). A tiny busybox image "tiny" is
# built offline and imported, and "busy", the same with one process spinning on a CPU (for the
# watch tests). A client (its own INCUS_CONF, like a user's ~/.config/incus) is
# trusted through a token and has the cluster as remote "lab". Everything the tests need is
# written to $CP_INCUS_LAB/lab.env. Processes are only ever stopped by the PIDs recorded here.
set -euo pipefail

LAB=${CP_INCUS_LAB:-/tmp/cp-incus-lab}
INCUSD=${INCUSD:-/usr/libexec/incus/incusd}
PORT=8443
MEMBERS=(node1 node2 node3)
declare -A ADDR=([node1]=127.0.0.1 [node2]=127.0.0.2 [node3]=127.0.0.3)

log() { echo "incus-lab: $*" >&2; }
dir_of() { echo "$LAB/$1"; }
pid_of() { cat "$LAB/$1.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }
inc() { local m=$1; shift; INCUS_DIR=$(dir_of "$m") INCUS_CONF="$LAB/admin-conf" incus "$@"; }

start_daemon() {
    local m=$1 d
    d=$(dir_of "$m")
    mkdir -p "$d"
    # setsid: the daemon outlives this script; its PID is recorded and used to stop it.
    INCUS_DIR=$d setsid "$INCUSD" --group root --logfile "$d/incusd.log" </dev/null >>"$d/incusd.out" 2>&1 &
    echo $! >"$LAB/$m.pid"
    if ! INCUS_DIR=$d incus admin waitready --timeout 60; then
        log "$m did not become ready; see $d/incusd.log"
        tail -20 "$d/incusd.log" >&2 || true
        exit 1
    fi
}

stop_daemon() {
    local m=$1 p i
    p=$(pid_of "$m")
    if [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; then
        kill -TERM "$p"
        for i in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$p" 2>/dev/null; then log "$m (pid $p) ignored TERM, killing it"; kill -KILL "$p" || true; fi
    fi
    rm -f "$LAB/$m.pid"
}

build_image() {
    local img=$LAB/image root
    root=$img/rootfs
    rm -rf "$img"
    mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,root,run,var}
    cp /bin/busybox "$root/bin/busybox"
    ln -s busybox "$root/bin/sh"
    ln -s busybox "$root/bin/sleep"
    ln -s ../bin/busybox "$root/sbin/init"
    # init keeps one sleeping process; nothing else runs in the container
    printf '::sysinit:/bin/busybox mkdir -p /tmp\n::respawn:/bin/busybox sleep 2147483647\n' >"$root/etc/inittab"
    printf 'architecture: x86_64\ncreation_date: %s\nproperties:\n  description: busybox (cluster-planner lab)\n  os: busybox\n' \
        "$(date +%s)" >"$img/metadata.yaml"
    tar -C "$img" -czf "$img/meta.tar.gz" metadata.yaml
    tar -C "$root" -czf "$img/rootfs.tar.gz" .
    # "busy": the same root filesystem whose init keeps one process spinning on a CPU (the watch tests measure it)
    printf '::sysinit:/bin/busybox mkdir -p /tmp\n::respawn:/bin/sh -c "while :; do :; done"\n' >"$root/etc/inittab"
    printf 'architecture: x86_64\ncreation_date: %s\nproperties:\n  description: busybox busy loop (cluster-planner lab)\n  os: busybox\n' \
        "$(date +%s)" >"$img/metadata-busy.yaml"
    mkdir -p "$img/busy" && cp "$img/metadata-busy.yaml" "$img/busy/metadata.yaml"
    tar -C "$img/busy" -czf "$img/meta-busy.tar.gz" metadata.yaml
    tar -C "$root" -czf "$img/rootfs-busy.tar.gz" .
}

lab_running() {
    [[ -f "$LAB/lab.env" ]] || return 1
    local m
    for m in "${MEMBERS[@]}"; do alive "$m" || return 1; done
    for m in "${MEMBERS[@]}"; do INCUS_DIR=$(dir_of "$m") incus admin waitready --timeout 10 >/dev/null 2>&1 || return 1; done
}

unmount_under() {
    # incusd mounts tmpfs/shmounts below its INCUS_DIR; unmount deepest first before removing
    local mp
    awk -v lab="$LAB/" 'index($2, lab) == 1 {print $2}' /proc/mounts | sort -r | while read -r mp; do
        umount -l "$mp" 2>/dev/null || true
    done
}

cmd_stop() {
    local m
    if [[ -d "$LAB" ]]; then
        for m in "${MEMBERS[@]}"; do
            if alive "$m"; then
                # stop every container of this member first, so no container process outlives the lab
                # a member left alone (its cluster gone) may not answer: stopping goes on regardless
                { inc "$m" list --format csv -c n,L 2>/dev/null || true; } | awk -F, -v m="$m" '$2 == m {print $1}' | while read -r i; do
                    inc "$m" delete --force "$i" >/dev/null 2>&1 || true
                done
            fi
        done
        for m in "${MEMBERS[@]}"; do stop_daemon "$m"; done
        unmount_under
        rm -rf "$LAB"
    fi
    log "stopped"
}

cmd_start() {
    command -v incus >/dev/null && [[ -x "$INCUSD" ]] || { log "Incus is not installed (incus-base, incus-client from bookworm-backports)"; exit 1; }
    [[ -x /bin/busybox ]] || { log "busybox-static is not installed"; exit 1; }
    [[ $(id -u) == 0 ]] || { log "must run as root (one incusd per member)"; exit 1; }
    if lab_running; then
        if ! inc node1 image info busy >/dev/null 2>&1; then   # a lab started before the busy image existed
            build_image
            inc node1 image import "$LAB/image/meta-busy.tar.gz" "$LAB/image/rootfs-busy.tar.gz" --alias busy >/dev/null
        fi
        log "already running: $LAB/lab.env"
        echo "$LAB/lab.env"
        return 0
    fi
    cmd_stop
    mkdir -p "$LAB/admin-conf"
    local t0=$SECONDS m d1
    d1=$(dir_of node1)

    start_daemon node1
    cat <<EOF | inc node1 admin init --preseed
config:
  core.https_address: ${ADDR[node1]}:$PORT
storage_pools:
- name: default
  driver: dir
profiles:
- name: default
  devices:
    root:
      path: /
      pool: default
      type: disk
EOF
    inc node1 cluster enable node1 >/dev/null
    inc node1 config set cluster.https_address "${ADDR[node1]}:$PORT"

    for m in node2 node3; do
        local token
        token=$(inc node1 cluster add "$m" --quiet | tail -1)
        start_daemon "$m"
        cat <<EOF | inc "$m" admin init --preseed
cluster:
  enabled: true
  server_name: $m
  server_address: ${ADDR[$m]}:$PORT
  cluster_address: ${ADDR[node1]}:$PORT
  cluster_token: $token
  member_config:
  - entity: storage-pool
    name: default
    key: source
    value: ""
EOF
    done

    build_image
    inc node1 image import "$LAB/image/meta.tar.gz" "$LAB/image/rootfs.tar.gz" --alias tiny >/dev/null
    inc node1 image import "$LAB/image/meta-busy.tar.gz" "$LAB/image/rootfs-busy.tar.gz" --alias busy >/dev/null

    # A client like a user's own: its own config dir with client.crt/key, the cluster as remote
    # "lab" and the pinned server certificate under servercerts/, trusted through a token.
    local client=$LAB/client token fp
    mkdir -p "$client"
    token=$(inc node1 config trust add cluster-planner-tests --quiet | tail -1)
    INCUS_CONF=$client incus remote add lab "https://${ADDR[node1]}:$PORT" --accept-certificate --token "$token" >/dev/null
    fp=$(openssl x509 -in "$d1/cluster.crt" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f')

    cat >"$LAB/lab.env" <<EOF
# written by src/test/lab/incus-lab.sh start
CP_INCUS_LAB=$LAB
CP_INCUS_URL=https://${ADDR[node1]}:$PORT
CP_INCUS_URLS=https://${ADDR[node1]}:$PORT,https://${ADDR[node2]}:$PORT,https://${ADDR[node3]}:$PORT
CP_INCUS_MEMBERS=node1,node2,node3
CP_INCUS_CERT=$client/client.crt
CP_INCUS_KEY=$client/client.key
CP_INCUS_CLIENT_CONF=$client
CP_INCUS_REMOTE=lab
CP_INCUS_FINGERPRINT=$fp
CP_INCUS_SOCKET=$d1/unix.socket
CP_INCUS_DIR_node1=$(dir_of node1)
CP_INCUS_DIR_node2=$(dir_of node2)
CP_INCUS_DIR_node3=$(dir_of node3)
CP_INCUS_LAB_SCRIPT=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
EOF
    log "three members up in $((SECONDS - t0)) s; env: $LAB/lab.env"
    echo "$LAB/lab.env"
}

cmd_status() {
    local m
    if [[ ! -d "$LAB" ]]; then echo "not running"; return 0; fi
    for m in "${MEMBERS[@]}"; do
        if alive "$m"; then echo "$m pid $(pid_of "$m") ${ADDR[$m]}:$PORT"; else echo "$m down"; fi
    done
    for m in "${MEMBERS[@]}"; do
        if alive "$m"; then inc "$m" cluster list; inc "$m" list -c nLts4; break; fi
    done
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    stop-member) [[ -n "${ADDR[${2:-}]:-}" ]] || { log "which member?"; exit 2; }; stop_daemon "$2"; log "$2 stopped" ;;
    start-member)
        [[ -n "${ADDR[${2:-}]:-}" ]] || { log "which member?"; exit 2; }
        if alive "$2"; then log "$2 already running"; else start_daemon "$2"; log "$2 started"; fi ;;
    *) echo "usage: $0 start|stop|status|stop-member NODE|start-member NODE" >&2; exit 2 ;;
esac
