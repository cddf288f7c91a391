"""A mentor's Home section: their fellows' week at a glance, drawn as their digest draws it."""

from __future__ import annotations

from domain.digests.model import Digest
from domain.messages import N_
from handlers.blocks.digests.messages import digest_blocks
from handlers.blocks.kit import Block, escape, header, section
from handlers.i18n import gettext, ngettext

WEEK_TITLE = N_("Your fellows this week")


def _cohort_line(digest: Digest, lang: str) -> str:
    count = len(digest.fellows)
    return ngettext(
        "*{cohort}* · {count} fellow followed",
        "*{cohort}* · {count} fellows followed",
        count,
        lang,
        cohort=escape(digest.cohort.name),
    )


def mentor_week_section(digests: tuple[Digest, ...], lang: str) -> list[Block]:
    blocks: list[Block] = [header(gettext(WEEK_TITLE, lang))]
    for digest in digests:
        blocks += [section(_cohort_line(digest, lang)), *digest_blocks(digest, lang)]
    return blocks
