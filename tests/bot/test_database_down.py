"""A database that is down or stalled: /healthz says so in time, `cohortbot tick` says so in one line."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.server import make_server, wsgi_application
from storage.db import DatabaseHealth, make_engine
from tests.bot.test_cli import cohortbot


@contextmanager
def stalled_server() -> Iterator[int]:
    """A local TCP port that accepts connections and never answers: a database behind a partition."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health_status(base: str) -> int:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(base + "/healthz", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("where", ["stalled", "closed"])
def test_healthz_answers_503_within_2_seconds_when_postgresql_does_not_answer(where):
    with stalled_server() as stalled:
        port = stalled if where == "stalled" else closed_port()
        engine = make_engine(f"postgresql://cohortbot@127.0.0.1:{port}/cohortbot")
        server = make_server(wsgi_application(None, DatabaseHealth(engine)), "127.0.0.1", 0)
        threading.Thread(target=server.run, daemon=True).start()
        base = f"http://127.0.0.1:{server.effective_port}"
        try:
            for _ in range(3):  # again while the first question is still waiting
                started = time.monotonic()
                status = health_status(base)
                took = time.monotonic() - started
                assert status == 503
                assert took < 2.0, f"/healthz took {took:.2f} s"
        finally:
            server.close()
            engine.dispose()


@pytest.mark.parametrize("where", ["stalled", "closed"])
def test_tick_with_the_database_down_is_one_line_and_a_failure(tmp_path, where):
    with stalled_server() as stalled:
        port = stalled if where == "stalled" else closed_port()
        env = {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "DATABASE_URL": f"postgresql://cohortbot@127.0.0.1:{port}/cohortbot",
        }
        started = time.monotonic()
        result = cohortbot("tick", env=env, cwd=tmp_path)
        took = time.monotonic() - started
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DATABASE_URL" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert took < 15, f"the tick gave up after {took:.1f} s"
