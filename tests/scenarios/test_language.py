"""One language per cohort, seen by its people: a fellow whose Slack is in English, in a French cohort,
reads French from every command, button and message about it; someone in no cohort reads their own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.standin.payloads import dispatch, view_submission
from handlers import ids
from tests.handlers.peer_help.peer_help_helpers import HelpDesk
from tests.support.standup_world import StandupWorld

MONDAY_0930 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.fixture
def desk(ctx, fake_slack) -> HelpDesk:
    desk = HelpDesk(ctx, fake_slack)
    fake_slack.add_user("UBEN", name="ben", tz="Europe/Paris", locale="en-US")  # Slack in English
    fake_slack.add_user("UOUT", name="out", tz="Europe/London", locale="en-GB")  # in no cohort
    desk.set_up()  # eig7, in French (the default), with UANA (Slack in French) and UBEN as fellows
    desk.say("/cohort", "standup eig7", "UADMIN")
    return desk


def _seen(desk: HelpDesk, clock, user: str) -> list[str]:
    """What `user` reads from each surface: commands, a help button, the stand-up DM."""
    request = desk.request("Tests flaky", "UCHLOE")
    texts = [desk.say(command, text, user) for command, text in COMMANDS]
    [offered] = desk.click(ids.HELP_OFFER, request, user)
    texts.append(offered["text"])
    texts.append(desk.ask("", user)["title"]["text"])
    StandupWorld(desk.ctx, desk.fake, clock).tick(MONDAY_0930)
    texts.append(desk.fake.messages(user)[-1]["text"])
    return texts


COMMANDS = [
    ("/standup", "history"),
    ("/checkin", "share"),
    ("/training", ""),
    ("/skills", ""),
    ("/standup", "frobnicate"),
]


def test_a_fellow_whose_slack_is_english_reads_their_french_cohort_in_french(desk, clock):
    english_slack = _seen(desk, clock, "UBEN")
    french_slack = _seen(desk, clock, "UANA")
    assert [text.replace("<@UANA>", "<@UBEN>") for text in french_slack] == english_slack
    assert "Sous-commande inconnue" in english_slack[len(COMMANDS) - 1]


def test_someone_in_no_cohort_reads_their_own_slack_language(desk):
    # A former member: the bot keeps their Slack profile, language included.
    desk.say("/cohort", "add eig7 <@UOUT>", "UADMIN")
    desk.say("/cohort", "remove eig7 <@UOUT>", "UADMIN")
    assert desk.say("/standup", "frobnicate", "UOUT").startswith('Unknown sub-command "frobnicate".')
    assert desk.say("/skills", "frobnicate", "UOUT").startswith('Unknown sub-command "frobnicate".')
    assert desk.say("/training", "frobnicate", "UOUT").startswith("Unknown")


def test_something_going_wrong_is_told_in_the_persons_language(desk):
    desk.fake.add_channel("C900", name="eig9", is_member=True)
    desk.say("/cohort", "create eig9 <#C900> lang=en", "UADMIN")
    desk.say("/cohort", "add eig9 <@UOUT>", "UADMIN")
    view = desk.ask("Question", "UOUT")
    desk.fake.fail_next("chat.postMessage", "internal_error", status=500)
    values = {"title": "Question", "details": None, "skills": None}
    metadata = view["private_metadata"]
    dispatch(desk.app, view_submission(ids.HELP_REQUEST, values, user_id="UOUT", private_metadata=metadata))
    assert desk.dms("UOUT")[-1].startswith("Something went wrong on our side and nothing was saved.")
