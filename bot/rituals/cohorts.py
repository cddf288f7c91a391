"""Cohorts, challenges, members and roles: `/cohort`, its form, profile changes, the export's
cohort tables."""

from __future__ import annotations

from bot.feature import Feature, SlashCommand
from domain.cohorts.export import COHORT_SECTIONS
from handlers import ids
from handlers.cohorts import listeners
from handlers.cohorts.subcommands import COHORT_SUBCOMMANDS
from storage import models
from storage.cohorts.personal import PERSONAL


def _register(app, ctx, sources) -> None:
    listeners.register(app, ctx, sources.cohort_subcommands, sources.show_lines)


COHORTS = Feature(
    "cohorts",
    register=_register,
    commands=(
        SlashCommand(
            "/cohort",
            "Gérer les cohortes et leurs rituels (admins) · Manage cohorts and their rituals (admins)",
            lists_subcommands=True,
        ),
    ),
    actions=(ids.COHORT_FORM_MODE, ids.HOME_COHORT_FORM),
    views=(ids.COHORT_FORM,),
    events=("user_change",),
    scopes={
        "users:read": "Read profiles and time zones (users.info) and receive user_change events.",
        "users:read.email": "Import a roster by e-mail address (users.lookupByEmail).",
        "channels:join": "Join the cohort's public channel (conversations.join).",
        "channels:read": "Read public channel info (conversations.info): whether the cohort's channel exists "
        "and the bot is in it.",
        "groups:read": "Read private channel info (conversations.info): whether the cohort's channel exists "
        "and the bot is in it.",
    },
    cohort_subcommands=COHORT_SUBCOMMANDS,
    export_sections=COHORT_SECTIONS,
    tables=(models,),
    personal_data=(PERSONAL,),
)
