"""How the bot shows a time: the one owner.

An instant (a prompt, a close, a training, an audit line) is drawn by Slack in each reader's own
zone (`<!date^EPOCH^{date_short_pretty} {time}|fallback>`), with the fallback text carrying its
zone; a run in a list of next runs says its weekday too (`{date_long_pretty}`). A time of day in a
schedule (the stand-up at 09:30 in the cohort's zone) says its zone in words, written as running
text writes hours: "9 h 30 heure de Paris", "09:30 Paris time".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import get_timezone_location

from handlers.i18n import LIST_SEPARATOR, N_, _babel_locale, format_date, format_time, gettext, language

TIME_IN_ZONE = N_("{time} {city} time")
# French elides "de" before a vowel: "heure d’Abidjan"; English reads the same either way.
TIME_IN_ZONE_VOWEL = N_("{time} {city} time (before a vowel)")
TIME_IN_OFFSET = N_("{time} ({zone})")
DATE_AND_TIME = N_("{date}, {time}")
_VOWELS = tuple("AEIOUYHÉÈÊÀÂÎÔÛaeiouyhéèêàâîôû")
# Slack's own tokens: the date then the time, in the reader's zone and language.
_DATE_TIME_TOKEN = "{date_short_pretty} {time}"
_TIME_TOKEN = "{time}"
# A next run with its weekday: "today"/"tomorrow", else "Monday, December 7th, 2026".
_RUN_TOKEN = "{date_long_pretty} {time}"
# The fallback of a next run: "lundi 7 décembre 2026", "Monday 7 December 2026".
_RUN_DATE = "EEEE d MMMM y"


@lru_cache(maxsize=256)
def zone_city(zone: str, lang: str) -> str | None:
    """The city of an IANA zone as people name it (`America/Cayenne` → Cayenne), None for an offset."""
    if zone == "UTC" or zone.startswith(("Etc/", "UTC")):
        return None
    try:
        return str(get_timezone_location(zone, locale=_babel_locale(language(lang)), return_city=True))
    except LookupError:
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def _with_zone(at: time | str, zone: str, lang: str) -> str:
    """A time of day (a `time` or an "HH:MM" setting) read in `zone`, in running text with its zone:
    "9 h 30 heure de Paris", "09:30 Paris time", "9 h 30 (UTC)"."""
    clock = format_time(at, lang)
    city = zone_city(zone, lang)
    if city is None:
        return gettext(TIME_IN_OFFSET, lang, time=clock, zone=zone)
    template = TIME_IN_ZONE_VOWEL if city.startswith(_VOWELS) else TIME_IN_ZONE
    return gettext(template, lang, time=clock, city=city)


def time_of_day(at: time | str, zone: str | None, lang: str) -> str:
    """A schedule's time of day in its zone: "9 h 30 heure de Paris", "09:30 Paris time"; with no
    zone (a time read in each fellow's own zone), the time alone: "9 h 30", "09:30"."""
    return format_time(at, lang) if zone is None else _with_zone(at, zone, lang)


def in_zone(
    moment: datetime, zone: str, lang: str, *, with_date: bool = True, date_format: str = "medium"
) -> str:
    """An instant as the wall clock of `zone` reads it, with the zone: "2 mars 2026, 12 h heure de Paris"."""
    local = _aware(moment).astimezone(_zone(zone))
    clock = _with_zone(local.time(), zone, lang)
    if not with_date:
        return clock
    return gettext(DATE_AND_TIME, lang, date=format_date(local.date(), lang, date_format), time=clock)


def for_reader(moment: datetime, zone: str, lang: str, *, with_date: bool = True) -> str:
    """An instant drawn by Slack in each reader's zone; where Slack cannot, `in_zone` as fallback."""
    token = _DATE_TIME_TOKEN if with_date else _TIME_TOKEN
    return _slack_date(moment, token, in_zone(moment, zone, lang, with_date=with_date))


def next_run(moment: datetime, zone: str, lang: str) -> str:
    """A run in a list of next runs, with its weekday, drawn by Slack in each reader's zone; the
    fallback: "lundi 7 décembre 2026, 9 h 30 heure de Paris", "Monday 7 December 2026, 09:30 Paris time"."""
    return _slack_date(moment, _RUN_TOKEN, in_zone(moment, zone, lang, date_format=_RUN_DATE))


def next_runs(moments: Iterable[datetime], zone: str, lang: str) -> str:
    """Next runs in a sentence, set apart with " · " since each one holds commas of its own."""
    return LIST_SEPARATOR.join(next_run(moment, zone, lang) for moment in moments)


def _slack_date(moment: datetime, token: str, fallback: str) -> str:
    stamp = int(_aware(moment).timestamp())
    # The fallback ends at "|…>": neither may appear inside it.
    fallback = fallback.replace("|", "/").replace(">", "")
    return f"<!date^{stamp}^{token}|{fallback}>"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _zone(zone: str) -> ZoneInfo:
    return ZoneInfo(zone)
