#!/usr/bin/env bash
# Starts the whole AggPay platform locally and returns when every service answers its health check.
#  - uses MariaDB, Redis and Kafka where they already listen, starts what is missing (deploy/local/infra.sh);
#  - builds the service jars when they are missing or older than the sources;
#  - makes the local demo key files, starts the simulator, the six services and a demo webhook receiver;
#  - seeds the demo data of ../shared/API.md (local profile) and prints the URLs and a signed example call.
# Logs: .local/logs/, PID files: .local/run/. deploy/local/down.sh stops exactly what this started.
# Running it twice is harmless: what is already running is left alone.
# --monitoring: also Prometheus (Debian's package, installed when missing) on 127.0.0.1:9095, scraping every
# service's management port with the alert rules of deploy/monitoring.
set -euo pipefail
MONITORING=false
for arg in "$@"; do
  case "$arg" in
    --monitoring) MONITORING=true ;;
    *) echo "usage: deploy/local/up.sh [--monitoring]" >&2; exit 2 ;;
  esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=infra.sh
source "$ROOT/deploy/local/infra.sh"
# shellcheck source=services.sh
source "$ROOT/deploy/local/services.sh"
cd "$ROOT"

ensure_infra

KEYS="${AGGPAY_KEYS_DIR:-$LOCAL/keys}"
"$ROOT/deploy/local/gen-keys.sh" "$KEYS" >/dev/null

# The module's executable jar, or nothing. Must not fail under `set -euo pipefail` when no jar was built yet
# (a fresh clone): a glob that matched nothing stays literal and is skipped, where `ls | grep` killed the script.
jar_of() {
  local jar
  for jar in "$ROOT/$1"/target/"$1"-*.jar; do
    case "$jar" in *-plain.jar | *.original | *'*'*) ;; *) [ -f "$jar" ] && { echo "$jar"; return 0; } ;; esac
  done
  return 0
}

needs_build=false
for entry in "${SERVICES[@]}"; do
  read -r name module port <<<"$entry"
  jar=$(jar_of "$module")
  # the gateway also packages the web front ends (web/, built with the machine's Node by web/build.sh)
  sources=("$ROOT/$module/src" "$ROOT/contracts/src")
  [ "$module" = gateway-service ] && sources+=("$ROOT/web/src" "$ROOT/web/portal" "$ROOT/web/admin" "$ROOT/web/cashier" "$ROOT/web/package.json")
  if [ -z "$jar" ] || [ -n "$(find "${sources[@]}" -newer "$jar" -type f -print -quit)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  log "building the service jars (tests skipped; run deploy/local/test.sh for them)"
  ./mvnw -B -q -DskipTests package -pl contracts,merchant-service,gateway-service,order-service,channel-simulator,channel-router-service,notify-service
fi

alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}"
export AGGPAY_KEYS_DIR="$KEYS"
# merchants' licence images (KYC), outside the database
export AGGPAY_KYC_LICENCE_DIR="${AGGPAY_KYC_LICENCE_DIR:-$LOCAL/licences}"
# Serial GC: no GC threads competing with seven JVMs for two cores. A fixed young generation of 192 MB: at a few
# hundred orders/s the 64 MB start heap collected several times a second (docs/benchmarks.md, issue 9).
JAVA_OPTS="${AGGPAY_JAVA_OPTS:--Xms384m -Xmx512m -Xmn192m -XX:+UseSerialGC}"

for entry in "${SERVICES[@]}"; do
  read -r name module port <<<"$entry"
  if alive "$name"; then
    log "$name already running (pid $(cat "$RUN/$name.pid"))"
    continue
  fi
  if listening "$port"; then
    log "port $port is taken by a process up.sh did not start; stop it first (it would answer as $name)"
    exit 1
  fi
  log "starting $name on $port"
  # shellcheck disable=SC2086
  SERVER_PORT="$port" nohup java $JAVA_OPTS -jar "$(jar_of "$module")" >"$LOGS/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
done

if ! alive webhook-receiver && ! listening "$WEBHOOK_RECEIVER_PORT"; then
  log "starting the demo webhook receiver on $WEBHOOK_RECEIVER_PORT"
  nohup python3 "$ROOT/deploy/local/webhook-receiver.py" --port "$WEBHOOK_RECEIVER_PORT" \
    >"$LOGS/webhook-receiver.log" 2>&1 &
  echo $! >"$RUN/webhook-receiver.pid"
fi

# Readiness on the service port (/readyz, open without a service token); the simulator only has Actuator's health.
healthy() {
  local path=/readyz
  [ "$1" = 9090 ] && path=/actuator/health
  curl -fsS "http://127.0.0.1:$1$path" 2>/dev/null | grep -q '"status":"UP"'
}
deadline=$((SECONDS + ${AGGPAY_START_TIMEOUT:-240}))
for entry in "${SERVICES[@]}"; do
  read -r name module port <<<"$entry"
  printf '[up] waiting for %s ' "$name"
  until healthy "$port"; do
    if ! alive "$name"; then
      echo; log "$name exited; last lines of $LOGS/$name.log:"; tail -30 "$LOGS/$name.log"; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo; log "$name is not healthy in time; see $LOGS/$name.log"; exit 1
    fi
    printf '.'; sleep 1
  done
  echo " up"
done

if $MONITORING; then
  if ! command -v prometheus >/dev/null; then
    log "installing Prometheus (Debian package prometheus)"
    # the package would start its own service on :9090, the simulator's port: keep it from starting anything
    guard=false
    [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; guard=true; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
    $guard && rm -f /usr/sbin/policy-rc.d
  fi
  if ! alive prometheus; then
    mkdir -p "$LOCAL/prometheus"
    nohup prometheus --config.file="$ROOT/deploy/monitoring/prometheus.yml" --storage.tsdb.path="$LOCAL/prometheus" \
      --web.listen-address=127.0.0.1:9095 >"$LOGS/prometheus.log" 2>&1 &
    echo $! >"$RUN/prometheus.pid"
  fi
  until curl -fsS http://127.0.0.1:9095/-/ready >/dev/null 2>&1; do
    alive prometheus || { log "prometheus exited; see $LOGS/prometheus.log"; tail -20 "$LOGS/prometheus.log"; exit 1; }
    sleep 1
  done
  log "Prometheus at http://127.0.0.1:9095 (targets: /targets, alert rules: /alerts; dashboard JSON for Grafana: deploy/monitoring/grafana)"
fi

cat <<TXT

AggPay is running (local mode, demo data seeded).
  Merchant API (gateway)   http://127.0.0.1:8080/api/v1
  Merchant portal          http://127.0.0.1:8080/portal/   (demo login demo@aggpay.local / demo-merchant-local-only, or sign up)
  Operator console         http://127.0.0.1:8080/admin/    (admin / admin-local-only)
  merchant / order / router / notify services   :8081 / :8082 / :8083 / :8084 (internal)
  Channel simulator        http://127.0.0.1:9090   (hooks: /_sim/pay, /_sim/trades, /_sim/faults)
  Demo webhook receiver    http://127.0.0.1:$WEBHOOK_RECEIVER_PORT/webhooks   (log: $LOGS/webhook-receiver.log)
  Metrics (loopback only)  http://127.0.0.1:18082/actuator/prometheus (management port = service port + 10000)
  Logs and PIDs            $LOGS, $RUN

Try it (demo app demo-app; deploy/local/aggpay-call.sh signs like a merchant would):
  deploy/local/aggpay-call.sh POST /api/v1/pay/orders \\
    '{"mch_order_no":"A$(date +%s)","amount":1234,"pay_way":"WX_NATIVE","subject":"Latte","notify_url":"http://127.0.0.1:$WEBHOOK_RECEIVER_PORT/webhooks"}'
  curl -s -X POST http://127.0.0.1:9090/_sim/pay -H 'Content-Type: application/json' -d '{"pay_data":"<pay_data of the order>"}'
  deploy/local/aggpay-call.sh GET '/api/v1/pay/orders?mch_order_no=<the mch_order_no>'
Stop everything with deploy/local/down.sh
TXT
