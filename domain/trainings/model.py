"""Peer-to-peer trainings: sessions, sign-ups and feedback, and the rules a proposal must follow."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from domain.calendar import local_date
from domain.messages import N_, NP_, DomainError

TITLE_MAX = 150
DESCRIPTION_MAX = 2000
LOCATION_MAX = 300
CAPACITY_MIN, CAPACITY_MAX = 1, 500
DURATIONS = (30, 45, 60, 90, 120, 180, 240)
DURATION_MIN, DURATION_MAX = 15, 480
RATINGS = (1, 2, 3, 4, 5)
COMMENT_MAX = 2000

TITLE_REQUIRED = N_("Give the training a title.")
DESCRIPTION_REQUIRED = N_("Say in a few lines what participants will learn.")
LOCATION_REQUIRED = N_("Give a room or a video link.")
TEXT_TOO_LONG = NP_(
    "This field takes at most {count} character.", "This field takes at most {count} characters."
)
START_REQUIRED = N_("Pick the date and the time of the session.")
START_TIME_REQUIRED = N_("Pick the time the session starts.")
START_IN_THE_PAST = N_("This date and time have already passed: pick a moment to come.")
START_TOO_FAR = N_("Pick a moment within a year from now.")
START_AFTER_COHORT = N_("The cohort ends on {end}: pick a moment before its end.")
# How far ahead a session may be planned: far enough for any program, near enough to be shown.
HORIZON = timedelta(days=365)
DURATION_INVALID = N_("The duration is a number of minutes from {low} to {high}.")
CAPACITY_INVALID = N_("The number of seats is a whole number from {low} to {high}.")
CAPACITY_BELOW_CONFIRMED = NP_(
    "{count} person already has a seat: keep at least {count} seat.",
    "{count} people already have a seat: keep at least {count} seats.",
)
RATING_INVALID = N_("Pick a rating from 1 to 5.")

_SPACES = re.compile(r"\s+")


class SessionStatus(StrEnum):
    PENDING = "pending"  # waiting for an admin's approval
    ANNOUNCED = "announced"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class SignupStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Proposal:
    """What the proposal form asks for, checked: the start is a UTC instant."""

    title: str
    description: str
    starts_at: datetime
    duration_minutes: int
    capacity: int
    location: str


@dataclass(frozen=True)
class TrainingSession:
    id: int
    cohort_id: int
    facilitator: str
    title: str
    description: str
    starts_at: datetime
    duration_minutes: int
    capacity: int
    location: str
    status: SessionStatus
    seats_taken: int = 0
    sequence: int = 0
    created_at: datetime | None = None
    announced_at: datetime | None = None
    announce_channel: str | None = None
    announce_ts: str | None = None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def location_is_link(self) -> bool:
        return is_link(self.location)

    def has_started(self, now: datetime) -> bool:
        return now >= self.starts_at

    def has_ended(self, now: datetime) -> bool:
        return now >= self.ends_at


@dataclass(frozen=True)
class Signup:
    session_id: int
    user_id: str
    status: SignupStatus
    queue_no: int
    queued_at: datetime


@dataclass(frozen=True)
class Feedback:
    session_id: int
    user_id: str
    rating: int
    comment: str
    submitted_at: datetime


def is_link(location: str) -> bool:
    return location.lower().startswith(("https://", "http://"))


def clean_line(text: str | None) -> str:
    """One line of text: spaces collapsed, ends trimmed."""
    return _SPACES.sub(" ", text or "").strip()


def _required_text(text: str, longest: int, missing: str) -> str:
    """`text` once checked: not empty, then not over `longest` characters."""
    if not text:
        raise DomainError(missing)
    if len(text) > longest:
        raise DomainError(TEXT_TOO_LONG, count=longest)
    return text


def check_title(text: str | None) -> str:
    return _required_text(clean_line(text), TITLE_MAX, TITLE_REQUIRED)


def check_description(text: str | None) -> str:
    return _required_text((text or "").strip(), DESCRIPTION_MAX, DESCRIPTION_REQUIRED)


def check_location(text: str | None) -> str:
    return _required_text(clean_line(text), LOCATION_MAX, LOCATION_REQUIRED)


def check_start(
    starts_at: datetime | None, now: datetime, last_day: date | None = None, tz: str = "UTC"
) -> datetime:
    """A moment to come, within a year, and on or before `last_day` (the cohort's end, in `tz`)."""
    if starts_at is None:
        raise DomainError(START_REQUIRED)
    if starts_at <= now:
        raise DomainError(START_IN_THE_PAST)
    if starts_at > now + HORIZON:
        raise DomainError(START_TOO_FAR)
    if last_day is not None and local_date(starts_at, tz) > last_day:
        raise DomainError(START_AFTER_COHORT, end=last_day.isoformat())
    return starts_at


def _whole_number(value: object) -> int | None:
    text = str(value if value is not None else "").strip()
    return int(text) if text.isascii() and text.isdigit() else None


def check_duration(value: object) -> int:
    minutes = _whole_number(value)
    if minutes is None or not DURATION_MIN <= minutes <= DURATION_MAX:
        raise DomainError(DURATION_INVALID, low=DURATION_MIN, high=DURATION_MAX)
    return minutes


def check_capacity(value: object, confirmed: int = 0) -> int:
    seats = _whole_number(value)
    if seats is None or not CAPACITY_MIN <= seats <= CAPACITY_MAX:
        raise DomainError(CAPACITY_INVALID, low=CAPACITY_MIN, high=CAPACITY_MAX)
    if seats < confirmed:
        raise DomainError(CAPACITY_BELOW_CONFIRMED, count=confirmed)
    return seats


def check_rating(value: object) -> int:
    rating = _whole_number(value)
    if rating not in RATINGS:
        raise DomainError(RATING_INVALID)
    return rating


def check_comment(text: str | None) -> str:
    comment = (text or "").strip()
    if len(comment) > COMMENT_MAX:
        raise DomainError(TEXT_TOO_LONG, count=COMMENT_MAX)
    return comment


def waitlist_position(signups: list[Signup], user_id: str) -> int | None:
    """1 for the first person waiting; None for someone not on the waitlist."""
    waiting = sorted((s for s in signups if s.status is SignupStatus.WAITLISTED), key=lambda s: s.queue_no)
    for position, signup in enumerate(waiting, start=1):
        if signup.user_id == user_id:
            return position
    return None
