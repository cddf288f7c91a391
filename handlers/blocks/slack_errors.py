"""What Slack's refusals mean to the bot: the error code of a failed Web API call, and the named
groups of codes the features act on.

It sits beside the Block Kit helpers, which hold Slack's other rules (its limits), so that the
scheduled jobs may read it too; it is pure.
"""

from __future__ import annotations

import re

from slack_sdk.errors import SlackApiError

_CODE = re.compile(r"[a-z0-9_]+")

# A person the bot cannot write to: the others are still told, and whoever acted hears who was not.
UNREACHABLE = frozenset(
    {
        "channel_not_found",
        "user_not_found",
        "user_disabled",
        "cannot_dm_bot",
        "messages_tab_disabled",
        "is_archived",
    }
)
# A channel that will not take the bot's message whatever we retry: an admin has to act.
CHANNEL_REFUSED = frozenset({"not_in_channel", "channel_not_found", "is_archived", "restricted_action"})
# users.info / users.lookupByEmail, conversations.info: nobody (nothing) by that id.
USER_NOT_FOUND = frozenset({"user_not_found", "users_not_found"})
CHANNEL_NOT_FOUND = frozenset({"channel_not_found"})


def error_code(error: SlackApiError) -> str:
    """Slack's error code (`not_in_channel`, …); `http_<status>` for an answer without one, such as
    a proxy's error page."""
    answer = error.response
    code = answer.get("error") if hasattr(answer, "get") else None
    if isinstance(code, str) and _CODE.fullmatch(code):
        return code
    return f"http_{getattr(answer, 'status_code', '?')}"
