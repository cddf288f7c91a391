"""The pairing's messages in a group DM: the introduction, the follow-up, and either one once
someone answered (its buttons replaced by what they said)."""

from __future__ import annotations

from domain.cohorts.model import Cohort, Role
from domain.cohorts.rules import user_ref
from domain.pairing.intro import IntroCard, Person
from domain.pairing.model import Outcome, Pair
from handlers import ids
from handlers.blocks.home.messages import actions
from handlers.blocks.kit import Block, button, context, escape, message, section
from handlers.i18n import N_, gettext

HELLO = N_("Hello {people}! This round of *{cohort}*'s pairing introduces you to each other.")
FELLOW_OF = N_("{person}: fellow, challenge {challenge}")
FELLOW = N_("{person}: fellow")
MENTOR_OF = N_("{person}: mentor, challenge {challenge}")
MENTOR = N_("{person}: mentor")
SHARED = N_("You share these skills: {skills}")
OFFERS = N_("{person} could share: {skills}")
START = N_("To start: {suggestion}")
SUGGESTIONS = (
    N_("tell each other in two minutes what your challenge is trying to change, and for whom."),
    N_("each say one thing that surprised you in your administration since you arrived."),
    N_("share the one problem you would most like a fresh pair of eyes on this week."),
    N_("compare how your teams decide things: who you go to, and how long it takes."),
)
HOW = N_("Half an hour in the next few days, in person or by video. Tell us how it went with the buttons.")
MET_BUTTON = N_("We met")
SKIP_BUTTON = N_("Not this time")
FOLLOW_UP = N_("Did you meet, {people}? One click tells the program team (*{cohort}*).")
SAID_MET = N_("{person} says you met. Thank you!")
SAID_SKIPPED = N_("{person} says not this time. There will be another round.")
ANSWERED = {Outcome.MET: SAID_MET, Outcome.SKIPPED: SAID_SKIPPED}


def _people(pair: Pair) -> str:
    return ", ".join(user_ref(m) for m in pair.members)


def _buttons(pair: Pair, lang: str) -> Block:
    value = str(pair.id)
    return actions(
        button(gettext(MET_BUTTON, lang), ids.PAIRING_MET, value, "primary"),
        button(gettext(SKIP_BUTTON, lang), ids.PAIRING_SKIP, value),
    )


def _person_line(person: Person, lang: str) -> str:
    mentor = person.role is Role.MENTOR
    if person.challenge:
        text = MENTOR_OF if mentor else FELLOW_OF
        return gettext(text, lang, person=user_ref(person.user_id), challenge=escape(person.challenge))
    return gettext(MENTOR if mentor else FELLOW, lang, person=user_ref(person.user_id))


def _skills(card: IntroCard, lang: str) -> list[str]:
    lines = []
    if card.shared:
        lines.append(gettext(SHARED, lang, skills=", ".join(escape(s) for s in card.shared)))
    for person, skills in card.offers:
        lines.append(
            gettext(OFFERS, lang, person=user_ref(person), skills=", ".join(escape(s) for s in skills))
        )
    return lines


def introduction(cohort: Cohort, card: IntroCard) -> dict:
    lang, pair = cohort.lang, card.pair
    hello = gettext(HELLO, lang, people=_people(pair), cohort=escape(cohort.name))
    who = "\n".join(f"• {_person_line(p, lang)}" for p in card.people)
    suggestion = gettext(SUGGESTIONS[pair.id % len(SUGGESTIONS)], lang)
    blocks = [section(hello), section(who)]
    if skills := _skills(card, lang):
        blocks.append(section("\n".join(skills)))
    blocks += [
        section(gettext(START, lang, suggestion=suggestion)),
        context(gettext(HOW, lang)),
        _buttons(pair, lang),
    ]
    return message(hello, blocks)


def follow_up(cohort: Cohort, pair: Pair) -> dict:
    lang = cohort.lang
    text = gettext(FOLLOW_UP, lang, people=_people(pair), cohort=escape(cohort.name))
    return message(text, [section(text), _buttons(pair, lang)])


def answered(original: dict, pair: Pair, lang: str) -> dict:
    """The clicked message as it was, its buttons replaced by who answered what."""
    assert pair.outcome is not None and pair.answered_by is not None
    said = gettext(ANSWERED[pair.outcome], lang, person=user_ref(pair.answered_by))
    kept = [b for b in original.get("blocks") or [] if b.get("type") != "actions"]
    return message(str(original.get("text") or said), [*kept, context(said)])


def pair_id_of(value: str) -> int | None:
    """The group's id carried by a button; None for anything else."""
    return int(value) if value.isascii() and value.isdigit() else None
