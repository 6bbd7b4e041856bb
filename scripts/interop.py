#!/usr/bin/env python3
"""Drives the payment-ops binary with the official MCP Python SDK client, as a client no one here wrote.

    python3 scripts/interop.py --binary .build/release/payment-ops --stripe-fake .build/release/stripe-fake

Over stdio it runs twice: in the client's default mode (which must settle on 2026-07-28) and forced to the
handshake era. Each run lists tools, resources and prompts, calls read tools and validates their structured output
against the tools' output schemas, and makes one refund approved through elicitation against the loopback Stripe
fake.

Then it starts the team server (`serve --http` on a loopback port, trusting a loopback test issuer from
team_server.py) and drives it with the SDK's Streamable HTTP client and bearer tokens, in both eras again: the
connection, tools/list as a read token sees it (no issue_refund), a read tool call, 403 insufficient_scope for
issue_refund with that token, and 401 without a token; no token ever appears in the server's log.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

import httpx2
import jsonschema
import mcp_types as types
from mcp import Client, MCPError, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client

from team_server import TeamServer, TestIssuer

KEY = "sk_test_interop"


def check(condition, message):
    if not condition:
        raise SystemExit(f"interop: FAILED: {message}")


def fake_refunds(base):
    with urllib.request.urlopen(f"{base}/_fake/objects?kind=refund") as response:
        return json.load(response)["data"]


async def session(binary, env, mode, stripe_base, email):
    questions = []

    async def approve(context, params):
        questions.append(params.message)
        return types.ElicitResult(action="accept", content={"approve": True})

    parameters = StdioServerParameters(command=binary, args=["serve"], env=env)
    async with Client(parameters, mode=mode, elicitation_callback=approve) as client:
        version = client.protocol_version
        print(f"interop [{mode}]: connected, protocol {version}")
        if mode == "auto":
            check(version == "2026-07-28", f"default mode settled on {version}, not 2026-07-28")
        else:
            check(version == "2025-11-25", f"legacy mode settled on {version}, not 2025-11-25")

        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        expected = {"lookup_customer", "list_payments", "get_order_history", "issue_refund",
                    "create_payment_link", "revenue_summary", "flag_for_review"}
        check(set(tools) == expected, f"tools/list gave {sorted(tools)}")
        templates = [t.uri_template for t in (await client.list_resource_templates()).resource_templates]
        check("customer://{email}" in templates and "payment://{payment_intent_id}" in templates,
              f"resource templates {templates}")
        resources = (await client.list_resources()).resources
        check(any(str(r.uri) == f"customer://{email}" for r in resources), "customer resources listed")
        prompts = {p.name for p in (await client.list_prompts()).prompts}
        check(prompts == {"daily_revenue_report", "find_refund_candidates"}, f"prompts {sorted(prompts)}")

        for name, arguments in [("get_order_history", {"email": email}), ("lookup_customer", {"email": email}),
                                ("list_payments", {"email": email})]:
            result = await client.call_tool(name, arguments)
            check(not result.is_error, f"{name} answered an error: {result.content}")
            jsonschema.validate(result.structured_content, tools[name].output_schema)
            print(f"interop [{mode}]: {name} ok, structured output valid")

        profile = await client.read_resource(f"customer://{email}")
        check(json.loads(profile.contents[0].text)["customer"]["email"] == email, "customer resource")

        before = len(fake_refunds(stripe_base))
        result = await client.call_tool("issue_refund", {"email": email, "reason": "duplicate", "confirmed": True})
        check(not result.is_error, f"issue_refund answered an error: {result.content}")
        jsonschema.validate(result.structured_content, tools["issue_refund"].output_schema)
        check(result.structured_content["status"] == "refunded", f"refund status {result.structured_content}")
        check(len(questions) == 1, f"the human was asked {len(questions)} times")
        check(len(fake_refunds(stripe_base)) == before + 1, "exactly one refund reached Stripe")
        print(f"interop [{mode}]: refund approved through elicitation, one refund at Stripe")


READ_TOOLS = {"lookup_customer", "list_payments", "get_order_history", "revenue_summary"}


class Exchanges:
    """Every HTTP answer the SDK's client got: (method, status, WWW-Authenticate)."""

    def __init__(self):
        self.seen = []

    async def record(self, response):
        self.seen.append((response.request.method, response.status_code, response.headers.get("www-authenticate")))

    def client(self, token):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30, read=60),
                                  event_hooks={"response": [self.record]})


async def http_session(server, issuer, mode, email):
    """One SDK connection to the team server with a payments:read token; then a call it may not make."""
    token = issuer.token(server.public_url, subject=f"agent-{mode}", scopes=["payments:read"],
                         email=f"{mode}@support.example")
    exchanges = Exchanges()
    async with exchanges.client(token) as http:
        transport = streamable_http_client(server.public_url, http_client=http)
        async with Client(transport, mode=mode) as client:
            version = client.protocol_version
            expected = "2026-07-28" if mode == "auto" else "2025-11-25"
            check(version == expected, f"HTTP {mode} mode settled on {version}, not {expected}")
            print(f"interop [http {mode}]: connected with a bearer token, protocol {version}")

            tools = {tool.name: tool for tool in (await client.list_tools()).tools}
            check(set(tools) == READ_TOOLS, f"a payments:read token was shown {sorted(tools)}")
            print(f"interop [http {mode}]: tools/list shows the read token only the read tools")

            result = await client.call_tool("get_order_history", {"email": email})
            check(not result.is_error, f"get_order_history answered an error: {result.content}")
            jsonschema.validate(result.structured_content, tools["get_order_history"].output_schema)
            check(result.structured_content["customer"]["email"] == email, "the order history is the customer's")
            print(f"interop [http {mode}]: get_order_history ok, structured output valid")

            refused = None
            try:
                await client.call_tool("issue_refund", {"email": email, "reason": "duplicate"})
            except MCPError as error:
                refused = error
            check(refused is not None and "refunds:create" in refused.message,
                  f"issue_refund with a read token was not refused for its scope: {refused}")
            forbidden = [seen for seen in exchanges.seen if seen[1] == 403]
            check(len(forbidden) == 1 and 'error="insufficient_scope"' in (forbidden[0][2] or "")
                  and 'scope="refunds:create"' in forbidden[0][2],
                  f"expected one 403 asking for refunds:create, got {exchanges.seen}")
            print(f"interop [http {mode}]: issue_refund with a read token is 403 insufficient_scope refunds:create")
    if mode == "legacy":
        check(("DELETE", 204) in [seen[:2] for seen in exchanges.seen], f"the session was not ended: {exchanges.seen}")
    return token


async def http_without_token(server, mode):
    """The SDK's client without a token: the server answers 401 with the resource metadata's address."""
    exchanges = Exchanges()
    failed = False
    async with exchanges.client(None) as http:
        try:
            async with Client(streamable_http_client(server.public_url, http_client=http), mode=mode):
                pass
        except Exception:
            failed = True
    metadata = f'resource_metadata="http://127.0.0.1:{server.port}/.well-known/oauth-protected-resource/mcp"'
    check(failed, f"HTTP {mode} mode connected without a token")
    check(exchanges.seen and all(status == 401 and metadata in (challenge or "")
                                 for _, status, challenge in exchanges.seen),
          f"expected only 401s naming the resource metadata, got {exchanges.seen}")
    print(f"interop [http {mode}]: no token, 401 with WWW-Authenticate naming the resource metadata")


def team_server(binary, env):
    """Both eras of the SDK's Streamable HTTP client against `serve --http` with bearer tokens."""
    with TestIssuer() as issuer, TeamServer(binary, env, issuer) as server:
        tokens = []
        for mode, email in (("auto", "sarah@example.com"), ("legacy", "james@example.com")):
            tokens.append(asyncio.run(http_session(server, issuer, mode, email)))
            asyncio.run(http_without_token(server, mode))
    log = "\n".join(server.stderr_lines)
    check(all(token not in log and token.split(".")[2] not in log for token in tokens), "a token is in the log")
    check(issuer.jwks_fetches >= 1, "the server never fetched the issuer's JWKS")
    print("interop [http]: no token in the server's log")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--stripe-fake", required=True)
    options = parser.parse_args()

    fake = subprocess.Popen([options.stripe_fake], stdout=subprocess.PIPE, text=True)
    try:
        stripe_base = fake.stdout.readline().strip().split("=", 1)[1]
        with tempfile.TemporaryDirectory(prefix="payment-ops-interop-") as directory:
            env = {
                "PATH": os.environ.get("PATH", ""),
                "DATABASE_URL": f"sqlite:///{directory}/payments.db",
                "STRIPE_API_BASE": stripe_base,
                "STRIPE_API_KEY": KEY,
            }
            subprocess.run([options.binary, "seed"], env=env, check=True)
            # Each run refunds the most recent paid order of a different customer.
            asyncio.run(session(options.binary, env, "auto", stripe_base, "sarah@example.com"))
            asyncio.run(session(options.binary, env, "legacy", stripe_base, "james@example.com"))
            team_server(options.binary, env)
    finally:
        fake.terminate()
        fake.wait()
    print("interop: both eras passed, over stdio and over Streamable HTTP")


if __name__ == "__main__":
    sys.exit(main())
