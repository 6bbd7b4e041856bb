#!/usr/bin/env python3
"""Drives the payment-ops binary with the official MCP Python SDK client, as a client no one here wrote.

    python3 scripts/interop.py --binary .build/release/payment-ops --stripe-fake .build/release/stripe-fake

Runs twice: in the client's default mode (which must settle on 2026-07-28) and forced to the handshake era.
Each run lists tools, resources and prompts, calls read tools and validates their structured output against the
tools' output schemas, and makes one refund approved through elicitation against the loopback Stripe fake.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

import jsonschema
import mcp_types as types
from mcp import Client, StdioServerParameters

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
    finally:
        fake.terminate()
        fake.wait()
    print("interop: both eras passed")


if __name__ == "__main__":
    sys.exit(main())
