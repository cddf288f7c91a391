"""Claims nobody can steal from a live sender, and claims a dead sender left behind.

The lease is compressed to two seconds here; in the bot it is 30 s, renewed every 10 s.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import timedelta

import pytest

from domain.scheduling import DeliveryStatus, OccurrenceStatus
from schedules import delivery, reconcile
from schedules.engine import tick
from tests.schedules.test_send_once import DUE, _worker, killed_mid_batch, posted_to, statuses
from tests.support.demo_job import DemoJob

RECIPIENTS = [f"U{n:05d}" for n in range(40)]


@pytest.fixture
def short_lease(monkeypatch):
    lease, renewal = timedelta(seconds=2), timedelta(seconds=0.2)
    for module in (delivery, reconcile):
        monkeypatch.setattr(module, "CLAIM_LEASE", lease)
    monkeypatch.setattr(delivery, "CLAIM_RENEWAL", renewal)
    return lease


def test_a_second_tick_after_the_lease_takes_nothing_from_a_live_sender(ctx, fake_slack, short_lease):
    # Each post takes 0.6 s: a batch lasts about 3 s, the fan-out 6 s, the lease is 2 s.
    fake_slack.delay("chat.postMessage", 0.6)
    job = DemoJob(RECIPIENTS, DUE)
    first = threading.Thread(target=tick, args=(ctx, DUE, [job]))
    first.start()
    time.sleep(2.5)  # past the lease of the first claims, while the first batch is still being sent
    second = tick(ctx, DUE + timedelta(seconds=2.5), [job])
    first.join()
    assert second[0].counts == {} and second[1]["sent"] == 0, "the live sender's claims were taken"
    assert posted_to(fake_slack) == Counter({user: 1 for user in RECIPIENTS})
    assert statuses(ctx) == Counter({DeliveryStatus.SENT: len(RECIPIENTS)})


def test_only_the_claim_s_own_token_confirms_or_releases_it(ctx):
    job = DemoJob(RECIPIENTS[:1], DUE)
    with ctx.uow() as uow:
        occurrence = uow.schedule.record(job.planned(), OccurrenceStatus.OPEN, DUE)
        (pending,) = uow.schedule.deliveries(occurrence.id)
        assert uow.schedule.claim_many([pending.id], "mine", DUE) == [pending.id]
        assert uow.schedule.claim_many([pending.id], "theirs", DUE) == []
        assert uow.schedule.attempt([pending.id], "theirs", DUE) == []
        assert not uow.schedule.mark_sent(pending.id, "theirs", "D1", "1.1", DUE)
        assert not uow.schedule.release(pending.id, "theirs", "ratelimited")
        assert uow.schedule.attempt([pending.id], "mine", DUE) == [pending.id]
        assert uow.schedule.mark_sent(pending.id, "mine", "D1", "1.1", DUE)
        uow.commit()
    assert statuses(ctx) == Counter({DeliveryStatus.SENT: 1})


def test_after_kill_9_what_was_never_attempted_goes_out_at_the_next_minute(database_url, ctx, fake_slack):
    posted_before = killed_mid_batch(database_url, fake_slack, 60)
    assert posted_before < 60
    with ctx.uow() as uow:
        occurrence = next(iter(uow.schedule.known("demo", [DUE.date()]).values()))
        left = uow.schedule.deliveries(occurrence.id, DeliveryStatus.CLAIMED)
    attempted = [d for d in left if d.attempted_at is not None]
    assert left and len(attempted) <= delivery.BATCH, "claimed ahead, attempted a batch at a time"

    fake_slack.delay("chat.postMessage", 0)
    later = _worker(database_url, fake_slack, DUE + timedelta(minutes=1), 60)
    out, err = later.communicate(timeout=60)
    assert later.returncode == 0, err
    # Only the attempted claims were looked up in their conversation; the rest were just resent.
    assert fake_slack.count("conversations.history") == len(attempted)
    assert f"{len(left) - len(attempted)} resumed" in out.splitlines()[0]
    counts = posted_to(fake_slack)
    assert len(counts) == 60, "every recipient got the message"
    assert set(counts.values()) == {1}, f"no one got it twice: {counts.most_common(3)}"
    assert statuses(ctx) == Counter({DeliveryStatus.SENT: 60})
