#!/usr/bin/env bash
# JMH micro-benchmark of the routing decision (RoutingDecision.order): every strategy x 2, 6 and 20 candidates,
# about two minutes with the default settings. Extra JMH options pass through, e.g.
#   deploy/bench/routing-jmh.sh -p strategy=SUCCESS_RATE -p size=20
#   JMH_OPTS='-f 2 -wi 5 -i 10' deploy/bench/routing-jmh.sh      # longer, for numbers worth comparing
# Prints JMH's table: average ns per decision with its 99.9 % error. Not part of mvn verify (no *Test name).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
MODULE=channel-router-service
# -am builds contracts from this checkout rather than trusting ~/.m2; the relative outputFile lands in each
# module's own target/, so the router's classpath is not overwritten by its upstream modules'
./mvnw -B -q -pl "$MODULE" -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt >/dev/null
# the benchmark runs from a private copy: a build started meanwhile in the same target/ (another engineer, an IDE)
# would otherwise delete the generated harness under the running forks
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -r "$MODULE/target/test-classes" "$STAGE/test-classes"
cp -r "$MODULE/target/classes" "$STAGE/classes"
[ -f "$STAGE/test-classes/META-INF/BenchmarkList" ] || { echo "no JMH harness was generated" >&2; exit 1; }
CP="$STAGE/test-classes:$STAGE/classes:$(cat "$MODULE/target/jmh-classpath.txt")"
# JMH refuses an option given twice, so the defaults are replaced as a whole through JMH_OPTS
read -r -a DEFAULTS <<< "${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1s -r 2s}"
java -cp "$CP" org.openjdk.jmh.Main RoutingDecisionBenchmark "${DEFAULTS[@]}" "$@"
