"""Peer help in `cohortbot export`, and the figures the mentors' and admins' digests show.

`help_report` is what a digest asks for: the cohort's figures and each fellow's, over a period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.cohorts.export import Section
from domain.cohorts.model import Cohort, Role
from domain.peer_help.figures import CohortHelpFigures, HelpFigures, cohort_figures, fellow_figures, minutes
from domain.peer_help.records import HelpStatus, HelpStore


@dataclass(frozen=True)
class HelpReport:
    cohort: CohortHelpFigures
    fellows: dict[str, HelpFigures]  # every fellow of the cohort, and anyone else who asked or helped


def help_report(
    store: HelpStore, cohort_id: int, since: datetime | None = None, until: datetime | None = None
) -> HelpReport:
    requests = store.help.of_cohort(cohort_id)
    offers = store.help.offers_of_cohort(cohort_id)
    fellows = [m.user_id for m in store.members.of_cohort(cohort_id) if m.role == Role.FELLOW]
    return HelpReport(
        cohort_figures(requests, offers, since, until),
        fellow_figures(requests, offers, fellows, since, until),
    )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def help_requests_section(store: HelpStore, cohort: Cohort) -> Section:
    requests = store.help.of_cohort(cohort.id)
    offers = store.help.offers_of_cohort(cohort.id)
    labels = store.skills.labels({key for r in requests for key in r.skills})
    rows = []
    for r in requests:
        mine = [o for o in offers if o.request_id == r.id]
        first = minutes(r.first_offer_at - r.created_at) if r.first_offer_at else None
        resolved = (
            minutes(r.ended_at - r.created_at) if r.ended_at and r.status is HelpStatus.RESOLVED else None
        )
        rows.append(
            (
                r.id,
                r.asker,
                r.title,
                ", ".join(labels.get(k, k) for k in r.skills),
                r.origin,
                r.status.value,
                _iso(r.created_at),
                _iso(r.first_offer_at),
                _iso(r.ended_at),
                r.ended_by,
                " ".join(o.helper for o in mine),
                " ".join(o.helper for o in mine if o.credited),
                first,
                resolved,
            )
        )
    columns = (
        "id",
        "asker",
        "title",
        "skills",
        "origin",
        "status",
        "asked_at",
        "first_offer_at",
        "ended_at",
        "ended_by",
        "helpers",
        "credited",
        "minutes_to_first_offer",
        "minutes_to_resolution",
    )
    return Section("help_requests", columns, tuple(rows))


def help_figures_section(store: HelpStore, cohort: Cohort) -> Section:
    report = help_report(store, cohort.id)
    rows = tuple(
        (
            user_id,
            f.asked,
            f.offers,
            f.helps_given,
            f.helps_received,
            minutes(f.median_to_first_offer),
            minutes(f.median_to_resolution),
        )
        for user_id, f in sorted(report.fellows.items())
    )
    columns = (
        "slack_id",
        "asked",
        "offers",
        "helps_given",
        "helps_received",
        "median_minutes_to_first_offer",
        "median_minutes_to_resolution",
    )
    return Section("help_figures", columns, rows)


HELP_SECTIONS = (help_requests_section, help_figures_section)
