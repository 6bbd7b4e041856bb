#!/usr/bin/env bash
# Checks payment-ops against the official MCP Python SDK client, in both protocol eras, over stdio (with an approved
# refund against the loopback Stripe fake) and over Streamable HTTP with bearer tokens from a loopback test issuer.
# Installs the client into .build/interop-venv (from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product payment-ops >&2
swift build -c release --product stripe-fake >&2
bin=$(swift build -c release --show-bin-path)
python=$(scripts/python-venv.sh)
exec "$python" scripts/interop.py --binary "$bin/payment-ops" --stripe-fake "$bin/stripe-fake"
