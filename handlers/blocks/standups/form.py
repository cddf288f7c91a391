"""The stand-up forms and what they send back: the fellows' answers, and the admins' questions.

The answer form (`standup_answer`) has one input per question, q1 … qN, and an optional mood;
its `private_metadata` names the cohort and the day. Buttons carry `<cohort id>:<YYYY-MM-DD>`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from domain.cohorts.model import Cohort
from domain.messages import N_, NP_, DomainError
from domain.standups.answers import OpenStandup
from domain.standups.model import (
    ANSWER_MAX,
    DEFAULT_QUESTIONS,
    MOODS,
    QUESTION_MAX,
    QUESTIONS_MAX,
    StandupSettings,
)
from handlers import ids
from handlers.blocks.kit import context, input_block, modal, option, static_select, text_input
from handlers.i18n import format_date, gettext

FORM_TITLE = N_("Stand-up of {day}")
FORM_INTRO = N_("{cohort} · {day}. Answer what you want; one answer is enough.")
FORM_LATE = N_("This stand-up has closed: your answer will be marked late.")
FORM_EDIT = N_("You answered already: what you save replaces it.")
MOOD_LABEL = N_("Your mood today, from 1 (bad) to 5 (great)")
SAVE = N_("Save")
CANCEL = N_("Cancel")
QUESTIONS_TITLE = N_("Stand-up questions")
QUESTIONS_LABEL = N_("Questions, one per line")
QUESTIONS_HINT = NP_(
    "At most {count} question, of {length} characters at most.",
    "At most {count} questions, of {length} characters each at most.",
)
BLOCKERS_LABEL = N_("Which question asks about blockers?")
NO_BLOCKER_QUESTION = N_("No question about blockers")
QUESTION_NUMBER = N_("Question {number}")
MOOD_OPTION = N_("Also ask for a mood, from 1 to 5")
MOOD_QUESTION = N_("Mood")
MOOD_FACES = {1: "😫", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}

Values = Mapping[str, Mapping[str, Any]]


def standup_value(cohort_id: int, day: date) -> str:
    return f"{cohort_id}:{day.isoformat()}"


def parse_standup_value(value: str | None) -> tuple[int, date] | None:
    cohort_id, _, day = (value or "").partition(":")
    try:
        return ids.parse_id(cohort_id) or 0, date.fromisoformat(day)
    except ValueError:
        return None


def answer_metadata(cohort_id: int, day: date) -> str:
    return json.dumps({"cohort": cohort_id, "day": day.isoformat()}, separators=(",", ":"))


def parse_answer_metadata(raw: str) -> tuple[int, date] | None:
    try:
        data = json.loads(raw or "{}")
        return ids.parse_id(data["cohort"]) or 0, date.fromisoformat(data["day"])
    except (ValueError, KeyError, TypeError):
        return None


def question_texts(settings: StandupSettings, lang: str) -> tuple[str, ...]:
    """The questions as fellows read them: the default ones in the cohort's language."""
    return settings.questions or tuple(gettext(question, lang) for question in DEFAULT_QUESTIONS)


def _mood_select(initial: int | None) -> dict:
    options = [option(f"{mood} {MOOD_FACES[mood]}", str(mood)) for mood in MOODS]
    return static_select(options, initial=str(initial) if initial else None)


def answer_modal(standup: OpenStandup) -> dict:
    cohort, settings, lang = standup.cohort, standup.settings, standup.cohort.lang
    notes = [gettext(FORM_INTRO, lang, cohort=cohort.name, day=format_date(standup.day, lang, "full"))]
    entry = standup.entry if standup.entry is not None and standup.entry.answered else None
    if entry is not None:
        notes.append(gettext(FORM_EDIT, lang))
    elif standup.late:
        notes.append(gettext(FORM_LATE, lang))
    blocks = [context(" ".join(notes))]
    for number, question in enumerate(question_texts(settings, lang), start=1):
        answer = entry.answers[number - 1] if entry is not None and number <= len(entry.answers) else None
        element = {**text_input(answer, max_length=ANSWER_MAX), "multiline": True}
        blocks.append(input_block(ids.standup_question(number), question, element, optional=True))
    if settings.mood:
        blocks.append(
            input_block(
                ids.STANDUP_MOOD,
                gettext(MOOD_LABEL, lang),
                _mood_select(entry.mood if entry else None),
                optional=True,
            )
        )
    title = gettext(FORM_TITLE, lang, day=format_date(standup.day, lang, "d MMMM"))
    return modal(
        ids.STANDUP_ANSWER,
        title,
        blocks,
        submit=gettext(SAVE, lang),
        close=gettext(CANCEL, lang),
        private_metadata=answer_metadata(cohort.id, standup.day),
    )


def _text(values: Values, block_id: str) -> str | None:
    state = (values.get(block_id) or {}).get(ids.VALUE) or {}
    chosen = state.get("selected_option") or {}
    value = state.get("value") if "value" in state else chosen.get("value")
    return None if value is None else str(value)


def parse_answer_form(values: Values) -> tuple[list[str], str | None]:
    """The answers in question order (q1, q2… as long as they come) and the mood chosen, if any."""
    answers: list[str] = []
    while ids.standup_question(len(answers) + 1) in values:
        answers.append(_text(values, ids.standup_question(len(answers) + 1)) or "")
    return answers, _text(values, ids.STANDUP_MOOD)


def answer_errors(errors: Mapping[int, DomainError]) -> dict[str, DomainError]:
    """The domain's mistakes by question number (0 for the mood) as the form's block ids."""
    return {
        (ids.STANDUP_MOOD if number == 0 else ids.standup_question(number)): err
        for number, err in errors.items()
    }


# The admins' questions form ---------------------------------------------------------------


def questions_modal(cohort: Cohort, settings: StandupSettings, lang: str) -> dict:
    lines = {
        **text_input(
            "\n".join(question_texts(settings, lang)), max_length=QUESTIONS_MAX * (QUESTION_MAX + 1)
        ),
        "multiline": True,
    }
    choices = [option(gettext(NO_BLOCKER_QUESTION, lang), "0")]
    choices += [option(gettext(QUESTION_NUMBER, lang, number=n), str(n)) for n in range(1, QUESTIONS_MAX + 1)]
    mood = option(gettext(MOOD_OPTION, lang), "on")
    checkbox: dict[str, Any] = {"type": "checkboxes", "options": [mood]}
    if settings.mood:
        checkbox["initial_options"] = [mood]
    blocks = [
        context(cohort.name),
        input_block(
            ids.STANDUP_QUESTION_LINES,
            gettext(QUESTIONS_LABEL, lang),
            lines,
            hint=gettext(QUESTIONS_HINT, lang, count=QUESTIONS_MAX, length=QUESTION_MAX),
        ),
        input_block(
            ids.STANDUP_BLOCKERS,
            gettext(BLOCKERS_LABEL, lang),
            static_select(choices, initial=str(settings.blocker_question or 0)),
        ),
        input_block(ids.STANDUP_MOOD, gettext(MOOD_QUESTION, lang), checkbox, optional=True),
    ]
    return modal(
        ids.STANDUP_QUESTIONS,
        gettext(QUESTIONS_TITLE, lang),
        blocks,
        submit=gettext(SAVE, lang),
        close=gettext(CANCEL, lang),
        private_metadata=str(cohort.id),
    )


_WHOLE = re.compile(r"[+-]?[0-9]{1,6}")


def parse_questions_form(values: Values) -> tuple[list[str], int | None, bool]:
    """The questions (one per non-empty line), the blockers question (None for none), the mood."""
    lines = [
        " ".join(line.split()) for line in (_text(values, ids.STANDUP_QUESTION_LINES) or "").splitlines()
    ]
    picked = (_text(values, ids.STANDUP_BLOCKERS) or "0").strip()
    # The list offers whole numbers only; anything else names a question that does not exist.
    blocker = int(picked) if _WHOLE.fullmatch(picked) else -1
    mood_state = (values.get(ids.STANDUP_MOOD) or {}).get(ids.VALUE) or {}
    mood = any(chosen.get("value") == "on" for chosen in mood_state.get("selected_options") or [])
    return [line for line in lines if line], (blocker or None), mood
