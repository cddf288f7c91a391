"""Skills: one key per skill whatever its spelling, aliases the admins add, and who knows what.

"Data viz", "dataviz" and "data-viz" share the key `dataviz` (case, accents, spaces and
punctuation do not count); an alias maps another key onto a skill ("visualisation" → dataviz).
Someone knows a skill because they said so (declared) or because they showed it (demonstrated:
credited for help on a request needing it, or giving a training on it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from domain.messages import N_, NP_, DomainError

LABEL_MAX = 50
DECLARED_WEIGHT = 2
# Beyond this, more evidence of the same skill adds nothing to a ranking.
EVIDENCE_CAP = 3
# Skills found in free text need a key this long: "go" or "r" would match ordinary words.
FOUND_IN_TEXT_MIN = 3

NOT_A_SKILL = N_('"{text}" is not a skill: use letters or digits.')
SKILL_TOO_LONG = NP_(
    "A skill has at most {count} character: {skill}", "A skill has at most {count} characters: {skill}"
)

_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "+": "plus", "#": "sharp"}
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


class EvidenceSource:
    HELP = "help"
    TRAINING = "training"


@dataclass(frozen=True)
class Skill:
    key: str
    label: str


@dataclass(frozen=True)
class SkillLevel:
    """What one person shows of one skill."""

    user_id: str
    declared: bool = False
    helped: int = 0
    trained: int = 0

    @property
    def score(self) -> int:
        return (DECLARED_WEIGHT if self.declared else 0) + min(self.helped + self.trained, EVIDENCE_CAP)


def _ascii_words(text: str) -> list[str]:
    folded = (
        unicodedata.normalize("NFKD", text.translate(_LIGATURES)).encode("ascii", "ignore").decode().lower()
    )
    return [word for word in _NOT_ALNUM.split(folded) if word]


def skill_key(text: str) -> str:
    """`Data viz`, `data-viz`, `DataViz`, `dätaviz` → `dataviz`; `C++` → `cplusplus`. DomainError when empty."""
    label = " ".join(text.split())
    if len(label) > LABEL_MAX:
        raise DomainError(SKILL_TOO_LONG, count=LABEL_MAX, skill=label)
    key = "".join(_ascii_words(label))
    if not key:
        raise DomainError(NOT_A_SKILL, text=label)
    return key


def skill_label(text: str) -> str:
    return " ".join(text.split())


def parse_skill_list(text: str) -> list[Skill]:
    """`a, b; c` → the skills named, each once (by key), labelled as first typed."""
    found: dict[str, Skill] = {}
    for part in text.replace(";", ",").split(","):
        if part.strip():
            key = skill_key(part)
            found.setdefault(key, Skill(key, skill_label(part)))
    return list(found.values())


def canonical(key: str, aliases: Mapping[str, str]) -> str:
    """The skill a key stands for once the admins' aliases are applied (an alias of an alias too)."""
    seen = {key}
    while key in aliases and aliases[key] not in seen:
        key = aliases[key]
        seen.add(key)
    return key


def spellings(keys: Iterable[str], aliases: Mapping[str, str]) -> dict[str, str]:
    """Every key that stands for one of `keys` (the keys themselves and their aliases) → the one it stands for."""
    wanted = {canonical(key, aliases) for key in keys}
    found = {key: key for key in wanted}
    for alias in aliases:
        target = canonical(alias, aliases)
        if target in wanted:
            found[alias] = target
    return found


def skills_in_text(text: str, known_keys: Iterable[str], aliases: Mapping[str, str]) -> list[str]:
    """Known skills named in free text (a title, a blocker), as canonical keys, in order of appearance."""
    words = _ascii_words(text)
    wanted = {key for key in known_keys if len(key) >= FOUND_IN_TEXT_MIN}
    wanted |= {alias for alias in aliases if len(alias) >= FOUND_IN_TEXT_MIN}
    found: dict[str, None] = {}
    for start in range(len(words)):
        for size in range(1, min(3, len(words) - start) + 1):
            key = "".join(words[start : start + size])
            if key in wanted:
                found[canonical(key, aliases)] = None
    return list(found)


def levels(
    declared: Iterable[str], evidence: Iterable[tuple[str, str]], user_ids: Iterable[str] | None = None
) -> dict[str, SkillLevel]:
    """Per person, their level in one skill: `declared` user ids, `evidence` (user id, source) pairs."""
    counts: dict[str, dict[str, int]] = {}
    for user_id, source in evidence:
        counts.setdefault(user_id, {}).setdefault(source, 0)
        counts[user_id][source] += 1
    declared = set(declared)
    people = set(user_ids) if user_ids is not None else declared | set(counts)
    return {
        user_id: SkillLevel(
            user_id,
            user_id in declared,
            counts.get(user_id, {}).get(EvidenceSource.HELP, 0),
            counts.get(user_id, {}).get(EvidenceSource.TRAINING, 0),
        )
        for user_id in people
    }


def rank_levels(found: Iterable[SkillLevel]) -> list[SkillLevel]:
    """Best first: the score, then the demonstrated evidence, then the id for a stable order."""
    return sorted(
        (level for level in found if level.score > 0),
        key=lambda level: (-level.score, -(level.helped + level.trained), level.user_id),
    )
