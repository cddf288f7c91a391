"""What the daily purge tells the program team: what it deleted, in counts only."""

from __future__ import annotations

from domain.messages import N_
from domain.privacy.purge import Purged
from handlers.blocks.kit import escape, message, section
from handlers.i18n import gettext, ngettext

TITLE = N_("Retention: what was deleted today")


def purge_report(purged: Purged, lang: str) -> dict:
    lines = [f"*{gettext(TITLE, lang)}*"]
    for name, count in sorted(purged.texts.items()):
        lines.append(
            ngettext(
                "• {cohort}: free text deleted from {count} record",
                "• {cohort}: free text deleted from {count} records",
                count,
                lang,
                cohort=escape(name),
            )
        )
    for name, count in sorted(purged.cohorts.items()):
        lines.append(
            ngettext(
                "• {cohort}: cohort deleted with its figures and audit ({count} record)",
                "• {cohort}: cohort deleted with its figures and audit ({count} records)",
                count,
                lang,
                cohort=escape(name),
            )
        )
    text = "\n".join(lines)
    return message(text, [section(text)])
