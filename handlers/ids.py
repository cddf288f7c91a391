"""Every interactive id: the interface's (stable, used by outside tools) and the bot's own.

Each input block's `block_id` equals its input name; the element's `action_id` is VALUE.
"""

from __future__ import annotations

VALUE = "value"

# Stand-up (interface)
STANDUP_OPEN = "standup_open"
STANDUP_SKIP = "standup_skip"
STANDUP_ANSWER = "standup_answer"
STANDUP_MOOD = "mood"
STANDUP_BLOCKER_TO_HELP = "standup_blocker_to_help"
STANDUP_SAVE_TEXT = "standup_save_text"  # text typed to the bot, kept as the answer
# Stand-up (the bot's own): the admins' questions form and its inputs
STANDUP_QUESTIONS, STANDUP_QUESTION_LINES, STANDUP_BLOCKERS = "standup_questions", "questions", "blockers"

# Peer help (interface)
HELP_REQUEST = "help_request"
HELP_TITLE = "title"
HELP_DETAILS = "details"
HELP_SKILLS = "skills"
HELP_OFFER = "help_offer"
HELP_RESOLVE = "help_resolve"
# Peer help (the bot's own): close, ask again, and the resolve form with its inputs
HELP_CLOSE, HELP_REASK, HELP_RESOLVE_FORM, HELP_CREDITED, HELP_THANKS = (
    "help_close",
    "help_reask",
    "help_resolve_form",
    "credited",
    "thanks",
)

# Trainings (interface)
TRAINING_PROPOSE = "training_propose"
TRAINING_INPUTS = ("title", "description", "starts_at", "duration", "capacity", "location")
TRAINING_SIGNUP = "training_signup"
TRAINING_CANCEL = "training_cancel"
TRAINING_FEEDBACK = "training_feedback"
TRAINING_FEEDBACK_INPUTS = ("rating", "comment")
# Trainings (the bot's own): the time beside the `starts_at` date, the cohort pick, admin and facilitator buttons
TRAINING_STARTS_AT_TIME, TRAINING_COHORT, TRAINING_FEEDBACK_OPEN = (
    "starts_at_time",
    "training_cohort",
    "training_feedback_open",
)
TRAINING_APPROVE, TRAINING_REJECT, TRAINING_EDIT, TRAINING_CANCEL_SESSION = (
    "training_approve",
    "training_reject",
    "training_edit",
    "training_cancel_session",
)

# Mentor check-ins (interface)
CHECKIN_OPEN = "checkin_open"
CHECKIN_ANSWER = "checkin_answer"
CHECKIN_INPUTS = ("rating", "going_well", "blockers", "needs")

# Pairing introductions and follow-ups (interface)
PAIRING_MET = "pairing_met"
PAIRING_SKIP = "pairing_skip"

# Home tab (the bot's own): the digest sharing choice
HOME_SHARE_FIGURES, HOME_SHARE_TEXT = "home_share_figures", "home_share_text"
# The admin forms, opened from the Home tab of those who run cohorts.
HOME_COHORT_FORM, HOME_STANDUP_QUESTIONS = "home_cohort_form", "home_standup_questions"

# The /cohort form
COHORT_FORM = "cohort_form"
COHORT_FORM_MODE = "cohort_form_mode"
COHORT_FORM_MODE_BLOCK = "mode"
MODE_CREATE = "create"
MODE_ADD = "add"
COHORT_NAME = "name"
COHORT_CHANNEL = "channel"
COHORT_TIMEZONE = "timezone"
COHORT_LANG = "lang"
COHORT_COUNTRY = "country"
COHORT_START = "start"
COHORT_END = "end"
COHORT_PICK = "cohort"
COHORT_PEOPLE = "people"
COHORT_ROLE = "role"
COHORT_CHALLENGE = "challenge"


def standup_question(index: int) -> str:
    """The input of the stand-up form's question number `index` (from 1): q1 … qN."""
    return f"q{index}"


# Row ids are 32-bit integers in the database; anything beyond cannot name a row.
ID_MAX = 2**31 - 1


def parse_id(value: object) -> int | None:
    """A row id as a button or a form carries it (ASCII digits, or a JSON number); None for
    anything else, which no row has, so the use case answers it like an id that no longer exists."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value <= ID_MAX else None
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 10 or not 0 < int(text) <= ID_MAX:
        return None
    return int(text)
