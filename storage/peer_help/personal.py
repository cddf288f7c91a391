"""What peer help keeps about a person: their requests, offers, skills and who they were asked."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.declaration import Audience, DataCategory, DataDeclaration, Kept
from storage.peer_help.tables import (
    AlumniOptInRow,
    HelpOfferRow,
    HelpRequestRow,
    HelpRouteRow,
    MemberSkillRow,
    SkillEvidenceRow,
)
from storage.privacy.columns import OnErasure, Parent, PersonalColumns, PersonalData

_REQUEST = Parent(HelpRequestRow, "request_id")

PERSONAL = PersonalData(
    DataDeclaration(
        "peer_help",
        N_("Peer help: route a question to those who can answer it, and credit who helped."),
        (
            DataCategory(
                N_("Your help requests: title, details and thanks (free text)"),
                Kept.TEXT,
                (Audience.COHORT, Audience.PROGRAM_TEAM),
            ),
            DataCategory(
                N_("The help you offered and were credited for, and who a request was sent to"),
                Kept.FIGURES,
                (Audience.COHORT, Audience.PROGRAM_TEAM),
            ),
            DataCategory(
                N_("The skills you declared or showed"),
                Kept.WHILE_MEMBER,
                (Audience.COHORT,),
            ),
        ),
    ),
    (
        PersonalColumns(
            HelpRequestRow,
            "asker",
            text=("title", "details", "thanks"),
            mentions=("ended_by",),
            messages=(("channel_id", "ts"),),
        ),
        PersonalColumns(HelpOfferRow, "helper", parent=_REQUEST),
        PersonalColumns(HelpRouteRow, "user_id", parent=_REQUEST),
        PersonalColumns(MemberSkillRow, "user_id", OnErasure.DELETE),
        PersonalColumns(SkillEvidenceRow, "user_id", OnErasure.DELETE),
        PersonalColumns(AlumniOptInRow, "user_id", OnErasure.DELETE),
    ),
)
