#!/usr/bin/env bash
# A signed merchant API call, as a merchant's server makes it (API.md, "Authentication"), for trying the platform.
# Usage: deploy/local/aggpay-call.sh METHOD PATH_AND_QUERY [JSON_BODY]
#   env: AGGPAY_URL (http://127.0.0.1:8080), AGGPAY_APP_ID (demo-app), AGGPAY_APP_SECRET (the demo secret)
# Prints the response headers and body, and whether the response signature verifies.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,5p' "$0"; exit 2; }
METHOD=$1 PATH_Q=$2 BODY=${3:-}
URL=${AGGPAY_URL:-http://127.0.0.1:8080}
APP_ID=${AGGPAY_APP_ID:-demo-app}
SECRET=${AGGPAY_APP_SECRET:-demo-app-secret-0123456789abcdef}
TS=$(date +%s)
NONCE=$(openssl rand -hex 8)
SIG=$(printf '%s\n%s\n%s\n%s\n%s\n' "$METHOD" "$PATH_Q" "$TS" "$NONCE" "$BODY" \
      | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 -w0)
AUTH="AGGPAY-HMAC-SHA256 app_id=\"$APP_ID\",timestamp=\"$TS\",nonce=\"$NONCE\",signature=\"$SIG\""
HDRS=$(mktemp) OUT=$(mktemp)
trap 'rm -f "$HDRS" "$OUT"' EXIT
args=(-sS -X "$METHOD" "$URL$PATH_Q" -H "Authorization: $AUTH" -D "$HDRS" -o "$OUT")
[ -n "$BODY" ] && args+=(-H 'Content-Type: application/json' --data-binary "$BODY")
curl "${args[@]}"
cat "$HDRS"; cat "$OUT"; echo
rts=$(grep -i '^Aggpay-Timestamp:' "$HDRS" | cut -d' ' -f2 | tr -d '\r')
rnonce=$(grep -i '^Aggpay-Nonce:' "$HDRS" | cut -d' ' -f2 | tr -d '\r')
rsig=$(grep -i '^Aggpay-Signature:' "$HDRS" | cut -d' ' -f2 | tr -d '\r')
if [ -n "$rsig" ]; then
  expect=$( { printf '%s\n%s\n' "$rts" "$rnonce"; cat "$OUT"; printf '\n'; } | openssl dgst -sha256 -hmac "$SECRET" -binary | base64 -w0)
  [ "$expect" = "$rsig" ] && echo "# response signature: valid" || echo "# response signature: INVALID"
else
  echo "# response signature: missing"
fi
