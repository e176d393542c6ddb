#!/usr/bin/env python3
"""Screenshots of each role's home, as each user sees it right after logging in.

Logs in over HTTP as each demo user (the password is the login), hands the session to a
headless Chromium (Chrome DevTools Protocol), opens /odoo and captures the page: the teacher
at phone size, the others at desk size. For the notes and the README; it asserts nothing
(the tours in the Odoo suite do).

    python tests/screens/role_homes.py DATABASE OUTPUT_DIR
"""

import base64
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from checkin_bench import free_port
from checkin_bench import odoo_server

ROLES = [("teacher", 390, 844, True), ("head", 1366, 768, False), ("executive", 1366, 768, False),
         ("district", 1366, 768, False), ("province", 1366, 768, False),
         ("skadmin", 1366, 768, False)]  # fmt: skip


def login(base, user):
    session = requests.Session()
    page = session.get(f"{base}/web/login", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    session.post(
        f"{base}/web/login",
        data={"login": user, "password": user, "csrf_token": csrf},
        timeout=30,
    ).raise_for_status()
    return session.cookies["session_id"]


def capture(base, session_id, width, height, mobile, path):
    port = free_port()
    profile = tempfile.mkdtemp(prefix="sk_screens_")
    chrome = subprocess.Popen(
        [
            shutil.which("chromium") or "chromium",
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            f"--remote-debugging-port={port}",
            "--remote-allow-origins=*",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(50):
            try:
                targets = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=2).json()
                page = next(t for t in targets if t["type"] == "page")
                break
            except (requests.RequestException, StopIteration):
                time.sleep(0.2)
        else:
            sys.exit("Chromium did not start")
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        counter = iter(range(1, 10**6))

        def call(method, **params):
            message_id = next(counter)
            ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
            while True:
                answer = json.loads(ws.recv())
                if answer.get("id") == message_id:
                    return answer.get("result", {})

        call("Network.enable")
        call("Network.setCookie", name="session_id", value=session_id, url=base)
        call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        call("Page.navigate", url=f"{base}/odoo")
        time.sleep(8)  # the web client loads its assets and the home action
        png = call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(png))
        ws.close()
    finally:
        chrome.terminate()
        chrome.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


def main():
    db, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with odoo_server(db) as (base, _pid):
        for user, width, height, mobile in ROLES:
            path = out / f"home_{user}.png"
            capture(base, login(base, user), width, height, mobile, path)
            print(path)


if __name__ == "__main__":
    main()
