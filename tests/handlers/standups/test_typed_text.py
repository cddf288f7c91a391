"""Text typed to the bot is not thrown away: during an open stand-up one click keeps it as the
answer; a question, or text outside a stand-up, gets the short help of the commands."""

from __future__ import annotations

from datetime import timedelta

from domain.standups.model import EntryStatus
from handlers import ids
from tests.handlers.standups.standup_helpers import MONDAY_0930
from tests.support.standup_world import texts


def _entry(standups, user="UANA"):
    with standups.ctx.uow() as uow:
        return uow.standups.entry(1, user, MONDAY_0930.date())


def last_dm(standups, user="UANA") -> dict:
    return standups.world.dms(user)[-1]


def test_text_during_the_stand_up_is_kept_as_the_answer_in_one_click(prompted):
    prompted.type_in_dm("Hier : la démo &amp; les tests. Aujourd’hui : <!channel> la doc")
    offer = last_dm(prompted)
    read = texts(offer)
    assert "Garder ceci comme votre réponse au stand-up de eig7 (2 mars)\u202f?" in read
    assert "«\u202fQu’avez-vous fait hier\u202f?\u202f»" in read
    assert "&lt;!channel&gt;" in read and "<!channel>" not in read + offer["text"]
    assert _entry(prompted) is None  # nothing kept before the click
    _view, answers = prompted.click(offer, ids.STANDUP_SAVE_TEXT)
    assert (
        answers[-1]["replace_original"]
        and answers[-1]["text"] == "Gardé comme votre réponse au stand-up du 2 mars."
    )
    entry = _entry(prompted)
    assert entry.status == EntryStatus.ANSWERED
    assert entry.answers == ("Hier : la démo & les tests. Aujourd’hui : <!channel> la doc", "", "")
    shared = texts(prompted.channel()[-1])
    assert "la démo &amp; les tests" in shared and "&lt;!channel&gt;" in shared
    assert last_dm(prompted)["text"].startswith("Merci, votre stand-up du 2 mars est enregistré.")


def test_a_second_text_replaces_only_the_first_answer(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    prompted.submit(view, {"q1": "démo", "q2": "tests", "q3": "rien"})
    prompted.type_in_dm("démo et revue de code")
    offer = last_dm(prompted)
    assert "Vous avez déjà répondu" in texts(offer)
    prompted.click(offer, ids.STANDUP_SAVE_TEXT)
    assert _entry(prompted).answers == ("démo et revue de code", "tests", "rien")


def test_a_question_gets_the_help_not_the_offer(prompted):
    for question in ("how do I see my fellows' stand-ups?", "Comment voir les stand-ups des autres", "aide"):
        prompted.type_in_dm(question)
        reply = last_dm(prompted)
        read = texts(reply)
        assert read.startswith("Je lis les messages, mais les réponses passent par les commandes")
        assert "`/standup history @ana 7`" in read and "`/ask Comment" in read
        assert ids.STANDUP_SAVE_TEXT not in str(reply)


def test_outside_a_stand_up_the_text_gets_the_help(standups):
    standups.set_up()
    standups.ws.say("standup eig7 off")
    for user in ("UANA", "UMENTOR"):  # a fellow whose stand-up is off, a mentor
        standups.type_in_dm("bonjour, je suis nouvelle", user)
        read = texts(last_dm(standups, user))
        assert read.startswith("Je lis les messages")
        assert "• Où vous en êtes dans les tours de binômes\u00a0: `/pairing`" in read
        assert "/pairing" in read.splitlines()[-1]  # among the commands to add help to
        assert ids.STANDUP_SAVE_TEXT not in str(last_dm(standups, user))


def test_a_click_after_the_next_stand_up_started_saves_nothing(prompted):
    prompted.type_in_dm("fini la démo")
    offer = last_dm(prompted)
    prompted.clock.set(MONDAY_0930 + timedelta(days=1))
    _view, answers = prompted.click(offer, ids.STANDUP_SAVE_TEXT)
    assert answers[-1]["text"].startswith("Ce stand-up est terminé")
    assert _entry(prompted) is None


def test_a_text_too_long_for_a_button_points_to_the_form(prompted):
    prompted.type_in_dm("x" * 2100)
    offer = last_dm(prompted)
    assert "trop long pour être gardé d’ici\u00a0: tapez /standup" in offer["text"]
    assert ids.STANDUP_SAVE_TEXT not in str(offer)


def test_edits_and_bot_messages_are_left_alone(prompted):
    before = prompted.fake.count("chat.postMessage")
    for extra in ({"subtype": "message_changed"}, {"subtype": "message_deleted"}, {"bot_id": "B1"}):
        prompted.type_in_dm("fini la démo", **extra)
    assert prompted.fake.count("chat.postMessage") == before
