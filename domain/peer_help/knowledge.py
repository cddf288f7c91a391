"""Who knows a skill, with the aliases in force where the question is asked.

Declarations and evidence stay under the names people typed; aliases apply when they are read,
so removing an alias gives every name back what was recorded under it.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.peer_help.records import HelpStore, SkillAlias
from domain.peer_help.skills import spellings


def alias_map(rows: Iterable[SkillAlias]) -> dict[str, str]:
    """alias key → skill key: the program team's, then the cohorts' (a cohort's own wins)."""
    rows = list(rows)
    mapping = {row.alias_key: row.skill_key for row in rows if row.cohort_id is None}
    for row in sorted((r for r in rows if r.cohort_id is not None), key=lambda r: (r.cohort_id, r.alias_key)):
        mapping[row.alias_key] = row.skill_key
    return mapping


def aliases_for(store: HelpStore, cohort_ids: Iterable[int]) -> dict[str, str]:
    """The aliases in force in these cohorts (the program team's in every one)."""
    return alias_map(store.skills.alias_rows(list(cohort_ids)))


def holders_in(store: HelpStore, keys: Iterable[str], aliases: dict[str, str]) -> dict[str, set[str]]:
    """Per skill, who declared it under any of its names."""
    names = spellings(keys, aliases)
    found: dict[str, set[str]] = {}
    for key, users in store.skills.holders(names).items():
        found.setdefault(names[key], set()).update(users)
    return found


def evidence_in(store: HelpStore, keys: Iterable[str], aliases: dict[str, str]) -> list[tuple[str, str, str]]:
    """(user id, skill, source) of what people showed, under any of the skill's names."""
    names = spellings(keys, aliases)
    return [(user_id, names[key], source) for user_id, key, source in store.skills.evidence(names)]
