#!/usr/bin/env bash
# Calls one payment-ops tool and prints its answer: starts the server, initializes, calls, exits.
#   scripts/call.sh lookup_customer '{"email": "sarah@example.com"}'
# Settings come from the environment and ./.env as usual. PAYMENT_OPS_BIN picks another binary.
set -euo pipefail

if [ "$#" -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    echo "usage: scripts/call.sh TOOL ['JSON-ARGUMENTS']" >&2
    echo "  e.g. scripts/call.sh revenue_summary '{\"start_date\": \"2026-11-01\", \"end_date\": \"2026-11-30\"}'" >&2
    exit 2
fi
tool=$1
arguments=${2:-"{}"}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${PAYMENT_OPS_BIN:-"$root/.build/release/payment-ops"}
if [ ! -x "$bin" ]; then
    echo "call.sh: $bin not found; run scripts/setup.sh first" >&2
    exit 1
fi

{
    printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"call.sh","version":"1"}}}'
    printf '%s\n' '{"jsonrpc":"2.0","method":"notifications/initialized"}'
    printf '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"%s","arguments":%s}}\n' "$tool" "$arguments"
} | "$bin" | python3 -c '
import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if message.get("id") != 2:
        continue
    if "error" in message:
        print("protocol error:", json.dumps(message["error"], indent=2))
        sys.exit(1)
    result = message["result"]
    for block in result.get("content", []):
        if block.get("type") == "text":
            print(block["text"])
    if "structuredContent" in result:
        print(json.dumps(result["structuredContent"], indent=2, ensure_ascii=False))
    sys.exit(1 if result.get("isError") else 0)
print("no answer from the server", file=sys.stderr)
sys.exit(1)
'
