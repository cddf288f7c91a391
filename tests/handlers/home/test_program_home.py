"""What those who run the program see: the Home tab of the program team and of a cohort's admins,
and `/standup today`, before and after the close. Names are plain text: reading them notifies nobody."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.standin.payloads import block_action, dispatch
from domain.checkins.model import Share
from domain.peer_help.records import NewHelpRequest
from handlers import ids
from tests.handlers.home.test_home import _buttons, _open_home
from tests.handlers.standups.standup_helpers import Standups

MONDAY_0930 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.fixture
def running(workspace, clock) -> Standups:
    """Monday 10:00 in Paris: Ana answered (with a blocker), Ben skipped, Chloé is away, David waits."""
    standups = Standups(workspace, clock)
    workspace.say("create eig7 <#C100|eig7>")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=IA-sante")
    workspace.say("add eig7 <@UCHLOE> <@UDAVID> challenge=donnees")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=IA-sante")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    workspace.say("standup eig7 close=12:00")
    standups.world.tick(MONDAY_0930)
    clock.set(datetime(2026, 3, 2, 8, 45, tzinfo=UTC))
    view, _ = standups.standup("", "UANA")
    standups.submit(view, {"q1": "Revue", "q2": "Démo", "q3": "J’attends l’accès <API>"}, "UANA")
    standups.standup("skip", "UBEN")
    standups.standup("away 2026-03-02..2026-03-03", "UCHLOE")
    clock.set(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    return standups


def _text(view: dict) -> str:
    return json.dumps(view["blocks"], ensure_ascii=False)


@pytest.mark.parametrize("user", ["UADMIN", "UCOADMIN"])
def test_those_who_run_a_cohort_see_its_stand_up_by_challenge_on_their_home(running, user):
    text = _text(_open_home(running, user))
    assert "Vous n’êtes dans aucune cohorte" not in text and "Bienvenue" not in text
    assert "Les stand-ups des cohortes que vous animez" in text
    assert (
        "stand-up du lundi 2 mars 2026, clôture à <!date^1772449200^{time}|12\u00a0h heure de Paris>" in text
    )
    assert "✅ 1 a répondu · ⏭️ 1 a passé son tour · 🌴 1 absent · ⏳ 1 en attente" in text
    assert "*IA-sante*\u00a0: ✅ ana, ⏭️ ben" in text  # the challenge as typed
    assert "🌴 chloe, ⏳ david" in text
    assert (
        "Blocages ouverts\u00a0: ana (depuis le 2 mars 2026)\u00a0: «\u202fJ’attends l’accès &lt;API&gt;\u202f»"
        in text
    )
    assert (
        "Prochaine invitation\u00a0: <!date^1772526600^{date_long_pretty} {time}|mardi 3 mars 2026, 9\u00a0h\u00a030 heure de Paris>"
        in text
    )
    assert "<@U" not in text
    assert {ids.HOME_COHORT_FORM, ids.HOME_STANDUP_QUESTIONS} <= set(_buttons(_open_home(running, user)))


def test_a_fellow_and_a_mentor_do_not_get_the_program_view(running):
    for user in ("UDAVID", "UMENTOR"):
        view = _open_home(running, user)
        assert "cohortes que vous animez" not in _text(view)
        assert not {ids.HOME_COHORT_FORM, ids.HOME_STANDUP_QUESTIONS} & set(_buttons(view))


def test_the_home_buttons_open_the_admin_forms(running):
    buttons = _buttons(_open_home(running, "UCOADMIN"))
    for action_id, callback in (
        (ids.HOME_STANDUP_QUESTIONS, ids.STANDUP_QUESTIONS),
        (ids.HOME_COHORT_FORM, ids.COHORT_FORM),
    ):
        opened = running.fake.count("views.open")
        body = block_action(
            action_id,
            buttons[action_id].get("value"),
            user_id="UCOADMIN",
            trigger_id=running.fake.new_trigger_id(),
            view={"id": "V1", "type": "home"},
        )
        assert dispatch(running.ws.app, body).status == 200
        assert running.fake.calls("views.open")[opened].params["view"]["callback_id"] == callback


def test_a_forged_questions_click_by_a_fellow_opens_nothing_and_says_why(running):
    cohort_id = _buttons(_open_home(running, "UADMIN"))[ids.HOME_STANDUP_QUESTIONS]["value"]
    opened = running.fake.count("views.open")
    body = block_action(
        ids.HOME_STANDUP_QUESTIONS, cohort_id, user_id="UDAVID", trigger_id=running.fake.new_trigger_id()
    )
    assert dispatch(running.ws.app, body).status == 200
    assert running.fake.count("views.open") == opened
    assert (
        running.fake.messages("UDAVID")[-1]["text"]
        == "Réservé à l’équipe du programme et aux admins de cette cohorte."
    )


def _today(running: Standups, text: str, user: str) -> str:
    _view, answers = running.standup(text, user)
    assert len(answers) == 1 and answers[0]["response_type"] == "ephemeral"
    return json.dumps(answers[0], ensure_ascii=False)


def test_standup_today_tells_an_admin_who_answered_so_far(running):
    for text, user in (("today eig7", "UCOADMIN"), ("today", "UADMIN")):
        reply = _today(running, text, user)
        assert "✅ ana, ⏭️ ben" in reply and "🌴 chloe, ⏳ david" in reply and "<@U" not in reply
        assert "J’attends l’accès &lt;API&gt;" in reply


def test_after_the_close_those_who_did_not_answer_read_as_no_answer_not_waiting(running):
    running.world.tick(datetime(2026, 3, 2, 11, 0, tzinfo=UTC))  # 12:00 in Paris: the summary is posted
    reply = _today(running, "today eig7", "UCOADMIN")
    assert "clos à" in reply and "❌ 1 sans réponse" in reply and "❌ david" in reply
    assert "⏳" not in reply and "en attente" not in reply
    assert "✅ ana, ⏭️ ben" in reply and "🌴 chloe" in reply


def test_standup_today_shows_a_mentor_their_fellows_within_their_sharing_choice(running):
    reply = _today(running, "today", "UMENTOR")
    assert "✅ ana, ⏭️ ben" in reply and "chloe" not in reply and "david" not in reply
    assert "ana (depuis le 2 mars 2026)" in reply and "J’attends" not in reply  # figures only by default
    with running.ctx.uow() as uow:  # Ana chooses to share her text
        uow.checkins.set_share("UANA", Share.TEXT, running.clock.now())
        uow.commit()
    assert "J’attends l’accès &lt;API&gt;" in _today(running, "today", "UMENTOR")


@pytest.mark.parametrize(
    ("text", "user", "sentence"),
    [
        ("today eig9", "UADMIN", "Aucune cohorte ne s’appelle eig9."),
        ("today eig7", "UDAVID", "Seuls l’équipe de eig7 et ses mentors peuvent voir son stand-up."),
        (
            "today",
            "UDAVID",
            "Vous n’animez aucune cohorte et ne suivez aucun fellow\u00a0: il n’y a pas de stand-up à suivre.",
        ),
    ],
)
def test_standup_today_answers_a_mistake_with_one_sentence_and_the_usage(running, text, user, sentence):
    _view, answers = running.standup(text, user)
    assert answers[0]["text"] == f"{sentence}\nUtilisation\u00a0: /standup today [NOM]"


def test_a_mentor_sees_their_fellows_week_as_their_digest_counts_it(running):
    text = _text(_open_home(running, "UMENTOR"))
    assert "Vos fellows cette semaine" in text and "*eig7* · 2 fellows suivis" in text
    assert "<@UANA> ✅▫️▫️▫️▫️ 1/1" in text and "<@UBEN> ⏭️▫️▫️▫️▫️ 0/0" in text
    assert "UCHLOE" not in text and "UDAVID" not in text  # not in the mentor's challenge
    assert "<@UANA>\u00a0: signalé le 2 mars 2026, toujours en cours" in text
    assert "J’attends" not in text  # Ana shares figures only
    with running.ctx.uow() as uow:
        uow.checkins.set_share("UANA", Share.TEXT, running.clock.now())
        uow.commit()
    assert "J’attends l’accès &lt;API&gt;" in _text(_open_home(running, "UMENTOR"))
    assert "Vos fellows cette semaine" not in _text(_open_home(running, "UANA"))


def test_the_program_team_sees_open_help_requests_and_check_ins_due_or_missed(running):
    running.ws.say("checkin eig7 day=mon time=09:00")
    now = running.clock.now()
    with running.ctx.uow() as uow:
        eig7 = uow.cohorts.by_name("eig7")
        uow.help.add(NewHelpRequest(eig7.id, "UANA", "Déployer <vite>", "", ("python",), "ask", now))
        uow.checkins.open_round(eig7.id, now.date(), ["UMENTOR"])
        uow.commit()
    text = _text(_open_home(running, "UADMIN"))
    assert "Les demandes d’aide des cohortes que vous animez" in text
    assert "*eig7* · 1 demande d’aide ouverte\u00a0:\\n• Déployer &lt;vite&gt;" in text
    assert "Les points mentor des cohortes que vous animez" in text and "En attente de\u00a0: mentor" in text
    assert "Prochain tour\u00a0: <!date^" in text and "|lundi 16 mars 2026, 9\u00a0h heure de Paris>" in text
    assert "cohortes que vous animez" not in _text(_open_home(running, "UANA"))


@pytest.mark.parametrize("value", ["999", "abc", ""])
def test_a_stale_or_forged_questions_button_opens_nothing_and_says_so(running, value):
    opened = running.fake.count("views.open")
    body = block_action(
        ids.HOME_STANDUP_QUESTIONS, value, user_id="UADMIN", trigger_id=running.fake.new_trigger_id()
    )
    assert dispatch(running.ws.app, body).status == 200
    assert running.fake.count("views.open") == opened and not running.fake.internal_errors
    assert "cohorte" in running.fake.messages("UADMIN")[-1]["text"]
