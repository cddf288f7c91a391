"""`/cohort show NAME`: the cohort, its people, its holidays, its rituals and the latest admin actions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from domain.cohorts.model import Role
from domain.cohorts.overview import CohortOverview, ScheduleLine, ScheduleSource
from domain.cohorts.records import AuditAction, AuditEntry
from domain.cohorts.rules import channel_ref, user_ref
from domain.messages import Message
from handlers.blocks.cohorts.audit_settings import settings_line
from handlers.blocks.cohorts.replies import STATUS, dates_of, status_of
from handlers.blocks.cohorts.zones import far_notice
from handlers.blocks.kit import context, divider, escape, header, section
from handlers.blocks.kit import message as kit_message
from handlers.blocks.privacy.notice import retention_months
from handlers.blocks.times import for_reader, next_runs, time_of_day
from handlers.i18n import N_, NP_, format_list, format_range, gettext

MAX_TEAMS = 30
NEXT_RUNS_SHOWN = 3

TITLE = N_("Cohort {name}")
FIELDS = {
    "channel": N_("*Channel*\n{value}"),
    "timezone": N_("*Time zone*\n{value}"),
    "lang": N_("*Language*\n{value}"),
    "country": N_("*Public holidays*\n{value}"),
    "dates": N_("*Dates*\n{value}"),
    "status": N_("*Status*\n{value}"),
}
NO_DATES = N_("not set")
LANGUAGE_NAMES = {"fr": N_("French"), "en": N_("English")}
STOPPED = {
    "archived": N_("This cohort is archived: no ritual runs for it."),
    "ended": N_("This cohort has ended: no ritual runs for it."),
    "upcoming": N_("This cohort has not started: its rituals begin on its start date."),
}
CHALLENGES = N_("*Challenges*")
NO_CHALLENGE = N_("No challenge yet.")
MORE_CHALLENGES = NP_("…and {count} more challenge.", "…and {count} more challenges.")
TEAM_FELLOWS = N_("Fellows: {people}")
TEAM_MENTORS = N_("Mentors: {people}")
NOBODY = N_("nobody yet")
COHORT_MENTORS = N_("*Mentors of the whole cohort*: {people}")
UNASSIGNED = N_("*Fellows without a challenge*: {people}")
ADMINS = N_("*Admins*: {people}")
DEACTIVATED = N_("{user} (deactivated)")
HOLIDAYS = N_("*Holidays of the cohort* (on top of public holidays)")
NO_HOLIDAYS = N_("No holidays of its own: only public holidays stop the rituals.")
RITUALS = N_("*Rituals*")
NEXT_RUNS = N_("Next: {when}")
NEXT_RECIPIENTS = N_("Will be pinged: {people}")
AUDIT = N_("*Latest admin actions*")
NO_AUDIT = N_("No admin action recorded yet.")
COMMAND_LINE = N_("the command line")
AUDIT_LINES: dict[AuditAction, Message] = {
    AuditAction.CREATE: N_("{when} · {actor} created the cohort"),
    AuditAction.ADD: N_("{when} · {actor} added {people} ({role})"),
    AuditAction.REMOVE: N_("{when} · {actor} removed {people}"),
    AuditAction.ARCHIVE: N_("{when} · {actor} archived the cohort"),
    AuditAction.HOLIDAY: N_("{when} · {actor} added a holiday: {days}"),
    AuditAction.EDIT: N_("{when} · {actor} corrected the cohort: {change}"),
    AuditAction.HOLIDAY_REMOVE: N_("{when} · {actor} removed holidays: {days}"),
    AuditAction.UNARCHIVE: N_("{when} · {actor} reopened the cohort"),
    AuditAction.EXPORT: N_("{when} · {actor} exported the cohort's history"),
    AuditAction.READ: N_("{when} · {actor} read the stand-ups of {about}"),
    AuditAction.DIGEST: N_("{when} · {actor} was sent the weekly digest about {about}"),
    AuditAction.FORGET: N_("{when} · {actor} erased a person's data (now {pseudonym})"),
    AuditAction.RETENTION: N_("{when} · {actor} set the retention: text {text}, figures {figures}"),
    AuditAction.PURGE: NP_(
        "{when} · {actor} deleted the free text past its retention ({count} record)",
        "{when} · {actor} deleted the free text past its retention ({count} records)",
    ),
    AuditAction.IMPORT: N_("{when} · {actor} imported a roster: {changes}"),
}
ROSTER_ADDED = NP_("{count} added", "{count} added")
ROSTER_CHANGED = NP_("{count} changed", "{count} changed")
ROSTER_UNCHANGED = NP_("{count} unchanged", "{count} unchanged")
ROLE_NAMES = {Role.FELLOW: N_("fellow"), Role.MENTOR: N_("mentor"), Role.ADMIN: N_("admin")}
ROLE_IN_CHALLENGE = N_("{role}, challenge {challenge}")


def _people(user_ids: Iterable[str], overview: CohortOverview, lang: str) -> str:
    names = [
        gettext(DEACTIVATED, lang, user=user_ref(u)) if u in overview.deactivated else user_ref(u)
        for u in user_ids
    ]
    return ", ".join(names) or gettext(NOBODY, lang)


def _actor(actor: str, lang: str) -> str:
    if actor[:1] in ("U", "W"):
        return user_ref(actor)
    # `cohortbot import-roster` records "cli:<login>", `cohortbot export` "cohortbot-cli".
    if actor in ("cli", "cohortbot-cli") or actor.startswith("cli:"):
        return gettext(COMMAND_LINE, lang)
    return f"`{escape(actor)}`"


def _days(first, last, lang: str) -> str:
    return format_range(first, last, lang)


def roster_changes(added: int, changed: int, unchanged: int, lang: str) -> str:
    """What a roster import did: "2 ajouts, 0 modification, 5 sans changement"."""
    return ", ".join(
        (
            gettext(ROSTER_ADDED, lang, count=added),
            gettext(ROSTER_CHANGED, lang, count=changed),
            gettext(ROSTER_UNCHANGED, lang, count=unchanged),
        )
    )


def _number(value: object) -> int:
    return value if isinstance(value, int) else 0


def audit_line(entry: AuditEntry, lang: str, tz: str) -> str:
    # The params are the JSON values the audit stored: read back as the types they were written as.
    params = entry.params
    common: dict[str, object] = {
        "when": for_reader(entry.at, tz, lang),
        "actor": _actor(entry.actor, lang),
    }
    if entry.action in (AuditAction.ADD, AuditAction.REMOVE):
        users = params.get("users")
        common["people"] = format_list(
            (user_ref(str(u)) for u in (users if isinstance(users, list) else [])), lang
        )
    if entry.action == AuditAction.ADD:
        role = gettext(ROLE_NAMES[Role(str(params.get("role", "fellow")))], lang)
        challenge = params.get("challenge")
        common["role"] = (
            gettext(ROLE_IN_CHALLENGE, lang, role=role, challenge=escape(str(challenge)))
            if challenge
            else role
        )
    if entry.action == AuditAction.EDIT:
        common["change"] = escape(str(params.get("change", "")))
    if entry.action in (AuditAction.HOLIDAY, AuditAction.HOLIDAY_REMOVE):
        first, last = date.fromisoformat(str(params["first"])), date.fromisoformat(str(params["last"]))
        common["days"] = _days(first, last, lang)
    if entry.action == AuditAction.IMPORT:
        common["changes"] = roster_changes(
            _number(params.get("added")),
            _number(params.get("changed")),
            _number(params.get("unchanged")),
            lang,
        )
    if entry.action == AuditAction.READ:
        common["about"] = user_ref(str(params.get("about", "")))
    if entry.action == AuditAction.DIGEST:
        fellows = params.get("about")
        common["about"] = ", ".join(user_ref(str(u)) for u in (fellows if isinstance(fellows, list) else []))
    common.setdefault("pseudonym", params.get("pseudonym", ""))
    if entry.action == AuditAction.PURGE:
        common["count"] = _number(params.get("count"))
    if entry.action == AuditAction.RETENTION:
        common.update(retention_months(_number(params.get("text")), _number(params.get("figures")), lang))
    if entry.action == AuditAction.SETTINGS:
        return settings_line(params, lang, common)
    return gettext(AUDIT_LINES[entry.action], lang, **common)


def _summary(line: ScheduleLine, zone: str, lang: str) -> str:
    """The line's catalog text; its `time` (a time of day in the cohort's zone) says the zone."""
    params = dict(line.params)
    if isinstance(params.get("time"), str):
        params["time"] = time_of_day(str(params["time"]), zone, lang)
    return gettext(line.summary, lang, **params)


def _facts(overview: CohortOverview, lang: str) -> list[str]:
    cohort = overview.cohort
    status = status_of(cohort, overview.today)
    values = {
        "channel": channel_ref(cohort.channel_id),
        "timezone": cohort.timezone,
        "lang": gettext(LANGUAGE_NAMES.get(cohort.lang, cohort.lang), lang),
        "country": cohort.country,
        "dates": dates_of(cohort, lang) or gettext(NO_DATES, lang),
        "status": gettext(STATUS[status], lang),
    }
    return [gettext(FIELDS[key], lang, value=value) for key, value in values.items()]


def _teams(overview: CohortOverview, lang: str) -> list[dict]:
    if not overview.teams:
        return [section(gettext(CHALLENGES, lang) + "\n" + gettext(NO_CHALLENGE, lang))]
    blocks = [section(gettext(CHALLENGES, lang))]
    for team in overview.teams[:MAX_TEAMS]:
        blocks.append(
            section(
                f"*{escape(team.challenge.name)}*\n"
                + gettext(TEAM_FELLOWS, lang, people=_people(team.fellows, overview, lang))
                + "\n"
                + gettext(TEAM_MENTORS, lang, people=_people(team.mentors, overview, lang))
            )
        )
    if len(overview.teams) > MAX_TEAMS:
        blocks.append(context(gettext(MORE_CHALLENGES, lang, count=len(overview.teams) - MAX_TEAMS)))
    return blocks


def _roles(overview: CohortOverview, lang: str) -> list[dict]:
    lines = []
    if overview.cohort_mentors:
        lines.append(gettext(COHORT_MENTORS, lang, people=_people(overview.cohort_mentors, overview, lang)))
    if overview.unassigned_fellows:
        lines.append(gettext(UNASSIGNED, lang, people=_people(overview.unassigned_fellows, overview, lang)))
    lines.append(gettext(ADMINS, lang, people=_people(overview.admins, overview, lang)))
    return [section("\n".join(lines))]


def _holidays(overview: CohortOverview, lang: str) -> list[dict]:
    if not overview.holidays:
        return [section(gettext(HOLIDAYS, lang) + "\n" + gettext(NO_HOLIDAYS, lang))]
    lines = [
        f"• {_days(h.first, h.last, lang)}" + (f" — {escape(h.reason)}" if h.reason else "")
        for h in overview.holidays
    ]
    return [section(gettext(HOLIDAYS, lang) + "\n" + "\n".join(lines))]


Summary = Callable[[ScheduleLine, str], str]


def schedule_lines(
    source: ScheduleSource,
    line: ScheduleLine | None,
    overview: CohortOverview,
    lang: str,
    summary: Summary | None = None,
) -> list[str]:
    """A ritual's lines: `summary` words a line whose text is not a catalog text with params."""
    if line is None:
        return [gettext(source.not_scheduled, lang)]
    lines = [summary(line, lang) if summary is not None else _summary(line, overview.cohort.timezone, lang)]
    if line.next_runs and overview.running:
        when = next_runs(line.next_runs[:NEXT_RUNS_SHOWN], overview.cohort.timezone, lang)
        lines.append(gettext(NEXT_RUNS, lang, when=when))
    if line.next_recipients and overview.can_manage and overview.running:
        lines.append(gettext(NEXT_RECIPIENTS, lang, people=_people(line.next_recipients, overview, lang)))
    return lines


def _rituals(overview: CohortOverview, lang: str, summaries: Mapping[str, Summary]) -> list[dict]:
    lines = [gettext(RITUALS, lang)]
    status = status_of(overview.cohort, overview.today)
    if status != "running":
        lines.append(gettext(STOPPED[status], lang))
    for source, line in overview.schedules:
        summary = summaries.get(source.kind)
        lines.extend(f"• {text}" for text in schedule_lines(source, line, overview, lang, summary))
    return [section("\n".join(lines))]


def _audit(overview: CohortOverview, lang: str) -> list[dict]:
    if not overview.can_manage:
        return []
    lines = [audit_line(entry, lang, overview.cohort.timezone) for entry in overview.audit]
    body = "\n".join(f"• {line}" for line in lines) or gettext(NO_AUDIT, lang)
    return [divider(), section(gettext(AUDIT, lang) + "\n" + body)]


def _far(overview: CohortOverview, lang: str) -> list[dict]:
    notice = far_notice(overview.far_fellows, overview.cohort, lang)
    return [section("\n".join(notice))] if notice else []


def cohort_overview(overview: CohortOverview, summaries: Mapping[str, Summary] | None = None) -> dict:
    lang, cohort = overview.cohort.lang, overview.cohort
    blocks = [header(gettext(TITLE, lang, name=cohort.name)), section(None, fields=_facts(overview, lang))]
    # The limits of a message: the fixed parts take at most 10 blocks, the teams the rest.
    blocks += (
        _teams(overview, lang) + _roles(overview, lang) + _far(overview, lang) + _holidays(overview, lang)
    )
    blocks += _rituals(overview, lang, summaries or {}) + _audit(overview, lang)
    text = f"{gettext(TITLE, lang, name=cohort.name)} · {channel_ref(cohort.channel_id)}"
    return kit_message(text, blocks)
