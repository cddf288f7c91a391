"""User-facing text in the reader's language: the message catalog, dates and times.

Messages are English source texts (msgids) translated through the gettext catalogs in
`handlers/locales/<lang>/LC_MESSAGES/messages.po`. The .po files are read with Babel at run
time, so no compiled .mo file has to be kept in step with them. French is the default
language; an unknown language falls back to it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, tzinfo
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Literal, cast
from zoneinfo import ZoneInfo

from babel import Locale
from babel import dates as babel_dates
from babel.lists import format_list as format_list_babel
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from domain.calendar import WEEKDAYS
from domain.messages import N_, NP_, DomainError, Message, Plural

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "LANGUAGES",
    "LOCALES_DIR",
    "N_",
    "NP_",
    "Plural",
    "DONE",
    "NOT_ALLOWED",
    "SOMETHING_WENT_WRONG",
    "UNKNOWN_COMMAND",
    "_",
    "error_text",
    "format_clock",
    "format_date",
    "format_list",
    "format_datetime",
    "format_range",
    "format_span",
    "format_time",
    "join_list",
    "gettext",
    "language",
    "ngettext",
    "po_path",
    "po_paths",
    "read_catalog",
    "weekday_name",
]

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"

# en_GB rather than en (US): day-first dates and a 24-hour clock, like the French side.
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

# Replies shared by every feature: the app's error handler and the command routers.
SOMETHING_WENT_WRONG = N_(
    "Something went wrong on our side and nothing was saved. Please try again in a moment."
)
NOT_ALLOWED = N_("You are not allowed to do that.")
UNKNOWN_COMMAND = N_("Unknown command. Usage: {usage}")
DONE = N_("Done.")

_lock = threading.Lock()
_catalogs: dict[str, Translations] = {}


def language(lang: str | None) -> str:
    """One of LANGUAGES: `lang` itself, its base language (`en-GB`, `fr_FR`) or the default."""
    if not lang:
        return DEFAULT_LANGUAGE
    code = lang.strip().replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def po_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def po_paths(lang: str) -> list[Path]:
    """Every catalog file of a language: messages.po first, then one file per feature."""
    folder = LOCALES_DIR / lang / "LC_MESSAGES"
    return [po_path(lang)] + sorted(path for path in folder.glob("*.po") if path != po_path(lang))


def read_catalog(lang: str) -> Catalog:
    """The language's catalog files merged into one; the first file naming a msgid wins."""
    merged: Catalog | None = None
    for path in po_paths(lang):
        with path.open("rb") as po_file:
            catalog = read_po(po_file, locale=_LOCALES[lang], domain=DOMAIN)
        if merged is None:
            merged = catalog
            continue
        for message in catalog:
            if message.id and message.id not in merged:
                merged[message.id] = message
    assert merged is not None
    return merged


def _load(lang: str) -> Translations:
    buffer = BytesIO()
    # Fuzzy entries are left out, so a doubtful translation shows the English source instead.
    write_mo(buffer, read_catalog(lang), use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def _translations(lang: str) -> Translations:
    lang = language(lang)
    with _lock:
        catalog = _catalogs.get(lang)
        if catalog is None:
            catalog = _catalogs[lang] = _load(lang)
        return catalog


def gettext(message: Message, lang: str | None, **params: object) -> str:
    """`message` (an English msgid) in `lang`, with `{placeholders}` filled from `params`.

    A `Plural` message takes the form that agrees with the `count` parameter.
    """
    if isinstance(message, Plural):
        count = params.pop("count")
        if not isinstance(count, int):
            raise TypeError(f"count must be a whole number, not {count!r}")
        return ngettext(message.singular, message.plural, count, lang, **params)
    text = _translations(language(lang)).gettext(message)
    return text.format(**params) if params else text


_ = gettext


def ngettext(singular: str, plural: str, count: int, lang: str | None, **params: object) -> str:
    """The plural form for `count`; `{count}` is available to the text along with `params`."""
    text = _translations(language(lang)).ngettext(singular, plural, count)
    return text.format(**{"count": count, **params})


def error_text(err: DomainError, lang: str | None) -> str:
    """What to tell the user about an expected failure, in their language."""
    return gettext(err.message, lang, **err.params)


def _locale(lang: str | None) -> Locale:
    return _babel_locale(language(lang))


@lru_cache(maxsize=len(LANGUAGES))
def _babel_locale(lang: str) -> Locale:
    return Locale.parse(_LOCALES[lang])


def _zone(tz: str | tzinfo | None) -> tzinfo | None:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


DateFormat = Literal["full", "long", "medium", "short"]
_STYLES = ("full", "long", "medium", "short")
# Running French text writes hours with "h": 9 h 30, 17 h (no-break spaces keep them on one line).
_FRENCH_HOUR = "\u00a0h"
RANGE = N_("from {first} to {last}")
DAY_AT = N_("{day}, {time}")
# A list whose items hold commas of their own ("Tuesday, 1 December") is separated with " · ".
LIST_SEPARATOR = " · "


def format_date(day: date | datetime, lang: str | None, format: DateFormat | str = "long") -> str:
    """`format`: "full" (mardi 1er décembre 2026), "long" (1er décembre 2026), "medium" (1er déc. 2026),
    "short" (01/12/2026), or a CLDR pattern such as "EEEE d MMMM". French writes the 1st "1er"."""
    locale = _locale(lang)
    pattern = _pattern(format, locale) if format in _STYLES else format
    if language(lang) == "fr" and day.day == 1:
        pattern = _first_of_the_month(pattern)
    return babel_dates.format_date(day, pattern, locale=locale)


def _pattern(style: str, locale: Locale) -> str:
    return str(babel_dates.get_date_format(cast(DateFormat, style), locale=locale).pattern)


def _first_of_the_month(pattern: str) -> str:
    """The pattern with its day of the month written as an ordinal: d → d'er' (quoted parts untouched)."""
    parts = pattern.split("'")
    parts[::2] = [re.sub(r"(?<!d)d(?!d)", "d'er'", part) for part in parts[::2]]
    return "'".join(parts)


def format_time(moment: time | datetime | str, lang: str | None, tz: str | tzinfo | None = None) -> str:
    """Hours and minutes as running text writes them: "9 h 30", "17 h" in French, "09:30" in English.

    `moment` may be a "HH:MM" setting; an aware datetime is shown in `tz` when given, else in its own zone.
    """
    if isinstance(moment, str):
        moment = time.fromisoformat(moment)
    if isinstance(moment, datetime) and tz is not None:
        moment = _aware(moment).astimezone(_zone(tz))
    if isinstance(moment, datetime):
        moment = moment.timetz()
    if language(lang) == "fr":
        hours = f"{moment.hour}{_FRENCH_HOUR}"
        return hours if moment.minute == 0 else f"{hours}\u00a0{moment.minute:02d}"
    return format_clock(moment, lang)


def format_clock(moment: time | datetime, lang: str | None, tz: str | tzinfo | None = None) -> str:
    """Hours and minutes as a clock shows them (09:30), the way Slack stamps messages."""
    if isinstance(moment, datetime) and tz is not None:
        moment = _aware(moment).astimezone(_zone(tz))
    if isinstance(moment, datetime):
        moment = moment.timetz()
    return babel_dates.format_time(moment.replace(tzinfo=None), format="short", locale=_locale(lang))


def format_datetime(
    moment: datetime, lang: str | None, tz: str | tzinfo, format: DateFormat | str = "long"
) -> str:
    """The date in `format` and the time, as the wall clock reads in `tz`: "1er décembre 2026 à 9 h 30",
    "1 December 2026, 09:30". A naive datetime is taken as UTC, the way instants are stored."""
    local = _aware(moment).astimezone(_zone(tz))
    day, clock = format_date(local.date(), lang, format), format_time(local, lang)
    return gettext(DAY_AT, lang, day=day, time=clock)


def format_span(first: date, last: date, lang: str | None, year: bool = True) -> tuple[str, str]:
    """The two ends of a span of days, what they share written once, for "du {first} au {last}":
    ("1er", "5 décembre 2026"), ("24 novembre", "1er décembre 2026"), ("24 décembre 2026", "1er janvier 2027")."""
    last_pattern = "d MMMM y" if year else "d MMMM"
    if first.year != last.year:
        first_pattern = last_pattern
    elif first.month != last.month:
        first_pattern = "d MMMM"
    else:
        first_pattern = "d"
    return format_date(first, lang, first_pattern), format_date(last, lang, last_pattern)


def format_range(first: date, last: date, lang: str | None, year: bool = True) -> str:
    """A span of days: "du 1er au 5 décembre 2026", "du 24 décembre 2026 au 1er janvier 2027" ("du
    24 décembre au 1er janvier" without the year); the day alone when the span is one day."""
    if first == last:
        return format_date(first, lang, "d MMMM y" if year else "d MMMM")
    start, end = format_span(first, last, lang, year)
    return gettext(RANGE, lang, first=start, last=end)


def join_list(items: Iterable[str]) -> str:
    """Items joined with ", ", or with " · " when an item holds a comma of its own."""
    items = list(items)
    return (LIST_SEPARATOR if any("," in item for item in items) else ", ").join(items)


def format_list(items: Iterable[str], lang: str | None, style: Literal["standard", "or"] = "standard") -> str:
    """People or things named in a sentence: "@Awa, @Ana et @Ben", "@Awa, @Ana and @Ben"; with
    `style` "or": "+01:00 ou +02:00"."""
    return format_list_babel(list(items), style=style, locale=_locale(lang))


def weekday_name(code: str, lang: str | None) -> str:
    """The name of a weekday code (`mon` … `sun`): "lundi", "Monday"."""
    try:
        index = WEEKDAYS.index(code.strip().lower())
    except ValueError:
        raise ValueError(f"unknown weekday: {code!r}") from None
    return babel_dates.get_day_names("wide", locale=_locale(lang))[index]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
