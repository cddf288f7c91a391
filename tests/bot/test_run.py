"""`cohortbot run` as a real process: migrates, serves HTTP behind waitress, stops on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bot.standin.signing import post, sign

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(base: str, process: subprocess.Popen) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        try:
            with opener.open(base + "/healthz", timeout=1) as response:
                assert json.loads(response.read()) == {"status": "ok"}
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("cohortbot run never answered /healthz")


def test_run_serves_slack_over_http_and_stops_cleanly(tmp_path, fake_slack):
    port = free_port()
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    env.update(
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret",
        SLACK_API_URL=fake_slack.url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'cohortbot.db'}",
        HOST="127.0.0.1",
        PORT=str(port),
        PYTHONPATH=str(ROOT),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_healthy(base, process)
        body = json.dumps({"token": "t", "challenge": "c-123", "type": "url_verification"})
        status, _headers, text = post(base + "/slack/events", body, sign("secret", body))
        assert status == 200 and json.loads(text) == {"challenge": "c-123"}
        assert post(base + "/slack/events", body, sign("not-the-secret", body))[0] == 401
        assert fake_slack.count("auth.test") >= 1
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
    assert process.returncode == 0
    with sqlite3.connect(tmp_path / "cohortbot.db") as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone()[0] >= 1
