"""`/cohort pairing`, `/pairing`, the pairing's line in `/cohort show`, its Home section and its
export, through the real Bolt app: every mistake is one sentence and the usage, nothing changed."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from bot.features import SOURCES
from bot.standin.block_kit import check_view
from bot.standin.payloads import block_action, dispatch, event_callback, slash_command
from domain.cohorts.export import cohort_history
from handlers import ids
from schedules.engine import tick
from schedules.pairing import PairingJob

USAGE = "Utilisation\u00a0: /cohort pairing NOM"
PAIRING_USAGE = "Utilisation\u00a0: /pairing pause [until AAAA-MM-JJ]"
MONDAY_10H = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)  # Paris is UTC+1


@pytest.fixture
def cohort(workspace, clock):
    workspace.say("create eig7 <#C100> tz=Europe/Paris")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=ia-sante")
    workspace.say("add eig7 <@UCHLOE> <@UDAVID> challenge=data-eau")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia-sante")
    return workspace


def pairing(workspace, text: str, user: str) -> str:
    url = workspace.fake.new_response_url()
    dispatch(workspace.app, slash_command("/pairing", text, user_id=user, response_url=url))
    [answer] = [r.body for r in workspace.fake.responses() if r.url == url]
    assert answer["response_type"] == "ephemeral"
    return answer["text"]


def settings(workspace):
    with workspace.ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7")
        return uow.pairings.settings(cohort.id), uow.pairings.never_pairs(cohort.id)


def test_settings_are_confirmed_with_the_next_rounds(cohort):
    text = cohort.say("pairing eig7 every=2 day=lun time=10:00 size=3 who=fellows+mentors")
    assert text.startswith(
        "Tours de binômes pour eig7\u00a0: toutes les 2 semaines, le lundi à 10\u00a0h heure de Paris,"
        " groupes de trois parmi les fellows et mentors."
    )
    assert (
        "Prochains tours\u00a0: <!date^1772442000^{date_long_pretty} {time}|lundi 2 mars 2026, 10\u00a0h heure de Paris>"
        " · <!date^" in text
    )
    saved, _ = settings(cohort)
    assert (saved.every, saved.day, saved.size, saved.who.value) == (2, "mon", 3, "fellows+mentors")
    assert cohort.say("pairing eig7 off") == "Les tours de binômes de eig7 sont arrêtés."


def test_an_english_cohort_reads_its_rounds_in_english(cohort):
    cohort.say("create eig8 <#C200> lang=en")
    text = cohort.say("pairing eig8 every=1 day=mon time=10:00")
    assert text.startswith("Pairing rounds for eig8: every week, on Monday at 10:00 Paris time, ")
    assert (
        "Next rounds: <!date^1772442000^{date_long_pretty} {time}|Monday 2 March 2026, 10:00 Paris time>"
        " · <!date^" in text
    )


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("pairing eig7 size=4", "size vaut 2 ou 3\u00a0: «\u202f4\u202f» ne convient pas."),
        ("pairing eig7 every=5", "every"),
        ("pairing eig7 who=admins", "who vaut fellows ou fellows+mentors"),
        ("pairing eig7 day=someday", "someday"),
        ("pairing eig7 off size=2", "off"),
        ("pairing eig7 never <@UANA> <@UGONE>", "<@UGONE> n’est pas membre de eig7"),
        ("pairing eig7 never <@UANA>", "Nommez au moins deux personnes"),
        ("pairing eig7 never <@UANA> <@UANA>", "La même personne est nommée deux fois."),
    ],
)
def test_a_mistake_is_one_sentence_and_the_usage_and_changes_nothing(cohort, text, sentence):
    cohort.say("pairing eig7 every=1")
    before = settings(cohort)
    answer = cohort.say(text)
    problem, usage = answer.split("\n")
    assert sentence in problem and usage.startswith(USAGE)
    assert settings(cohort) == before


def test_never_pairs_are_kept_and_taken_back(cohort):
    assert cohort.say("pairing eig7 never <@UANA> <@UCHLOE>") == (
        "Dans eig7, <@UANA>, <@UCHLOE> ne seront jamais mis ensemble."
    )
    assert settings(cohort)[1] == {frozenset(("UANA", "UCHLOE"))}
    cohort.say("pairing eig7 allow <@UANA> <@UCHLOE>")
    assert settings(cohort)[1] == set()


def test_a_member_pauses_resumes_and_leaves(cohort, clock):
    clock.set(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    assert pairing(cohort, "", "UANA").startswith("Vous participez aux tours de binômes.")
    assert pairing(cohort, "pause until 2026-03-20", "UANA").startswith(
        "Vos binômes sont en pause jusqu’au 20 mars 2026"
    )
    past = pairing(cohort, "pause until 2026-03-04", "UBEN")
    assert past.split("\n") == [
        "2026-03-04 n’est pas après aujourd’hui\u00a0: donnez la date de votre retour, par exemple la semaine prochaine.",
        "Utilisation\u00a0: /pairing pause [until AAAA-MM-JJ] · /pairing resume · /pairing off",
    ]
    assert pairing(cohort, "pause until 20/03", "UBEN").split("\n")[1].startswith(PAIRING_USAGE)
    assert pairing(cohort, "dance", "UBEN").split("\n")[1].startswith(PAIRING_USAGE)
    with cohort.ctx.uow() as uow:
        assert set(uow.pairings.pauses(["UANA", "UBEN"])) == {"UANA"}
    assert (
        pairing(cohort, "resume", "UANA")
        == "Bon retour\u00a0: vous êtes dans les prochains tours de binômes."
    )
    assert pairing(cohort, "resume", "UANA").startswith("Vos binômes n’étaient pas en pause")
    assert pairing(cohort, "off", "UBEN").startswith("Vous avez quitté les binômes")
    assert pairing(cohort, "pause", "UNOBODY").startswith("Vous n’êtes dans aucune cohorte")


@pytest.mark.parametrize("word", ["help", "aide", "?"])
def test_pairing_help_answers_the_uses_and_changes_nothing(cohort, clock, word):
    clock.set(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    pairing(cohort, "pause until 2026-03-20", "UANA")
    with cohort.ctx.uow() as uow:
        before = uow.pairings.pauses(["UANA", "UBEN"])
    for user in ("UANA", "UBEN"):
        lines = pairing(cohort, word, user).splitlines()
        assert lines[0] == "*/pairing*\u00a0: ce qu’elle permet"
        assert "• Quitter les tours de binômes\u00a0: `/pairing off`" in lines
    with cohort.ctx.uow() as uow:
        assert uow.pairings.pauses(["UANA", "UBEN"]) == before and set(before) == {"UANA"}
    assert pairing(cohort, "", "UBEN").startswith("Vous participez aux tours de binômes.")


def test_show_home_and_export_after_a_round(cohort, clock):
    clock.set(datetime(2026, 3, 2, 7, 0, tzinfo=UTC))
    cohort.say("pairing eig7 every=1 day=mon time=10:00")
    pairing(cohort, "off", "UDAVID")
    shown = json.dumps(cohort.cohort("show eig7"), ensure_ascii=False)
    assert "Tours de binômes pour eig7\u00a0: chaque semaine" in shown
    assert "Jusqu’ici\u00a0: 0 tour, 0/0 groupes ont répondu" in shown
    pinged = next(line for line in shown.split("\\n") if line.startswith("• Destinataires"))
    assert "<@UANA>" in pinged and "<@UCHLOE>" in pinged and "<@UDAVID>" not in pinged
    reports = {r.kind: r.line() for r in tick(cohort.ctx, MONDAY_10H, [PairingJob(SOURCES.away)])}
    assert reports["pairing"] == "pairing: 1 introductions sent"
    [call] = [c for c in cohort.fake.calls("conversations.open") if "," in c.params.get("users", "")]
    people = call.params["users"].split(",")
    assert sorted(people) == ["UANA", "UBEN", "UCHLOE"]  # three fellows: one trio, nobody left out
    channel = call.response["channel"]["id"]
    [intro] = cohort.fake.messages(channel)
    met = next(e for b in intro["blocks"] if b["type"] == "actions" for e in b["elements"])
    assert met["action_id"] == ids.PAIRING_MET
    url = cohort.fake.new_response_url()
    dispatch(
        cohort.app,
        block_action(ids.PAIRING_MET, met["value"], user_id="UMENTOR", message=intro, response_url=url),
    )
    [refused] = [r.body for r in cohort.fake.responses() if r.url == url]
    assert refused["text"].startswith("Cette présentation est pour les personnes qu’elle nomme")
    dispatch(cohort.app, block_action(ids.PAIRING_MET, met["value"], user_id="UANA", message=intro))

    cohort.fake.add_user("UANA", name="ana", tz="Europe/Paris", locale="fr-FR")
    published = cohort.fake.count("views.publish")
    event = {
        "type": "app_home_opened",
        "user": "UANA",
        "channel": cohort.fake.dm_channel("UANA"),
        "tab": "home",
    }
    dispatch(cohort.app, event_callback(event))
    view = cohort.fake.calls("views.publish")[published:][-1].params["view"]
    assert check_view(view) == []
    home = json.dumps(view, ensure_ascii=False)
    assert "Vos binômes" in home and "(vous vous êtes vus)" in home and "<@UBEN>, <@UCHLOE>" in home

    with cohort.ctx.uow() as uow:
        sections = {s.name: s for s in cohort_history(uow, "eig7", SOURCES.export_sections)}
    assert sections["pairing_rounds"].records() == [
        {"round": "2026-03-09", "groups": 1, "people": 3, "answered": 1, "met": 1}
    ]
    [row] = sections["pairing_pairs"].records()
    assert (row["members"], row["channel"], row["outcome"], row["answered_by"]) == (
        "UANA UBEN UCHLOE",
        channel,
        "met",
        "UANA",
    )
    assert date.fromisoformat(row["round"]) == date(2026, 3, 9)
