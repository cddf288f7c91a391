"""A cohort with a stand-up, set up by `/cohort` commands, and what fellows do: click, submit, type."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.standin.payloads import block_action, dispatch, event_callback, slash_command, view_submission
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.support.standup_world import StandupWorld

MONDAY_0930 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


class Standups:
    def __init__(self, workspace: Workspace, clock):
        self.ws, self.fake, self.ctx, self.clock = workspace, workspace.fake, workspace.ctx, clock
        self.world = StandupWorld(self.ctx, self.fake, clock)

    def set_up(self, settings: str = "remind=60 close=12:00") -> None:
        self.ws.say("create eig7 <#C100|eig7>")
        self.ws.say("add eig7 <@UANA> <@UBEN> <@UCHLOE>")
        self.ws.say("add eig7 <@UMENTOR> as mentor")
        self.ws.say(f"standup eig7 {settings}")

    def prompt(self, user: str = "UANA") -> dict:
        return self.world.prompts(user)[-1]

    @staticmethod
    def button(message: dict, action_id: str) -> dict:
        for block in message.get("blocks") or []:
            for element in block.get("elements") or []:
                if element.get("action_id") == action_id:
                    return element
        raise AssertionError(f"no {action_id} button in {message.get('text')!r}")

    def click(self, message: dict, action_id: str, user: str = "UANA") -> tuple[dict | None, list[dict]]:
        """Clicks a button of a message: the view it opened (or None) and the answers to the click."""
        url, opened = self.fake.new_response_url(), self.fake.count("views.open")
        value = self.button(message, action_id).get("value")
        body = block_action(
            action_id,
            value,
            user_id=user,
            trigger_id=self.fake.new_trigger_id(),
            channel_id=self.fake.dm_channel(user),
            message=message,
            response_url=url,
        )
        assert dispatch(self.ws.app, body).status == 200
        calls = self.fake.calls("views.open")[opened:]
        assert all(call.ok for call in calls), calls
        return (calls[0].params["view"] if calls else None), [
            r.body for r in self.fake.responses() if r.url == url
        ]

    def submit(self, view: dict, answers: dict, user: str = "UANA") -> dict | None:
        """Submits the answer form as Slack would: the ack's body (field errors) or None."""
        values = {key: (value if isinstance(value, dict) else value) for key, value in answers.items()}
        body = view_submission(
            view["callback_id"], values, user_id=user, private_metadata=view["private_metadata"]
        )
        response = dispatch(self.ws.app, body)
        assert response.status == 200
        return json.loads(response.body) if response.body else None

    def standup(self, text: str = "", user: str = "UANA") -> tuple[dict | None, list[dict]]:
        url, opened = self.fake.new_response_url(), self.fake.count("views.open")
        response = dispatch(
            self.ws.app,
            slash_command(
                "/standup", text, user_id=user, response_url=url, trigger_id=self.fake.new_trigger_id()
            ),
        )
        assert response.status == 200 and not response.body
        calls = self.fake.calls("views.open")[opened:]
        return (calls[0].params["view"] if calls else None), [
            r.body for r in self.fake.responses() if r.url == url
        ]

    def say(self, text: str, user: str = "UANA") -> str:
        _view, answers = self.standup(text, user)
        assert len(answers) == 1 and answers[0]["response_type"] == "ephemeral"
        return answers[0]["text"]

    def type_in_dm(self, text: str, user: str = "UANA", **extra) -> None:
        event = {
            **extra,
            "type": "message",
            "channel": self.fake.dm_channel(user),
            "channel_type": "im",
            "user": user,
            "text": text,
            "ts": "1700000001.000100",
            "event_ts": "1700000001.000100",
        }
        assert dispatch(self.ws.app, event_callback(event)).status == 200

    def channel(self) -> list[dict]:
        return self.fake.messages("C100")


def inputs(view: dict) -> list[str]:
    return [block["block_id"] for block in view["blocks"] if block["type"] == "input"]


@pytest.fixture
def standups(workspace, clock) -> Standups:
    return Standups(workspace, clock)


@pytest.fixture
def prompted(standups) -> Standups:
    """Monday 09:30 in Paris: the stand-up is set up and the prompts are out."""
    standups.set_up()
    standups.world.tick(MONDAY_0930)
    return standups
