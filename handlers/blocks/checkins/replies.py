"""What `/cohort checkin`, `/cohort digest` and `/checkin` answer."""

from __future__ import annotations

from datetime import datetime

from domain.checkins.admin import CheckinsConfigured, DigestsConfigured
from domain.checkins.model import MentorCheckin, Share
from domain.cohorts.model import Cohort
from handlers.blocks.kit import context, escape, message, section
from handlers.blocks.times import next_runs, time_of_day
from handlers.i18n import N_, NP_, format_date, gettext, ngettext, weekday_name

CHECKINS_ON = N_("Mentor check-ins for {name}: {rhythm}, on {day} at {time}.")
CHECKINS_OFF = N_("Mentor check-ins for {name} are off. Mentors can still answer one with /checkin.")
DIGESTS_ON = NP_(
    "Digests for {name}: every {day} at {time}, to each mentor and each admin; "
    "isolation alert after {count} working day without activity.",
    "Digests for {name}: every {day} at {time}, to each mentor and each admin; "
    "isolation alert after {count} working days without activity.",
)
DIGESTS_OFF = N_("Digests for {name} are off.")
NEXT = N_("Next: {when}")
HOLIDAY_NOTE = N_("A round falling on a day off moves to the next working day.")
ANSWERED = N_("Thank you: your check-in for {name} is recorded (rating {rating}/5, round of {day}).")
SHARE_TEXT = N_(
    "Your mentors and the program team read the text of your stand-up answers "
    "(digests, /standup history, export)."
)
SHARE_FIGURES = N_(
    "Your mentors and the program team see only figures of your stand-up (digests, /standup history, "
    "export), never the text of your answers. /checkin share text shows them the text."
)


def _lines(*lines: str) -> dict:
    text = "\n".join(line for line in lines if line)
    return message(text, [section(text)])


def _next(lang: str, cohort: Cohort, runs: tuple[datetime, ...]) -> str:
    if not runs:
        return ""
    return gettext(NEXT, lang, when=next_runs(runs, cohort.timezone, lang))


def _scheduled(summary: str, cohort: Cohort, runs: tuple[datetime, ...]) -> dict:
    """A schedule that is on: what it is, its next runs, and what a day off does to it."""
    text = "\n".join(line for line in (summary, _next(cohort.lang, cohort, runs)) if line)
    return message(text, [section(text), context(gettext(HOLIDAY_NOTE, cohort.lang))])


def checkins_configured(result: CheckinsConfigured) -> dict:
    cohort, schedule, lang = result.cohort, result.schedule, result.cohort.lang
    if not schedule.active:
        return _lines(gettext(CHECKINS_OFF, lang, name=escape(cohort.name)))
    summary = gettext(
        CHECKINS_ON,
        lang,
        name=escape(cohort.name),
        rhythm=ngettext("every week", "every {count} weeks", schedule.every, lang),
        day=weekday_name(schedule.day, lang),
        time=time_of_day(schedule.time, cohort.timezone, lang),
    )
    return _scheduled(summary, cohort, result.next_runs)


def digests_configured(result: DigestsConfigured) -> dict:
    cohort, schedule, lang = result.cohort, result.schedule, result.cohort.lang
    if not schedule.active:
        return _lines(gettext(DIGESTS_OFF, lang, name=escape(cohort.name)))
    summary = gettext(
        DIGESTS_ON,
        lang,
        name=escape(cohort.name),
        day=weekday_name(schedule.day, lang),
        time=time_of_day(schedule.time, cohort.timezone, lang),
        count=schedule.isolation_days,
    )
    return _scheduled(summary, cohort, result.next_runs)


def answered(checkin: MentorCheckin, cohort: Cohort, lang: str) -> dict:
    return _lines(
        gettext(
            ANSWERED,
            lang,
            name=escape(cohort.name),
            rating=checkin.rating,
            day=format_date(checkin.round, lang),
        )
    )


def share_choice(share: Share, lang: str) -> dict:
    return _lines(gettext(SHARE_TEXT if share is Share.TEXT else SHARE_FIGURES, lang))
