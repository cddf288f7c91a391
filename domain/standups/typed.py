"""Text a fellow types to the bot: a question gets the help, text during an open stand-up can be
kept as the answer (its first question), anything else gets the help too. Nothing is thrown away."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from domain.calendar import PublicHolidays
from domain.messages import N_, DomainError
from domain.standups.answers import OpenStandup, Submitted, open_standup, standup_of, submit_answer
from domain.standups.model import ANSWER_MAX, ANSWER_TOO_LONG
from domain.standups.records import StandupStore

EMPTY_TEXT = N_("There is no text to save: type your answer in a message, or use /standup.")
# How a question to the bot starts, in French or English (the question mark may be left out).
_QUESTION_START = re.compile(
    r"^(comment|how|what|where|why|help|aide|pourquoi|où|quel|quelle|quels|quelles|est-ce|peut-on|puis-je)(?!\w)",
    re.IGNORECASE,
)


def reads_as_question(text: str) -> bool:
    """ "how do I see my fellows' stand-ups?": a question to the bot, not a stand-up answer."""
    words = text.strip()
    return words.endswith("?") or bool(_QUESTION_START.match(words))


def standup_open_to(
    store: StandupStore, user_id: str, now: datetime, holidays: PublicHolidays | None
) -> OpenStandup | None:
    """The stand-up this person may answer now, if any."""
    try:
        return open_standup(store, user_id, now, holidays)
    except DomainError:
        return None


@dataclass(frozen=True)
class TypedAnswer:
    """The text to keep as the first answer of the stand-up of `day` in cohort `cohort_id`."""

    cohort_id: int
    day: date
    text: str


def save_typed_answer(
    store: StandupStore, user_id: str, typed: TypedAnswer, now: datetime, holidays: PublicHolidays | None
) -> Submitted:
    """The text becomes the first answer; the other answers, if any were given, stay."""
    text = typed.text.strip()
    if not text:
        raise DomainError(EMPTY_TEXT)
    if len(text) > ANSWER_MAX:
        raise DomainError(ANSWER_TOO_LONG, max=ANSWER_MAX, length=len(text))
    standup = standup_of(store, user_id, typed.cohort_id, typed.day, now, holidays)
    count = standup.settings.question_count
    before = list(standup.entry.answers) if standup.entry is not None and standup.entry.answered else []
    answers = (text, *(before + [""] * count)[1:count])
    mood = standup.entry.mood if standup.entry is not None else None
    return submit_answer(store, user_id, typed.cohort_id, typed.day, answers, mood, now, holidays)
