"""Digests: what a mentor or an admin reads about a cohort's week, as sections of lines.

A digest is pure data: each line is a catalog text (English msgid) with parameters, so it is
translated into each reader's language when rendered. Each feature declares its `DigestFeature`
in its record of the feature registry (bot/features.py); each section is a function of the cohort, the week and
the data loaded for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from domain.cohorts.model import Cohort, MemberProfile, Membership
from domain.messages import Message
from domain.ritual_calendar import Days


class Audience(StrEnum):
    MENTOR = "mentor"
    ADMIN = "admin"


@dataclass(frozen=True)
class Phrase:
    """A catalog text and its parameters: a parameter may itself be a Phrase (translated too), a date,
    a number, free text someone typed (`Said`) or plain text."""

    text: Message
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Said:
    """Free text someone typed (a blocker, a need): shown as typed, cut to a reasonable length."""

    text: str


@dataclass(frozen=True)
class DayLabels:
    """The days of a week grid, in order: shown as short day names above the cells."""

    days: tuple[date, ...]


@dataclass(frozen=True)
class LineAction:
    """A button beside one line, as data: its label (a catalog text), its action id and its value."""

    label: Message
    action_id: str
    value: str
    primary: bool = False


@dataclass(frozen=True)
class DigestSection:
    """A titled list of lines; `summary` stands in for the lines that do not fit in one message.

    `actions`, when given, holds one entry per line (None for a line without a button)."""

    key: str
    title: Phrase
    lines: tuple[Phrase, ...] = ()
    summary: Phrase | None = None
    empty: Phrase | None = None
    legend: Phrase | None = None
    actions: tuple[LineAction | None, ...] = ()


@dataclass(frozen=True)
class Period:
    """The seven days a digest covers, ending on its day; `as_of` is when it is written."""

    first: date
    last: date
    as_of: datetime
    working_days: tuple[date, ...] = ()


@dataclass(frozen=True)
class DigestData:
    """Everything loaded for one cohort and one week; `features` holds each feature's own data."""

    cohort: Cohort
    period: Period
    memberships: tuple[Membership, ...]
    profiles: Mapping[str, MemberProfile]
    challenges: Mapping[str, str]
    joined: Mapping[str, datetime]
    text_sharers: frozenset[str]
    isolation_days: int
    calendar: Days | None = None
    features: Mapping[str, Any] = field(default_factory=dict)

    def feature(self, name: str) -> Any:
        return self.features.get(name)


@dataclass(frozen=True)
class Scope:
    """Whom a digest is for, and the fellows it covers."""

    recipient: str
    audience: Audience
    fellows: tuple[str, ...]


@dataclass(frozen=True)
class DigestInput:
    data: DigestData
    scope: Scope

    @property
    def cohort(self) -> Cohort:
        return self.data.cohort

    @property
    def period(self) -> Period:
        return self.data.period


@dataclass(frozen=True)
class Digest:
    audience: Audience
    cohort: Cohort
    period: Period
    recipient: str
    fellows: tuple[str, ...]
    sections: tuple[DigestSection, ...]


Build = Callable[[DigestInput], DigestSection | None]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    audience: Audience
    build: Build


@dataclass(frozen=True)
class DigestFeature:
    """A feature's part of the digests: how it loads its week (`load(store, data)`) and its sections."""

    name: str
    load: Callable[[Any, DigestData], Any]
    sections: tuple[SectionSpec, ...]


def build_digest(data: DigestData, scope: Scope, features: tuple[DigestFeature, ...]) -> Digest:
    """The digest of one reader: the sections of their audience, in the registry's order."""
    given = DigestInput(data, scope)
    sections = []
    for feature in features:
        if feature.name not in data.features:
            continue
        for spec in feature.sections:
            if spec.audience is scope.audience and (built := spec.build(given)) is not None:
                sections.append(built)
    return Digest(scope.audience, data.cohort, data.period, scope.recipient, scope.fellows, tuple(sections))


def user(user_id: str) -> str:
    """How a person is named in a digest line: Slack shows the escaped id as their name."""
    return f"<@{user_id}>"
