"""The stand-up sections of the digests: participation, moods and blockers, for mentors and admins."""

from __future__ import annotations

from collections import defaultdict

from domain.calendar import local_date
from domain.digests.model import (
    Audience,
    DayLabels,
    DigestFeature,
    DigestInput,
    DigestSection,
    Phrase,
    Said,
    SectionSpec,
    user,
)
from domain.digests.standups import (
    ANSWERED,
    AWAY,
    MISSED,
    NONE,
    SKIPPED,
    Blocker,
    FellowWeek,
    StandupWeek,
    as_of_day,
    blockers,
    fellow_weeks,
    grid_days,
    load,
)
from domain.messages import N_, NP_
from domain.standups.sharing import text_shown

OPEN_TOO_LONG_DAYS = 3

PARTICIPATION = N_("*Stand-ups* · {labels}")
FELLOWS = N_("*Fellows followed*")
FELLOW_ACTIVE = N_("{fellow}: last seen active on {day}")
FELLOW_QUIET = N_("{fellow}: no activity seen lately")
FELLOWS_SUMMARY = N_("This cohort has no stand-up: activity counts help requests, offers and trainings.")
LEGEND = N_(
    "{answered_mark} answered · {missed_mark} no answer · {skipped_mark} skipped · {away_mark} away · {none_mark} no stand-up"
)
FELLOW_WEEK = N_("{fellow} {cells} {answered}/{expected}")
FELLOW_WEEK_MOOD = N_("{fellow} {cells} {answered}/{expected} · mood {mood}")
FELLOW_WEEK_TREND = N_("{fellow} {cells} {answered}/{expected} · mood {mood} {trend}")
PARTICIPATION_SUMMARY = N_("Stand-ups answered: {answered} of {expected} expected ({rate} %).")
NO_FELLOWS = N_("No fellow to follow yet.")
BLOCKERS = N_("*Blockers*")
NO_BLOCKER = N_("No blocker reported this week.")
BLOCKER_OPEN = N_("{fellow}: reported on {raised}, still open")
BLOCKER_RESOLVED = N_("{fellow}: reported on {raised}, resolved on {resolved_on}")
BLOCKER_TEXT = N_("{line} — “{text}”")
BLOCKERS_SUMMARY = N_("Open: {open} · resolved: {resolved}.")
BY_CHALLENGE = N_("*Participation by challenge*")
CHALLENGE_LINE = N_("*{challenge}*: {rate} % ({answered}/{expected})")
CHALLENGE_LINE_MOOD = N_("*{challenge}*: {rate} % ({answered}/{expected}) · mood {mood}")
NO_CHALLENGE = N_("no challenge")
LONG_BLOCKERS = NP_("*Blockers open for more than {count} day*", "*Blockers open for more than {count} days*")
# Always more than 3 days: the plural form is the only one needed.
LONG_BLOCKER = NP_(
    "{fellow}: open since {raised} ({count} day)", "{fellow}: open since {raised} ({count} days)"
)
NO_LONG_BLOCKER = NP_(
    "No blocker open for more than {count} day.", "No blocker open for more than {count} days."
)


def _rate(answered: int, expected: int) -> int:
    return round(100 * answered / expected) if expected else 100


def _week_line(row: FellowWeek) -> Phrase:
    params = {
        "fellow": user(row.user_id),
        "cells": row.cells,
        "answered": row.answered,
        "expected": row.expected,
    }
    if row.mood is None:
        return Phrase(FELLOW_WEEK, params)
    if not row.trend:
        return Phrase(FELLOW_WEEK_MOOD, {**params, "mood": row.mood})
    return Phrase(FELLOW_WEEK_TREND, {**params, "mood": row.mood, "trend": row.trend})


def _fellows_without_standups(given: DigestInput) -> DigestSection:
    """A cohort without stand-ups: still a line for each fellow followed, their latest sign of life."""
    activity = given.data.feature("activity") or {}
    lines = tuple(
        Phrase(FELLOW_ACTIVE, {"fellow": user(f), "day": local_date(activity[f], given.cohort.timezone)})
        if f in activity
        else Phrase(FELLOW_QUIET, {"fellow": user(f)})
        for f in given.scope.fellows
    )
    return DigestSection(
        "participation", Phrase(FELLOWS), lines, None, Phrase(NO_FELLOWS), Phrase(FELLOWS_SUMMARY)
    )


def participation(given: DigestInput) -> DigestSection | None:
    week: StandupWeek = given.data.feature("standups")
    if week.settings is None:
        return _fellows_without_standups(given)
    rows = fellow_weeks(week, given.data, given.scope.fellows)
    answered, expected = sum(r.answered for r in rows), sum(r.expected for r in rows)
    legend = Phrase(
        LEGEND,
        {
            "answered_mark": ANSWERED,
            "missed_mark": MISSED,
            "skipped_mark": SKIPPED,
            "away_mark": AWAY,
            "none_mark": NONE,
        },
    )
    summary = Phrase(
        PARTICIPATION_SUMMARY, {"answered": answered, "expected": expected, "rate": _rate(answered, expected)}
    )
    return DigestSection(
        "participation",
        Phrase(PARTICIPATION, {"labels": DayLabels(tuple(grid_days(given.data)))}),
        tuple(_week_line(r) for r in rows),
        summary,
        Phrase(NO_FELLOWS),
        legend,
    )


def _with_text(given: DigestInput, blocker: Blocker, line: Phrase) -> Phrase:
    if not text_shown(given.scope.recipient, blocker.user_id, given.data.text_sharers):
        return line
    return Phrase(BLOCKER_TEXT, {"line": line, "text": Said(blocker.text)})


def _blocker_line(given: DigestInput, blocker: Blocker) -> Phrase:
    params = {"fellow": user(blocker.user_id), "raised": blocker.raised}
    if blocker.resolved_on is None:
        return _with_text(given, blocker, Phrase(BLOCKER_OPEN, params))
    return _with_text(
        given, blocker, Phrase(BLOCKER_RESOLVED, {**params, "resolved_on": blocker.resolved_on})
    )


def _requests(given: DigestInput) -> list:
    help_week = given.data.feature("help")
    return list(help_week.requests) if help_week is not None else []


def blockers_of_week(given: DigestInput) -> DigestSection | None:
    week: StandupWeek = given.data.feature("standups")
    if week.settings is None:
        return None
    period = given.period
    found = [
        b
        for b in blockers(week, given.data, given.scope.fellows, _requests(given))
        if b.last_seen >= period.first or (b.resolved_on or period.last) >= period.first
    ]
    resolved = sum(1 for b in found if b.resolved_on is not None)
    return DigestSection(
        "blockers",
        Phrase(BLOCKERS),
        tuple(_blocker_line(given, b) for b in found),
        Phrase(BLOCKERS_SUMMARY, {"open": len(found) - resolved, "resolved": resolved}),
        Phrase(NO_BLOCKER),
    )


def by_challenge(given: DigestInput) -> DigestSection | None:
    week: StandupWeek = given.data.feature("standups")
    if week.settings is None:
        return None
    slugs = {
        m.user_id: m.challenge_slug for m in given.data.memberships if m.user_id in set(given.scope.fellows)
    }
    groups: dict[str | None, list[FellowWeek]] = defaultdict(list)
    for row in fellow_weeks(week, given.data, given.scope.fellows):
        groups[slugs.get(row.user_id)].append(row)
    names = given.data.challenges
    lines = []
    for slug in sorted(groups, key=lambda s: (s is None, names.get(s or "", s or "").casefold())):
        rows = groups[slug]
        answered, expected = sum(r.answered for r in rows), sum(r.expected for r in rows)
        moods = [r.mood for r in rows if r.mood is not None]
        params = {
            "challenge": Said(names.get(slug, slug)) if slug else Phrase(NO_CHALLENGE),
            "rate": _rate(answered, expected),
            "answered": answered,
            "expected": expected,
        }
        if moods:
            lines.append(Phrase(CHALLENGE_LINE_MOOD, {**params, "mood": round(sum(moods) / len(moods), 1)}))
        else:
            lines.append(Phrase(CHALLENGE_LINE, params))
    total = [r for rows in groups.values() for r in rows]
    answered, expected = sum(r.answered for r in total), sum(r.expected for r in total)
    summary = Phrase(
        PARTICIPATION_SUMMARY, {"answered": answered, "expected": expected, "rate": _rate(answered, expected)}
    )
    return DigestSection("by_challenge", Phrase(BY_CHALLENGE), tuple(lines), summary, Phrase(NO_FELLOWS))


def long_blockers(given: DigestInput) -> DigestSection | None:
    week: StandupWeek = given.data.feature("standups")
    if week.settings is None:
        return None
    today = as_of_day(given.data)
    found = [
        b
        for b in blockers(week, given.data, given.scope.fellows, _requests(given))
        if b.resolved_on is None and b.open_days(today) > OPEN_TOO_LONG_DAYS
    ]
    lines = tuple(
        _with_text(
            given,
            b,
            Phrase(
                LONG_BLOCKER, {"fellow": user(b.user_id), "raised": b.raised, "count": b.open_days(today)}
            ),
        )
        for b in found
    )
    days = {"count": OPEN_TOO_LONG_DAYS}
    return DigestSection(
        "long_blockers", Phrase(LONG_BLOCKERS, days), lines, None, Phrase(NO_LONG_BLOCKER, days)
    )


FEATURE = DigestFeature(
    "standups",
    load,
    (
        SectionSpec("participation", Audience.MENTOR, participation),
        SectionSpec("blockers", Audience.MENTOR, blockers_of_week),
        SectionSpec("by_challenge", Audience.ADMIN, by_challenge),
        SectionSpec("long_blockers", Audience.ADMIN, long_blockers),
    ),
)
