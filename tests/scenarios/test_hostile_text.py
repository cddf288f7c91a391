"""What people write reaches every reader as text, never as Slack markup.

A week in which every free text (stand-up answers and questions, help titles, details and thanks,
training titles, descriptions, locations and feedback, check-in answers, skills, challenge names,
display names) is a string that would notify the channel, hide a link and mention people if Slack
parsed it. Then every call the fake Slack recorded is read the way Slack reads it: the top-level
`text` of every message and every mrkdwn text of its blocks, in channels, DMs, answers, forms and
the Home tab. None may hold a live `<!channel>`, link, mention or a bare `&`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.features import tick_jobs
from bot.standin.payloads import dispatch, event_callback, select
from domain.checkins.model import Share
from domain.standups.model import SHARE_CHANNEL, SHARE_SUMMARY, StandupSettings
from handlers import ids
from schedules.engine import tick
from tests.handlers.peer_help.peer_help_helpers import HelpDesk, buttons
from tests.handlers.standups.standup_helpers import Standups
from tests.handlers.trainings.training_helpers import Trainings
from tests.support.rituals import Rituals

# What a hostile member types: a channel-wide notification, a disguised link, a mention, a channel link.
HOSTILE = "<!channel> <https://evil.example|click here> Tom & Jerry <@U123> <#C1>"
ESCAPED = "&lt;!channel&gt; &lt;https://evil.example|click here&gt; Tom &amp; Jerry &lt;@U123&gt; &lt;#C1&gt;"
LIVE = ("<!channel", "<https://evil", "<@U123>", "<#C1>", "Tom & Jerry")

MONDAY = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
FELLOWS = ("UANA", "UBEN", "UCHLOE", "UDAVID")


def mrkdwn_texts(node) -> Iterator[str]:
    """Every text Slack parses as mrkdwn inside blocks or a view."""
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
            yield node["text"]
        for value in node.values():
            yield from mrkdwn_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from mrkdwn_texts(item)


def parsed_texts(fake) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the recipients' Slack parses: each call's `text` and mrkdwn."""
    for call in fake.calls():
        params = call.params
        where = f"{call.method} to {params.get('channel') or params.get('user_id') or ''}"
        for key in ("text", "initial_comment"):  # a message's text; a shared file's message
            if isinstance(params.get(key), str):
                yield where, params[key]
        for key in ("blocks", "attachments", "view"):
            value = params.get(key)
            if isinstance(value, str):
                value = json.loads(value)
            for text in mrkdwn_texts(value):
                yield where, text
    for response in fake.responses():
        body = response.body
        if isinstance(body.get("text"), str):
            yield "response_url", body["text"]
        for text in mrkdwn_texts(body.get("blocks")):
            yield "response_url", text


class HostileWeek:
    def __init__(self, workspace, clock):
        self.ws, self.fake, self.ctx, self.clock = workspace, workspace.fake, workspace.ctx, clock
        self.desk = HelpDesk(self.ctx, self.fake)
        for user in (*FELLOWS, "UEVA", "UFRED", "UMENTOR", "UCOADMIN"):
            self.fake.add_user(user, name=HOSTILE, real_name=HOSTILE, tz="Europe/Paris", locale="fr-FR")
        self.trainings = Trainings(workspace)
        self.standups = Standups(workspace, clock)
        self.rituals = Rituals(workspace, clock)

    def at(self, when: datetime) -> None:
        self.clock.set(when)
        tick(self.ctx, when, tick_jobs())

    def home(self, user: str) -> None:
        event = {
            "type": "app_home_opened",
            "user": user,
            "channel": self.fake.dm_channel(user),
            "tab": "home",
        }
        assert dispatch(self.ws.app, event_callback(event)).status == 200


@pytest.fixture
def week(workspace, clock) -> HostileWeek:
    clock.set(MONDAY)
    return HostileWeek(workspace, clock)


def live_markup(fake) -> list[tuple[str, str]]:
    return [(where, text) for where, text in parsed_texts(fake) if any(live in text for live in LIVE)]


def test_what_people_write_never_reaches_anyone_as_markup(week):
    ws, fake = week.ws, week.fake
    eig7 = week.trainings.cohort().id
    ws.say("add eig7 <@UEVA> <@UFRED> challenge=sante")
    ws.say("add eig7 <@UMENTOR> as mentor")
    ws.say("standup eig7 remind=60 close=12:00")
    ws.say("checkin eig7 every=1 day=mon time=10:00")
    ws.say("digest eig7 day=mon time=16:00")
    with week.ctx.uow() as uow:
        uow.standups.save_settings(
            StandupSettings(
                eig7,
                remind_minutes=60,
                close="12:00",
                mood=True,
                questions=(f"Hier {HOSTILE}", f"Aujourd’hui {HOSTILE}", f"Blocages {HOSTILE}"),
                updated_at=MONDAY,
            )
        )
        uow.cohorts.add_challenge(eig7, "ia", HOSTILE)
        for fellow in FELLOWS:  # mentors and admins read what these fellows wrote, not only figures
            uow.checkins.set_share(fellow, Share.TEXT, MONDAY)
        uow.commit()
    ws.say("add eig7 <@UDAVID> challenge=ia")

    # Skills, then a stand-up answered in full.
    for fellow in ("UBEN", "UEVA", "UFRED"):
        week.desk.say("/skills", f"add python, {HOSTILE}", fellow)
    week.at(datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    for fellow in ("UANA", "UBEN"):
        view, _ = week.standups.click(week.standups.prompt(fellow), ids.STANDUP_OPEN, user=fellow)
        answers = {"q1": HOSTILE, "q2": HOSTILE, "q3": HOSTILE, "mood": select("2")}
        assert week.standups.submit(view, answers, user=fellow) is None

    # The mentor's check-in, answered with the same text.
    week.at(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    view = week.rituals.press_open("UMENTOR", eig7)
    assert (
        week.rituals.answer(view, "UMENTOR", "3", going_well=HOSTILE, blockers=HOSTILE, needs=HOSTILE) is None
    )

    # Help: asked, offered, resolved with thanks; another left unanswered, re-routed and nudged.
    asked = week.desk.request(HOSTILE, "UCHLOE", skills="python", details=HOSTILE)
    week.desk.click(ids.HELP_OFFER, asked, "UBEN", channel=fake.dm_channel("UBEN"))
    assert week.desk.resolve(asked, "UCHLOE", thanks=HOSTILE) is None
    waiting = week.desk.request(HOSTILE, "UANA", skills="python", details=HOSTILE)
    week.desk.click(ids.HELP_OFFER, waiting, "UEVA", channel=fake.dm_channel("UEVA"))
    week.desk.click(ids.HELP_CLOSE, waiting, "UANA")
    unanswered = week.desk.request(HOSTILE, "UDAVID", skills="python", details=HOSTILE)
    assert buttons(week.desk.channel()[-1]).get(ids.HELP_OFFER) == str(unanswered)

    # A training, announced, joined, listed.
    location = f"https://visio.example.org/?a=1&b=2 {HOSTILE}"
    session = week.trainings.propose(title=HOSTILE, description=HOSTILE, location=location, capacity="5")
    week.trainings.click(ids.TRAINING_SIGNUP, session, "UBEN")
    week.trainings.click(ids.TRAINING_SIGNUP, session, "UCHLOE")
    for text in ("", "mine"):
        week.trainings.command(text, user="UBEN")

    # The day's end: summary, history, skills, Home, digests.
    week.at(datetime(2026, 3, 2, 11, 0, tzinfo=UTC))
    week.standups.say("history", user="UANA")
    week.standups.say("history <@UANA|ana>", user="UMENTOR")
    week.standups.say("today eig7", user="UCOADMIN")
    for user in ("UBEN", "UCHLOE"):
        week.desk.command("/skills", "", user)
    week.desk.command("/skills", "who python", "UANA")
    week.ws.cohort("show eig7")
    for user in (*FELLOWS, "UMENTOR", "UCOADMIN"):
        week.home(user)
    week.at(datetime(2026, 3, 2, 15, 0, tzinfo=UTC))

    # Tuesday the answers go to the channel itself, Wednesday into the summary only.
    for day, share in ((3, SHARE_CHANNEL), (4, SHARE_SUMMARY)):
        with week.ctx.uow() as uow:
            uow.standups.save_settings(replace(uow.standups.settings(eig7), share=share))
            uow.commit()
        week.at(datetime(2026, 3, day, 8, 30, tzinfo=UTC))
        view, _ = week.standups.click(week.standups.prompt("UANA"), ids.STANDUP_OPEN, user="UANA")
        answers = {"q1": HOSTILE, "q2": HOSTILE, "q3": HOSTILE, "mood": select("4")}
        assert week.standups.submit(view, answers, user="UANA") is None
        week.at(datetime(2026, 3, day, 11, 0, tzinfo=UTC))

    # The request's re-routing and nudge, the training's reminders and feedback.
    week.at(datetime(2026, 3, 3, 12, 0, tzinfo=UTC))
    week.at(datetime(2026, 3, 9, 13, 0, tzinfo=UTC))
    week.at(datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
    week.at(datetime(2026, 3, 10, 14, 0, tzinfo=UTC))
    week.trainings.click(ids.TRAINING_FEEDBACK_OPEN, session, "UBEN", channel=fake.dm_channel("UBEN"))
    assert week.trainings.opened_view()["callback_id"] == ids.TRAINING_FEEDBACK
    answer = week.trainings.submit(
        {"rating": select("5"), "comment": HOSTILE},
        user="UBEN",
        metadata={"session": session},
        callback=ids.TRAINING_FEEDBACK,
    )
    assert answer is None
    week.home("UANA")
    week.at(datetime(2026, 3, 10, 15, 0, tzinfo=UTC))

    assert not fake.internal_errors
    assert live_markup(fake) == []
    # The texts did arrive, escaped, on each kind of surface (the test reads what it should).
    reached = {where.split(" ")[0] for where, text in parsed_texts(fake) if "Tom &amp; Jerry" in text}
    assert {"chat.postMessage", "chat.update", "views.open", "views.publish", "response_url"} <= reached
    escaped_in = [text for _where, text in parsed_texts(fake) if ESCAPED in text]
    assert len(escaped_in) > 20
    readers = {where.split(" to ")[-1] for where, text in parsed_texts(fake) if "Tom &amp; Jerry" in text}
    assert {"C100", "UMENTOR", "UCOADMIN", "UANA", "UBEN", "UCHLOE", "UDAVID"} <= readers


def test_the_check_finds_markup_left_live(fake_slack, ctx):
    """The scan reads `text`, mrkdwn blocks and views: a live link in any of them is found."""
    ctx.slack.chat_postMessage(channel="C1", text=f"a {HOSTILE}")
    ctx.slack.chat_postMessage(
        channel="C1",
        text="x",
        blocks=[{"type": "context", "elements": [{"type": "mrkdwn", "text": "<@U123>"}]}],
    )
    found = live_markup(fake_slack)
    assert len(found) == 2
    assert re.search("evil", found[0][1])
