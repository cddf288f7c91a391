"""What someone typed comes back in a mistake as text: `<!channel>` typed to any command notifies nobody."""

from __future__ import annotations

import json

import pytest

from tests.handlers.peer_help import peer_help_helpers
from tests.handlers.peer_help.peer_help_helpers import HelpDesk

desk = peer_help_helpers.desk  # a fixture, found by name

# `<!channel>` typed as text: Slack escapes it in the command (should_escape), the bot reads it back.
TYPED = "&lt;!channel&gt;"


@pytest.mark.parametrize(
    "command,text,user",
    [
        ("/cohort", TYPED, "UADMIN"),
        ("/standup", TYPED, "UANA"),
        ("/skills", TYPED, "UANA"),
        ("/training", TYPED, "UANA"),
        ("/checkin", f"share {TYPED}", "UANA"),
    ],
)
def test_a_channel_mention_typed_into_a_command_comes_back_as_text(desk: HelpDesk, command, text, user):
    [answer] = desk.command(command, text, user)
    assert "<!channel>" not in json.dumps(answer), answer
    # Named as typed (or as Slack shows the mention, @channel), escaped once, never twice.
    assert "&lt;!channel&gt;" in answer["text"] or "@channel" in answer["text"], answer["text"]
    assert "&amp;" not in answer["text"]
