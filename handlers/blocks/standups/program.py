"""A cohort's stand-up as its team reads it: `/standup today` and the Home tab of those who run it.

Names are plain text (escaped): reading who has not answered yet notifies nobody.
"""

from __future__ import annotations

from domain.messages import N_
from domain.standups.program import FellowToday, OpenBlocker, StandupNow, Today
from domain.standups.today import StandupToday
from handlers import ids
from handlers.blocks.kit import Block, button, cut, escape, header, message, section
from handlers.blocks.times import for_reader, next_run
from handlers.i18n import format_date, gettext, ngettext

RUN_TITLE = N_("Stand-ups of the cohorts you run")
TODAY_TITLE = N_("*{cohort}* · stand-up of {day}, closing at {close}")
CLOSED_TITLE = N_("*{cohort}* · stand-up of {day}, closed at {close}")
NONE_OPEN = N_("*{cohort}* · no stand-up open right now.")
NOBODY_ASKED = N_("No fellow was asked yet.")
CHALLENGE_ROW = N_("*{challenge}*: {people}")
NO_CHALLENGE = N_("No challenge")
OPEN_BLOCKERS = N_("Open blockers: {blockers}")
BLOCKER_SINCE = N_("{name} (since {day})")
BLOCKER_SAID = N_("{name} (since {day}): “{text}”")
NEXT_PROMPT = N_("Next prompt: {when}")
QUESTIONS_BUTTON = N_("Stand-up questions")
NO_STANDUP_SET = N_("No stand-up is set in the cohorts you follow.")
MARKS = {
    Today.ANSWERED: "✅",
    Today.SKIPPED: "⏭️",
    Today.AWAY: "🌴",
    Today.WAITING: "⏳",
    Today.MISSED: "❌",
}
TEXT_MAX = 200


def _counts(now: StandupNow, lang: str) -> str:
    counted = {
        Today.ANSWERED: ngettext("{count} answered", "{count} answered", now.count(Today.ANSWERED), lang),
        Today.SKIPPED: ngettext("{count} skipped", "{count} skipped", now.count(Today.SKIPPED), lang),
        Today.AWAY: ngettext("{count} away", "{count} away", now.count(Today.AWAY), lang),
    }
    if now.closed:
        counted[Today.MISSED] = ngettext(
            "{count} no answer", "{count} no answers", now.count(Today.MISSED), lang
        )
    else:
        counted[Today.WAITING] = ngettext(
            "{count} waiting", "{count} waiting", now.count(Today.WAITING), lang
        )
    return " · ".join(f"{MARKS[state]} {text}" for state, text in counted.items())


def _person(fellow: FellowToday) -> str:
    return f"{MARKS[fellow.state]} {escape(fellow.name)}"


def _blocker(blocker: OpenBlocker, lang: str) -> str:
    day = format_date(blocker.day, lang, "medium")
    if blocker.text is None:
        return gettext(BLOCKER_SINCE, lang, name=escape(blocker.name), day=day)
    text = escape(cut(" ".join(blocker.text.split()), TEXT_MAX))
    return gettext(BLOCKER_SAID, lang, name=escape(blocker.name), day=day, text=text)


def standup_now_text(now: StandupNow, lang: str) -> str:
    """The stand-up of one cohort: the day, the counts, who is where by challenge, open blockers, next prompt."""
    cohort, tz = escape(now.cohort.name), now.cohort.timezone
    if now.day is None or now.closes_at is None:
        lines = [gettext(NONE_OPEN, lang, cohort=cohort)]
    else:
        day, close = format_date(now.day, lang, "full"), for_reader(now.closes_at, tz, lang, with_date=False)
        title = CLOSED_TITLE if now.closed else TODAY_TITLE
        lines = [gettext(title, lang, cohort=cohort, day=day, close=close)]
        if not now.fellows:
            lines.append(gettext(NOBODY_ASKED, lang))
        else:
            lines.append(_counts(now, lang))
            for challenge, fellows in now.by_challenge():
                name = escape(challenge) if challenge else gettext(NO_CHALLENGE, lang)
                people = ", ".join(_person(f) for f in fellows)
                lines.append(gettext(CHALLENGE_ROW, lang, challenge=name, people=people))
    if now.blockers:
        blockers = " · ".join(_blocker(b, lang) for b in now.blockers)
        lines.append(gettext(OPEN_BLOCKERS, lang, blockers=blockers))
    if now.next_prompt is not None:
        lines.append(gettext(NEXT_PROMPT, lang, when=next_run(now.next_prompt, tz, lang)))
    return "\n".join(lines)


def today_reply(result: StandupToday, lang: str) -> dict:
    """`/standup today`: one section per cohort (a cohort without a stand-up is left out)."""
    texts = [standup_now_text(now, lang) for now in result.cohorts]
    if not texts:
        texts = [gettext(NO_STANDUP_SET, lang)]
    return message("\n\n".join(texts), [section(text) for text in texts][:50])


def run_section(shown: tuple[StandupNow, ...], lang: str) -> list[Block]:
    """The Home tab of those who run cohorts: each cohort's stand-up, with its questions form."""
    blocks: list[Block] = [header(gettext(RUN_TITLE, lang))]
    for now in shown:
        edit = button(gettext(QUESTIONS_BUTTON, lang), ids.HOME_STANDUP_QUESTIONS, str(now.cohort.id))
        blocks.append(section(standup_now_text(now, lang)) | {"accessory": edit})
    return blocks
