"""The `/cohort` form: create a cohort or add members, and the parsers of what it sends back.

The parsers are pure: they get what they need to know (existing names, supported countries)
as arguments and answer field by field, as `{block_id: DomainError}`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

from domain.cohorts.commands import Add, Create
from domain.cohorts.membership import ADMIN_WITHOUT_CHALLENGE
from domain.cohorts.model import (
    NAME_MAX,
    Role,
    challenge_name,
    check_country_code,
    check_lang,
    check_period,
    check_timezone,
    cohort_key,
    slugify,
    unknown_country,
    validate_cohort_name,
)
from domain.command_parsing import parse_date
from domain.messages import N_, DomainError
from handlers import ids
from handlers.blocks.kit import form_input, modal, option, static_select, text_input
from handlers.i18n import gettext

TIMEZONES = (
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/Luxembourg",
    "Europe/Zurich",
    "Europe/London",
    "Europe/Lisbon",
    "Europe/Madrid",
    "Europe/Berlin",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Bucharest",
    "America/Guadeloupe",
    "America/Martinique",
    "America/Cayenne",
    "America/Miquelon",
    "Indian/Reunion",
    "Indian/Mayotte",
    "Pacific/Noumea",
    "Pacific/Tahiti",
    "Pacific/Wallis",
    "America/Toronto",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Africa/Dakar",
    "Africa/Abidjan",
    "Africa/Casablanca",
    "Africa/Tunis",
    "Africa/Algiers",
    "Africa/Lagos",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
)

TITLE = N_("Cohorts")
CANCEL = N_("Cancel")
SUBMIT = {ids.MODE_CREATE: N_("Create"), ids.MODE_ADD: N_("Add")}
MODES = {ids.MODE_CREATE: N_("Create a cohort"), ids.MODE_ADD: N_("Add members to a cohort")}
LABELS = {
    ids.COHORT_NAME: N_("Name"),
    ids.COHORT_CHANNEL: N_("Channel"),
    ids.COHORT_TIMEZONE: N_("Time zone"),
    ids.COHORT_LANG: N_("Language"),
    ids.COHORT_COUNTRY: N_("Country (public holidays)"),
    ids.COHORT_START: N_("Start date"),
    ids.COHORT_END: N_("End date"),
    ids.COHORT_PICK: N_("Cohort"),
    ids.COHORT_PEOPLE: N_("People"),
    ids.COHORT_ROLE: N_("Role"),
    ids.COHORT_CHALLENGE: N_("Challenge"),
}
HINTS = {
    ids.COHORT_NAME: N_("Letters, digits, - _ and . without spaces, such as eig7."),
    ids.COHORT_CHANNEL: N_(
        "Where the stand-ups and digests are posted. For a private channel, invite me first."
    ),
    ids.COHORT_TIMEZONE: N_("Another zone: /cohort create NAME #channel tz=Area/City"),
    ids.COHORT_COUNTRY: N_("Two letters, such as FR."),
    ids.COHORT_CHALLENGE: N_(
        "A new challenge is created in the cohort. Leave empty for a mentor of the whole cohort."
    ),
}
LANGUAGE_NAMES = {"fr": N_("French"), "en": N_("English")}
ROLE_NAMES = {Role.FELLOW: N_("Fellow"), Role.MENTOR: N_("Mentor"), Role.ADMIN: N_("Admin")}
PICK_CHANNEL = N_("Pick the cohort's channel.")
PICK_COHORT = N_("Pick a cohort.")
PICK_PEOPLE = N_("Pick at least one person.")
DUPLICATE = N_('A cohort named "{name}" already exists.')

Values = Mapping[str, Mapping[str, Any]]


def _mode_block(mode: str, lang: str) -> dict:
    options = [option(gettext(text, lang), value) for value, text in MODES.items()]
    select = static_select(options, initial=mode, action_id=ids.COHORT_FORM_MODE)
    return {"type": "actions", "block_id": ids.COHORT_FORM_MODE_BLOCK, "elements": [select]}


def _input(block_id: str, element: dict, lang: str, optional: bool = False) -> dict:
    return form_input(block_id, element, lang, LABELS, HINTS, optional=optional)


def create_blocks(lang: str, default_lang: str) -> list[dict]:
    channel = {
        "type": "conversations_select",
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    zones = static_select([option(zone, zone) for zone in TIMEZONES], initial="Europe/Paris")
    langs = static_select(
        [option(gettext(name, lang), code) for code, name in LANGUAGE_NAMES.items()], initial=default_lang
    )
    return [
        _input(ids.COHORT_NAME, text_input(max_length=NAME_MAX), lang),
        _input(ids.COHORT_CHANNEL, channel, lang),
        _input(ids.COHORT_TIMEZONE, zones, lang),
        _input(ids.COHORT_LANG, langs, lang),
        _input(ids.COHORT_COUNTRY, text_input(initial="FR", max_length=2), lang, optional=True),
        _input(ids.COHORT_START, {"type": "datepicker"}, lang, optional=True),
        _input(ids.COHORT_END, {"type": "datepicker"}, lang, optional=True),
    ]


def add_blocks(lang: str, cohort_names: Iterable[str]) -> list[dict]:
    cohorts = static_select([option(name, name) for name in cohort_names])
    roles = static_select(
        [option(gettext(text, lang), role.value) for role, text in ROLE_NAMES.items()],
        initial=Role.FELLOW.value,
    )
    return [
        _input(ids.COHORT_PICK, cohorts, lang),
        _input(ids.COHORT_PEOPLE, {"type": "multi_users_select"}, lang),
        _input(ids.COHORT_ROLE, roles, lang),
        _input(ids.COHORT_CHALLENGE, text_input(max_length=100), lang, optional=True),
    ]


def cohort_form(mode: str, lang: str, default_lang: str, cohort_names: list[str], can_create: bool) -> dict:
    """The modal in `mode` (create or add); the program team can switch between the two."""
    blocks = [_mode_block(mode, lang)] if can_create and cohort_names else []
    blocks += create_blocks(lang, default_lang) if mode == ids.MODE_CREATE else add_blocks(lang, cohort_names)
    return modal(
        ids.COHORT_FORM,
        gettext(TITLE, lang),
        blocks,
        submit=gettext(SUBMIT[mode], lang),
        close=gettext(CANCEL, lang),
        private_metadata=mode,
    )


# -- what the form sends back ---------------------------------------------------------------------


def _state(values: Values, block_id: str) -> Mapping[str, Any]:
    return (values.get(block_id) or {}).get(ids.VALUE) or {}


def _text(values: Values, block_id: str) -> str:
    state = _state(values, block_id)
    chosen = state.get("selected_option") or {}
    found = (
        state.get("value")
        or chosen.get("value")
        or state.get("selected_conversation")
        or state.get("selected_date")
        or ""
    )
    return str(found).strip()


def _check(errors: dict[str, DomainError], block_id: str, check: Callable[[], Any]) -> Any:
    try:
        return check()
    except DomainError as err:
        errors[block_id] = err
        return None


def parse_create_form(
    values: Values, existing_names: Iterable[str], supported_country: Callable[[str], bool]
) -> tuple[Create | None, dict[str, DomainError]]:
    errors: dict[str, DomainError] = {}
    taken = {cohort_key(name) for name in existing_names}

    def name() -> str:
        checked = validate_cohort_name(_text(values, ids.COHORT_NAME))
        if cohort_key(checked) in taken:
            raise DomainError(DUPLICATE, name=checked)
        return checked

    def country() -> str:
        raw = _text(values, ids.COHORT_COUNTRY) or "FR"
        if not supported_country(code := check_country_code(raw)):
            raise unknown_country(raw)
        return code

    def channel() -> str:
        if not (picked := _text(values, ids.COHORT_CHANNEL)):
            raise DomainError(PICK_CHANNEL)
        return picked

    fields = {
        "name": _check(errors, ids.COHORT_NAME, name),
        "channel_id": _check(errors, ids.COHORT_CHANNEL, channel),
        "tz": _check(errors, ids.COHORT_TIMEZONE, lambda: check_timezone(_text(values, ids.COHORT_TIMEZONE))),
        "lang": _check(errors, ids.COHORT_LANG, lambda: check_lang(_text(values, ids.COHORT_LANG))),
        "country": _check(errors, ids.COHORT_COUNTRY, country),
    }
    for key, block_id in (("start", ids.COHORT_START), ("end", ids.COHORT_END)):
        raw = _text(values, block_id)
        fields[key] = _check(errors, block_id, partial(parse_date, raw)) if raw else None
    if ids.COHORT_END not in errors:
        _check(errors, ids.COHORT_END, lambda: check_period(fields["start"], fields["end"]))
    return (None if errors else Create(**fields)), errors


def parse_add_form(values: Values) -> tuple[Add | None, str | None, dict[str, DomainError]]:
    """The command, the challenge's name as typed (its slug is in the command), and the mistakes."""
    errors: dict[str, DomainError] = {}
    cohort = _text(values, ids.COHORT_PICK)
    if not cohort:
        errors[ids.COHORT_PICK] = DomainError(PICK_COHORT)
    users = tuple(dict.fromkeys(_state(values, ids.COHORT_PEOPLE).get("selected_users") or ()))
    if not users:
        errors[ids.COHORT_PEOPLE] = DomainError(PICK_PEOPLE)
    picked = _text(values, ids.COHORT_ROLE)
    role = Role(picked) if picked in tuple(Role) else Role.FELLOW
    typed = _text(values, ids.COHORT_CHALLENGE) or None
    name = _check(errors, ids.COHORT_CHALLENGE, lambda: challenge_name(typed)) if typed else None
    if typed and role == Role.ADMIN:
        errors[ids.COHORT_CHALLENGE] = DomainError(ADMIN_WITHOUT_CHALLENGE)
    if errors:
        return None, None, errors
    return Add(cohort, users, role, slugify(name) if name else None, name), name, {}
