"""Reads of other people's data, traced in the audit log for the data protection officer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from domain.cohorts.admin import record
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor, AuditAction, CohortStore


def trace_digests(
    store: CohortStore, cohort: Cohort, readers: Iterable[tuple[str, str, tuple[str, ...]]], now: datetime
) -> None:
    """Each reader (recipient, audience, fellows covered) was sent the week's digest about those fellows."""
    for recipient, audience, fellows in readers:
        record(
            store, cohort, Actor(recipient, now), AuditAction.DIGEST, audience=audience, about=list(fellows)
        )
