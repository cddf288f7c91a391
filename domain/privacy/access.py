"""`/cohort mydata`: everything the bot holds about the person who asks, and nothing about others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.ports import UnitOfWork
from domain.privacy.records import PersonalRows


@dataclass(frozen=True)
class PersonalFile:
    user_id: str
    made_at: datetime
    lang: str
    rows: PersonalRows


def my_data(store: UnitOfWork, actor: Actor, default_lang: str) -> PersonalFile:
    rows = store.personal.export(actor.user_id)
    return PersonalFile(actor.user_id, actor.now, address_language(store, actor.user_id, default_lang), rows)
