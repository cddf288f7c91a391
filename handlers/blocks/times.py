"""How the bot shows a time: the one owner.

An instant (a prompt, a close, a training, a next run, an audit line) is drawn by Slack in each
reader's own zone (`<!date^EPOCH^{date_short_pretty} {time}|fallback>`), with the fallback text
carrying its zone. A time of day in a schedule (the stand-up at 09:30 in the cohort's zone) says
its zone in words: "09:30 heure de Paris", "09:30 Paris time".
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_location

from handlers.i18n import N_, _babel_locale, format_clock, format_date, gettext, language

TIME_IN_ZONE = N_("{time} {city} time")
# French elides "de" before a vowel: "heure d’Abidjan"; English reads the same either way.
TIME_IN_ZONE_VOWEL = N_("{time} {city} time (before a vowel)")
TIME_IN_OFFSET = N_("{time} ({zone})")
DATE_AND_TIME = N_("{date}, {time}")
_VOWELS = tuple("AEIOUYHÉÈÊÀÂÎÔÛaeiouyhéèêàâîôû")
# Slack's own tokens: the date then the time, in the reader's zone and language.
_DATE_TIME_TOKEN = "{date_short_pretty} {time}"
_TIME_TOKEN = "{time}"


@lru_cache(maxsize=256)
def zone_city(zone: str, lang: str) -> str | None:
    """The city of an IANA zone as people name it (`America/Cayenne` → Cayenne), None for an offset."""
    if zone == "UTC" or zone.startswith(("Etc/", "UTC")):
        return None
    try:
        return str(get_timezone_location(zone, locale=_babel_locale(language(lang)), return_city=True))
    except LookupError:
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def with_zone(clock: str, zone: str, lang: str) -> str:
    """`09:30` read in `zone`: "09:30 heure de Paris", "09:30 Paris time", "09:30 (UTC)"."""
    city = zone_city(zone, lang)
    if city is None:
        return gettext(TIME_IN_OFFSET, lang, time=clock, zone=zone)
    template = TIME_IN_ZONE_VOWEL if city.startswith(_VOWELS) else TIME_IN_ZONE
    return gettext(template, lang, time=clock, city=city)


def time_of_day(at: time | str, zone: str, lang: str) -> str:
    """A schedule's time of day in its zone: "09:30 heure de Paris"."""
    clock = at if isinstance(at, str) else format_clock(at, lang)
    return with_zone(clock, zone, lang)


def in_zone(moment: datetime, zone: str, lang: str, *, with_date: bool = True) -> str:
    """An instant as the wall clock of `zone` reads it, with the zone: "2 mars 2026, 12:00 heure de Paris"."""
    clock = with_zone(format_clock(_aware(moment), lang, zone), zone, lang)
    if not with_date:
        return clock
    local = _aware(moment).astimezone(_zone(zone))
    return gettext(DATE_AND_TIME, lang, date=format_date(local.date(), lang, "medium"), time=clock)


def for_reader(moment: datetime, zone: str, lang: str, *, with_date: bool = True) -> str:
    """An instant drawn by Slack in each reader's zone; where Slack cannot, `in_zone` as fallback."""
    stamp = int(_aware(moment).timestamp())
    token = _DATE_TIME_TOKEN if with_date else _TIME_TOKEN
    fallback = in_zone(moment, zone, lang, with_date=with_date).replace("|", "/").replace(">", "")
    return f"<!date^{stamp}^{token}|{fallback}>"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _zone(zone: str) -> ZoneInfo:
    return ZoneInfo(zone)
