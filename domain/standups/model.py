"""Stand-ups: a cohort's schedule and questions, the fellows' answers and their absences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from domain.calendar import WEEKDAYS, parse_hhmm
from domain.messages import N_, NP_, DomainError

ZONE_COHORT, ZONE_FELLOW = "cohort", "fellow"
ZONE_MODES = (ZONE_COHORT, ZONE_FELLOW)
SHARE_THREAD, SHARE_CHANNEL, SHARE_SUMMARY = "thread", "channel", "summary"
SHARE_MODES = (SHARE_THREAD, SHARE_CHANNEL, SHARE_SUMMARY)

DEFAULT_DAYS = WEEKDAYS[:5]
DEFAULT_TIME = "09:30"
DEFAULT_OPEN_FOR = timedelta(hours=3)
QUESTIONS_MAX = 6
QUESTION_MAX = 150
# Slack's limit for a plain-text input; longer answers cannot be typed in the form anyway.
ANSWER_MAX = 3000
MOODS = (1, 2, 3, 4, 5)

DEFAULT_QUESTIONS = (
    N_("What did you do yesterday?"),
    N_("What will you do today?"),
    N_("Is anything blocking you?"),
)
DEFAULT_BLOCKER_QUESTION = 3

ANSWER_SOMETHING = N_("Answer at least one question.")
ANSWER_TOO_LONG = NP_(
    "At most {count} character here; this answer has {length}.",
    "At most {count} characters here; this answer has {length}.",
)
UNKNOWN_MOOD = N_("Pick a mood from 1 to 5.")


class EntryStatus(StrEnum):
    ANSWERED = "answered"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class StandupSettings:
    """A cohort's stand-up: when (in the cohort's zone, or each fellow's), what it asks, where answers go.

    Empty `questions` means the default ones, shown in the cohort's language; `blocker_question`
    (from 1) is the question whose answer raises a blocker, None when no question asks about them.
    """

    cohort_id: int
    days: tuple[str, ...] = DEFAULT_DAYS
    prompt_time: str = DEFAULT_TIME
    remind_minutes: int | None = None
    close: str | None = None
    zone_mode: str = ZONE_COHORT
    share: str = SHARE_THREAD
    mood: bool = False
    # The summary mentions who did not answer (a notification); off: their names only.
    mention: bool = False
    questions: tuple[str, ...] = ()
    blocker_question: int | None = DEFAULT_BLOCKER_QUESTION
    active: bool = True
    updated_at: datetime | None = field(default=None, compare=False)

    @property
    def opens(self) -> time:
        return parse_hhmm(self.prompt_time)

    @property
    def closes(self) -> time:
        """The closing time given, or three hours after the prompt (at the latest 23:59)."""
        if self.close:
            return parse_hhmm(self.close)
        later = datetime.combine(date.min, self.opens) + DEFAULT_OPEN_FOR
        return later.time() if later.date() == date.min else time(23, 59)

    @property
    def question_count(self) -> int:
        return len(self.questions) if self.questions else len(DEFAULT_QUESTIONS)


@dataclass(frozen=True)
class StandupEntry:
    """A fellow's stand-up of one day: answered (possibly late) or skipped."""

    cohort_id: int
    user_id: str
    day: date
    status: EntryStatus
    answers: tuple[str, ...] = ()
    mood: int | None = None
    late: bool = False
    submitted_at: datetime | None = None
    post_channel: str | None = None
    post_ts: str | None = None

    @property
    def answered(self) -> bool:
        return self.status is EntryStatus.ANSWERED

    def blocker(self, settings: StandupSettings) -> str | None:
        """The blocker this answer raises, if its blockers question says there is one."""
        index = settings.blocker_question
        if not self.answered or index is None or not 1 <= index <= len(self.answers):
            return None
        text = self.answers[index - 1].strip()
        return text if mentions_blocker(text) else None


@dataclass(frozen=True)
class Absence:
    """Days a person is away: no prompt, no reminder, listed apart in the summary."""

    user_id: str
    first: date
    last: date
    set_by: str

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last


def away_on(absences: list[Absence], day: date) -> set[str]:
    return {absence.user_id for absence in absences if absence.covers(day)}


_NOTHING = re.compile(
    r"^(?:-+|\.+|0|ok|no|non|none|nope|nothing|nada|rien|ras|r\.a\.s|aucun|aucune|néant|neant|n/?a|nan|"
    r"all good|tout va bien|ça va|ca va|pas de (?:blocage|bloquant|blocker|souci|problème|probleme)s?|"
    r"aucun (?:blocage|bloquant|souci|problème|probleme)|no blockers?|no issues?|not really|pas vraiment|"
    r"rien de (?:bloquant|spécial|special)|nothing (?:blocking|special)|no blocking)$"
)


def mentions_blocker(text: str) -> bool:
    """False for an empty answer or one that says there is nothing ("Rien", "RAS", "No blockers")."""
    normal = " ".join(text.lower().split()).strip(" .!,;:")
    return bool(normal) and not _NOTHING.match(normal)


def check_answers(
    answers: list[str], mood: str | None, question_count: int
) -> tuple[tuple[str, ...], int | None, dict[int, DomainError]]:
    """The answers (trimmed, one per question) and the mood, or the mistakes by question number (0: mood)."""
    cleaned = tuple(
        (answers[index] if index < len(answers) else "").strip() for index in range(question_count)
    )
    errors: dict[int, DomainError] = {}
    for number, text in enumerate(cleaned, start=1):
        if len(text) > ANSWER_MAX:
            errors[number] = DomainError(ANSWER_TOO_LONG, count=ANSWER_MAX, length=len(text))
    if not any(cleaned) and 1 not in errors:
        errors[1] = DomainError(ANSWER_SOMETHING)
    chosen = None
    if mood:
        if not (mood.isascii() and mood.isdigit()) or int(mood) not in MOODS:
            errors[0] = DomainError(UNKNOWN_MOOD)
        else:
            chosen = int(mood)
    return cleaned, chosen, errors


def _choice(option: str, choices: tuple[str, ...]):
    def convert(value: str) -> str:
        chosen = value.strip().lower()
        if chosen not in choices:
            raise DomainError(
                N_('{option} is one of {choices}: "{value}" is not.'),
                option=option,
                choices="|".join(choices),
                value=value,
            )
        return chosen

    return convert


# The `/cohort standup` options beyond the schedule: zones, where answers go, the mood question.
STANDUP_CHOICE_OPTIONS = {
    "zone": _choice("zone", ZONE_MODES),
    "share": _choice("share", SHARE_MODES),
    "mood": _choice("mood", ("on", "off")),
    "mention": _choice("mention", ("on", "off")),
}
