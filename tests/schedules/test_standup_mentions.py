"""No naming and shaming: the summary names people without notifying them, unless the cohort asks.

Who skipped or is away is never notified about that day: no reminder, no mention.
"""

from __future__ import annotations

import json

import pytest

from tests.handlers.standups.standup_helpers import Standups
from tests.support.program_week import Week, utc

MONDAY_0930, MONDAY_10H30, MONDAY_NOON = (
    utc(2026, 3, 2, 8, 30),
    utc(2026, 3, 2, 9, 30),
    utc(2026, 3, 2, 11, 0),
)


class Monday(Week):
    def __init__(self, workspace, clock):
        super().__init__(workspace, clock)
        self.members = Standups(workspace, clock)

    def standup(self, text: str, user: str) -> list[dict]:
        return self.members.standup(text, user)[1]

    def play(self) -> None:
        """UANA answers, UBEN skips, UCHLOE declares an absence after the prompt, UDAVID stays silent."""
        self.at(MONDAY_0930)
        self.clock.set(utc(2026, 3, 2, 8, 45))
        assert self.standup("skip", "UBEN") and self.standup("away 2026-03-02..2026-03-03", "UCHLOE")
        view, _ = self.members.standup("", "UANA")
        assert view is not None
        self.members.submit(view, {"q1": "Revue", "q2": "Démo", "q3": "Rien"}, "UANA")
        self.at(MONDAY_10H30)
        self.at(MONDAY_NOON)


@pytest.fixture
def played(workspace, clock):
    clock.set(utc(2026, 3, 1, 18, 0))
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA> <@UBEN> <@UCHLOE> <@UDAVID> challenge=ia-sante")
    workspace.say("standup eig7 time=09:30 remind=60 close=12:00")
    return Monday(workspace, clock)


def test_by_default_the_summary_names_people_without_a_single_mention(played):
    played.play()
    summary = played.raw_channel()[-1]
    text = played.channel()[-1]
    assert "Participation\u00a0: 1/2" in text
    assert "*Sans réponse*\u00a0: david" in text  # the display name, as plain text
    assert "Ont passé leur tour\u00a0: ben" in text and "Absents\u00a0: chloe" in text
    for user in ("UBEN", "UCHLOE", "UDAVID"):
        assert f"<@{user}" not in json.dumps(summary), f"{user} is notified by the summary"
    # The reminder reached only the one who neither answered, skipped nor declared an absence.
    reminders = {
        u: [m for m in played.prompts(u) if "Rappel" in m["text"]] for u in ("UANA", "UBEN", "UCHLOE")
    }
    assert reminders == {"UANA": [], "UBEN": [], "UCHLOE": []}
    assert len(played.prompts("UDAVID")) == 2 and "Rappel" in played.prompts("UDAVID")[-1]["text"]


def test_mention_on_mentions_only_who_did_not_answer_and_is_stored_shown_and_audited(played):
    reply = played.ws.say("standup eig7 mention=on")
    assert "Le bilan mentionne qui n’a pas répondu." in reply
    shown = json.dumps(played.ws.cohort("show eig7"), ensure_ascii=False)
    assert (
        "Le bilan mentionne qui n’a pas répondu." in shown
        and "a changé le stand-up, `mention`\u00a0: on" in shown
    )
    played.play()
    summary = json.dumps(played.raw_channel()[-1], ensure_ascii=False)
    assert "<@UDAVID>" in summary
    assert "<@UBEN>" not in summary and "<@UCHLOE>" not in summary
    played.ws.say("standup eig7 mention=off")
    assert "sans les notifier" in json.dumps(played.ws.cohort("show eig7"), ensure_ascii=False)


def test_a_wrong_mention_value_is_one_sentence_and_the_usage_and_changes_nothing(played):
    before = played.ws.state(), _settings(played)
    reply = played.ws.say("standup eig7 mention=maybe")
    first, usage = reply.split("\n")
    assert first == "mention vaut on|off\u00a0: «\u202fmaybe\u202f» n’est pas possible."
    assert usage.startswith("Utilisation\u00a0: /cohort standup") and "[mention=on|off]" in usage
    assert (played.ws.state(), _settings(played)) == before


def _settings(week: Week):
    with week.ws.ctx.uow() as uow:
        return uow.standups.settings(uow.cohorts.by_name("eig7").id)


def test_a_name_is_written_as_text_even_when_it_looks_like_markup(played):
    played.fake.add_user("UZOE", name="<!here> Zoé & co", tz="Europe/Paris", locale="fr-FR")
    played.ws.say("add eig7 <@UZOE>")
    played.play()
    summary = json.dumps(played.raw_channel()[-1], ensure_ascii=False)
    assert "&lt;!here&gt; Zoé &amp; co" in summary and "<!here>" not in summary
