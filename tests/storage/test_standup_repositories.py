"""The stand-up repositories on a migrated database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.cohorts.model import Role
from domain.scheduling import DeliveryStatus, OccurrenceStatus
from domain.standups.model import Absence, EntryStatus, StandupEntry, StandupSettings
from domain.standups.planning import PROMPT, THREAD
from tests.support.standup_world import StandupWorld

DAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def test_settings_round_trip(ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    cohort = world.cohort()
    saved = StandupSettings(
        cohort.id,
        days=("mon", "thu"),
        prompt_time="10:15",
        remind_minutes=20,
        close="11:00",
        zone_mode="fellow",
        share="summary",
        mood=True,
        questions=("Fait ?", "Bloqué ?"),
        blocker_question=2,
        updated_at=NOW,
    )
    with ctx.uow() as uow:
        assert uow.standups.settings(cohort.id) is None
        uow.standups.save_settings(saved)
        uow.standups.save_settings(saved)
        uow.commit()
    with ctx.uow() as uow:
        assert uow.standups.settings(cohort.id) == saved
        assert uow.standups.running() == [(cohort, saved)]


def test_running_leaves_out_what_is_off_or_archived(ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    on, off, archived = world.cohort("on", "C1"), world.cohort("off", "C2"), world.cohort("old", "C3")
    for cohort in (on, off, archived):
        world.standup(cohort, active=cohort is not off)
    with ctx.uow() as uow:
        uow.cohorts.archive(archived.id, NOW)
        uow.commit()
    with ctx.uow() as uow:
        assert [cohort.name for cohort, _settings in uow.standups.running()] == ["on"]


def test_fellow_zones(ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    cohort = world.cohort()
    world.people(cohort, "UPARIS")
    world.people(cohort, "UDAKAR", tz="Africa/Dakar")
    world.people(cohort, "UNONE", tz=None)
    world.people(cohort, "UMENTOR", tz="Asia/Tokyo", role=Role.MENTOR)
    with ctx.uow() as uow:
        uow.profiles.set_timezones({"UPARIS": "Africa/Tunis"})  # a roster's zone wins over Slack's
        uow.commit()
    with ctx.uow() as uow:
        assert uow.standups.fellow_zones([cohort.id]) == {cohort.id: {"Africa/Tunis", "Africa/Dakar", None}}


def test_an_entry_is_replaced_and_keeps_its_channel_post(ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    cohort = world.cohort()
    first = StandupEntry(cohort.id, "UANA", DAY, EntryStatus.ANSWERED, ("a", "b", ""), 3, False, NOW)
    with ctx.uow() as uow:
        uow.standups.save_entry(first)
        uow.standups.set_post(cohort.id, "UANA", DAY, "C100", "1.2")
        uow.standups.save_entry(
            StandupEntry(cohort.id, "UANA", DAY, EntryStatus.ANSWERED, ("a", "c", "é"), None, True, NOW)
        )
        uow.commit()
    with ctx.uow() as uow:
        entry = uow.standups.entry(cohort.id, "UANA", DAY)
        assert (entry.answers, entry.mood, entry.late, entry.post_ts) == (("a", "c", "é"), None, True, "1.2")
        assert uow.standups.entries(cohort.id, DAY) == [entry] == uow.standups.entries_of("UANA", DAY, DAY)
        assert uow.standups.entries_of_cohort(cohort.id) == [entry]


def test_absences_end_today(ctx):
    with ctx.uow() as uow:
        for first, last in (
            (date(2026, 2, 20), date(2026, 2, 25)),
            (date(2026, 2, 27), date(2026, 3, 6)),
            (date(2026, 3, 2), date(2026, 3, 3)),
            (date(2026, 3, 9), date(2026, 3, 13)),
        ):
            uow.standups.add_absence(Absence("UANA", first, last, "UANA"), NOW)
        assert uow.standups.end_absences("UANA", DAY) == 3
        uow.commit()
    with ctx.uow() as uow:
        assert [(a.first, a.last) for a in uow.standups.absences_of(["UANA", "UBEN"])] == [
            (date(2026, 2, 20), date(2026, 2, 25)),
            (date(2026, 2, 27), date(2026, 3, 1)),
        ]


def test_what_the_scheduling_core_recorded(ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    cohort = world.cohort()
    world.people(cohort, "UANA", "UBEN")
    world.people(cohort, "UDAKAR", tz="Africa/Dakar")
    world.standup(cohort, zone_mode="fellow")
    world.tick(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    with ctx.uow() as uow:
        known = uow.standup_runs.known([PROMPT, THREAD], ["standup:1", "standup:1:tz:Africa/Dakar"], [DAY])
        assert set(known.values()) == {OccurrenceStatus.DONE} and len(known) == 3
        prompts = uow.standup_runs.prompts(cohort.id, DAY)
        assert sorted(p.user_id for p in prompts) == ["UANA", "UBEN", "UDAKAR"]
        assert all(p.status is DeliveryStatus.SENT and p.channel.startswith("D") for p in prompts)
        assert uow.standup_runs.post_of(THREAD, "standup:1", DAY)[0] == "C100"
        assert uow.standup_runs.prompted_days("UDAKAR", DAY, DAY) == {(cohort.id, DAY)}
        assert uow.standup_runs.prompts(cohort.id + 1, DAY) == []
