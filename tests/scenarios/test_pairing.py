"""Six pairing rounds of a cohort, from the recipients' side: the group DMs each group gets once,
no couple twice, the trio of an odd round, the follow-up only to the groups that did not answer,
and the admin digest's figures checked against what people clicked."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import combinations
from zoneinfo import ZoneInfo

import pytest

from bot.features import SOURCES
from bot.standin.payloads import block_action, dispatch, slash_command
from handlers import ids
from schedules.digests import DigestJob
from schedules.engine import tick
from schedules.pairing import PairingJob

PARIS = ZoneInfo("Europe/Paris")
CHALLENGES = ("ia-sante", "data-eau", "open-law", "climat")
FELLOWS = tuple(f"UF{n:02d}" for n in range(13))
AWAY, PAUSED = "UF11", "UF12"
# Mondays from 2 March 2026; Easter Monday (6 April) moves the sixth round to the Tuesday.
ROUND_DAYS = (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16), date(2026, 3, 23), date(2026, 3, 30))
ROUND_DAYS += (date(2026, 4, 7),)
JOBS = (PairingJob(SOURCES.away), DigestJob(SOURCES.digest))


def text_of(message: dict) -> str:
    """The message's notification text and every mrkdwn text of its blocks (buttons left out)."""
    parts = [message.get("text", "")]
    for block in message.get("blocks", []):
        if isinstance(block.get("text"), dict):
            parts.append(block["text"]["text"])
        parts += [e["text"] for e in block.get("elements", []) if isinstance(e.get("text"), str)]
    return "\n".join(parts)


def at_paris(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), PARIS).astimezone(UTC)


class Program:
    def __init__(self, workspace, clock):
        self.workspace, self.clock, self.fake = workspace, clock, workspace.fake
        for n, user in enumerate(FELLOWS):
            self.fake.add_user(user, name=f"fellow{n}", tz="Europe/Paris", locale="fr-FR")
        workspace.say("create eig7 <#C100> tz=Europe/Paris")
        for n, user in enumerate(FELLOWS):
            workspace.say(f"add eig7 <@{user}> challenge={CHALLENGES[n % 4]}")
        workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia-sante")
        workspace.say("add eig7 <@UCOADMIN> as admin")

    def command(self, name: str, text: str, user: str) -> str:
        url = self.fake.new_response_url()
        dispatch(self.workspace.app, slash_command(name, text, user_id=user, response_url=url))
        [answer] = [r.body for r in self.fake.responses() if r.url == url]
        return answer["text"]

    def tick(self, when: datetime) -> dict[str, str]:
        self.clock.set(when)
        return {r.kind: r.line() for r in tick(self.workspace.ctx, when, JOBS)}

    def groups(self) -> dict[str, frozenset[str]]:
        """Each group DM the bot opened, by channel, with its people."""
        return {
            call.response["channel"]["id"]: frozenset(call.params["users"].split(","))
            for call in self.fake.calls("conversations.open")
            if call.ok and "," in call.params.get("users", "")
        }

    def click(self, channel: str, message: dict, user: str, action: str) -> dict:
        button = next(
            e
            for b in message["blocks"]
            if b["type"] == "actions"
            for e in b["elements"]
            if e["action_id"] == action
        )
        url = self.fake.new_response_url()
        dispatch(
            self.workspace.app,
            block_action(
                action, button["value"], user_id=user, channel_id=channel, message=message, response_url=url
            ),
        )
        [answer] = [r.body for r in self.fake.responses() if r.url == url]
        return answer


@pytest.fixture
def program(workspace, clock):
    clock.set(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    return Program(workspace, clock)


def test_six_rounds_from_the_recipients_side(program, workspace):
    assert "2026" in program.command("/standup", "away 2026-03-01..2026-04-30", AWAY)
    assert "pause" in program.command("/pairing", "pause", PAUSED)
    workspace.say("pairing eig7 every=1 day=mon time=10:00")
    workspace.say("digest eig7 day=fri time=16:00")
    taking_part = set(FELLOWS) - {AWAY, PAUSED}  # eleven: four pairs and a trio each round
    seen: set[frozenset[str]] = set()
    answers: dict[str, str] = {}  # channel → "met" | "skipped"
    round_of: dict[str, date] = {}
    for number, day in enumerate(ROUND_DAYS):
        before = set(program.groups())
        report = program.tick(at_paris(day, 10))["pairing"]
        assert report == "pairing: 5 introductions sent"
        assert program.tick(at_paris(day, 10) + timedelta(minutes=1))["pairing"] == "pairing: nothing to do"
        new = {c: people for c, people in program.groups().items() if c not in before}
        assert sorted(len(people) for people in new.values()) == [2, 2, 2, 2, 3]
        assert set().union(*new.values()) == taking_part
        round_of.update(dict.fromkeys(new, day))
        for channel, people in new.items():
            couples = {frozenset(c) for c in combinations(sorted(people), 2)}
            assert not couples & seen, "a couple met twice while others had never met"
            seen |= couples
            [intro] = program.fake.messages(channel)  # one introduction per group, in French
            assert intro["text"].startswith("Bonjour ") and "*eig7*" in intro["text"]
            assert all(f"<@{p}>" in intro["text"] for p in people)
            assert "défi " in text_of(intro)
        # The first group says they met, the second not this time, the others stay silent.
        first, second, *silent = sorted(new)
        reply = program.click(first, program.fake.messages(first)[0], sorted(new[first])[0], ids.PAIRING_MET)
        assert reply["replace_original"] and "indique que vous vous êtes vus" in text_of(reply)
        assert all(b["type"] != "actions" for b in reply["blocks"])
        program.click(second, program.fake.messages(second)[0], sorted(new[second])[-1], ids.PAIRING_SKIP)
        answers.update({first: "met", second: "skipped"})
        follow_up_day = day + timedelta(days=3)
        report = program.tick(at_paris(follow_up_day, 10))["pairing"]
        assert report == "pairing: 3 follow-ups sent"
        for channel in new:
            texts = [m["text"] for m in program.fake.messages(channel)]
            if channel in silent:
                assert len(texts) == 2 and texts[1].startswith("Vous êtes-vous vus")
            else:
                assert len(texts) == 1, "a group that answered is not asked again"
        if number == 1:
            # A silent group answers the follow-up: recorded like an answer to the introduction.
            follow = program.fake.messages(silent[0])[1]
            program.click(silent[0], follow, sorted(new[silent[0]])[0], ids.PAIRING_MET)
            answers[silent[0]] = "met"
    assert AWAY not in set().union(*program.groups().values())
    assert PAUSED not in set().union(*program.groups().values())
    # The admin digest on the Friday after the sixth round: figures from what people clicked.
    program.tick(at_paris(date(2026, 4, 10), 16))
    digest = text_of(program.fake.messages("UCOADMIN")[-1])
    groups = program.groups()
    met = [groups[c] for c, said in answers.items() if said == "met"]
    challenge = {user: CHALLENGES[n % 4] for n, user in enumerate(FELLOWS)}
    met_couples = {frozenset(c) for people in met for c in combinations(sorted(people), 2)}
    cross_met = sum(1 for a, b in map(tuple, met_couples) if challenge[a] != challenge[b])
    possible = sum(1 for a, b in combinations(FELLOWS, 2) if challenge[a] != challenge[b])
    assert f"Tours jusqu’ici\u00a0: 6 · groupes qui ont répondu\u00a0: {len(answers)}/30 " in digest
    assert f"se sont rencontrés, deux à deux\u00a0: {cross_met}/{possible} " in digest
    # Isolated: every fellow in no group that said it met in the rounds of the last four weeks.
    last_four_weeks = {c for c, day in round_of.items() if day > date(2026, 4, 10) - timedelta(days=28)}
    recent = set().union(
        *(groups[c] for c, said in answers.items() if said == "met" and c in last_four_weeks)
    )
    isolated = {f for f in FELLOWS if f not in recent}
    assert "Alerte isolement\u00a0: personne rencontré par les binômes" in digest
    assert {AWAY, PAUSED} <= isolated
    assert {
        f
        for f in FELLOWS
        if f"<@{f}>\u00a0: aucun « on s’est vus »".replace(" »", "\u202f»").replace("« ", "«\u202f") in digest
    } == isolated
