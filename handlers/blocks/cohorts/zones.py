"""The notice about fellows far from their cohort's zone, with the `zone=fellow` hint: in the reply
to `/cohort add`, after a roster import, and in `/cohort show`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from domain.cohorts.model import Cohort
from domain.cohorts.rules import user_ref
from domain.cohorts.zones import FarFellow
from handlers.blocks.times import zone_city
from handlers.i18n import N_, gettext

FAR_FELLOWS = N_("Fellows 3 hours or more from the cohort's zone ({zone}): {people}.")
FAR_PERSON = N_("{who} ({zone}, {hours} h)")
FAR_HINT = N_(
    "The stand-up asks everyone at the same instant; with /cohort standup {name} zone=fellow, each fellow "
    "is asked at the stand-up time in their own zone."
)


def _hours(hours: float) -> str:
    whole = int(hours) if hours == int(hours) else round(hours, 1)
    return f"+{whole}" if hours > 0 else f"−{abs(whole)}"


def far_notice(
    far: Iterable[FarFellow], cohort: Cohort, lang: str, name_of: Callable[[str], str] = user_ref
) -> list[str]:
    """Two lines (who, and the hint), or none when everyone lives near the cohort's zone."""
    listed = list(far)
    if not listed:
        return []
    people = ", ".join(
        gettext(
            FAR_PERSON,
            lang,
            who=name_of(f.user_id),
            zone=zone_city(f.timezone, lang) or f.timezone,
            hours=_hours(f.hours),
        )
        for f in listed
    )
    return [
        gettext(FAR_FELLOWS, lang, zone=cohort.timezone, people=people),
        gettext(FAR_HINT, lang, name=cohort.name),
    ]
