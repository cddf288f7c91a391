"""Asking through the real Bolt app: /ask and a stand-up blocker open the form; a submission posts the
request in the channel and sends it by DM to the fellows who know the skills."""

from __future__ import annotations

from bot.standin.payloads import block_action, dispatch, view_submission
from handlers import ids
from handlers.blocks.peer_help.request import blocker_value, parse_help_metadata
from tests.handlers.peer_help import peer_help_helpers
from tests.handlers.peer_help.peer_help_helpers import CHANNEL, HelpDesk, buttons

NBSP = "\u00a0"

desk = peer_help_helpers.desk  # a fixture, found by name


def _inputs(view: dict) -> dict[str, dict]:
    return {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}


def test_ask_opens_the_form_pre_filled_with_the_question(desk: HelpDesk):
    view = desk.ask("Comment déployer sur Scalingo &amp; garder les logs ?", "UANA")
    inputs = _inputs(view)
    assert inputs["title"]["initial_value"] == "Comment déployer sur Scalingo & garder les logs ?"
    assert "initial_value" not in inputs["details"] and ids.COHORT_PICK not in inputs
    assert view["title"]["text"] == "Demander de l’aide"
    assert desk.ask("", "UANA")["blocks"][0]["element"].get("initial_value") is None


def test_someone_of_no_running_cohort_is_told_and_no_form_opens(desk: HelpDesk):
    [answer] = desk.command("/ask", "Une question", "UOUT")
    assert answer["text"].startswith("Vous n’êtes membre d’aucune cohorte en cours")
    assert desk.fake.count("views.open") == 0


def test_a_fellow_of_two_cohorts_picks_where_to_ask(desk: HelpDesk):
    desk.say("/cohort", "create eig8 <#C900|entraide>", "UADMIN")
    desk.say("/cohort", "add eig8 <@UANA>", "UADMIN")
    view = desk.ask("Question", "UANA")
    choice = _inputs(view)[ids.COHORT_PICK]
    assert [o["text"]["text"] for o in choice["options"]] == ["eig8", "eig7"]
    eig7 = next(o["value"] for o in choice["options"] if o["text"]["text"] == "eig7")
    assert desk.submit(view, "UANA", cohort=eig7) is None
    assert desk.channel(CHANNEL)[-1]["text"].endswith("Question")
    assert desk.channel("C900") == []


def test_the_submitted_request_reaches_the_channel_the_skilled_and_the_asker(desk: HelpDesk):
    desk.say("/skills", "add Data viz", "UBEN")
    desk.say("/skills", "add dataviz, python", "UDAVID")
    desk.say("/skills", "add python", "UCHLOE")
    view = desk.ask("Mon graphique D3 rame", "UANA")
    assert desk.submit(view, "UANA", details="10k points, Firefox", skills="data-viz") is None
    [posted] = desk.channel()
    assert posted["text"] == "<@UANA> demande de l’aide : Mon graphique D3 rame".replace(" :", f"{NBSP}:")
    assert "10k points, Firefox" in str(posted["blocks"])
    request_id = buttons(posted)[ids.HELP_OFFER]
    assert buttons(posted) == {ids.HELP_OFFER: request_id, ids.HELP_RESOLVE: request_id}
    for fellow in ("UBEN", "UDAVID"):
        [dm] = desk.fake.messages(fellow)
        assert "vous connaissez Data viz" in dm["text"] and buttons(dm) == {ids.HELP_OFFER: request_id}
    assert desk.fake.messages("UCHLOE") == [] and desk.fake.messages("UEVA") == []
    [confirmation] = desk.dms("UANA")
    assert confirmation.startswith(
        "Votre demande est publiée dans <#C100>.\nJe l’ai aussi envoyée à <@UBEN>, <@UDAVID>"
    )
    request, _offers = desk.request_row(int(request_id))
    assert (request.channel_id, request.ts, request.origin) == (CHANNEL, posted["ts"], "ask")


def test_form_mistakes_are_shown_beside_their_fields_and_nothing_is_sent(desk: HelpDesk):
    view = desk.ask("", "UANA")
    answer = desk.submit(view, "UANA", title="   ", skills=", ".join(f"s{n}" for n in range(12)))
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == {"title", "skills"}
    assert answer["errors"]["title"].startswith("Dites en quelques mots")
    assert desk.channel() == [] and desk.dms("UANA") == []
    assert desk.fake.count("chat.postMessage") == 0


def test_the_stand_up_blocker_button_opens_the_form_pre_filled(desk: HelpDesk):
    with desk.ctx.uow() as uow:
        eig7 = uow.cohorts.by_name("eig7").id
    blocker = "Bloquée sur l’API FranceConnect\nLe jeton expire toutes les heures."
    dispatch(
        desk.app,
        block_action(
            ids.STANDUP_BLOCKER_TO_HELP,
            blocker_value(eig7, blocker),
            user_id="UBEN",
            channel_id=desk.fake.dm_channel("UBEN"),
            trigger_id=desk.fake.new_trigger_id(),
        ),
    )
    view = desk.opened()
    assert view["callback_id"] == ids.HELP_REQUEST
    inputs = _inputs(view)
    assert inputs["title"]["initial_value"] == "Bloquée sur l’API FranceConnect"
    assert inputs["details"]["initial_value"] == blocker
    assert parse_help_metadata(view["private_metadata"]).origin == "standup"
    assert desk.submit(view, "UBEN") is None
    request, _ = desk.request_row(int(buttons(desk.channel()[-1])[ids.HELP_OFFER]))
    assert (request.origin, request.asker) == ("standup", "UBEN")


def test_requests_go_to_the_help_channel_the_admin_chose(desk: HelpDesk):
    assert "<#C900>" in desk.say("/cohort", "peerhelp eig7 channel=<#C900|entraide> reroute=12", "UADMIN")
    desk.request("Question", "UANA")
    assert desk.channel(CHANNEL) == [] and len(desk.channel("C900")) == 1


def test_a_channel_that_refuses_the_request_closes_it_and_the_asker_is_told(desk: HelpDesk):
    desk.say("/skills", "add python", "UBEN")
    desk.fake.fail_next("chat.postMessage", "not_in_channel")
    view = desk.ask("Question", "UANA")
    assert desk.submit(view, "UANA", skills="python") is None
    [told] = desk.dms("UANA")
    assert told.startswith("Je n’ai pas pu publier votre demande dans <#C100>")
    assert desk.fake.messages("UBEN") == []
    with desk.ctx.uow() as uow:
        [request] = uow.help.of_cohort(uow.cohorts.by_name("eig7").id)
    assert request.status.value == "closed"


def test_a_fellow_away_from_the_stand_ups_is_not_sent_requests(desk: HelpDesk):
    for user_id in ("UBEN", "UCHLOE"):
        desk.say("/skills", "add python", user_id)
    desk.command("/standup", "away 2026-03-01..2026-03-06", "UBEN")
    request_id = desk.request("Question", "UANA", skills="python")
    assert desk.fake.messages("UBEN") == [] or all(
        buttons(m).get(ids.HELP_OFFER) != str(request_id) for m in desk.fake.messages("UBEN")
    )
    assert any(buttons(m).get(ids.HELP_OFFER) == str(request_id) for m in desk.fake.messages("UCHLOE"))


def test_a_failed_post_closes_the_request_and_the_error_is_reported(desk: HelpDesk):
    desk.fake.fail_next("chat.postMessage", "internal_error", status=500)
    view = desk.ask("Question", "UANA")
    values = {"title": "Question", "details": None, "skills": None}
    dispatch(
        desk.app,
        view_submission(ids.HELP_REQUEST, values, user_id="UANA", private_metadata=view["private_metadata"]),
    )
    with desk.ctx.uow() as uow:
        [request] = uow.help.of_cohort(uow.cohorts.by_name("eig7").id)
    assert request.status.value == "closed", "no open request without its channel message"
    assert desk.dms("UANA") == [
        "Un problème est survenu de notre côté et rien n’a été enregistré. "
        "Merci de réessayer dans un instant."
    ]


def test_a_request_slack_stored_without_answering_is_posted_once_and_routed(desk: HelpDesk):
    desk.say("/skills", "add python", "UBEN")
    desk.fake.drop_next("chat.postMessage")  # Slack stores the request, its answer is lost
    view = desk.ask("Question", "UANA")
    assert desk.submit(view, "UANA", skills="python") is None
    assert len(desk.channel(CHANNEL)) == 1
    with desk.ctx.uow() as uow:
        [request] = uow.help.of_cohort(uow.cohorts.by_name("eig7").id)
    assert request.status.value != "closed" and request.ts == desk.channel(CHANNEL)[0]["ts"]
    assert desk.fake.messages("UBEN"), "the helper was still asked"
