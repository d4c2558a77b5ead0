#!/usr/bin/env bash
# Builds the container images of the six services as OCI image tars with Jib, without a Docker daemon or a registry:
#   deploy/images/target/<service>.tar   (image aggpay/<service>:<project version>; load it with docker/podman load)
# Steps: the runtime layer from this machine's JDK (runtime.sh), the parent and contracts installed, the services
# compiled (the gateway with its web front ends), then jib:buildTar per service with that service's ports.
# After a first run has filled ~/.m2, `--offline` builds with no network at all.
# Usage: deploy/images/build.sh [--offline] [<service>...]   (default: all six; README.md in this folder)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../local/services.sh
source "$ROOT/deploy/local/services.sh"
OUT="$ROOT/deploy/images/target"
log() { printf '[images] %s\n' "$*"; }

mvn_flags=(-B -q)
wanted=()
for arg in "$@"; do
  case "$arg" in
    --offline) mvn_flags+=(-o) ;;
    -*) echo "usage: $0 [--offline] [<service>...]" >&2; exit 2 ;;
    *) wanted+=("$arg") ;;
  esac
done

# name, module, service port; Actuator listens on service port + 10000 (MANAGEMENT_PORT), but the simulator has a
# single port for both
selected=()
for entry in "${SERVICES[@]}"; do
  read -r name module port <<<"$entry"
  if [ ${#wanted[@]} -eq 0 ] || [[ " ${wanted[*]} " == *" $name "* ]]; then
    selected+=("$entry")
  fi
done
[ ${#selected[@]} -gt 0 ] || { log "no such service: ${wanted[*]}"; exit 2; }
modules=$(for entry in "${selected[@]}"; do read -r _ module _ <<<"$entry"; printf '%s,' "$module"; done)
modules="${modules%,}"

"$ROOT/deploy/images/runtime.sh" "$OUT"
mkdir -p "$OUT/no-extra"
revision="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"

cd "$ROOT"
log "installing the parent and contracts, compiling $modules"
./mvnw "${mvn_flags[@]}" -DskipTests -pl contracts -am install
./mvnw "${mvn_flags[@]}" -DskipTests -pl "$modules" compile

for entry in "${selected[@]}"; do
  read -r name module port <<<"$entry"
  ports="$port,$((port + 10000))"
  [ "$name" = channel-simulator ] && ports="$port"
  extra="$OUT/no-extra"
  [ "$name" = merchant-service ] && extra="$OUT/fonts"
  log "image of $name (ports $ports)"
  start=$SECONDS
  ./mvnw "${mvn_flags[@]}" -Pimages -pl "$module" jib:buildTar \
    -Djib.container.ports="$ports" -Daggpay.image.extra="$extra" -Daggpay.image.revision="$revision"
  log "  $OUT/$name.tar ($(du -h "$OUT/$name.tar" | cut -f1), $((SECONDS - start)) s, $(cat "$OUT/$name.digest"))"
done
log "done; check them with deploy/images/check.sh"
