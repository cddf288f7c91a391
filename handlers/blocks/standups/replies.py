"""Replies to the stand-up commands: the schedule set, absences, skips, a person's history."""

from __future__ import annotations

from domain.cohorts.overview import ScheduleLine
from domain.cohorts.rules import channel_ref, user_ref
from domain.messages import N_, NP_
from domain.standups.absences import AwaySet, BackSet
from domain.standups.admin import StandupConfigured
from domain.standups.history import StandupHistory
from domain.standups.model import SHARE_CHANNEL, SHARE_THREAD, ZONE_FELLOW, StandupSettings
from handlers.blocks.kit import MESSAGE_BLOCKS_MAX, context, cut, escape, message, section
from handlers.blocks.standups.form import question_texts
from handlers.blocks.times import next_runs, time_of_day
from handlers.i18n import format_date, format_span, gettext, weekday_name

SCHEDULE = N_("Stand-up of {name}: {weekdays} at {time}, closing at {close}{zone}.")
IN_EACH_ZONE = N_(" (each fellow's time zone)")
REMINDER = N_("A reminder {minutes} min after the prompt to those who have not answered.")
NO_REMINDER = N_("No reminder.")
SHARING = {
    SHARE_THREAD: N_("Answers go in a thread of the day in {channel}, the summary at the close."),
    SHARE_CHANNEL: N_("Answers are posted in {channel}, the summary at the close."),
    "summary": N_("Answers appear only in the summary, posted in {channel} at the close."),
}
MOOD_ON = N_("A mood from 1 to 5 is asked too.")
MENTION_ON = N_("The summary mentions who did not answer.")
MENTION_OFF = N_("The summary names who did not answer, without notifying them.")
QUESTIONS = N_("Questions: {questions}")
NEXT = N_("Next prompts: {when}")
TURNED_OFF = N_("The stand-up of {name} is off: no more prompts. /cohort standup {name} turns it back on.")
QUESTIONS_SAVED = N_("Stand-up questions of {name} saved: {questions}")
AWAY_SELF = N_("Noted: no stand-up for you from {first} to {last}. /standup back if you come back earlier.")
AWAY_OTHER = N_("Noted: no stand-up for {user} from {first} to {last}.")
BACK_SELF = N_("Welcome back: your stand-ups start again.")
BACK_OTHER = N_("{user}'s stand-ups start again.")
NOT_AWAY = N_("There was no absence to end: stand-ups were already on.")
SKIPPED_SELF = N_("Noted: no stand-up for you on {day} ({name}).")
HISTORY_TITLE = NP_("*Stand-up of {user}, last day*", "*Stand-ups of {user}, last {count} days*")
HISTORY_EMPTY = N_("No stand-up in these days.")
HISTORY_STATUS = {
    "answered": N_("answered"),
    "late": N_("answered late"),
    "skipped": N_("skipped"),
    "missed": N_("no answer"),
}
HISTORY_WITHHELD = N_("_Text kept private: this fellow shares figures only._")
HISTORY_MORE = NP_(
    "{count} older day is not shown; ask for fewer days.",
    "{count} older days are not shown; ask for fewer days.",
)


def _text(text: str) -> dict:
    return message(text, [section(text)])


def _summary(settings: StandupSettings, name: str, timezone: str, lang: str) -> str:
    days = ", ".join(weekday_name(code, lang) for code in settings.days)
    # The same wall-clock time in each fellow's zone: no one zone to name.
    each_zone = settings.zone_mode == ZONE_FELLOW
    named = None if each_zone else timezone
    opens, closes = time_of_day(settings.opens, named, lang), time_of_day(settings.closes, named, lang)
    zone = gettext(IN_EACH_ZONE, lang) if each_zone else ""
    return gettext(SCHEDULE, lang, name=name, weekdays=days, time=opens, close=closes, zone=zone)


def show_summary(line: ScheduleLine, lang: str) -> str:
    """The stand-up's line in `/cohort show` (its params: the settings, the cohort's name and zone)."""
    settings = line.params["settings"]
    assert isinstance(settings, StandupSettings)
    summary = _summary(settings, str(line.params["name"]), str(line.params["timezone"]), lang)
    return f"{summary} {_mention(settings, lang)}"


def _mention(settings: StandupSettings, lang: str) -> str:
    return gettext(MENTION_ON if settings.mention else MENTION_OFF, lang)


def schedule_lines(settings: StandupSettings, name: str, timezone: str, channel: str, lang: str) -> list[str]:
    lines = [
        _summary(settings, name, timezone, lang),
        gettext(REMINDER, lang, minutes=settings.remind_minutes)
        if settings.remind_minutes
        else gettext(NO_REMINDER, lang),
        gettext(SHARING[settings.share], lang, channel=channel_ref(channel)),
    ]
    if settings.mood:
        lines.append(gettext(MOOD_ON, lang))
    lines.append(_mention(settings, lang))
    return lines


def configured(result: StandupConfigured) -> dict:
    cohort, settings, lang = result.cohort, result.settings, result.cohort.lang
    if not settings.active:
        return _text(gettext(TURNED_OFF, lang, name=cohort.name))
    lines = schedule_lines(settings, cohort.name, cohort.timezone, cohort.channel_id, lang)
    lines.append(
        gettext(QUESTIONS, lang, questions=" · ".join(escape(q) for q in question_texts(settings, lang)))
    )
    if result.next_prompts:
        lines.append(gettext(NEXT, lang, when=next_runs(result.next_prompts, cohort.timezone, lang)))
    return _text("\n".join(lines))


def questions_saved(name: str, settings: StandupSettings, lang: str) -> dict:
    questions = " · ".join(escape(q) for q in question_texts(settings, lang))
    return _text(gettext(QUESTIONS_SAVED, lang, name=name, questions=questions))


def away_set(result: AwaySet, lang: str) -> dict:
    absence = result.absence
    first, last = format_span(absence.first, absence.last, lang)
    if result.for_someone_else:
        return _text(gettext(AWAY_OTHER, lang, user=user_ref(absence.user_id), first=first, last=last))
    return _text(gettext(AWAY_SELF, lang, first=first, last=last))


def back_set(result: BackSet, lang: str) -> dict:
    if not result.ended:
        return _text(gettext(NOT_AWAY, lang))
    if result.for_someone_else:
        return _text(gettext(BACK_OTHER, lang, user=user_ref(result.user_id)))
    return _text(gettext(BACK_SELF, lang))


def skipped(name: str, day, lang: str) -> dict:
    return _text(gettext(SKIPPED_SELF, lang, day=format_date(day, lang, "full"), name=name))


def history(result: StandupHistory, lang: str) -> dict:
    title = gettext(HISTORY_TITLE, lang, user=user_ref(result.user_id), count=result.days)
    blocks = [section(title)]
    if not result.lines:
        blocks.append(context(gettext(HISTORY_EMPTY, lang)))
    for shown, line in enumerate(result.lines):
        if len(blocks) >= MESSAGE_BLOCKS_MAX - 1:
            blocks.append(context(gettext(HISTORY_MORE, lang, count=len(result.lines) - shown)))
            break
        head = (
            f"*{format_date(line.day, lang, 'full')}* · {escape(line.cohort.name)} · "
            f"{gettext(HISTORY_STATUS[line.status], lang)}"
        )
        answers = []
        if line.entry is not None and line.entry.answered:
            questions = question_texts(line.settings, lang)
            answers = [
                f"_{escape(q)}_ {escape(cut(a, 600))}"
                for q, a in zip(questions, line.entry.answers, strict=False)
                if a
            ]
        if line.withheld:
            answers = [gettext(HISTORY_WITHHELD, lang)]
        blocks.append(section("\n".join([head, *answers])))
    return message(title, blocks)
