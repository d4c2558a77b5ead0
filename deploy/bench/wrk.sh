#!/usr/bin/env bash
# An independent throughput check with wrk: pre-signs --count distinct unified orders (demo app), then lets wrk
# replay them through the gateway, each once, and prints wrk's own throughput and latency distribution (--latency)
# followed by the answers by HTTP status. Needs a running platform (deploy/local/up.sh).
#   deploy/bench/wrk.sh [--connections 32] [--seconds 30] [--threads 2] [--count N] [--pay-way WX_NATIVE]
#                       [--gateway http://127.0.0.1:8080]
# wrk is closed-loop (see presigned.lua): compare its throughput with run.sh, judge latency by run.sh.
# The signatures are valid for 300 s from signing, so --seconds is at most 240. --count defaults to 2,000 per second
# of run; if wrk says a thread ran out, raise it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=classpath.sh
source "$ROOT/deploy/bench/classpath.sh"

connections=32 seconds=30 threads=2 count="" pay_way=WX_NATIVE gateway=http://127.0.0.1:8080
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections="$2" ;;
    --seconds) seconds="$2" ;;
    --threads) threads="$2" ;;
    --count) count="$2" ;;
    --pay-way) pay_way="$2" ;;
    --gateway) gateway="$2" ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 64 ;;
  esac
  shift 2
done
[ "$seconds" -le 240 ] || { echo "--seconds must be at most 240: the signatures expire 300 s after signing" >&2; exit 64; }
[ "$threads" -le "$connections" ] || threads="$connections"
count="${count:-$((seconds * 2000))}"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
curl -fsS -m 5 "$gateway/readyz" >/dev/null || { echo "$gateway/readyz does not answer: start the platform first" >&2; exit 1; }
bench_classpath

FILE="$(mktemp "${TMPDIR:-/tmp}/aggpay-presigned.XXXXXX")"
trap 'rm -f "$FILE"' EXIT
java -XX:+UseSerialGC -cp "$BENCH_CP" com.aggpay.bench.PresignRequests --count "$count" --out "$FILE" --pay-way "$pay_way"
echo "[wrk] $count pre-signed creates; wrk -t $threads -c $connections -d ${seconds}s against $gateway"
wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 30s --latency \
  -s "$ROOT/deploy/bench/presigned.lua" "$gateway" -- "$FILE" "$threads"
