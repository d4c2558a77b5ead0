#!/usr/bin/env bash
# Generates every local key file (layout: docs/internals.md, "Local key files") for the simulator's accounts.
# Idempotent: an account directory that already holds all its files is left alone, so running it again never
# invalidates keys a running platform or simulator already loaded. Never commit the output.
set -euo pipefail

DIR="${1:?usage: gen-keys.sh <keys-dir>}"
WX_MCHIDS=(1900000001 1900000002)
ALI_APP_IDS=(2021000000000001 2021000000000002)
WX_FILES=(merchant_private.pem merchant_public.pem merchant_serial.txt wechatpay_private.pem wechatpay_public.pem
          wechatpay_public_key_id.txt apiv3_key.txt)
ALI_FILES=(app_private.pem app_public.pem alipay_private.pem alipay_public.pem)
WX2_MCH_IDS=(1900000003)
WX2_FILES=(api_key.txt)
UP_MER_IDS=(777290058110001)
UP_FILES=(merchant_private.pem merchant_public.pem merchant_cert_id.txt unionpay_private.pem unionpay_public.pem
          unionpay_cert_id.txt)
PLATFORM_FILES=(platform-private.pem platform-public.pem)

command -v openssl >/dev/null || { echo "gen-keys.sh: openssl not found" >&2; exit 1; }
umask 077

complete() { # <dir> <files...>
  local d="$1"; shift
  for f in "$@"; do [[ -s "$d/$f" ]] || return 1; done
}

# RSA 2048, private key PKCS#8 PEM (OpenSSL 3 default for genpkey), public key X.509 SubjectPublicKeyInfo PEM.
keypair() { # <dir> <name>
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/$2_private.pem" 2>/dev/null
  openssl pkey -in "$1/$2_private.pem" -pubout -out "$1/$2_public.pem"
}

random_digits() { # <n>
  local s=""
  while (( ${#s} < $1 )); do s+=$(openssl rand -hex 64 | tr -dc '0-9'); done
  printf '%s' "${s:0:$1}"
}

random_alnum() { # <n>
  local s=""
  while (( ${#s} < $1 )); do s+=$(openssl rand -base64 64 | tr -dc 'A-Za-z0-9'); done
  printf '%s' "${s:0:$1}"
}

# Each account is built in a temp dir and moved into place, so an interrupted run leaves no half-written pair.
for mchid in "${WX_MCHIDS[@]}"; do
  target="$DIR/wxpay/$mchid"
  complete "$target" "${WX_FILES[@]}" && continue
  mkdir -p "$DIR/wxpay"
  tmp=$(mktemp -d "$DIR/wxpay/.tmp.XXXXXX")
  keypair "$tmp" merchant
  keypair "$tmp" wechatpay
  openssl rand -hex 20 | tr 'a-f' 'A-F' | tr -d '\n' > "$tmp/merchant_serial.txt"
  printf 'PUB_KEY_ID_01%s%s' "$mchid" "$(random_digits 20)" > "$tmp/wechatpay_public_key_id.txt"
  random_alnum 32 > "$tmp/apiv3_key.txt"
  rm -rf "$target"
  mv "$tmp" "$target"
  echo "gen-keys.sh: wrote $target"
done

for app_id in "${ALI_APP_IDS[@]}"; do
  target="$DIR/alipay/$app_id"
  complete "$target" "${ALI_FILES[@]}" && continue
  mkdir -p "$DIR/alipay"
  tmp=$(mktemp -d "$DIR/alipay/.tmp.XXXXXX")
  keypair "$tmp" app
  keypair "$tmp" alipay
  rm -rf "$target"
  mv "$tmp" "$target"
  echo "gen-keys.sh: wrote $target"
done

# WeChat Pay v2: one shared API key (32 characters) signs both ways (MD5 / HMAC-SHA256) and decrypts refund notices.
for mch_id in "${WX2_MCH_IDS[@]}"; do
  target="$DIR/wxpay2/$mch_id"
  complete "$target" "${WX2_FILES[@]}" && continue
  mkdir -p "$DIR/wxpay2"
  tmp=$(mktemp -d "$DIR/wxpay2/.tmp.XXXXXX")
  random_alnum 32 > "$tmp/api_key.txt"
  rm -rf "$target"
  mv "$tmp" "$target"
  echo "gen-keys.sh: wrote $target"
done

# UnionPay: the merchant's signing key (its certificate's id goes in certId) and UnionPay's own signing key.
for mer_id in "${UP_MER_IDS[@]}"; do
  target="$DIR/unionpay/$mer_id"
  complete "$target" "${UP_FILES[@]}" && continue
  mkdir -p "$DIR/unionpay"
  tmp=$(mktemp -d "$DIR/unionpay/.tmp.XXXXXX")
  keypair "$tmp" merchant
  keypair "$tmp" unionpay
  random_digits 11 > "$tmp/merchant_cert_id.txt"
  random_digits 11 > "$tmp/unionpay_cert_id.txt"
  rm -rf "$target"
  mv "$tmp" "$target"
  echo "gen-keys.sh: wrote $target"
done

# The platform's own key: the gateway signs its answers to RSA-signing apps with it (API.md); the public half is
# what GET /api/v1/platform/public-key serves.
target="$DIR/platform"
if ! complete "$target" "${PLATFORM_FILES[@]}"; then
  mkdir -p "$DIR"
  tmp=$(mktemp -d "$DIR/.tmp.platform.XXXXXX")
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/platform-private.pem" 2>/dev/null
  openssl pkey -in "$tmp/platform-private.pem" -pubout -out "$tmp/platform-public.pem"
  rm -rf "$target"
  mv "$tmp" "$target"
  echo "gen-keys.sh: wrote $target"
fi
