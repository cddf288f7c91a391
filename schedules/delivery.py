"""Sending the deliveries of due occurrences, each exactly once.

A delivery is claimed in its own committed transaction before the Web API call and marked
sent with the returned `ts` after it. Every message carries the delivery id in its metadata,
so a claim left behind by a crash can be checked against the conversation before resending.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from slack_sdk.errors import SlackApiError

from domain.ports import UnitOfWork
from domain.scheduling import (
    CLAIM_LEASE,
    CLAIM_RENEWAL,
    WAITING,
    CohortGuard,
    DeliveryStatus,
    Failure,
    Occurrence,
    OccurrenceStatus,
    PlannedOccurrence,
    Report,
    Timing,
)
from handlers.blocks.slack_errors import error_code
from handlers.context import Context
from schedules.guard import TOKEN_ERRORS, guarded, planning_guard
from schedules.pacing import paced, retry_after

log = logging.getLogger(__name__)

METADATA_EVENT = "cohortbot_delivery"
# Posts in flight at once for one occurrence; the pacer keeps them under Slack's limits.
SENDERS = 4
# Deliveries marked attempted, then confirmed, together: two commits per batch rather than two per
# message. A crash in between leaves them attempted, and reconciliation looks for them in their
# conversation; those claimed but never attempted are simply sent again.
BATCH = 20
# Rounds within one tick for deliveries Slack refused with a 429, each once its window has passed.
RATE_LIMITED_ROUNDS = 3
RATE_LIMITED = "rate limited"

# Slack answered, and said it will never take this message: do not try again.
# Anything else (5xx, time-outs, dropped connections) leaves the outcome unknown.
UNKNOWN_OUTCOME_ERRORS = {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}


Render = Callable[[PlannedOccurrence[Any], str], dict[str, Any]]


@dataclass(frozen=True)
class Send:
    """How one kind of occurrence is rendered, and the words its counts carry in a job's report."""

    render: Render
    label: str | None = None  # None: the counts as they are ("sent", "missed"…)


def deliver_kinds(
    ctx: Context,
    now: datetime,
    report: Report,
    due: Mapping[str, Sequence[PlannedOccurrence[Any]]],
    sends: Mapping[str, Send],
) -> Report:
    """Delivers what is due, kind after kind in the order of `sends`, into one report."""
    for kind, send in sends.items():
        if due.get(kind):
            done = deliver_due(ctx, now, kind, due[kind], send.render)
            for what, amount in done.counts.items():
                report.add(f"{send.label} {what}" if send.label else what, amount)
            report.failures.extend(done.failures)
    return report


# What a job has due, per kind, planned in the unit of work it is given, each cohort's share
# under the guard it is given.
Plan = Callable[[Context, UnitOfWork, datetime, CohortGuard], Mapping[str, Sequence[PlannedOccurrence[Any]]]]


@dataclass(frozen=True, eq=False)  # a job is itself: compared and hashed by identity
class DeliveryJob:
    """A job that plans what is due in one unit of work, then delivers it kind by kind."""

    kind: str
    plan: Plan
    sends: Mapping[str, Send]

    def run(self, ctx: Context, now: datetime) -> Report:
        report = Report(self.kind)
        with ctx.uow() as uow:
            due = self.plan(ctx, uow, now, planning_guard(report))
        return deliver_kinds(ctx, now, report, due, self.sends)


def delivery_metadata(delivery_id: int) -> dict[str, Any]:
    return {"event_type": METADATA_EVENT, "event_payload": {"delivery_id": delivery_id}}


def deliver_due(
    ctx: Context, now: datetime, kind: str, planned: Iterable[PlannedOccurrence[Any]], render: Render
) -> Report:
    """Records what is due and sends what is pending; what is past its grace is recorded as missed."""
    report = Report(kind)
    planned = [item for item in planned if item.timing(now) is not Timing.EARLY]
    if not planned:
        return report
    with ctx.uow() as uow:
        known = uow.schedule.known(kind, {item.local_date for item in planned})
    token = uuid.uuid4().hex
    for item in planned:
        # Each occurrence on its own: one that cannot be rendered or sent leaves the others going.
        guarded(
            report,
            Failure(kind, item.cohort_id, item.subject, item.local_date),
            partial(_deliver_one, ctx, now, item, known, render, token, report),
        )
    return report


def _deliver_one(
    ctx: Context,
    now: datetime,
    item: PlannedOccurrence[Any],
    known: Mapping[tuple[str, Any], Occurrence],
    render: Render,
    token: str,
    report: Report,
) -> None:
    occurrence = known.get((item.subject, item.local_date))
    if occurrence is not None and occurrence.status is not OccurrenceStatus.OPEN:
        return
    if occurrence is None:
        occurrence = _record(ctx, item, now)
        if occurrence.status is OccurrenceStatus.MISSED:
            report.add("missed", len(set(item.recipients)))
            return
    if item.timing(now) is Timing.DUE:
        send_pending(ctx, now, occurrence, lambda recipient: render(item, recipient), token, report)


def _record(ctx: Context, item: PlannedOccurrence[Any], now: datetime) -> Occurrence:
    status = OccurrenceStatus.OPEN if item.timing(now) is Timing.DUE else OccurrenceStatus.MISSED
    with ctx.uow() as uow:
        occurrence = uow.schedule.record(item, status, now)
        uow.commit()
    return occurrence


class TickTime:
    """The tick's own timeline: its instant plus the time since it began, so a claim is stamped
    with the moment it is taken, also when the tick runs at a chosen instant (`tick --at`)."""

    def __init__(self, start: datetime):
        self.start, self._began = start, time.monotonic()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self._began)


class Lease:
    """Renews a sender's claims in the background while it sends, so a fan-out longer than the
    lease is never taken over by another tick. A sender that could not renew for longer than the
    lease allows stops posting: another tick may now take its claims."""

    def __init__(self, ctx: Context, token: str, stamp: TickTime):
        self.ctx, self.token, self.stamp = ctx, token, stamp
        self._renewed = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claim-lease", daemon=True)

    @property
    def lost(self) -> bool:
        return time.monotonic() - self._renewed > (CLAIM_LEASE - CLAIM_RENEWAL).total_seconds()

    def __enter__(self) -> Lease:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(CLAIM_RENEWAL.total_seconds()):
            try:
                with self.ctx.uow() as uow:
                    uow.schedule.renew(self.token, self.stamp())
                    uow.commit()
            except Exception as error:  # the database is away: try again, stop posting if it stays away
                log.warning("claims of %s not renewed (%s)", self.token, error)
                continue
            self._renewed = time.monotonic()


def send_pending(
    ctx: Context, now: datetime, occurrence: Occurrence, render, token: str, report: Report
) -> None:
    """Claims what is pending, posts it batch by batch under a renewed lease, and sends again,
    within this tick, what Slack refused with a 429 once its window has passed."""
    stamp = TickTime(now)
    try:
        with (
            Lease(ctx, token, stamp) as lease,
            ThreadPoolExecutor(max_workers=SENDERS, thread_name_prefix="delivery") as pool,
        ):
            for _round in range(1 + RATE_LIMITED_ROUNDS):
                rate_limited = _send_round(ctx, stamp, occurrence, render, token, pool, lease, report)
                if not rate_limited or lease.lost:
                    break
    finally:
        # Claimed but never attempted (the lease was lost, a failure, a refused token): the next
        # tick sends them at once.
        with ctx.uow() as uow:
            uow.schedule.release_unattempted(token)
            uow.commit()
    with ctx.uow() as uow:
        waiting = uow.schedule.pending_count(occurrence.id)
        uow.schedule.finish_if_complete(occurrence.id)
        uow.commit()
    if waiting:
        report.add(WAITING, waiting)


def _send_round(ctx, stamp: TickTime, occurrence: Occurrence, render, token, pool, lease, report) -> int:
    """One pass over what is pending; how many Slack refused with a 429."""
    with ctx.uow() as uow:
        pending = uow.schedule.deliveries(occurrence.id, DeliveryStatus.PENDING)
        if not pending:
            return 0
        # Claimed all at once: the others are another tick's.
        held = set(uow.schedule.claim_many([d.id for d in pending], token, stamp()))
        uow.commit()
    claimed = [d for d in pending if d.id in held]
    rate_limited = 0
    for start in range(0, len(claimed), BATCH):
        if lease.lost:
            break
        rate_limited += _send_batch(ctx, stamp, claimed[start : start + BATCH], render, token, pool, report)
    return rate_limited


def _send_batch(ctx: Context, stamp: TickTime, batch: list, render, token: str, pool, report: Report) -> int:
    """Marks the batch attempted in one transaction, posts a few at a time, confirms what Slack
    took in one more. A crash in between leaves them attempted, for reconciliation to look up."""
    messages = {delivery.id: render(delivery.recipient) for delivery in batch}
    with ctx.uow() as uow:
        mine = set(uow.schedule.attempt([d.id for d in batch], token, stamp()))
        uow.commit()
    attempted = [d for d in batch if d.id in mine]  # the others were taken over: no longer ours
    futures = [(d, pool.submit(post, ctx, d.id, d.recipient, messages[d.id], token)) for d in attempted]
    sent, refused, rate_limited = [], None, 0
    for delivery, future in futures:
        try:
            outcome = future.result()
        except Exception as error:  # a refused token: confirm what went out, then stop the tick
            refused = refused or error
            continue
        if isinstance(outcome, tuple):
            sent.append((delivery, *outcome))
            outcome = "sent"
        if outcome == RATE_LIMITED:
            rate_limited += 1
        elif outcome:
            report.add(outcome)
    if sent:
        # Sent "at the tick": the instant the occurrence was due for, as the rituals read it.
        _confirm(ctx, stamp.start, sent, token)
    if refused is not None:
        raise refused
    return rate_limited


def _confirm(ctx: Context, now: datetime, sent: list, token: str) -> None:
    with ctx.uow() as uow:
        for delivery, channel, ts in sent:
            if not uow.schedule.mark_sent(delivery.id, token, channel, ts, now):
                log.warning("delivery %s was taken over while it was sent", delivery.id)
            if channel.startswith("D") and delivery.recipient[:1] in ("U", "W"):
                uow.schedule.remember_direct_channel(delivery.recipient, channel)
        uow.commit()


def post(
    ctx: Context, delivery_id: int, recipient: str, message: dict[str, Any], token: str
) -> tuple[str, str] | str | None:
    """Posts one claimed delivery: Slack's (channel, ts), 'failed', RATE_LIMITED, or None when the
    outcome is unknown."""
    try:
        with paced(ctx.pacer, recipient):
            response = ctx.slack.chat_postMessage(
                channel=recipient, metadata=delivery_metadata(delivery_id), **message
            )
    except SlackApiError as error:
        return _settle_error(ctx, delivery_id, recipient, error, token)
    except OSError as error:
        # Connection failures after the client's own retries: the message may or may not have
        # gone out; the claim stays, and reconciliation decides later.
        log.warning("delivery %s to %s: outcome unknown (%s)", delivery_id, recipient, error)
        return None
    return response["channel"], response["ts"]


def _settle_error(
    ctx: Context, delivery_id: int, recipient: str, error: SlackApiError, token: str
) -> str | None:
    status = getattr(error.response, "status_code", 200)
    code = error_code(error)
    if status == 429 or code in TOKEN_ERRORS:
        if status == 429 and ctx.pacer is not None:
            # Every sender of this process waits out the window, not only this one.
            ctx.pacer.pause(retry_after(error.response))
        with ctx.uow() as uow:
            uow.schedule.release(delivery_id, token, code)
            uow.commit()
        if code in TOKEN_ERRORS:
            raise error
        return RATE_LIMITED
    if status >= 500 or code in UNKNOWN_OUTCOME_ERRORS:
        log.warning("delivery %s to %s: outcome unknown (HTTP %s %s)", delivery_id, recipient, status, code)
        return None
    log.warning("delivery %s to %s failed: %s", delivery_id, recipient, code)
    with ctx.uow() as uow:
        uow.schedule.mark_failed(delivery_id, token, code)
        uow.commit()
    return "failed"
