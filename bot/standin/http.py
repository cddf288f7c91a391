"""The HTTP side of the stand-in: request parsing, answers, and the request handler."""

from __future__ import annotations

import json
import sys
from contextlib import suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

# Parameters Slack clients send as JSON strings inside form bodies.
JSON_PARAMS = ("blocks", "attachments", "metadata", "view", "files")
HTML_ERROR_PAGE = (
    "<html><head><title>{status}</title></head><body><h1>{status} Server Error</h1></body></html>"
)


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    data: dict | None = None  # the JSON body, kept for the call record
    drop: bool = False  # close the connection without answering

    @classmethod
    def json(cls, data: dict, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
        return cls(status, json.dumps(data).encode(), "application/json; charset=utf-8", headers or {}, data)

    @classmethod
    def text(cls, text: str, status: int = 200) -> Answer:
        return cls(status, text.encode())

    @classmethod
    def html_error(cls, status: int) -> Answer:
        return cls(status, HTML_ERROR_PAGE.format(status=status).encode(), "text/html; charset=utf-8")

    @classmethod
    def ratelimited(cls, retry_after: int) -> Answer:
        return cls.json({"ok": False, "error": "ratelimited"}, 429, {"Retry-After": str(retry_after)})


def _form(text: str) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(text, keep_blank_values=True).items()}


def parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    """A JSON or form-urlencoded body as a dict; raises ValueError on malformed JSON."""
    if not raw or "multipart/" in content_type:
        return {}
    text = raw.decode("utf-8", "replace")
    if "json" in content_type or text.lstrip().startswith("{"):
        body = json.loads(text)
        if not isinstance(body, dict):
            raise ValueError("a JSON body must be an object")
        return body
    return _form(text)


def parse_params(query: str, raw: bytes, content_type: str) -> dict[str, Any]:
    params: dict[str, Any] = _form(query)
    params.update(parse_body(raw, content_type))
    for key in JSON_PARAMS:
        value = params.get(key)
        if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
            # Undecodable JSON stays a string, which the handlers reject as Slack does.
            with suppress(ValueError):
                params[key] = json.loads(value)
    return params


def bearer_token(authorization: str | None) -> str | None:
    if authorization and authorization.startswith("Bearer "):
        return authorization[len("Bearer ") :].strip() or None
    return None


class StandInServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog of 5 makes a burst of connections wait a second for a retry.
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], responder: Any) -> None:
        super().__init__(address, StandInRequestHandler)
        self.responder = responder

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (its timeout, a dropped call) is no failure of the stand-in.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class StandInRequestHandler(BaseHTTPRequestHandler):
    server: StandInServer
    server_version = "SlackStandIn/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def _route(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        responder = self.server.responder
        path = parts.path
        if path.startswith("/api/"):
            answer = responder.answer_api(path[len("/api/") :], parts.query, raw, self.headers)
        elif path.startswith("/upload/"):
            answer = responder.answer_upload(path[len("/upload/") :], raw)
        elif path.startswith("/response/"):
            answer = responder.answer_response_url(self.path, path[len("/response/") :], raw, self.headers)
        else:
            answer = Answer.text("not found", 404)
        if answer.drop:
            self.close_connection = True
            return
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body)
