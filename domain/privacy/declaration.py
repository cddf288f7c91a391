"""What a feature keeps about a person, declared once beside the feature (its `Feature` record).

The privacy notice, `/cohort privacy`, the Home tab, the welcome message and `cohortbot
privacy-record` are all written from these declarations, so what people are told cannot drift
from what the code keeps. Texts are catalog source texts (msgids), translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.messages import N_


class Kept(StrEnum):
    """Which retention period applies to a category (per cohort, see domain/privacy/retention.py)."""

    TEXT = "text"  # what people wrote: deleted `text_months` after the cohort ends
    FIGURES = "figures"  # dates, statuses, ratings, counts, the audit: kept `figures_months`
    WHILE_MEMBER = "member"  # the profile and settings: while the person is in a cohort


class Audience(StrEnum):
    """Who can see a category, as the notice words it."""

    SELF = "self"
    COHORT = "cohort"
    MENTORS_BY_CHOICE = "mentors_by_choice"
    MENTORS = "mentors"
    PROGRAM_TEAM = "program_team"


AUDIENCES = {
    Audience.SELF: N_("you"),
    Audience.COHORT: N_("the cohort (its channel)"),
    Audience.MENTORS_BY_CHOICE: N_(
        "your mentors: figures only, or your text if you choose so on the Home tab"
    ),
    Audience.MENTORS: N_("your mentors"),
    Audience.PROGRAM_TEAM: N_("the program team and the cohort's admins"),
}

KEPT = {
    Kept.TEXT: N_("{text} after the cohort ends"),
    Kept.FIGURES: N_("{figures} after the cohort ends, without your text"),
    Kept.WHILE_MEMBER: N_("while you are in a cohort"),
}


@dataclass(frozen=True)
class DataCategory:
    """One kind of personal data: what it is (msgid), its retention, and who sees it."""

    what: str
    kept: Kept
    seen_by: tuple[Audience, ...]


@dataclass(frozen=True)
class DataDeclaration:
    """What one feature keeps about a person, and why."""

    feature: str
    purpose: str  # msgid: why the feature keeps it
    categories: tuple[DataCategory, ...]
