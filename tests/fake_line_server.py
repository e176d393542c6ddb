"""A stand-in for the LINE Messaging API, for tests only: 127.0.0.1, a random port.

It speaks the documented endpoints Smart Kids uses (push, multicast, reply, quota, quota
consumption, group member count, bot info), records every request, honours
``X-Line-Retry-Key`` like LINE does (a replayed key gets 409 with
``x-line-accepted-request-id``) and injects faults on demand:

    server = FakeLineServer().start()
    server.faults.update(error_rate=0.3, timeout_rate=0.1, seed=7)
    server.queue_faults(["rate_limit"] * 20)       # the next 20 requests
    ...
    server.stop()

Faults: ``error`` (500), ``timeout`` (sleeps past the client's read timeout, then answers
nothing useful; LINE may or may not have accepted the request), ``lost_answer`` (LINE
accepts the request, the client never hears: the answer comes after its read timeout),
``rate_limit`` (429 "Too Many Requests", with ``Retry-After`` when
``faults["retry_after"]`` is set), ``monthly_limit`` (429 "You have reached your
monthly limit."), ``bad_request`` (400), ``unauthorized`` (401). A message counts as
*delivered* once per retry key, whatever the client retried.
"""

import json
import random
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer

PUSH = "/v2/bot/message/push"
MULTICAST = "/v2/bot/message/multicast"
REPLY = "/v2/bot/message/reply"
QUOTA = "/v2/bot/message/quota"
CONSUMPTION = "/v2/bot/message/quota/consumption"
BOT_INFO = "/v2/bot/info"
GROUP_COUNT_PREFIX = "/v2/bot/group/"
CONTENT_PREFIX = "/v2/bot/message/"  # .../{messageId}/content: what a user sent (api-data)


class FakeLineServer:
    def __init__(self, access_token="test-token", timeout_seconds=1.0):
        self.access_token = access_token
        self.timeout_seconds = timeout_seconds
        self.lock = threading.Lock()
        self.requests = []  # every request: (method, path, headers, body)
        self.delivered = {}  # retry key (or request id) -> body of the accepted request
        self.accepted_at = []  # (time.monotonic(), body) of each first acceptance
        self.accepted_ids = {}  # retry key -> request id
        self.fault_queue = []
        self.faults = {"error_rate": 0.0, "timeout_rate": 0.0, "seed": 0, "delay": 0.0}
        self.group_members = {}
        self.contents = {}  # message id -> bytes a user sent (photos)
        self.quota = {"type": "limited", "value": 300}
        self.consumption = 0
        # GET /v2/bot/info as LINE documents it
        self.bot_info = {
            "userId": "Ubot",
            "basicId": "@123abcde",
            "displayName": "ศพด.บ้านโนนสะอาด",
            "chatMode": "bot",
            "markAsReadMode": "auto",
        }
        self.after_accept = None  # callable(count): runs after LINE accepted, before it answers
        self.connections = 0  # TCP connections opened by clients (reused ones count once)
        self.in_flight = self.max_in_flight = 0  # message requests being answered at once
        self._random = None
        self._httpd = None
        self._thread = None

    # -------------------------------------------------------------- control
    def start(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body go out in two writes: without this, Nagle's algorithm and the
            # client's delayed ACK add 40 ms to every answer, which LINE does not do
            disable_nagle_algorithm = True

            def log_message(self, *args):  # keep test output quiet
                pass

            def setup(self):
                super().setup()
                with server.lock:
                    server.connections += 1

            def do_GET(self):
                server._handle(self, "GET")

            def do_POST(self):
                with server.lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    server._handle(self, "POST")
                finally:
                    with server.lock:
                        server.in_flight -= 1

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        # a client killed mid-request (tests do that on purpose) is not an error here
        self._httpd.handle_error = lambda request, client_address: None
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    @property
    def url(self):
        host, port = self._httpd.server_address
        return f"http://{host}:{port}"

    def queue_faults(self, faults):
        with self.lock:
            self.fault_queue.extend(faults)

    def deliveries(self, path=PUSH):
        """Accepted message requests on ``path`` (one per retry key)."""
        return [body for key, (p, body) in self.delivered.items() if p == path]

    # -------------------------------------------------------------- serving
    def _next_fault(self):
        with self.lock:
            if self.fault_queue:
                return self.fault_queue.pop(0)
            if self._random is None:
                self._random = random.Random(self.faults.get("seed", 0))
            draw = self._random.random()
        if draw < self.faults.get("timeout_rate", 0):
            return "timeout"
        if draw < self.faults.get("timeout_rate", 0) + self.faults.get("error_rate", 0):
            return "error"
        return None

    def _send(self, handler, status, body=None, headers=None):
        payload = json.dumps(body if body is not None else {}).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(payload)))
            handler.send_header("x-line-request-id", str(uuid.uuid4()))
            for key, value in (headers or {}).items():
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _handle(self, handler, method):
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        path = handler.path.split("?")[0]
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self.lock:
            self.requests.append((method, path, headers, body))
        if headers.get("authorization") != f"Bearer {self.access_token}":
            return self._send(handler, 401, {"message": "Authentication failed"})
        if method == "GET":
            return self._get(handler, path)
        fault = self._next_fault()
        retry_key = headers.get("x-line-retry-key")
        if self.faults.get("delay"):
            time.sleep(self.faults["delay"])  # a slow LINE: lets a test kill a worker mid-batch
        if fault in ("timeout", "lost_answer"):
            # LINE may still accept a request whose answer the client never sees
            if fault == "lost_answer" or (
                retry_key and self._random and self._random.random() < 0.5
            ):
                self._accept(path, retry_key or str(uuid.uuid4()), body)
            time.sleep(self.timeout_seconds)
            return self._send(handler, 500, {"message": "late"})
        if fault == "error":
            return self._send(handler, 500, {"message": "Internal server error"})
        if fault == "rate_limit":
            retry_after = self.faults.get("retry_after")
            headers = {"Retry-After": str(retry_after)} if retry_after else None
            return self._send(handler, 429, {"message": "Too Many Requests"}, headers)
        if fault == "monthly_limit":
            return self._send(handler, 429, {"message": "You have reached your monthly limit."})
        if fault == "bad_request":
            return self._send(handler, 400, {"message": "The request body has 1 error(s)"})
        if fault == "unauthorized":
            return self._send(handler, 401, {"message": "Authentication failed"})
        if path in (PUSH, MULTICAST, REPLY):
            messages = (body or {}).get("messages") or []
            if not 1 <= len(messages) <= 5:
                return self._send(handler, 400, {"message": "Size must be between 1 and 5"})
            if retry_key and retry_key in self.accepted_ids:
                return self._send(
                    handler,
                    409,
                    {"message": "The retry key is already accepted"},
                    {"x-line-accepted-request-id": self.accepted_ids[retry_key]},
                )
            request_id = self._accept(path, retry_key or str(uuid.uuid4()), body)
            if self.after_accept:
                self.after_accept(len(self.accepted_ids))
            return self._send(handler, 200, {"sentMessages": [{"id": request_id}]})
        return self._send(handler, 404, {"message": "Not found"})

    def _accept(self, path, key, body):
        with self.lock:
            if key not in self.accepted_ids:
                self.accepted_at.append((time.monotonic(), body))
                self.accepted_ids[key] = str(uuid.uuid4())
                self.delivered[key] = (path, body)
                recipients = len((body or {}).get("to") or []) if path == MULTICAST else 1
                self.consumption += recipients
            return self.accepted_ids[key]

    def _get(self, handler, path):
        if path == QUOTA:
            return self._send(handler, 200, self.quota)
        if path == CONSUMPTION:
            return self._send(handler, 200, {"totalUsage": self.consumption})
        if path == BOT_INFO:
            return self._send(handler, 200, self.bot_info)
        if path.startswith(CONTENT_PREFIX) and path.endswith("/content"):
            content = self.contents.get(path[len(CONTENT_PREFIX) :].split("/")[0])
            if content is None:
                return self._send(handler, 404, {"message": "Not found"})
            handler.send_response(200)
            handler.send_header("Content-Type", "image/jpeg")
            handler.send_header("Content-Length", str(len(content)))
            handler.end_headers()
            handler.wfile.write(content)
            return None
        if path.startswith(GROUP_COUNT_PREFIX) and path.endswith("/members/count"):
            group_id = path[len(GROUP_COUNT_PREFIX) :].split("/")[0]
            return self._send(handler, 200, {"count": self.group_members.get(group_id, 0)})
        return self._send(handler, 404, {"message": "Not found"})
