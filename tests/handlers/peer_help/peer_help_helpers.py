"""A workspace for the peer-help tests: a cohort of fellows, the real Bolt app, the fake Slack, and
short ways to type commands, fill the forms and click the buttons as people would."""

from __future__ import annotations

import json

import pytest

from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, block_action, dispatch, slash_command, view_submission
from handlers import ids

FELLOWS = ("UANA", "UBEN", "UCHLOE", "UDAVID", "UEVA", "UFRED")
OTHERS = ("UMENTOR", "UCOADMIN", "UALUM", "UOUT")
CHANNEL = "C100"


class HelpDesk:
    def __init__(self, ctx, fake):
        self.ctx, self.fake = ctx, fake
        self.app = create_app(ctx, signing_secret=None, socket_mode=True, listener_executor=InlineExecutor())
        fake.add_channel(CHANNEL, name="eig7", is_member=True)
        fake.add_channel("C900", name="entraide", is_member=True, members=["UADMIN", "UCOADMIN"])
        for user_id in FELLOWS + OTHERS:
            fake.add_user(user_id, name=user_id[1:].lower(), tz="Europe/Paris", locale="fr-FR")

    # -- typing -----------------------------------------------------------------------------

    def command(self, name: str, text: str, user: str) -> list[dict]:
        """The answers (for the sender only) to a slash command."""
        url = self.fake.new_response_url()
        response = dispatch(
            self.app,
            slash_command(name, text, user_id=user, response_url=url, trigger_id=self.fake.new_trigger_id()),
        )
        assert response.status == 200 and not response.body
        assert not self.fake.internal_errors
        answers = [r.body for r in self.fake.responses() if r.url == url]
        assert all(answer.get("response_type") == "ephemeral" for answer in answers)
        return answers

    def say(self, name: str, text: str, user: str) -> str:
        [answer] = self.command(name, text, user)
        return answer["text"]

    def set_up(self) -> None:
        """eig7 in #eig7: six fellows over two challenges, a mentor, a cohort admin."""
        self.say("/cohort", f"create eig7 <#{CHANNEL}>", "UADMIN")
        self.say("/cohort", "add eig7 <@UANA> <@UBEN> <@UCHLOE> challenge=donnees", "UADMIN")
        self.say("/cohort", "add eig7 <@UDAVID> <@UEVA> <@UFRED> challenge=sante", "UADMIN")
        self.say("/cohort", "add eig7 <@UMENTOR> as mentor", "UADMIN")
        self.say("/cohort", "add eig7 <@UCOADMIN> as admin", "UADMIN")

    # -- forms ------------------------------------------------------------------------------

    def opened(self) -> dict | None:
        call = self.fake.last_call("views.open")
        assert call is None or call.ok, call
        return call.params["view"] if call is not None else None

    def ask(self, text: str, user: str) -> dict:
        """`/ask text`: the form opened, checked to be the peer-help form."""
        before = self.fake.count("views.open")
        assert self.command("/ask", text, user) == []
        assert self.fake.count("views.open") == before + 1
        view = self.opened()
        assert view["callback_id"] == ids.HELP_REQUEST
        return view

    def submit(self, view: dict, user: str, **changes) -> dict | None:
        """Submits a form as opened, with some fields changed; the ack body (field errors) or None."""
        values = {}
        for block in view["blocks"]:
            if block["type"] != "input":
                continue
            element = block["element"]
            if element["type"] == "plain_text_input":
                values[block["block_id"]] = changes.get(block["block_id"], element.get("initial_value"))
            elif element["type"] == "checkboxes":
                chosen = changes.get(
                    block["block_id"], [o["value"] for o in element.get("initial_options", [])]
                )
                values[block["block_id"]] = {
                    "type": "checkboxes",
                    "selected_options": [
                        {"value": value, "text": {"type": "mrkdwn", "text": value}} for value in chosen
                    ],
                }
            elif element["type"] == "static_select":
                picked = changes.get(block["block_id"], (element.get("initial_option") or {}).get("value"))
                values[block["block_id"]] = {
                    "type": "static_select",
                    "selected_option": {"value": picked, "text": {"type": "plain_text", "text": "x"}}
                    if picked
                    else None,
                }
        response = dispatch(
            self.app,
            view_submission(
                view["callback_id"], values, user_id=user, private_metadata=view["private_metadata"]
            ),
        )
        assert response.status == 200
        assert not self.fake.internal_errors
        return json.loads(response.body) if response.body else None

    def request(self, title: str, user: str, skills: str = "", details: str = "") -> int:
        """Asks through /ask and the form; the new request's id."""
        view = self.ask(title, user)
        assert self.submit(view, user, skills=skills or None, details=details or None) is None
        with self.ctx.uow() as uow:
            return max(r.id for r in uow.help.of_cohort(uow.cohorts.by_name("eig7").id))

    # -- buttons ----------------------------------------------------------------------------

    def click(self, action_id: str, value: str | int, user: str, channel: str = CHANNEL) -> list[dict]:
        """Clicks a button; the answers for the clicker only."""
        url = self.fake.new_response_url()
        response = dispatch(
            self.app,
            block_action(
                action_id,
                str(value),
                user_id=user,
                channel_id=channel,
                response_url=url,
                trigger_id=self.fake.new_trigger_id(),
            ),
        )
        assert response.status == 200
        assert not self.fake.internal_errors
        return [r.body for r in self.fake.responses() if r.url == url]

    def resolve(self, request_id: int, user: str, **changes) -> dict | None:
        assert self.click(ids.HELP_RESOLVE, request_id, user) == []
        view = self.opened()
        assert view["callback_id"] == ids.HELP_RESOLVE_FORM
        return self.submit(view, user, **changes)

    # -- what people see --------------------------------------------------------------------

    def channel(self, channel: str = CHANNEL) -> list[dict]:
        return self.fake.messages(channel)

    def dms(self, user: str) -> list[str]:
        return [m["text"] for m in self.fake.messages(user)]

    def request_row(self, request_id: int):
        with self.ctx.uow() as uow:
            return uow.help.get(request_id), uow.help.offers(request_id)


def buttons(message: dict) -> dict[str, str]:
    return {
        element["action_id"]: element.get("value")
        for block in message.get("blocks", [])
        if block["type"] == "actions"
        for element in block["elements"]
    }


@pytest.fixture
def desk(ctx, fake_slack) -> HelpDesk:
    desk = HelpDesk(ctx, fake_slack)
    desk.set_up()
    return desk
