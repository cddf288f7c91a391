"""What the cohorts keep about a person: memberships, the Slack profile cache, the admins' audit log."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.declaration import Audience, DataCategory, DataDeclaration, Kept
from storage.models import AuditEntryRow, MemberProfileRow, MembershipRow
from storage.privacy.columns import OnErasure, PersonalColumns, PersonalData

PERSONAL = PersonalData(
    DataDeclaration(
        "cohorts",
        N_("Run the cohort: who is in it, in which role and challenge, and who changed what."),
        (
            DataCategory(
                N_("Your Slack id, name, time zone and language, and your role and challenge in each cohort"),
                Kept.WHILE_MEMBER,
                (Audience.COHORT, Audience.PROGRAM_TEAM),
            ),
            DataCategory(
                N_("What admins did (audit log), including who read whose data"),
                Kept.FIGURES,
                (Audience.PROGRAM_TEAM,),
            ),
        ),
    ),
    (
        PersonalColumns(MembershipRow, "user_id", OnErasure.DELETE),
        PersonalColumns(MemberProfileRow, "user_id", OnErasure.DELETE),
        # Admin actions name the people they were about inside their JSON parameters.
        PersonalColumns(AuditEntryRow, "actor", embedded=(("params", '"{id}"'),)),
    ),
)
