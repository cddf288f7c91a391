"""A digest as one Slack message, in its reader's language, always within Slack's limits.

A long digest (a big cohort, a mentor of the whole cohort) is summarised rather than refused: the
longest lists are cut, each cut list says how many lines it leaves out, and every section keeps
its summary figures. Limits: 50 blocks, 3,000 characters a section, and a total well under the
~13,000 characters at which Slack answers `msg_blocks_too_long`.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.numbers import format_decimal

from domain.digests.model import Audience, DayLabels, Digest, DigestSection, Phrase, Said
from handlers.blocks.kit import (
    MESSAGE_BLOCKS_MAX,
    action_button,
    context,
    cut,
    escape,
    header,
    message,
    section,
)
from handlers.blocks.times import for_reader
from handlers.i18n import N_, NP_, format_date, format_span, gettext, language

TITLES = {Audience.MENTOR: N_("Weekly digest · {cohort}"), Audience.ADMIN: N_("Admin digest · {cohort}")}
PERIOD = N_("From {first} to {last} · fellows followed: {count}")
MORE = NP_("…and {count} more.", "…and {count} more.")
NUMBER_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
TOTAL_CHARS_MAX = 11_000
BLOCK_CHARS_MAX = 2_900
SAID_MAX = 300


def phrase_text(phrase: Phrase, lang: str, tz: str) -> str:
    """The phrase in `lang`, its parameters translated or formatted; free text escaped and cut."""
    return gettext(
        phrase.text, lang, **{key: _value(value, lang, tz) for key, value in phrase.params.items()}
    )


def _value(value: object, lang: str, tz: str) -> object:
    if isinstance(value, Phrase):
        return phrase_text(value, lang, tz)
    if isinstance(value, DayLabels):
        return " ".join(format_date(day, lang, "EEEEE") for day in value.days)
    if isinstance(value, Said):
        return escape(cut(" ".join(value.text.split()), SAID_MAX))
    if isinstance(value, datetime):
        return for_reader(value, tz, lang)
    if isinstance(value, date):
        return format_date(value, lang, "medium")
    if isinstance(value, float):
        return _decimal(value, language(lang))
    return value


@lru_cache(maxsize=512)
def _decimal(value: float, lang: str) -> str:
    return format_decimal(value, format="0.0", locale=NUMBER_LOCALES[lang])


class _Rendered:
    """One section's texts, rendered once; `blocks(shown)` packs the first `shown` lines."""

    def __init__(self, section_: DigestSection, lang: str, tz: str):
        self.lang, self.tz = lang, tz
        self.title = self._text(section_.title)
        self.lines = [cut(self._text(line), BLOCK_CHARS_MAX - 200) for line in section_.lines]
        self.buttons = [action_button(a, lang) if a else None for a in section_.actions]
        self.buttons += [None] * (len(self.lines) - len(self.buttons))
        self.empty = self._optional(section_.empty)
        self.summary = self._optional(section_.summary)
        self.legend = self._optional(section_.legend)

    def _text(self, phrase: Phrase) -> str:
        return phrase_text(phrase, self.lang, self.tz)

    def _optional(self, phrase: Phrase | None) -> str | None:
        return self._text(phrase) if phrase is not None else None

    def blocks(self, shown: int) -> list[dict]:
        """Lines without a button are packed into few sections; a line with one is a section of its
        own, the button beside it."""
        kept: list[tuple[str, dict | None]] = list(zip(self.lines[:shown], self.buttons[:shown], strict=True))
        if len(self.lines) > shown:
            kept.append((gettext(MORE, self.lang, count=len(self.lines) - shown), None))
        if not self.lines and self.empty:
            kept.append((self.empty, None))
        if self.summary and self.lines:
            kept.append((f"_{self.summary}_", None))
        blocks, current = [], self.title
        for line, button in kept:
            if button is not None:
                blocks += [section(current)] if current else []
                blocks.append({**section(line), "accessory": button})
                current = ""
            elif not current:
                current = line
            elif len(current) + 1 + len(line) > BLOCK_CHARS_MAX:
                blocks.append(section(current))
                current = line
            else:
                current = f"{current}\n{line}"
        blocks += [section(current)] if current else []
        return blocks + ([context(self.legend)] if self.legend and self.lines and shown else [])


def _texts(block: dict) -> list[str]:
    """What a block shows: its text or its elements' (a context), and its button's label."""
    parts = [block["text"]] if "text" in block else block.get("elements", [])
    parts += [block["accessory"]["text"]] if "accessory" in block else []
    return [part["text"] for part in parts]


def _size(blocks: list[dict]) -> int:
    return sum(len(text) for block in blocks for text in _texts(block))


def _fit(rendered: list[_Rendered], fixed: list[dict]) -> list[dict]:
    """Cuts lists, by halves, until the message fits: while there are too many blocks, the list
    taking the most blocks (a line with a button takes one of its own); then the one with the most
    text."""
    shown = [len(r.lines) for r in rendered]
    while True:
        parts = [r.blocks(count) for r, count in zip(rendered, shown, strict=True)]
        blocks = fixed + [block for part in parts for block in part]
        too_many = len(blocks) > MESSAGE_BLOCKS_MAX
        if not (too_many or _size(blocks) > TOTAL_CHARS_MAX) or not any(shown):
            return blocks[:MESSAGE_BLOCKS_MAX]
        weight = len if too_many else _size
        cuttable = [i for i, count in enumerate(shown) if count]
        heaviest = max(cuttable, key=lambda i: (weight(parts[i]), shown[i]))
        shown[heaviest] //= 2


def digest_blocks(digest: Digest, lang: str) -> list[dict]:
    """The digest's sections alone (no title), within one message's limits."""
    return _fit([_Rendered(s, lang, digest.cohort.timezone) for s in digest.sections], [])


def render_digest(digest: Digest, lang: str) -> dict:
    tz, cohort = digest.cohort.timezone, digest.cohort
    title = gettext(TITLES[digest.audience], lang, cohort=cohort.name)
    first, last = format_span(digest.period.first, digest.period.last, lang)
    period = gettext(PERIOD, lang, first=first, last=last, count=len(digest.fellows))
    rendered = [_Rendered(s, lang, tz) for s in digest.sections]
    blocks = _fit(rendered, [header(title), context(period)])
    return message(f"{title} · {period}", blocks)
