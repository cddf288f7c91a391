"""The resolve form of a help request: which helpers to credit (all of them, unless unticked) and an
optional thanks; and the parser of what it sends back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.cohorts.rules import user_ref
from domain.messages import NP_, DomainError
from domain.peer_help.lifecycle import HelpView
from handlers import ids
from handlers.blocks.kit import escape, input_block, modal, section, text_input
from handlers.i18n import N_, gettext

THANKS_MAX = 1000
CHECKBOXES_MAX = 10
TITLE = N_("Resolve a request")
SUBMIT = N_("Resolve")
CANCEL = N_("Cancel")
RESOLVING = N_("Resolving “{title}”.")
NO_HELPER = N_("Nobody offered help on it: it is resolved without credit.")
CREDIT_LABEL = N_("Who helped?")
CREDIT_HINT = N_("Each person ticked is credited with a help given, in the skills the request needed.")
THANKS_LABEL = N_("A word of thanks")
THANKS_TOO_LONG = NP_("At most {count} character, please.", "At most {count} characters, please.")

Values = Mapping[str, Mapping[str, Any]]


def resolve_form(view: HelpView) -> dict:
    lang = view.cohort.lang
    blocks = [section(gettext(RESOLVING, lang, title=escape(view.request.title)))]
    helpers = view.helpers[:CHECKBOXES_MAX]
    if helpers:
        options = [
            {"text": {"type": "mrkdwn", "text": user_ref(helper)}, "value": helper} for helper in helpers
        ]
        checkboxes = {"type": "checkboxes", "options": options, "initial_options": options}
        blocks.append(
            input_block(
                ids.HELP_CREDITED,
                gettext(CREDIT_LABEL, lang),
                checkboxes,
                optional=True,
                hint=gettext(CREDIT_HINT, lang),
            )
        )
    else:
        blocks.append(section(gettext(NO_HELPER, lang)))
    thanks = {**text_input(max_length=THANKS_MAX), "multiline": True}
    blocks.append(input_block(ids.HELP_THANKS, gettext(THANKS_LABEL, lang), thanks, optional=True))
    return modal(
        ids.HELP_RESOLVE_FORM,
        gettext(TITLE, lang),
        blocks,
        submit=gettext(SUBMIT, lang),
        close=gettext(CANCEL, lang),
        private_metadata=str(view.request.id),
    )


def parse_resolve_form(
    values: Values, private_metadata: str
) -> tuple[int | None, tuple[str, ...], str, dict[str, DomainError]]:
    """(request id, helpers ticked, thanks, mistakes by block id). Pure."""
    credited = (values.get(ids.HELP_CREDITED) or {}).get(ids.VALUE) or {}
    helpers = tuple(option["value"] for option in credited.get("selected_options") or ())
    thanks = str(((values.get(ids.HELP_THANKS) or {}).get(ids.VALUE) or {}).get("value") or "").strip()
    errors = {}
    if len(thanks) > THANKS_MAX:
        errors[ids.HELP_THANKS] = DomainError(THANKS_TOO_LONG, count=THANKS_MAX)
    request_id = ids.parse_id(private_metadata)
    return request_id, helpers, thanks, errors
