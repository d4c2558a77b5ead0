#!/usr/bin/env bash
# Load against a running platform (start it with deploy/local/up.sh). Prints a Markdown report and writes
# deploy/bench/results/<UTC time>-<mode>.json and .md. Options pass through to com.aggpay.bench.LoadGenerator:
#   deploy/bench/run.sh --quick                                  # create mode, 500/s, 15 s warm-up, 45 s measured
#   deploy/bench/run.sh --mode create --rate 500 --warmup 20 --seconds 60 [--jfr channel-router-service]
#   deploy/bench/run.sh --mode cycle --rate 100 --seconds 60 --drain 30    # create → pay → signed webhook
#   deploy/bench/run.sh --mode webhooks [--healthy 70 --slow 10 --failing 10 --hanging 10 --rate 40 --seconds 60 \
#     --backlog 20000 --outage-events 5000 --outage 30]     # notify-service against many merchant endpoints
#   deploy/bench/run.sh --mode closed --workers 16 --seconds 40 --fault-account 1900000001 --fault-mode DOWN \
#     --fault-after 10 --fault-channel wxpay-a                             # closed loop, as in docs/benchmarks.md
# The open modes (create, cycle) send at a fixed rate whatever the answers' speed and measure latency from each
# arrival's intended start; they also report the CPU ms per order of every platform process, the driver included,
# and end with a VERDICT line against the goal (>= 500/s, p99 <= 200 ms, no errors, <= 4 ms CPU per order).
# BENCH_JAVA_OPTS replaces the driver's JVM options.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=classpath.sh
source "$ROOT/deploy/bench/classpath.sh"
bench_classpath

args=()
for arg in "$@"; do
  if [ "$arg" = --quick ]; then
    # under two minutes in all: 15 + 45 s of load, 10 s of after-run accounting, JVM start; later options win
    args+=(--mode create --rate 500 --warmup 15 --seconds 45)
  else
    args+=("$arg")
  fi
done
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx512m}"
exec java "${JAVA_OPTS[@]}" -cp "$BENCH_CP" com.aggpay.bench.LoadGenerator \
  --pid-dir "$ROOT/.local/run" --results "$ROOT/deploy/bench/results" "${args[@]}"
