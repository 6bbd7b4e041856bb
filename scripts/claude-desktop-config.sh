#!/usr/bin/env bash
# Prints the Claude Desktop "mcpServers" entry for this checkout, with absolute paths.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.build/release/payment-ops"
[ -x "$bin" ] || echo "note: $bin is not built yet; run scripts/setup.sh" >&2

# json.dumps escapes whatever the checkout's path holds (quotes, backslashes).
python3 - "$bin" "$root/payments.db" <<'PYTHON'
import json, sys
binary, database = sys.argv[1], sys.argv[2]
entry = {
    "command": binary,
    "args": ["serve"],
    "env": {"STRIPE_API_KEY": "rk_test_REPLACE_WITH_YOUR_TEST_KEY", "DATABASE_URL": "sqlite:///" + database},
}
print(json.dumps({"mcpServers": {"payment-ops": entry}}, indent=2))
PYTHON

cat >&2 <<'WHERE'

Merge the entry above into Claude Desktop's config file, then quit and reopen Claude Desktop:
  macOS:   ~/Library/Application Support/Claude/claude_desktop_config.json
  Linux:   ~/.config/Claude/claude_desktop_config.json
(payment-ops builds on Linux and macOS; on Windows, run it inside WSL and use "wsl" as the command.)
WHERE
