#!/usr/bin/env bash
# The README's test command: makes sure MariaDB, Redis and Kafka are there (starting what is missing),
# then runs every unit, integration and end-to-end test of the project.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=infra.sh
source "$ROOT/deploy/local/infra.sh"
ensure_infra
cd "$ROOT"
exec ./mvnw -B verify "$@"
