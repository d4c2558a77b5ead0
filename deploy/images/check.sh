#!/usr/bin/env bash
# Checks the image tars of deploy/images/build.sh without Docker, in two steps:
#  1. check.py reads every tar as a runtime would: OCI layout and digests, then the config (non-root numeric user,
#     entrypoint = the image's JRE with Jib's class path and main class, ports, JVM settings, labels, fixed creation
#     time) and the layers (JRE, loader and libraries, every class path entry, health probe, merchant-service's fonts).
#  2. runs one image (default channel-simulator, which needs no infrastructure) the way a container runtime does:
#     its layers unpacked into an empty root, its own mount and PID namespaces with /proc and /dev, chroot into it, the
#     image's numeric user and nothing of this machine's environment but the image's own variables, through the image's
#     entrypoint. Passes when the image's health probe (run the same way) reports the service UP on a free port, the
#     JVM runs as uid 10001 with UTF-8 file names and text, and then stops it.
# Step 2 needs root (chroot, namespaces); without it, it is skipped with a message. --static: step 1 only.
# --modules (about 45 s more): also runs jdeps over each image's classes and libraries and fails on a JDK module they
# use that the image's JRE lacks (run it when dependencies change; runtime.sh holds the module list).
# Usage: deploy/images/check.sh [--static] [<service to run> [VAR=value...]]   (variables for that service's run, e.g.
#   merchant-service SPRING_PROFILES_ACTIVE=local AGGPAY_DB_PREFIX=aggpaytestimg: the services need MariaDB and Redis)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${AGGPAY_IMAGES_DIR:-$HERE/target}"
log() { printf '[images] %s\n' "$*"; }

static=false
modules=false
service=channel-simulator
run_env=()
for arg in "$@"; do
  case "$arg" in
    --static) static=true ;;
    --modules) modules=true ;;
    *=*) run_env+=("$arg") ;;
    *) service="$arg" ;;
  esac
done

python3 "$HERE/check.py" "$OUT"
if $modules; then
  scratch="$(mktemp -d /tmp/aggpay-jdeps-XXXXXX)"
  for name in gateway-service merchant-service order-service channel-router-service notify-service channel-simulator; do
    python3 "$HERE/check.py" --extract "$OUT" "$name" "$scratch/$name" >/dev/null
    used="$(jdeps -q --ignore-missing-deps --multi-release 17 --print-module-deps -R \
      --class-path "$scratch/$name/app/libs/*" "$scratch/$name/app/classes" | tr ',' ' ')"
    present=" $(sed -n 's/^MODULES="\(.*\)"/\1/p' "$scratch/$name/opt/java/release") "
    missing=""
    for m in $used; do [[ "$present" == *" $m "* ]] || missing="$missing $m"; done
    [ -z "$missing" ] || { log "FAIL: $name uses JDK modules its JRE lacks:$missing (add them to runtime.sh)"; rm -rf "$scratch"; exit 1; }
    log "$name: every JDK module jdeps finds is in the image's JRE"
  done
  rm -rf "$scratch"
fi
$static && exit 0
if [ "$(id -u)" != 0 ]; then
  log "run test skipped: it needs root (chroot and namespaces); the static checks passed"
  exit 0
fi
case "$service" in
  channel-simulator) health_path=/actuator/health ;;
  *) health_path=/readyz ;;
esac

rootfs="$(mktemp -d /tmp/aggpay-image-XXXXXX)"
pid=""
# stop <unshare pid>: TERM to what runs inside (unshare itself blocks TERM while it waits), KILL after 20 s
stop() {
  local p
  for p in $(descendants "$1"); do [ "$p" != "$1" ] && kill -TERM "$p" 2>/dev/null; done
  for _ in $(seq 1 40); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
# descendants <pid>: the process and every process below it
descendants() {
  local p
  echo "$1"
  for p in $(ps -o pid= --ppid "$1"); do descendants "$p"; done
}
cleanup() {
  if [ -n "$pid" ]; then stop "$pid"; fi
  # the mounts live only in the run's namespace; never delete through a mount that is somehow still there
  if ! mountpoint -q "$rootfs/fs/dev" && ! mountpoint -q "$rootfs/fs/proc"; then rm -rf "$rootfs"; fi
}
trap cleanup EXIT

log "unpacking $service's layers into $rootfs"
config="$(python3 "$HERE/check.py" --extract "$OUT" "$service" "$rootfs/fs")"
fs="$rootfs/fs"
# what a container runtime provides: /proc, /dev, the host name files; the key files a deployment mounts
mkdir -p "$fs/proc" "$fs/dev" "$fs/keys"
cp /etc/hosts /etc/resolv.conf "$fs/etc/"
"$ROOT/deploy/local/gen-keys.sh" "$fs/keys" >/dev/null
chown -R 10001:10001 "$fs/keys"

mapfile -t image_env < <(python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1]).get("Env", [])))' "$config")
mapfile -t entrypoint < <(python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])["Entrypoint"]))' "$config")
user="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["User"])' "$config")"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

workdir="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("WorkingDir") or "/")' "$config")"
# What a runtime does last: enter the image's root, its working directory, its numeric user (no supplementary
# groups), then exec the command with exactly the environment it was given.
launcher='import os, sys
root, user, workdir, *argv = sys.argv[1:]
uid, gid = (int(x) for x in user.split(":"))
os.chroot(root)
os.chdir(workdir)
os.setgroups([])
os.setgid(gid)
os.setuid(uid)
os.execve(argv[0], argv, os.environ)'
# in_image [VAR=value...] <command...>: sets RUN to the command line that runs an image command inside the image, as
# the image's user, in its working directory, with the image's environment plus the variables given, in fresh mount
# and PID namespaces with /proc and /dev (this machine's network). The process started is unshare.
in_image() {
  local extra=()
  while [[ "${1:-}" == *=* ]]; do extra+=("$1"); shift; done
  RUN=(/usr/bin/env -i "${image_env[@]}" "${extra[@]}" /usr/bin/unshare --mount --pid --fork --kill-child
    /bin/bash -c '/bin/mount --rbind /dev "$0/dev" && /bin/mount -t proc proc "$0/proc" && exec /usr/bin/python3 -c "$1" "$0" "${@:2}"'
    "$fs" "$launcher" "$user" "$workdir" "$@")
}

in_image /opt/java/bin/java -version
log "the image's JRE: $("${RUN[@]}" 2>&1 | grep -v JDK_JAVA_OPTIONS | head -1)"
in_image /opt/java/bin/java -XshowSettings:properties -version
settings="$("${RUN[@]}" 2>&1)"
for expected in 'file.encoding = UTF-8' 'sun.jnu.encoding = UTF-8' 'user.name = aggpay' 'java.home = /opt/java' \
  "user.dir = $workdir"; do
  grep -q "$expected" <<<"$settings" || { log "FAIL: the image's JVM does not report '$expected'"; echo "$settings" | grep -E 'encoding|user\.|java\.home'; exit 1; }
done

log "starting $service from its entrypoint on 127.0.0.1:$port"
in_image SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1 MANAGEMENT_PORT=$((port + 1)) AGGPAY_KEYS_DIR=/keys "${run_env[@]}" \
  "${entrypoint[@]}"
"${RUN[@]}" >"$rootfs/run.log" 2>&1 &
pid=$!
in_image /opt/java/bin/java -Xms8m -Xmx32m -Xmn4m -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp /opt/aggpay/healthcheck \
  Healthcheck "http://127.0.0.1:$port$health_path"
probe=("${RUN[@]}")
deadline=$((SECONDS + ${AGGPAY_IMAGE_START_TIMEOUT:-180}))
until "${probe[@]}" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    log "FAIL: $service did not report UP through the image's health probe; its output:"
    tail -40 "$rootfs/run.log"
    exit 1
  fi
  sleep 2
done
java_pid="$(for p in $(descendants "$pid"); do [ "$(ps -o comm= -p "$p")" = java ] && echo "$p"; done | head -1)"
uid="$(awk '/^Uid:/ {print $2}' "/proc/$java_pid/status")"
[ "$uid" = "${user%%:*}" ] || { log "FAIL: the service runs as uid $uid, not ${user%%:*}"; exit 1; }
log "$service started from its image as uid $uid in $workdir and is UP at http://127.0.0.1:$port$health_path (probe and entrypoint of the image)"
warnings="$(python3 -c '
import json, sys
for line in open(sys.argv[1], errors="replace"):
    try:
        entry = json.loads(line)
    except ValueError:
        continue
    if entry.get("log", {}).get("level") in ("WARN", "ERROR"):
        print("  " + entry["log"]["level"] + " " + entry["log"].get("logger", "") + ": " + entry.get("message", "")[:200])
' "$rootfs/run.log" | head -10)"
[ -z "$warnings" ] || log "its warnings while starting (for information):"$'\n'"$warnings"
stop "$pid"
pid=""
log "stopped it; the run test passed"
