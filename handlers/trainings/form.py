"""The submitted training forms: a proposal (or a change to a session), and feedback.

A submission is checked field by field (the form, then what the database says) and answered
with the errors beside their fields before any Web API call; once accepted, the form closes
and the outcome arrives as direct messages and in the cohort channel.
"""

from __future__ import annotations

from slack_bolt import Ack, App

from domain.cohorts.language import address_language, reader_language
from domain.cohorts.model import Cohort
from domain.cohorts.records import Actor
from domain.messages import DomainError
from domain.ports import UnitOfWork
from domain.trainings.access import session_cohort
from domain.trainings.feedback import feedback_form_for, give_feedback
from domain.trainings.model import Proposal, TrainingSession
from domain.trainings.sessions import Proposed, Revised, proposal_target, propose, revise
from handlers import ids
from handlers.blocks.kit import mistake
from handlers.blocks.trainings import notices
from handlers.blocks.trainings.form import chosen_cohort, form_metadata, parse_feedback, parse_proposal
from handlers.blocks.trainings.messages import reply
from handlers.context import Context
from handlers.run import actor_of, refuse_fields
from handlers.slack_out import send_dm
from handlers.trainings.notify import send_invitation, show_announcement, tell

Target = tuple[Cohort, TrainingSession | None]


def check_proposal(
    uow, actor: Actor, view: dict
) -> tuple[Proposal | None, dict[str, DomainError], Target | None]:
    """The proposal, the mistakes by block, and what it is for (cohort, session changed or None)."""
    metadata, values = form_metadata(view), view["state"]["values"]
    session_id = metadata.get("session") if isinstance(metadata.get("session"), int) else None
    offered = [c for c in metadata.get("cohorts", []) if isinstance(c, int)]
    try:
        target = proposal_target(uow, actor, offered, chosen_cohort(values), session_id)
    except DomainError as err:
        block = ids.TRAINING_COHORT if session_id is None and len(offered) > 1 else "title"
        return None, {block: err}, None
    cohort, session = target
    proposal, errors = parse_proposal(
        values, cohort.timezone, actor.now, session.seats_taken if session else 0, cohort.end
    )
    return proposal, errors, target


def after_proposal(ctx: Context, actor: Actor, proposed: Proposed) -> None:
    view = proposed.view
    lang = view.cohort.lang  # everything about a session is in its cohort's language
    posted = True
    if proposed.approvers:
        for approver in proposed.approvers:
            send_dm(ctx, approver, notices.approval_request(view, lang))
    else:
        posted = show_announcement(ctx, view)
    send_dm(ctx, actor.user_id, notices.proposed(view, bool(proposed.approvers), posted, lang))


def after_revision(ctx: Context, actor: Actor, revised: Revised) -> None:
    view, now, lang = revised.view, actor.now, revised.view.cohort.lang
    show_announcement(ctx, view)
    unreached: tuple[str, ...] = ()
    if revised.rescheduled:
        seated = [u for u in view.confirmed if u not in revised.promoted]
        unreached += tell(
            seated, lambda u: send_invitation(ctx, view, u, notices.changed(view, lang, True), now)
        )
        others = [
            *view.waitlisted,
            *([view.session.facilitator] if actor.user_id != view.session.facilitator else []),
        ]
        unreached += tell(
            others, lambda u: send_dm(ctx, u, reply(notices.changed(view, lang, False))) is not None
        )
    unreached += tell(
        revised.promoted,
        lambda u: send_invitation(ctx, view, u, notices.seat_confirmed(view, lang, True), now),
    )
    send_dm(ctx, actor.user_id, notices.changes_saved(view, lang, unreached))


def _save(uow: UnitOfWork, actor: Actor, target: Target, proposal: Proposal) -> Proposed | Revised:
    cohort, session = target
    result = (
        propose(uow, actor, cohort.id, proposal)
        if session is None
        else revise(uow, actor, session.id, proposal)
    )
    uow.commit()
    return result


def on_feedback(ctx: Context, ack: Ack, body: dict, view: dict) -> None:
    actor = actor_of(ctx, body["user"]["id"])
    found = form_metadata(view).get("session")
    session_id = found if isinstance(found, int) else None
    with ctx.uow() as uow:
        cohort = session_cohort(uow, session_id)
        lang = reader_language(uow, actor.user_id, ctx.default_lang, cohort)
        rating, comment, errors = parse_feedback(view["state"]["values"])
        if not errors:
            try:
                feedback_form_for(uow, actor, session_id)
            except DomainError as err:
                errors["rating"] = err
        if errors or rating is None or session_id is None:
            refuse_fields(ack, errors, lang)
            return
        ack()
        given = give_feedback(uow, actor, session_id, rating, comment)
        uow.commit()
    send_dm(ctx, actor.user_id, notices.feedback_saved(given, given.cohort.lang))


def on_proposal(ctx: Context, ack: Ack, body: dict, view: dict) -> None:
    actor = actor_of(ctx, body["user"]["id"])
    with ctx.uow() as uow:
        proposal, errors, target = check_proposal(uow, actor, view)
        lang = address_language(uow, actor.user_id, ctx.default_lang, target[0] if target else None)
        if errors or proposal is None or target is None:
            refuse_fields(ack, errors, lang)
            return
        ack()
        try:
            result: Proposed | Revised | dict = _save(uow, actor, target, proposal)
        except DomainError as err:  # the session changed since the form was checked: nothing saved
            result = mistake(err, lang)
    if isinstance(result, Proposed):
        after_proposal(ctx, actor, result)
    elif isinstance(result, Revised):
        after_revision(ctx, actor, result)
    else:
        send_dm(ctx, actor.user_id, result)


def register(app: App, ctx: Context) -> None:
    app.view(ids.TRAINING_PROPOSE)(lambda ack, body, view: on_proposal(ctx, ack, body, view))
    app.view(ids.TRAINING_FEEDBACK)(lambda ack, body, view: on_feedback(ctx, ack, body, view))
