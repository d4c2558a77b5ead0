#!/usr/bin/env bash
# The platform's processes in local mode: name, module, port, in start order. Sourced by up.sh and down.sh.
# AGGPAY_PORT_OFFSET (default 0) moves every port, so a second platform can run beside the first (the replicas test).
# shellcheck disable=SC2034
PORT_OFFSET=${AGGPAY_PORT_OFFSET:-0}
SERVICES=(
  "channel-simulator channel-simulator $((9090 + PORT_OFFSET))"
  "merchant-service merchant-service $((8081 + PORT_OFFSET))"
  "channel-router-service channel-router-service $((8083 + PORT_OFFSET))"
  "order-service order-service $((8082 + PORT_OFFSET))"
  "notify-service notify-service $((8084 + PORT_OFFSET))"
  "gateway-service gateway-service $((8080 + PORT_OFFSET))"
)
WEBHOOK_RECEIVER_PORT=$((8099 + PORT_OFFSET))
# Replica r (from 2) of a platform service listens 100 * (r - 1) above the first one; the simulator stands in for the
# wallets and runs once. Every service's Actuator answers on its port + 10000 (loopback).
REPLICA_PORT_STEP=100
replicated() { [ "$1" != channel-simulator ]; }
