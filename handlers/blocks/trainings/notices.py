"""Direct messages about a session: seats, changes, approval, reminders, feedback and its summary."""

from __future__ import annotations

from domain.trainings.access import SessionView
from domain.trainings.due import REMINDER_1H, feedback_closes_at
from domain.trainings.feedback import FeedbackSummary
from domain.trainings.model import RATINGS
from handlers import ids
from handlers.blocks.kit import button, context, escape, section
from handlers.blocks.kit import message as kit_message
from handlers.blocks.times import for_reader
from handlers.blocks.trainings.messages import reply, summary_line
from handlers.blocks.trainings.text import person, when
from handlers.i18n import N_, gettext, ngettext

SEAT_CONFIRMED = N_(
    "Your seat at *{title}* is confirmed: {summary}. Add the attached invitation to your calendar."
)
PROMOTED = N_("A seat opened up at *{title}* and it is yours: {summary}. The invitation is attached.")
CHANGED = N_("*{title}* has changed: {summary}.")
CHANGED_INVITE = N_("*{title}* has changed: {summary}. The updated invitation is attached.")
CALLED_OFF = N_("*{title}* ({when}) is called off.")
CALLED_OFF_INVITE = N_("*{title}* ({when}) is called off. The attached file removes it from your calendar.")
ANNOUNCED = N_("Your session *{title}* is announced in {channel}.")
NOT_POSTED = N_(
    "Your session *{title}* is saved, but I could not post it in {channel}: invite me to the channel "
    "(/invite), then change the session to post it."
)
PENDING = N_(
    "Your session *{title}* is waiting for the approval of the cohort's admins; I will let you know."
)
APPROVAL_REQUEST = N_("{person} proposes a peer training in {cohort}. Announce it?")
APPROVE = N_("Approve and announce")
REJECT = N_("Turn down")
APPROVED_BY = N_("*{title}*: approved by {person}.")
REJECTED_BY = N_("*{title}*: turned down by {person}.")
YOURS_APPROVED = N_("Your session *{title}* was approved: it is announced in {channel}.")
YOURS_REJECTED = N_(
    "Your session *{title}* was turned down by the cohort's admins. Ask them why, or propose another one."
)
CHANGES_SAVED = N_("The changes to *{title}* are saved.")
SESSION_CALLED_OFF = N_("*{title}* is called off; everyone signed up has been told.")
UNREACHED = N_("I could not reach {people} in a direct message.")
REMINDER_DAY = N_("Reminder: *{title}* is coming up, {summary}.")
REMINDER_HOUR = N_("*{title}* starts soon: {summary}.")
FACILITATOR_REMINDER = N_("Reminder: you facilitate *{title}*, {summary}.")
FEEDBACK_PROMPT = N_(
    "*{title}* is over. How was it? Feedback is open for two days (closing: {when}); then {person} reads"
    " every answer together, without names."
)
FEEDBACK_SAVED = N_(
    "Thank you: your feedback on *{title}* is saved. You can change it for two days after the session"
    " (closing: {when}); then {person} reads every answer together, without names."
)
GIVE_FEEDBACK = N_("Give feedback")
FACILITATOR_AFTER = N_(
    "*{title}* is over, thank you! I asked the attendees for feedback: every answer comes to you together,"
    " without names, when feedback closes ({when})."
)
SUMMARY_TITLE = N_("Feedback on *{title}*")
SUMMARY_NONE = N_("Nobody gave feedback.")
SUMMARY_AVERAGE = N_("Average: {average} / 5")


def _args(view: SessionView, lang: str) -> dict:
    return {"title": escape(view.session.title), "summary": summary_line(view, lang)}


def seat_confirmed(view: SessionView, lang: str, promoted: bool = False) -> str:
    return gettext(PROMOTED if promoted else SEAT_CONFIRMED, lang, **_args(view, lang))


def changed(view: SessionView, lang: str, with_invite: bool) -> str:
    return gettext(CHANGED_INVITE if with_invite else CHANGED, lang, **_args(view, lang))


def called_off(view: SessionView, lang: str, with_invite: bool) -> str:
    return gettext(
        CALLED_OFF_INVITE if with_invite else CALLED_OFF,
        lang,
        title=escape(view.session.title),
        when=when(view.session, view.cohort, lang),
    )


def proposed(view: SessionView, pending: bool, posted: bool, lang: str) -> dict:
    text = PENDING if pending else ANNOUNCED if posted else NOT_POSTED
    channel = f"<#{view.cohort.channel_id}>"
    return reply(gettext(text, lang, title=escape(view.session.title), channel=channel))


def approval_request(view: SessionView, lang: str) -> dict:
    session, value = view.session, str(view.session.id)
    intro = gettext(APPROVAL_REQUEST, lang, person=person(session.facilitator), cohort=view.cohort.name)
    blocks = [
        section(intro),
        section(f"*{escape(session.title)}*\n{summary_line(view, lang)}\n{escape(session.description)}"),
        {
            "type": "actions",
            "block_id": f"training_approval_{session.id}",
            "elements": [
                button(gettext(APPROVE, lang), ids.TRAINING_APPROVE, value, style="primary"),
                button(gettext(REJECT, lang), ids.TRAINING_REJECT, value),
            ],
        },
    ]
    return kit_message(intro, blocks)


def decided(view: SessionView, approved: bool, decider: str, lang: str) -> dict:
    return reply(
        gettext(
            APPROVED_BY if approved else REJECTED_BY,
            lang,
            title=escape(view.session.title),
            person=person(decider),
        )
    )


def decision_for_facilitator(view: SessionView, approved: bool, lang: str) -> dict:
    channel = f"<#{view.cohort.channel_id}>"
    return reply(
        gettext(
            YOURS_APPROVED if approved else YOURS_REJECTED,
            lang,
            title=escape(view.session.title),
            channel=channel,
        )
    )


def changes_saved(view: SessionView, lang: str, unreached: tuple[str, ...] = ()) -> dict:
    return _with_unreached(gettext(CHANGES_SAVED, lang, title=escape(view.session.title)), unreached, lang)


def session_called_off(view: SessionView, lang: str, unreached: tuple[str, ...] = ()) -> dict:
    return _with_unreached(
        gettext(SESSION_CALLED_OFF, lang, title=escape(view.session.title)), unreached, lang
    )


def _with_unreached(text: str, unreached: tuple[str, ...], lang: str) -> dict:
    if unreached:
        text += "\n" + gettext(UNREACHED, lang, people=", ".join(person(u) for u in unreached))
    return reply(text)


def reminder(kind: str, view: SessionView, lang: str, facilitator: bool) -> dict:
    if facilitator:
        text = gettext(FACILITATOR_REMINDER, lang, **_args(view, lang))
        seated = ngettext(
            "{count} person has a seat.", "{count} people have a seat.", len(view.confirmed), lang
        )
        return kit_message(text, [section(text), context(seated)])
    return reply(gettext(REMINDER_HOUR if kind == REMINDER_1H else REMINDER_DAY, lang, **_args(view, lang)))


def _closing(view: SessionView, lang: str) -> str:
    return for_reader(feedback_closes_at(view.session), view.cohort.timezone, lang)


def feedback_prompt(view: SessionView, lang: str, facilitator: bool) -> dict:
    title, closing = escape(view.session.title), _closing(view, lang)
    if facilitator:
        return reply(gettext(FACILITATOR_AFTER, lang, title=title, when=closing))
    text = gettext(FEEDBACK_PROMPT, lang, title=title, person=person(view.session.facilitator), when=closing)
    actions = {
        "type": "actions",
        "block_id": f"training_feedback_{view.session.id}",
        "elements": [
            button(
                gettext(GIVE_FEEDBACK, lang),
                ids.TRAINING_FEEDBACK_OPEN,
                str(view.session.id),
                style="primary",
            )
        ],
    }
    return kit_message(text, [section(text), actions])


def feedback_saved(view: SessionView, lang: str) -> dict:
    """The attendee's confirmation: saved, until when it can change, and who reads it how."""
    return reply(
        gettext(
            FEEDBACK_SAVED,
            lang,
            title=escape(view.session.title),
            person=person(view.session.facilitator),
            when=_closing(view, lang),
        )
    )


def feedback_summary(summary: FeedbackSummary, lang: str) -> dict:
    """What the facilitator reads: counts and comments, no names."""
    title = gettext(SUMMARY_TITLE, lang, title=escape(summary.view.session.title))
    answers = ngettext(
        "{count} answer out of {attendees} attendees",
        "{count} answers out of {attendees} attendees",
        summary.count,
        lang,
        attendees=summary.attendees,
    )
    lines = [f"{title}\n{answers}"]
    if summary.average is None:
        lines.append(gettext(SUMMARY_NONE, lang))
    else:
        average = f"{summary.average:.1f}".replace(".", "," if lang == "fr" else ".")
        lines.append(gettext(SUMMARY_AVERAGE, lang, average=average))
        lines.append("  ".join(f"{rating}★ {summary.ratings[rating]}" for rating in reversed(RATINGS)))
    blocks = [section("\n".join(lines))]
    blocks += [section("> " + escape(comment).replace("\n", "\n> ")) for comment in summary.comments[-40:]]
    return kit_message(f"{title} · {answers}", blocks)
