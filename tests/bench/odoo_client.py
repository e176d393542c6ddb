"""A user of Odoo over HTTP, as the web client talks to it: JSON-RPC calls, model methods,
PDF reports. Shared by the benches and the topology check."""

import json

import requests


class OdooClient:
    def __init__(self, base, session=None):
        self.base = base
        self.session = session or requests.Session()

    def login(self, db, login, password=None):
        """Log in (the password is the login unless given); the client, for chaining."""
        self.call(
            "/web/session/authenticate", {"db": db, "login": login, "password": password or login}
        )
        return self

    def call(self, path, params, timeout=600):
        # no short timeout: under load a dashboard may wait for a busy worker
        response = self.session.post(
            self.base + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=timeout,
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise RuntimeError(body["error"]["data"]["message"])
        return body["result"]

    def kw(self, model, method, *args, **kwargs):
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def pdf_response(self, report, docids, options):
        return self.session.get(
            f"{self.base}/report/pdf/{report}/{docids}",
            params={"options": json.dumps(options)},
            timeout=600,
        )

    def pdf(self, report, docids, options):
        """The PDF's bytes, or an error saying what came instead."""
        response = self.pdf_response(report, docids, options)
        if response.status_code != 200 or not response.content.startswith(b"%PDF"):
            raise RuntimeError(f"{report}: {response.status_code} {response.content[:200]!r}")
        return response.content
