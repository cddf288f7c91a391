"""The privacy notice: what the bot keeps about a person, why, who sees it, how long, and whom to ask.

Written from the features' declarations and the cohort's retention periods, so it says what the
code does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.cohorts.admin import named_cohort
from domain.cohorts.language import address_language, latest_cohort
from domain.cohorts.model import Cohort
from domain.cohorts.permissions import require_view_cohort
from domain.cohorts.records import Actor
from domain.ports import UnitOfWork
from domain.privacy.declaration import DataDeclaration
from domain.privacy.retention import Retention


@dataclass(frozen=True)
class Notice:
    lang: str
    declarations: tuple[DataDeclaration, ...]
    retention: Retention
    contact: str | None  # COHORTBOT_PRIVACY_CONTACT
    cohort: Cohort | None = None


def notice_for(
    store: UnitOfWork,
    cohort: Cohort | None,
    declarations: Sequence[DataDeclaration],
    contact: str | None,
    lang: str,
) -> Notice:
    retention = store.personal.retention(cohort.id) if cohort is not None else Retention()
    return Notice(lang, tuple(declarations), retention, contact, cohort)


def privacy_notice(
    store: UnitOfWork,
    actor: Actor,
    name: str | None,
    declarations: Sequence[DataDeclaration],
    contact: str | None,
    default_lang: str,
) -> Notice:
    """`/cohort privacy [NAME]`: the notice of a cohort the person is in (or sees), else of their latest."""
    if name is not None:
        cohort: Cohort | None = named_cohort(store, name)
        assert cohort is not None
        require_view_cohort(
            actor.user_id, cohort.id, actor.program_admins, store.members.of_user(actor.user_id)
        )
    else:
        cohort = latest_cohort(store, actor.user_id)
    lang = address_language(store, actor.user_id, default_lang, cohort)
    return notice_for(store, cohort, declarations, contact, lang)
