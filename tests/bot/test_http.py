"""HTTP mode end to end: waitress, Bolt's signature check, health, event de-duplication."""

from __future__ import annotations

import json
import threading
import time
import urllib.request

import pytest

from bot.server import make_server, wsgi_application
from bot.slack import create_app
from bot.standin.signing import event_body, post, sign
from storage.db import database_answers

SECRET = "test-secret"


@pytest.fixture
def served(ctx, engine):
    app = create_app(ctx, signing_secret=SECRET)
    seen = []
    app.event("app_mention")(lambda event: seen.append(event["text"]))
    server = make_server(
        wsgi_application(app, lambda: database_answers(engine), signing_secret=SECRET), "127.0.0.1", 0
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}", seen
    server.close()


def get(url: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_health_check(served):
    base, _ = served
    assert get(base + "/healthz") == (200, json.dumps({"status": "ok"}))


def test_health_check_fails_when_the_database_does_not_answer(ctx, tmp_path):
    from storage.db import make_engine

    broken = make_engine(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")
    server = make_server(wsgi_application(None, lambda: database_answers(broken)), "127.0.0.1", 0)
    threading.Thread(target=server.run, daemon=True).start()
    try:
        status, _ = get(f"http://127.0.0.1:{server.effective_port}/healthz")
    finally:
        server.close()
    assert status == 503


def test_unsigned_and_badly_signed_requests_get_401(served):
    base, seen = served
    body = event_body({"type": "app_mention", "text": "hi", "user": "U1", "channel": "C1", "ts": "1.1"})
    assert post(base + "/slack/events", body, {"Content-Type": "application/json"})[0] == 401
    headers = sign("wrong-secret", body)
    assert post(base + "/slack/events", body, headers)[0] == 401
    stale = sign(SECRET, body, timestamp=int(time.time()) - 301)
    assert post(base + "/slack/events", body, stale)[0] == 401
    assert seen == []


def test_url_verification(served):
    base, _ = served
    body = json.dumps({"token": "t", "challenge": "abc", "type": "url_verification"})
    status, _, text = post(base + "/slack/events", body, sign(SECRET, body))
    assert status == 200 and json.loads(text) == {"challenge": "abc"}


def test_a_retried_event_runs_once(served):
    base, seen = served
    body = event_body(
        {"type": "app_mention", "text": "once", "user": "U1", "channel": "C1", "ts": "1.1"}, event_id="Ev42"
    )
    for retry in range(3):
        headers = sign(SECRET, body)
        if retry:
            headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"})
        assert post(base + "/slack/events", body, headers)[0] == 200
    deadline = time.monotonic() + 5
    while not seen and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    assert seen == ["once"]


def test_other_paths_and_methods(served):
    base, _ = served
    assert get(base + "/slack/events")[0] == 405
    assert get(base + "/nowhere")[0] == 404
