"""The Home tab through the real Bolt app: what each person sees, and the sharing buttons."""

from __future__ import annotations

from datetime import timedelta

from bot.standin.block_kit import check_view
from bot.standin.payloads import block_action, dispatch, event_callback
from domain.checkins.model import Share
from domain.peer_help.records import NewHelpRequest
from domain.trainings.model import Proposal, SessionStatus, SignupStatus
from handlers import ids


def _open_home(standups, user: str, tab: str = "home") -> dict | None:
    """Opens a tab as Slack would: the Home view published for `user`, checked valid, or None."""
    published = standups.fake.count("views.publish")
    event = {
        "type": "app_home_opened",
        "user": user,
        "channel": standups.fake.dm_channel(user),
        "tab": tab,
        "event_ts": "1700000002.000100",
    }
    assert dispatch(standups.ws.app, event_callback(event)).status == 200
    return _last_publish(standups, user, published)


def _last_publish(standups, user: str, before: int) -> dict | None:
    calls = standups.fake.calls("views.publish")[before:]
    if not calls:
        return None
    assert all(call.status == 200 and call.response["ok"] for call in calls), calls
    assert calls[-1].params["user_id"] == user
    view = calls[-1].params["view"]
    assert check_view(view) == []
    return view


def _buttons(view: dict) -> dict[str, dict]:
    found = {}
    for block in view["blocks"]:
        for element in [*(block.get("elements") or []), block.get("accessory") or {}]:
            if element.get("type") == "button":
                found[element["action_id"]] = element
    return found


def test_a_fellow_with_an_open_standup_sees_the_answer_button_which_opens_the_form(prompted):
    view = _open_home(prompted, "UANA")
    assert view["type"] == "home" and "Vos cohortes" in str(view["blocks"])
    answer = _buttons(view)[ids.STANDUP_OPEN]
    assert answer["value"] == prompted.button(prompted.prompt(), ids.STANDUP_OPEN)["value"]
    opened = prompted.fake.count("views.open")
    body = block_action(
        ids.STANDUP_OPEN,
        answer["value"],
        user_id="UANA",
        trigger_id=prompted.fake.new_trigger_id(),
        view={"id": "V1", "type": "home"},
    )
    assert dispatch(prompted.ws.app, body).status == 200
    form = prompted.fake.calls("views.open")[opened].params["view"]
    assert form["callback_id"] == ids.STANDUP_ANSWER
    assert {ids.HOME_SHARE_FIGURES, ids.HOME_SHARE_TEXT} <= set(_buttons(view))


def test_the_home_follows_the_answer_and_the_mentor_sees_no_share_buttons(prompted):
    view, _ = prompted.click(prompted.prompt(), ids.STANDUP_OPEN)
    prompted.submit(view, {"q1": "Revue", "q2": "Démo", "q3": "Rien"})
    home = _open_home(prompted, "UANA")
    assert ids.STANDUP_OPEN not in _buttons(home) and "merci" in str(home["blocks"])
    mentor = _open_home(prompted, "UMENTOR")
    assert "mentor" in str(mentor["blocks"])
    assert not {ids.STANDUP_OPEN, ids.HOME_SHARE_TEXT} & set(_buttons(mentor))


def test_someone_in_no_cohort_sees_the_welcome(standups):
    view = _open_home(standups, "UDAVID")
    text = str(view["blocks"])
    assert "Bienvenue" in text and "/cohort add" in text and _buttons(view) == {}


def test_the_share_buttons_change_the_choice_and_publish_the_home_again(prompted):
    view = _open_home(prompted, "UANA")
    for action_id, share in ((ids.HOME_SHARE_TEXT, Share.TEXT), (ids.HOME_SHARE_FIGURES, Share.FIGURES)):
        published = prompted.fake.count("views.publish")
        value = _buttons(view)[action_id]["value"]
        body = block_action(action_id, value, user_id="UANA", view={"id": "V1", "type": "home"})
        assert dispatch(prompted.ws.app, body).status == 200
        view = _last_publish(prompted, "UANA", published)
        with prompted.ctx.uow() as uow:
            assert uow.checkins.share_of("UANA") is share
        assert _buttons(view)[action_id].get("style") == "primary"


def test_the_messages_tab_publishes_nothing(prompted):
    assert _open_home(prompted, "UANA", tab="messages") is None
    assert prompted.fake.count("views.publish") == 0


def test_every_feature_shows_its_section_to_whom_it_concerns(prompted):
    prompted.ws.say("checkin eig7 day=fri time=16:00")
    now = prompted.ctx.clock.now()
    with prompted.ctx.uow() as uow:
        eig7 = uow.cohorts.by_name("eig7")
        uow.help.add(NewHelpRequest(eig7.id, "UANA", "Déployer", "", ("python",), "ask", now))
        proposal = Proposal("SQL", "Les jointures", now + timedelta(days=2), 60, 10, "Salle 2")
        session = uow.trainings.add(eig7.id, "UBEN", proposal, SessionStatus.ANNOUNCED, now)
        uow.trainings.join(session.id, "UANA", SignupStatus.CONFIRMED, now)
        uow.commit()
    fellow = str(_open_home(prompted, "UANA")["blocks"])
    for title in (
        "Le stand-up du jour",
        "Vos demandes d’aide",
        "Vos inscriptions aux formations entre pairs",
    ):
        assert title in fellow
    assert {ids.STANDUP_OPEN, ids.HOME_SHARE_FIGURES, ids.HOME_SHARE_TEXT} <= set(
        _buttons(_open_home(prompted, "UANA"))
    )
    mentor = str(_open_home(prompted, "UMENTOR")["blocks"])
    assert "Vos points mentor" in mentor and "Vos demandes d’aide" not in mentor


def test_a_fellow_added_after_the_prompt_is_not_shown_a_stand_up_waiting_for_them(prompted):
    prompted.clock.set(prompted.clock.now() + timedelta(minutes=50))  # 10:20 in Paris
    prompted.ws.say("add eig7 <@UDAVID>")
    prompted.world.tick()
    newcomer = _open_home(prompted, "UDAVID")
    assert "attend votre réponse" not in str(newcomer["blocks"]) and ids.STANDUP_OPEN not in _buttons(
        newcomer
    )
    assert "attend votre réponse" in str(_open_home(prompted, "UBEN")["blocks"])
