"""Unit of work: one session per listener call or job run, repositories hung on it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session, sessionmaker

from domain.ports import UnitOfWork
from storage.audit import AuditRepository
from storage.checkins.repository import CheckinRepository
from storage.cohorts.members import MembershipRepository, ProfileRepository
from storage.cohorts.repository import CohortRepository
from storage.digests.queries import DigestQueries
from storage.events import EventRepository
from storage.pairing.repository import PairingRepository
from storage.peer_help.requests import HelpRequestRepository
from storage.peer_help.skills import SkillRepository
from storage.privacy.arrivals import ArrivalRepository
from storage.privacy.columns import PersonalColumns
from storage.privacy.repository import PersonalDataRepository
from storage.schedule import ScheduleRepository
from storage.standups.repository import StandupRepository
from storage.standups.runs import StandupRunRepository
from storage.trainings.repository import TrainingRepository


class SqlUnitOfWork(UnitOfWork):
    """Each repository is assigned to the port it implements, so the type checker holds them to it."""

    def __init__(self, session_factory: sessionmaker[Session], personal: Iterable[PersonalColumns] = ()):
        self._session_factory = session_factory
        # The tables the features declare personal data in (bot/features.py gives them).
        self._personal = tuple(personal)
        self.session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self._session_factory()
        self.schedule = ScheduleRepository(self.session)
        self.events = EventRepository(self.session)
        self.cohorts = CohortRepository(self.session)
        self.members = MembershipRepository(self.session)
        self.profiles = ProfileRepository(self.session)
        self.audit = AuditRepository(self.session)
        self.checkins, self.digests = CheckinRepository(self.session), DigestQueries(self.session)
        self.help, self.skills = HelpRequestRepository(self.session), SkillRepository(self.session)
        self.trainings = TrainingRepository(self.session)
        self.pairings = PairingRepository(self.session)
        self.standups, self.standup_runs = StandupRepository(self.session), StandupRunRepository(self.session)
        self.personal = PersonalDataRepository(self.session, self._personal)
        self.arrivals = ArrivalRepository(self.session)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.session is not None
        # Whatever was not committed explicitly is rolled back: nothing is half-applied.
        self.session.rollback()
        self.session.close()
        self.session = None

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()


def unit_of_work_factory(
    session_factory: sessionmaker[Session], personal: Iterable[PersonalColumns] = ()
) -> Callable[[], SqlUnitOfWork]:
    """`personal`: the tables of personal data, for access, erasure and retention (none: they find nothing)."""
    declared = tuple(personal)
    return lambda: SqlUnitOfWork(session_factory, declared)
