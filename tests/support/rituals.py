"""Mentor check-ins and digests driven as Slack and the clock would: ticks, DMs, buttons and forms."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from bot.features import SOURCES
from bot.standin.payloads import block_action, dispatch, select, slash_command, view_submission
from domain.standups.model import EntryStatus, StandupEntry
from handlers import ids
from schedules.checkins import CHECKIN_JOB
from schedules.digests import DigestJob
from schedules.engine import tick

# The check-ins first, as in a tick: a digest sees the check-ins recorded as missed.
JOBS = (CHECKIN_JOB, DigestJob(SOURCES.digest))


def text_of(message: dict) -> str:
    """Every text of a message, blocks included, as one string."""
    parts = [message.get("text", "")]
    for block in message.get("blocks", []):
        if isinstance(block.get("text"), dict):
            parts.append(block["text"]["text"])
        parts += [field["text"] for field in block.get("fields", [])]
        texts = (element["text"] for element in block.get("elements", []) if "text" in element)
        parts += [text["text"] if isinstance(text, dict) else text for text in texts]  # a button's label
    return "\n".join(parts)


class Rituals:
    """Wraps the `/cohort` workspace of the handler tests with the check-ins' and digests' moves."""

    def __init__(self, workspace, clock):
        self.workspace, self.clock = workspace, clock
        self.ctx, self.fake, self.app = workspace.ctx, workspace.fake, workspace.app

    # -- time --------------------------------------------------------------------------------------

    def at(self, when: datetime) -> list:
        self.clock.set(when)
        return tick(self.ctx, when, JOBS)

    def lines(self, when: datetime) -> dict[str, str]:
        return {report.kind: report.line() for report in self.at(when)}

    # -- what people receive -----------------------------------------------------------------------

    def dms(self, user: str) -> list[dict]:
        return self.fake.messages(user)

    def texts(self, user: str) -> list[str]:
        return [m["text"] for m in self.dms(user)]

    def digest_text(self, user: str, index: int = -1) -> str:
        """Every text of one DM (a digest), blocks included, as one string."""
        return text_of(self.dms(user)[index])

    # -- what people do ----------------------------------------------------------------------------

    def press_open(self, user: str, cohort_id: int) -> dict | None:
        """The mentor presses the prompt's button; the form opened, or None."""
        before = self.fake.count("views.open")
        dispatch(
            self.app,
            block_action(
                ids.CHECKIN_OPEN, str(cohort_id), user_id=user, trigger_id=self.fake.new_trigger_id()
            ),
        )
        calls = self.fake.calls("views.open")[before:]
        return calls[0].params["view"] if calls else None

    def checkin(self, text: str = "", user: str = "UMENTOR") -> tuple[dict | None, list[dict]]:
        """`/checkin text`: the form opened (or None) and the ephemeral answers."""
        url = self.fake.new_response_url()
        before = self.fake.count("views.open")
        dispatch(
            self.app,
            slash_command(
                "/checkin", text, user_id=user, response_url=url, trigger_id=self.fake.new_trigger_id()
            ),
        )
        calls = self.fake.calls("views.open")[before:]
        answers = [r.body for r in self.fake.responses() if r.url == url]
        return (calls[0].params["view"] if calls else None), answers

    def answer(self, view: dict, user: str, rating: str | None, **texts: str) -> dict | None:
        """Submits the form; the ack's body (field errors) or None when accepted."""
        values: dict = {name: texts.get(name, "") for name in ids.CHECKIN_INPUTS[1:]}
        values["rating"] = select(rating) if rating else {"type": "static_select", "selected_option": None}
        if texts.get("cohort"):
            values[ids.COHORT_PICK] = select(texts["cohort"])
        response = dispatch(
            self.app,
            view_submission(
                ids.CHECKIN_ANSWER, values, user_id=user, private_metadata=view["private_metadata"]
            ),
        )
        assert response.status == 200
        return json.loads(response.body) if response.body else None

    # -- data the other features would have stored -------------------------------------------------

    def standup(
        self,
        cohort_id: int,
        user: str,
        day: date,
        blocker: str = "rien",
        mood: int | None = None,
        skipped: bool = False,
    ) -> None:
        entry = StandupEntry(
            cohort_id,
            user,
            day,
            EntryStatus.SKIPPED if skipped else EntryStatus.ANSWERED,
            () if skipped else ("hier", "aujourd’hui", blocker),
            mood,
            submitted_at=datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=8),
        )
        with self.ctx.uow() as uow:
            uow.standups.save_entry(entry)
            uow.commit()

    def cohort_id(self, name: str) -> int:
        with self.ctx.uow() as uow:
            return uow.cohorts.by_name(name).id
