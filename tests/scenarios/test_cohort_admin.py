"""A new program admin sets up two cohorts, as a newcomer would: the form first, then commands, then a
roster file; every slip on the way is answered with one clear sentence and changes nothing."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.standin.payloads import select
from handlers import ids


def slip(workspace, typed: str, words: str, user: str = "UADMIN") -> None:
    """A mistake: named in one sentence, followed by the usage line, with nothing changed."""
    before = workspace.state()
    sentence, usage = workspace.say(typed, user=user).split("\n")
    assert words in sentence
    assert usage.startswith(("Utilisation", "Usage"))
    assert workspace.state() == before


@pytest.fixture
def operator(monkeypatch, tmp_path, database_url, fake_slack):
    for name in ("SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "COHORTBOT_ADMINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.url)
    return tmp_path


def test_a_new_admin_sets_up_two_cohorts(workspace, operator, capsys):
    # 1. Not sure of the syntax, the admin types /cohort alone: a form to create the first cohort.
    view, _ = workspace.open_form()
    assert view["private_metadata"] == ids.MODE_CREATE
    values = {
        "name": "EIG 7",
        "channel": {"type": "conversations_select", "selected_conversation": "C100"},
        "timezone": select("Europe/Paris"),
        "lang": select("fr"),
        "country": "FR",
        "start": {"type": "datepicker", "selected_date": "2026-01-05"},
        "end": {"type": "datepicker", "selected_date": "2025-12-18"},
    }
    answer = workspace.submit(ids.MODE_CREATE, values)
    assert set(answer["errors"]) == {"name", "end"}
    assert workspace.state()[0] == []
    values.update(name="eig7", end={"type": "datepicker", "selected_date": "2026-12-18"})
    assert workspace.submit(ids.MODE_CREATE, values) is None
    assert workspace.dms()[-1].startswith("Cohorte eig7 créée")
    assert workspace.fake.count("conversations.join") == 1

    # 2. They read the help, then create the second cohort by command, slipping twice first.
    assert "/cohort create" in workspace.say("help")
    slip(workspace, "create eig7-en #eig8", "#eig8")
    slip(workspace, "create eig7-en <#C200|eig8> tz=Paris", "Paris")
    slip(workspace, "create EIG7 <#C200|eig8>", "existe déjà")
    assert workspace.say("create eig7-en <#C200|eig8> lang=en start=2026-01-05 end=2026-12-18").startswith(
        "Cohort eig7-en created"
    )

    # 3. They fill the first cohort by command.
    slip(workspace, "add eig77 <@UANA> <@UBEN>", "eig77")
    slip(workspace, "add eig7 <@UANA> <@U0BOT|cohortbot>", "bot")
    slip(workspace, "add eig7 @ana", "@ana")
    workspace.say("add eig7 <@UANA|ana> <@UBEN|ben> challenge=ia-sante")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia-sante")
    workspace.say("holiday eig7 2026-05-15 pont de l’Ascension")

    # 4. The second one by the form, in English.
    view, _ = workspace.open_form()
    assert [
        o["value"] for b in view["blocks"] if b.get("block_id") == "cohort" for o in b["element"]["options"]
    ] == ["eig7", "eig7-en"]
    people = {"type": "multi_users_select", "selected_users": ["UCHLOE", "UDAVID"]}
    assert (
        workspace.submit(
            ids.MODE_ADD,
            {
                "cohort": select("eig7-en"),
                "people": people,
                "role": select("fellow"),
                "challenge": "Open data",
            },
        )
        is None
    )
    assert workspace.dms()[-1].startswith("New challenge Open data created in eig7-en.")

    # 5. And the rest of the first cohort from the program's spreadsheet, fixing one bad row.
    workspace.fake.add_user("UFANNY", name="fanny", email="fanny@example.org")
    workspace.fake.add_user("UGUS", name="gus", email="gus@example.org")
    roster = operator / "eig7.csv"
    roster.write_text(
        "email;role;challenge\nfanny@example.org;fellow;IA santé\ngus@exemple.org;fellow;IA santé\n",
        encoding="utf-8-sig",
    )
    assert main(["import-roster", str(roster), "--cohort", "eig7"]) == 2
    assert "Ligne 3" in capsys.readouterr().err
    roster.write_text(
        roster.read_text(encoding="utf-8-sig").replace("exemple", "example"), encoding="utf-8-sig"
    )
    assert main(["import-roster", str(roster), "--cohort", "eig7"]) == 0
    assert main(["import-roster", str(roster), "--cohort", "eig7"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("eig7\u00a0: 0 ")

    # 6. list and show: what exists, and what the bot is about to do.
    listed = workspace.say("list")
    assert "*eig7*" in listed and "*eig7-en*" in listed
    assert workspace.members("eig7") == {
        ("UANA", "fellow", "ia-sante"),
        ("UBEN", "fellow", "ia-sante"),
        ("UMENTOR", "mentor", "ia-sante"),
        ("UFANNY", "fellow", "ia-sante"),
        ("UGUS", "fellow", "ia-sante"),
    }
    shown = "\n".join(str(block) for block in workspace.cohort("show eig7")["blocks"])
    for person in ("<@UANA>", "<@UBEN>", "<@UMENTOR>", "<@UFANNY>", "<@UGUS>"):
        assert person in shown
    assert "15 mai 2026" in shown and "stand-up" in shown and "la ligne de commande a importé" in shown
    english = str(workspace.cohort("show eig7-en")["blocks"])
    assert "*Open data*" in english and "No stand-up scheduled." in english

    # 7. A fellow who tries an admin command is refused, and nothing moves.
    before = workspace.state()
    assert workspace.say("archive eig7", user="UANA").startswith("Réservé")
    assert workspace.say("remove eig7 <@UBEN>", user="UANA").startswith("Réservé")
    assert workspace.state() == before
