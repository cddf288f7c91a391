"""A schedule starts when its confirmation says, and a fellow added mid-day starts the next day.

Everything is driven through `/cohort` and the tick, and read from the recipients' side.
"""

from __future__ import annotations

import pytest

from tests.support.program_week import Week, utc
from tests.support.standup_world import texts

FELLOWS = ("UANA", "UBEN", "UCHLOE")
# Monday 2 March 2026; Paris is UTC+1.
MONDAY_10H20 = utc(2026, 3, 2, 9, 20)


@pytest.fixture
def week(workspace, clock):
    clock.set(utc(2026, 3, 1, 18, 0))  # Sunday evening
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA> <@UBEN> <@UCHLOE> challenge=ia-sante")
    return Week(workspace, clock)


def test_a_stand_up_turned_on_after_its_time_starts_the_next_day_as_confirmed(week):
    week.clock.set(MONDAY_10H20)
    reply = week.ws.say("standup eig7 time=09:30 close=12:00 remind=60")
    # The confirmation names tomorrow's 09:30 as the first prompt, not today's.
    first = reply.split("invitations\u00a0: ")[1].split(" · ")[0]
    assert first.endswith("|mardi 3 mars 2026, 9\u00a0h\u00a030 heure de Paris>") and "2 mars" not in reply, (
        reply
    )
    for when in (
        utc(2026, 3, 2, 9, 21),
        utc(2026, 3, 2, 10, 30),
        utc(2026, 3, 2, 11, 0),
        utc(2026, 3, 2, 12, 0),
    ):
        week.at(when)
    assert [week.prompts(u) for u in FELLOWS] == [[], [], []]
    assert week.channel() == []  # no thread, no 0/3 summary at noon
    week.at(utc(2026, 3, 3, 8, 30))
    assert [len(week.prompts(u)) for u in FELLOWS] == [1, 1, 1]
    week.at(utc(2026, 3, 3, 11, 0))
    print(week.channel())
    assert len(week.channel()) == 2 and "0/3" in week.channel()[-1]  # the first summary, on Tuesday


def test_a_change_during_a_day_already_prompted_keeps_its_reminder_and_summary(week):
    week.ws.say("standup eig7 time=09:30 close=12:00")
    week.at(utc(2026, 3, 2, 8, 30))
    assert [len(week.prompts(u)) for u in FELLOWS] == [1, 1, 1]
    week.clock.set(utc(2026, 3, 2, 8, 40))
    week.ws.say("standup eig7 remind=60")
    week.at(utc(2026, 3, 2, 9, 30))
    assert [len(week.prompts(u)) for u in FELLOWS] == [2, 2, 2]  # the reminder still goes
    week.at(utc(2026, 3, 2, 11, 0))
    assert len(week.channel()) == 2  # the day's thread and its summary


def test_a_fellow_added_after_the_prompt_is_neither_prompted_nor_missing_that_day(week):
    week.ws.say("standup eig7 time=09:30 close=12:00 remind=60")
    week.at(utc(2026, 3, 2, 8, 30))
    week.clock.set(MONDAY_10H20)
    week.ws.say("add eig7 <@UDAVID> challenge=ia-sante")
    week.at(utc(2026, 3, 2, 9, 30))
    week.at(utc(2026, 3, 2, 11, 0))
    assert week.prompts("UDAVID") == []
    summary = week.channel()[-1]
    assert "david" not in summary.lower() and "0/3" in summary, summary
    week.at(utc(2026, 3, 3, 8, 30))
    assert len(week.prompts("UDAVID")) == 1  # from the next day on


def test_a_fellow_added_while_the_bot_was_down_is_not_prompted_late_for_that_day(week):
    week.ws.say("standup eig7 time=09:30 close=12:00")
    week.clock.set(MONDAY_10H20)
    week.ws.say("add eig7 <@UDAVID> challenge=ia-sante")
    week.at(utc(2026, 3, 2, 9, 25))  # the first tick since 09:30: the prompt goes late
    assert [len(week.prompts(u)) for u in FELLOWS] == [1, 1, 1]
    assert week.prompts("UDAVID") == []


def test_the_digest_counts_only_the_days_the_stand_up_ran_for_each_fellow(week):
    week.ws.say("add eig7 <@UMENTOR> as mentor")
    week.ws.say("digest eig7 day=fri time=16:00")
    week.clock.set(utc(2026, 3, 4, 9, 20))  # Wednesday 10:20
    week.ws.say("standup eig7 time=09:30 close=12:00")
    week.clock.set(utc(2026, 3, 5, 7, 0))  # Thursday, before the prompt
    week.ws.say("add eig7 <@UDAVID> challenge=ia-sante")
    for when in (utc(2026, 3, 4, 11, 0), utc(2026, 3, 5, 8, 30), utc(2026, 3, 5, 11, 0)):
        week.at(when)
    week.clock.set(utc(2026, 3, 6, 8, 0))  # Friday 09:00: a fellow added before the prompt
    week.ws.say("add eig7 <@UEVA> challenge=ia-sante")
    week.at(utc(2026, 3, 6, 8, 30))
    week.clock.set(utc(2026, 3, 6, 9, 0))  # Friday 10:00: after the prompt
    week.ws.say("add eig7 <@UCOADMIN> challenge=ia-sante")
    week.at(utc(2026, 3, 6, 15, 0))
    digest = texts(week.fake.messages("UMENTOR")[-1])
    assert "<@UANA> ▫️▫️▫️❌❌ 0/2" in digest, digest
    assert "<@UDAVID> ▫️▫️▫️❌❌ 0/2" in digest
    assert "<@UEVA> ▫️▫️▫️▫️❌ 0/1" in digest
    assert "<@UCOADMIN> ▫️▫️▫️▫️▫️" in digest


def test_check_ins_and_digests_set_after_their_time_start_at_the_next_run_they_confirm(week):
    week.ws.say("add eig7 <@UMENTOR> as mentor")
    week.clock.set(utc(2026, 3, 6, 15, 20))  # Friday 16:20
    checkin = week.ws.say("checkin eig7 every=1 day=fri time=16:00")
    digest = week.ws.say("digest eig7 day=fri time=16:00")
    assert "|vendredi 13 mars 2026, 16\u00a0h heure de Paris>" in checkin and "6 mars" not in checkin, checkin
    assert "|vendredi 13 mars 2026, 16\u00a0h heure de Paris>" in digest and "6 mars" not in digest, digest
    week.at(utc(2026, 3, 6, 15, 21))
    week.at(utc(2026, 3, 6, 18, 0))
    assert week.fake.messages("UMENTOR") == [] and week.fake.messages("UADMIN") == []
    week.at(utc(2026, 3, 13, 15, 0))
    assert len(week.fake.messages("UMENTOR")) == 2  # the check-in prompt and the digest, on the 13th
