#!/usr/bin/env bash
# Builds the release binaries and benchmarks payment-ops as a client uses it; prints a table.
#   scripts/bench.sh           full sizes (a 1,000,000-order database; a few minutes)
#   scripts/bench.sh --quick   small sizes, only to show the benchmark still works
#   scripts/bench.sh --postgres URL [--postgres-only]   PostgreSQL figures too (psql loads the data)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product payment-ops >&2
swift build -c release --product stripe-fake >&2
bin=$(swift build -c release --show-bin-path)
# The team-server figures mint tokens with `cryptography`, which scripts/python-venv.sh installs.
python=$(scripts/python-venv.sh)
exec "$python" scripts/bench.py --binary "$bin/payment-ops" --stripe-fake "$bin/stripe-fake" "$@"
