"""Sending the deliveries of due occurrences, each exactly once.

A delivery is claimed in its own committed transaction before the Web API call and marked
sent with the returned `ts` after it. Every message carries the delivery id in its metadata,
so a claim left behind by a crash can be checked against the conversation before resending.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from slack_sdk.errors import SlackApiError

from domain.ports import UnitOfWork
from domain.scheduling import (
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
from schedules.pacing import paced

log = logging.getLogger(__name__)

METADATA_EVENT = "cohortbot_delivery"
# Posts in flight at once for one occurrence; the pacer keeps them under Slack's limits.
SENDERS = 4
# Deliveries claimed, then confirmed, together: two commits per batch rather than two per message.
# A crash in between leaves them claimed, and reconciliation finds them in their conversation.
BATCH = 20

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


def send_pending(
    ctx: Context, now: datetime, occurrence: Occurrence, render, token: str, report: Report
) -> None:
    with ctx.uow() as uow:
        pending = uow.schedule.deliveries(occurrence.id, DeliveryStatus.PENDING)
    with ThreadPoolExecutor(max_workers=SENDERS, thread_name_prefix="delivery") as pool:
        for start in range(0, len(pending), BATCH):
            _send_batch(ctx, now, pending[start : start + BATCH], render, token, pool, report)
    with ctx.uow() as uow:
        uow.schedule.finish_if_complete(occurrence.id)
        uow.commit()


def _send_batch(ctx: Context, now: datetime, batch: list, render, token: str, pool, report: Report) -> None:
    """Claims the batch in one transaction, posts a few at a time, confirms what Slack took in one more."""
    messages = {delivery.id: render(delivery.recipient) for delivery in batch}
    with ctx.uow() as uow:
        claimed = [
            d for d in batch if uow.schedule.claim(d.id, token, now)
        ]  # the others: another tick has them
        uow.commit()
    futures = [(d, pool.submit(post, ctx, d.id, d.recipient, messages[d.id])) for d in claimed]
    sent, refused = [], None
    for delivery, future in futures:
        try:
            outcome = future.result()
        except Exception as error:  # a refused token: confirm what went out, then stop the tick
            refused = refused or error
            continue
        if isinstance(outcome, tuple):
            sent.append((delivery, *outcome))
            outcome = "sent"
        if outcome:
            report.add(outcome)
    if sent:
        _confirm(ctx, now, sent)
    if refused is not None:
        raise refused


def _confirm(ctx: Context, now: datetime, sent: list) -> None:
    with ctx.uow() as uow:
        for delivery, channel, ts in sent:
            uow.schedule.mark_sent(delivery.id, channel, ts, now)
            if channel.startswith("D") and delivery.recipient[:1] in ("U", "W"):
                uow.schedule.remember_direct_channel(delivery.recipient, channel)
        uow.commit()


def post(
    ctx: Context, delivery_id: int, recipient: str, message: dict[str, Any]
) -> tuple[str, str] | str | None:
    """Posts one claimed delivery: Slack's (channel, ts), 'failed', or None when the outcome is unknown."""
    try:
        with paced(ctx.pacer, recipient):
            response = ctx.slack.chat_postMessage(
                channel=recipient, metadata=delivery_metadata(delivery_id), **message
            )
    except SlackApiError as error:
        return _settle_error(ctx, delivery_id, recipient, error)
    except OSError as error:
        # Connection failures after the client's own retries: the message may or may not have
        # gone out; the claim stays, and reconciliation decides later.
        log.warning("delivery %s to %s: outcome unknown (%s)", delivery_id, recipient, error)
        return None
    return response["channel"], response["ts"]


def _settle_error(ctx: Context, delivery_id: int, recipient: str, error: SlackApiError) -> str | None:
    status = getattr(error.response, "status_code", 200)
    code = error_code(error)
    if status == 429 or code in TOKEN_ERRORS:
        with ctx.uow() as uow:
            uow.schedule.release(delivery_id, code)
            uow.commit()
        if code in TOKEN_ERRORS:
            raise error
        return None
    if status >= 500 or code in UNKNOWN_OUTCOME_ERRORS:
        log.warning("delivery %s to %s: outcome unknown (HTTP %s %s)", delivery_id, recipient, status, code)
        return None
    log.warning("delivery %s to %s failed: %s", delivery_id, recipient, code)
    with ctx.uow() as uow:
        uow.schedule.mark_failed(delivery_id, code)
        uow.commit()
    return "failed"
