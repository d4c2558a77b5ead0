#!/usr/bin/env bash
# The platform's processes in local mode: name, module, port, in start order. Sourced by up.sh and down.sh.
# shellcheck disable=SC2034
SERVICES=(
  "channel-simulator channel-simulator 9090"
  "merchant-service merchant-service 8081"
  "channel-router-service channel-router-service 8083"
  "order-service order-service 8082"
  "notify-service notify-service 8084"
  "gateway-service gateway-service 8080"
)
WEBHOOK_RECEIVER_PORT=8099
