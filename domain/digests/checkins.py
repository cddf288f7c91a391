"""Mentor check-ins in the admins' digest: each mentor's latest rating, the check-ins they missed,
and what they said they need from the program team this week."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from domain.calendar import local_date
from domain.checkins.model import CheckinStatus, MentorCheckin
from domain.cohorts.model import Role
from domain.digests.data import DigestStore
from domain.digests.model import (
    Audience,
    DigestData,
    DigestFeature,
    DigestInput,
    DigestSection,
    Phrase,
    Said,
    SectionSpec,
    user,
)
from domain.messages import N_

# "Recently": missed check-ins are counted over this many days before the digest's day.
RECENT = timedelta(days=91)

CHECKINS = N_("*Mentor check-ins*")
RATED = N_("{mentor}: {rating}/5 on {day}")
RATED_MISSED = N_("{mentor}: {rating}/5 on {day} · missed recently: {missed}")
NOT_RATED = N_("{mentor}: no answer yet")
NOT_RATED_MISSED = N_("{mentor}: no answer yet · missed recently: {missed}")
NEEDS = N_("{mentor} needs: “{text}”")
REPORTS_BLOCKERS = N_("{mentor} reports as blocking: “{text}”")
CHECKINS_SUMMARY = N_("Check-ins answered: {answered} · missed recently: {missed}.")
NO_MENTOR = N_("No mentor in this cohort yet.")


def load(store: DigestStore, data: DigestData) -> tuple[MentorCheckin, ...]:
    return tuple(store.digests.checkins_since(data.cohort.id, data.period.last - RECENT))


def _mentor_lines(mentor: str, checkins: list[MentorCheckin], given: DigestInput) -> list[Phrase]:
    answered = [c for c in checkins if c.status is CheckinStatus.ANSWERED]
    missed = sum(1 for c in checkins if c.status is CheckinStatus.MISSED)
    params: dict[str, object] = {"mentor": user(mentor), "missed": missed}
    if answered:
        latest = max(answered, key=lambda c: (_day(c, given), c.round))
        lines = [
            Phrase(
                RATED_MISSED if missed else RATED,
                {**params, "rating": latest.rating, "day": _day(latest, given)},
            )
        ]
    else:
        lines = [Phrase(NOT_RATED_MISSED if missed else NOT_RATED, params)]
    for checkin in answered:
        if checkin.answer is not None and _day(checkin, given) >= given.period.first:
            if checkin.answer.blockers:
                lines.append(
                    Phrase(REPORTS_BLOCKERS, {"mentor": user(mentor), "text": Said(checkin.answer.blockers)})
                )
            if checkin.answer.needs:
                lines.append(Phrase(NEEDS, {"mentor": user(mentor), "text": Said(checkin.answer.needs)}))
    return lines


def _day(checkin: MentorCheckin, given: DigestInput) -> date:
    """When the mentor answered, in the cohort's zone."""
    return local_date(checkin.answered_at, given.cohort.timezone) if checkin.answered_at else checkin.round


def mentors(data: DigestData) -> list[str]:
    people = dict.fromkeys(m.user_id for m in data.memberships if m.role is Role.MENTOR)
    return [u for u in people if not (u in data.profiles and data.profiles[u].deactivated)]


def _by_mentor(checkins: Iterable[MentorCheckin], last) -> dict[str, list[MentorCheckin]]:
    found: dict[str, list[MentorCheckin]] = {}
    for checkin in checkins:
        if checkin.round <= last:
            found.setdefault(checkin.mentor, []).append(checkin)
    return found


def checkins_of_cohort(given: DigestInput) -> DigestSection:
    checkins: tuple[MentorCheckin, ...] = given.data.feature("checkins")
    by_mentor = _by_mentor(checkins, given.period.last)
    lines = [
        line
        for mentor in mentors(given.data)
        for line in _mentor_lines(mentor, by_mentor.get(mentor, []), given)
    ]
    counted = [c for c in checkins if c.round <= given.period.last]
    summary = Phrase(
        CHECKINS_SUMMARY,
        {
            "answered": sum(1 for c in counted if c.status is CheckinStatus.ANSWERED),
            "missed": sum(1 for c in counted if c.status is CheckinStatus.MISSED),
        },
    )
    return DigestSection("checkins", Phrase(CHECKINS), tuple(lines), summary, Phrase(NO_MENTOR))


FEATURE = DigestFeature("checkins", load, (SectionSpec("checkins", Audience.ADMIN, checkins_of_cohort),))
