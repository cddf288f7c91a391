"""Help that fits the person: `help` after every member command answers its uses and does nothing
else, and `/cohort help` shows what the caller may do, grouped, one example each."""

from __future__ import annotations

import pytest

from bot.standin.payloads import dispatch, slash_command
from tests.support.standup_world import texts

COMMANDS = {
    "/standup": ("/standup skip", "/standup history @ana 7"),
    "/ask": ("/ask Comment interroger l’API de l’INSEE\u202f?",),
    "/skills": ("/skills who data viz",),
    "/training": ("/training propose", "/training mine"),
    "/checkin": ("/checkin share text",),
    "/pairing": (
        "Où vous en êtes dans les tours de binômes\u00a0: `/pairing`",
        "/pairing pause until 2026-04-30",
    ),
}


def ask(workspace, command: str, text: str, user: str = "UANA") -> list[dict]:
    url = workspace.fake.new_response_url()
    dispatch(
        workspace.app,
        slash_command(
            command, text, user_id=user, response_url=url, trigger_id=workspace.fake.new_trigger_id()
        ),
    )
    return [r.body for r in workspace.fake.responses() if r.url == url]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("word", ["help", "HELP", "aide", "?"])
def test_help_answers_the_commands_uses_and_opens_nothing(workspace, command, word):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    before, forms = workspace.state(), workspace.fake.count("views.open")
    [answer] = ask(workspace, command, word)
    assert answer["response_type"] == "ephemeral"
    read = texts(answer)
    assert read.startswith(f"*{command}*\u00a0: ce qu’elle permet")
    for example in COMMANDS[command]:
        assert example in read
    assert "/cohort" in read  # the other commands are named
    assert workspace.fake.count("views.open") == forms and workspace.state() == before


def test_ask_with_a_question_still_opens_the_form(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    assert ask(workspace, "/ask", "help me with pandas") == []
    [opened] = workspace.fake.calls("views.open")
    assert "help me with pandas" in str(opened.params["view"])


def cohort_help(workspace, user: str) -> str:
    return texts(workspace.cohort("help", user=user))


def test_a_fellow_sees_only_what_a_member_may_do(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    read = cohort_help(workspace, "UANA")
    assert "*Tous les membres*" in read and "`/cohort show eig7`" in read and "`/cohort list`" in read
    assert "`/cohort privacy eig7`" in read and "`/cohort mydata`" in read
    for admin_only in (
        "/cohort create",
        "/cohort add",
        "/cohort standup",
        "/cohort edit",
        "Équipe du programme",
    ):
        assert admin_only not in read
    assert "/standup help" in read and "/pairing help" in read


def test_a_cohort_admin_sees_how_to_run_a_cohort_but_not_the_program_teams_commands(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    read = cohort_help(workspace, "UCOADMIN")
    assert "*Faire vivre une cohorte*" in read
    assert (
        "Ajouter des fellows, mentors ou admins\u00a0: `/cohort add eig7 @ana @ben challenge=IA santé`"
        in read
    )
    assert "`/cohort standup eig7 days=lun-ven time=09:30 close=12:00`" in read
    assert "/cohort create" not in read and "/cohort unarchive" not in read


def test_the_program_team_sees_every_group(workspace):
    read = cohort_help(workspace, "UADMIN")
    for title in ("*Équipe du programme*", "*Faire vivre une cohorte*", "*Tous les membres*"):
        assert title in read
    assert read.index("/cohort create") < read.index("/cohort add") < read.index("/cohort show")
    # one line per sub-command, each with its example
    assert all(line.count("`/cohort ") == 1 for line in read.splitlines() if line.startswith("• "))


def test_pairing_help_is_in_english_for_an_english_cohort(workspace):
    workspace.say("create promo <#C100> tz=Europe/London lang=en country=GB")
    workspace.say("add promo <@UANA>")
    [answer] = ask(workspace, "/pairing", "help")
    assert texts(answer).splitlines()[:4] == [
        "*/pairing*: what it does",
        "• Where you stand in the pairing rounds: `/pairing`",
        "• A break from the rounds, until a date or until you resume: "
        "`/pairing pause until 2026-04-30 · /pairing resume`",
        "• Leave the pairing rounds: `/pairing off`",
    ]
    assert "/pairing" in texts(ask(workspace, "/standup", "help")[0])  # named among the others
