"""HTTP serving: Bolt behind waitress (a production WSGI server), plus a health check."""

from __future__ import annotations

import json
from collections.abc import Callable

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
SERVER_THREADS = 16


def wsgi_application(app: App | None, healthy: Callable[[], bool]):
    """`/slack/events` (signature-checked by Bolt) when an app is given, and `/healthz`."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH) if app is not None else None

    def application(environ, start_response):
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            ok = healthy()
            body = json.dumps({"status": "ok" if ok else "unavailable"}).encode()
            start_response("200 OK" if ok else "503 Service Unavailable", _json_headers(body))
            return [body]
        if path == EVENTS_PATH and slack is not None:
            if method != "POST":
                return _plain(start_response, "405 Method Not Allowed", b"POST only\n")
            return slack(environ, start_response)
        return _plain(start_response, "404 Not Found", b"Not Found\n")

    return application


def _json_headers(body: bytes) -> list[tuple[str, str]]:
    return [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]


def _plain(start_response, status: str, body: bytes):
    start_response(
        status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    )
    return [body]


def make_server(application, host: str, port: int):
    from waitress.server import create_server

    return create_server(application, host=host, port=port, threads=SERVER_THREADS, ident="cohortbot")
