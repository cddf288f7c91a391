"""`cohortbot privacy-record`, `cohortbot forget`, and erasures applied again at start.

The record of processing is written from the features' declarations: what each keeps, why, who
sees it, for how long, and in which tables.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from bot.export import OPERATOR
from bot.features import EVERYTHING
from bot.settings import Settings
from domain.cohorts.admin import named_cohort
from domain.cohorts.language import address_language
from domain.cohorts.records import Actor
from domain.messages import N_
from domain.privacy.declaration import AUDIENCES, KEPT
from domain.privacy.erasure import forget_person, reapply_tombstones
from domain.privacy.retention import FIGURES_MONTHS, TEXT_MONTHS
from handlers.blocks.privacy.notice import CONTACT, NO_CONTACT, retention_months
from handlers.blocks.privacy.replies import erased_counts
from handlers.context import Context
from handlers.i18n import gettext
from handlers.privacy.erasure import blank_messages
from handlers.privacy.subcommands import new_pseudonym

log = logging.getLogger("cohortbot")

RECORD_TITLE = N_("Record of processing activities (draft, from what each feature of cohortbot declares)")
CONTROLLER = N_("Controller: the program team running the cohorts. Processor: whoever hosts the bot.")
PURPOSE = N_("Purpose: {purpose}")
CATEGORY = N_("- {what} · seen by: {who} · kept: {kept}")
TABLES = N_("Tables: {tables}")
DEFAULTS = N_(
    "Retention defaults (each cohort may change them with /cohort retention): free text {text} after "
    "the cohort ends, figures and audit {figures}; a daily job deletes what is due and reports the counts "
    "to the program team."
)
RIGHTS = N_(
    "Rights: access with /cohort mydata (a JSON file and a text version by direct message); erasure with "
    "cohortbot forget or /cohort forget (free text deleted, identity replaced by a pseudonym, applied again "
    "after a backup is restored)."
)
FORGOTTEN = N_("forget: {counts}; pseudonym {pseudonym}")
REAPPLIED = N_("erasures applied again after a restore: {counts}")

RECORD_HELP = N_("the record of processing, from what the features declare")
FORGET_HELP = N_("erase a person's free text and identity, keep anonymous figures")
USER_HELP = N_("the person's Slack user ID (U…), or <@U…>")
COHORT_HELP = N_("erase only what belongs to this cohort")
USER, NAME = N_("USER_ID"), N_("NAME")


def add_arguments(sub, lang: str) -> None:
    def _(text: str) -> str:
        return gettext(text, lang)

    sub.add_parser("privacy-record", help=_(RECORD_HELP), description=_(RECORD_HELP))
    forget = sub.add_parser("forget", help=_(FORGET_HELP), description=_(FORGET_HELP))
    forget.add_argument("user_id", help=_(USER_HELP), metavar=_(USER))
    forget.add_argument("--cohort", help=_(COHORT_HELP), metavar=_(NAME))


def print_record(settings: Settings, lang: str, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    months = retention_months(TEXT_MONTHS, FIGURES_MONTHS, lang)
    lines = [gettext(RECORD_TITLE, lang), gettext(CONTROLLER, lang)]
    contact = settings.privacy_contact
    lines.append(gettext(CONTACT, lang, contact=contact) if contact else gettext(NO_CONTACT, lang))
    for feature in EVERYTHING:
        for part in feature.personal_data:
            declaration = part.declaration
            lines += [
                "",
                f"## {feature.name}",
                gettext(PURPOSE, lang, purpose=gettext(declaration.purpose, lang)),
            ]
            for category in declaration.categories:
                who = ", ".join(gettext(AUDIENCES[a], lang) for a in category.seen_by)
                kept = gettext(KEPT[category.kept], lang, **months)
                lines.append(gettext(CATEGORY, lang, what=gettext(category.what, lang), who=who, kept=kept))
            lines.append(gettext(TABLES, lang, tables=", ".join(c.name for c in part.columns)))
    lines += ["", gettext(DEFAULTS, lang, **months), gettext(RIGHTS, lang)]
    out.write("\n".join(lines) + "\n")
    return 0


def _user_id(text: str) -> str:
    text = text.strip()
    if text.startswith("<@") and text.endswith(">"):
        text = text[2:-1].split("|")[0]
    return text


def forget(ctx: Context, user_id: str, cohort_name: str | None, lang: str, out: TextIO | None = None) -> int:
    """Erases the person; raises DomainError (unknown cohort, nobody by that id) with nothing changed."""
    actor = Actor(OPERATOR, ctx.clock.now())
    user_id = _user_id(user_id)
    with ctx.uow() as uow:
        cohort = named_cohort(uow, cohort_name) if cohort_name else None
        # The blanked messages speak their cohort's language: the person's, read before erasure.
        slack_lang = address_language(uow, user_id, lang, cohort)
        result = forget_person(uow, actor, user_id, cohort, new_pseudonym())
        if ctx.tombstones is not None:
            ctx.tombstones.append(result.tombstone)
        blanked = blank_messages(ctx, result.erased.messages, slack_lang)
        blanked += sum(redraw(ctx, uow, result.pseudonym) for redraw in ctx.redraws_after_erasure)
        uow.commit()
    counts = erased_counts(result.erased, blanked, lang)
    (out or sys.stdout).write(gettext(FORGOTTEN, lang, counts=counts, pseudonym=result.pseudonym) + "\n")
    return 0


def reapply_at_start(ctx: Context, lang: str) -> None:
    """A restored backup may hold people erased since: they are erased again before anything runs."""
    with ctx.uow() as uow:
        erased = reapply_tombstones(uow, ctx.tombstones.read() if ctx.tombstones is not None else ())
        if not erased.total:
            uow.commit()  # the archived tombstones the database lacked
            return
        blanked = blank_messages(ctx, erased.messages, lang)
        uow.commit()
    log.warning(gettext(REAPPLIED, lang, counts=erased_counts(erased, blanked, lang)))
