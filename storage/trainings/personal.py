"""What the trainings keep about a person: sessions they gave, sign-ups, and their feedback."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.declaration import Audience, DataCategory, DataDeclaration, Kept
from storage.privacy.columns import Parent, PersonalColumns, PersonalData
from storage.trainings.tables import TrainingFeedbackRow, TrainingSessionRow, TrainingSignupRow

_SESSION = Parent(TrainingSessionRow, "session_id")

PERSONAL = PersonalData(
    DataDeclaration(
        "trainings",
        N_("Peer trainings: announce sessions, keep seats, and tell the facilitator how it went."),
        (
            DataCategory(
                N_(
                    "The sessions you proposed (title and description) and your feedback comments (free text)"
                ),
                Kept.TEXT,
                (Audience.COHORT, Audience.PROGRAM_TEAM),
            ),
            DataCategory(
                N_("Your sign-ups and the ratings you gave"),
                Kept.FIGURES,
                (Audience.PROGRAM_TEAM,),
            ),
        ),
    ),
    (
        PersonalColumns(
            TrainingSessionRow,
            "facilitator",
            text=("title", "description"),
            messages=(("announce_channel", "announce_ts"),),
        ),
        PersonalColumns(TrainingSignupRow, "user_id", parent=_SESSION),
        PersonalColumns(TrainingFeedbackRow, "user_id", text=("comment",), parent=_SESSION),
    ),
)
