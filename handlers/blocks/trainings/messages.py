"""The channel announcement of a session, the `/training` lists, and the answers to clicks."""

from __future__ import annotations

from datetime import datetime

from domain.trainings.access import SessionView
from domain.trainings.model import SessionStatus, TrainingSession
from domain.trainings.seats import STANDING_NOTES
from domain.trainings.sessions import ListedSession
from handlers import ids
from handlers.blocks.kit import button, context, divider, escape, header, section
from handlers.blocks.kit import message as kit_message
from handlers.blocks.trainings.seats import CANCEL_SIGNUP, SIGN_UP, seat_button
from handlers.blocks.trainings.text import duration_text, person, place, seats, when
from handlers.i18n import N_, NP_, gettext

NEW_SESSION = N_("New peer training: {title}")
FACILITATOR = N_("Facilitator: {person}")
CHANGE = N_("Change the session")
CALL_OFF = N_("Call off the session")
CALL_OFF_CONFIRM = N_("Call off this session? Everyone signed up will be told.")
CALL_OFF_YES = N_("Yes, call it off")
KEEP = N_("Keep the session")
STATUS_CANCELLED = N_("This session is called off.")
STATUS_PENDING = N_("Waiting for an admin's approval")
STATUS_CLOSED = N_("Sign-ups closed")
LIST_TITLE = N_("Upcoming peer trainings")
LIST_EMPTY = N_("No peer training is planned yet. Propose one with /training propose.")
LIST_MORE = NP_("Showing the soonest session.", "Showing the {count} soonest sessions.")
MINE_TITLE = N_("My peer trainings")
MINE_EMPTY = N_("You have no upcoming peer training. /training lists the sessions open for sign-up.")
SIGNED_UP = N_("You have a seat at *{title}*. Your calendar invitation is in a direct message.")
WAITLISTED = N_(
    "*{title}* is full: you are number {position} on the waitlist. I will tell you if a seat opens up."
)
ALREADY_SIGNED_UP = N_("You already have a seat at *{title}*.")
ALREADY_WAITING = N_("You are already on the waitlist of *{title}*, number {position}.")
WITHDRAWN = N_("Your sign-up to *{title}* is cancelled.")
LEFT_WAITLIST = N_("You left the waitlist of *{title}*.")

LIST_MAX = 12  # four blocks each, with the header and the last line: a message's 50 at most


def _member_buttons(session: TrainingSession, lang: str, reader: ListedSession | None) -> list[dict]:
    """Both buttons on a shared message; on one reader's list, the one that fits their seat."""
    if reader is not None:
        return seat_button(reader.seat, lang)
    value = str(session.id)
    return [
        button(gettext(SIGN_UP, lang), ids.TRAINING_SIGNUP, value, style="primary"),
        button(gettext(CANCEL_SIGNUP, lang), ids.TRAINING_CANCEL, value),
    ]


def _actions(
    session: TrainingSession,
    lang: str,
    *,
    runner: bool = False,
    reader: ListedSession | None = None,
) -> dict | None:
    value = str(session.id)
    elements = _member_buttons(session, lang, reader)
    if runner:
        call_off = button(gettext(CALL_OFF, lang), ids.TRAINING_CANCEL_SESSION, value, style="danger")
        call_off["confirm"] = {
            "title": {"type": "plain_text", "text": gettext(CALL_OFF, lang)[:100]},
            "text": {"type": "plain_text", "text": gettext(CALL_OFF_CONFIRM, lang)},
            "confirm": {"type": "plain_text", "text": gettext(CALL_OFF_YES, lang)[:30]},
            "deny": {"type": "plain_text", "text": gettext(KEEP, lang)[:30]},
        }
        elements += [button(gettext(CHANGE, lang), ids.TRAINING_EDIT, value), call_off]
    if not elements:
        return None
    return {"type": "actions", "block_id": f"training_{session.id}", "elements": elements}


def status_line(session: TrainingSession, waiting: int, lang: str, now: datetime | None = None) -> str:
    if session.status is SessionStatus.CANCELLED:
        return gettext(STATUS_CANCELLED, lang)
    if session.status is SessionStatus.PENDING:
        return gettext(STATUS_PENDING, lang)
    if now is not None and session.has_started(now):
        return gettext(STATUS_CLOSED, lang)
    return seats(session, waiting, lang)


def summary_line(view: SessionView, lang: str) -> str:
    session = view.session
    return f"{when(session, view.cohort, lang)} · {duration_text(session.duration_minutes, lang)} · {place(session)}"


def announcement(view: SessionView, lang: str) -> dict:
    """The cohort channel's message about a session, redrawn on every change."""
    session = view.session
    title = escape(session.title)
    if session.status is SessionStatus.CANCELLED:
        title = f"~{title}~"
    blocks = [
        header(gettext(NEW_SESSION, lang, title=session.title)),
        section(
            f"*{title}*\n{gettext(FACILITATOR, lang, person=person(session.facilitator))}\n"
            f"{summary_line(view, lang)}"
        ),
        section(escape(session.description)),
        context(f"*{status_line(session, len(view.waitlisted), lang)}*"),
    ]
    if session.status is SessionStatus.ANNOUNCED and (actions := _actions(session, lang)) is not None:
        blocks.append(actions)
    text = (
        gettext(NEW_SESSION, lang, title=escape(session.title))
        + " · "
        + status_line(session, len(view.waitlisted), lang)
    )
    return kit_message(text, blocks)


def _listed_blocks(item: ListedSession, lang: str, now: datetime) -> list[dict]:
    session = item.session
    view = SessionView(session, item.cohort)
    notes = [status_line(session, 0, lang, now)]
    if (note := STANDING_NOTES.get(item.seat.standing)) is not None:
        notes.append(gettext(note, lang, position=item.position))
    blocks = [
        section(
            f"*{escape(session.title)}* · {escape(item.cohort.name)}\n"
            f"{gettext(FACILITATOR, lang, person=person(session.facilitator))}\n{summary_line(view, lang)}"
        ),
        context(" · ".join(notes)),
    ]
    actions = _actions(session, lang, runner=item.can_run, reader=item)
    return blocks + ([actions] if actions else [])


def session_list(items: list[ListedSession], lang: str, now: datetime, *, mine: bool = False) -> dict:
    """`/training` (sessions open for sign-up) or `/training mine` (the sender's own)."""
    title = gettext(MINE_TITLE if mine else LIST_TITLE, lang)
    if not items:
        empty = gettext(MINE_EMPTY if mine else LIST_EMPTY, lang)
        return kit_message(empty, [section(empty)])
    blocks = [header(title)]
    for item in items[:LIST_MAX]:
        blocks += [divider(), *_listed_blocks(item, lang, now)]
    if len(items) > LIST_MAX:
        blocks.append(context(gettext(LIST_MORE, lang, count=LIST_MAX)))
    return kit_message(title, blocks)


def reply(text: str) -> dict:
    return kit_message(text, [section(text)])


def signup_reply(outcome: str, session: TrainingSession, position: int | None, lang: str) -> dict:
    texts = {
        "confirmed": SIGNED_UP,
        "waitlisted": WAITLISTED,
        "already_confirmed": ALREADY_SIGNED_UP,
        "already_waitlisted": ALREADY_WAITING,
    }
    return reply(gettext(texts[outcome], lang, title=escape(session.title), position=position))


def withdrawal_reply(session: TrainingSession, had_seat: bool, lang: str) -> dict:
    return reply(gettext(WITHDRAWN if had_seat else LEFT_WAITLIST, lang, title=escape(session.title)))


APPROVAL_ON = N_("In {name}, peer trainings are announced once an admin of the cohort approves them.")
APPROVAL_OFF = N_("In {name}, peer trainings are announced as soon as they are proposed.")


def settings_reply(cohort_name: str, approval: bool, lang: str) -> dict:
    return reply(gettext(APPROVAL_ON if approval else APPROVAL_OFF, lang, name=cohort_name))
