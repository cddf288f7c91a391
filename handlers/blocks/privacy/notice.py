"""The privacy notice, drawn from the features' declarations: `/cohort privacy`, Home, welcome."""

from __future__ import annotations

from domain.messages import N_, NP_
from domain.privacy.declaration import AUDIENCES, KEPT, DataDeclaration
from domain.privacy.notice import Notice
from handlers.blocks.kit import Block, context, escape, header, message, section
from handlers.i18n import gettext

TITLE = N_("Your data in cohortbot")
TITLE_OF = N_("Your data in cohortbot ({cohort})")
CATEGORY = N_("• {what}. Seen by: {who}. Kept: {kept}.")
RIGHTS = N_(
    "You may see everything the bot keeps about you with /cohort mydata (sent to you as a file), "
    "and ask for it to be corrected or erased."
)
CONTACT = N_("To exercise your rights or ask a question: {contact}.")
NO_CONTACT = N_("To exercise your rights or ask a question, write to the program team.")
SHORT = N_("What the bot keeps about you, why, who sees it and for how long: /cohort privacy.")
MONTHS = NP_("{count} month", "{count} months")


def retention_months(text: int, figures: int, lang: str) -> dict[str, str]:
    """The two retention periods as the `{text}` and `{figures}` of a sentence: "6 mois", "1 month"."""
    return {"text": gettext(MONTHS, lang, count=text), "figures": gettext(MONTHS, lang, count=figures)}


def _category_lines(declaration: DataDeclaration, notice: Notice) -> list[str]:
    lang, retention = notice.lang, notice.retention
    months = retention_months(retention.text_months, retention.figures_months, lang)
    return [
        gettext(
            CATEGORY,
            lang,
            what=gettext(category.what, lang),
            who=", ".join(gettext(AUDIENCES[who], lang) for who in category.seen_by),
            kept=gettext(KEPT[category.kept], lang, **months),
        )
        for category in declaration.categories
    ]


def contact_line(notice: Notice) -> str:
    if notice.contact:
        return gettext(CONTACT, notice.lang, contact=escape(notice.contact))
    return gettext(NO_CONTACT, notice.lang)


def notice_blocks(notice: Notice) -> list[Block]:
    """One section per feature: its purpose in bold, then each kind of data it keeps."""
    lang = notice.lang
    blocks: list[Block] = []
    for declaration in notice.declarations:
        lines = [f"*{gettext(declaration.purpose, lang)}*", *_category_lines(declaration, notice)]
        blocks.append(section("\n".join(lines)))
    blocks.append(context(gettext(RIGHTS, lang), contact_line(notice)))
    return blocks


def title(notice: Notice) -> str:
    if notice.cohort is None:
        return gettext(TITLE, notice.lang)
    return gettext(TITLE_OF, notice.lang, cohort=notice.cohort.name)


def notice_message(notice: Notice) -> dict:
    text = title(notice)
    return message(escape(text), [header(text), *notice_blocks(notice)])


def notice_text(notice: Notice) -> str:
    """The notice as plain lines, for the record of processing and the readable data file."""
    lines = [title(notice)]
    for declaration in notice.declarations:
        lines += ["", gettext(declaration.purpose, notice.lang), *_category_lines(declaration, notice)]
    return "\n".join([*lines, "", gettext(RIGHTS, notice.lang), contact_line(notice)])


def short_notice(lang: str) -> str:
    return gettext(SHORT, lang)
