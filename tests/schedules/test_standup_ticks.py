"""Stand-up ticks against the fake Slack: prompts, reminders, the thread and the summary, each sent once."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.features import tick_jobs
from domain.cohorts.model import Role
from domain.cohorts.records import CohortHoliday
from domain.standups.model import Absence, EntryStatus, StandupEntry
from schedules.engine import tick
from tests.support.standup_world import StandupWorld, texts

FELLOWS = ("UANA", "UBEN", "UCHLOE")


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def world(ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    world.eig7 = world.cohort()
    world.people(world.eig7, *FELLOWS)
    world.people(world.eig7, "UMENTOR", role=Role.MENTOR)
    world.standup(world.eig7, remind_minutes=60, close="12:00")
    return world


def test_one_dm_per_fellow_one_web_api_call_each(world, fake_slack):
    assert world.tick(utc(2026, 3, 2, 8, 29)) == Counter()
    counts = world.tick(utc(2026, 3, 2, 8, 30))
    assert counts == Counter({"threads sent": 1, "prompts sent": 3})
    assert {call.params["channel"] for call in fake_slack.calls("chat.postMessage")} == {*FELLOWS, "C100"}
    assert set(fake_slack.stats()["by_method"]) == {
        "chat.postMessage"
    }  # no conversations.open, no users.info
    for user in FELLOWS:
        prompt = world.prompts(user)
        text = prompt[0]["text"]
        assert len(prompt) == 1 and "9\u00a0h\u00a030" not in text and "|12\u00a0h heure de Paris>" in text
    assert world.prompts("UMENTOR") == []
    with world.ctx.uow() as uow:
        assert uow.schedule.direct_channel("UANA") == fake_slack.dm_channel("UANA")
    assert world.tick(utc(2026, 3, 2, 8, 31)) == Counter()
    assert fake_slack.stats()["errors"] == 0 and world.posted_once()


def test_the_reminder_goes_only_to_those_who_neither_answered_nor_skipped(world, fake_slack):
    world.tick(utc(2026, 3, 2, 8, 30))
    with world.ctx.uow() as uow:
        for user, status in (("UANA", EntryStatus.ANSWERED), ("UBEN", EntryStatus.SKIPPED)):
            uow.standups.save_entry(
                StandupEntry(
                    world.eig7.id,
                    user,
                    date(2026, 3, 2),
                    status,
                    ("ok",),
                    submitted_at=utc(2026, 3, 2, 8, 40),
                )
            )
        uow.commit()
    assert world.tick(utc(2026, 3, 2, 9, 30)) == Counter({"reminders sent": 1})
    assert [len(world.prompts(user)) for user in FELLOWS] == [1, 1, 2]
    assert "Rappel" in world.prompts("UCHLOE")[-1]["text"]
    assert world.tick(utc(2026, 3, 2, 9, 45)) == Counter()


def test_the_summary_names_who_did_not_answer_in_the_days_thread(world, fake_slack):
    world.tick(utc(2026, 3, 2, 8, 30))
    with world.ctx.uow() as uow:
        uow.standups.save_entry(
            StandupEntry(
                world.eig7.id,
                "UANA",
                date(2026, 3, 2),
                EntryStatus.ANSWERED,
                ("hier", "demain", "J’attends l’accès API"),
                submitted_at=utc(2026, 3, 2, 8, 40),
            )
        )
        uow.standups.save_entry(
            StandupEntry(
                world.eig7.id,
                "UBEN",
                date(2026, 3, 2),
                EntryStatus.SKIPPED,
                submitted_at=utc(2026, 3, 2, 8, 40),
            )
        )
        uow.commit()
    assert world.tick(utc(2026, 3, 2, 11, 0))["summaries sent"] == 1
    thread, summary = world.channel()[0], world.channel()[-1]
    assert summary["thread_ts"] == thread["ts"] and summary["reply_broadcast"]
    text = texts(summary)
    # Names without a notification: who did not answer (by default) and who skipped.
    assert "Participation\u00a0: 1/2" in text and "réponse*\u00a0: uchloe\n" in text
    assert "J’attends l’accès API" in text and "passé leur tour\u00a0: uben" in text
    assert "<@UCHLOE>" not in str(summary) and "<@UBEN>" not in str(summary)
    assert world.tick(utc(2026, 3, 2, 11, 30)) == Counter()


def test_nothing_on_weekends_holidays_after_the_end_or_when_off(world, fake_slack):
    world.tick(utc(2026, 3, 7, 8, 30))  # Saturday
    world.tick(utc(2026, 4, 6, 7, 30))  # Easter Monday
    with world.ctx.uow() as uow:
        uow.cohorts.add_holiday(
            CohortHoliday(world.eig7.id, date(2026, 3, 10), date(2026, 3, 10), "séminaire")
        )
        uow.commit()
    world.tick(utc(2026, 3, 10, 8, 30))
    assert fake_slack.count("chat.postMessage") == 0
    world.standup(world.eig7, active=False)
    world.tick(utc(2026, 3, 11, 8, 30))
    assert fake_slack.count("chat.postMessage") == 0


def test_no_prompt_after_the_cohorts_end(ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    ended = world.cohort("eig6", "C600", end=date(2026, 2, 27))
    world.people(ended, "UOLD")
    world.standup(ended)
    world.tick(utc(2026, 3, 2, 8, 30))
    assert fake_slack.count("chat.postMessage") == 0


def test_an_away_or_deactivated_fellow_gets_nothing(world, fake_slack):
    world.people(world.eig7, "UGONE", deactivated=True)
    with world.ctx.uow() as uow:
        uow.standups.add_absence(Absence("UBEN", date(2026, 3, 2), date(2026, 3, 6), "UBEN"), utc(2026, 3, 1))
        uow.commit()
    world.tick(utc(2026, 3, 2, 8, 30))
    assert {c.params["channel"] for c in fake_slack.calls("chat.postMessage")} == {"UANA", "UCHLOE", "C100"}


def test_a_prompt_missed_while_down_is_sent_before_the_close_never_after(world, fake_slack):
    counts = world.tick(utc(2026, 3, 2, 10, 45))  # back up at 11:45, the close is 12:00
    assert counts["prompts sent"] == 3
    assert counts["reminders sent"] == 0  # just prompted: no reminder on top
    fake_slack.reset()
    counts = world.tick(utc(2026, 3, 3, 11, 1))  # down all Tuesday morning, back after the close
    assert counts["prompts missed"] == 3 and counts["prompts sent"] == 0
    assert counts["summaries sent"] == 1
    assert [c.params["channel"] for c in fake_slack.calls("chat.postMessage")] == ["C100"]


def test_a_day_whose_prompts_were_missed_counts_every_fellow_as_expected(world, fake_slack):
    world.tick(utc(2026, 3, 3, 11, 1))  # down all morning, back after the close
    text = texts(world.channel()[-1])
    assert "Participation\u00a0: 0/3" in text
    assert all(user.lower() in text.split("Sans réponse")[1] for user in FELLOWS)


def test_concurrent_ticks_send_each_prompt_once(world, fake_slack):
    fake_slack.delay("chat.postMessage", 0.01)
    now = utc(2026, 3, 2, 8, 30)
    threads = [threading.Thread(target=tick, args=(world.ctx, now, tick_jobs())) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Counter(c.params["channel"] for c in fake_slack.calls("chat.postMessage")) == Counter(
        {"UANA": 1, "UBEN": 1, "UCHLOE": 1, "C100": 1}
    )


def test_a_crash_mid_send_is_reconciled_not_resent(world, fake_slack):
    fake_slack.drop_next(
        "chat.postMessage", times=2
    )  # the thread and UANA's prompt reach Slack, the answers not
    world.tick(utc(2026, 3, 2, 8, 30))
    counts = world.tick(utc(2026, 3, 2, 8, 36))
    assert Counter(c.params["channel"] for c in fake_slack.calls("chat.postMessage")) == Counter(
        {"UANA": 1, "UBEN": 1, "UCHLOE": 1, "C100": 1}
    )
    assert world.posted_once() and counts == Counter()


def _walk(world, day: date, zone_hours=range(0, 24), step=timedelta(minutes=10)) -> None:
    now = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=zone_hours.start)
    end = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=zone_hours.stop)
    while now < end:
        world.tick(now)
        now += step


@pytest.mark.parametrize(
    "day,prompt_utc",
    [
        (date(2026, 3, 29), utc(2026, 3, 29, 7, 30)),  # Paris springs forward at 02:00 that Sunday
        (date(2026, 10, 25), utc(2026, 10, 25, 8, 30)),  # and falls back at 03:00
    ],
)
def test_dst_days_in_paris_prompt_once_at_the_wall_clock_time(world, fake_slack, day, prompt_utc):
    world.standup(world.eig7, days=("sat", "sun", "mon"), remind_minutes=None)
    _walk(world, day - timedelta(days=1), range(20, 24))
    _walk(world, day, range(0, 13))
    assert len(world.prompts("UANA")) == 1
    with world.ctx.uow() as uow:
        sent = [p.sent_at for p in uow.standup_runs.prompts(world.eig7.id, day)]
    assert sent and all(s == prompt_utc for s in sent)
    assert world.posted_once() and fake_slack.stats()["errors"] == 0


def test_a_stand_up_at_a_time_the_spring_change_skips_happens_once(world, fake_slack):
    world.standup(world.eig7, days=("sun",), prompt_time="02:30", close="05:00", remind_minutes=None)
    _walk(world, date(2026, 3, 28), range(22, 24), timedelta(minutes=5))
    _walk(world, date(2026, 3, 29), range(0, 5), timedelta(minutes=5))
    assert len(world.prompts("UANA")) == 1
    with world.ctx.uow() as uow:
        assert {p.sent_at for p in uow.standup_runs.prompts(world.eig7.id, date(2026, 3, 29))} == {
            utc(2026, 3, 29, 1, 30)
        }


def test_per_fellow_zones_prompt_dakar_at_its_own_time_across_dst(ctx, fake_slack, clock):
    world = StandupWorld(ctx, fake_slack, clock)
    eig = world.cohort()
    world.people(eig, "UPARIS")
    world.people(eig, "UDAKAR", tz="Africa/Dakar")
    world.people(eig, "UCOTONOU", tz="Africa/Porto-Novo")
    world.standup(eig, zone_mode="fellow", close="12:00")
    for day in (date(2026, 3, 27), date(2026, 3, 30)):  # the Friday before and the Monday after the change
        _walk(world, day, range(6, 14), timedelta(minutes=15))
        with world.ctx.uow() as uow:
            sent = {p.user_id: p.sent_at for p in uow.standup_runs.prompts(eig.id, day)}
        paris = 8 if day.day == 27 else 7
        assert sent == {
            "UPARIS": utc(2026, 3, day.day, paris, 30),
            "UDAKAR": utc(2026, 3, day.day, 9, 30),
            "UCOTONOU": utc(2026, 3, day.day, 8, 30),
        }
    summaries = [m for m in world.channel() if "Bilan" in m["text"]]
    assert len(summaries) == 2
    assert world.posted_once() and fake_slack.stats()["errors"] == 0
