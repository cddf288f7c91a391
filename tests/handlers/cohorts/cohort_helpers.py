"""A workspace for the `/cohort` tests: the real Bolt app, the fake Slack, and what the database holds."""

from __future__ import annotations

import json

import pytest

from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, dispatch, slash_command, view_submission
from bot.standin.workspace import BOT_USER_ID
from handlers import ids

PEOPLE = ("UANA", "UBEN", "UCHLOE", "UDAVID", "UEVA", "UMENTOR", "UCOADMIN")


class Workspace:
    """Sends `/cohort` as Slack would (Socket Mode path) and reads back the ephemeral answer."""

    def __init__(self, ctx, fake):
        self.ctx, self.fake = ctx, fake
        self.app = create_app(ctx, signing_secret=None, socket_mode=True, listener_executor=InlineExecutor())
        fake.add_channel("C100", name="eig7", is_member=False)
        fake.add_channel("C200", name="eig8", is_member=False)
        fake.add_channel("G300", name="secret", is_private=True, is_member=False)
        for user_id in PEOPLE:
            fake.add_user(
                user_id,
                name=user_id[1:].lower(),
                email=f"{user_id[1:].lower()}@example.org",
                tz="Europe/Paris",
                locale="fr-FR",
            )
        fake.add_user(BOT_USER_ID, name="cohortbot", is_bot=True)
        fake.add_user("UAPP", name="helper", is_app_user=True)
        fake.add_user("UGONE", name="gone", deleted=True)

    def cohort(self, text: str, user: str = "UADMIN") -> dict:
        """The body of the one answer to `/cohort text`, checked to be for the sender only."""
        url = self.fake.new_response_url()
        response = dispatch(
            self.app,
            slash_command(
                "/cohort", text, user_id=user, response_url=url, trigger_id=self.fake.new_trigger_id()
            ),
        )
        assert response.status == 200 and not response.body, "the command is acknowledged at once, empty"
        answers = [r for r in self.fake.responses() if r.url == url]
        assert len(answers) == 1, f"expected one answer to {text!r}, got {answers}"
        assert answers[0].body["response_type"] == "ephemeral"
        assert not self.fake.internal_errors
        return answers[0].body

    def say(self, text: str, user: str = "UADMIN") -> str:
        return self.cohort(text, user)["text"]

    def open_form(self, user: str = "UADMIN") -> tuple[dict | None, list[dict]]:
        """`/cohort` alone: the view the bot opened (or None), and the answers it sent instead."""
        url = self.fake.new_response_url()
        opened = self.fake.count("views.open")
        dispatch(
            self.app,
            slash_command(
                "/cohort", "  ", user_id=user, response_url=url, trigger_id=self.fake.new_trigger_id()
            ),
        )
        answers = [r.body for r in self.fake.responses() if r.url == url]
        calls = self.fake.calls("views.open")[opened:]
        assert all(call.ok for call in calls), calls
        return (calls[0].params["view"] if calls else None), answers

    def submit(self, mode: str, values: dict, user: str = "UADMIN") -> dict | None:
        """Submits the form; the ack's body (field errors) or None when the form was accepted."""
        response = dispatch(
            self.app, view_submission(ids.COHORT_FORM, values, user_id=user, private_metadata=mode)
        )
        assert response.status == 200
        return json.loads(response.body) if response.body else None

    def dms(self, user: str = "UADMIN") -> list[str]:
        return [message["text"] for message in self.fake.messages(user)]

    def state(self) -> tuple:
        """Everything the cohort feature stores, to show that a refused command changed nothing."""
        with self.ctx.uow() as uow:
            cohorts = uow.cohorts.all()
            return (
                cohorts,
                [uow.members.of_cohort(c.id) for c in cohorts],
                [uow.cohorts.challenges(c.id) for c in cohorts],
                [uow.cohorts.holidays(c.id) for c in cohorts],
                [uow.audit.all_of(c.id) for c in cohorts],
            )

    def members(self, name: str) -> set[tuple]:
        with self.ctx.uow() as uow:
            cohort = uow.cohorts.by_name(name)
            return {(m.user_id, m.role.value, m.challenge_slug) for m in uow.members.of_cohort(cohort.id)}


@pytest.fixture
def workspace(ctx, fake_slack) -> Workspace:
    return Workspace(ctx, fake_slack)
