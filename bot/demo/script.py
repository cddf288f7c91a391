"""The program week the demo plays, step by step: who does what, when (Paris time), and what each
step announces that people will see (who, where, and the interactive ids it carries, never
translated text), so the demo checks itself. A step without an act is the bot's own tick then.

Monday 2 March 2026: the cohort is created and the stand-up played; Tuesday: a training is
proposed and filled; Wednesday: the mentor checks in; Friday: the weekly digests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.demo import acts
from bot.demo.acts import Act
from bot.demo.cast import ANA, BEN, CHANNEL, CHLOE, FELLOWS, HELENE, MOUSSA, NADIA, Person
from domain.messages import N_

MONDAY = date(2026, 3, 2)
PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class Expect:
    """Someone sees something at this step: at least one item for `reader`, there, with these ids."""

    reader: str
    place: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    day: int
    at: str  # HH:MM in Paris
    title: str  # a catalogue msgid
    act: Act | None
    expects: tuple[Expect, ...]

    def instant(self) -> datetime:
        local = datetime.combine(MONDAY + timedelta(days=self.day), time.fromisoformat(self.at), PARIS)
        return local.astimezone(UTC)


def sees(who: Person | str, place: str, *ids: str) -> Expect:
    return Expect(who if isinstance(who, str) else who.user_id, place, ids)


def step(day: int, at: str, title: str, act: Act | None, *expects: Expect) -> Step:
    return Step(day, at, title, act, expects)


STEPS: tuple[Step, ...] = (
    step(
        0,
        "08:30",
        N_("Nadia, a program admin, creates the cohort"),
        acts.create_cohort,
        sees(NADIA, "only_you"),
    ),
    step(0, "08:35", N_("Nadia imports the roster"), acts.import_roster, sees(NADIA, "terminal")),
    step(
        0,
        "08:45",
        N_("Nadia plans the stand-up, the check-ins and the digests"),
        acts.plan_rituals,
        sees(NADIA, "only_you"),
    ),
    step(
        0,
        "09:00",
        N_("Ben and Chloé say what they know"),
        acts.share_skills,
        sees(BEN, "only_you"),
        sees(CHLOE, "only_you"),
    ),
    step(
        0,
        "09:30",
        N_("The bot asks each fellow for the stand-up"),
        None,
        *(sees(fellow, "dm", "standup_open", "standup_skip") for fellow in FELLOWS),
    ),
    step(
        0,
        "09:40",
        N_("Ana answers, with a blocker"),
        acts.ANA_ANSWERS,
        sees(ANA, "form", "standup_answer"),
        sees(CHANNEL, "channel"),
        sees(ANA, "dm", "standup_blocker_to_help"),
    ),
    step(0, "09:45", N_("Ben skips today"), acts.ben_skips, sees(BEN, "only_you")),
    step(
        0,
        "09:50",
        N_("Chloé and Moussa answer"),
        acts.the_others_answer,
        sees(CHLOE, "form", "standup_answer"),
        sees(MOUSSA, "form", "standup_answer"),
    ),
    step(
        0,
        "10:05",
        N_("Ana turns her blocker into a help request"),
        acts.blocker_to_help,
        sees(ANA, "form", "help_request"),
        sees(CHANNEL, "channel", "help_offer"),
        sees(BEN, "dm", "help_offer"),
    ),
    step(0, "10:20", N_("Ben offers his help"), acts.ben_offers, sees(ANA, "dm"), sees(BEN, "only_you")),
    step(
        0,
        "11:10",
        N_("Ana marks her request resolved and thanks Ben"),
        acts.ana_resolves,
        sees(ANA, "form", "help_resolve_form"),
        sees(CHANNEL, "edit"),
        sees(BEN, "dm"),
    ),
    step(0, "12:00", N_("The stand-up closes: the summary in the channel"), None, sees(CHANNEL, "channel")),
    step(
        1,
        "10:00",
        N_("Chloé proposes a training"),
        acts.propose_training,
        sees(CHLOE, "form", "training_propose"),
        sees(CHANNEL, "channel", "training_signup", "training_cancel"),
    ),
    step(
        1,
        "10:30",
        N_("Ana and Ben take the two seats; Moussa goes on the waiting list"),
        acts.sign_up,
        sees(ANA, "file"),
        sees(BEN, "file"),
        sees(MOUSSA, "only_you"),
        sees(CHANNEL, "edit"),
    ),
    step(
        2, "17:00", N_("The bot asks the mentor for her check-in"), None, sees(HELENE, "dm", "checkin_open")
    ),
    step(2, "17:15", N_("Hélène checks in"), acts.mentor_checks_in, sees(HELENE, "form", "checkin_answer")),
    step(4, "16:00", N_("The weekly digests go out"), None, sees(HELENE, "dm"), sees(NADIA, "dm")),
)
