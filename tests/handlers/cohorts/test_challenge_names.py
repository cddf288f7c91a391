"""Challenges keep the name people typed (`IA santé`) wherever they are shown; the slug only matches."""

from __future__ import annotations

import json

import pytest

from bot.cli import main


def test_a_name_typed_with_spaces_quoted_or_not_is_one_challenge(workspace):
    workspace.say("create eig7 <#C100>")
    text = workspace.say('add eig7 <@UANA> challenge="IA santé"')
    assert "Nouveau défi IA santé créé dans eig7." in text
    text = workspace.say("add eig7 <@UBEN> challenge=ia Santé")
    assert "<@UBEN> est maintenant fellow de eig7, défi IA santé." in text and "Nouveau défi" not in text
    workspace.say("add eig7 <@UMENTOR> challenge=IA SANTE as mentor")
    assert workspace.members("eig7") == {
        ("UANA", "fellow", "ia-sante"),
        ("UBEN", "fellow", "ia-sante"),
        ("UMENTOR", "mentor", "ia-sante"),
    }
    shown = str(workspace.cohort("show eig7")["blocks"])
    assert "*IA santé*" in shown and "ia-sante" not in shown
    assert "fellow, défi IA santé" in shown  # the audit lines


def test_a_challenge_known_by_its_slug_takes_the_name_typed_later(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA> challenge=donnees-education")
    workspace.say("add eig7 <@UBEN> challenge=Données éducation")
    workspace.say("add eig7 <@UEVA> challenge=DONNEES-EDUCATION")
    with workspace.ctx.uow() as uow:
        [challenge] = uow.cohorts.challenges(uow.cohorts.by_name("eig7").id)
    assert (challenge.slug, challenge.name) == ("donnees-education", "Données éducation")


def test_a_quote_left_open_takes_the_words_after_it(workspace):
    workspace.say("create eig7 <#C100>")
    assert "Nouveau défi IA santé créé" in workspace.say('add eig7 <@UANA> challenge="IA santé')


def test_typed_markup_in_a_challenge_name_is_shown_as_text(workspace):
    workspace.say("create eig7 <#C100>")
    text = workspace.say("add eig7 <@UANA> challenge=R&amp;D &lt;b&gt;")
    assert "R&amp;D &lt;b&gt;" in text and "<b>" not in text


def test_a_challenge_name_too_long_is_refused_with_the_usage(workspace):
    workspace.say("create eig7 <#C100>")
    before = workspace.state()
    text = workspace.say("add eig7 <@UANA> challenge=" + "x" * 101)
    assert text.startswith("Un nom de défi a au plus 100 caractères\u202f; celui-ci en a 101.")
    assert text.endswith(
        "Utilisation\u00a0: /cohort add NOM @personne… [as fellow|mentor|admin] [challenge=DÉFI]"
    )
    assert workspace.state() == before


def test_the_roster_keeps_the_challenge_as_written_and_the_export_shows_it(
    workspace, monkeypatch, tmp_path, database_url, fake_slack, capsys
):
    workspace.say("create eig7 <#C100>")
    for name in ("SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "COHORTBOT_ADMINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.url)
    roster = tmp_path / "eig7.csv"
    roster.write_text("slack_id;role;challenge\nU0ANA;fellow;IA santé\nU0BEN;mentor;ia sante\n", "utf-8")
    assert main(["import-roster", str(roster), "--cohort", "eig7"]) == 0
    assert main(["export", "--cohort", "eig7", "--format", "json", "--out", str(tmp_path / "e.json")]) == 0
    exported = json.loads((tmp_path / "e.json").read_text("utf-8"))
    assert exported["challenges"] == [{"slug": "ia-sante", "name": "IA santé"}]
    assert {(m["slack_id"], m["challenge"]) for m in exported["members"]} == {
        ("U0ANA", "IA santé"),
        ("U0BEN", "IA santé"),
    }


@pytest.mark.parametrize(
    "typed,problem",
    [
        ('add eig7 <@UANA> challenge=""', "L’option challenge n’a pas de valeur."),
        ("add eig7 <@UANA> challenge=“ ”", "L’option challenge n’a pas de valeur."),
        ('add eig7 <@UANA> challenge="!!!"', "«\u202f!!!\u202f» ne peut pas être un nom de défi"),
        ("add eig7 <@UANA> challenge=IA challenge=Data", "L’option challenge est indiquée deux fois."),
    ],
)
def test_a_bad_challenge_name_is_one_sentence_with_the_usage_and_changes_nothing(workspace, typed, problem):
    workspace.say("create eig7 <#C100>")
    before = workspace.state()
    sentence, usage = workspace.say(typed).split("\n")
    assert problem in sentence and usage.startswith("Utilisation\u00a0: /cohort add NOM")
    assert workspace.state() == before
