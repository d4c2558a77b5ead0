#!/usr/bin/env bash
# Makes sure the infrastructure AggPay needs is listening, starting only what is missing:
#   MariaDB on 3306 (and the aggpay database user), Redis on 6379, a real Kafka KRaft broker on 9092.
# Whatever this script starts is recorded in .local/run/*.pid, so that down.sh stops exactly that.
# Usage: deploy/local/infra.sh   (sourced by up.sh and test.sh, or run alone)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# AGGPAY_LOCAL_DIR: where logs, PID files and downloaded infrastructure go (default .local); a second platform on one
# machine (the replicas test) keeps its own.
LOCAL="${AGGPAY_LOCAL_DIR:-$ROOT/.local}"
RUN="$LOCAL/run"
LOGS="$LOCAL/logs"
mkdir -p "$RUN" "$LOGS"

DB_USER="${AGGPAY_DB_USER:-aggpay}"
DB_PASSWORD="${AGGPAY_DB_PASSWORD:-aggpay}"
KAFKA_VERSION_DIR="$LOCAL/kafka"

log() { printf '[infra] %s\n' "$*"; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # port seconds what
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    listening "$1" && return 0
    sleep 0.2
  done
  log "$3 did not start listening on port $1 within $2 s"
  return 1
}

ensure_mariadb() {
  if listening 3306; then
    log "MariaDB already listening on 3306"
  else
    command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || {
      log "installing MariaDB from Debian packages"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
    }
    log "starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --make-pidfile --pidfile "$RUN/mariadb.pid" \
      --exec /usr/sbin/mariadbd -- --user=mysql
    wait_for_port 3306 60 MariaDB
  fi
  # root logs in through the unix socket only; JDBC needs a password user
  local sql="CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
             CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
             GRANT ALL ON *.* TO '$DB_USER'@'127.0.0.1'; GRANT ALL ON *.* TO '$DB_USER'@'localhost'; FLUSH PRIVILEGES;"
  if mariadb -u root -e "SELECT 1" >/dev/null 2>&1; then
    mariadb -u root -e "$sql"
  elif mariadb -h 127.0.0.1 -u "$DB_USER" -p"$DB_PASSWORD" -e "SELECT 1" >/dev/null 2>&1; then
    : # the user exists already
  else
    log "cannot log in to MariaDB as root over the socket to create user '$DB_USER'"
    return 1
  fi
  log "database user '$DB_USER' ready"
}

ensure_redis() {
  if listening 6379; then
    log "Redis already listening on 6379"
    return 0
  fi
  command -v redis-server >/dev/null || {
    log "installing Redis from Debian packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  }
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir "$LOCAL" --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log"
  wait_for_port 6379 20 Redis
}

# Kafka requires SASL: only clients holding a platform credential can publish the events that become signed webhooks.
# Local credentials (the services' local and test profiles use the same): user "aggpay", password below.
KAFKA_USER="${AGGPAY_KAFKA_USERNAME:-aggpay}"
KAFKA_PASSWORD="${AGGPAY_KAFKA_PASSWORD:-aggpay-local-only-kafka}"

ensure_kafka() {
  local data="$KAFKA_VERSION_DIR/data" props="$KAFKA_VERSION_DIR/server.properties"
  if listening 9092; then
    # A broker this script started before Kafka required SASL would refuse nobody: replace it.
    if [ -f "$RUN/kafka.pid" ] && kill -0 "$(cat "$RUN/kafka.pid")" 2>/dev/null && ! grep -q SASL_PLAINTEXT "$props" 2>/dev/null; then
      log "restarting the local Kafka with SASL required"
      kill "$(cat "$RUN/kafka.pid")"
      for _ in $(seq 1 100); do listening 9092 || break; sleep 0.2; done
    else
      log "Kafka already listening on 9092"
      return 0
    fi
  fi
  local libs="$KAFKA_VERSION_DIR/libs"
  if [ ! -f "$libs/.complete" ]; then
    log "fetching the Kafka broker jars from Maven Central"
    "$ROOT/mvnw" -B -q -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$libs" -DincludeScope=runtime
    touch "$libs/.complete"
  fi
  local admin_password
  admin_password=$(cat "$KAFKA_VERSION_DIR/admin.password" 2>/dev/null || true)
  if [ -z "$admin_password" ]; then
    admin_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    (umask 077 && printf '%s' "$admin_password" >"$KAFKA_VERSION_DIR/admin.password")
  fi
  (umask 077 && cat >"$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=SASL_PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_PLAINTEXT://localhost:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=PLAIN
sasl.mechanism.inter.broker.protocol=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \
  username="admin" password="$admin_password" user_admin="$admin_password" user_$KAFKA_USER="$KAFKA_PASSWORD";
log.dirs=$data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  )
  if [ ! -f "$data/meta.properties" ]; then
    local id
    id=$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$libs/*" kafka.tools.StorageTool format -t "$id" -c "$props" >"$LOGS/kafka-format.log" 2>&1
  fi
  log "starting Kafka (KRaft, SASL required) on 9092"
  nohup java -Xms128m -Xmx512m -cp "$libs/*" kafka.Kafka "$props" >"$LOGS/kafka.log" 2>&1 &
  echo $! >"$RUN/kafka.pid"
  wait_for_port 9092 60 Kafka
}

ensure_infra() {
  ensure_mariadb
  ensure_redis
  ensure_kafka
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_infra
fi
