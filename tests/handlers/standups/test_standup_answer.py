"""Answering the stand-up through the real Bolt app: the form, its checks, sharing, edits, skips, blockers."""

from __future__ import annotations

from datetime import timedelta

from domain.standups.model import ANSWER_MAX, EntryStatus
from handlers import ids
from tests.handlers.standups.standup_helpers import MONDAY_0930, inputs
from tests.support.standup_world import texts


def _entry(standups, user="UANA"):
    with standups.ctx.uow() as uow:
        return uow.standups.entry(1, user, MONDAY_0930.date())


def test_the_prompt_opens_the_form_with_one_input_per_question(prompted):
    view, answers = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    assert answers == []
    assert view["callback_id"] == ids.STANDUP_ANSWER and inputs(view) == ["q1", "q2", "q3"]
    assert all(b["element"]["action_id"] == ids.VALUE for b in view["blocks"] if b["type"] == "input")
    assert [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"][
        0
    ] == "Qu’avez-vous fait hier\u202f?"
    assert view["title"]["text"] == "Stand-up du 2 mars"


def test_an_empty_form_or_an_answer_too_long_gets_field_errors_and_nothing_is_saved(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    calls = prompted.fake.count()
    assert prompted.submit(view, {"q1": None, "q2": "  ", "q3": None}) == {
        "response_action": "errors",
        "errors": {"q1": "Répondez au moins à une question."},
    }
    answer = prompted.submit(view, {"q1": "ok", "q2": "x" * (ANSWER_MAX + 1), "q3": None})
    assert list(answer["errors"]) == ["q2"] and "3000" in answer["errors"]["q2"]
    assert _entry(prompted) is None and prompted.fake.count() == calls  # no Web API call either


def test_an_answer_goes_in_the_days_thread_and_an_edit_updates_it(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    assert prompted.submit(view, {"q1": "Revue de code", "q2": "Démo & tests <script>", "q3": "Rien"}) is None
    thread, reply = prompted.channel()
    assert reply["thread_ts"] == thread["ts"] and "<@UANA>" in texts(reply)
    assert "Démo &amp; tests &lt;script&gt;" in texts(reply)
    confirmation = prompted.world.dms("UANA")[-1]
    assert "enregistré" in confirmation["text"] and "<#C100>" in confirmation["text"]
    assert "standup_blocker_to_help" not in str(confirmation["blocks"])

    edit, _ = prompted.click(confirmation, ids.STANDUP_OPEN)
    assert edit["blocks"][1]["element"]["initial_value"] == "Revue de code"
    assert prompted.submit(edit, {"q1": "Revue de code", "q2": "Démo", "q3": "Rien"}) is None
    assert len(prompted.channel()) == 2, "the post is updated, not duplicated"
    assert prompted.fake.count("chat.update") == 1 and "Démo" in texts(prompted.channel()[1])
    assert "mis à jour" in prompted.world.dms("UANA")[-1]["text"]
    assert _entry(prompted).answers == ("Revue de code", "Démo", "Rien")
    assert prompted.fake.stats()["errors"] == 0


def test_a_blocker_offers_to_ask_the_cohort_for_help(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    prompted.submit(view, {"q1": "Ingestion", "q2": "Modèle", "q3": "L’API SIRENE refuse nos appels"})
    confirmation = prompted.world.dms("UANA")[-1]
    button = prompted.button(confirmation, ids.STANDUP_BLOCKER_TO_HELP)
    assert "L’API SIRENE refuse nos appels" in button["value"] and "Votre blocage" in confirmation["text"]
    # The peer-help feature opens its form, pre-filled with the blocker.
    help_form, _ = prompted.click(confirmation, ids.STANDUP_BLOCKER_TO_HELP)
    assert help_form["callback_id"] == ids.HELP_REQUEST
    assert "L’API SIRENE refuse nos appels" in str(help_form["blocks"])


def test_slash_standup_opens_the_same_form_and_says_when_there_is_none(prompted):
    view, answers = prompted.standup()
    assert answers == [] and inputs(view) == ["q1", "q2", "q3"]
    assert (
        view["private_metadata"] == prompted.click(prompted.prompt(), ids.STANDUP_OPEN)[0]["private_metadata"]
    )
    assert prompted.say("", user="UMENTOR") == "Vous n’avez pas de stand-up à remplir en ce moment."


def test_the_skip_button_and_slash_standup_skip(prompted):
    view, answers = prompted.click(prompted.prompt(), ids.STANDUP_SKIP)
    assert view is None and answers[0]["replace_original"] is True
    assert "pas de stand-up pour vous" in answers[0]["text"]
    assert _entry(prompted).status is EntryStatus.SKIPPED
    assert "pas de stand-up pour vous" in prompted.say("skip", user="UBEN")
    # Changed her mind: the answer replaces the skip.
    view, _ = prompted.click({**prompted.prompt(), **answers[0]}, ids.STANDUP_OPEN)
    prompted.submit(view, {"q1": "Finalement", "q2": None, "q3": None})
    assert _entry(prompted).status is EntryStatus.ANSWERED
    assert "déjà répondu" in prompted.say("skip")


def test_a_late_answer_is_accepted_and_marked(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    prompted.clock.set(MONDAY_0930 + timedelta(hours=5))
    assert prompted.submit(view, {"q1": "Tard", "q2": None, "q3": None}) is None
    assert "(en retard)" in texts(prompted.channel()[-1]) and _entry(prompted).late
    prompted.clock.set(MONDAY_0930 + timedelta(days=1))  # Tuesday's stand-up has started
    answer = prompted.submit(view, {"q1": "Trop tard", "q2": None, "q3": None})
    assert "terminé" in answer["errors"]["q1"]


def test_a_message_typed_to_the_bot_gets_an_answer(prompted):
    prompted.type_in_dm("hier j’ai fini la démo")
    assert "/standup" in prompted.world.dms("UANA")[-1]["text"]


def test_answers_as_top_level_posts_or_only_in_the_summary(standups):
    standups.set_up("share=channel mood=on")
    standups.world.tick(MONDAY_0930)
    view, _ = standups.click(standups.prompt(), ids.STANDUP_OPEN)
    assert inputs(view) == ["q1", "q2", "q3", "mood"]
    standups.submit(
        view,
        {
            "q1": "ok",
            "q2": None,
            "q3": None,
            "mood": {"type": "static_select", "selected_option": {"value": "4"}},
        },
    )
    post = standups.channel()[-1]
    assert "thread_ts" not in post and "lundi 2 mars" in texts(post) and "Humeur\u00a0: 4/5" in texts(post)
    standups.ws.say("standup eig7 share=summary")
    view, _ = standups.click(standups.prompt("UBEN"), ids.STANDUP_OPEN, user="UBEN")
    standups.submit(view, {"q1": "discret", "q2": None, "q3": None}, user="UBEN")
    assert len(standups.channel()) == 1 and "bilan" in standups.world.dms("UBEN")[-1]["text"]
    standups.world.tick(MONDAY_0930 + timedelta(hours=3))  # the default close, three hours after the prompt
    assert "discret" in texts(standups.channel()[-1])


def test_a_post_slack_refuses_is_told_and_the_answer_kept(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    prompted.fake.fail_next("chat.postMessage", "not_in_channel")
    assert prompted.submit(view, {"q1": "ok", "q2": None, "q3": None}) is None
    assert "not_in_channel" in prompted.world.dms("UANA")[-1]["text"] and _entry(prompted) is not None


def test_long_answers_are_cut_to_slacks_limits_never_refused(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    longest = {f"q{n}": ("é" * (ANSWER_MAX - 10)) + "<&>" * 3 for n in (1, 2, 3)}
    assert prompted.submit(view, longest) is None
    edit, _ = prompted.click(prompted.world.dms("UANA")[-1], ids.STANDUP_OPEN)
    assert prompted.submit(edit, {**longest, "q3": "x" * ANSWER_MAX}) is None
    assert prompted.fake.count("chat.update") == 1 and len(prompted.channel()) == 2
    assert prompted.fake.stats()["errors"] == 0
    assert _entry(prompted).answers[2] == "x" * ANSWER_MAX  # kept whole; only the post is cut


def test_an_answer_slack_stored_without_answering_is_shared_once_and_the_fellow_told_so(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    prompted.fake.drop_next("chat.postMessage")  # Slack stores the post, the answer is lost
    assert prompted.submit(view, {"q1": "Revue de code", "q2": None, "q3": None}) is None
    assert len(prompted.channel()) == 2  # the day's thread and the answer, once
    confirmation = prompted.world.dms("UANA")[-1]["text"]
    assert "enregistré" in confirmation and "<#C100>" in confirmation

    edit, _ = prompted.click(prompted.world.dms("UANA")[-1], ids.STANDUP_OPEN)
    assert prompted.submit(edit, {"q1": "Revue de code", "q2": "Démo", "q3": None}) is None
    assert len(prompted.channel()) == 2, "the edit updates the post, never a second copy"
    assert "Démo" in texts(prompted.channel()[1])


def test_a_500_after_slack_stored_the_answer_is_found_on_the_next_edit(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    # Slack stores the post, then the look-up that would find it fails too: the outcome stays unknown.
    prompted.fake.drop_next("chat.postMessage")
    prompted.fake.fail_next("conversations.replies", status=500)
    assert prompted.submit(view, {"q1": "Revue de code", "q2": None, "q3": None}) is None
    told = prompted.world.dms("UANA")[-1]["text"]
    assert "enregistré" in told and "Slack n’a pas confirmé sa publication dans <#C100>" in told
    assert _entry(prompted) is not None

    edit, _ = prompted.click(prompted.world.dms("UANA")[-1], ids.STANDUP_OPEN)
    assert prompted.submit(edit, {"q1": "Revue de code", "q2": "Démo", "q3": None}) is None
    assert len(prompted.channel()) == 2, "the post Slack had is updated, not posted again"
    assert "Démo" in texts(prompted.channel()[1])
    assert "mis à jour" in prompted.world.dms("UANA")[-1]["text"]


def test_a_500_that_stored_nothing_is_told_and_the_next_edit_shares_it(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    prompted.fake.fail_next("chat.postMessage", status=500)  # answered 500, nothing stored
    assert prompted.submit(view, {"q1": "Revue de code", "q2": None, "q3": None}) is None
    assert len(prompted.channel()) == 1 and _entry(prompted) is not None
    assert "Slack n’a pas confirmé" in prompted.world.dms("UANA")[-1]["text"]
    edit, _ = prompted.click(prompted.world.dms("UANA")[-1], ids.STANDUP_OPEN)
    assert prompted.submit(edit, {"q1": "Revue de code", "q2": "Démo", "q3": None}) is None
    assert len(prompted.channel()) == 2 and "Démo" in texts(prompted.channel()[1])
