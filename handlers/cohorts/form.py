"""The `/cohort` form for people who do not type commands: opened by `/cohort` alone.

A submission is checked field by field (the form itself, then what the database says) and
answered with the errors beside their fields before any Web API call; once accepted, the form
closes and the outcome arrives as a direct message.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import Ack, App

from domain.cohorts.admin import cohort_names, create_cohort, form_choices, managed_cohort
from domain.cohorts.commands import Add, Create
from domain.cohorts.language import address_language
from domain.cohorts.membership import add_members
from domain.cohorts.permissions import require_program_admin
from domain.cohorts.records import Actor
from domain.messages import DomainError
from domain.ports import UnitOfWork
from handlers import ids
from handlers.blocks.cohorts import replies
from handlers.blocks.cohorts.form import cohort_form, parse_add_form, parse_create_form
from handlers.blocks.kit import mistake
from handlers.cohorts.arrivals import added_reply
from handlers.cohorts.directory import SlackDirectory
from handlers.context import Context
from handlers.run import Reply, actor_of, refuse_fields, run_use_case
from handlers.slack_out import send_dm


def supported_country(ctx: Context) -> Callable[[str], bool]:
    return ctx.holidays.supports if ctx.holidays is not None else (lambda country: True)


def _view(ctx: Context, uow: UnitOfWork, actor: Actor, mode: str | None = None) -> dict:
    choices = form_choices(uow, actor)
    if mode is None or not choices.can_create or not choices.cohort_names:
        mode = ids.MODE_ADD if choices.cohort_names else ids.MODE_CREATE
    lang = address_language(uow, actor.user_id, ctx.default_lang)
    return cohort_form(mode, lang, ctx.default_lang, list(choices.cohort_names), choices.can_create)


def form_view(ctx: Context, uow: UnitOfWork, actor: Actor) -> dict:
    """The form to open, or NotAllowed for someone who manages no cohort."""
    return _view(ctx, uow, actor)


def _field(errors: dict[str, DomainError], block_id: str, check: Callable[[], object]) -> None:
    try:
        check()
    except DomainError as err:
        errors[block_id] = err


def check_submission(
    ctx: Context, uow: UnitOfWork, actor: Actor, view: dict
) -> tuple[Create | Add | None, str | None, dict]:
    """The command the form asks for, the challenge's name as typed, and the mistakes by block id."""
    values = view["state"]["values"]
    challenge_name = None
    command: Create | Add | None
    if view.get("private_metadata") == ids.MODE_CREATE:
        command, errors = parse_create_form(values, cohort_names(uow), supported_country(ctx))
        if not errors:
            _field(
                errors, ids.COHORT_NAME, lambda: require_program_admin(actor.user_id, actor.program_admins)
            )
    else:
        add, challenge_name, errors = parse_add_form(values)
        if add is not None:
            name = add.name
            _field(errors, ids.COHORT_PICK, lambda: managed_cohort(uow, actor, name))
        command = add
    return command, challenge_name, errors


def _submit(
    ctx: Context, uow: UnitOfWork, actor: Actor, command: Create | Add, challenge_name: str | None
) -> dict:
    directory = SlackDirectory(ctx.slack)
    try:
        if isinstance(command, Create):
            reply = replies.created(
                create_cohort(uow, directory, actor, command, supported_country(ctx), ctx.default_lang)
            )
        else:
            reply = added_reply(ctx, add_members(uow, directory, actor, command, challenge_name))
        # Rendered before the commit: a failure to render leaves nothing half-saved.
        uow.commit()
        return reply
    except DomainError as err:
        cohort = uow.cohorts.by_name(command.name)
        return mistake(err, address_language(uow, actor.user_id, ctx.default_lang, cohort))


def on_submit(ctx: Context, ack: Ack, body: dict, view: dict) -> None:
    actor = actor_of(ctx, body["user"]["id"])
    with ctx.uow() as uow:
        command, challenge_name, errors = check_submission(ctx, uow, actor, view)
        if errors or command is None:
            refuse_fields(ack, errors, address_language(uow, actor.user_id, ctx.default_lang))
            return
        ack()
        reply = _submit(ctx, uow, actor, command, challenge_name)
    send_dm(ctx, actor.user_id, reply)


def on_mode(ctx: Context, ack: Ack, body: dict) -> None:
    """Create or add: the form is redrawn for the mode chosen."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    mode = body["actions"][0]["selected_option"]["value"]
    view = run_use_case(
        ctx,
        actor,
        lambda uow, actor: _view(ctx, uow, actor, mode),
        lambda uow: address_language(uow, actor.user_id, ctx.default_lang),
    )
    if isinstance(view, Reply):
        send_dm(ctx, actor.user_id, view.message)
        return
    ctx.slack.views_update(view_id=body["view"]["id"], hash=body["view"].get("hash"), view=view)


def on_home_form(ctx: Context, ack: Ack, body: dict) -> None:
    """The Home tab's button: the `/cohort` form (a mistake, such as managing no cohort, comes by DM)."""
    ack()
    actor = actor_of(ctx, body["user"]["id"])
    view = run_use_case(
        ctx,
        actor,
        lambda uow, actor: form_view(ctx, uow, actor),
        lambda uow: address_language(uow, actor.user_id, ctx.default_lang),
    )
    if isinstance(view, Reply):
        send_dm(ctx, actor.user_id, view.message)
        return
    ctx.slack.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: App, ctx: Context) -> None:
    app.action(ids.HOME_COHORT_FORM)(lambda ack, body: on_home_form(ctx, ack, body))
    app.view(ids.COHORT_FORM)(lambda ack, body, view: on_submit(ctx, ack, body, view))
    app.action(ids.COHORT_FORM_MODE)(lambda ack, body: on_mode(ctx, ack, body))
