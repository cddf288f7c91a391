"""What the check-ins and the digests keep about a person: mentors' check-ins, fellows' sharing choice."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.declaration import Audience, DataCategory, DataDeclaration, Kept
from storage.checkins.tables import DigestShareRow, MentorCheckinRow
from storage.privacy.columns import OnErasure, PersonalColumns, PersonalData

CHECKINS = PersonalData(
    DataDeclaration(
        "checkins",
        N_("Mentor check-ins: tell the program team how each challenge is going."),
        (
            DataCategory(
                N_("Mentors: your check-in notes, what goes well, blockers and needs (free text)"),
                Kept.TEXT,
                (Audience.PROGRAM_TEAM,),
            ),
            DataCategory(
                N_("Mentors: your check-in ratings, and the rounds answered or missed"),
                Kept.FIGURES,
                (Audience.PROGRAM_TEAM,),
            ),
        ),
    ),
    (PersonalColumns(MentorCheckinRow, "mentor", text=("going_well", "blockers", "needs")),),
)

DIGESTS = PersonalData(
    DataDeclaration(
        "digests",
        N_("Weekly digests: give mentors and admins the week of their fellows."),
        (
            DataCategory(
                N_("What you let the digests show of your stand-ups: figures (the default) or your text"),
                Kept.WHILE_MEMBER,
                (Audience.MENTORS, Audience.PROGRAM_TEAM),
            ),
        ),
    ),
    (PersonalColumns(DigestShareRow, "user_id", OnErasure.DELETE),),
)
