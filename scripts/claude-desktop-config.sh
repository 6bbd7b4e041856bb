#!/usr/bin/env bash
# Prints the Claude Desktop "mcpServers" entry for this checkout, with absolute paths.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.build/release/payment-ops"
[ -x "$bin" ] || echo "note: $bin is not built yet; run scripts/setup.sh" >&2

cat <<JSON
{
  "mcpServers": {
    "payment-ops": {
      "command": "$bin",
      "args": ["serve"],
      "env": {
        "STRIPE_API_KEY": "rk_test_REPLACE_WITH_YOUR_TEST_KEY",
        "DATABASE_URL": "sqlite:///$root/payments.db"
      }
    }
  }
}
JSON

cat >&2 <<'WHERE'

Merge the entry above into Claude Desktop's config file, then quit and reopen Claude Desktop:
  macOS:   ~/Library/Application Support/Claude/claude_desktop_config.json
  Windows: %APPDATA%\Claude\claude_desktop_config.json
  Linux:   ~/.config/Claude/claude_desktop_config.json
WHERE
