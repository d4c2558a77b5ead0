#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh (and infra.sh) started, as recorded in .local/run/*.pid; nothing else.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="${AGGPAY_LOCAL_DIR:-$ROOT/.local}/run"
[ -d "$RUN" ] || { echo "[down] nothing was started"; exit 0; }

stop() { # name
  local file="$RUN/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    echo "[down] stopping $1 (pid $pid)"
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "[down] $1 did not stop in 20 s; killing it"; kill -9 "$pid" 2>/dev/null; }
  fi
  rm -f "$file"
}

# services first (they hold connections to the infrastructure), then what infra.sh started
# (every replica of a service: <module>.pid, <module>-2.pid, ...)
for name in gateway-service notify-service order-service channel-router-service merchant-service; do
  for file in "$RUN/$name".pid "$RUN/$name"-[0-9]*.pid; do [ -e "$file" ] && stop "$(basename "$file" .pid)"; done
done
for name in channel-simulator webhook-receiver prometheus kafka redis mariadb; do
  stop "$name"
done
for file in "$RUN"/*.pid; do [ -e "$file" ] && stop "$(basename "$file" .pid)"; done
echo "[down] done"
