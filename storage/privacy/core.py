"""What the sending machinery keeps about a person: who each message went to, their DM channel."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.declaration import Audience, DataCategory, DataDeclaration, Kept
from storage.models import DeliveryRow, DirectChannel, OccurrenceRow
from storage.privacy.columns import OnErasure, PersonalColumns, PersonalData

DELIVERIES = PersonalData(
    DataDeclaration(
        "infrastructure",
        N_("Send each message once, and check after a crash whether it went out."),
        (
            DataCategory(
                N_("Which messages the bot sent you, and when"),
                Kept.FIGURES,
                (Audience.SELF,),
            ),
        ),
    ),
    (
        PersonalColumns(DeliveryRow, "recipient"),
        PersonalColumns(DirectChannel, "user_id", OnErasure.DELETE),
        # A per-person occurrence (a welcome, a reminder) names the person in its subject.
        PersonalColumns(OccurrenceRow, "subject", embedded=(("subject", ":{id}"),)),
    ),
)
