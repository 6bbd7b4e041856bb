"""A loopback authorization server and the team server behind it, for scripts that drive `serve --http`.

Used by interop.py (the official MCP SDK over Streamable HTTP) and bench.py (agents calling at once):

    with TestIssuer() as issuer, TeamServer(binary, env, issuer) as server:
        token = issuer.token(server.public_url, subject="agent-1", scopes=["payments:read"])

`TestIssuer` publishes RFC 8414 metadata and a JWKS on 127.0.0.1 and mints RS256 access tokens with the
`cryptography` package; `TeamServer` starts `payment-ops serve --http` on a free loopback port with
PAYMENT_OPS_PUBLIC_URL and PAYMENT_OPS_OAUTH_ISSUER pointing at them, waits (bounded) until it listens, keeps its
stderr, and stops it on exit.
"""

import base64
import http.server
import json
import os
import select
import socket
import subprocess
import threading
import time

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

SCOPES = ["payments:read", "payments:write", "refunds:create", "refunds:approve"]


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _integer_bytes(value):
    return value.to_bytes((value.bit_length() + 7) // 8, "big")


class TestIssuer:
    """An authorization server on 127.0.0.1: metadata, a JWKS with one RSA key (`kid` "team-rsa"), RS256 tokens."""

    kid = "team-rsa"

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        numbers = self.key.public_key().public_numbers()
        self.jwks = {
            "keys": [
                {"kty": "RSA", "kid": self.kid, "use": "sig", "alg": "RS256",
                 "n": b64url(_integer_bytes(numbers.n)), "e": b64url(_integer_bytes(numbers.e))}
            ]
        }
        self.jwks_fetches = 0
        issuer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/.well-known/oauth-authorization-server":
                    body = {"issuer": issuer.url, "jwks_uri": issuer.url + "/jwks",
                            "scopes_supported": SCOPES, "response_types_supported": ["code"]}
                elif self.path == "/jwks":
                    issuer.jwks_fetches += 1
                    body = issuer.jwks
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *arguments):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exception):
        self.httpd.shutdown()
        self.httpd.server_close()

    def token(self, audience, subject, scopes, email=None, lifetime=3600):
        """An RS256 access token for `audience` (the server's public URL) carrying `scopes`."""
        now = int(time.time())
        claims = {"iss": self.url, "sub": subject, "aud": audience, "iat": now, "exp": now + lifetime,
                  "scope": " ".join(scopes)}
        if email:
            claims["email"] = email
        header = {"alg": "RS256", "typ": "JWT", "kid": self.kid}
        signing_input = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())).encode()
        signature = self.key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
        return signing_input.decode() + "." + b64url(signature)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class TeamServer:
    """`payment-ops serve --http 127.0.0.1:PORT` trusting `issuer`, for the duration of a `with` block."""

    def __init__(self, binary, env, issuer, start_timeout=30):
        self.port = free_port()
        self.public_url = f"http://127.0.0.1:{self.port}/mcp"
        # LOG_LEVEL info: the server says at that level when it listens, which is what start-up waits for.
        self.env = dict(env, PAYMENT_OPS_PUBLIC_URL=self.public_url, PAYMENT_OPS_OAUTH_ISSUER=issuer.url,
                        LOG_LEVEL="info")
        self.binary = binary
        self.start_timeout = start_timeout
        self.stderr_lines = []
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--http", f"127.0.0.1:{self.port}"], env=self.env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            self._wait_until_listening()
        except BaseException:
            self.__exit__()
            raise
        # Drains stderr from now on, so a chatty server never blocks on a full pipe.
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()
        return self

    def _wait_until_listening(self):
        deadline = time.monotonic() + self.start_timeout
        pending = b""
        stream = self.process.stderr
        while time.monotonic() < deadline:
            ready, _, _ = select.select([stream], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(stream.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"payment-ops serve --http exited: {pending.decode(errors='replace')}")
            pending += chunk
            *lines, pending = pending.split(b"\n")
            self.stderr_lines.extend(raw.decode(errors="replace") for raw in lines)
            if any("serving MCP over HTTP" in line for line in self.stderr_lines):
                self._rest = pending
                return
        raise RuntimeError(f"payment-ops serve --http did not listen within {self.start_timeout} s")

    def _drain(self):
        pending = self._rest
        while chunk := os.read(self.process.stderr.fileno(), 65536):
            pending += chunk
            *lines, pending = pending.split(b"\n")
            self.stderr_lines.extend(raw.decode(errors="replace") for raw in lines)

    def peak_rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for entry in status:
                if entry.startswith("VmHWM:"):
                    return int(entry.split()[1])
        return 0

    def __exit__(self, *exception):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "reader", None):
            self.reader.join(timeout=10)
