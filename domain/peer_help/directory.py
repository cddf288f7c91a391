"""The `/skills` use cases: one's own skills and help figures, declaring, who knows what, aliases, alumni.

Also how other features credit a demonstrated skill: `credit_training` for a training given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from domain.cohorts.model import Role
from domain.cohorts.permissions import NotAllowed, is_program_admin
from domain.cohorts.records import Actor
from domain.messages import N_, NP_, DomainError
from domain.peer_help.figures import HelpFigures, figures_of
from domain.peer_help.records import HelpStore
from domain.peer_help.routing import is_alumnus
from domain.peer_help.skills import (
    EvidenceSource,
    Skill,
    SkillLevel,
    canonical,
    levels,
    parse_skill_list,
    rank_levels,
)

NOT_SKILL_ADMIN = N_("Only the program team and cohort admins can map skills onto each other.")
ALIAS_OF_ITSELF = N_("{skill} and {alias} are already the same skill.")
NOT_ALUMNUS = N_("Alumni are fellows of a cohort that has ended; you are not one yet.")
WHO_MAX = 15

# Past this, a directory entry says nothing about what someone really knows.
PERSON_MAX = 30
TOO_MANY_SKILLS = NP_(
    "You can declare at most {count} skill and you have {found}: remove some with /skills remove first.",
    "You can declare at most {count} skills and you have {found}: remove some with /skills remove first.",
)


@dataclass(frozen=True)
class MySkills:
    declared: tuple[str, ...]
    shown: tuple[tuple[str, int, int], ...]  # (label, helped, trained)
    figures: HelpFigures
    alumnus: bool
    alumni_opted_in: bool


@dataclass(frozen=True)
class SkillsChanged:
    changed: tuple[str, ...]  # labels added, or removed
    unchanged: tuple[str, ...]  # already declared, or not declared


@dataclass(frozen=True)
class WhoKnows:
    label: str
    ranked: tuple[SkillLevel, ...]
    alumni: frozenset[str] = field(default_factory=frozenset)


def _keys(store: HelpStore, skills: Iterable[Skill]) -> list[Skill]:
    """The skills as canonical keys (aliases applied), recorded with their labels if new."""
    skills = list(skills)
    store.skills.ensure(skills)
    aliases = store.skills.aliases()
    return [Skill(canonical(skill.key, aliases), skill.label) for skill in skills]


def _label_map(store: HelpStore, keys: Iterable[str]) -> dict[str, str]:
    keys = list(keys)
    labels = store.skills.labels(keys)
    return {key: labels.get(key, key) for key in keys}


def my_skills(store: HelpStore, actor: Actor) -> MySkills:
    declared = store.skills.declared_by(actor.user_id)
    evidence = store.skills.evidence_of(actor.user_id)
    labels = _label_map(store, [*declared, *(key for key, _ in evidence)])
    shown: dict[str, list[int]] = {}
    for key, source in evidence:
        counts = shown.setdefault(key, [0, 0])
        counts[0 if source == EvidenceSource.HELP else 1] += 1
    requests, offers = store.help.involving(actor.user_id)
    return MySkills(
        tuple(labels[key] for key in declared),
        tuple((labels[key], helped, trained) for key, (helped, trained) in shown.items()),
        figures_of(actor.user_id, requests, offers),
        is_alumnus(store, actor.user_id, actor.now.date()),
        actor.user_id in store.skills.alumni(),
    )


def add_skills(store: HelpStore, actor: Actor, skills: Iterable[Skill]) -> SkillsChanged:
    wanted = _keys(store, skills)
    declared = set(store.skills.declared_by(actor.user_id))
    total = len(declared | {skill.key for skill in wanted})
    if total > PERSON_MAX:
        raise DomainError(TOO_MANY_SKILLS, count=PERSON_MAX, found=len(declared))
    added = set(store.skills.declare(actor.user_id, [skill.key for skill in wanted], actor.now))
    labels = _label_map(store, [skill.key for skill in wanted])
    return SkillsChanged(
        tuple(labels[s.key] for s in wanted if s.key in added),
        tuple(labels[s.key] for s in wanted if s.key not in added),
    )


def remove_skills(store: HelpStore, actor: Actor, skills: Iterable[Skill]) -> SkillsChanged:
    aliases = store.skills.aliases()
    wanted = [Skill(canonical(skill.key, aliases), skill.label) for skill in skills]
    removed = set(store.skills.undeclare(actor.user_id, [skill.key for skill in wanted]))
    labels = {**{s.key: s.label for s in wanted}, **store.skills.labels(s.key for s in wanted)}
    return SkillsChanged(
        tuple(labels[s.key] for s in wanted if s.key in removed),
        tuple(labels[s.key] for s in wanted if s.key not in removed),
    )


def who_knows(store: HelpStore, actor: Actor, skill: Skill) -> WhoKnows:
    """People who declared or showed the skill, best first (at most WHO_MAX)."""
    key = canonical(skill.key, store.skills.aliases())
    declared = store.skills.holders([key]).get(key, set())
    evidence = [(user_id, source) for user_id, _key, source in store.skills.evidence([key])]
    profiles = store.profiles.get_many({*declared, *(user_id for user_id, _ in evidence)})
    gone = {user_id for user_id, profile in profiles.items() if profile.deactivated}
    ranked = [
        level for level in rank_levels(levels(declared, evidence).values()) if level.user_id not in gone
    ]
    alumni = frozenset(
        user_id for user_id in store.skills.alumni() if is_alumnus(store, user_id, actor.now.date())
    )
    return WhoKnows(store.skills.labels([key]).get(key, skill.label), tuple(ranked[:WHO_MAX]), alumni)


def set_alumni(store: HelpStore, actor: Actor, on: bool) -> bool:
    if on and not is_alumnus(store, actor.user_id, actor.now.date()):
        raise DomainError(NOT_ALUMNUS)
    store.skills.set_alumni(actor.user_id, on, actor.now)
    return on


def _require_skill_admin(store: HelpStore, actor: Actor) -> None:
    if is_program_admin(actor.user_id, actor.program_admins):
        return
    if not any(m.role == Role.ADMIN for m in store.members.of_user(actor.user_id)):
        raise NotAllowed(NOT_SKILL_ADMIN)


def add_aliases(
    store: HelpStore, actor: Actor, skill: Skill, aliases: Iterable[Skill]
) -> tuple[str, tuple[str, ...]]:
    """Maps the other names onto the skill; what was declared or shown under them now counts for it."""
    _require_skill_admin(store, actor)
    target = _keys(store, [skill])[0]
    names = [alias for alias in aliases if alias.key != target.key]
    if not names:
        raise DomainError(ALIAS_OF_ITSELF, skill=skill.label, alias=next(iter(aliases)).label)
    store.skills.ensure(names)
    store.skills.set_aliases(target.key, [alias.key for alias in names])
    return _label_map(store, [target.key])[target.key], tuple(alias.label for alias in names)


def list_aliases(store: HelpStore) -> dict[str, tuple[str, ...]]:
    """Skill label → the other names mapped onto it."""
    found: dict[str, list[str]] = {}
    aliases = store.skills.aliases()
    labels = store.skills.labels([*aliases, *aliases.values()])
    for alias, key in sorted(aliases.items()):
        found.setdefault(labels.get(key, key), []).append(labels.get(alias, alias))
    return {label: tuple(names) for label, names in sorted(found.items())}


def remove_alias(store: HelpStore, actor: Actor, alias: Skill) -> bool:
    _require_skill_admin(store, actor)
    return store.skills.remove_alias(alias.key)


def credit_training(
    store: HelpStore, trainer: str, skills: str | Iterable[str], session_ref: str, at: datetime
) -> int:
    """A training given on these skills (labels, or a comma-separated text) shows them; once per session."""
    typed = parse_skill_list(skills if isinstance(skills, str) else ", ".join(skills))
    keys = [skill.key for skill in _keys(store, typed)]
    return store.skills.add_evidence(trainer, keys, EvidenceSource.TRAINING, session_ref, at)
