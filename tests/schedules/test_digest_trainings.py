"""The trainings to come in each reader's digest: where they stand with each session, and the one
button that fits, which works from the digest's DM as it does from `/training`."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.standin.payloads import block_action, dispatch
from tests.handlers.trainings.training_helpers import Trainings
from tests.support.rituals import Rituals

# Friday 6 March 2026, 16:00 in Paris: the digests' hour.
FRIDAY_16H = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)

WORDS = {
    "fr": {
        "title": "*Formations à venir*",
        "sign_up": "M’inscrire",
        "cancel": "Annuler mon inscription",
        "join": "Rejoindre la liste d’attente",
        "leave": "Quitter la liste d’attente",
        "seat": "places restantes\u00a0: 1 · vous avez une place",
        "waiting": "complet · vous êtes en position 2 sur la liste d’attente",
        "facilitate": "places restantes\u00a0: 5 · vous animez cette session",
        "full": "par <@UANA> · complet",
        "signed_up": "Vous avez une place à *Pandas*.",
    },
    "en": {
        "title": "*Upcoming trainings*",
        "sign_up": "Sign me up",
        "cancel": "Cancel my sign-up",
        "join": "Join the waitlist",
        "leave": "Leave the waitlist",
        "seat": "seats left: 1 · you have a seat",
        "waiting": "full · you are number 2 on the waitlist",
        "facilitate": "seats left: 5 · you facilitate",
        "full": "by <@UANA> · full",
        "signed_up": "You have a seat at *Pandas*.",
    },
}


@pytest.fixture(params=["fr", "en"])
def lang(request) -> str:
    return request.param


@pytest.fixture
def cohort(workspace, clock, lang):
    """eig7: four fellows, the mentors UMENTOR and UEVA, the admin UCOADMIN; three sessions next week.

    UMENTOR has a seat at Pandas, is second in line for SQL (full) and facilitates Git."""
    trainings = Trainings(workspace)
    workspace.say("add eig7 <@UMENTOR> <@UEVA> as mentor")
    workspace.say("digest eig7")
    if lang == "en":
        workspace.say("edit eig7 lang=en")
    sessions = {
        "Pandas": trainings.propose("UANA", title="Pandas", capacity="2", day="2026-03-10"),
        "SQL": trainings.propose("UANA", title="SQL", capacity="1", day="2026-03-11"),
        "Git": trainings.propose("UMENTOR", title="Git", capacity="5", day="2026-03-12"),
    }
    trainings.click("training_signup", sessions["Pandas"], "UMENTOR")
    for user in ("UBEN", "UCHLOE", "UMENTOR"):
        trainings.click("training_signup", sessions["SQL"], user)
    return trainings, Rituals(workspace, clock), sessions


def upcoming_lines(message: dict, title: str) -> dict[str, dict | None]:
    """The digest's lines about sessions to come, by session title: the button beside each, if any."""
    blocks = message["blocks"]
    start = next(i for i, b in enumerate(blocks) if b.get("text", {}).get("text", "").startswith(title))
    found = {}
    for block in blocks[start:]:
        for line in block.get("text", {}).get("text", "").split("\n"):
            for name in ("Pandas", "SQL", "Git"):
                if f"“{name}”" in line or f"«\u202f{name}\u202f»" in line:
                    found[name] = (line, block.get("accessory"))
    return found


def labels(lines: dict) -> dict[str, str | None]:
    return {name: (button["text"]["text"] if button else None) for name, (_line, button) in lines.items()}


def test_each_reader_sees_where_they_stand_and_the_button_that_fits(cohort, lang):
    trainings, rituals, sessions = cohort
    words = WORDS[lang]
    rituals.at(FRIDAY_16H)
    mine = upcoming_lines(rituals.dms("UMENTOR")[-1], words["title"])
    assert labels(mine) == {"Pandas": words["cancel"], "SQL": words["leave"], "Git": None}
    assert words["seat"] in mine["Pandas"][0]
    assert words["waiting"] in mine["SQL"][0]
    assert words["facilitate"] in mine["Git"][0]
    assert [mine[name][1]["action_id"] for name in ("Pandas", "SQL")] == ["training_cancel"] * 2
    assert mine["Pandas"][1]["value"] == str(sessions["Pandas"])

    other = upcoming_lines(rituals.dms("UEVA")[-1], words["title"])
    assert labels(other) == {"Pandas": words["sign_up"], "SQL": words["join"], "Git": words["sign_up"]}
    assert other["SQL"][0].endswith(words["full"])
    assert {button["action_id"] for _line, button in other.values()} == {"training_signup"}

    admin = upcoming_lines(rituals.dms("UCOADMIN")[-1], words["title"])
    assert labels(admin) == {"Pandas": words["sign_up"], "SQL": words["join"], "Git": words["sign_up"]}


def test_the_program_team_outside_the_cohort_reads_the_sessions_without_buttons(cohort, workspace, lang):
    _trainings, rituals, _sessions = cohort
    workspace.say("remove eig7 <@UCOADMIN>")
    rituals.at(FRIDAY_16H)
    team = upcoming_lines(rituals.dms("UADMIN")[-1], WORDS[lang]["title"])
    assert labels(team) == {"Pandas": None, "SQL": None, "Git": None}


def test_the_digests_button_signs_the_reader_up_and_answers_them(cohort, lang):
    trainings, rituals, sessions = cohort
    rituals.at(FRIDAY_16H)
    digest = rituals.dms("UEVA")[-1]
    _line, button = upcoming_lines(digest, WORDS[lang]["title"])["Pandas"]
    url = trainings.fake.new_response_url()
    payload = block_action(
        button["action_id"],
        button["value"],
        user_id="UEVA",
        channel_id=trainings.fake.dm_channel("UEVA"),
        message=digest,
        response_url=url,
    )
    assert dispatch(trainings.app, payload).status == 200
    [answer] = [r.body for r in trainings.fake.responses() if r.url == url]
    assert answer["response_type"] == "ephemeral"
    assert answer["text"].startswith(WORDS[lang]["signed_up"])
    assert trainings.signups(sessions["Pandas"])["UEVA"] == "confirmed"
    assert len(trainings.files("UEVA")) == 1  # the calendar invitation
