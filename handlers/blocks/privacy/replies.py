"""Replies of the privacy sub-commands, and the person's data as a file (JSON and readable text)."""

from __future__ import annotations

import json

from domain.messages import N_
from domain.privacy.access import PersonalFile
from domain.privacy.admin import RetentionShown
from domain.privacy.erasure import Forgotten
from domain.privacy.records import Erased
from handlers.blocks.kit import message, section
from handlers.blocks.privacy.notice import retention_months
from handlers.i18n import format_date, format_datetime, gettext, ngettext

MYDATA_SENT = N_("I sent you, by direct message, everything the bot keeps about you (JSON and text).")
MYDATA_COMMENT = N_(
    "Everything cohortbot keeps about you, as of {when}: a JSON file and a readable text version."
)
MYDATA_TITLE = N_("What cohortbot keeps about {user}, as of {when}")
MYDATA_NOTHING = N_("Nothing.")
MYDATA_TABLE = N_("{table} ({count})")
FORGOTTEN = N_(
    "Erased: the free text and identity of {user} ({scope}); the figures now carry the pseudonym {pseudonym}."
)
EVERYWHERE = N_("every cohort")
IN_COHORT = N_("cohort {cohort}")
REMOVED = N_("(removed)")
RETENTION_SHOWN = N_(
    "Retention for {cohort}: free text {text} after the cohort ends, figures and audit {figures}."
)
RETENTION_CHANGED = N_(
    "Retention for {cohort} changed: free text {text} after the cohort ends, figures and audit {figures}."
)
RETENTION_DUE = N_("Free text deleted from {text_on}; the cohort and its figures from {figures_on}.")
RETENTION_NOT_ENDED = N_("The cohort has no end date yet: nothing is deleted while it runs.")


def _lines(*lines: str) -> dict:
    text = "\n".join(line for line in lines if line)
    return message(text, [section(text)])


def mydata_sent(lang: str) -> dict:
    return _lines(gettext(MYDATA_SENT, lang))


def mydata_comment(data: PersonalFile, tz: str) -> str:
    return gettext(MYDATA_COMMENT, data.lang, when=format_datetime(data.made_at, data.lang, tz, "medium"))


def mydata_json(data: PersonalFile) -> str:
    document = {"user_id": data.user_id, "made_at": data.made_at.isoformat(), "tables": data.rows}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)


def mydata_text(data: PersonalFile, tz: str) -> str:
    """The same rows as the JSON file, one line per value, a heading per table."""
    lang = data.lang
    when = format_datetime(data.made_at, lang, tz, "medium")
    lines = [gettext(MYDATA_TITLE, lang, user=data.user_id, when=when), ""]
    if not data.rows:
        lines.append(gettext(MYDATA_NOTHING, lang))
    for table, rows in sorted(data.rows.items()):
        lines.append(gettext(MYDATA_TABLE, lang, table=table, count=len(rows)))
        for row in rows:
            lines.extend(f"  {key}: {value}" for key, value in sorted(row.items()))
            lines.append("")
    return "\n".join(lines)


def erased_counts(erased: Erased, blanked: int, lang: str) -> str:
    counts = [ngettext("{count} record changed", "{count} records changed", erased.total, lang)]
    if erased.messages:
        counts.append(
            ngettext("{count} Slack message blanked", "{count} Slack messages blanked", blanked, lang)
        )
    return " · ".join(counts)


def forgotten(result: Forgotten, user_id: str, blanked: int, lang: str) -> dict:
    scope = (
        gettext(IN_COHORT, lang, cohort=result.cohort.name) if result.cohort else gettext(EVERYWHERE, lang)
    )
    head = gettext(FORGOTTEN, lang, user=f"<@{user_id}>", scope=scope, pseudonym=result.pseudonym)
    return _lines(head, erased_counts(result.erased, blanked, lang))


def removed_message(lang: str) -> dict:
    return message(gettext(REMOVED, lang), [section(gettext(REMOVED, lang))])


def retention(result: RetentionShown) -> dict:
    cohort, lang, kept = result.cohort, result.cohort.lang, result.retention
    template = RETENTION_CHANGED if result.changed else RETENTION_SHOWN
    months = retention_months(kept.text_months, kept.figures_months, lang)
    head = gettext(template, lang, cohort=cohort.name, **months)
    if result.text_on is None or result.figures_on is None:
        return _lines(head, gettext(RETENTION_NOT_ENDED, lang))
    due = gettext(
        RETENTION_DUE,
        lang,
        text_on=format_date(result.text_on, lang),
        figures_on=format_date(result.figures_on, lang),
    )
    return _lines(head, due)
