#!/usr/bin/env bash
# Starts the whole AggPay platform locally and returns when every service answers its health check.
#  - uses MariaDB, Redis and Kafka where they already listen, starts what is missing (deploy/local/infra.sh);
#  - builds the service jars when they are missing or older than the sources;
#  - makes the local demo key files, starts the simulator, the six services and a demo webhook receiver;
#  - seeds the demo data of ../shared/API.md (local profile) and prints the URLs and a signed example call.
# Logs: .local/logs/, PID files: .local/run/. deploy/local/down.sh stops exactly what this started.
# Running it twice is harmless: what is already running is left alone.
# --replicas N (1-5, default 1): N replicas of each platform service (the simulator runs once). Replica r listens
# 100 * (r - 1) above the first (order-service 8082, 8182, ...); every service calls the others' replicas round-robin
# through Spring Cloud LoadBalancer (AGGPAY_<SERVICE>_URL lists them), and the gateways are equal entries (8080, 8180).
# --monitoring: also Prometheus (Debian's package, installed when missing) on 127.0.0.1:9095, scraping every
# service's management port (every replica's) with the alert rules of deploy/monitoring.
# A second platform beside this one (as the replicas test starts): AGGPAY_LOCAL_DIR (logs and PIDs), AGGPAY_PORT_OFFSET,
# AGGPAY_DB_PREFIX, AGGPAY_REDIS_KEY_PREFIX, AGGPAY_TOPIC_PREFIX; AGGPAY_UP_BUILD=false never builds (the jars must exist).
set -euo pipefail
MONITORING=false
REPLICAS=1
usage() { echo "usage: deploy/local/up.sh [--replicas N] [--monitoring]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --monitoring) MONITORING=true ;;
    --replicas) [ $# -ge 2 ] || usage; REPLICAS=$2; shift ;;
    --replicas=*) REPLICAS=${1#--replicas=} ;;
    *) usage ;;
  esac
  shift
done
case "$REPLICAS" in [1-5]) ;; *) echo "--replicas takes 1 to 5 (two cores run ten services already)" >&2; exit 2 ;; esac
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
if [ "${AGGPAY_UP_BUILD:-auto}" = false ]; then
  # the caller has just built them (the replicas test, inside the build): only their absence matters
  for entry in "${SERVICES[@]}"; do
    read -r name module port <<<"$entry"
    [ -n "$(jar_of "$module")" ] || { log "no jar of $module, and AGGPAY_UP_BUILD=false: build first"; exit 1; }
  done
  needs_build=false
fi
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

# Every process to run: name (the module, then <module>-2, -3, ... for further replicas), module, port.
INSTANCES=()
for entry in "${SERVICES[@]}"; do
  read -r name module port <<<"$entry"
  INSTANCES+=("$name $module $port")
  if replicated "$module"; then
    for ((r = 2; r <= REPLICAS; r++)); do
      INSTANCES+=("$name-$r $module $((port + (r - 1) * REPLICA_PORT_STEP))")
    done
  fi
done
# The comma-separated addresses of one service's replicas (contracts' ServiceAddressesEnvironmentPostProcessor).
addresses() {
  local entry name module port list=""
  for entry in "${INSTANCES[@]}"; do
    read -r name module port <<<"$entry"
    [ "$module" = "$1" ] && list="${list:+$list,}http://127.0.0.1:$port"
  done
  echo "$list"
}
port_of() {
  local entry name module port
  for entry in "${INSTANCES[@]}"; do
    read -r name module port <<<"$entry"
    [ "$name" = "$1" ] && { echo "$port"; return 0; }
  done
  return 1
}
export AGGPAY_MERCHANT_URL AGGPAY_ORDER_URL AGGPAY_ROUTER_URL AGGPAY_NOTIFY_URL AGGPAY_SIMULATOR_URL \
  AGGPAY_PUBLIC_BASE_URL AGGPAY_DEMO_WEBHOOK_URL
AGGPAY_MERCHANT_URL=$(addresses merchant-service)
AGGPAY_ORDER_URL=$(addresses order-service)
AGGPAY_ROUTER_URL=$(addresses channel-router-service)
AGGPAY_NOTIFY_URL=$(addresses notify-service)
AGGPAY_SIMULATOR_URL="http://127.0.0.1:$(port_of channel-simulator)"
# where wallets and payers come back to: the first gateway stands for the public address an Ingress would have
AGGPAY_PUBLIC_BASE_URL="${AGGPAY_PUBLIC_BASE_URL:-http://127.0.0.1:$(port_of gateway-service)}"
AGGPAY_DEMO_WEBHOOK_URL="${AGGPAY_DEMO_WEBHOOK_URL:-http://127.0.0.1:$WEBHOOK_RECEIVER_PORT/webhooks}"

for entry in "${INSTANCES[@]}"; do
  read -r name module port <<<"$entry"
  if alive "$name"; then
    log "$name already running (pid $(cat "$RUN/$name.pid")); it keeps the addresses it started with"
    continue
  fi
  if listening "$port"; then
    log "port $port is taken by a process up.sh did not start; stop it first (it would answer as $name)"
    exit 1
  fi
  log "starting $name on $port"
  # shellcheck disable=SC2086
  SERVER_PORT="$port" MANAGEMENT_PORT=$((port + 10000)) nohup java $JAVA_OPTS -jar "$(jar_of "$module")" \
    >"$LOGS/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
done

if ! alive webhook-receiver && ! listening "$WEBHOOK_RECEIVER_PORT"; then
  log "starting the demo webhook receiver on $WEBHOOK_RECEIVER_PORT"
  nohup python3 "$ROOT/deploy/local/webhook-receiver.py" --port "$WEBHOOK_RECEIVER_PORT" \
    >"$LOGS/webhook-receiver.log" 2>&1 &
  echo $! >"$RUN/webhook-receiver.pid"
fi

# Readiness on the service port (/readyz, open without a service token); the simulator only has Actuator's health.
healthy() { # port module
  local path=/readyz
  [ "$2" = channel-simulator ] && path=/actuator/health
  curl -fsS "http://127.0.0.1:$1$path" 2>/dev/null | grep -q '"status":"UP"'
}
deadline=$((SECONDS + ${AGGPAY_START_TIMEOUT:-240}))
for entry in "${INSTANCES[@]}"; do
  read -r name module port <<<"$entry"
  printf '[up] waiting for %s ' "$name"
  until healthy "$port" "$module"; do
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
    config="$ROOT/deploy/monitoring/prometheus.yml"
    if [ "$REPLICAS" -gt 1 ] || [ "$PORT_OFFSET" -ne 0 ]; then
      # the same scrape job over every replica's management port (and the same alert rules)
      config="$LOCAL/prometheus/prometheus.yml"
      {
        sed -e '/^rule_files:/,$d' "$ROOT/deploy/monitoring/prometheus.yml"
        printf 'rule_files:\n  - %s/deploy/monitoring/alerts/*.yml\n' "$ROOT"
        printf 'scrape_configs:\n  - job_name: aggpay\n    metrics_path: /actuator/prometheus\n    static_configs:\n'
        for entry in "${INSTANCES[@]}"; do
          read -r name module port <<<"$entry"
          replicated "$module" || continue
          printf '      - targets: ["127.0.0.1:%s"]\n        labels: {service: %s, instance_name: %s}\n' \
            $((port + 10000)) "$module" "$name"
        done
      } >"$config"
    fi
    nohup prometheus --config.file="$config" --storage.tsdb.path="$LOCAL/prometheus" \
      --web.listen-address=127.0.0.1:$((9095 + PORT_OFFSET)) >"$LOGS/prometheus.log" 2>&1 &
    echo $! >"$RUN/prometheus.pid"
  fi
  until curl -fsS "http://127.0.0.1:$((9095 + PORT_OFFSET))/-/ready" >/dev/null 2>&1; do
    alive prometheus || { log "prometheus exited; see $LOGS/prometheus.log"; tail -20 "$LOGS/prometheus.log"; exit 1; }
    sleep 1
  done
  log "Prometheus at http://127.0.0.1:$((9095 + PORT_OFFSET)) (targets: /targets, alert rules: /alerts; dashboard JSON for Grafana: deploy/monitoring/grafana)"
fi

GW=$(port_of gateway-service)
SIM=$(port_of channel-simulator)
replicas_line=""
if [ "$REPLICAS" -gt 1 ]; then
  replicas_line="  Replicas ($REPLICAS of each)  gateways $(addresses gateway-service | tr ',' ' ')
                           order-service $AGGPAY_ORDER_URL (and so on: AGGPAY_*_URL)
"
fi
cat <<TXT

AggPay is running (local mode, demo data seeded).
  Merchant API (gateway)   http://127.0.0.1:$GW/api/v1
  Merchant portal          http://127.0.0.1:$GW/portal/   (demo login demo@aggpay.local / demo-merchant-local-only, or sign up)
  Operator console         http://127.0.0.1:$GW/admin/    (admin / admin-local-only)
  merchant / order / router / notify services   :$(port_of merchant-service) / :$(port_of order-service) / :$(port_of channel-router-service) / :$(port_of notify-service) (internal)
  Channel simulator        http://127.0.0.1:$SIM   (hooks: /_sim/pay, /_sim/trades, /_sim/faults)
  Demo webhook receiver    http://127.0.0.1:$WEBHOOK_RECEIVER_PORT/webhooks   (log: $LOGS/webhook-receiver.log)
  Metrics (loopback only)  http://127.0.0.1:$(($(port_of order-service) + 10000))/actuator/prometheus (management port = service port + 10000)
${replicas_line}  Logs and PIDs            $LOGS, $RUN

Try it (demo app demo-app; deploy/local/aggpay-call.sh signs like a merchant would):
  deploy/local/aggpay-call.sh POST /api/v1/pay/orders \\
    '{"mch_order_no":"A$(date +%s)","amount":1234,"pay_way":"WX_NATIVE","subject":"Latte","notify_url":"http://127.0.0.1:$WEBHOOK_RECEIVER_PORT/webhooks"}'
  curl -s -X POST http://127.0.0.1:$SIM/_sim/pay -H 'Content-Type: application/json' -d '{"pay_data":"<pay_data of the order>"}'
  deploy/local/aggpay-call.sh GET '/api/v1/pay/orders?mch_order_no=<the mch_order_no>'
Stop everything with deploy/local/down.sh
TXT
