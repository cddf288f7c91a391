"""`/cohort standup`: a cohort's stand-up schedule and its questions, set by the cohort's managers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.calendar import PublicHolidays, parse_hhmm
from domain.cohorts.admin import managed_cohort, record_settings
from domain.cohorts.model import Cohort
from domain.cohorts.permissions import require_manage
from domain.cohorts.records import Actor
from domain.messages import N_, NP_, DomainError
from domain.ritual_commands import Standup
from domain.standups.calendar import upcoming_prompts
from domain.standups.model import QUESTION_MAX, QUESTIONS_MAX, StandupSettings
from domain.standups.records import StandupStore

NEXT_SHOWN = 3
CLOSES_BEFORE_OPENING = N_("The stand-up closes ({close}) before it opens ({time}).")
REMINDER_AFTER_CLOSE = N_("The reminder ({remind} min after {time}) would come after the close ({close}).")
NO_QUESTION = N_("Write at least one question, one per line.")
TOO_MANY_QUESTIONS = NP_(
    "At most {count} question; there are {found}.", "At most {count} questions; there are {found}."
)
QUESTION_TOO_LONG = NP_(
    "A question has at most {count} character: {question}",
    "A question has at most {count} characters: {question}",
)
NO_SUCH_QUESTION = N_("There is no question {number}.")


@dataclass(frozen=True)
class StandupConfigured:
    cohort: Cohort
    settings: StandupSettings
    next_prompts: tuple[datetime, ...]


def _with_options(current: StandupSettings, options: dict[str, str]) -> StandupSettings:
    changes: dict = {}
    if "days" in options:
        changes["days"] = tuple(options["days"].split(","))
    for key, name in (("time", "prompt_time"), ("close", "close"), ("zone", "zone_mode"), ("share", "share")):
        if key in options:
            changes[name] = options[key]
    if "remind" in options:
        changes["remind_minutes"] = int(options["remind"])
    if "mood" in options:
        changes["mood"] = options["mood"] == "on"
    if "mention" in options:
        changes["mention"] = options["mention"] == "on"
    return replace(current, **changes)


def check_times(settings: StandupSettings) -> None:
    if settings.close and parse_hhmm(settings.close) <= settings.opens:
        raise DomainError(CLOSES_BEFORE_OPENING, close=settings.close, time=settings.prompt_time)
    if settings.remind_minutes:
        opens = settings.opens.hour * 60 + settings.opens.minute
        closes = settings.closes.hour * 60 + settings.closes.minute
        if opens + settings.remind_minutes >= closes:
            raise DomainError(
                REMINDER_AFTER_CLOSE,
                remind=settings.remind_minutes,
                time=settings.prompt_time,
                close=settings.closes.strftime("%H:%M"),
            )


def configure_standup(
    store: StandupStore, actor: Actor, command: Standup, holidays: PublicHolidays | None
) -> StandupConfigured:
    """Turns the stand-up on (with the options given, the others kept or defaulted) or off."""
    cohort = managed_cohort(store, actor, command.name)
    current = store.standups.settings(cohort.id) or StandupSettings(cohort.id)
    if command.off:
        settings = replace(current, active=False, updated_at=actor.now)
    else:
        settings = replace(_with_options(current, command.options), active=True, updated_at=actor.now)
        check_times(settings)
    store.standups.save_settings(settings)
    record_settings(store, cohort, actor, "standup", command.options, command.off)
    cohort_holidays = store.cohorts.holidays(cohort.id)
    upcoming = upcoming_prompts(
        settings, cohort, cohort.timezone, actor.now, NEXT_SHOWN, holidays, cohort_holidays
    )
    return StandupConfigured(cohort, settings, tuple(upcoming) if settings.active else ())


def questions_to_edit(store: StandupStore, actor: Actor, name: str) -> tuple[Cohort, StandupSettings]:
    cohort = managed_cohort(store, actor, name)
    return cohort, store.standups.settings(cohort.id) or StandupSettings(cohort.id, active=False)


def check_questions(lines: Sequence[str], blocker: int | None) -> dict[str, DomainError]:
    """Mistakes in the questions form, by field: "questions" or "blockers"."""
    questions = [line for line in lines if line]
    if not questions:
        return {"questions": DomainError(NO_QUESTION)}
    if len(questions) > QUESTIONS_MAX:
        return {"questions": DomainError(TOO_MANY_QUESTIONS, count=QUESTIONS_MAX, found=len(questions))}
    long = next((q for q in questions if len(q) > QUESTION_MAX), None)
    if long is not None:
        return {"questions": DomainError(QUESTION_TOO_LONG, count=QUESTION_MAX, question=long[:40] + "…")}
    if blocker is not None and not 1 <= blocker <= len(questions):
        return {"blockers": DomainError(NO_SUCH_QUESTION, number=blocker)}
    return {}


def save_questions(
    store: StandupStore,
    actor: Actor,
    cohort_id: int,
    questions: Sequence[str],
    blocker: int | None,
    mood: bool,
    defaults: Callable[[Cohort], Sequence[str]],
) -> StandupSettings:
    """Stores the questions; the default ones, as shown in the cohort's language, stay the defaults."""
    cohort = store.cohorts.get(cohort_id)
    require_manage(actor.user_id, cohort.id, actor.program_admins, store.members.of_user(actor.user_id))
    current = store.standups.settings(cohort.id) or StandupSettings(cohort.id, active=False)
    kept = () if list(questions) == list(defaults(cohort)) else tuple(questions)
    settings = replace(current, questions=kept, blocker_question=blocker, mood=mood, updated_at=actor.now)
    store.standups.save_settings(settings)
    record_settings(
        store, cohort, actor, "standup", {"questions": str(len(questions)), "mood": "on" if mood else "off"}
    )
    return settings
