"""HTTP serving: Bolt behind waitress (a production WSGI server), plus a health check."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from slack_bolt import App

from bot.clock import SystemClock
from bot.request_gate import MAX_BODY_BYTES, SlackGate

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

# Waitress's defaults let 100 idle connections hold every slot for 120 s and accept 1 GiB bodies.
# Idle sockets cost no thread here, so many are allowed, and they are closed after a short quiet:
# Slack sends its request as soon as it connects, and a load balancer's keep-alive reconnects.
SERVER_SETTINGS: dict[str, int | bool] = {
    "threads": 16,
    "connection_limit": 1000,
    "channel_timeout": 15,
    "cleanup_interval": 2,
    # poll(): select() cannot watch more than 1024 sockets.
    "asyncore_use_poll": True,
    # Waitress refuses `>=` its limit; the gate refuses anything over MAX_BODY_BYTES while reading.
    "max_request_body_size": MAX_BODY_BYTES + 1,
    "max_request_header_size": 64 * 1024,
}


def wsgi_application(
    app: App | None,
    healthy: Callable[[], bool],
    *,
    signing_secret: str | None = None,
    now: Callable[[], float] | None = None,
):
    """`/slack/events` (behind the request gate) when an app is given, and `/healthz`."""
    slack = None
    if app is not None:
        clock = SystemClock()
        slack = SlackGate(app, signing_secret or "", now or (lambda: clock.now().timestamp()))

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


def make_server(application, host: str, port: int, **overrides: int | bool):
    """Waitress with SERVER_SETTINGS; tests shorten the timeouts through `overrides`."""
    from waitress.server import create_server

    settings: dict[str, Any] = {**SERVER_SETTINGS, **overrides}
    return create_server(application, host=host, port=port, ident="cohortbot", **settings)
