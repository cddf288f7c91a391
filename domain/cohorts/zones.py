"""Fellows who live far from their cohort's zone: the stand-up at 09:30 in Paris is 05:30 in
Cayenne. The admin is told when adding or importing them, and `/cohort show` lists them, with the
hint that `zone=fellow` asks each fellow at the stand-up time in their own zone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from domain.cohorts.model import Cohort, MemberProfile

FAR = timedelta(hours=3)


@dataclass(frozen=True)
class FarFellow:
    user_id: str
    timezone: str
    hours: float  # the fellow's offset minus the cohort's, at the instant it was measured


def _offset(zone: str, at: datetime) -> timedelta:
    return at.astimezone(ZoneInfo(zone)).utcoffset() or timedelta(0)


def far_fellows(
    cohort: Cohort, fellows: Iterable[str], profiles: Mapping[str, MemberProfile], at: datetime
) -> tuple[FarFellow, ...]:
    """The fellows whose zone is 3 hours or more from the cohort's at `at`, in the order given."""
    home = _offset(cohort.timezone, at)
    found = []
    for user_id in dict.fromkeys(fellows):
        profile = profiles.get(user_id)
        if profile is None or not profile.timezone or profile.timezone == cohort.timezone:
            continue
        gap = _offset(profile.timezone, at) - home
        if abs(gap) >= FAR:
            found.append(FarFellow(user_id, profile.timezone, gap / timedelta(hours=1)))
    return tuple(found)
