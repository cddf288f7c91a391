"""The stand-up's messages: prompts and reminders (DMs), the day's thread, answers, the summary."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from domain.cohorts.model import Cohort
from domain.cohorts.rules import channel_ref, user_ref
from domain.messages import N_, NP_
from domain.standups.model import StandupEntry, StandupSettings
from domain.standups.summary import DaySummary
from handlers import ids
from handlers.blocks.kit import MESSAGE_BLOCKS_MAX, button, context, cut, escape, message, section
from handlers.blocks.peer_help.request import blocker_value
from handlers.blocks.standups.form import MOOD_FACES, question_texts, standup_value
from handlers.blocks.times import for_reader
from handlers.i18n import format_date, gettext

PROMPT_TEXT = N_("Stand-up time for {cohort}: answer before {close}.")
PROMPT_BODY = N_(
    "*Stand-up of {cohort}* · {day}\nA minute is enough; your answers are shared with the cohort. "
    "It closes at {close}."
)
REMINDER_TEXT = N_("Reminder: the stand-up of {cohort} closes at {close}.")
REMINDER_BODY = N_("*Reminder* · stand-up of {cohort}, {day}\nNo answer from you yet: it closes at {close}.")
ANSWER_BUTTON = N_("Answer")
SKIP_BUTTON = N_("Not today")
EDIT_BUTTON = N_("Edit my answer")
HELP_BUTTON = N_("Ask the cohort for help")
THREAD_TEXT = N_("Stand-up of {day}: the answers come in this thread.")
THREAD_BODY = N_("*Stand-up · {day}*\nThe fellows' answers come in this thread; the summary at {close}.")
ANSWER_BY = N_("Stand-up of {user}")
ANSWER_BY_ON = N_("Stand-up of {user} · {day}")
LATE_MARK = N_("(late)")
MOOD_LINE = N_("Mood: {mood}/5 {face}")
SUMMARY_TITLE = N_("*Stand-up summary · {day}*")
PARTICIPATION = N_("Participation: {answered}/{expected}")
MOOD_AVERAGE = N_("Average mood: {mood}/5")
BLOCKERS = N_("*Blockers raised*")
NO_BLOCKERS = N_("No blocker raised.")
BLOCKER_LINE = N_("• {user}: {blocker}")
MISSING = N_("*No answer*: {people}")
EVERYONE = N_("Everyone expected answered.")
SKIPPED = N_("Skipped today: {people}")
AWAY = N_("Away: {people}")
MORE_ANSWERS = NP_(
    "{count} more answer is not shown here; cohortbot export has them all.",
    "{count} more answers are not shown here; cohortbot export has them all.",
)
SAVED = N_("Thanks, your stand-up of {day} is saved.")
UPDATED = N_("Your stand-up of {day} is updated.")
SAVED_LATE = N_("Thanks, your stand-up of {day} is saved, marked late.")
SHARED_IN = N_("It is shared in {channel}.")
IN_SUMMARY = N_("It will be in the summary at {close}.")
NOT_SHARED = N_(
    "It is saved, but I could not post it in {channel} ({error}): check that I am in the channel."
)
NOT_CONFIRMED = N_(
    "It is saved, but Slack did not confirm its post in {channel}: your next edit posts it or updates it."
)
# Slack's answer to the post was lost and the post could not be found: it may or may not be there.
UNCONFIRMED = "unconfirmed"
YOUR_BLOCKER = N_("Your blocker: {blocker}")
SKIP_NOTED = N_("Noted: no stand-up for you on {day}. Changed your mind? You can still answer.")


def _day(day: date, lang: str) -> str:
    return format_date(day, lang, "full")


def _actions(*elements: dict) -> dict:
    return {"type": "actions", "elements": list(elements)}


def _answer_buttons(cohort_id: int, day: date, lang: str, *, skip: bool = True) -> dict:
    value = standup_value(cohort_id, day)
    elements = [button(gettext(ANSWER_BUTTON, lang), ids.STANDUP_OPEN, value, style="primary")]
    if skip:
        elements.append(button(gettext(SKIP_BUTTON, lang), ids.STANDUP_SKIP, value))
    return _actions(*elements)


def prompt_message(
    cohort: Cohort, day: date, close_at: datetime, zone: str, *, reminder: bool = False
) -> dict:
    lang = cohort.lang
    params = {
        "cohort": cohort.name,
        "day": _day(day, lang),
        "close": for_reader(close_at, zone, lang, with_date=False),
    }
    text, body = (REMINDER_TEXT, REMINDER_BODY) if reminder else (PROMPT_TEXT, PROMPT_BODY)
    return message(
        gettext(text, lang, **params),
        [section(gettext(body, lang, **params)), _answer_buttons(cohort.id, day, lang)],
    )


def thread_message(cohort: Cohort, day: date, close_at: datetime) -> dict:
    lang = cohort.lang
    close = for_reader(close_at, cohort.timezone, lang, with_date=False)
    return message(
        gettext(THREAD_TEXT, lang, day=_day(day, lang)),
        [section(gettext(THREAD_BODY, lang, day=_day(day, lang), close=close))],
    )


def _answer_blocks(settings: StandupSettings, entry: StandupEntry, lang: str) -> list[dict]:
    blocks = []
    for question, answer in zip(question_texts(settings, lang), entry.answers, strict=False):
        if answer:
            blocks.append(section(f"*{escape(question)}*\n{escape(answer)}"))
    if entry.mood:
        blocks.append(context(gettext(MOOD_LINE, lang, mood=entry.mood, face=MOOD_FACES[entry.mood])))
    return blocks


def answer_post(cohort: Cohort, settings: StandupSettings, entry: StandupEntry, *, in_thread: bool) -> dict:
    """A fellow's answer as the cohort reads it; long answers are cut to Slack's limits."""
    lang = cohort.lang
    who = user_ref(entry.user_id)
    title = (
        gettext(ANSWER_BY, lang, user=who)
        if in_thread
        else gettext(ANSWER_BY_ON, lang, user=who, day=_day(entry.day, lang))
    )
    if entry.late:
        title += " " + gettext(LATE_MARK, lang)
    blocks = [section(title)] + _answer_blocks(settings, entry, lang)
    fallback = "\n".join([title, *(escape(answer) for answer in entry.answers if answer)])
    return message(fallback, blocks)


def _people(user_ids) -> str:
    return ", ".join(user_ref(user_id) for user_id in user_ids)


def _names(summary: DaySummary, user_ids) -> str:
    """People named as plain text: read by all, notified to none."""
    return ", ".join(escape(summary.name_of(user_id)) for user_id in user_ids)


def _summary_lines(summary: DaySummary, lang: str) -> list[str]:
    lines = [
        gettext(SUMMARY_TITLE, lang, day=_day(summary.day, lang)),
        gettext(PARTICIPATION, lang, answered=len(summary.answered), expected=len(summary.expected)),
    ]
    if summary.moods:
        average = f"{sum(summary.moods) / len(summary.moods):.1f}".replace(".", "," if lang == "fr" else ".")
        lines.append(gettext(MOOD_AVERAGE, lang, mood=average))
    # Who skipped or is away is never notified; who did not answer only when the cohort asks for it.
    missing = _people(summary.missing) if summary.settings.mention else _names(summary, summary.missing)
    lines.append(gettext(MISSING, lang, people=missing) if summary.missing else gettext(EVERYONE, lang))
    if summary.skipped:
        lines.append(gettext(SKIPPED, lang, people=_names(summary, summary.skipped)))
    if summary.away:
        lines.append(gettext(AWAY, lang, people=_names(summary, summary.away)))
    return lines


def summary_message(
    summary: DaySummary, thread: tuple[str, str] | None, with_answers: bool
) -> dict[str, Any]:
    """At the close: participation, blockers, who did not answer; in the day's thread when there is one.

    In the thread, it is also broadcast to the channel, so everyone sees it.
    """
    lang = summary.cohort.lang
    lines = _summary_lines(summary, lang)
    blocks = [section("\n".join(lines))]
    blockers = [
        gettext(BLOCKER_LINE, lang, user=user_ref(user), blocker=escape(cut(" ".join(text.split()), 300)))
        for user, text in summary.blockers
    ]
    blocks.append(
        section(gettext(BLOCKERS, lang) + "\n" + ("\n".join(blockers) or gettext(NO_BLOCKERS, lang)))
    )
    if with_answers:
        blocks += _summary_answers(summary, lang, MESSAGE_BLOCKS_MAX - len(blocks) - 1)
    body = message("\n".join([*lines, *blockers]), blocks)
    if thread is not None:
        body.update(thread_ts=thread[1], reply_broadcast=True)
    return body


def _summary_answers(summary: DaySummary, lang: str, room: int) -> list[dict]:
    blocks: list[dict] = []
    for shown, entry in enumerate(summary.entries):
        answer = answer_post(summary.cohort, summary.settings, entry, in_thread=True)["blocks"]
        if len(blocks) + len(answer) > room:
            blocks.append(context(gettext(MORE_ANSWERS, lang, count=len(summary.entries) - shown)))
            break
        blocks += answer
    return blocks


def confirmation(
    cohort: Cohort,
    settings: StandupSettings,
    entry: StandupEntry,
    *,
    edited: bool,
    shared_in: str | None,
    share_error: str | None,
    blocker: str | None,
    close_at: datetime,
    zone: str,
) -> dict:
    """The fellow's DM once the answer is saved: where it went, and help for a blocker."""
    lang = cohort.lang
    day = format_date(entry.day, lang, "d MMMM")
    lines = [gettext(UPDATED if edited else SAVED_LATE if entry.late else SAVED, lang, day=day)]
    if share_error == UNCONFIRMED:
        lines.append(gettext(NOT_CONFIRMED, lang, channel=channel_ref(cohort.channel_id)))
    elif share_error:
        lines.append(gettext(NOT_SHARED, lang, channel=channel_ref(cohort.channel_id), error=share_error))
    elif shared_in:
        lines.append(gettext(SHARED_IN, lang, channel=channel_ref(shared_in)))
    else:
        lines.append(gettext(IN_SUMMARY, lang, close=for_reader(close_at, zone, lang, with_date=False)))
    value = standup_value(cohort.id, entry.day)
    elements = [button(gettext(EDIT_BUTTON, lang), ids.STANDUP_OPEN, value)]
    if blocker:
        lines.append(gettext(YOUR_BLOCKER, lang, blocker=escape(cut(blocker, 500))))
        elements.append(
            button(
                gettext(HELP_BUTTON, lang),
                ids.STANDUP_BLOCKER_TO_HELP,
                blocker_value(cohort.id, blocker),
                style="primary",
            )
        )
    return message("\n".join(lines), [section("\n".join(lines)), _actions(*elements)])


def skip_noted(cohort: Cohort, day: date) -> dict:
    text = gettext(SKIP_NOTED, cohort.lang, day=_day(day, cohort.lang))
    return message(text, [section(text), _answer_buttons(cohort.id, day, cohort.lang, skip=False)])
