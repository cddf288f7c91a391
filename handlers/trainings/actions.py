"""The training buttons: sign up, cancel a sign-up, approve or turn down, change, call off, give feedback.

Each listener acks, runs one use case in a unit of work (a DomainError is answered to the
clicker with nothing saved), commits, then tells Slack: the clicker, the announcement, the
people concerned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, Respond

from domain.cohorts.language import reader_language
from domain.cohorts.records import Actor
from domain.ports import UnitOfWork
from domain.trainings.access import SessionView, session_cohort
from domain.trainings.feedback import feedback_form_for
from domain.trainings.sessions import cancel_session, decide, editable
from domain.trainings.signups import Outcome, sign_up, withdraw
from handlers import ids
from handlers.blocks.trainings import notices
from handlers.blocks.trainings.form import feedback_form, proposal_form
from handlers.blocks.trainings.messages import reply, signup_reply, withdrawal_reply
from handlers.context import Context
from handlers.run import actor_of, run_click
from handlers.slack_out import send_dm
from handlers.trainings.notify import send_invitation, show_announcement, tell


@dataclass(frozen=True)
class Done:
    """A use case that went through: who asked, what it returned, and the session it was about."""

    actor: Actor
    result: Any
    view: SessionView

    def lang(self, user_id: str | None = None) -> str:
        """Whoever reads about a session reads it in its cohort's language."""
        return self.view.cohort.lang


def _say(respond: Respond, message: dict, replace: bool = False) -> None:
    respond(response_type="ephemeral", replace_original=replace, **message)


def _done(
    ctx: Context, body: dict, respond: Respond, use_case: Callable[[Any, Actor, int], Any]
) -> Done | None:
    """Runs the use case on the clicked session; None once a mistake has been answered."""
    session_id = ids.parse_id((body.get("actions") or [{}])[0].get("value")) or 0  # 0: no such session

    def run(uow: UnitOfWork, actor: Actor) -> Done:
        result = use_case(uow, actor, session_id)
        return Done(actor, result, result if isinstance(result, SessionView) else result.view)

    def language(uow: UnitOfWork) -> str:
        return reader_language(uow, actor.user_id, ctx.default_lang, session_cohort(uow, session_id))

    actor = actor_of(ctx, body["user"]["id"])
    return run_click(ctx, respond, actor, run, language)


def _dm(ctx: Context, done: Done, text: Callable[[str], str]) -> Callable[[str], bool]:
    return lambda user_id: send_dm(ctx, user_id, reply(text(done.lang(user_id)))) is not None


def _invite(ctx: Context, done: Done, text: Callable[[str], str]) -> Callable[[str], bool]:
    return lambda user_id: send_invitation(ctx, done.view, user_id, text(done.lang(user_id)), done.actor.now)


def on_signup(ctx: Context, body: dict, respond: Respond) -> None:
    done = _done(ctx, body, respond, sign_up)
    if done is None:
        return
    result = done.result
    _say(respond, signup_reply(result.outcome.value, done.view.session, result.position, done.lang()))
    if result.changed:
        show_announcement(ctx, done.view)
    if result.outcome is Outcome.CONFIRMED:
        _invite(ctx, done, lambda lang: notices.seat_confirmed(done.view, lang))(done.actor.user_id)


def on_withdraw(ctx: Context, body: dict, respond: Respond) -> None:
    done = _done(ctx, body, respond, withdraw)
    if done is None:
        return
    _say(respond, withdrawal_reply(done.view.session, done.result.had_seat, done.lang()))
    show_announcement(ctx, done.view)
    tell(
        done.result.promoted,
        _invite(ctx, done, lambda lang: notices.seat_confirmed(done.view, lang, True)),
    )


def on_decide(ctx: Context, body: dict, respond: Respond, approve: bool) -> None:
    done = _done(ctx, body, respond, lambda uow, actor, session_id: decide(uow, actor, session_id, approve))
    if done is None:
        return
    _say(respond, notices.decided(done.view, approve, done.actor.user_id, done.lang()), replace=True)
    if approve:
        show_announcement(ctx, done.view)
    facilitator = done.view.session.facilitator
    send_dm(ctx, facilitator, notices.decision_for_facilitator(done.view, approve, done.lang(facilitator)))


def on_edit(ctx: Context, body: dict, respond: Respond) -> None:
    done = _done(ctx, body, respond, editable)
    if done is not None:
        ctx.slack.views_open(
            trigger_id=body["trigger_id"],
            view=proposal_form(done.lang(), [done.view.cohort], done.view.session),
        )


def on_call_off(ctx: Context, body: dict, respond: Respond) -> None:
    done = _done(ctx, body, respond, cancel_session)
    if done is None:
        return
    view = done.view
    show_announcement(ctx, view)
    unreached = tell(view.confirmed, _invite(ctx, done, lambda lang: notices.called_off(view, lang, True)))
    others = [
        *view.waitlisted,
        *([view.session.facilitator] if done.actor.user_id != view.session.facilitator else []),
    ]
    unreached += tell(others, _dm(ctx, done, lambda lang: notices.called_off(view, lang, False)))
    _say(respond, notices.session_called_off(view, done.lang(), unreached))


def on_feedback_open(ctx: Context, body: dict, respond: Respond) -> None:
    done = _done(ctx, body, respond, feedback_form_for)
    if done is not None:
        ctx.slack.views_open(
            trigger_id=body["trigger_id"], view=feedback_form(done.view.session, done.lang())
        )


def register(app: App, ctx: Context) -> None:
    listeners = {
        ids.TRAINING_SIGNUP: on_signup,
        ids.TRAINING_CANCEL: on_withdraw,
        ids.TRAINING_APPROVE: lambda ctx, body, respond: on_decide(ctx, body, respond, True),
        ids.TRAINING_REJECT: lambda ctx, body, respond: on_decide(ctx, body, respond, False),
        ids.TRAINING_EDIT: on_edit,
        ids.TRAINING_CANCEL_SESSION: on_call_off,
        ids.TRAINING_FEEDBACK_OPEN: on_feedback_open,
    }
    for action_id, listener in listeners.items():
        app.action(action_id)(_acked(ctx, listener))


def _acked(ctx: Context, listener: Callable[[Context, dict, Respond], None]) -> Callable[..., None]:
    def on_click(ack: Ack, body: dict, respond: Respond) -> None:
        ack()
        listener(ctx, body, respond)

    return on_click
