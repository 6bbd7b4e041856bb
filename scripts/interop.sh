#!/usr/bin/env bash
# Checks payment-ops against the official MCP Python SDK client, in both protocol eras, with an approved
# refund against the loopback Stripe fake. Installs the client into .build/interop-venv (from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product payment-ops >&2
swift build -c release --product stripe-fake >&2
bin=$(swift build -c release --show-bin-path)
venv=.build/interop-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "mcp==2.3.0" "jsonschema>=4"
exec "$venv/bin/python" scripts/interop.py --binary "$bin/payment-ops" --stripe-fake "$bin/stripe-fake"
