"""Who a stand-up prompt reaches: `/cohort show` names the very people the tick then prompts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.features import SOURCES
from domain.cohorts.model import MemberProfile, Role
from domain.cohorts.overview import show_cohort
from domain.cohorts.records import Actor
from domain.standups.model import Absence
from tests.support.standup_world import StandupWorld

MONDAY = date(2026, 3, 2)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _shown(world: StandupWorld, now: datetime) -> tuple[str, ...]:
    """The stand-up's "will be pinged" people in `/cohort show`, as a program admin sees it."""
    with world.ctx.uow() as uow:
        overview = show_cohort(
            uow,
            Actor("UADMIN", now, frozenset({"UADMIN"})),
            "eig7",
            [line.source for line in SOURCES.show_lines],
            world.ctx.holidays,
        )
    line = next(line for source, line in overview.schedules if source.kind == "standup")
    assert line is not None
    return line.next_recipients


@pytest.mark.parametrize("zone_mode", ["cohort", "fellow"])
def test_show_names_exactly_who_the_tick_prompts(ctx, fake_slack, clock, zone_mode):
    world = StandupWorld(ctx, fake_slack, clock)
    eig7 = world.cohort()
    world.people(eig7, "UANA", "UAWAY")
    world.people(eig7, "UDAKAR", tz="Africa/Dakar")
    world.people(eig7, "UGONE", deactivated=True)
    world.people(eig7, "UBOT")
    world.people(eig7, "UMENTOR", role=Role.MENTOR)
    world.standup(eig7, zone_mode=zone_mode, close="12:00")
    with ctx.uow() as uow:
        uow.profiles.save(MemberProfile("UBOT", "ubot", "Europe/Paris", "fr", is_bot=True))
        uow.standups.add_absence(Absence("UAWAY", MONDAY, MONDAY, "UAWAY"), utc(2026, 3, 1))
        uow.commit()
    clock.set(utc(2026, 3, 2, 6, 0))
    shown = _shown(world, clock.now())
    at = utc(2026, 3, 2, 6, 0)
    while at <= utc(2026, 3, 2, 11, 0):  # every zone group's prompt time, and past it
        world.tick(at)
        at += timedelta(minutes=15)
    with ctx.uow() as uow:
        prompted = [p.user_id for p in uow.standup_runs.prompts(eig7.id, MONDAY)]
    assert sorted(shown) == sorted(prompted) == ["UANA", "UDAKAR"]
