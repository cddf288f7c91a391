"""What `/cohort edit`, `/cohort holiday NAME remove` and `/cohort unarchive` answer."""

from __future__ import annotations

from domain.cohorts.corrections import SCHEDULE_FIELDS, Edited, HolidaysRemoved
from domain.cohorts.model import Cohort
from domain.cohorts.rules import channel_ref
from handlers.blocks.cohorts.replies import ALREADY_IN, INVITE_ME, JOINED, dates_of
from handlers.blocks.kit import escape, section
from handlers.blocks.kit import message as kit_message
from handlers.i18n import N_, format_date, gettext

EDITED = N_("Cohort {name} corrected: {changes}.")
CHANGE_LABELS = {
    "name": N_("name {value}"),
    "channel_id": N_("channel {value}"),
    "timezone": N_("time zone {value}"),
    "lang": N_("language {value}"),
    "country": N_("public holidays of {value}"),
    "start": N_("dates {value}"),
    "end": N_("dates {value}"),
}
FUTURE_ONLY = N_(
    "The rituals follow the new settings from their next occurrence; what was already sent stays as it was."
)
HOLIDAYS_REMOVED = N_(
    "Holidays of {name} removed from {first} to {last}: the rituals run again on those working days."
)
HOLIDAY_WAS = N_("Removed: {days}")
HOLIDAY_DAYS = N_("from {first} to {last}")
UNARCHIVED = N_("Cohort {name} reopened: its rituals start again from their next occurrence.")


def _lines(*lines: str) -> dict:
    text = "\n".join(line for line in lines if line)
    return kit_message(text, [section(text)])


def _value(cohort: Cohort, field: str, lang: str) -> str:
    if field == "channel_id":
        return channel_ref(cohort.channel_id)
    if field in ("start", "end"):
        return dates_of(cohort, lang)
    return str(getattr(cohort, field))


def edited(result: Edited) -> dict:
    cohort, lang = result.cohort, result.cohort.lang
    labels = dict.fromkeys(CHANGE_LABELS[field] for field in result.changed)
    fields = {CHANGE_LABELS[field]: field for field in reversed(result.changed)}
    changes = ", ".join(gettext(label, lang, value=_value(cohort, fields[label], lang)) for label in labels)
    lines = [gettext(EDITED, lang, name=cohort.name, changes=changes)]
    if result.channel is not None:
        where = channel_ref(cohort.channel_id)
        if result.invite_needed:
            lines.append(gettext(INVITE_ME, lang, channel=where))
        else:
            lines.append(gettext(JOINED if result.joined else ALREADY_IN, lang, channel=where))
    if any(field in SCHEDULE_FIELDS for field in result.changed):
        lines.append(gettext(FUTURE_ONLY, lang))
    return _lines(*lines)


def holidays_removed(result: HolidaysRemoved) -> dict:
    lang = result.cohort.lang
    removed = [
        escape(holiday.reason)
        if holiday.reason
        else gettext(
            HOLIDAY_DAYS, lang, first=format_date(holiday.first, lang), last=format_date(holiday.last, lang)
        )
        for holiday in result.removed
    ]
    return _lines(
        gettext(
            HOLIDAYS_REMOVED,
            lang,
            name=result.cohort.name,
            first=format_date(result.first, lang),
            last=format_date(result.last, lang),
        ),
        gettext(HOLIDAY_WAS, lang, days=", ".join(removed)),
    )


def unarchived(cohort: Cohort) -> dict:
    return _lines(gettext(UNARCHIVED, cohort.lang, name=cohort.name))
