#!/usr/bin/env bash
# Runs the README's hand-run commands against the loopback Stripe fake, so the README stays true:
# seed (twice), call.sh, the example request sessions, the Claude Desktop entry, doctor and reconcile.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product payment-ops >&2
swift build -c release --product stripe-fake >&2
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
fake_pid=
cleanup() {
    [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"$bin/stripe-fake" > "$work/fake.out" &
fake_pid=$!
for _ in $(seq 100); do [ -s "$work/fake.out" ] && break; sleep 0.1; done
grep -q '^STRIPE_API_BASE=http://127.0.0.1:' "$work/fake.out" || { echo "smoke: stripe-fake did not start" >&2; exit 1; }
export "$(cat "$work/fake.out")" STRIPE_API_KEY=sk_test_smoke DATABASE_URL="sqlite:///$work/payments.db"
export PAYMENT_OPS_BIN="$bin/payment-ops"

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
check() { echo "smoke: $*"; }

"$bin/payment-ops" seed 2> "$work/seed1.err" || fail "seed"
"$bin/payment-ops" seed 2> "$work/seed2.err" || fail "second seed"
grep -q "(0 new, 5 already there) and 13 payments (0 new, 13 already there)" "$work/seed2.err" \
    || fail "a second seed created something: $(tail -1 "$work/seed2.err")"
check "seed twice: 5 customers and 13 payments, nothing duplicated"

scripts/call.sh lookup_customer '{"email": "sarah@example.com"}' 2>/dev/null > "$work/lookup.out" || fail "call.sh"
grep -q '"stripe_customer_id": "cus_' "$work/lookup.out" || fail "lookup_customer did not join Stripe"
scripts/call.sh issue_refund '{"email": "sarah@example.com", "reason": "duplicate"}' 2>/dev/null > "$work/preview.out" \
    || fail "issue_refund preview"
token=$(grep -o '"confirmation_token": "rfa_[^"]*"' "$work/preview.out" | cut -d'"' -f4)
[ -n "$token" ] || fail "the preview carried no confirmation token"
scripts/call.sh issue_refund "{\"email\": \"sarah@example.com\", \"confirmed\": true, \"confirmation_token\": \"$token\"}" \
    2>/dev/null > "$work/refund.out" || fail "issue_refund confirm"
grep -q '"status": "refunded"' "$work/refund.out" || fail "the confirmed refund did not complete"
check "call.sh: lookup, preview, confirmed refund"

for session in scripts/requests/*.jsonl; do
    "$bin/payment-ops" < "$session" 2>/dev/null > "$work/session.out" || fail "$session"
    python3 -c '
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert lines, "no answer"
for line in lines:
    message = json.loads(line)
    assert message.get("jsonrpc") == "2.0" and "error" not in message, line
    assert not message.get("result", {}).get("isError"), line
' "$work/session.out" || fail "$session: not every line is a successful JSON-RPC answer"
done
check "scripts/requests sessions: every stdout line is a JSON-RPC answer"

scripts/claude-desktop-config.sh 2>/dev/null | python3 -c '
import json, sys
entry = json.load(sys.stdin)["mcpServers"]["payment-ops"]
assert entry["command"].endswith("/payment-ops") and entry["args"] == ["serve"], entry
' || fail "claude-desktop-config.sh"
check "claude-desktop-config.sh prints a valid mcpServers entry"

"$bin/payment-ops" doctor > "$work/doctor.out" || fail "doctor: $(grep '✗' "$work/doctor.out")"
"$bin/payment-ops" reconcile > "$work/reconcile.out" || fail "reconcile"
grep -q "No pending refunds." "$work/reconcile.out" || fail "reconcile found something: $(cat "$work/reconcile.out")"
"$bin/payment-ops" --help > "$work/help.out" || fail "--help"
grep -q "USAGE: payment-ops" "$work/help.out" || fail "--help printed no usage"
check "doctor healthy, nothing to reconcile, --help"
