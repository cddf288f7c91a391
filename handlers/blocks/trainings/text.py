"""Pieces of text every training message shares: when, how long, where, who."""

from __future__ import annotations

from domain.cohorts.model import Cohort
from domain.trainings.model import TrainingSession
from handlers.blocks.kit import escape, link
from handlers.blocks.times import for_reader
from handlers.i18n import N_, gettext, ngettext

FULL = N_("No seat left")


def duration_text(minutes: int, lang: str) -> str:
    """30 min, 1 h, 1 h 30 min: read the same way in French and in English."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def when(session: TrainingSession, cohort: Cohort, lang: str) -> str:
    """The start in each reader's own zone (Slack's date formatting), the cohort's as fallback."""
    return for_reader(session.starts_at, cohort.timezone, lang)


def place(session: TrainingSession) -> str:
    """A video link stays clickable; a room is shown as typed."""
    return link(session.location) if session.location_is_link else escape(session.location)


def seats(session: TrainingSession, waiting: int, lang: str) -> str:
    if session.seats_left:
        text = ngettext("{count} seat left", "{count} seats left", session.seats_left, lang)
    else:
        text = gettext(FULL, lang)
    if waiting:
        text += " · " + ngettext(
            "{count} person on the waitlist", "{count} people on the waitlist", waiting, lang
        )
    return text


def person(user_id: str) -> str:
    return f"<@{user_id}>"


def people(user_ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(person(user_id) for user_id in user_ids)
