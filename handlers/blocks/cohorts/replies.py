"""What `/cohort` answers: confirmations, the list, the help."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from domain.cohorts.admin import CohortSummary, Created, HolidayAdded
from domain.cohorts.membership import MembersAdded, MembersRemoved
from domain.cohorts.model import Cohort, Role
from domain.cohorts.rules import channel_ref, user_ref
from handlers.blocks.cohorts.zones import far_notice
from handlers.blocks.kit import escape, section
from handlers.blocks.kit import message as kit_message
from handlers.i18n import N_, NP_, format_date, format_list, format_span, gettext

CREATED = N_("Cohort {name} created for {channel} ({timezone}, {language}, public holidays of {country}).")
JOINED = N_("I joined {channel}.")
ALREADY_IN = N_("I am already in {channel}.")
INVITE_ME = N_(
    "{channel} is private: invite me to it (/invite in the channel), otherwise I cannot post there."
)
NEXT_STEP = N_("Next: /cohort add {name} @someone… adds fellows; /cohort alone opens a form.")
ADDED = {
    Role.FELLOW: NP_("{people} is now a fellow of {name}.", "{people} are now fellows of {name}."),
    Role.MENTOR: NP_(
        "{people} is now a mentor of the whole cohort {name}.",
        "{people} are now mentors of the whole cohort {name}.",
    ),
    Role.ADMIN: NP_("{people} is now an admin of {name}.", "{people} are now admins of {name}."),
}
ADDED_TO_CHALLENGE = {
    Role.FELLOW: NP_(
        "{people} is now a fellow of {name}, challenge {challenge}.",
        "{people} are now fellows of {name}, challenge {challenge}.",
    ),
    Role.MENTOR: NP_(
        "{people} is now a mentor of {name}, challenge {challenge}.",
        "{people} are now mentors of {name}, challenge {challenge}.",
    ),
}
MOVED = NP_("{people} moves to the challenge {challenge}.", "{people} move to the challenge {challenge}.")
UNCHANGED = NP_(
    "{people} was already there: nothing changed.", "{people} were already there: nothing changed."
)
NOT_IN_CHANNEL = N_("Not in {channel} yet, invite them: {people}.")
CHALLENGE_CREATED = N_("New challenge {challenge} created in {name}.")
REMOVED = NP_("{people} is no longer in {name}.", "{people} are no longer in {name}.")
ARCHIVED = N_("Cohort {name} archived: no ritual will run for it any more; its history is kept.")
HOLIDAY_DAY = N_("Holiday added to {name} on {first}: no ritual that day.")
HOLIDAY_RANGE = N_("Holiday added to {name} from {first} to {last}: no ritual on those days.")
REASON = N_("Reason: {reason}")
LIST_TITLE = N_("Cohorts:")
LIST_LINE = N_("*{name}* · {channel} · fellows: {fellows} · mentors: {mentors} · admins: {admins} · {status}")
LIST_EMPTY_PROGRAM = N_(
    "No cohort yet: create one with /cohort create, or type /cohort alone to open a form."
)
LIST_EMPTY = N_("You are not a member of any cohort.")
STATUS = {
    "archived": N_("archived"),
    "ended": N_("ended"),
    "upcoming": N_("not started yet"),
    "running": N_("running"),
}
DATES = {
    "both": N_("from {start} to {end}"),
    "start": N_("from {start}"),
    "end": N_("until {end}"),
}


def people(user_ids: Iterable[str]) -> str:
    return ", ".join(user_ref(user_id) for user_id in user_ids)


def _named(user_ids: Iterable[str], lang: str) -> dict[str, object]:
    """The people as a sentence names them, and their number for the verb to agree."""
    ids = list(user_ids)
    return {"people": format_list((user_ref(user_id) for user_id in ids), lang), "count": len(ids)}


def _lines(*lines: str) -> dict:
    text = "\n".join(line for line in lines if line)
    return kit_message(text, [section(text)])


def created(result: Created) -> dict:
    cohort, lang = result.cohort, result.cohort.lang
    where = channel_ref(cohort.channel_id)
    if result.invite_needed:
        channel_line = gettext(INVITE_ME, lang, channel=where)
    else:
        channel_line = gettext(JOINED if result.joined else ALREADY_IN, lang, channel=where)
    return _lines(
        gettext(
            CREATED,
            lang,
            name=cohort.name,
            channel=where,
            timezone=cohort.timezone,
            language=cohort.lang,
            country=cohort.country,
        ),
        channel_line,
        gettext(NEXT_STEP, lang, name=cohort.name),
    )


def added(result: MembersAdded, outside_channel: Iterable[str] = ()) -> dict:
    """`outside_channel`: people just added who are not in the cohort's channel."""
    lang, name = result.cohort.lang, result.cohort.name
    challenge = escape(result.challenge.name) if result.challenge else None
    lines = []
    if result.challenge_created:
        lines.append(gettext(CHALLENGE_CREATED, lang, challenge=challenge, name=name))
    if result.added:
        template = ADDED_TO_CHALLENGE[result.role] if challenge else ADDED[result.role]
        lines.append(gettext(template, lang, name=name, challenge=challenge, **_named(result.added, lang)))
    if result.moved:
        lines.append(gettext(MOVED, lang, challenge=challenge, **_named(result.moved, lang)))
    if result.unchanged:
        lines.append(gettext(UNCHANGED, lang, **_named(result.unchanged, lang)))
    outside = tuple(outside_channel)
    if outside:
        where = channel_ref(result.cohort.channel_id)
        lines.append(gettext(NOT_IN_CHANNEL, lang, channel=where, people=people(outside)))
    return _lines(*lines, *far_notice(result.far, result.cohort, lang))


def removed(result: MembersRemoved) -> dict:
    return _lines(
        gettext(
            REMOVED, result.cohort.lang, name=result.cohort.name, **_named(result.removed, result.cohort.lang)
        )
    )


def archived(cohort: Cohort) -> dict:
    return _lines(gettext(ARCHIVED, cohort.lang, name=cohort.name))


def holiday_added(result: HolidayAdded) -> dict:
    lang, holiday = result.cohort.lang, result.holiday
    first, last = format_span(holiday.first, holiday.last, lang)
    if holiday.first == holiday.last:
        first = format_date(holiday.first, lang)
        line = gettext(HOLIDAY_DAY, lang, name=result.cohort.name, first=first)
    else:
        line = gettext(HOLIDAY_RANGE, lang, name=result.cohort.name, first=first, last=last)
    return _lines(line, gettext(REASON, lang, reason=escape(holiday.reason)) if holiday.reason else "")


def status_of(cohort: Cohort, today) -> str:
    if cohort.archived:
        return "archived"
    if cohort.end is not None and today > cohort.end:
        return "ended"
    if cohort.start is not None and today < cohort.start:
        return "upcoming"
    return "running"


def dates_of(cohort: Cohort, lang: str) -> str:
    start = format_date(cohort.start, lang, "medium") if cohort.start else None
    end = format_date(cohort.end, lang, "medium") if cohort.end else None
    key = "both" if start and end else "start" if start else "end" if end else None
    return gettext(DATES[key], lang, start=start, end=end) if key else ""


def cohort_list(
    summaries: list[CohortSummary], lang: str, program_admin: bool, today_of: Callable[[Cohort], date]
) -> dict:
    """`today_of` gives a cohort's local date, which says whether it is running."""
    if not summaries:
        return _lines(gettext(LIST_EMPTY_PROGRAM if program_admin else LIST_EMPTY, lang))
    lines = [gettext(LIST_TITLE, lang)]
    for s in summaries:
        status = gettext(STATUS[status_of(s.cohort, today_of(s.cohort))], lang)
        dates = dates_of(s.cohort, lang)
        lines.append(
            gettext(
                LIST_LINE,
                lang,
                name=s.cohort.name,
                channel=channel_ref(s.cohort.channel_id),
                fellows=s.fellows,
                mentors=s.mentors,
                admins=s.admins,
                status=status,
            )
            + (f" · {dates}" if dates else "")
        )
    text = "\n".join(lines)
    blocks = [section(lines[0])] + [section(line) for line in lines[1:48]]
    return kit_message(text, blocks)
