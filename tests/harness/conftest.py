"""Fixtures for the tests of the test harness itself."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient

from bot.standin.slack import SlackStandIn

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy")


@pytest.fixture(autouse=True)
def direct_connections(monkeypatch):
    # slack_sdk reads proxy variables itself and ignores NO_PROXY: loopback calls must go direct.
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


class ManualTime:
    """A monotonic clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def manual_time() -> ManualTime:
    return ManualTime()


@pytest.fixture
def fake(manual_time):
    with SlackStandIn(clock=manual_time) as fake:
        yield fake


@pytest.fixture
def client(fake) -> WebClient:
    # No retry handlers: each test states which retries it expects.
    return WebClient(token="xoxb-test", base_url=fake.url, timeout=5, retry_handlers=[])
