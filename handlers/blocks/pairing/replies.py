"""What `/cohort pairing`, `/pairing` and the pairing's line in `/cohort show` say."""

from __future__ import annotations

from datetime import datetime

from domain.cohorts.model import Cohort
from domain.cohorts.overview import ScheduleLine
from domain.cohorts.rules import user_ref
from domain.pairing.admin import NeverPairsChanged, PairingConfigured
from domain.pairing.answers import PairingStanding
from domain.pairing.figures import PairingFigures
from domain.pairing.model import PairingSettings, Who
from handlers.blocks.kit import context, escape, message, section
from handlers.blocks.times import next_runs, time_of_day
from handlers.i18n import N_, format_date, gettext, ngettext, weekday_name

SETTINGS = N_("Pairing rounds for {name}: {rhythm}, on {day} at {time}, {groups} of {people}.")
PAIRS = N_("pairs (a trio when the count is odd)")
THREES = N_("groups of three")
WHO = {Who.FELLOWS: N_("fellows"), Who.FELLOWS_AND_MENTORS: N_("fellows and mentors")}
OFF = N_("Pairing rounds for {name} are off.")
NEXT = N_("Next rounds: {when}")
HOW = N_(
    "Each round matches people who never met first, from different challenges first; people away, "
    "paused or deactivated are left out. A round falling on a day off moves to the next working day."
)
FIGURES = N_(
    "So far: {rounds_text}, {answered}/{pairs} groups answered ({rate}%), "
    "{met}/{possible} couples of fellows from different challenges met ({share}%)."
)
NEVER = N_("In {name}, {people} will never be paired with each other.")
ALLOW = N_("In {name}, {people} may be paired with each other again.")
TAKING_PART = N_(
    "You take part in the pairing rounds. /pairing pause to take a break, /pairing off to leave."
)
PAUSED = N_("Your pairing is paused: no rounds for you until /pairing resume.")
PAUSED_UNTIL = N_("Your pairing is paused until {day}: you are back in the rounds from that day.")
LEFT = N_("You have left the pairing: no more rounds for you. /pairing resume to come back.")
RESUMED = N_("Welcome back: you are in the next pairing rounds.")
NOT_PAUSED = N_("Your pairing was not paused: you are in the next rounds.")


def _lines(*lines: str) -> dict:
    text = "\n".join(line for line in lines if line)
    return message(text, [section(text)])


def settings_text(settings: PairingSettings, cohort: Cohort, lang: str) -> str:
    return gettext(
        SETTINGS,
        lang,
        name=escape(cohort.name),
        rhythm=ngettext("every week", "every {count} weeks", settings.every, lang),
        day=weekday_name(settings.day, lang),
        time=time_of_day(settings.time, cohort.timezone, lang),
        groups=gettext(PAIRS if settings.size == 2 else THREES, lang),
        people=gettext(WHO[settings.who], lang),
    )


def _next(cohort: Cohort, runs: tuple[datetime, ...], lang: str) -> str:
    if not runs:
        return ""
    return gettext(NEXT, lang, when=next_runs(runs, cohort.timezone, lang))


def configured(result: PairingConfigured) -> dict:
    cohort, settings, lang = result.cohort, result.settings, result.cohort.lang
    if not settings.active:
        return _lines(gettext(OFF, lang, name=escape(cohort.name)))
    text = "\n".join(
        line
        for line in (settings_text(settings, cohort, lang), _next(cohort, result.next_runs, lang))
        if line
    )
    return message(text, [section(text), context(gettext(HOW, lang))])


def never_changed(result: NeverPairsChanged) -> dict:
    lang = result.cohort.lang
    people = ", ".join(user_ref(p) for p in result.people)
    return _lines(
        gettext(ALLOW if result.allow else NEVER, lang, name=escape(result.cohort.name), people=people)
    )


def figures_text(figures: PairingFigures, lang: str) -> str:
    text = gettext(
        FIGURES,
        lang,
        rounds_text=ngettext("{count} round", "{count} rounds", figures.rounds, lang),
        answered=figures.answered,
        pairs=figures.pairs,
        rate=figures.answer_rate,
        met=figures.cross_met,
        possible=figures.cross_possible,
        share=figures.cross_share,
    )
    if figures.isolated is not None:
        count = len(figures.isolated)
        text += " " + ngettext(
            "{count} fellow met nobody in the last 4 weeks.",
            "{count} fellows met nobody in the last 4 weeks.",
            count,
            lang,
        )
    return text


def show_summary(line: ScheduleLine, lang: str) -> str:
    """The pairing's line in `/cohort show` (its params: the settings and the figures so far)."""
    settings, figures, cohort = line.params["settings"], line.params["figures"], line.params["cohort"]
    assert isinstance(settings, PairingSettings) and isinstance(figures, PairingFigures)
    assert isinstance(cohort, Cohort)
    return settings_text(settings, cohort, lang) + "\n" + figures_text(figures, lang)


def standing(result: PairingStanding, lang: str) -> dict:
    pause = result.pause
    if pause is None:
        if not result.changed:
            return _lines(gettext(TAKING_PART, lang))
        return _lines(gettext(RESUMED, lang))
    if pause.off:
        return _lines(gettext(LEFT, lang))
    if pause.until is not None:
        return _lines(gettext(PAUSED_UNTIL, lang, day=format_date(pause.until, lang)))
    return _lines(gettext(PAUSED, lang))


def not_paused(lang: str) -> dict:
    return _lines(gettext(NOT_PAUSED, lang))
