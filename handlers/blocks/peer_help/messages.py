"""Peer-help messages: the request in the channel (one message, updated at each step), and the DMs
to helpers and askers. Each builder takes the request as the use cases give it (HelpView)."""

from __future__ import annotations

from collections.abc import Iterable

from domain.cohorts.rules import channel_ref, user_ref
from domain.peer_help.lifecycle import Asked, HelpView
from domain.peer_help.records import HelpStatus
from handlers import ids
from handlers.blocks.kit import button, context, escape, message, section
from handlers.i18n import N_, gettext

ASKS = N_("{asker} asks for help: {title}")
SKILLS = N_("Skills: {skills}")
STATUS = {
    HelpStatus.OPEN: N_("No offer yet."),
    HelpStatus.CLAIMED: N_("Helping: {helpers}"),
    HelpStatus.RESOLVED: N_("Resolved by {by}."),
    HelpStatus.CLOSED: N_("Closed by {by}."),
}
THANKED = N_("Thanks to {helpers}: “{thanks}”")
CREDITED = N_("Credited: {helpers}")
OFFER = N_("I can help")
RESOLVE = N_("Mark resolved")
CLOSE = N_("Close")
REASK = N_("Ask again")
ROUTED = N_("{asker} needs a hand in {channel}, and you know {skills}: can you help?")
ROUTED_NO_SKILL = N_("{asker} needs a hand in {channel}: can you help?")
POSTED = N_("Your request is posted in {channel}.")
SENT_TO = N_("I also sent it to {people}, who know these skills.")
SENT_TO_NOBODY = N_("Nobody has declared these skills yet: everyone in the channel can still answer.")
WHEN_DONE = N_("When it is solved, mark it resolved to thank whoever helped.")
REPLACED = N_("Your earlier request “{title}” is closed: this one replaces it.")
OFFERED_TO_ASKER = N_("{helper} offers to help with “{title}”: talk it over in the thread in {channel}.")
OFFER_NOTED = N_("Thanks! {asker} is told; talk it over in the thread in {channel}.")
RESOLVED_TO_HELPER = N_("{by} marked “{title}” resolved and credits you for your help.")
RESOLVED_THANKS = N_("Their thanks: “{thanks}”")
REROUTED_TO_ASKER = N_("Nobody has offered help on “{title}” yet: I sent it to {people} as well.")
REROUTED_NOBODY = N_(
    "Nobody has offered help on “{title}” yet, and nobody else has declared these skills. "
    "Adding details or skills, or asking again, may help."
)
NUDGE = N_(
    "Your request “{title}” has been open for a week. Is it solved? Mark it resolved to thank "
    "whoever helped, ask again, or close it."
)
NOT_POSTED = N_(
    "I could not post your request in {channel}: invite me there (/invite), or ask an admin to "
    "choose another channel. Nothing was sent."
)
ENDED = N_("“{title}” is now {status}.")
STATUS_WORDS = {HelpStatus.RESOLVED: N_("resolved"), HelpStatus.CLOSED: N_("closed")}


def people(user_ids: Iterable[str]) -> str:
    return ", ".join(user_ref(user_id) for user_id in user_ids)


def _value(view: HelpView) -> str:
    return str(view.request.id)


def _status_lines(view: HelpView) -> list[str]:
    lang, request = view.cohort.lang, view.request
    lines = [
        gettext(
            STATUS[request.status], lang, helpers=people(view.helpers), by=user_ref(request.ended_by or "")
        )
    ]
    if request.status is HelpStatus.RESOLVED and view.credited:
        text = THANKED if request.thanks else CREDITED
        lines.append(gettext(text, lang, helpers=people(view.credited), thanks=escape(request.thanks)))
    return lines


def request_message(view: HelpView) -> dict:
    """The request in the channel: who asks what, the skills, where it stands; buttons while it is active."""
    lang, request = view.cohort.lang, view.request
    headline = gettext(ASKS, lang, asker=user_ref(request.asker), title=f"*{escape(request.title)}*")
    blocks = [section(headline)]
    if request.details:
        blocks.append(section(escape(request.details)))
    notes = [gettext(SKILLS, lang, skills=escape(", ".join(view.labels)))] if view.labels else []
    blocks.append(context(*notes, *_status_lines(view)))
    if request.active:
        blocks.append(
            {
                "type": "actions",
                "block_id": "help",
                "elements": [
                    button(gettext(OFFER, lang), ids.HELP_OFFER, _value(view), style="primary"),
                    button(gettext(RESOLVE, lang), ids.HELP_RESOLVE, _value(view)),
                ],
            }
        )
    return message(gettext(ASKS, lang, asker=user_ref(request.asker), title=escape(request.title)), blocks)


def routed_message(view: HelpView) -> dict:
    """The DM to someone picked to help: the request, and a button to offer."""
    lang, request = view.cohort.lang, view.request
    text = ROUTED if view.labels else ROUTED_NO_SKILL
    intro = gettext(
        text,
        lang,
        asker=user_ref(request.asker),
        channel=channel_ref(view.channel_id),
        skills=escape(", ".join(view.labels)),
    )
    blocks = [
        section(intro),
        section(f"*{escape(request.title)}*\n{escape(request.details)}".strip()),
        {
            "type": "actions",
            "block_id": "help",
            "elements": [button(gettext(OFFER, lang), ids.HELP_OFFER, _value(view), style="primary")],
        },
    ]
    return message(f"{intro} {escape(request.title)}", blocks)


def _asker_buttons(view: HelpView, *extra: dict) -> dict:
    lang = view.cohort.lang
    return {
        "type": "actions",
        "block_id": "help",
        "elements": [
            button(gettext(RESOLVE, lang), ids.HELP_RESOLVE, _value(view), style="primary"),
            *extra,
            button(gettext(CLOSE, lang), ids.HELP_CLOSE, _value(view)),
        ],
    }


def asked_message(asked: Asked) -> dict:
    """The DM to the asker once the request is posted: where, who else got it, what to do when done."""
    view, lang = asked.view, asked.view.cohort.lang
    lines = [
        gettext(POSTED, lang, channel=channel_ref(view.channel_id)),
        gettext(SENT_TO, lang, people=people(asked.routed))
        if asked.routed
        else gettext(SENT_TO_NOBODY, lang),
        gettext(WHEN_DONE, lang),
    ]
    if asked.replaced is not None:
        lines.append(gettext(REPLACED, lang, title=escape(asked.replaced.request.title)))
    text = "\n".join(lines)
    return message(text, [section(text), _asker_buttons(view)])


def offered_to_asker(view: HelpView, helper: str) -> dict:
    text = gettext(
        OFFERED_TO_ASKER,
        view.cohort.lang,
        helper=user_ref(helper),
        title=escape(view.request.title),
        channel=channel_ref(view.channel_id),
    )
    return message(text, [section(text)])


def offer_noted(view: HelpView) -> dict:
    text = gettext(
        OFFER_NOTED,
        view.cohort.lang,
        asker=user_ref(view.request.asker),
        channel=channel_ref(view.channel_id),
    )
    return message(text)


def resolved_to_helper(view: HelpView) -> dict:
    lang, request = view.cohort.lang, view.request
    lines = [
        gettext(
            RESOLVED_TO_HELPER,
            lang,
            by=user_ref(request.ended_by or request.asker),
            title=escape(request.title),
        )
    ]
    if request.thanks:
        lines.append(gettext(RESOLVED_THANKS, lang, thanks=escape(request.thanks)))
    text = "\n".join(lines)
    return message(text, [section(text)])


def ended_message(view: HelpView) -> dict:
    """What the person who resolved or closed the request is told."""
    lang = view.cohort.lang
    return message(
        gettext(
            ENDED,
            lang,
            title=escape(view.request.title),
            status=gettext(STATUS_WORDS[view.request.status], lang),
        )
    )


def rerouted_to_asker(view: HelpView, helpers: tuple[str, ...]) -> dict:
    lang, title = view.cohort.lang, escape(view.request.title)
    text = (
        gettext(REROUTED_TO_ASKER, lang, title=title, people=people(helpers))
        if helpers
        else gettext(REROUTED_NOBODY, lang, title=title)
    )
    return message(text, [section(text), _asker_buttons(view)])


def nudge_message(view: HelpView) -> dict:
    lang = view.cohort.lang
    text = gettext(NUDGE, lang, title=escape(view.request.title))
    return message(
        text,
        [section(text), _asker_buttons(view, button(gettext(REASK, lang), ids.HELP_REASK, _value(view)))],
    )


def not_posted(channel_id: str, lang: str) -> dict:
    return message(gettext(NOT_POSTED, lang, channel=channel_ref(channel_id)))
