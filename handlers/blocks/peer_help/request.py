"""The peer-help form (`help_request`): the modal, pre-filled or not, and the parser of what it sends back.

Anyone may open it pre-filled: `/ask question`, or a stand-up blocker's "ask for help" button, through
`help_request_modal(lang, title, details, skills, private_metadata=help_metadata(cohort_id, origin))`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from domain.messages import N_, DomainError
from domain.peer_help.drafts import (
    DETAILS_MAX,
    SKILLS_TEXT_MAX,
    TITLE_MAX,
    HelpDraft,
    check_details,
    check_title,
    split_skills,
)
from handlers import ids
from handlers.blocks.kit import form_input, modal, option, static_select, text_input
from handlers.i18n import gettext

FORM_TITLE = N_("Ask for help")
SUBMIT = N_("Send")
CANCEL = N_("Cancel")
LABELS = {
    ids.HELP_TITLE: N_("What do you need help with?"),
    ids.HELP_DETAILS: N_("Details"),
    ids.HELP_SKILLS: N_("Skills needed"),
    ids.COHORT_PICK: N_("Cohort"),
}
HINTS = {
    ids.HELP_DETAILS: N_("Context, what you tried, links: whatever helps someone answer quickly."),
    ids.HELP_SKILLS: N_("Separated by commas, such as: python, data viz, public procurement."),
}
PICK_COHORT = N_("Pick the cohort to ask in.")
ORIGIN_ASK = "ask"
ORIGIN_STANDUP = "standup"
ORIGIN_REASK = "reask"
BUTTON_VALUE_MAX = 2000

Values = Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class FormContext:
    """What the form's `private_metadata` carries: the cohort (when known), where it was opened from,
    and the request it replaces (asking again)."""

    cohort_id: int | None = None
    origin: str = ORIGIN_ASK
    replaces: int | None = None


def help_metadata(cohort_id: int | None = None, origin: str = ORIGIN_ASK, replaces: int | None = None) -> str:
    data = {"cohort": cohort_id, "origin": origin}
    if replaces is not None:
        data["replaces"] = replaces
    return json.dumps(data, separators=(",", ":"))


def _int(value: object) -> int | None:
    return ids.parse_id(value) if isinstance(value, int) else None


def parse_help_metadata(raw: str) -> FormContext:
    """Anything unreadable counts as a plain `/ask` with no cohort."""
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return FormContext()
    if not isinstance(data, dict):
        return FormContext()
    origin = data.get("origin")
    return FormContext(
        _int(data.get("cohort")),
        origin if isinstance(origin, str) else ORIGIN_ASK,
        _int(data.get("replaces")),
    )


def blocker_value(cohort_id: int | None, blocker: str) -> str:
    """The value of a stand-up's `standup_blocker_to_help` button: the cohort and the blocker, cut to fit
    Slack's 2000 characters."""

    def value(text: str) -> str:
        return json.dumps({"cohort": cohort_id, "blocker": text}, ensure_ascii=False, separators=(",", ":"))

    low, high = 0, len(blocker)
    while low < high:  # the longest start of the blocker whose escaped value fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if len(value(blocker[:middle])) <= BUTTON_VALUE_MAX else (low, middle - 1)
    return value(blocker[:low])


def parse_blocker_value(value: str | None) -> tuple[int | None, str]:
    """(cohort id, blocker text) from the button's value: the JSON of `blocker_value`, or plain text."""
    try:
        data = json.loads(value) if value else None
    except ValueError:
        return None, value or ""
    if not isinstance(data, dict):
        return None, value or ""
    text = data.get("blocker", data.get("text", ""))
    return _int(data.get("cohort", data.get("cohort_id"))), text if isinstance(text, str) else ""


def _input(block_id: str, element: dict, lang: str, optional: bool = False) -> dict:
    return form_input(block_id, element, lang, LABELS, HINTS, optional=optional)


def help_request_modal(
    lang: str,
    title: str = "",
    details: str = "",
    skills: str = "",
    private_metadata: str = "",
    *,
    cohorts: Sequence[tuple[int, str]] = (),
    cohort_id: int | None = None,
) -> dict:
    """The form, pre-filled; `cohorts` (id, name) adds a cohort choice when the fellow is in several."""
    details_input = {**text_input(details[:DETAILS_MAX] or None, max_length=DETAILS_MAX), "multiline": True}
    blocks = []
    if len(cohorts) > 1:
        choices = static_select(
            [option(name, str(cid)) for cid, name in cohorts],
            initial=str(cohort_id) if cohort_id is not None else None,
        )
        blocks.append(_input(ids.COHORT_PICK, choices, lang))
    blocks += [
        _input(ids.HELP_TITLE, text_input(title[:TITLE_MAX] or None, max_length=TITLE_MAX), lang),
        _input(ids.HELP_DETAILS, details_input, lang, optional=True),
        _input(
            ids.HELP_SKILLS,
            text_input(skills[:SKILLS_TEXT_MAX] or None, max_length=SKILLS_TEXT_MAX),
            lang,
            optional=True,
        ),
    ]
    return modal(
        ids.HELP_REQUEST,
        gettext(FORM_TITLE, lang),
        blocks,
        submit=gettext(SUBMIT, lang),
        close=gettext(CANCEL, lang),
        private_metadata=private_metadata,
    )


# -- what the form sends back ---------------------------------------------------------------------


def _text(values: Values, block_id: str) -> str:
    state = (values.get(block_id) or {}).get(ids.VALUE) or {}
    chosen = state.get("selected_option") or {}
    return str(state.get("value") or chosen.get("value") or "")


def parse_help_request(
    values: Values, private_metadata: str = ""
) -> tuple[HelpDraft | None, dict[str, DomainError]]:
    """The draft, or the mistakes by block id (for `response_action="errors"`). Pure."""
    errors: dict[str, DomainError] = {}
    fields: dict[str, Any] = {}
    checks = (
        (ids.HELP_TITLE, "title", check_title),
        (ids.HELP_DETAILS, "details", check_details),
        (ids.HELP_SKILLS, "skills", split_skills),
    )
    for block_id, name, check in checks:
        try:
            fields[name] = check(_text(values, block_id))
        except DomainError as err:
            errors[block_id] = err
    cohort_id = parse_help_metadata(private_metadata).cohort_id
    if ids.COHORT_PICK in values:
        picked = _text(values, ids.COHORT_PICK)
        cohort_id = ids.parse_id(picked)
        if cohort_id is None:
            errors[ids.COHORT_PICK] = DomainError(PICK_COHORT)
    if errors:
        return None, errors
    return HelpDraft(cohort_id=cohort_id, **fields), {}
