#!/usr/bin/env bash
# Checks payment-ops against the official MCP Python SDK client, in both protocol eras, with an approved
# refund against the loopback Stripe fake. Installs the client into .build/interop-venv (from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product payment-ops >&2
swift build -c release --product stripe-fake >&2
bin=$(swift build -c release --show-bin-path)
venv=.build/interop-venv
if [ ! -x "$venv/bin/pip" ] && ! { rm -rf "$venv"; python3 -m venv "$venv" 2>/dev/null; }; then
    # Debian's own python3 keeps venv in a package of its own.
    if [ "$(id -u)" -ne 0 ]; then
        echo "interop: python3 cannot create a virtual environment; install python3-venv" >&2
        exit 1
    fi
    rm -rf "$venv"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv >&2
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "mcp==2.3.0" "jsonschema>=4"
exec "$venv/bin/python" scripts/interop.py --binary "$bin/payment-ops" --stripe-fake "$bin/stripe-fake"
