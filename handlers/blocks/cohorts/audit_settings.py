"""A change of ritual settings in the audit log, in the cohort's language: "a changé l'heure du
stand-up : 9 h 30", never the option keys it was typed with (`days=mon,tue`)."""

from __future__ import annotations

from collections.abc import Mapping

from domain.cohorts.rules import channel_ref
from domain.messages import Message
from handlers.blocks.kit import escape
from handlers.i18n import N_, NP_, format_list, format_time, gettext, join_list, weekday_name

CHANGED = N_("{when} · {actor} changed {changes}")
TURNED_OFF = N_("{when} · {actor} turned off {ritual}")
TURNED_ON = N_("{when} · {actor} turned on {ritual}")
RITUALS = {
    "standup": N_("the stand-up"),
    "checkin": N_("the mentor check-ins"),
    "digest": N_("the digests"),
    "peerhelp": N_("peer help"),
    "trainings": N_("peer trainings"),
}
OPTIONS: dict[tuple[str, str], Message] = {
    ("standup", "days"): N_("the stand-up days: {value}"),
    ("standup", "time"): N_("the stand-up time: {value}"),
    ("standup", "remind"): NP_(
        "the stand-up reminder: {count} minute after the prompt",
        "the stand-up reminder: {count} minutes after the prompt",
    ),
    ("standup", "close"): N_("the stand-up close: {value}"),
    ("standup", "zone"): N_("the stand-up time zone: {value}"),
    ("standup", "share"): N_("where stand-up answers go: {value}"),
    ("standup", "mood"): N_("the mood question: {value}"),
    ("standup", "questions"): NP_(
        "the stand-up questions: {count} question", "the stand-up questions: {count} questions"
    ),
    ("checkin", "every"): NP_(
        "the mentor check-in rhythm: every week", "the mentor check-in rhythm: every {count} weeks"
    ),
    ("checkin", "day"): N_("the mentor check-in day: {value}"),
    ("checkin", "time"): N_("the mentor check-in time: {value}"),
    ("digest", "day"): N_("the digest day: {value}"),
    ("digest", "time"): N_("the digest time: {value}"),
    ("digest", "isolation"): NP_(
        "the isolation alert: after {count} working day without activity",
        "the isolation alert: after {count} working days without activity",
    ),
    ("peerhelp", "channel"): N_("the peer help channel: {value}"),
    ("peerhelp", "reroute"): NP_(
        "the wait before a request goes to more people: {count} hour",
        "the wait before a request goes to more people: {count} hours",
    ),
    ("trainings", "approval"): N_("admin approval of peer trainings: {value}"),
}
# An option added since this list was written still reads, with its name as typed.
OTHER_OPTION = N_("{ritual}, {key}: {value}")
CHOICES = {
    "cohort": N_("the cohort's"),
    "fellow": N_("each fellow's"),
    "thread": N_("a thread of the day"),
    "channel": N_("the channel"),
    "summary": N_("the summary only"),
    "on": N_("turned on"),
    "off": N_("turned off"),
    "default": N_("the cohort's channel"),
}
CLOCK_KEYS = ("time", "close")
DAY_KEYS = ("days", "day")


def settings_line(params: Mapping[str, object], lang: str, common: Mapping[str, object]) -> str:
    """The audit line of a settings change: `params` as `record_settings` stored them (or, for
    older entries, the options as typed: "days=mon,tue time=09:30", "off")."""
    ritual_code = str(params.get("ritual", ""))
    options, off = _options(params)
    ritual = gettext(RITUALS[ritual_code], lang) if ritual_code in RITUALS else f"`{escape(ritual_code)}`"
    if off:
        return gettext(TURNED_OFF, lang, ritual=ritual, **common)
    if not options:
        return gettext(TURNED_ON, lang, ritual=ritual, **common)
    order = [key for ritual_of, key in OPTIONS if ritual_of == ritual_code]
    keys = sorted(options, key=lambda key: order.index(key) if key in order else len(order))
    changes = [_option(ritual_code, ritual, key, options[key], lang) for key in keys]
    return gettext(CHANGED, lang, changes=join_list(changes), **common)


def _options(params: Mapping[str, object]) -> tuple[dict[str, str], bool]:
    options = params.get("options")
    if isinstance(options, dict):
        return {str(key): str(value) for key, value in options.items()}, bool(params.get("off"))
    change = str(params.get("change", ""))
    if change == "off":
        return {}, True
    pairs = (word.partition("=") for word in change.split() if "=" in word)
    return {key: value for key, _equals, value in pairs}, False


def _option(ritual_code: str, ritual: str, key: str, value: str, lang: str) -> str:
    message = OPTIONS.get((ritual_code, key))
    if message is None:
        return gettext(OTHER_OPTION, lang, ritual=ritual, key=f"`{escape(key)}`", value=escape(value))
    if not isinstance(message, str):
        return gettext(message, lang, count=int(value) if value.isdigit() else 0)
    return gettext(message, lang, value=_value(key, value, lang))


def _value(key: str, value: str, lang: str) -> str:
    if key in CLOCK_KEYS:
        try:
            return format_time(value, lang)
        except ValueError:
            return escape(value)
    if key in DAY_KEYS:
        try:
            return format_list((weekday_name(day, lang) for day in value.split(",")), lang)
        except ValueError:
            return escape(value)
    if key == "channel" and value != "default":
        return channel_ref(value)
    if value in CHOICES:
        return gettext(CHOICES[value], lang)
    return escape(value)
