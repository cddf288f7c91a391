"""Digests, every minute: the weekly mentor and admin digests that are due, one DM per reader.

Each cohort's week is loaded once per tick and shared by its readers; the scheduling core sends
each digest once, in its reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from domain.digests.due import ADMIN_DIGEST, MENTOR_DIGEST, DueDigests, WeeklyDigest, due_runs, plan_digests
from domain.digests.model import DigestFeature
from domain.privacy.reads import trace_digests
from domain.scheduling import Failure, PlannedOccurrence, Report
from handlers.blocks.digests.messages import render_digest
from handlers.context import Context
from schedules.delivery import Send, deliver_kinds
from schedules.guard import guarded


def _render(planned: PlannedOccurrence[WeeklyDigest], recipient: str) -> dict:
    book, audience = planned.payload.book, planned.payload.audience
    assert book is not None  # loaded whenever the digests can be sent
    return render_digest(book.digest(recipient, audience), book.language())


SENDS = {MENTOR_DIGEST: Send(_render, "mentor digests"), ADMIN_DIGEST: Send(_render, "admin digests")}


@dataclass(eq=False)  # a job is itself: compared and hashed by identity
class DigestJob:
    """The digests, made of the sections the features declare (`features`, in reading order)."""

    features: tuple[DigestFeature, ...]
    kind: str = "digests"

    def run(self, ctx: Context, now: datetime) -> Report:
        with ctx.uow() as uow:
            due = due_runs(uow, now, ctx.holidays)
        report = Report(self.kind)
        for cohort_digests in due:
            # One cohort at a time: its week is loaded, sent to every reader, then let go; a cohort
            # whose digest cannot be made leaves the others' going.
            guarded(
                report,
                Failure(self.kind, cohort_digests.run.cohort.id),
                partial(self._deliver, ctx, now, cohort_digests, report),
            )
        return report

    def _deliver(self, ctx: Context, now: datetime, cohort_digests: DueDigests, report: Report) -> None:
        with ctx.uow() as uow:
            planned = plan_digests(uow, cohort_digests, now, self.features, ctx.admins)
        deliver_kinds(ctx, now, report, planned, SENDS)
        _trace(ctx, now, planned)


def _trace(ctx: Context, now: datetime, planned) -> None:
    """Who was sent which fellows' week: recorded once, when the digests are first planned to them."""
    readers = []
    for occurrences in planned.values():
        for item in occurrences:
            book = item.payload.book
            for recipient in item.recipients if book is not None else ():
                digest = book.digest(recipient, item.payload.audience)
                readers.append((digest.cohort, recipient, digest.audience.value, digest.fellows))
    if not readers:
        return
    with ctx.uow() as uow:
        for cohort, recipient, audience, fellows in readers:
            trace_digests(uow, cohort, [(recipient, audience, fellows)], now)
        uow.commit()
