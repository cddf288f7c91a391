"""What the bot answers to text a fellow types to it during an open stand-up: an offer to keep it
as their answer (one button, `standup_save_text`), and what the button says once clicked.

The button's value carries the cohort, the day and the text itself, so nothing is stored before
the fellow chooses to keep it; a text too long for a button is pointed to the form instead.
"""

from __future__ import annotations

import json
from datetime import date

from domain.standups.answers import OpenStandup
from domain.standups.typed import TypedAnswer
from handlers import ids
from handlers.blocks.kit import button, context, cut, escape, message, section
from handlers.blocks.standups.form import question_texts
from handlers.i18n import N_, format_date, gettext

BUTTON_VALUE_MAX = 2000
OFFER = N_(
    "Keep this as your answer to the stand-up of {cohort} ({day})? It goes in the first question, “{question}”."
)
OFFER_REPLACES = N_(
    "You answered already: keeping it replaces your answer to the first question, “{question}”, of the stand-up of {cohort} ({day})."
)
SAVE_BUTTON = N_("Save as my answer")
OR_FORM = N_("Or type /standup to write it in the form.")
TOO_LONG = N_(
    "Your message is too long to be kept from here: type /standup and paste it in the form of the stand-up of {cohort} ({day})."
)
KEPT = N_("Kept as your answer to the stand-up of {day}.")


def typed_value(typed: TypedAnswer) -> str:
    return json.dumps(
        [typed.cohort_id, typed.day.isoformat(), typed.text], ensure_ascii=False, separators=(",", ":")
    )


def parse_typed_value(value: str | None) -> TypedAnswer | None:
    try:
        cohort_id, day, text = json.loads(value or "")
        return TypedAnswer(int(cohort_id), date.fromisoformat(day), str(text))
    except (ValueError, TypeError):
        return None


def save_offer(standup: OpenStandup, text: str) -> dict:
    """The offer, in the cohort's language, quoting what the fellow typed."""
    lang = standup.cohort.lang
    day = format_date(standup.day, lang, "d MMMM")
    question = escape(question_texts(standup.settings, lang)[0])
    value = typed_value(TypedAnswer(standup.cohort.id, standup.day, text))
    if len(value) > BUTTON_VALUE_MAX:
        line = gettext(TOO_LONG, lang, cohort=standup.cohort.name, day=day)
        return message(line, [section(line)])
    answered = standup.entry is not None and standup.entry.answered
    ask = gettext(
        OFFER_REPLACES if answered else OFFER, lang, cohort=standup.cohort.name, day=day, question=question
    )
    quoted = "\n".join(f"> {line}" for line in escape(cut(text, 2500)).splitlines())
    or_form = gettext(OR_FORM, lang)
    blocks = [
        section(ask),
        section(quoted),
        {
            "type": "actions",
            "elements": [button(gettext(SAVE_BUTTON, lang), ids.STANDUP_SAVE_TEXT, value, "primary")],
        },
        context(or_form),
    ]
    return message(f"{ask}\n{or_form}", blocks)


def kept(standup: OpenStandup) -> dict:
    line = gettext(KEPT, standup.cohort.lang, day=format_date(standup.day, standup.cohort.lang, "d MMMM"))
    return message(line, [section(line)])
