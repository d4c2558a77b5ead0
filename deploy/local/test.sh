#!/usr/bin/env bash
# The README's test command: makes sure MariaDB, Redis and Kafka are there (starting what is missing),
# then runs every unit, integration and end-to-end test of the project.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=infra.sh
source "$ROOT/deploy/local/infra.sh"
ensure_infra
# Test and end-to-end schemas are throwaway: start every run from empty ones (never touches the local platform's
# aggpay_* schemas).
for db in $(mariadb -h 127.0.0.1 -u "$DB_USER" -p"$DB_PASSWORD" -N -e \
              "SELECT schema_name FROM information_schema.schemata
                WHERE schema_name LIKE 'aggpaytest%' OR schema_name LIKE 'aggpaye2e%'"); do
  mariadb -h 127.0.0.1 -u "$DB_USER" -p"$DB_PASSWORD" -e "DROP DATABASE \`$db\`"
done
cd "$ROOT"
exec ./mvnw -B verify "$@"
