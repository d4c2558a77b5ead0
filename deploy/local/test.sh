#!/usr/bin/env bash
# The README's test command: makes sure MariaDB, Redis, Kafka and Chromium are there (starting what is missing),
# then runs every unit, integration and end-to-end test of the project.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=infra.sh
source "$ROOT/deploy/local/infra.sh"
ensure_infra
# The browser tests (deploy/e2e-tests PortalBrowserE2EIT) drive Debian's Chromium with playwright-core; CJK fonts so
# the Chinese pages render as a user sees them. Installed here when missing and this user may install packages.
if { [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; } && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  log "installing Debian's chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
# Test and end-to-end schemas are throwaway: start every run from empty ones (never touches the local platform's
# aggpay_* schemas).
for db in $(mariadb -h 127.0.0.1 -u "$DB_USER" -p"$DB_PASSWORD" -N -e \
              "SELECT schema_name FROM information_schema.schemata
                WHERE schema_name LIKE 'aggpaytest%' OR schema_name LIKE 'aggpaye2e%'"); do
  mariadb -h 127.0.0.1 -u "$DB_USER" -p"$DB_PASSWORD" -e "DROP DATABASE \`$db\`"
done
cd "$ROOT"
exec ./mvnw -B verify "$@"
