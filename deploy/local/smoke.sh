#!/usr/bin/env bash
# One payment through a running local platform, as a newcomer would try it after deploy/local/up.sh: a signed order,
# paid in the simulated wallet, SUCCESS, and one signed payment.succeeded webhook at the demo receiver. Exits non-zero
# (with what it saw) on any difference. Used by .ci/run on its fresh clone, before the tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CALL="$ROOT/deploy/local/aggpay-call.sh"
RECEIVER=http://127.0.0.1:8099/webhooks
fail() { echo "[smoke] FAILED: $*" >&2; exit 1; }

NO="SMOKE$(date +%s)$RANDOM"
created=$("$CALL" POST /api/v1/pay/orders \
  "{\"mch_order_no\":\"$NO\",\"amount\":1234,\"pay_way\":\"WX_NATIVE\",\"subject\":\"Smoke latte\",\"notify_url\":\"$RECEIVER\"}")
echo "$created" | grep -q '^HTTP/1.1 201' || fail "create did not answer 201: $created"
echo "$created" | grep -q '# response signature: valid' || fail "the answer's signature does not verify: $created"
body=$(echo "$created" | grep '^{' | head -1)
pay_data=$(printf '%s' "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pay_data"])')
order_id=$(printf '%s' "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pay_order_id"])')
echo "[smoke] order $order_id created, paying it in the simulator"
curl -fsS -X POST http://127.0.0.1:9090/_sim/pay -H 'Content-Type: application/json' \
  -d "{\"pay_data\":\"$pay_data\"}" >/dev/null || fail "the simulator refused to pay $pay_data"
for _ in $(seq 1 60); do
  state=$("$CALL" GET "/api/v1/pay/orders/$order_id" | grep '^{' | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
  [ "$state" = SUCCESS ] && break
  sleep 0.5
done
[ "$state" = SUCCESS ] || fail "order $order_id is $state, not SUCCESS, 30 s after it was paid"
# Webhooks of one merchant are delivered a few at a time: leave room for a backlog left by earlier local runs.
for _ in $(seq 1 240); do
  hooks=$(curl -fsS "$RECEIVER" | python3 -c '
import json,sys
ids=sys.argv[1]
got=[e for e in json.load(sys.stdin) if ids in json.dumps(e)]
print(len(got), all(e.get("signature_valid") for e in got))' "$order_id")
  [ "${hooks%% *}" -ge 1 ] && break
  sleep 0.5
done
[ "$hooks" = "1 True" ] || fail "expected one webhook with a valid signature for $order_id, saw: $hooks"
echo "[smoke] order $order_id paid: SUCCESS, one signed payment.succeeded webhook"
# The web front ends are part of the front door too: served by the gateway, with their script bundles.
for page in portal admin; do
  html=$(curl -fsS "http://127.0.0.1:8080/$page/") || fail "/$page/ is not served"
  script=$(printf '%s' "$html" | grep -o "/$page/assets/[^\"]*\.js" | head -1)
  [ -n "$script" ] || fail "/$page/ names no script bundle"
  curl -fsS -o /dev/null "http://127.0.0.1:8080$script" || fail "/$page/ names $script, which is not served"
done
echo "[smoke] /portal/ and /admin/ served with their bundles"
# The demo store's code: a plain browser is asked to scan with a wallet, a wallet goes to its authorisation.
qr=$(curl -sS -o /dev/null -w '%{http_code}' -A 'Mozilla/5.0 Chrome/120.0' http://127.0.0.1:8080/qr/demo-store)
[ "$qr" = "200" ] || fail "/qr/demo-store answered $qr to a plain browser (expected the scan-with-a-wallet page)"
wx=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -A 'Mozilla/5.0 MicroMessenger/8.0.47' \
  http://127.0.0.1:8080/qr/demo-store)
case "$wx" in "302 "*"/oauth"*) ;; *) fail "/qr/demo-store did not send WeChat to its authorisation: $wx" ;; esac
curl -fsS "http://127.0.0.1:8080/cashier/store/demo-store" | grep -q '/cashier/assets/' \
  || fail "/cashier/store/demo-store does not serve the cashier page"
echo "[smoke] /qr/demo-store: the scan page for a browser, WeChat's authorisation for WeChat, the cashier page served"
