"""Per-method facts from Slack's documentation: required arguments, errors, rate-limit tiers."""

from __future__ import annotations

import json
from pathlib import Path

from bot.standin.workspace import ApiError

FACTS: dict[str, dict] = json.loads((Path(__file__).parent / "data" / "slack_method_facts.json").read_text())[
    "methods"
]

# Which documented error Slack gives when a required argument is missing, first documented wins.
_MISSING_ARG_ERRORS = {
    "channel": ("channel_not_found",),
    "user": ("user_not_found",),
    "email": ("users_not_found",),
    "ts": ("message_not_found", "thread_not_found"),
}


def check_required_args(method: str, params: dict) -> None:
    facts = FACTS.get(method)
    if not facts:
        return
    documented = facts["errors"]
    for arg in facts["required_args"]:
        if params.get(arg) not in (None, ""):
            continue
        for code in (*_MISSING_ARG_ERRORS.get(arg, ()), "missing_argument"):
            if code in documented:
                raise ApiError(code)
        raise ApiError("invalid_arguments", [f"[ERROR] missing required field: {arg}"])
