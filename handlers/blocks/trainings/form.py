"""The training forms (propose or change a session; feedback) and the parsers of what they send back.

The start is a date (block `starts_at`) and a time (block `starts_at_time`) read in the cohort's
zone; block `starts_at` may instead hold a `datetimepicker` (a Unix time) or typed text
(`2026-03-10 14:00`, in the cohort's zone unless it carries an offset). Parsers are pure and
answer field by field, as `{block_id: DomainError}`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from domain.calendar import at_local, local_now, parse_hhmm
from domain.cohorts.model import Cohort
from domain.messages import DomainError
from domain.trainings.model import (
    CAPACITY_MAX,
    CAPACITY_MIN,
    COMMENT_MAX,
    DESCRIPTION_MAX,
    DURATIONS,
    LOCATION_MAX,
    RATINGS,
    START_REQUIRED,
    START_TIME_REQUIRED,
    TITLE_MAX,
    Proposal,
    TrainingSession,
    check_capacity,
    check_comment,
    check_description,
    check_duration,
    check_location,
    check_rating,
    check_start,
    check_title,
)
from handlers import ids
from handlers.blocks.kit import context, escape, input_block, modal, option, static_select, text_input
from handlers.blocks.trainings.text import duration_text
from handlers.i18n import N_, gettext

TITLE = N_("Peer training")
CHANGE_TITLE = N_("Change the session")
SUBMIT = N_("Propose the session")
SAVE = N_("Save the changes")
CLOSE = N_("Cancel")
FEEDBACK_TITLE = N_("Your feedback")
SEND = N_("Send my feedback")
LABELS = {
    ids.TRAINING_COHORT: N_("Cohort"),
    "title": N_("Title of the training"),
    "description": N_("What participants will learn"),
    "starts_at": N_("Date of the session"),
    ids.TRAINING_STARTS_AT_TIME: N_("Start time ({zone})"),
    "duration": N_("Length of the session"),
    "capacity": N_("Number of seats"),
    "location": N_("Room or video link"),
    "rating": N_("How useful was it?"),
    "comment": N_("A word for the facilitator"),
}
ZONE_HINT = N_("Times are in the cohort's time zone, {zone}; each reader sees the session in their own.")
LOCATION_HINT = N_("A room (Salle 4.12, 20 avenue de Ségur) or a link (https://…).")
FEEDBACK_INTRO = N_("*{title}*: your answer goes to the facilitator without your name.")
RATING_NAMES = {1: N_("1 · not useful"), 5: N_("5 · very useful")}

Values = Mapping[str, Mapping[str, Any]]


def _input(
    block_id: str, element: dict, lang: str, optional: bool = False, hint: str | None = None, **label: object
) -> dict:
    return input_block(
        block_id, gettext(LABELS[block_id], lang, **label), element, optional=optional, hint=hint
    )


def _durations(lang: str, current: int | None) -> dict:
    minutes = sorted(set(DURATIONS) | ({current} if current else set()))
    return static_select(
        [option(duration_text(m, lang), str(m)) for m in minutes], initial=str(current or 60)
    )


def _start_blocks(lang: str, tz: str | None, session: TrainingSession | None) -> list[dict]:
    day: dict[str, Any] = {"type": "datepicker"}
    clock: dict[str, Any] = {"type": "timepicker"}
    if tz:
        clock["timezone"] = tz
    if session is not None and tz:
        local = local_now(session.starts_at, tz)
        day["initial_date"] = local.date().isoformat()
        clock["initial_time"] = local.strftime("%H:%M")
    hint = gettext(ZONE_HINT, lang, zone=tz) if tz else None
    return [
        _input("starts_at", day, lang),
        _input(ids.TRAINING_STARTS_AT_TIME, clock, lang, hint=hint, zone=tz or "UTC"),
    ]


def proposal_form(lang: str, cohorts: list[Cohort], session: TrainingSession | None = None) -> dict:
    """The form to propose a session (a cohort pick when several are possible) or to change one."""
    tz = cohorts[0].timezone if len({c.timezone for c in cohorts}) == 1 else None
    blocks = []
    if len(cohorts) > 1:
        choices = static_select([option(c.name, str(c.id)) for c in cohorts])
        blocks.append(_input(ids.TRAINING_COHORT, choices, lang))
    capacity = {
        "type": "number_input",
        "is_decimal_allowed": False,
        "min_value": str(CAPACITY_MIN),
        "max_value": str(CAPACITY_MAX),
        "initial_value": str(session.capacity if session else 10),
    }
    blocks += [
        _input("title", text_input(session.title if session else None, max_length=TITLE_MAX), lang),
        _input(
            "description",
            {
                **text_input(session.description if session else None, max_length=DESCRIPTION_MAX),
                "multiline": True,
            },
            lang,
        ),
        *_start_blocks(lang, tz, session),
        _input("duration", _durations(lang, session.duration_minutes if session else None), lang),
        _input("capacity", capacity, lang),
        _input(
            "location",
            text_input(session.location if session else None, max_length=LOCATION_MAX),
            lang,
            hint=gettext(LOCATION_HINT, lang),
        ),
    ]
    metadata = {"session": session.id} if session else {"cohorts": [c.id for c in cohorts]}
    return modal(
        ids.TRAINING_PROPOSE,
        gettext(CHANGE_TITLE if session else TITLE, lang),
        blocks,
        submit=gettext(SAVE if session else SUBMIT, lang),
        close=gettext(CLOSE, lang),
        private_metadata=json.dumps(metadata),
    )


def form_metadata(view: Mapping[str, Any]) -> dict:
    try:
        found = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


# -- what the forms send back ---------------------------------------------------------------------


def _state(values: Values, block_id: str) -> Mapping[str, Any]:
    return (values.get(block_id) or {}).get(ids.VALUE) or {}


def _value(values: Values, block_id: str) -> str:
    state = _state(values, block_id)
    chosen = state.get("selected_option") or {}
    return str(state.get("value") or chosen.get("value") or "").strip()


def _check(errors: dict[str, DomainError], block_id: str, check: Callable[[], Any]) -> Any:
    try:
        return check()
    except DomainError as err:
        errors[block_id] = err
        return None


def chosen_cohort(values: Values) -> int | None:
    picked = _value(values, ids.TRAINING_COHORT)
    return ids.parse_id(picked)


def _start(values: Values, tz: str, errors: dict[str, DomainError]) -> datetime | None:
    state = _state(values, "starts_at")
    if state.get("selected_date_time") is not None:
        return _check(errors, "starts_at", lambda: _parse_instant(state["selected_date_time"]))
    if state.get("value"):  # typed text, as outside tools may send it: 2026-03-10 14:00
        return _check(errors, "starts_at", lambda: _parse_typed(str(state["value"]), tz))
    day_text, time_text = (
        state.get("selected_date"),
        _state(values, ids.TRAINING_STARTS_AT_TIME).get("selected_time"),
    )
    day = _check(errors, "starts_at", lambda: _parse_day(day_text))
    at = _check(errors, ids.TRAINING_STARTS_AT_TIME, lambda: _parse_time(time_text))
    if day is None or at is None:
        return None
    return _check(errors, "starts_at", lambda: _in_zone(lambda: at_local(day, at, tz)))


def _parse_instant(value: object) -> datetime:
    """A datetimepicker's seconds since 1970: a whole number Slack could have sent, or a mistake."""
    seconds = str(value).strip()
    if not (seconds.isascii() and seconds.isdigit()):
        raise DomainError(START_REQUIRED)
    return _in_zone(lambda: datetime.fromtimestamp(int(seconds), UTC))


def _in_zone(moment: Callable[[], datetime]) -> datetime:
    """A moment no calendar can hold (year 10000 once in UTC) is a date to pick again."""
    try:
        return moment()
    except (ValueError, OverflowError, OSError):
        raise DomainError(START_REQUIRED) from None


def _parse_typed(text: str, tz: str) -> datetime:
    try:
        typed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DomainError(START_REQUIRED) from None
    if typed.tzinfo:
        return _in_zone(lambda: typed.astimezone(UTC))
    return _in_zone(lambda: at_local(typed.date(), typed.time(), tz))


def _parse_day(text: str | None) -> date:
    try:
        return date.fromisoformat(str(text or ""))
    except ValueError:
        raise DomainError(START_REQUIRED) from None


def _parse_time(text: str | None) -> time:
    try:
        return parse_hhmm(str(text or ""))
    except ValueError:
        raise DomainError(START_TIME_REQUIRED) from None


def parse_proposal(
    values: Values, tz: str, now: datetime, confirmed: int = 0, last_day: date | None = None
) -> tuple[Proposal | None, dict[str, DomainError]]:
    """The proposal, or the mistakes by block; `confirmed`: seats already taken (a change),
    `last_day`: the cohort's last day, if it has one."""
    errors: dict[str, DomainError] = {}
    fields = {
        "title": _check(errors, "title", lambda: check_title(_value(values, "title"))),
        "description": _check(
            errors, "description", lambda: check_description(_value(values, "description"))
        ),
        "duration_minutes": _check(errors, "duration", lambda: check_duration(_value(values, "duration"))),
        "capacity": _check(errors, "capacity", lambda: check_capacity(_value(values, "capacity"), confirmed)),
        "location": _check(errors, "location", lambda: check_location(_value(values, "location"))),
    }
    starts_at = _start(values, tz, errors)
    if "starts_at" not in errors and ids.TRAINING_STARTS_AT_TIME not in errors:
        fields["starts_at"] = _check(errors, "starts_at", lambda: check_start(starts_at, now, last_day, tz))
    return (None if errors else Proposal(**fields)), errors


def feedback_form(session: TrainingSession, lang: str) -> dict:
    ratings = static_select(
        [option(gettext(RATING_NAMES[r], lang) if r in RATING_NAMES else str(r), str(r)) for r in RATINGS]
    )
    comment = {**text_input(max_length=COMMENT_MAX), "multiline": True}
    blocks = [
        context(gettext(FEEDBACK_INTRO, lang, title=escape(session.title))),
        _input("rating", ratings, lang),
        _input("comment", comment, lang, optional=True),
    ]
    return modal(
        ids.TRAINING_FEEDBACK,
        gettext(FEEDBACK_TITLE, lang),
        blocks,
        submit=gettext(SEND, lang),
        close=gettext(CLOSE, lang),
        private_metadata=json.dumps({"session": session.id}),
    )


def parse_feedback(values: Values) -> tuple[int | None, str, dict[str, DomainError]]:
    errors: dict[str, DomainError] = {}
    rating = _check(errors, "rating", lambda: check_rating(_value(values, "rating")))
    comment = _check(errors, "comment", lambda: check_comment(_state(values, "comment").get("value"))) or ""
    return rating, comment, errors
