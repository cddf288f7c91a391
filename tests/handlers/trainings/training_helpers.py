"""A cohort with fellows, and `/training`, its buttons and forms sent as Slack would (Socket Mode path)."""

from __future__ import annotations

import json

from bot.standin.payloads import block_action, dispatch, select, slash_command, view_submission
from handlers import ids
from tests.handlers.cohorts.cohort_helpers import Workspace

FELLOWS = ("UANA", "UBEN", "UCHLOE", "UDAVID")


def proposal(
    title="Pandas pour les débutants",
    description="Lire, filtrer et grouper des données.",
    day="2026-03-10",
    time="14:00",
    duration="60",
    capacity="2",
    location="Salle 4.12",
) -> dict:
    """What the proposal form sends back: a datepicker, a timepicker, a select and a number input."""
    return {
        "title": title,
        "description": description,
        "starts_at": {"type": "datepicker", "selected_date": day},
        ids.TRAINING_STARTS_AT_TIME: {"type": "timepicker", "selected_time": time},
        "duration": select(duration),
        "capacity": {"type": "number_input", "value": capacity},
        "location": location,
    }


class Trainings:
    """The cohort eig7 (channel C100, Paris) with four fellows, a mentor and a cohort admin."""

    def __init__(self, workspace: Workspace):
        self.ws, self.fake, self.ctx, self.app = workspace, workspace.fake, workspace.ctx, workspace.app
        workspace.say("create eig7 <#C100>")
        workspace.say("add eig7 " + " ".join(f"<@{u}>" for u in FELLOWS))
        workspace.say("add eig7 <@UCOADMIN> as admin")

    # -- commands and forms ---------------------------------------------------------------

    def command(self, text: str = "", user: str = "UANA", channel: str = "C100") -> dict | None:
        """The ephemeral answer to `/training text`; None when a form was opened instead."""
        url = self.fake.new_response_url()
        response = dispatch(
            self.app,
            slash_command(
                "/training",
                text,
                user_id=user,
                channel_id=channel,
                response_url=url,
                trigger_id=self.fake.new_trigger_id(),
            ),
        )
        assert response.status == 200 and not response.body
        answers = [r.body for r in self.fake.responses() if r.url == url]
        assert len(answers) <= 1 and not self.fake.internal_errors
        return answers[0] if answers else None

    def opened_view(self) -> dict:
        call = self.fake.last_call("views.open")
        assert call is not None and call.ok, call
        return call.params["view"]

    def submit(
        self,
        values: dict,
        user: str = "UANA",
        metadata: dict | None = None,
        callback: str = ids.TRAINING_PROPOSE,
    ) -> dict | None:
        """The ack's body (field errors) or None when the form was accepted."""
        if metadata is None:
            metadata = {"cohorts": [self.cohort().id]}
        payload = view_submission(callback, values, user_id=user, private_metadata=json.dumps(metadata))
        response = dispatch(self.app, payload)
        assert response.status == 200 and not self.fake.internal_errors
        return json.loads(response.body) if response.body else None

    def propose(self, user: str = "UANA", **fields) -> int:
        """Proposes a session through the form; its id."""
        assert self.submit(proposal(**fields), user=user) is None
        with self.ctx.uow() as uow:
            return max(
                s.id for s in uow.trainings.involving(user, self.ctx.clock.now()) if s.facilitator == user
            )

    def click(
        self, action_id: str, session_id: int, user: str = "UBEN", channel: str = "C100"
    ) -> dict | None:
        """Clicks a button carrying the session's id; the ephemeral answer, if any."""
        url = self.fake.new_response_url()
        payload = block_action(
            action_id,
            str(session_id),
            user_id=user,
            channel_id=channel,
            response_url=url,
            trigger_id=self.fake.new_trigger_id(),
        )
        response = dispatch(self.app, payload)
        assert response.status == 200 and not self.fake.internal_errors
        answers = [r.body for r in self.fake.responses() if r.url == url]
        return answers[-1] if answers else None

    # -- what Slack and the database hold -------------------------------------------------

    def cohort(self):
        with self.ctx.uow() as uow:
            return uow.cohorts.by_name("eig7")

    def session(self, session_id: int):
        with self.ctx.uow() as uow:
            return uow.trainings.get(session_id)

    def signups(self, session_id: int) -> dict[str, str]:
        with self.ctx.uow() as uow:
            return {s.user_id: s.status.value for s in uow.trainings.signups([session_id])}

    def announcement(self, session_id: int) -> dict:
        session = self.session(session_id)
        [message] = [
            m for m in self.fake.messages(session.announce_channel) if m["ts"] == session.announce_ts
        ]
        return message

    def dms(self, user: str) -> list[str]:
        return [message.get("text", "") for message in self.fake.messages(user)]

    def files(self, user: str) -> list[dict]:
        dm = self.fake.dm_channel(user)
        return [f for f in self.fake.state.files if f["channel_id"] == dm]

    def later(self, **delta) -> None:
        self.ctx.clock.advance(**delta)
