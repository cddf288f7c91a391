"""`/cohort standup` for admins, and `/standup away|back|history` for everyone, through the real Bolt app."""

from __future__ import annotations

from datetime import timedelta

from bot.standin.payloads import dispatch, select, slash_command, view_submission
from handlers import ids
from tests.handlers.standups.standup_helpers import MONDAY_0930, inputs


def test_an_admin_sets_the_schedule_and_reads_it_back(standups):
    standups.ws.say("create eig7 <#C100|eig7>")
    reply = standups.ws.say("standup eig7 days=lun,mer,ven time=9:00 remind=45 close=11:30")
    assert reply.startswith(
        "Stand-up de eig7\u00a0: lundi, mercredi, vendredi à 9\u00a0h heure de Paris,"
        " clôture à 11\u00a0h\u00a030 heure de Paris."
    )
    assert (
        "Un rappel 45 min" in reply
        and "Prochaines invitations\u00a0: <!date^1772438400^{date_long_pretty} {time}"
        "|lundi 2 mars 2026, 9\u00a0h heure de Paris> · <!date^1772611200^{date_long_pretty} {time}"
        "|mercredi 4 mars 2026, 9\u00a0h heure de Paris> · "
        in reply
    )
    reply = standups.ws.say("standup eig7 zone=fellow share=channel")
    assert (
        "lundi, mercredi, vendredi à 9\u00a0h, clôture à 11\u00a0h\u00a030 (dans le fuseau de chaque fellow)"
        in reply
    )
    assert "publiées dans <#C100>" in reply
    assert standups.ws.say("standup eig7 off").startswith("Le stand-up de eig7 est arrêté")
    shown = str(standups.ws.cohort("show eig7")["blocks"])
    assert "Aucun stand-up programmé." in shown


def test_an_english_cohort_reads_its_schedule_and_next_prompts_in_english(standups):
    standups.ws.say("create eig8 <#C200|eig8> lang=en")
    reply = standups.ws.say("standup eig8 days=mon,wed time=09:00 close=11:30")
    assert reply.startswith(
        "The eig8 stand-up: Monday, Wednesday at 09:00 Paris time, closing at 11:30 Paris time."
    )
    assert (
        "Next prompts: <!date^1772438400^{date_long_pretty} {time}|Monday 2 March 2026, 09:00 Paris time>"
        " · <!date^1772611200^{date_long_pretty} {time}|Wednesday 4 March 2026, 09:00 Paris time>" in reply
    )
    reply = standups.ws.say("standup eig8 zone=fellow")
    assert "Monday, Wednesday at 09:00, closing at 11:30 (each fellow's time zone)." in reply


def test_show_lists_the_stand_up_and_whom_it_reaches(prompted):
    shown = str(prompted.ws.cohort("show eig7")["blocks"])
    assert "Stand-up de eig7" in shown and "<@UANA>" in shown


def test_schedule_mistakes_change_nothing(standups):
    standups.ws.say("create eig7 <#C100|eig7>")
    standups.ws.say("standup eig7 time=09:30 close=12:00")
    for typed, words in (
        ("standup eig7 time=12:30", "clôture"),
        ("standup eig7 remind=200", "rappel"),
        ("standup eig7 share=partout", "share"),
        ("standup eig7 zone=moon", "zone"),
    ):
        before = standups.ws.say("standup eig7")
        assert words in standups.ws.say(typed)
        assert standups.ws.say("standup eig7") == before
    assert standups.ws.say("standup eig7 time=10:00", user="UANA").startswith("Réservé")


def test_the_questions_form(prompted):
    url = prompted.fake.new_response_url()
    dispatch(
        prompted.ws.app,
        slash_command(
            "/cohort",
            "standup eig7 questions",
            user_id="UADMIN",
            response_url=url,
            trigger_id=prompted.fake.new_trigger_id(),
        ),
    )
    view = prompted.fake.last_call("views.open").params["view"]
    assert view["callback_id"] == ids.STANDUP_QUESTIONS and inputs(view) == ["questions", "blockers", "mood"]
    assert view["blocks"][1]["element"]["initial_value"].startswith("Qu’avez-vous fait hier\u202f?")

    def submit(questions, blockers="2", mood=()):
        values = {
            "questions": questions,
            "blockers": select(blockers),
            "mood": {"type": "checkboxes", "selected_options": [{"value": v} for v in mood]},
        }
        body = view_submission(
            ids.STANDUP_QUESTIONS, values, user_id="UADMIN", private_metadata=view["private_metadata"]
        )
        return dispatch(prompted.ws.app, body).body

    assert "blockers" in submit("Une seule question ?", blockers="3")
    assert "questions" in submit("   ")
    assert submit("Qu’avez-vous livré ?\n\nQu’est-ce qui vous freine ?", mood=("on",)) == ""
    assert "Questions du stand-up de eig7 enregistrées" in prompted.world.dms("UADMIN")[-1]["text"]
    form, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    assert inputs(form) == ["q1", "q2", "mood"]
    assert form["blocks"][2]["label"]["text"] == "Qu’est-ce qui vous freine ?"


def test_a_fellow_cannot_open_the_questions_form(prompted):
    assert prompted.ws.say("standup eig7 questions", user="UANA").startswith("Réservé")
    assert prompted.fake.count("views.open") == 0


def test_away_and_back(prompted):
    assert "du 3 au 6 mars 2026" in prompted.say("away 2026-03-03..2026-03-06")
    prompted.world.tick(MONDAY_0930 + timedelta(days=1))
    assert len(prompted.world.prompts("UANA")) == 1 and len(prompted.world.prompts("UBEN")) == 2
    prompted.clock.set(MONDAY_0930 + timedelta(days=1, hours=2))
    assert prompted.say("back") == "Bon retour\u00a0: vos stand-ups reprennent."
    prompted.world.tick(MONDAY_0930 + timedelta(days=2))
    assert len(prompted.world.prompts("UANA")) == 2
    assert "déjà actifs" in prompted.say("back")


def test_an_admin_sets_someone_away_a_fellow_cannot(prompted):
    assert "<@UBEN>" in prompted.say("away <@UBEN|ben> 2026-03-03", user="UADMIN")
    assert prompted.say("away <@UCHLOE> 2026-03-03", user="UANA").startswith("Réservé")
    prompted.world.tick(MONDAY_0930 + timedelta(days=1))
    assert len(prompted.world.prompts("UBEN")) == 1 and len(prompted.world.prompts("UCHLOE")) == 2
    assert prompted.say("back <@UBEN>", user="UADMIN") == "Les stand-ups de <@UBEN> reprennent."
    with prompted.ctx.uow() as uow:
        assert uow.standups.absences_of(["UBEN"]) == []  # it was today only: gone


def test_history_to_the_sender_only_within_permissions(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    prompted.submit(view, {"q1": "Revue", "q2": "Démo", "q3": None})
    prompted.clock.set(MONDAY_0930 + timedelta(hours=4))
    mine = prompted.say("history")
    assert "UANA" in mine
    _view, answers = prompted.standup("history 7")
    blocks = str(answers[0]["blocks"])
    assert "lundi 2 mars 2026" in blocks and "répondu" in blocks and "Revue" in blocks
    _view, answers = prompted.standup("history <@UBEN>", user="UANA")
    assert "sans réponse" in str(answers[0]["blocks"])  # a fellow of the same cohort
    _view, answers = prompted.standup("history <@UANA>", user="UMENTOR")  # mentors the whole cohort
    blocks = str(answers[0]["blocks"])  # UANA keeps the default: figures only
    assert "répondu" in blocks and "Texte gardé privé" in blocks and "Revue" not in blocks
    assert prompted.say("history <@UBEN>", user="USTRANGER").startswith("Visible uniquement")


def test_mistakes_show_the_usage(prompted):
    answer = prompted.say("away demain")
    sentence, usage = answer.split("\n")
    assert "AAAA-MM-JJ" in sentence and usage.startswith("Utilisation\u00a0: /standup")
