"""`/cohort help`: what the caller may do, grouped (program team, cohort admins, everyone), one
example each; a fellow or a mentor sees only what they may use."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from handlers.blocks.kit import context, section
from handlers.blocks.kit import message as kit_message
from handlers.i18n import N_, gettext

INTRO_MANAGER = N_("/cohort manages cohorts and their rituals. Type /cohort alone to open a form.")
INTRO_MEMBER = N_("/cohort shows your cohorts and the people in them.")
GROUPS = {
    "program": N_("*Program team*"),
    "managers": N_("*Running a cohort* (program team and the cohort's admins)"),
    "everyone": N_("*Every member*"),
}
LINE = N_("• {what}: `{example}`")
USAGE_LINE = N_("• `{usage}`")
MORE = N_(
    "A mistake is answered with the full usage of the sub-command. Your own commands: /standup help, "
    "/ask help, /skills help, /training help, /checkin help, /pairing help."
)


class GuideText(Protocol):
    @property
    def summary(self) -> str: ...

    @property
    def example(self) -> str: ...


def _line(guide: GuideText | None, usage: str, lang: str) -> str:
    if guide is None:
        shown = gettext(usage, lang).split(":", 1)[-1].strip()
        return gettext(USAGE_LINE, lang, usage=shown)
    return gettext(LINE, lang, what=gettext(guide.summary, lang), example=gettext(guide.example, lang))


def cohort_help(
    lang: str, groups: Sequence[str], entries: Iterable[tuple[str, str, GuideText | None, str]]
) -> dict:
    """`entries`: (group, command, guide, usage line) of each sub-command the caller may use."""
    listed = list(entries)
    manager = "managers" in groups
    intro = gettext(INTRO_MANAGER, lang) if manager else gettext(INTRO_MEMBER, lang)
    blocks = [section(intro)]
    lines = [intro]
    for group in groups:
        mine = [_line(guide, usage, lang) for who, _, guide, usage in listed if who == group]
        if mine:
            part = "\n".join([gettext(GROUPS[group], lang), *mine])
            blocks.append(section(part))
            lines.append(part)
    more = gettext(MORE, lang)
    blocks.append(context(more))
    return kit_message("\n".join([*lines, more]), blocks)
