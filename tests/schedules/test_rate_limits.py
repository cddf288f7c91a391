"""A 429 pauses every sender of the process; what it refused goes out in the same tick, or is
counted as waiting."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from bot.slack import make_client
from domain.scheduling import DeliveryStatus
from schedules.engine import tick
from schedules.pacing import Pacer
from tests.schedules.test_send_once import DUE, statuses
from tests.support.demo_job import DemoJob

RECIPIENTS = [f"U{n:05d}" for n in range(16)]
LATENCY, RETRY_AFTER = 0.05, 1


def posted_to(fake) -> Counter:
    """Who got a message (a call Slack refused with a 429 posted nothing)."""
    return Counter(call.params["channel"] for call in fake.calls("chat.postMessage") if call.ok)


@pytest.fixture
def paced(ctx, fake_slack):
    pacer = Pacer(per_minute=6000)
    return replace(ctx, pacer=pacer, slack=make_client("xoxb-test", fake_slack.url, timeout=5, pacer=pacer))


def _inside_windows(fake) -> int:
    """Calls that reached Slack after a 429 was answered and before its Retry-After ran out."""
    calls = fake.calls("chat.postMessage")
    answered = [call.time + LATENCY for call in calls if call.status == 429]
    # Calls already on their way when the 429 was answered arrive a moment later: 0.1 s of slack.
    return sum(1 for call in calls for at in answered if at + 0.1 < call.time < at + RETRY_AFTER)


def test_a_429_pauses_every_sender_and_the_refused_post_goes_out_in_the_same_tick(paced, fake_slack):
    fake_slack.delay("chat.postMessage", LATENCY)
    fake_slack.rate_limit_next("chat.postMessage", retry_after=RETRY_AFTER)
    reports = tick(paced, DUE, [DemoJob(RECIPIENTS, DUE)])
    assert reports[1]["sent"] == len(RECIPIENTS) and reports[1].waiting == 0
    assert fake_slack.stats()["ratelimited"] == 1
    assert _inside_windows(fake_slack) == 0
    assert posted_to(fake_slack) == Counter({user: 1 for user in RECIPIENTS})


def test_the_window_check_counts_calls_made_inside_it(ctx, fake_slack):
    # slack_sdk's own handler only puts to sleep the thread that got the 429; the others go on.
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

    client = make_client("xoxb-test", fake_slack.url, timeout=5)
    client.retry_handlers = [RateLimitErrorRetryHandler(max_retry_count=2)]
    unpaused = replace(ctx, pacer=Pacer(per_minute=6000), slack=client)
    fake_slack.delay("chat.postMessage", LATENCY)
    fake_slack.rate_limit_next("chat.postMessage", retry_after=RETRY_AFTER)
    tick(unpaused, DUE, [DemoJob(RECIPIENTS, DUE)])
    assert _inside_windows(fake_slack) > 0


def test_what_slack_keeps_refusing_is_counted_as_waiting_and_sent_next_tick(paced, fake_slack):
    paced.slack.retry_handlers.clear()  # one 429 per round, to keep the test short
    fake_slack.rate_limit_next("chat.postMessage", retry_after=1, times=4 * 2)
    job = DemoJob(RECIPIENTS[:2], DUE)
    reports = tick(paced, DUE, [job])
    assert reports[1].waiting == 2 and "2 waiting" in reports[1].line()
    assert statuses(paced) == Counter({DeliveryStatus.PENDING: 2})
    reports = tick(paced, DUE.replace(minute=31), [job])
    assert reports[1]["sent"] == 2 and reports[1].waiting == 0
    assert posted_to(fake_slack) == Counter({user: 1 for user in RECIPIENTS[:2]})
