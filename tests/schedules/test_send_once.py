"""The three send-once guarantees of the scheduling core, and the grace window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from domain.scheduling import CLAIM_LEASE, DeliveryStatus
from schedules.engine import tick
from tests.support.demo_job import DemoJob

ROOT = Path(__file__).resolve().parents[2]
DUE = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)  # 09:30 in Paris
RECIPIENTS = [f"U{n:05d}" for n in range(12)]


def posted_to(fake) -> Counter:
    return Counter(call.params["channel"] for call in fake.calls("chat.postMessage"))


def statuses(ctx) -> Counter:
    with ctx.uow() as uow:
        occurrence = next(iter(uow.schedule.known("demo", [DUE.date()]).values()))
        return Counter(d.status for d in uow.schedule.deliveries(occurrence.id))


def test_nothing_is_sent_before_it_is_due(ctx, fake_slack):
    reports = tick(ctx, DUE - timedelta(minutes=1), [DemoJob(RECIPIENTS, DUE)])
    assert fake_slack.count("chat.postMessage") == 0
    assert [r.kind for r in reports] == ["reconcile", "demo", "close"]


def test_two_ticks_at_the_same_instant_send_once(ctx, fake_slack):
    job = DemoJob(RECIPIENTS, DUE)
    first = tick(ctx, DUE, [job])
    second = tick(ctx, DUE, [job])
    assert first[1]["sent"] == len(RECIPIENTS)
    assert second[1]["sent"] == 0
    assert posted_to(fake_slack) == Counter({user: 1 for user in RECIPIENTS})
    assert statuses(ctx) == Counter({DeliveryStatus.SENT: len(RECIPIENTS)})


def test_concurrent_ticks_in_threads_send_once(ctx, fake_slack):
    fake_slack.delay("chat.postMessage", 0.01)
    job = DemoJob(RECIPIENTS, DUE)
    threads = [threading.Thread(target=tick, args=(ctx, DUE, [job])) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert posted_to(fake_slack) == Counter({user: 1 for user in RECIPIENTS})


def test_the_dm_channel_slack_returns_is_kept(ctx, fake_slack):
    tick(ctx, DUE, [DemoJob(RECIPIENTS[:1], DUE)])
    with ctx.uow() as uow:
        assert uow.schedule.direct_channel(RECIPIENTS[0]).startswith("D")


def test_a_missed_prompt_is_sent_inside_the_grace_window(ctx, fake_slack):
    tick(ctx, DUE + timedelta(minutes=90), [DemoJob(RECIPIENTS, DUE, grace=timedelta(hours=2))])
    assert posted_to(fake_slack) == Counter({user: 1 for user in RECIPIENTS})


def test_after_the_grace_window_it_is_recorded_as_missed_and_never_sent(ctx, fake_slack):
    job = DemoJob(RECIPIENTS, DUE, grace=timedelta(hours=2))
    reports = tick(ctx, DUE + timedelta(hours=3), [job])
    assert fake_slack.count("chat.postMessage") == 0
    assert reports[1]["missed"] == len(RECIPIENTS)
    assert statuses(ctx) == Counter({DeliveryStatus.MISSED: len(RECIPIENTS)})
    tick(ctx, DUE + timedelta(hours=3, minutes=1), [job])
    assert fake_slack.count("chat.postMessage") == 0


def test_a_refused_message_is_failed_not_retried(ctx, fake_slack):
    fake_slack.fail_next("chat.postMessage", error="channel_not_found")
    job = DemoJob(RECIPIENTS[:2], DUE)
    tick(ctx, DUE, [job])
    tick(ctx, DUE + timedelta(minutes=1), [job])
    assert fake_slack.count("chat.postMessage") == 2
    assert statuses(ctx) == Counter({DeliveryStatus.SENT: 1, DeliveryStatus.FAILED: 1})


def test_pending_deliveries_left_at_the_end_of_grace_are_missed(ctx, fake_slack):
    fake_slack.fail_next("chat.postMessage", status=500)
    job = DemoJob(RECIPIENTS[:1], DUE, grace=timedelta(minutes=30))
    tick(ctx, DUE, [job])  # outcome unknown: stays claimed
    assert statuses(ctx) == Counter({DeliveryStatus.CLAIMED: 1})
    reports = tick(ctx, DUE + timedelta(hours=1), [job])  # past the lease and the grace
    assert fake_slack.count("chat.postMessage") == 1
    assert reports[0]["missed"] == 1
    assert statuses(ctx) == Counter({DeliveryStatus.MISSED: 1})


def test_an_unknown_outcome_that_reached_slack_is_not_sent_again(ctx, fake_slack):
    # Slack stores the message, then the connection drops before the answer arrives.
    fake_slack.drop_next("chat.postMessage")
    job = DemoJob(RECIPIENTS[:3], DUE)
    tick(ctx, DUE, [job])
    assert statuses(ctx)[DeliveryStatus.CLAIMED] == 1
    reports = tick(ctx, DUE + CLAIM_LEASE + timedelta(minutes=1), [job])
    assert reports[0]["reconciled"] == 1
    assert statuses(ctx) == Counter({DeliveryStatus.SENT: 3})
    assert posted_to(fake_slack) == Counter({user: 1 for user in RECIPIENTS[:3]})


def test_an_unknown_outcome_that_never_reached_slack_is_sent_once_more(ctx, fake_slack):
    fake_slack.fail_next("chat.postMessage", status=500)  # answered 500, nothing stored
    job = DemoJob(RECIPIENTS[:2], DUE)
    tick(ctx, DUE, [job])
    tick(ctx, DUE + CLAIM_LEASE + timedelta(minutes=1), [job])
    assert statuses(ctx) == Counter({DeliveryStatus.SENT: 2})
    assert sum(posted_to(fake_slack).values()) == 3  # the failed attempt, then one each


# Real processes -------------------------------------------------------------------------


def _worker(database_url: str, fake, at: datetime, recipients: int) -> subprocess.Popen:
    env = {
        key: value
        for key, value in os.environ.items()
        if key.lower() not in ("http_proxy", "https_proxy", "all_proxy")
    }
    env.update(
        DATABASE_URL=database_url,
        SLACK_API_URL=fake.url,
        SLACK_BOT_TOKEN="xoxb-test",
        PYTHONPATH=str(ROOT),
    )
    command = [
        sys.executable,
        "-m",
        "tests.support.demo_job",
        "--at",
        at.isoformat(),
        "--due",
        DUE.isoformat(),
        "--recipients",
        str(recipients),
    ]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def killed_mid_batch(database_url: str, fake, recipients: int) -> int:
    """A worker sending to `recipients` people, killed with SIGKILL after 8 posts; how many it posted."""
    fake.delay("chat.postMessage", 0.1)
    worker = _worker(database_url, fake, DUE, recipients)
    deadline = time.monotonic() + 60
    while fake.count("chat.postMessage") < 8:
        assert time.monotonic() < deadline and worker.poll() is None, "worker ended before it could be killed"
        time.sleep(0.01)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    return fake.count("chat.postMessage")


def test_two_processes_on_the_same_database_send_once(database_url, ctx, fake_slack):
    # Slow enough answers that both processes are still sending when the second one starts.
    fake_slack.delay("chat.postMessage", 0.15)
    workers = [_worker(database_url, fake_slack, DUE, 40) for _ in range(2)]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
    sent = [
        int(out.split("demo: ")[1].split(" sent")[0]) if "sent" in out.split("demo: ")[1] else 0
        for out, _ in outputs
    ]
    assert sum(sent) == 40
    counts = posted_to(fake_slack)
    assert len(counts) == 40 and set(counts.values()) == {1}


def test_a_process_killed_mid_batch_is_finished_by_the_next_tick(database_url, ctx, fake_slack):
    sent_before_kill = killed_mid_batch(database_url, fake_slack, 30)
    assert sent_before_kill < 30

    fake_slack.delay("chat.postMessage", 0)
    again = _worker(database_url, fake_slack, DUE, 30)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    later = _worker(database_url, fake_slack, DUE + CLAIM_LEASE + timedelta(minutes=1), 30)
    out, err = later.communicate(timeout=120)
    assert later.returncode == 0, err

    counts = posted_to(fake_slack)
    assert len(counts) == 30, "every recipient got the message"
    assert set(counts.values()) == {1}, f"no one got it twice: {counts.most_common(3)}"
    assert statuses(ctx) == Counter({DeliveryStatus.SENT: 30})


@pytest.mark.parametrize("when", ["2026-03-29", "2026-10-25"])
def test_dst_days_send_once(ctx, fake_slack, when):
    from datetime import time as wall

    from domain.calendar import at_local

    due = at_local(datetime.fromisoformat(when).date(), wall(9, 30), "Europe/Paris")
    job = DemoJob(RECIPIENTS[:2], due)
    for minute in range(0, 180, 30):
        tick(ctx, due - timedelta(minutes=60) + timedelta(minutes=minute), [job])
    assert posted_to(fake_slack) == Counter({user: 1 for user in RECIPIENTS[:2]})
