"""What pairing keeps about a person: the groups they were in and their answer, pauses, never-pairs."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.declaration import Audience, DataCategory, DataDeclaration, Kept
from storage.pairing.tables import PairingNeverRow, PairingPairRow, PairingPauseRow
from storage.privacy.columns import OnErasure, PersonalColumns, PersonalData

PERSONAL = PersonalData(
    DataDeclaration(
        "pairing",
        N_("Pairing: introduce everyone to everyone, in pairs or trios, round after round."),
        (
            DataCategory(
                N_("Who you were paired with each round, and whether you met"),
                Kept.FIGURES,
                (Audience.PROGRAM_TEAM,),
            ),
            DataCategory(
                N_("Your pairing pause, and the people an admin chose never to pair you with"),
                Kept.WHILE_MEMBER,
                (Audience.PROGRAM_TEAM,),
            ),
        ),
    ),
    (
        PersonalColumns(PairingPairRow, "members", listed=True, mentions=("answered_by",)),
        PersonalColumns(PairingPauseRow, "user_id", OnErasure.DELETE),
        PersonalColumns(PairingNeverRow, "first", OnErasure.DELETE),
        PersonalColumns(PairingNeverRow, "second", OnErasure.DELETE),
    ),
)
