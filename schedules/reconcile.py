"""Claims left behind by a process that died mid-send, and occurrences whose grace has passed.

A live sender renews its claims; one not renewed for CLAIM_LEASE was abandoned. If it was never
attempted, it goes back to pending and this very tick sends it. If it was attempted, Slack may
have it: Slack has no idempotency key, so it is looked for in its conversation (every message
carries its delivery id in `metadata`) before it is sent again.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import Any

from slack_sdk.errors import SlackApiError

from domain.scheduling import CLAIM_LEASE, Delivery, DeliveryStatus, Report, Timing, timing
from handlers.context import Context
from schedules.delivery import METADATA_EVENT

log = logging.getLogger(__name__)

HISTORY_DEPTH = 100
CLOSING = "closing"


def run(ctx: Context, now: datetime) -> Report:
    report = Report("reconcile")
    abandoned_before = now - CLAIM_LEASE
    with ctx.uow() as uow:
        stale = uow.schedule.stale_claims(abandoned_before)
    token = uuid.uuid4().hex
    for delivery in stale:
        with ctx.uow() as uow:
            if delivery.attempted_at is None:
                if uow.schedule.release_abandoned(delivery.id, delivery.claim_token, abandoned_before):
                    report.add("resumed")
                uow.commit()
                continue
            if not uow.schedule.retake(delivery.id, delivery.claim_token, token, now, abandoned_before):
                continue
            uow.commit()
        _reconcile(ctx, now, delivery, report, token)
    return report


def _reconcile(ctx: Context, now: datetime, delivery: Delivery, report: Report, token: str) -> None:
    try:
        found = find_posted(ctx, delivery)
    except (SlackApiError, OSError) as error:
        log.warning("delivery %s: cannot check its conversation yet (%s)", delivery.id, error)
        return
    with ctx.uow() as uow:
        if found is not None:
            uow.schedule.mark_sent(delivery.id, token, found[0], found[1], now)
            report.add("reconciled")
        else:
            occurrence = uow.schedule.occurrence(delivery.occurrence_id)
            if timing(occurrence.due_at, occurrence.grace_until, now) is Timing.DUE:
                uow.schedule.release(delivery.id, token, "not delivered; will retry")
            else:
                uow.schedule.mark_missed(delivery.id, token)
                report.add("missed")
        uow.commit()


def find_posted(ctx: Context, delivery: Delivery) -> tuple[str, str] | None:
    """(channel, ts) of the message carrying this delivery's id, if Slack has it."""
    channel = _conversation(ctx, delivery)
    if channel is None:
        return None
    history = ctx.slack.conversations_history(channel=channel, limit=HISTORY_DEPTH, include_all_metadata=True)
    messages: list[dict[str, Any]] = history.get("messages") or []
    for message in messages:
        metadata = message.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == METADATA_EVENT and payload.get("delivery_id") == delivery.id:
            return channel, message["ts"]
    return None


def _conversation(ctx: Context, delivery: Delivery) -> str | None:
    if delivery.channel:
        return delivery.channel
    recipient = delivery.recipient
    if recipient[:1] not in ("U", "W"):
        return recipient
    with ctx.uow() as uow:
        known = uow.schedule.direct_channel(recipient)
    if known:
        return known
    opened = ctx.slack.conversations_open(users=recipient)
    channel = opened["channel"]["id"]
    with ctx.uow() as uow:
        uow.schedule.remember_direct_channel(recipient, channel)
        uow.commit()
    return channel


def close_past_grace(ctx: Context, now: datetime) -> Report:
    """Deliveries still pending when their occurrence's grace ends are recorded as missed."""
    report = Report("close")
    with ctx.uow() as uow:
        for occurrence in uow.schedule.open_past_grace(now):
            for delivery in uow.schedule.deliveries(occurrence.id, DeliveryStatus.PENDING):
                uow.schedule.claim(delivery.id, CLOSING, now)
                uow.schedule.mark_missed(delivery.id, CLOSING)
                report.add("missed")
            uow.schedule.finish_if_complete(occurrence.id)
        uow.commit()
    return report
