"""`/skills alias` and `/skills unalias`: other names that count as one skill.

The program team's aliases apply in every cohort; a cohort admin's apply in their cohort only, and
only to names used there (declared or shown by its members, or needed by its requests). Nothing
recorded is moved: an alias applies when skills are read, so removing it gives back the skills
as they were.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from domain.cohorts.admin import managed_cohort
from domain.cohorts.model import Cohort, Role
from domain.cohorts.permissions import NotAllowed, is_program_admin
from domain.cohorts.records import Actor
from domain.messages import N_, DomainError
from domain.peer_help.directory import require_directory
from domain.peer_help.knowledge import aliases_for
from domain.peer_help.records import HelpStore, SkillAlias
from domain.peer_help.skills import Skill, canonical

NOT_SKILL_ADMIN = N_("Only the program team and cohort admins can map skills onto each other.")
ALIAS_OF_ITSELF = N_("{skill} and {alias} are already the same skill.")
NAME_THE_COHORT = N_("You manage several cohorts: say which one with cohort=NAME.")
NOT_USED_HERE = N_(
    "Nobody in {cohort} uses {skill}: a cohort's aliases are for its own skills (the program team maps the others)."
)


@dataclass(frozen=True)
class AliasesSet:
    skill: str
    names: tuple[str, ...]
    cohort: Cohort | None  # None: in every cohort


@dataclass(frozen=True)
class AliasLine:
    skill: str
    names: tuple[str, ...]
    cohort: str | None  # None: in every cohort


def alias_scope(store: HelpStore, actor: Actor, cohort_name: str | None) -> Cohort | None:
    """Where the actor's aliases apply: the cohort named, else everywhere for the program team, else
    the one cohort they manage."""
    if cohort_name is not None:
        return managed_cohort(store, actor, cohort_name)
    if is_program_admin(actor.user_id, actor.program_admins):
        return None
    managed = {m.cohort_id for m in store.members.of_user(actor.user_id) if m.role == Role.ADMIN}
    running = [store.cohorts.get(cohort_id) for cohort_id in sorted(managed)]
    running = [cohort for cohort in running if not cohort.archived]
    if not running:
        raise NotAllowed(NOT_SKILL_ADMIN)
    if len(running) > 1:
        raise DomainError(NAME_THE_COHORT)
    return running[0]


def skills_used_in(store: HelpStore, cohort_id: int) -> set[str]:
    """The skill keys a cohort's members declared or showed, and those its requests needed."""
    used: set[str] = set()
    for user_id in {m.user_id for m in store.members.of_cohort(cohort_id)}:
        used.update(store.skills.declared_by(user_id))
        used.update(key for key, _source in store.skills.evidence_of(user_id))
    for request in store.help.of_cohort(cohort_id):
        used.update(request.skills)
    return used


def add_aliases(
    store: HelpStore, actor: Actor, skill: Skill, aliases: Iterable[Skill], cohort_name: str | None = None
) -> AliasesSet:
    """The other names now count as the skill, where the actor's aliases apply."""
    cohort = alias_scope(store, actor, cohort_name)
    in_force = aliases_for(store, [cohort.id] if cohort else [])
    names = [alias for alias in aliases if canonical(alias.key, in_force) != canonical(skill.key, in_force)]
    if not names:
        raise DomainError(ALIAS_OF_ITSELF, skill=skill.label, alias=next(iter(aliases)).label)
    if cohort is not None and not is_program_admin(actor.user_id, actor.program_admins):
        used = skills_used_in(store, cohort.id)
        unused = next((alias for alias in names if alias.key not in used), None)
        if unused is not None:
            raise DomainError(NOT_USED_HERE, cohort=cohort.name, skill=unused.label)
    store.skills.ensure([skill, *names])
    for alias in names:
        store.skills.add_alias(
            SkillAlias(alias.key, skill.key, cohort.id if cohort else None), actor.user_id, actor.now
        )
    label = store.skills.labels([skill.key]).get(skill.key, skill.label)
    return AliasesSet(label, tuple(alias.label for alias in names), cohort)


def list_aliases(store: HelpStore, actor: Actor) -> tuple[AliasLine, ...]:
    """The program team's aliases, then those of the actor's cohorts (the program team: every cohort's)."""
    require_directory(store, actor)
    if is_program_admin(actor.user_id, actor.program_admins):
        rows = store.skills.alias_rows()
    else:
        rows = store.skills.alias_rows({m.cohort_id for m in store.members.of_user(actor.user_id)})
    labels = store.skills.labels({key for row in rows for key in (row.alias_key, row.skill_key)})
    grouped: dict[tuple[int, str], list[str]] = {}
    for row in rows:
        scope = row.cohort_id or 0
        grouped.setdefault((scope, row.skill_key), []).append(labels.get(row.alias_key, row.alias_key))
    lines = [
        AliasLine(
            labels.get(skill_key, skill_key),
            tuple(names),
            store.cohorts.get(scope).name if scope else None,
        )
        for (scope, skill_key), names in grouped.items()
    ]
    return tuple(sorted(lines, key=lambda line: (line.cohort is not None, line.cohort or "", line.skill)))


def remove_alias(store: HelpStore, actor: Actor, alias: Skill, cohort_name: str | None = None) -> bool:
    """The name counts as itself again where the actor's aliases apply; False: it was no alias there."""
    cohort = alias_scope(store, actor, cohort_name)
    return store.skills.remove_alias(alias.key, cohort.id if cohort else None)
