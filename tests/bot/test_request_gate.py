"""Hostile input at `/slack/events`, through the real HTTP server: bounded, signed, well formed."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import threading
import time
from urllib.parse import quote

import pytest

from bot.request_gate import MAX_BODY_BYTES
from bot.server import make_server, wsgi_application
from bot.slack import create_app
from bot.standin.signing import event_body, post, sign
from storage.db import database_answers

SECRET = "gate-secret"


def serve(ctx, engine, **overrides):
    app = create_app(ctx, signing_secret=SECRET)
    seen: list[str] = []
    app.event("app_mention")(lambda event: seen.append(event["text"]))
    application = wsgi_application(app, lambda: database_answers(engine), signing_secret=SECRET)
    server = make_server(application, "127.0.0.1", 0, **overrides)
    threading.Thread(target=server.run, daemon=True).start()
    return server, seen


@pytest.fixture
def served(ctx, engine):
    server, seen = serve(ctx, engine)
    yield "127.0.0.1", server.effective_port, seen
    server.close()


def raw_exchange(host: str, port: int, head: bytes, body: bytes = b"") -> bytes:
    """Sends `head` (and `body`), returns what the server answers before closing."""
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(head + body)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def signed_bytes(body: bytes, content_type: str) -> dict[str, str]:
    timestamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + digest.hexdigest(),
    }


def request_head(body: bytes, headers: dict[str, str]) -> bytes:
    lines = ["POST /slack/events HTTP/1.1", "Host: bot", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def raw_post(host: str, port: int, body: bytes, headers: dict[str, str]) -> int:
    return status_of(raw_exchange(host, port, request_head(body, headers), body))


def test_an_oversized_unsigned_body_gets_413_before_it_is_sent(served):
    host, port, _ = served
    head = (
        b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
        b"Content-Length: 52428800\r\n\r\n"
    )
    # Nothing of the body is sent: the answer comes from the headers alone.
    assert status_of(raw_exchange(host, port, head)) == 413


def test_an_oversized_chunked_body_gets_413_once_the_cap_is_passed(served):
    host, port, _ = served
    head = b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nTransfer-Encoding: chunked\r\n\r\n"
    block = b"a" * 65536
    sent = 0
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(head)
        try:
            while sent < 50 * MAX_BODY_BYTES:
                connection.sendall(b"%x\r\n" % len(block) + block + b"\r\n")
                sent += len(block)
        except OSError:
            pass
        answer = connection.recv(65536)
    assert status_of(answer) == 413
    assert sent < 20 * MAX_BODY_BYTES


def test_a_signed_body_over_the_cap_is_refused_too(served):
    host, port, seen = served
    body = b"payload=" + b"a" * MAX_BODY_BYTES
    head = request_head(body, signed_bytes(body, "application/x-www-form-urlencoded"))
    assert status_of(raw_exchange(host, port, head)) == 413
    assert seen == []


def test_a_signed_body_at_the_cap_is_read(served):
    host, port, _ = served
    padding = "x" * (MAX_BODY_BYTES - 200)
    body = json.dumps({"token": "t", "challenge": "c", "type": "url_verification", "pad": padding})
    body += " " * (MAX_BODY_BYTES - len(body))
    assert len(body) == MAX_BODY_BYTES
    assert raw_post(host, port, body.encode(), signed_bytes(body.encode(), "application/json")) == 200


GARBAGE = {
    "binary": (b"\xff\xfe\x00{garbage\x80", "application/octet-stream"),
    "broken JSON": (b'{"type": "event_callback", "event": {', "application/json"),
    "payload that is not an object": (
        b"payload=" + quote('["a", 1]').encode(),
        "application/x-www-form-urlencoded",
    ),
    "payload that is text": (b"payload=" + quote('"text"').encode(), "application/x-www-form-urlencoded"),
    "broken payload": (b"payload=%7B%22type", "application/x-www-form-urlencoded"),
    "a list": (b'[{"type": "event_callback"}]', "application/json"),
    "a form that is no request": (b"hello=world", "application/x-www-form-urlencoded"),
    "100,000 nested brackets": (b"[" * 100_000, "application/json"),
    "100,000 nested brackets in a payload": (
        b"payload=" + quote('{"type": "block_actions", "x": ' + "[" * 100_000).encode(),
        "application/x-www-form-urlencoded",
    ),
    "nesting Slack never sends": (
        json.dumps({"type": "event_callback", "x": json.loads("[" * 500 + "]" * 500)}).encode(),
        "application/json",
    ),
    "an event that is not an object": (
        json.dumps({"type": "event_callback", "event": "x", "event_id": "Ev1"}).encode(),
        "application/json",
    ),
    "authorizations that are text": (
        json.dumps({"type": "event_callback", "event": {}, "authorizations": "x"}).encode(),
        "application/json",
    ),
}


def no_traceback(records: list[logging.LogRecord]) -> bool:
    return not any(record.exc_info or record.levelno >= logging.ERROR for record in records)


@pytest.mark.parametrize("name", list(GARBAGE))
def test_garbage_gets_401_unsigned_and_400_signed_without_a_traceback(served, caplog, name):
    host, port, seen = served
    body, content_type = GARBAGE[name]
    caplog.set_level(logging.DEBUG)
    assert raw_post(host, port, body, {"Content-Type": content_type}) == 401
    assert raw_post(host, port, body, signed_bytes(body, content_type)) == 400
    time.sleep(0.1)
    assert no_traceback(caplog.records), [record.getMessage() for record in caplog.records]
    assert "Traceback" not in caplog.text
    assert seen == []


def test_a_signed_event_still_reaches_its_listener(served):
    host, port, seen = served
    body = event_body({"type": "app_mention", "text": "hello", "user": "U1", "channel": "C1", "ts": "1.1"})
    assert post(f"http://{host}:{port}/slack/events", body, sign(SECRET, body))[0] == 200
    deadline = time.monotonic() + 5
    while not seen and time.monotonic() < deadline:
        time.sleep(0.01)
    assert seen == ["hello"]


def open_idle(host: str, port: int, count: int, half_open: bool) -> list[socket.socket]:
    sockets = []
    for _ in range(count):
        connection = socket.create_connection((host, port), timeout=5)
        if half_open:
            connection.sendall(b"POST /slack/events HTTP/1.1\r\nHost: bot\r\n")
        sockets.append(connection)
    return sockets


def signed_mention_and_health(host: str, port: int, seconds: float) -> tuple[int, int]:
    body = event_body({"type": "app_mention", "text": "hi", "user": "U1", "channel": "C1", "ts": "1.1"})
    status, _, _ = post(f"http://{host}:{port}/slack/events", body, sign(SECRET, body), timeout=seconds)
    health = post_get(f"http://{host}:{port}/healthz", seconds)
    return status, health


def post_get(url: str, seconds: float) -> int:
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=seconds) as response:
        return response.status


def test_many_idle_and_half_open_connections_do_not_lock_out_slack_or_the_health_check(served):
    host, port, _ = served
    idle = open_idle(host, port, 150, half_open=False) + open_idle(host, port, 60, half_open=True)
    try:
        started = time.monotonic()
        assert signed_mention_and_health(host, port, seconds=5) == (200, 200)
        assert time.monotonic() - started < 3
    finally:
        for connection in idle:
            connection.close()


def test_idle_connections_are_closed_after_a_short_quiet(ctx, engine):
    server, _ = serve(ctx, engine, connection_limit=20, channel_timeout=1, cleanup_interval=1)
    host, port = "127.0.0.1", server.effective_port
    idle = open_idle(host, port, 10, half_open=False) + open_idle(host, port, 10, half_open=True)
    try:
        # Every slot is taken; the quiet ones are dropped within a few seconds and Slack gets in.
        assert signed_mention_and_health(host, port, seconds=8) == (200, 200)
        assert all(connection.recv(1) in (b"", b"H") for connection in idle[:10])
    finally:
        for connection in idle:
            connection.close()
        server.close()


def test_the_gate_stops_reading_a_body_without_a_length_at_the_cap(ctx):
    import io

    from bot.request_gate import SlackGate

    stream = io.BytesIO(b"a" * (3 * MAX_BODY_BYTES))
    answers = []
    gate = SlackGate(create_app(ctx, signing_secret=SECRET), SECRET, now=time.time)
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/slack/events", "wsgi.input": stream}
    gate(environ, lambda status, headers: answers.append(status))
    assert answers == ["413 Request Entity Too Large"]
    assert stream.tell() == MAX_BODY_BYTES + 1
