"""Failures on demand and Slack's rate limits, for the stand-in's Web API."""

from __future__ import annotations

import math
import threading
from collections import defaultdict, deque
from dataclasses import dataclass

from bot.standin.facts import FACTS

# Nominal per-minute budgets of the documented tiers ("20+ per minute" and so on).
TIER_PER_MINUTE = {"Tier 1": 1, "Tier 2": 20, "Tier 3": 50, "Tier 4": 100}


@dataclass(frozen=True)
class Fault:
    kind: str  # "error" (200 ok:false), "status" (HTML error page), "ratelimit" (429) or "drop"
    error: str = ""
    status: int = 200
    retry_after: int = 1
    processed: bool = True  # for "drop": whether the call takes effect before the connection closes


class FaultPlan:
    """Per-method queues of one-shot faults, and standing delays."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: dict[str, deque[Fault]] = defaultdict(deque)
        self._delays: dict[str, float] = {}

    def add(self, method: str, fault: Fault, times: int) -> None:
        with self._lock:
            self._queues[method].extend([fault] * times)

    def take(self, method: str) -> Fault | None:
        with self._lock:
            queue = self._queues.get(method)
            return queue.popleft() if queue else None

    def pending(self, method: str) -> int:
        with self._lock:
            return len(self._queues.get(method, ()))

    def set_delay(self, method: str, seconds: float) -> None:
        with self._lock:
            if seconds > 0:
                self._delays[method] = seconds
            else:
                self._delays.pop(method, None)

    def delay_for(self, method: str) -> float:
        with self._lock:
            return self._delays.get(method, 0.0)

    def clear(self) -> None:
        with self._lock:
            self._queues.clear()
            self._delays.clear()


class SlackLimits:
    """Sliding-window budgets: chat.postMessage per channel and per workspace, and optionally
    each method's documented tier.

    Only accepted calls spend budget, as a refused call posts nothing.
    """

    def __init__(self, per_channel_per_second: float, workspace_per_minute: int, tiers: bool) -> None:
        self._channel_capacity = max(1, int(per_channel_per_second))
        self._channel_window = self._channel_capacity / per_channel_per_second
        self._workspace_per_minute = workspace_per_minute
        self._tiers = tiers
        self._windows: dict[tuple, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _rules(self, method: str, channel: str | None) -> list[tuple[tuple, int, float]]:
        if method == "chat.postMessage":
            return [
                (("channel", channel), self._channel_capacity, self._channel_window),
                (("workspace",), self._workspace_per_minute, 60.0),
            ]
        tier = FACTS.get(method, {}).get("rate_limit", "")[:6]
        if self._tiers and tier in TIER_PER_MINUTE:
            return [(("method", method), TIER_PER_MINUTE[tier], 60.0)]
        return []

    def retry_after(self, method: str, channel: str | None, now: float) -> int | None:
        """Whole seconds to wait (rounded up, at least 1), or None when the call is allowed."""
        wait = None
        with self._lock:
            for key, capacity, window in self._rules(method, channel):
                times = self._windows[key]
                while times and times[0] <= now - window:
                    times.popleft()
                if len(times) >= capacity:
                    wait = max(wait or 0.0, times[0] + window - now)
        return None if wait is None else max(1, math.ceil(wait))

    def spend(self, method: str, channel: str | None, now: float) -> None:
        with self._lock:
            for key, _capacity, _window in self._rules(method, channel):
                self._windows[key].append(now)

    def clear(self) -> None:
        with self._lock:
            self._windows.clear()
