#!/usr/bin/env python3
"""A merchant's webhook endpoint for local demos: verifies Aggpay-Signature with the demo webhook secret
(API.md, "Webhooks to merchants"), logs each delivery, answers 200, and lists what it received at GET /webhooks."""
import argparse
import hashlib
import hmac
import json
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = os.environ.get("AGGPAY_WEBHOOK_SECRET", "demo-webhook-secret-0123456789ab").encode()
TOLERANCE = 300
received = []


def verify(header, body):
    parts = dict(p.split("=", 1) for p in (header or "").split(",") if "=" in p)
    try:
        t = int(parts["t"])
    except (KeyError, ValueError):
        return False
    expected = hmac.new(SECRET, f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return abs(time.time() - t) <= TOLERANCE and hmac.compare_digest(expected, parts.get("v1", ""))


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        ok = verify(self.headers.get("Aggpay-Signature"), body)
        try:
            event = json.loads(body)
        except ValueError:
            event = {}
        entry = {"event_id": self.headers.get("Aggpay-Event-Id"), "type": event.get("type"),
                 "pay_order_id": (event.get("data") or {}).get("pay_order_id"),
                 "state": (event.get("data") or {}).get("state"), "signature_valid": ok}
        received.append(entry)
        print(json.dumps(entry), flush=True)
        self.send_response(200 if ok else 400)
        self.end_headers()

    def do_GET(self):
        data = json.dumps(received).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8099)
    port = parser.parse_args().port
    print(f"webhook receiver on http://127.0.0.1:{port}/webhooks", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
