"""`/cohort standup`: the schedule (a runner of `/cohort`), the questions form, the line of `/cohort show`."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from domain.calendar import local_date
from domain.cohorts.model import Cohort, Role
from domain.cohorts.overview import SCHEDULE_SOURCES, ScheduleLine
from domain.cohorts.records import Actor
from domain.messages import DomainError
from domain.ports import Context
from domain.ritual_commands import Standup
from domain.standups.admin import check_questions, configure_standup, questions_to_edit, save_questions
from domain.standups.calendar import upcoming_prompts
from domain.standups.model import StandupSettings, away_on
from handlers import ids
from handlers.blocks.standups import replies
from handlers.blocks.standups.form import parse_questions_form, question_texts, questions_modal
from handlers.cohorts import listeners as cohort
from handlers.i18n import error_text, gettext, weekday_name

NEXT_SHOWN = 3


def run_standup(
    ctx: Context, uow, actor: Actor, command: Standup, *, trigger_id: str | None = None
) -> dict | None:
    """`/cohort standup NAME …` sets the schedule; `… questions` opens the questions form instead."""
    if command.questions:
        found, settings = questions_to_edit(uow, actor, command.name)
        ctx.slack.views_open(trigger_id=trigger_id, view=questions_modal(found, settings, found.lang))
        return None
    reply = replies.configured(configure_standup(uow, actor, command, ctx.holidays))
    uow.commit()
    return reply


def _defaults(found: Cohort) -> tuple[str, ...]:
    return question_texts(StandupSettings(found.id), found.lang)


def on_questions(ctx: Context, ack, body: dict, view: dict) -> None:
    actor = Actor(body["user"]["id"], ctx.clock.now(), ctx.admins)
    lines, blocker, mood = parse_questions_form(view["state"]["values"])
    cohort_id = int(view.get("private_metadata") or 0)
    with ctx.uow() as uow:
        found = uow.cohorts.get(cohort_id)
        errors = check_questions(lines, blocker)
        try:
            settings = (
                None if errors else save_questions(uow, actor, cohort_id, lines, blocker, mood, _defaults)
            )
        except DomainError as err:
            errors = {ids.STANDUP_QUESTION_LINES: err}
        if errors:
            ack(
                response_action="errors",
                errors={block: error_text(err, found.lang) for block, err in errors.items()},
            )
            return
        ack()
        uow.commit()
    ctx.slack.chat_postMessage(
        channel=actor.user_id, **replies.questions_saved(found.name, settings, found.lang)
    )


def schedule_line(store, found: Cohort, now: datetime, holidays=None) -> ScheduleLine | None:
    """The stand-up as `/cohort show` lists it: its schedule, its next prompts and whom they reach."""
    # The sources are process-wide: a store without stand-ups (another feature's test double) has none.
    standups = getattr(store, "standups", None)
    settings = standups.settings(found.id) if standups is not None else None
    if settings is None or not settings.active:
        return None
    lang = found.lang
    upcoming = upcoming_prompts(
        settings, found, found.timezone, now, NEXT_SHOWN, holidays, store.cohorts.holidays(found.id)
    )
    fellows = list(
        dict.fromkeys(m.user_id for m in store.members.of_cohort(found.id) if m.role == Role.FELLOW)
    )
    profiles = store.profiles.get_many(fellows)
    away = (
        away_on(store.standups.absences_of(fellows), local_date(upcoming[0], found.timezone))
        if upcoming
        else set()
    )
    reached = tuple(u for u in fellows if u not in away and not (u in profiles and profiles[u].deactivated))
    zone = (
        gettext(replies.IN_EACH_ZONE, lang)
        if settings.zone_mode == "fellow"
        else gettext(replies.IN_ZONE, lang, zone=found.timezone)
    )
    params = {
        "name": found.name,
        "days": ", ".join(weekday_name(code, lang) for code in settings.days),
        "time": settings.prompt_time,
        "close": settings.closes.strftime("%H:%M"),
        "zone": zone,
    }
    return ScheduleLine("standup", replies.SCHEDULE, params, tuple(upcoming), reached)


def register(app, ctx: Context) -> None:
    cohort.add_runner(Standup, run_standup, opens_forms=True)
    SCHEDULE_SOURCES["standup"] = partial(schedule_line, holidays=ctx.holidays)
    app.view(ids.STANDUP_QUESTIONS)(lambda ack, body, view: on_questions(ctx, ack, body, view))
