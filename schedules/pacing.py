"""Pacing scheduled posts under Slack's limits instead of running into 429s.

chat.postMessage allows about one message per second per conversation and "several hundred"
per minute per workspace. The pacer keeps a sliding minute of the posts it let through, timed
when Slack's answer arrived (never before Slack counted them), and waits before a post that
would go over either limit. Posts sent at the same time are counted from the moment they are let
through. It paces one process; the default leaves room for what the listeners post meanwhile.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# The port the context holds; Pacer below is the implementation the bot uses.
from handlers.context import Pacer as Pacing

# chat.postMessage: Slack allows "several hundred messages per minute" per workspace (and one per
# second per conversation); 500 leaves room for what the listeners post meanwhile.
DEFAULT_POSTS_PER_MINUTE = 500
WINDOW_SECONDS = 60.0
IN_FLIGHT_POLL = 0.01


class Pacer:
    """Thread-safe: a post is counted from the moment it is let through (in flight) until its minute ends."""

    def __init__(
        self,
        per_minute: int = DEFAULT_POSTS_PER_MINUTE,
        per_channel_seconds: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self.per_minute = per_minute
        self.per_channel_seconds = per_channel_seconds
        self._monotonic, self._sleep = monotonic, sleep
        self._lock = threading.Lock()
        self._sent: deque[float] = deque()
        self._last_in: dict[str, float] = {}
        self._in_flight: dict[str, int] = {}
        self._paused_until = 0.0
        self.waited = 0.0

    def pause(self, seconds: float) -> None:
        """Slack answered 429: no post of this process is let through for `seconds`."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._monotonic() + seconds)

    def pause_left(self) -> float:
        with self._lock:
            return max(0.0, self._paused_until - self._monotonic())

    def _delay(self, channel: str, now: float) -> float:
        while self._sent and self._sent[0] <= now - WINDOW_SECONDS:
            self._sent.popleft()
        delay = max(0.0, self._paused_until - now)
        if len(self._sent) + sum(self._in_flight.values()) >= self.per_minute:
            # The oldest answered post leaves the minute, or a post in flight gets its answer.
            delay = self._sent[0] + WINDOW_SECONDS - now if self._sent else IN_FLIGHT_POLL
        if self._in_flight.get(channel):
            delay = max(delay, IN_FLIGHT_POLL)
        last = self._last_in.get(channel)
        if last is not None:
            delay = max(delay, last + self.per_channel_seconds - now)
        return delay

    def wait(self, channel: str) -> None:
        """Returns once a post to `channel` keeps within both limits; it is then counted as in flight."""
        while True:
            with self._lock:
                delay = self._delay(channel, self._monotonic())
                if delay <= 0:
                    self._in_flight[channel] = self._in_flight.get(channel, 0) + 1
                    return
                self.waited += delay
            self._sleep(delay)

    def sent(self, channel: str) -> None:
        with self._lock:
            now = self._monotonic()
            left = self._in_flight.get(channel, 0) - 1
            if left > 0:
                self._in_flight[channel] = left
            else:
                self._in_flight.pop(channel, None)
            self._sent.append(now)
            self._last_in[channel] = now
            if len(self._last_in) > 4 * self.per_minute:
                # Conversations last posted to over a second ago no longer limit anything.
                self._last_in = {c: t for c, t in self._last_in.items() if t > now - self.per_channel_seconds}


def retry_after(response: Any) -> float:
    """The seconds a 429 answer asks to wait (Slack sends whole seconds; 1 when it says nothing)."""
    headers = getattr(response, "headers", None) or {}
    for name, value in headers.items():
        if name.lower() == "retry-after":
            value = value[0] if isinstance(value, list | tuple) else value
            try:
                return max(1.0, float(value))
            except ValueError:
                break
    return 1.0


@contextmanager
def paced(pacer: Pacing | None, channel: str) -> Iterator[None]:
    """Around one post: waits for room first, counts the post once Slack has answered."""
    if pacer is None:
        yield
        return
    pacer.wait(channel)
    try:
        yield
    finally:
        pacer.sent(channel)
