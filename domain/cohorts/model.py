"""Cohorts and who belongs to them: the model, and the rules a new cohort must follow."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from zoneinfo import available_timezones

from domain.calendar import is_zone
from domain.messages import N_, NP_, DomainError

UNKNOWN_COHORT = N_("This cohort no longer exists.")
LANGUAGES = ("fr", "en")
NAME_MAX = 40
SLUG_MAX = 40
CHALLENGE_NAME_MAX = 100


class Role(StrEnum):
    FELLOW = "fellow"
    MENTOR = "mentor"
    ADMIN = "admin"


@dataclass(frozen=True)
class Cohort:
    id: int
    name: str
    channel_id: str
    timezone: str
    lang: str
    country: str
    start: date | None
    end: date | None
    archived_at: datetime | None = None
    # When its zone, dates or holidays last changed: occurrences due before then are not caught up.
    rescheduled_at: datetime | None = field(default=None, compare=False)

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    def schedule_set_at(self, updated_at: datetime | None) -> datetime | None:
        """When a ritual's schedule (last set at `updated_at`) last changed, counting the cohort's own
        zone, dates and holidays: an occurrence due before then was not what the schedule said."""
        known = [when for when in (updated_at, self.rescheduled_at) if when is not None]
        return max(known) if known else None

    def is_running(self, today: date) -> bool:
        """Rituals run only for a cohort that is not archived, between its start and end dates."""
        if self.archived_at is not None:
            return False
        if self.start is not None and today < self.start:
            return False
        return self.end is None or today <= self.end


@dataclass(frozen=True)
class Challenge:
    """`name` as people typed it (`IA santé`), shown everywhere; `slug` (`ia-sante`) only matches."""

    id: int
    cohort_id: int
    slug: str
    name: str


@dataclass(frozen=True)
class Membership:
    cohort_id: int
    user_id: str
    role: Role
    challenge_slug: str | None = None
    # When the person was added: rituals reach them from their first occurrence after it.
    added_at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True)
class MemberProfile:
    user_id: str
    display_name: str
    timezone: str | None = None
    lang: str | None = None
    deactivated: bool = False
    is_bot: bool = False
    # When Slack was last asked; None for a person known only by id (a roster import).
    fetched_at: datetime | None = field(default=None, compare=False)

    def timezone_in(self, cohort: Cohort) -> str:
        return self.timezone or cohort.timezone


@dataclass(frozen=True)
class NewCohort:
    """What `/cohort create` asked for, checked and normalised, before it gets an id."""

    name: str
    timezone: str
    lang: str
    country: str
    start: date | None
    end: date | None


def cohort_key(name: str) -> str:
    """Cohort names are unique and looked up regardless of case and Unicode form."""
    return unicodedata.normalize("NFC", name.strip()).casefold()


def validate_cohort_name(name: str) -> str:
    """The name in NFC form, or DomainError saying which rule it breaks."""
    name = unicodedata.normalize("NFC", name.strip())
    if not name:
        raise DomainError(N_("Give the cohort's name."))
    if any(char.isspace() for char in name):
        raise DomainError(N_('A cohort name has no spaces: use "-" or "_" instead ("{name}").'), name=name)
    if len(name) > NAME_MAX:
        raise DomainError(
            NP_(
                'A cohort name has at most {count} character; "{name}" has {length}.',
                'A cohort name has at most {count} characters; "{name}" has {length}.',
            ),
            count=NAME_MAX,
            name=name,
            length=len(name),
        )
    for char in name:
        if not (char.isalpha() or char in string.digits or char in "-_."):
            raise DomainError(
                N_(
                    'A cohort name may only use letters, digits, "-", "_" and ".": "{character}" is not allowed.'
                ),
                character=char,
            )
    return name


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """`Données ouvertes` → `donnees-ouvertes`: lowercase ASCII, words joined by '-', at most 40."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_LIGATURES)).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    slug = slug[:SLUG_MAX].rstrip("-")
    if not slug:
        raise DomainError(N_('"{text}" cannot be a challenge name: use letters or digits.'), text=text)
    return slug


def challenge_name(text: str) -> str:
    """A challenge's name as typed (`IA santé`), spaces folded; its slug is for matching only."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if len(name) > CHALLENGE_NAME_MAX:
        raise DomainError(
            NP_(
                "A challenge name has at most {count} character; this one has {length}.",
                "A challenge name has at most {count} characters; this one has {length}.",
            ),
            count=CHALLENGE_NAME_MAX,
            length=len(name),
        )
    slugify(name)
    return name


@cache
def _zones_by_key() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def canonical_timezone(name: str) -> str | None:
    """The IANA zone spelled `name` in any case (`europe/paris` → `Europe/Paris`), or None."""
    found = _zones_by_key().get(name.strip().casefold())
    return found if found is not None and is_zone(found) else None


def check_timezone(name: str) -> str:
    found = canonical_timezone(name)
    if found is None:
        raise DomainError(
            N_('Unknown time zone "{value}": use an IANA name such as Europe/Paris.'), value=name
        )
    return found


def check_lang(lang: str) -> str:
    code = lang.strip().lower()
    if code not in LANGUAGES:
        raise DomainError(N_('Unknown language "{value}": use fr or en.'), value=lang)
    return code


def check_country_code(country: str) -> str:
    """Two ASCII letters, upper-cased; whether holidays are known for it is checked elsewhere."""
    code = country.strip().upper()
    if len(code) != 2 or not all(char in string.ascii_uppercase for char in code):
        raise unknown_country(country)
    return code


def unknown_country(country: str) -> DomainError:
    return DomainError(
        N_('Unknown country "{value}": use a two-letter country code such as FR.'), value=country
    )


def check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise DomainError(
            N_("The end date {end} is before the start date {start}."),
            end=end.isoformat(),
            start=start.isoformat(),
        )


def validate_new_cohort(
    name: str,
    tz: str | None,
    lang: str | None,
    country: str | None,
    start: date | None,
    end: date | None,
    supported_country: Callable[[str], bool],
    existing_names: Iterable[str],
    *,
    default_timezone: str = "Europe/Paris",
    default_lang: str = "fr",
    default_country: str = "FR",
) -> NewCohort:
    """The cohort to create, or DomainError naming the first mistake; unset values take the defaults."""
    name = validate_cohort_name(name)
    key = cohort_key(name)
    if any(cohort_key(existing) == key for existing in existing_names):
        raise DomainError(N_('A cohort named "{name}" already exists.'), name=name)
    timezone = check_timezone(tz if tz is not None else default_timezone)
    language = check_lang(lang if lang is not None else default_lang)
    code = check_country_code(country if country is not None else default_country)
    if not supported_country(code):
        raise unknown_country(country if country is not None else code)
    check_period(start, end)
    return NewCohort(name=name, timezone=timezone, lang=language, country=code, start=start, end=end)
