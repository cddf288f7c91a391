"""Peer-help use cases on a real (migrated SQLite) store: a cohort, its fellows, and a clock to move."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Concatenate, ParamSpec, TypeVar

import pytest
from sqlalchemy import Engine

from domain.cohorts.model import MemberProfile, Membership, NewCohort, Role
from domain.cohorts.records import Actor
from domain.peer_help.directory import add_skills
from domain.peer_help.drafts import HelpDraft
from domain.peer_help.lifecycle import Asked, HelpView, Offered, ask, offer_help, resolve
from domain.peer_help.routing import AwaySource
from domain.peer_help.skills import parse_skill_list
from domain.ports import UnitOfWork
from domain.standups.absences import away_from_standups

P = ParamSpec("P")
T = TypeVar("T")

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
ADMINS = frozenset({"UADMIN"})


class World:
    def __init__(self, uow_factory: Callable[[], UnitOfWork]) -> None:
        self.uow = uow_factory
        self.now = START
        # Who is away on a day, as the registry hands it to peer help: those away from the stand-ups.
        self.away: tuple[AwaySource, ...] = (away_from_standups,)

    def actor(self, user_id: str) -> Actor:
        return Actor(user_id, self.now, ADMINS)

    def later(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    def cohort(self, name: str, channel: str = "C100", *, end: date | None = None, lang: str = "fr") -> int:
        with self.uow() as uow:
            cohort = uow.cohorts.add(
                NewCohort(name, "Europe/Paris", lang, "FR", date(2026, 1, 5), end), channel, self.now
            )
            uow.commit()
            return cohort.id

    def members(
        self, cohort_id: int, *user_ids: str, role: Role = Role.FELLOW, challenge: str | None = None
    ) -> None:
        with self.uow() as uow:
            uow.members.add_many([Membership(cohort_id, u, role, challenge) for u in user_ids], self.now)
            for user_id in user_ids:
                uow.profiles.save(
                    MemberProfile(user_id, user_id.lower(), "Europe/Paris", "fr", fetched_at=self.now)
                )
            uow.commit()

    def deactivate(self, user_id: str) -> None:
        with self.uow() as uow:
            profile = uow.profiles.get_many([user_id])[user_id]
            uow.profiles.save(replace(profile, deactivated=True))
            uow.commit()

    def knows(self, user_id: str, skills: str) -> None:
        self.run(add_skills, self.actor(user_id), parse_skill_list(skills))

    def run(self, use_case: Callable[Concatenate[UnitOfWork, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """A use case in its own unit of work, committed."""
        with self.uow() as uow:
            result = use_case(uow, *args, **kwargs)
            uow.commit()
            return result

    def read(self, query: Callable[Concatenate[UnitOfWork, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        with self.uow() as uow:
            return query(uow, *args, **kwargs)

    def ask(
        self,
        user_id: str,
        title: str,
        skills: str = "",
        cohort_id: int | None = None,
        origin: str = "ask",
        replaces: int | None = None,
    ) -> Asked:
        draft = HelpDraft(title, "", tuple(s.label for s in parse_skill_list(skills)), cohort_id)
        return self.run(ask, self.actor(user_id), draft, origin, replaces, away=self.away)

    def offer(self, user_id: str, request_id: int) -> Offered:
        return self.run(offer_help, self.actor(user_id), request_id)

    def resolve(
        self, user_id: str, request_id: int, credited: Iterable[str] | None = None, thanks: str = ""
    ) -> HelpView:
        with self.uow() as uow:
            helpers = credited if credited is not None else [o.helper for o in uow.help.offers(request_id)]
        return self.run(resolve, self.actor(user_id), request_id, helpers, thanks)


@pytest.fixture
def world(engine: Engine) -> World:
    from storage.db import make_session_factory
    from storage.uow import unit_of_work_factory

    return World(unit_of_work_factory(make_session_factory(engine)))
