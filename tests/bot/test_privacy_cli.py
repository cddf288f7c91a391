"""`cohortbot privacy-record` and `cohortbot forget` as an operator runs them."""

from __future__ import annotations

import pytest

from bot.cli import main
from tests.handlers.cohorts.cohort_helpers import workspace  # noqa: F401 - a fixture, found by name


@pytest.fixture
def operator(monkeypatch, tmp_path, database_url, fake_slack):
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "COHORTBOT_ADMINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.url)
    monkeypatch.setenv("COHORTBOT_LANG", "en")
    monkeypatch.setenv("COHORTBOT_PRIVACY_CONTACT", "dpo@example.org")
    return tmp_path


def test_the_record_names_every_table_of_personal_data_and_the_contact(operator, capsys):
    assert main(["privacy-record"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Record of processing activities")
    assert (
        "dpo@example.org" in out and "## standups" in out and "Tables: standup_entry, standup_absence" in out
    )


def test_forget_someone_unknown_is_one_line_and_exit_2(operator, capsys):
    assert main(["forget", "U404"]) == 2
    assert capsys.readouterr().err.strip() == "cohortbot: The bot keeps nothing about <@U404>."


def test_forget_in_an_unknown_cohort_is_one_line_and_exit_2(operator, workspace, capsys):  # noqa: F811
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    assert main(["forget", "<@UANA>", "--cohort", "eig99"]) == 2
    assert "eig99" in capsys.readouterr().err
    assert main(["forget", "<@UANA>", "--cohort", "eig7"]) == 0
    assert "forget: " in capsys.readouterr().out
    assert workspace.members("eig7") == set()
    assert "UANA" not in (operator / "cohortbot-erasures.jsonl").read_text()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            [
                "utilisation\u00a0: cohortbot forget [-h] [--cohort NOM] ID_SLACK",
                "efface les textes libres et l’identité d’une personne",
                "ID_SLACK      l’identifiant Slack de la personne (U…), ou <@U…>",
                "--cohort NOM  n’efface que ce qui appartient à cette cohorte",
                "affiche cette aide et quitte",
            ],
        ),
        (
            "en",
            [
                "usage: cohortbot forget [-h] [--cohort NAME] USER_ID",
                "erase a person's free text and identity",
                "USER_ID        the person's Slack user ID (U…), or <@U…>",
                "--cohort NAME  erase only what belongs to this cohort",
                "show this help message and exit",
            ],
        ),
    ],
)
def test_forget_help_follows_the_operator_language(monkeypatch, capsys, lang, expected):
    monkeypatch.setenv("COHORTBOT_LANG", lang)
    with pytest.raises(SystemExit) as exit_:
        main(["forget", "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert [line for line in expected if line not in out] == [], out


@pytest.mark.parametrize(
    ("lang", "help_line", "missing"),
    [
        (
            "fr",
            "le registre des traitements, tiré de ce que déclarent les fonctions",
            "cohortbot forget\u00a0: erreur\u00a0: ces arguments sont obligatoires\u00a0: ID_SLACK",
        ),
        (
            "en",
            "the record of processing, from what the features declare",
            "the following arguments are required: USER_ID",
        ),
    ],
)
def test_privacy_record_help_and_a_missing_person_follow_the_operator_language(
    monkeypatch, capsys, lang, help_line, missing
):
    monkeypatch.setenv("COHORTBOT_LANG", lang)
    with pytest.raises(SystemExit):
        main(["privacy-record", "--help"])
    assert help_line in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["forget"])
    assert exit_.value.code == 2 and missing in capsys.readouterr().err


def test_the_french_record_follows_french_typography(operator, monkeypatch, capsys):
    monkeypatch.setenv("COHORTBOT_LANG", "fr")
    assert main(["privacy-record"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Registre des activités de traitement")
    assert "\nFinalité\u00a0: " in out and "Tables\u00a0: standup_entry, standup_absence" in out
