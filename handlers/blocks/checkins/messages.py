"""The mentor check-in: its prompt and reminder, its form and the parser of what the form sends back."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from domain.checkins.answers import CheckinForm
from domain.checkins.model import PICK_A_COHORT, TEXT_MAX, CheckinAnswer, check_answer
from domain.cohorts.model import Cohort
from domain.cohorts.rules import user_ref
from domain.messages import DomainError
from handlers import ids
from handlers.blocks.kit import (
    button,
    context,
    escape,
    input_block,
    message,
    modal,
    option,
    section,
    static_select,
    text_input,
)
from handlers.i18n import N_, format_date, gettext

FORM_TITLE = N_("Mentor check-in")
SUBMIT = N_("Send")
CANCEL = N_("Cancel")
INTRO = N_("How are your challenges in *{cohort}* going? Your answers go to the program team.")
LABELS = {
    ids.COHORT_PICK: N_("Cohort"),
    "rating": N_("How is the challenge going, from 1 to 5?"),
    "going_well": N_("What is going well?"),
    "blockers": N_("What is blocking or slowing the fellows down?"),
    "needs": N_("What do you need from the program team?"),
}
RATING_NAMES = {
    1: N_("1 · very badly"),
    2: N_("2 · badly"),
    3: N_("3 · so-so"),
    4: N_("4 · well"),
    5: N_("5 · very well"),
}
PICK = N_("Pick a rating")
PROMPT = N_(
    "Time for your mentor check-in for *{cohort}*: how are your challenges going? Two minutes, four questions."
)
REMINDER = N_(
    "Reminder: your mentor check-in for *{cohort}* (round of {day}) is still waiting for your answer."
)
OPEN_BUTTON = N_("Answer the check-in")
MISSED_TITLE = N_("Mentor check-ins missed in *{cohort}*:")
MISSED_LINE = N_("{mentor}: round of {day}")
MISSED_HINT = N_("A new round has started; they can still tell you how things go with /checkin.")

Values = Mapping[str, Mapping[str, Any]]


def checkin_metadata(cohort_id: int, lang: str) -> str:
    return json.dumps({"cohort": cohort_id, "lang": lang}, separators=(",", ":"))


def parse_metadata(raw: str) -> tuple[int | None, str | None]:
    """(cohort id, language) from the form's private_metadata; None for what is unreadable."""
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return None, None
    if not isinstance(data, dict):
        return None, None
    cohort, lang = data.get("cohort"), data.get("lang")
    return ids.parse_id(cohort) if isinstance(cohort, int) else None, lang if isinstance(lang, str) else None


def _text_area(lang: str, name: str) -> dict:
    element = {**text_input(max_length=TEXT_MAX), "multiline": True}
    return input_block(name, gettext(LABELS[name], lang), element, optional=True)


def checkin_modal(form: CheckinForm) -> dict:
    lang, chosen = form.lang, form.chosen
    blocks = [section(gettext(INTRO, lang, cohort=escape(chosen.name)))]
    if len(form.cohorts) > 1:
        choices = static_select([option(c.name, str(c.id)) for c in form.cohorts], initial=str(chosen.id))
        blocks.append(input_block(ids.COHORT_PICK, gettext(LABELS[ids.COHORT_PICK], lang), choices))
    ratings = static_select(
        [option(gettext(RATING_NAMES[n], lang), str(n)) for n in RATING_NAMES],
        placeholder=gettext(PICK, lang),
    )
    blocks.append(input_block("rating", gettext(LABELS["rating"], lang), ratings))
    blocks += [_text_area(lang, name) for name in ids.CHECKIN_INPUTS[1:]]
    return modal(
        ids.CHECKIN_ANSWER,
        gettext(FORM_TITLE, lang),
        blocks,
        submit=gettext(SUBMIT, lang),
        close=gettext(CANCEL, lang),
        private_metadata=checkin_metadata(chosen.id, lang),
    )


def _value(values: Values, block_id: str) -> str | None:
    state = (values.get(block_id) or {}).get(ids.VALUE) or {}
    chosen = state.get("selected_option") or {}
    found = state.get("value") or chosen.get("value")
    return str(found) if found is not None else None


def parse_checkin(
    values: Values, metadata: str
) -> tuple[int | None, CheckinAnswer | None, dict[str, DomainError]]:
    """(cohort id, answer, mistakes by block id), from the submitted form. Pure."""
    cohort_id, _lang = parse_metadata(metadata)
    answer, errors = check_answer(
        _value(values, "rating"), {name: _value(values, name) for name in ids.CHECKIN_INPUTS[1:]}
    )
    if ids.COHORT_PICK in values:
        picked = _value(values, ids.COHORT_PICK) or ""
        cohort_id = ids.parse_id(picked)
    if cohort_id is None:
        errors = {
            **errors,
            ids.COHORT_PICK if ids.COHORT_PICK in values else "rating": DomainError(PICK_A_COHORT),
        }
    return cohort_id, (answer if not errors else None), errors


def prompt(cohort: Cohort, lang: str) -> dict:
    text = gettext(PROMPT, lang, cohort=escape(cohort.name))
    return message(
        text,
        [
            section(text, None)
            | {"accessory": button(gettext(OPEN_BUTTON, lang), ids.CHECKIN_OPEN, str(cohort.id), "primary")}
        ],
    )


def reminder(cohort: Cohort, round_day, lang: str) -> dict:
    text = gettext(REMINDER, lang, cohort=escape(cohort.name), day=format_date(round_day, lang))
    return message(
        text,
        [
            section(text)
            | {"accessory": button(gettext(OPEN_BUTTON, lang), ids.CHECKIN_OPEN, str(cohort.id), "primary")}
        ],
    )


def missed(cohort: Cohort, checkins, lang: str) -> dict:
    lines = [
        gettext(MISSED_LINE, lang, mentor=user_ref(c.mentor), day=format_date(c.round, lang))
        for c in checkins
    ]
    title = gettext(MISSED_TITLE, lang, cohort=escape(cohort.name))
    text = title + "\n" + "\n".join(f"• {line}" for line in lines)
    return message(title, [section(text), context(gettext(MISSED_HINT, lang))])
