"""What the people of the demo do, each move through the bot's public surface: slash commands,
buttons and forms found by their interactive ids, and the `import-roster` command. What they type
is in the catalogue, so the week reads in one language."""

from __future__ import annotations

from collections.abc import Callable

from bot.demo.cast import ANA, BEN, CHANNEL, CHLOE, HELENE, MOUSSA, NADIA, Person, roster_csv
from bot.demo.stage import Stage
from domain.messages import N_
from handlers.i18n import gettext

Act = Callable[[Stage], list[str]]


def _said(stage: Stage, text: str) -> str:
    return gettext(text, stage.lang)


def create_cohort(stage: Stage) -> list[str]:
    text = f"create eig7 <#{CHANNEL}|eig7> tz=Europe/Paris lang={stage.lang} start=2026-03-02 end=2026-07-03"
    stage.command(NADIA, "/cohort", text)
    return []


def import_roster(stage: Stage) -> list[str]:
    return ["$ cohortbot import-roster roster.csv --cohort eig7", *stage.import_roster(roster_csv())]


def plan_rituals(stage: Stage) -> list[str]:
    stage.command(NADIA, "/cohort", "standup eig7 days=mon time=09:30 remind=60 close=12:00")
    stage.command(NADIA, "/cohort", "checkin eig7 every=1 day=wed time=17:00")
    stage.command(NADIA, "/cohort", "digest eig7 day=fri time=16:00")
    return []


def share_skills(stage: Stage) -> list[str]:
    stage.command(BEN, "/skills", "add Python, SQL")
    stage.command(CHLOE, "/skills", "add Python, dataviz")
    return []


def answer(person: Person, done: str, next_: str, blocker: str) -> Act:
    def act(stage: Stage) -> list[str]:
        stage.click(person, "standup_open")
        said = {"q1": _said(stage, done), "q2": _said(stage, next_), "q3": _said(stage, blocker)}
        stage.submit(person, said)
        return []

    return act


def ben_skips(stage: Stage) -> list[str]:
    stage.click(BEN, "standup_skip")
    return []


def the_others_answer(stage: Stage) -> list[str]:
    answer(CHLOE, N_("User interviews"), N_("Write up the interviews"), N_("Nothing"))(stage)
    answer(MOUSSA, N_("Data cleaning"), N_("First dashboard"), N_("Nothing"))(stage)
    return []


def blocker_to_help(stage: Stage) -> list[str]:
    stage.click(ANA, "standup_blocker_to_help")
    stage.submit(ANA, {"skills": "python"})
    return []


def ben_offers(stage: Stage) -> list[str]:
    stage.click(BEN, "help_offer")
    return []


def ana_resolves(stage: Stage) -> list[str]:
    stage.click(ANA, "help_resolve")
    stage.submit(ANA, {"thanks": _said(stage, N_("Thanks Ben, the access works now!"))})
    return []


def propose_training(stage: Stage) -> list[str]:
    stage.command(CHLOE, "/training", "propose")
    proposal = {
        "title": _said(stage, N_("Pandas for beginners")),
        "description": _said(stage, N_("Read, filter and group data, with exercises.")),
        "starts_at": "2026-03-05",
        "starts_at_time": "14:00",
        "duration": "60",
        "capacity": "2",
        "location": _said(stage, N_("Room 4.12")),
    }
    stage.submit(CHLOE, proposal)
    return []


def sign_up(stage: Stage) -> list[str]:
    for person in (ANA, BEN, MOUSSA):
        stage.click(person, "training_signup")
    return []


def mentor_checks_in(stage: Stage) -> list[str]:
    stage.click(HELENE, "checkin_open")
    said = {
        "rating": "4",
        "going_well": _said(stage, N_("The fellows help each other a lot.")),
        "blockers": _said(stage, N_("Access to the SIRENE database took a day.")),
        "needs": _said(stage, N_("An introduction to the data team.")),
    }
    stage.submit(HELENE, said)
    return []


ANA_ANSWERS = answer(
    ANA,
    N_("Cleaned the company data"),
    N_("Join the two sources"),
    N_("My access to the SIRENE database is blocked"),
)
