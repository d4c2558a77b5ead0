#!/usr/bin/env bash
# Builds the three front ends (portal, admin, cashier) into web/dist (run by gateway-service's Maven build; also by hand).
# Uses the machine's Node and npm: nothing here downloads a Node binary.
set -euo pipefail
cd "$(dirname "$0")"

# npm ci only when node_modules is missing or older than the lock file (npm ci writes node_modules/.package-lock.json).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Rebuild only when something the build reads changed since the last good build.
stamp=.build-stamp
if [ -f "$stamp" ] && [ -f dist/portal/index.html ] && [ -f dist/admin/index.html ] && [ -f dist/cashier/index.html ] \
   && [ -z "$(find src portal admin cashier vite.config.ts tsconfig.json package.json package-lock.json -newer "$stamp" -print -quit)" ]; then
  echo "web: dist is up to date"
  exit 0
fi
npm run build # type-checks all of src/, builds portal, admin and cashier
touch "$stamp"
