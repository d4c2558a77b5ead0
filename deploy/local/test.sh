#!/usr/bin/env bash
# The README's test command: makes sure MariaDB, Redis, Kafka and Chromium are there (starting what is missing),
# then runs every unit, integration and end-to-end test of the project, and (without arguments) builds and checks the
# container images and the compose file. Arguments go to Maven (e.g. -pl order-service) and skip the image checks.
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
# The manifests' test (deploy/e2e-tests KubernetesManifestsTest) renders deploy/k8s with `kubectl kustomize`. Installed
# here when missing: `kubectl` where an apt source has it, else Debian's own package of it, kubernetes-client.
if ! command -v kubectl >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  log "installing kubectl for the Kubernetes manifests' test"
  apt-get update -qq && { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null 2>&1 ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null; }
fi
# Test and end-to-end schemas are throwaway: start every run from empty ones (never touches the local platform's
# aggpay_* schemas).
for db in $(mariadb -h 127.0.0.1 -u "$DB_USER" -p"$DB_PASSWORD" -N -e \
              "SELECT schema_name FROM information_schema.schemata
                WHERE schema_name LIKE 'aggpaytest%' OR schema_name LIKE 'aggpaye2e%'"); do
  mariadb -h 127.0.0.1 -u "$DB_USER" -p"$DB_PASSWORD" -e "DROP DATABASE \`$db\`"
done
cd "$ROOT"
./mvnw -B verify "$@"
# The whole suite (no arguments) also builds the container images without Docker and checks them (run one from its
# layers, as a container runtime would), and checks the compose file: deploy/images/README.md, deploy/compose/README.md.
if [ $# -eq 0 ]; then
  log "container images: deploy/images/build.sh, then deploy/images/check.sh"
  "$ROOT/deploy/images/build.sh"
  "$ROOT/deploy/images/check.sh"
  python3 "$ROOT/deploy/compose/check.py"
fi
