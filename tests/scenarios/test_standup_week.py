"""A cohort's stand-up week, from Thursday 26 March to Wednesday 1 April 2026, ticking every ten minutes.

Paris moves to summer time on Sunday 29 March; Dakar has no DST. Friday is a cohort holiday. Along the
week: prompts, answers, an edit, a skip, reminders, late answers, summaries naming the missing, an
absence set by an admin, a fellow back early. Slack (the fake) never answers an error, and every
scheduled message is sent exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from handlers import ids
from handlers.i18n import format_date
from tests.handlers.standups.standup_helpers import Standups
from tests.support.standup_world import texts

THURSDAY, FRIDAY, MONDAY, TUESDAY, WEDNESDAY = (
    date(2026, 3, 26),
    date(2026, 3, 27),
    date(2026, 3, 30),
    date(2026, 3, 31),
    date(2026, 4, 1),
)
PARIS = ("UANA", "UBEN", "UCHLOE", "UDAVID")
EVERYONE = (*PARIS, "UEVA")  # Eva works from Dakar


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


class Week:
    def __init__(self, standups: Standups):
        self.s = standups

    def live(
        self, day: date, actions: dict[datetime, Callable[[], None]], hours=range(5, 14), every: int = 10
    ) -> None:
        """Ticks every few minutes over these UTC hours, doing each action once its time has come."""
        pending = sorted(actions.items())
        now, end = at(day, hours.start), at(day, hours.stop - 1, 59)
        while now <= end:
            while pending and pending[0][0] <= now:
                when, action = pending.pop(0)
                self.s.clock.set(when)
                action()
            self.s.world.tick(now)
            now += timedelta(minutes=every)
        assert not pending, "an action was planned after the last tick"

    def answer(self, user: str, q1: str, q3: str = "", from_prompt: bool = True) -> Callable[[], None]:
        def act():
            if from_prompt:
                view, _ = self.s.click(self.s.prompt(user), ids.STANDUP_OPEN, user=user)
            else:
                view, _ = self.s.standup("", user=user)
            assert self.s.submit(view, {"q1": q1, "q2": "La suite", "q3": q3 or None}, user=user) is None

        return act

    def say(self, text: str, user: str) -> Callable[[], None]:
        return lambda: self.s.say(text, user=user)

    def skip(self, user: str) -> Callable[[], None]:
        return lambda: self.s.click(self.s.prompt(user), ids.STANDUP_SKIP, user=user)

    def summary(self, day: date) -> str:
        label = format_date(day, "fr", "full")
        found = [m for m in self.s.channel() if m.get("reply_broadcast") and label in m["text"]]
        assert len(found) == 1, f"one summary on {day}"
        return texts(found[0])

    def prompted_on(self, user: str) -> Counter:
        """Per day, the stand-up DMs (prompts and reminders) a person got, by the instant the fake saw them."""
        calls = [
            c
            for c in self.s.fake.calls("chat.postMessage")
            if c.params["channel"] == user and c.ok and "standup_skip" in str(c.params.get("blocks"))
        ]
        return Counter(c.params["text"].split(":")[0].split("\u00a0")[0] for c in calls)


@pytest.fixture
def week(workspace, clock) -> Week:
    clock.set(at(THURSDAY, 6))
    workspace.fake.add_user("UEVA", name="eva", tz="Africa/Dakar", locale="fr-FR")
    workspace.fake.add_user("UDAVID", name="david", tz="Europe/Paris", locale="fr-FR")
    standups = Standups(workspace, clock)
    workspace.say("create eig7 <#C100|eig7> start=2026-01-05 end=2026-12-18")
    workspace.say("add eig7 " + " ".join(f"<@{user}>" for user in EVERYONE))
    workspace.say("add eig7 <@UMENTOR> as mentor")
    assert "fuseau de chaque fellow" in workspace.say("standup eig7 remind=60 close=12:00 zone=fellow")
    workspace.say("holiday eig7 2026-03-27 séminaire")
    return Week(standups)


def test_a_cohorts_stand_up_week(week):
    s = week.s
    week.live(
        THURSDAY,
        {
            at(THURSDAY, 8, 45): week.answer(
                "UANA", "Nettoyage des données", "L’accès à la base SIRENE est bloqué"
            ),
            at(THURSDAY, 8, 50): week.skip("UBEN"),
            at(THURSDAY, 9, 5): week.answer("UCHLOE", "Atelier utilisateurs", "rien"),
            at(THURSDAY, 9, 15): week.answer("UCHLOE", "Atelier utilisateurs (compte rendu envoyé)", "rien"),
            at(THURSDAY, 14, 0): week.answer(
                "UDAVID", "Revue de code", from_prompt=False
            ),  # late, by /standup
        },
        hours=range(5, 15),
    )
    # Thursday, winter time: Paris at 08:30 UTC, Dakar at 09:30 UTC; reminders an hour later to the silent.
    thread = s.channel()[0]
    assert thread["text"].startswith("Stand-up du jeudi 26 mars 2026")
    replies = [
        m
        for m in s.channel()
        if m.get("thread_ts") == thread["ts"] != m["ts"] and not m.get("reply_broadcast")
    ]
    assert [texts(m).split("\n")[0] for m in replies] == [
        "Stand-up de <@UANA>",
        "Stand-up de <@UCHLOE>",
        "Stand-up de <@UDAVID> (en retard)",
    ]
    assert "compte rendu envoyé" in texts(replies[1]), "the edit updated the post"
    summary = week.summary(THURSDAY)
    assert "Participation\u00a0: 2/4" in summary
    assert "*Sans réponse*\u00a0: david, eva" in summary  # David answered only after the summary
    assert "Ont passé leur tour\u00a0: ben" in summary and "SIRENE" in summary
    assert week.prompted_on("UDAVID") == Counter({"C’est l’heure du stand-up de eig7": 1, "Rappel": 1})
    assert week.prompted_on("UANA") == Counter({"C’est l’heure du stand-up de eig7": 1})
    assert "Demander de l’aide à la cohorte" in str(s.world.dms("UANA")[-1]["blocks"])

    # Friday is a cohort holiday; the weekend has no stand-up; Paris springs forward on Sunday.
    calls = s.fake.count("chat.postMessage")
    week.live(
        FRIDAY,
        {at(FRIDAY, 10): week.say("away <@UBEN|ben> 2026-03-30..2026-03-31", "UADMIN")},
        hours=range(0, 24),
        every=30,
    )
    for day in (date(2026, 3, 28), date(2026, 3, 29)):
        week.live(day, {}, hours=range(0, 24), every=30)
    assert s.fake.count("chat.postMessage") == calls

    # Monday, summer time: Paris at 07:30 UTC now, Dakar still at 09:30 UTC. Ben is away.
    week.live(
        MONDAY,
        {
            at(MONDAY, 7, 40): week.answer("UANA", "Modèle v2"),
            at(MONDAY, 7, 50): week.answer("UDAVID", "Tests"),
            at(MONDAY, 9, 45): week.answer(
                "UEVA", "Entretiens à Dakar", "J’attends les données du ministère"
            ),
        },
    )
    with s.ctx.uow() as uow:
        sent = {p.user_id: p.sent_at for p in uow.standup_runs.prompts(1, MONDAY)}
    assert sent == {
        "UANA": at(MONDAY, 7, 30),
        "UCHLOE": at(MONDAY, 7, 30),
        "UDAVID": at(MONDAY, 7, 30),
        "UEVA": at(MONDAY, 9, 30),
    }
    summary = week.summary(MONDAY)
    assert "Participation\u00a0: 3/4" in summary and "*Sans réponse*\u00a0: chloe" in summary
    assert "Absents\u00a0: ben" in summary and "ministère" in summary

    # Tuesday: Ben comes back early; Ana skips by command; everyone else answers.
    week.live(
        TUESDAY,
        {
            at(TUESDAY, 6): week.say("back", "UBEN"),
            at(TUESDAY, 7, 35): week.say("skip", "UANA"),
            at(TUESDAY, 7, 40): week.answer("UBEN", "Retour de congés"),
            at(TUESDAY, 7, 45): week.answer("UCHLOE", "Restitution"),
            at(TUESDAY, 8, 0): week.answer("UDAVID", "Déploiement"),
            at(TUESDAY, 9, 40): week.answer("UEVA", "Synthèse"),
        },
    )
    summary = week.summary(TUESDAY)
    assert "Participation\u00a0: 4/4" in summary and "Tout le monde a répondu." in summary
    assert "Ont passé leur tour\u00a0: ana" in summary and "Absents" not in summary

    # Wednesday: nobody answers; everybody is reminded once and named in the summary.
    week.live(WEDNESDAY, {})
    assert "*Sans réponse*\u00a0: ana, ben, chloe, david, eva" in week.summary(WEDNESDAY)

    # The whole week: one prompt per person and stand-up day (none to Ben while away), reminders only to
    # the silent, one thread and one summary a day; no Slack error, no delivery posted twice.
    prompts = {user: week.prompted_on(user) for user in EVERYONE}
    assert {user: counts["C’est l’heure du stand-up de eig7"] for user, counts in prompts.items()} == {
        "UANA": 4,
        "UBEN": 3,
        "UCHLOE": 4,
        "UDAVID": 4,
        "UEVA": 4,
    }
    assert {user: counts["Rappel"] for user, counts in prompts.items()} == {
        "UANA": 1,
        "UBEN": 1,
        "UCHLOE": 2,
        "UDAVID": 2,
        "UEVA": 2,
    }
    assert sum(1 for m in s.channel() if m["text"].startswith("Stand-up du")) == 4  # Thu, Mon, Tue, Wed
    assert sum(1 for m in s.channel() if m.get("reply_broadcast")) == 4
    stats = s.fake.stats()
    assert stats["errors"] == 0 and stats["ratelimited"] == 0 and not s.fake.internal_errors
    assert s.world.posted_once() and "conversations.open" not in stats["by_method"]
