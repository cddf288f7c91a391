"""The trainings' section of the Home tab: the sessions someone signed up for."""

from __future__ import annotations

from domain.calendar import PublicHolidays
from domain.cohorts.records import Actor
from domain.home.overview import LISTED_MAX, HomeSource, Membership
from domain.trainings.sessions import ListedSession, my_sessions


def signed_up(
    store, actor: Actor, memberships: tuple[Membership, ...], holidays: PublicHolidays | None
) -> tuple[ListedSession, ...]:
    return tuple([s for s in my_sessions(store, actor) if s.my_status is not None][:LISTED_MAX])


TRAININGS_HOME = HomeSource("trainings", signed_up)
