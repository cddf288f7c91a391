"""`/cohort checkin`, `/cohort digest` and `/checkin` through the real Bolt app (Socket Mode path)."""

from __future__ import annotations

import pytest

from domain.checkins.model import CheckinStatus, Share
from handlers import ids
from tests.support.rituals import Rituals, text_of


@pytest.fixture
def rituals(workspace, clock):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=ia-sante")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia-sante")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    return Rituals(workspace, clock)


def test_an_admin_sets_the_checkins_and_show_lists_them(rituals, workspace):
    reply = workspace.say("checkin eig7 every=1 day=wed time=09:30")
    assert reply.startswith(
        "Points mentors de eig7\u00a0: chaque semaine, le mercredi à 9\u00a0h\u00a030 heure de Paris."
    )
    assert (
        "À venir\u00a0: <!date^1772613000^{date_long_pretty} {time}|mercredi 4 mars 2026, 9\u00a0h\u00a030 heure de Paris> · <!date^"
        in reply
    )
    assert "toutes les 3 semaines" in workspace.say("checkin eig7 every=3")
    shown = text_of(workspace.cohort("show eig7"))
    assert "Points mentors le mercredi à 9\u00a0h\u00a030 heure de Paris, toutes les 3 semaines." in shown
    assert "<@UMENTOR>" in shown
    assert workspace.say("checkin eig7 off").startswith("Les points mentors de eig7 sont arrêtés.")
    assert "Aucun point mentor programmé." in text_of(workspace.cohort("show eig7"))


def test_an_admin_sets_the_digests(rituals, workspace):
    reply = workspace.say("digest eig7 day=thu time=17:00 isolation=3")
    assert reply.startswith("Résumés de eig7\u00a0: chaque jeudi à 17\u00a0h heure de Paris")
    assert "alerte isolement après 3 jours ouvrés" in reply
    assert "|jeudi 5 mars 2026, 17\u00a0h heure de Paris> · <!date^" in reply
    shown = text_of(workspace.cohort("show eig7"))
    assert (
        "Résumés le jeudi à 17\u00a0h heure de Paris\u202f; alerte isolement après 3 jours ouvrés sans activité."
        in shown
    )
    assert workspace.say("digest eig7 off") == "Les résumés de eig7 sont arrêtés."


def test_an_english_cohort_reads_its_schedules_and_next_runs_in_english(rituals, workspace):
    workspace.say("create eig8 <#C200> lang=en")
    reply = workspace.say("checkin eig8 every=1 day=wed time=09:30")
    assert reply.startswith("Mentor check-ins for eig8: every week, on Wednesday at 09:30 Paris time.")
    assert (
        "Next: <!date^1772613000^{date_long_pretty} {time}|Wednesday 4 March 2026, 09:30 Paris time> · <!date^"
        in reply
    )
    reply = workspace.say("digest eig8 day=thu time=17:00")
    assert reply.startswith("Digests for eig8: every Thursday at 17:00 Paris time")
    assert "|Thursday 5 March 2026, 17:00 Paris time> · <!date^" in reply
    shown = text_of(workspace.cohort("show eig8"))
    assert "Mentor check-ins on Wednesdays at 09:30 Paris time, every week." in shown
    assert "Digests on Thursdays at 17:00 Paris time;" in shown
    assert (
        "Next: <!date^1772613000^{date_long_pretty} {time}|Wednesday 4 March 2026, 09:30 Paris time> · "
        in shown
    )


def test_schedule_mistakes_change_nothing(rituals, workspace):
    before = workspace.state()
    assert "every" in workspace.say("checkin eig7 every=0")
    assert "isolation" in workspace.say("digest eig7 isolation=lots")
    assert workspace.say("checkin eig7 every=2", user="UANA").startswith("Réservé")
    assert workspace.state() == before
    eig7 = rituals.cohort_id("eig7")
    with rituals.ctx.uow() as uow:
        assert uow.checkins.checkin_schedule(eig7) is None


def test_a_mentor_opens_the_form_with_the_interface_ids(rituals):
    view, answers = rituals.checkin()
    assert answers == []
    assert view["callback_id"] == ids.CHECKIN_ANSWER
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert list(inputs) == ["rating", "going_well", "blockers", "needs"]
    assert all(b["element"]["action_id"] == "value" for b in inputs.values())
    assert [o["value"] for o in inputs["rating"]["element"]["options"]] == ["1", "2", "3", "4", "5"]
    assert view["title"]["text"] == "Point mentor"


def test_the_form_refuses_an_answer_without_a_rating(rituals):
    view, _ = rituals.checkin()
    answer = rituals.answer(view, "UMENTOR", None, needs="un contact à la DINUM")
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == {"rating"}
    eig7 = rituals.cohort_id("eig7")
    with rituals.ctx.uow() as uow:
        assert uow.checkins.all_of(eig7) == []


def test_an_answer_is_recorded_and_thanked(rituals, clock):
    view, _ = rituals.checkin()
    assert (
        rituals.answer(view, "UMENTOR", "4", going_well="Le prototype", needs="Un accès aux données") is None
    )
    assert rituals.texts("UMENTOR")[-1].startswith(
        "Merci\u00a0: votre point pour eig7 est enregistré (note 4/5"
    )
    eig7 = rituals.cohort_id("eig7")
    with rituals.ctx.uow() as uow:
        [checkin] = uow.checkins.all_of(eig7)
    assert (checkin.mentor, checkin.status, checkin.rating) == ("UMENTOR", CheckinStatus.ANSWERED, 4)
    assert checkin.answer.needs == "Un accès aux données"
    assert checkin.round == clock.now().date()


def test_only_mentors_have_a_checkin(rituals):
    view, answers = rituals.checkin(user="UANA")
    assert view is None
    assert answers[0]["text"].startswith("Seuls les mentors")


def test_a_mentor_of_two_cohorts_picks_one(rituals, workspace):
    workspace.say("create eig8 <#C200> lang=en")
    workspace.say("add eig8 <@UMENTOR> as mentor")
    view, _ = rituals.checkin()
    picks = [b for b in view["blocks"] if b.get("block_id") == ids.COHORT_PICK]
    assert [o["text"]["text"] for o in picks[0]["element"]["options"]] == ["eig7", "eig8"]
    eig7, eig8 = rituals.cohort_id("eig7"), rituals.cohort_id("eig8")
    assert rituals.answer(view, "UMENTOR", "2", cohort=str(eig8)) is None
    with rituals.ctx.uow() as uow:
        assert [c.rating for c in uow.checkins.all_of(eig8)] == [2]
        assert uow.checkins.all_of(eig7) == []


def test_the_prompt_button_opens_the_form_for_its_cohort(rituals):
    view = rituals.press_open("UMENTOR", rituals.cohort_id("eig7"))
    assert view["callback_id"] == ids.CHECKIN_ANSWER
    assert rituals.press_open("UANA", rituals.cohort_id("eig7")) is None
    assert rituals.texts("UANA")[-1].startswith("Seuls les mentors")


def test_a_fellow_chooses_what_the_digests_show(rituals):
    _, answers = rituals.checkin("share", user="UANA")
    assert "que des chiffres" in answers[0]["text"]
    _, answers = rituals.checkin("share text", user="UANA")
    assert "lisent le texte de vos réponses" in answers[0]["text"]
    with rituals.ctx.uow() as uow:
        assert uow.checkins.share_of("UANA") is Share.TEXT
        assert uow.checkins.share_of("UBEN") is Share.FIGURES
    _, answers = rituals.checkin("share maybe", user="UANA")
    assert "«\u202fmaybe\u202f»" in answers[0]["text"]
    _, answers = rituals.checkin("share text", user="UMENTOR")
    assert answers[0]["text"].startswith("Seuls les fellows")
    _, answers = rituals.checkin("history", user="UANA")
    assert answers[0]["text"].startswith("Utilisation")
