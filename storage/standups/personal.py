"""What the stand-ups keep about a fellow: answers, mood, skips, and days away."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.declaration import Audience, DataCategory, DataDeclaration, Kept
from storage.privacy.columns import PersonalColumns, PersonalData
from storage.standups.tables import StandupAbsenceRow, StandupEntryRow

PERSONAL = PersonalData(
    DataDeclaration(
        "standups",
        N_("The daily stand-up: share progress and blockers with the cohort, and let mentors follow."),
        (
            DataCategory(
                N_("Your stand-up answers (free text)"),
                Kept.TEXT,
                (Audience.COHORT, Audience.MENTORS_BY_CHOICE, Audience.PROGRAM_TEAM),
            ),
            DataCategory(
                N_("Whether you answered, skipped or were away each day, and your mood if asked"),
                Kept.FIGURES,
                (Audience.MENTORS, Audience.PROGRAM_TEAM),
            ),
        ),
    ),
    (
        PersonalColumns(
            StandupEntryRow, "user_id", text=("answers",), messages=(("post_channel", "post_ts"),)
        ),
        PersonalColumns(StandupAbsenceRow, "user_id", mentions=("set_by",)),
    ),
)
