"""Peer trainings: `/training`, proposals, sign-ups, reminders and feedback, `/cohort trainings`,
its export tables and its digest sections."""

from __future__ import annotations

from bot.feature import Feature, SlashCommand, fixed
from domain.digests import trainings as digest_trainings
from domain.trainings.export import TRAINING_SECTIONS
from domain.trainings.home import TRAININGS_HOME
from handlers import ids
from handlers.blocks.trainings.home import trainings_section
from handlers.blocks.trainings.seats import seat_action
from handlers.home.sections import HomeSection
from handlers.trainings import listeners
from handlers.trainings.erasure import redraw_feedback_summaries
from schedules.trainings import JOBS
from storage.trainings import tables
from storage.trainings.personal import PERSONAL


def _register(app, ctx, sources) -> None:
    listeners.register(app, ctx)


TRAININGS = Feature(
    "trainings",
    register=_register,
    commands=(
        SlashCommand(
            "/training",
            "Formations entre pairs, propositions et inscriptions · Peer trainings and sign-ups",
            "[propose | mine]",
        ),
    ),
    actions=(
        ids.TRAINING_SIGNUP,
        ids.TRAINING_CANCEL,
        ids.TRAINING_APPROVE,
        ids.TRAINING_REJECT,
        ids.TRAINING_EDIT,
        ids.TRAINING_CANCEL_SESSION,
        ids.TRAINING_FEEDBACK_OPEN,
    ),
    views=(ids.TRAINING_PROPOSE, ids.TRAINING_FEEDBACK),
    scopes={"files:write": "Upload calendar invitations (.ics) for training sessions."},
    jobs=fixed(*JOBS),
    cohort_subcommands=listeners.SUBCOMMANDS,
    export_sections=TRAINING_SECTIONS,
    digest=(digest_trainings.feature(seat_action),),
    home=(HomeSection(TRAININGS_HOME, trainings_section),),
    tables=(tables,),
    personal_data=(PERSONAL,),
    redraws_after_erasure=(redraw_feedback_summaries,),
)
