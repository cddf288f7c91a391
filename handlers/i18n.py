"""User-facing text in the reader's language: the message catalog, dates and times.

Messages are English source texts (msgids) translated through the gettext catalogs in
`handlers/locales/<lang>/LC_MESSAGES/messages.po`. The .po files are read with Babel at run
time, so no compiled .mo file has to be kept in step with them. French is the default
language; an unknown language falls back to it.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, tzinfo
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel import dates as babel_dates
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from domain.calendar import WEEKDAYS
from domain.messages import N_, DomainError

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "LANGUAGES",
    "LOCALES_DIR",
    "N_",
    "DONE",
    "NOT_ALLOWED",
    "SOMETHING_WENT_WRONG",
    "UNKNOWN_COMMAND",
    "_",
    "error_text",
    "format_date",
    "format_datetime",
    "format_time",
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


def gettext(message: str, lang: str | None, **params: object) -> str:
    """`message` (an English msgid) in `lang`, with `{placeholders}` filled from `params`."""
    text = _translations(language(lang)).gettext(message)
    return text.format(**params) if params else text


_ = gettext


def ngettext(singular: str, plural: str, count: int, lang: str | None, **params: object) -> str:
    """The plural form for `count`; `{count}` is available to the text along with `params`."""
    text = _translations(language(lang)).ngettext(singular, plural, count)
    return text.format(count=count, **params)


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


def format_date(day: date | datetime, lang: str | None, format: str = "long") -> str:
    """`format`: "full", "long" (29 mars 2026), "medium" or "short" (29/03/2026)."""
    return babel_dates.format_date(day, format=format, locale=_locale(lang))


def format_time(moment: time | datetime, lang: str | None, tz: str | tzinfo | None = None) -> str:
    """Hours and minutes (09:30). An aware datetime is shown in `tz` when given, else in its own zone."""
    if isinstance(moment, datetime) and tz is not None:
        moment = _aware(moment).astimezone(_zone(tz))
    if isinstance(moment, datetime):
        moment = moment.timetz()
    return babel_dates.format_time(moment.replace(tzinfo=None), format="short", locale=_locale(lang))


def format_datetime(
    moment: datetime,
    lang: str | None,
    tz: str | tzinfo,
    format: Literal["full", "long", "medium", "short"] = "long",
) -> str:
    """The date in `format` and the time (29 mars 2026, 09:30), as the wall clock reads in `tz`.

    A naive datetime is taken as UTC, the way instants are stored.
    """
    local = _aware(moment).astimezone(_zone(tz))
    locale = _locale(lang)
    pattern = str(babel_dates.get_datetime_format(format, locale=locale))
    return (
        pattern.replace("'", "")
        .replace("{1}", format_date(local.date(), lang, format))
        .replace("{0}", format_time(local, lang))
    )


def weekday_name(code: str, lang: str | None) -> str:
    """The name of a weekday code (`mon` … `sun`): "lundi", "Monday"."""
    try:
        index = WEEKDAYS.index(code.strip().lower())
    except ValueError:
        raise ValueError(f"unknown weekday: {code!r}") from None
    return babel_dates.get_day_names("wide", locale=_locale(lang))[index]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
