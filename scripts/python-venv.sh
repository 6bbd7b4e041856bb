#!/usr/bin/env bash
# Prints the path of a Python that has what the scripts need — the official MCP client (interop.py) and
# `cryptography` (team_server.py mints RS256 tokens) — making .build/interop-venv from PyPI when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/interop-venv
if [ ! -x "$venv/bin/pip" ] && ! { rm -rf "$venv"; python3 -m venv "$venv" 2>/dev/null; }; then
    # Debian's own python3 keeps venv in a package of its own.
    if [ "$(id -u)" -ne 0 ]; then
        echo "python-venv: python3 cannot create a virtual environment; install python3-venv" >&2
        exit 1
    fi
    rm -rf "$venv"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv >&2
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "mcp==2.3.0" "jsonschema>=4" "cryptography>=42" >&2
echo "$PWD/$venv/bin/python"
