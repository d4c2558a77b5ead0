#!/usr/bin/env bash
# Load generator against a running platform (start it with deploy/local/up.sh). Options pass through, e.g.
#   deploy/bench/run.sh --workers 32 --seconds 60 --pay-way ALI_QR
# Prints a Markdown report (throughput, p50/p95/p99/max latency, outcomes) to stdout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
./mvnw -B -q -DskipTests install -pl contracts,deploy/bench >/dev/null
# the contracts jar itself, not its test-jar (contracts-*-tests.jar sorts first)
CP="$ROOT/deploy/bench/target/classes:$(ls "$ROOT"/contracts/target/contracts-*.jar | grep -v -- '-tests\.jar$' | head -1)"
CP="$CP:$(find ~/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2 -name '*.jar' | head -1)"
exec java -cp "$CP" com.aggpay.bench.LoadGenerator "$@"
