"""What a fellow was promised holds on every surface a mentor or an admin reads.

UANA answers her stand-ups with a blocker and keeps the default, "figures only". Her mentor and
the cohort's admin read her history (`/standup history @UANA`), their weekly digests and the
export: they see that she answered, never what. Once she picks "figures and text" on her Home tab,
the same surfaces show the text. Training feedback, promised anonymous, reaches the facilitator
and the export without any name.
"""

from __future__ import annotations

import io
import json
import threading
from argparse import Namespace
from datetime import UTC, date, datetime

import pytest

from bot import export
from bot.features import tick_jobs
from bot.server import make_server, wsgi_application
from bot.slack import create_app
from bot.standin.payloads import InlineExecutor, block_action, dispatch, view_submission
from bot.standin.payloads import select as picked
from bot.standin.signing import interaction_body, post, sign, slash_command_body
from domain.checkins.model import Share
from domain.trainings.due import FEEDBACK_OPEN
from handlers import ids
from schedules.engine import tick
from storage.db import database_answers
from tests.handlers.cohorts.cohort_helpers import Workspace
from tests.handlers.trainings.training_helpers import proposal
from tests.support.rituals import Rituals, text_of

SECRET = "sharing-secret"
BLOCKER = "Accès refusé au serveur de la DINUM"
MONDAY, FRIDAY_EVENING = date(2026, 3, 2), datetime(2026, 3, 6, 16, 0, tzinfo=UTC)
READERS = ("UMENTOR", "UCOADMIN")


class Signed:
    """Slack's side of the HTTP server: signed slash commands and clicks."""

    def __init__(self, url: str, fake):
        self.url, self.fake = url, fake

    def _post(self, body: str) -> None:
        assert post(self.url, body, sign(SECRET, body))[0] == 200

    def command(self, name: str, text: str, user: str) -> str:
        """The text and blocks of the one answer to the sender."""
        url = self.fake.new_response_url()
        self._post(
            slash_command_body(
                name, text, user_id=user, response_url=url, trigger_id=self.fake.new_trigger_id()
            )
        )
        [answer] = [r.body for r in self.fake.responses() if r.url == url]
        return text_of(answer)

    def click(self, action_id: str, value: str, user: str) -> None:
        url = self.fake.new_response_url()
        self._post(interaction_body(block_action(action_id, value, user_id=user, response_url=url)))

    def submit(self, payload: dict) -> None:
        self._post(interaction_body(payload))

    def home_click(self, action_id: str, value: str, user: str) -> None:
        self._post(
            interaction_body(block_action(action_id, value, user_id=user, view={"id": "V1", "type": "home"}))
        )


@pytest.fixture
def slack(ctx, engine, fake_slack):
    app = create_app(ctx, signing_secret=SECRET, listener_executor=InlineExecutor())
    application = wsgi_application(app, lambda: database_answers(engine), signing_secret=SECRET)
    server = make_server(application, "127.0.0.1", 0)
    threading.Thread(target=server.run, daemon=True).start()
    yield Signed(f"http://127.0.0.1:{server.effective_port}/slack/events", fake_slack)
    server.close()


@pytest.fixture
def rituals(ctx, fake_slack, clock) -> Rituals:
    ws = Workspace(ctx, fake_slack)
    ws.say("create eig7 <#C100>")
    ws.say("add eig7 <@UANA> <@UBEN> challenge=donnees")
    ws.say("add eig7 <@UMENTOR> as mentor")
    ws.say("add eig7 <@UCOADMIN> as admin")
    ws.say("standup eig7 time=09:00")
    ws.say("digest eig7 day=fri time=17:00")
    rituals = Rituals(ws, clock)
    eig7 = rituals.cohort_id("eig7")
    for day in range(2, 6):
        rituals.standup(eig7, "UANA", date(2026, 3, day), blocker=BLOCKER, mood=2)
    return rituals


def exported(engine) -> list[dict]:
    out = io.StringIO()
    export.run(Namespace(cohort="eig7", format="json", out=None), engine, out)
    return json.loads(out.getvalue())["standup_entries"]


def test_figures_only_holds_in_history_digests_and_export_until_the_fellow_shares(rituals, slack, engine):
    for reader in READERS:
        history = slack.command("/standup", "history <@UANA>", reader)
        assert "répondu" in history and "Texte gardé privé" in history, reader
        assert BLOCKER not in history and "hier" not in history, reader
    # Herself, she reads everything.
    assert BLOCKER in slack.command("/standup", "history", "UANA")
    assert [e["answers"] for e in exported(engine)] == [None] * 4

    rituals.at(FRIDAY_EVENING)
    for reader in READERS:
        digest = rituals.digest_text(reader)
        assert "UANA" in digest and BLOCKER not in digest, reader

    # She chooses "figures and text" on her Home tab: every surface now shows the text.
    slack.home_click(ids.HOME_SHARE_TEXT, Share.TEXT.value, "UANA")
    for reader in READERS:
        history = slack.command("/standup", "history <@UANA>", reader)
        assert BLOCKER in history and "Texte gardé privé" not in history, reader
    assert all(BLOCKER in e["answers"] for e in exported(engine))
    rituals.at(datetime(2026, 3, 13, 16, 0, tzinfo=UTC))
    for reader in READERS:
        assert BLOCKER in rituals.digest_text(reader), reader


def test_training_feedback_reaches_the_facilitator_and_the_export_without_names(rituals, slack, engine, ctx):
    ws = rituals.workspace
    eig7 = rituals.cohort_id("eig7")
    ws.say("add eig7 <@UCHLOE> <@UDAVID> challenge=donnees")
    payload = view_submission(
        ids.TRAINING_PROPOSE,
        proposal(day="2026-03-02", time="09:00"),
        user_id="UBEN",
        private_metadata=json.dumps({"cohorts": [eig7]}),
    )
    assert dispatch(ws.app, payload).body == ""
    with ctx.uow() as uow:
        [session] = uow.trainings.of_cohort(eig7)
    for attendee in ("UCHLOE", "UDAVID"):
        slack.click(ids.TRAINING_SIGNUP, str(session.id), attendee)
    ctx.clock.set(datetime(2026, 3, 2, 11, 0, tzinfo=UTC))
    for attendee, rating, comment in (("UCHLOE", "5", "Zéro défaut"), ("UDAVID", "2", "Trop rapide")):
        slack.submit(
            view_submission(
                ids.TRAINING_FEEDBACK,
                {"rating": picked(rating), "comment": comment},
                user_id=attendee,
                private_metadata=json.dumps({"session": session.id}),
            )
        )
    assert not [m for m in ws.fake.messages("UBEN") if "Zéro défaut" in text_of(m)], "not before it closes"
    closes = session.ends_at + FEEDBACK_OPEN
    ctx.clock.set(closes)
    tick(ctx, closes, tick_jobs())
    summaries = [text_of(m) for m in ws.fake.messages("UBEN") if "Zéro défaut" in text_of(m)]
    assert len(summaries) == 1, "the facilitator reads the comments once, when feedback closes"
    for attendee, name in (("UCHLOE", "chloe"), ("UDAVID", "david")):
        assert not any(attendee in text or name in text.lower() for text in summaries)
    # Comments are not in the order they came in, so the last one to arrive is not pointed at.
    assert summaries[-1].index("Trop rapide") < summaries[-1].index("Zéro défaut")
    out = io.StringIO()
    export.run(Namespace(cohort="eig7", format="json", out=None), engine, out)
    feedback = json.loads(out.getvalue())["training_feedback"]
    assert feedback == [
        {"session_id": session.id, "rating": 2, "comment": "Trop rapide"},
        {"session_id": session.id, "rating": 5, "comment": "Zéro défaut"},
    ]
