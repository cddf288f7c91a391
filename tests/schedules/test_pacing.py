"""Scheduled posts are paced under Slack's limits: no 429, and no slower than the limits require."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from time import monotonic

import pytest

from bot.slack import make_client
from bot.standin.slack import SlackStandIn
from schedules.pacing import Pacer, paced
from tests.support.standup_world import StandupWorld


class VirtualTime:
    """A monotonic clock that only moves when someone sleeps: the pacer and the fake share it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_a_sliding_minute_per_workspace_and_a_second_per_conversation():
    time = VirtualTime()
    pacer = Pacer(per_minute=3, monotonic=time, sleep=time.sleep)
    for channel in ("D1", "D2", "D3", "D4"):
        with paced(pacer, channel):
            time.now += 0.1  # the call itself
    assert time.now == pytest.approx(1000.1 + 60 + 0.1)  # the 4th waited for the 1st to leave the minute
    before = time.now
    with paced(pacer, "D4"):
        pass
    assert time.now - before == pytest.approx(1.0)  # D4 again: a second after its last post
    assert pacer.waited > 60


def test_a_pause_holds_back_every_post_until_it_ends():
    time = VirtualTime()
    pacer = Pacer(per_minute=100, monotonic=time, sleep=time.sleep)
    pacer.pause(3)
    pacer.pause(1)  # a shorter pause never shortens the one under way
    for channel in ("D1", "D2"):
        with paced(pacer, channel):
            pass
    assert time.now == pytest.approx(1003)
    assert pacer.pause_left() == 0


def test_no_pacer_no_wait():
    started = monotonic()
    for _ in range(3):
        with paced(None, "D1"):
            pass
    # Paced, three posts to one conversation would take at least two seconds.
    assert monotonic() - started < 1.0


@pytest.fixture
def limited(ctx, clock):
    time = VirtualTime()
    fake = SlackStandIn(enforce_limits=True, workspace_per_minute=20, clock=time).start()
    paced_ctx = replace(
        ctx,
        slack=make_client("xoxb-test", fake.url, timeout=5),
        pacer=Pacer(per_minute=20, monotonic=time, sleep=time.sleep),
    )
    yield paced_ctx, fake, time
    fake.stop()


def test_a_fan_out_over_the_workspace_limit_is_paced_without_a_single_429(limited, clock):
    ctx, fake, time = limited
    world = StandupWorld(ctx, fake, clock)
    cohort = world.cohort()
    fellows = [f"U{n:03d}" for n in range(45)]
    world.people(cohort, *fellows)
    world.standup(cohort)
    started = time.now
    counts = world.tick(datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    assert counts["prompts sent"] == 45 and counts["threads sent"] == 1
    assert fake.stats()["ratelimited"] == 0 and fake.stats()["errors"] == 0
    # 46 posts at 20 a minute: two full minutes are the least the limit allows, and no more was taken.
    assert 120 <= time.now - started < 121
