"""What stand-up work is due at an instant, computed from the schedules alone (no database).

Four kinds of occurrence, each sent once through the scheduling core:
- `standup_prompt`: the DM to each fellow of a zone group, at the stand-up time of that zone;
- `standup_reminder`: a second DM, `remind` minutes later, to those who have not answered;
- `standup_thread`: the day's message in the cohort channel, whose thread takes the answers;
- `standup_summary`: participation, blockers and who did not answer, at the close.
A prompt or reminder is due until the close; the summary for two more hours.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.calendar import PublicHolidays, is_zone, local_date
from domain.cohorts.model import Cohort, MemberProfile
from domain.scheduling import Timing, timing
from domain.standups.calendar import close_at, is_standup_day, prompt_at, reminder_at
from domain.standups.model import SHARE_THREAD, ZONE_COHORT, Absence, StandupSettings, away_on

PROMPT = "standup_prompt"
REMINDER = "standup_reminder"
THREAD = "standup_thread"
SUMMARY = "standup_summary"
# The order a tick sends them in: the thread exists before the answers it will hold.
KINDS = (THREAD, PROMPT, REMINDER, SUMMARY)
SUMMARY_GRACE = timedelta(hours=2)


@dataclass(frozen=True)
class RunningStandup:
    """A cohort whose stand-up is on, and the zones its fellows are prompted in."""

    cohort: Cohort
    settings: StandupSettings
    zones: tuple[str, ...]


@dataclass(frozen=True)
class Candidate:
    """An occurrence the schedule says is due (or past): `zone` is None for the channel's posts."""

    kind: str
    subject: str
    day: date
    due_at: datetime
    grace_until: datetime
    standup: RunningStandup
    zone: str | None = None
    # The prompt instant that makes this occurrence part of the schedule (the latest zone's, for
    # the channel's posts): a schedule set after it does not reach back to that day.
    starts: datetime | None = None

    def scheduled(self) -> bool:
        """Planned by the schedule as it was set: its day's prompt comes after the last change (of
        the stand-up's settings, or of the cohort's zone, dates or holidays)."""
        since = self.standup.cohort.schedule_set_at(self.standup.settings.updated_at)
        return since is None or self.starts is None or self.starts >= since

    def timing(self, now: datetime) -> Timing:
        return timing(self.due_at, self.grace_until, now)

    @property
    def key(self) -> tuple[str, str, date]:
        return self.kind, self.subject, self.day


def cohort_subject(cohort_id: int) -> str:
    return f"standup:{cohort_id}"


def group_subject(cohort: Cohort, zone: str) -> str:
    """Fellows prompted in the cohort's own zone share the cohort's subject; others one per zone."""
    base = cohort_subject(cohort.id)
    return base if zone == cohort.timezone else f"{base}:tz:{zone}"


def subject_cohort(subject: str) -> int | None:
    parts = subject.split(":")
    return int(parts[1]) if len(parts) >= 2 and parts[0] == "standup" and parts[1].isdigit() else None


def fellow_zone(cohort: Cohort, settings: StandupSettings, profile: MemberProfile | None) -> str:
    if settings.zone_mode == ZONE_COHORT or profile is None:
        return cohort.timezone
    zone = profile.timezone_in(cohort)
    return zone if is_zone(zone) else cohort.timezone


def zones_of(
    cohort: Cohort, settings: StandupSettings, fellow_zones: Iterable[str | None]
) -> tuple[str, ...]:
    if settings.zone_mode == ZONE_COHORT:
        return (cohort.timezone,)
    zones = {zone if zone and is_zone(zone) else cohort.timezone for zone in fellow_zones}
    return tuple(sorted(zones or {cohort.timezone}))


def _days_around(now: datetime, zones: Iterable[str]) -> set[date]:
    # Yesterday too: a close late in the evening leaves the summary due after midnight.
    return {local_date(now, zone) + timedelta(days=offset) for zone in zones for offset in (-1, 0)}


def _group_candidates(standup: RunningStandup, now: datetime, holidays) -> list[Candidate]:
    cohort, settings = standup.cohort, standup.settings
    found = []
    for zone in standup.zones:
        subject = group_subject(cohort, zone)
        for day in sorted(_days_around(now, [zone])):
            if not is_standup_day(settings, cohort, day, holidays):
                continue
            closes, opens = close_at(settings, day, zone), prompt_at(settings, day, zone)
            found.append(Candidate(PROMPT, subject, day, opens, closes, standup, zone, opens))
            remind = reminder_at(settings, day, zone)
            if remind is not None:
                found.append(Candidate(REMINDER, subject, day, remind, closes, standup, zone, opens))
    return found


def _channel_candidates(standup: RunningStandup, now: datetime, holidays) -> list[Candidate]:
    cohort, settings = standup.cohort, standup.settings
    subject = cohort_subject(cohort.id)
    found = []
    for day in sorted(_days_around(now, standup.zones)):
        if not is_standup_day(settings, cohort, day, holidays):
            continue
        opens = [prompt_at(settings, day, zone) for zone in standup.zones]
        first, last = min(opens), max(opens)
        last_close = max(close_at(settings, day, zone) for zone in standup.zones)
        if settings.share == SHARE_THREAD:
            found.append(Candidate(THREAD, subject, day, first, last_close, standup, None, last))
        found.append(
            Candidate(SUMMARY, subject, day, last_close, last_close + SUMMARY_GRACE, standup, None, last)
        )
    return found


def candidates(
    running: Iterable[RunningStandup], now: datetime, holidays: PublicHolidays | None
) -> list[Candidate]:
    """Every occurrence due or past at `now` (yesterday's and today's); the early ones are left out."""
    found: list[Candidate] = []
    for standup in running:
        found += _group_candidates(standup, now, holidays) + _channel_candidates(standup, now, holidays)
    return [candidate for candidate in found if candidate.timing(now) is not Timing.EARLY]


def is_reachable(profile: MemberProfile | None) -> bool:
    """A member a ritual may message: not a bot, not a deactivated account (unknown profile: yes)."""
    return profile is None or not (profile.deactivated or profile.is_bot)


def fellows_reached(
    cohort: Cohort,
    settings: StandupSettings,
    fellows: Iterable[str],
    profiles: Mapping[str, MemberProfile],
    absences: list[Absence],
    day: date,
    zone: str | None = None,
    joined: Mapping[str, datetime] | None = None,
    at: datetime | None = None,
) -> tuple[str, ...]:
    """Who a stand-up prompt of `day` reaches: the fellows who are reachable and not away, in the
    zone group `zone` (None: every zone group), and, given the prompt's instant `at`, members by
    then (`joined`: when each was added). The tick and `/cohort show` both ask this."""
    away = away_on(absences, day)
    chosen = []
    for user_id in dict.fromkeys(fellows):
        profile = profiles.get(user_id)
        if not is_reachable(profile) or user_id in away:
            continue
        added = (joined or {}).get(user_id)
        if at is not None and added is not None and added > at:
            continue
        if zone is not None and fellow_zone(cohort, settings, profile) != zone:
            continue
        chosen.append(user_id)
    return tuple(chosen)


def prompt_recipients(
    candidate: Candidate,
    fellows: Iterable[str],
    profiles: Mapping[str, MemberProfile],
    absences: list[Absence],
    with_entry: set[str],
    already_prompted: set[str],
    joined: Mapping[str, datetime] | None = None,
) -> tuple[str, ...]:
    """The fellows the candidate's prompt reaches who have not answered yet nor been prompted; a
    fellow added after the prompt's time is first prompted the next stand-up day."""
    cohort, settings = candidate.standup.cohort, candidate.standup.settings
    reached = fellows_reached(
        cohort, settings, fellows, profiles, absences, candidate.day, candidate.zone, joined, candidate.due_at
    )
    return tuple(u for u in reached if u not in with_entry and u not in already_prompted)


def reminder_recipients(
    candidate: Candidate, prompted_at: Mapping[str, datetime], absences: list[Absence], with_entry: set[str]
) -> tuple[str, ...]:
    """Those prompted in the first half of the wait who have neither answered nor skipped, and are here.

    A prompt sent late (the bot was down) is not followed at once by its reminder.
    """
    settings = candidate.standup.settings
    prompt_due = candidate.due_at - timedelta(minutes=settings.remind_minutes or 0)
    latest = prompt_due + timedelta(minutes=(settings.remind_minutes or 0) / 2)
    away = away_on(absences, candidate.day)
    return tuple(
        user_id
        for user_id, sent in prompted_at.items()
        if sent <= latest and user_id not in with_entry and user_id not in away
    )
