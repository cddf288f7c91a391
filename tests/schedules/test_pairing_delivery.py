"""Group DMs of a round through `schedules.engine.tick`: a round waits for the DMs Slack could not
open yet, a group Slack refuses gets none, and nothing is sent twice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from bot.features import SOURCES
from domain.scheduling import CLAIM_LEASE
from schedules.engine import tick
from schedules.pairing import PairingJob

MONDAY_10H = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Paris is UTC+1


@pytest.fixture
def cohort(workspace, clock):
    clock.set(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    workspace.say("create eig7 <#C100> tz=Europe/Paris")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=ia-sante")
    workspace.say("add eig7 <@UCHLOE> <@UDAVID> challenge=data-eau")
    workspace.say("pairing eig7 every=1 day=mon time=10:00")
    return workspace


def run(cohort, when: datetime) -> str:
    [report] = [r for r in tick(cohort.ctx, when, [PairingJob(SOURCES.away)]) if r.kind == "pairing"]
    return report.line()


def group_messages(cohort) -> dict[str, list[str]]:
    groups = {
        c.response["channel"]["id"]
        for c in cohort.fake.calls("conversations.open")
        if c.ok and "," in c.params.get("users", "")
    }
    return {g: [m["text"] for m in cohort.fake.messages(g)] for g in groups}


def test_a_round_waits_for_the_group_dms_slack_could_not_open_yet(cohort):
    cohort.fake.fail_next("conversations.open", "ratelimited")
    assert run(cohort, MONDAY_10H) == "pairing: nothing to do"
    assert group_messages(cohort) == {}
    assert run(cohort, MONDAY_10H.replace(minute=1)) == "pairing: 2 introductions sent"
    sent = group_messages(cohort)
    assert len(sent) == 2 and all(len(texts) == 1 for texts in sent.values())
    assert run(cohort, MONDAY_10H.replace(minute=2)) == "pairing: nothing to do"
    with cohort.ctx.uow() as uow:
        pairs = uow.pairings.round_pairs(uow.cohorts.by_name("eig7").id, MONDAY_10H.date())
    # Across challenges: each group has one fellow of each.
    assert sorted(p.members for p in pairs) in (
        [("UANA", "UCHLOE"), ("UBEN", "UDAVID")],
        [("UANA", "UDAVID"), ("UBEN", "UCHLOE")],
    )


def test_a_group_slack_refuses_gets_no_dm_and_the_others_theirs(cohort):
    cohort.fake.fail_next("conversations.open", "user_disabled")
    assert run(cohort, MONDAY_10H) == "pairing: 1 groups unreachable, 1 introductions sent"
    assert [len(texts) for texts in group_messages(cohort).values()] == [1]
    assert run(cohort, MONDAY_10H.replace(minute=5)) == "pairing: nothing to do"


def test_a_round_found_past_its_grace_forms_no_groups(cohort):
    assert run(cohort, datetime(2026, 3, 3, 9, 0, tzinfo=UTC)) == "pairing: nothing to do"
    with cohort.ctx.uow() as uow:
        assert uow.pairings.pairs_of(uow.cohorts.by_name("eig7").id) == []
    assert cohort.fake.count("conversations.open") == 0


def test_an_introduction_lost_on_the_way_back_is_found_in_its_group_dm_not_sent_again(cohort):
    # Slack stores the introduction, then the connection drops before the answer arrives.
    cohort.fake.drop_next("chat.postMessage")
    run(cohort, MONDAY_10H)
    reports = {
        r.kind: r
        for r in tick(cohort.ctx, MONDAY_10H + CLAIM_LEASE + timedelta(minutes=1), [PairingJob(SOURCES.away)])
    }
    assert reports["reconcile"]["reconciled"] == 1
    assert sorted(len(texts) for texts in group_messages(cohort).values()) == [1, 1]


def test_one_cohort_whose_round_cannot_be_formed_leaves_the_others_going(cohort):
    cohort.fake.add_channel("C300", name="eig9", is_member=True)
    cohort.say("create eig9 <#C300> tz=Europe/Paris")
    cohort.say("add eig9 <@UEVA> <@UMENTOR> challenge=x")
    cohort.say("pairing eig9 every=1 day=mon time=10:00")
    with cohort.ctx.uow() as uow:  # a group of an earlier round whose answer is unreadable
        eig9 = uow.cohorts.by_name("eig9").id
        uow.pairings.add_round(eig9, date(2026, 2, 23), [("UEVA", "UMENTOR")])
        uow.session.execute(
            text("UPDATE pairing_pair SET outcome = 'lost' WHERE cohort_id = :c"), {"c": eig9}
        )
        uow.commit()
    [report] = [r for r in tick(cohort.ctx, MONDAY_10H, [PairingJob(SOURCES.away)]) if r.kind == "pairing"]
    assert report["introductions sent"] == 2  # eig7's two groups
    assert {(f.kind, f.cohort_id) for f in report.failures} == {("pairing_intro", eig9)}
    assert not any(
        set(c.params.get("users", "").split(",")) == {"UEVA", "UMENTOR"} for c in cohort.fake.calls()
    )
