#!/usr/bin/env bash
# Sourced by run.sh and wrk.sh (from the repository root): bench_classpath sets BENCH_CP to the bench's class path,
# building the contracts and bench jars (offline, tests skipped) only when one is missing or older than its sources,
# so a repeated run starts in a second instead of spending half a minute in Maven.

# The newest match of a glob, skipping test jars; empty when nothing matched (the glob stays literal then).
bench_jar_of() {
  local jar found=""
  for jar in "$@"; do
    case "$jar" in *-tests.jar | *'*'*) ;; *) [ -f "$jar" ] && found="$jar" ;; esac
  done
  echo "$found"
}

bench_classpath() {
  local contracts_jar bench_jar
  contracts_jar="$(bench_jar_of contracts/target/contracts-*.jar)"
  bench_jar="$(bench_jar_of deploy/bench/target/bench-*.jar)"
  if [ -z "$contracts_jar" ] || [ -z "$bench_jar" ] \
    || [ -n "$(find contracts/src/main contracts/pom.xml -newer "$contracts_jar" -type f -print -quit)" ] \
    || [ -n "$(find deploy/bench/src deploy/bench/pom.xml "$contracts_jar" -newer "$bench_jar" -type f -print -quit)" ]; then
    echo "[bench] building contracts and the bench (offline, tests skipped)" >&2
    ./mvnw -B -q -o -DskipTests install -pl contracts,deploy/bench >/dev/null
    contracts_jar="$(bench_jar_of contracts/target/contracts-*.jar)"
    bench_jar="$(bench_jar_of deploy/bench/target/bench-*.jar)"
  fi
  BENCH_CP="$bench_jar:$contracts_jar"
  if [ -z "$contracts_jar" ] || [ -z "$bench_jar" ]; then
    echo "[bench] missing a jar (contracts: '$contracts_jar', bench: '$bench_jar')" >&2
    return 1
  fi
  # the bench's runtime dependencies, at the versions deploy/bench/pom.xml resolves (httpclient5, httpcore5, slf4j and
  # kafka-clients from Spring Boot's BOM; kafka-clients' compression libraries are left out, the bench publishes
  # uncompressed); the offline build cannot list them (maven-dependency-plugin is not in ~/.m2)
  local dep jar
  for dep in org/hdrhistogram/HdrHistogram/2.2.2 \
    org/apache/httpcomponents/client5/httpclient5/5.5.2 \
    org/apache/httpcomponents/core5/httpcore5/5.3.6 \
    org/apache/httpcomponents/core5/httpcore5-h2/5.3.6 \
    org/slf4j/slf4j-api/2.0.20 \
    org/slf4j/slf4j-simple/2.0.20 \
    org/apache/kafka/kafka-clients/4.1.2; do
    jar="$HOME/.m2/repository/$dep/$(basename "$(dirname "$dep")")-$(basename "$dep").jar"
    if [ ! -f "$jar" ]; then
      echo "[bench] missing $jar: build once online (./mvnw -q -DskipTests install -pl contracts,deploy/bench)" >&2
      return 1
    fi
    BENCH_CP="$BENCH_CP:$jar"
  done
}
