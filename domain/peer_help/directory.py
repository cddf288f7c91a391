"""The `/skills` use cases: one's own skills and help figures, declaring, who knows what, aliases, alumni.

Also how other features credit a demonstrated skill: `credit_training` for a training given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from domain.cohorts.permissions import NotAllowed, is_program_admin
from domain.cohorts.records import Actor
from domain.messages import N_, NP_, DomainError
from domain.peer_help.figures import HelpFigures, figures_of
from domain.peer_help.knowledge import aliases_for, evidence_in, holders_in
from domain.peer_help.lifecycle import asking_cohorts
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

NOT_IN_DIRECTORY = N_(
    "The skills directory is for the members of a running cohort, and for the alumni who agreed to be"
    " asked for help."
)
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


def require_directory(store: HelpStore, actor: Actor) -> None:
    """The program team, the members of a running cohort, and the alumni who opted in."""
    if is_program_admin(actor.user_id, actor.program_admins) or asking_cohorts(
        store, actor.user_id, actor.now
    ):
        return
    if actor.user_id in store.skills.alumni() and is_alumnus(store, actor.user_id, actor.now.date()):
        return
    raise NotAllowed(NOT_IN_DIRECTORY)


def actor_aliases(store: HelpStore, actor: Actor) -> dict[str, str]:
    """The aliases in force for someone: the program team's and those of their cohorts."""
    return aliases_for(store, {m.cohort_id for m in store.members.of_user(actor.user_id)})


def _keys(store: HelpStore, skills: Iterable[Skill]) -> list[Skill]:
    """The skills as typed, recorded with their labels if new: aliases apply when they are read."""
    skills = list(skills)
    store.skills.ensure(skills)
    return skills


def _label_map(store: HelpStore, keys: Iterable[str]) -> dict[str, str]:
    keys = list(keys)
    labels = store.skills.labels(keys)
    return {key: labels.get(key, key) for key in keys}


def my_skills(store: HelpStore, actor: Actor) -> MySkills:
    require_directory(store, actor)
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
    require_directory(store, actor)
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
    """Removes each skill under whichever of its names (aliases in force for the actor) it was declared."""
    require_directory(store, actor)
    aliases = actor_aliases(store, actor)
    declared = store.skills.declared_by(actor.user_id)
    wanted = list(skills)
    removed: set[str] = set()
    for skill in wanted:
        names = [key for key in declared if canonical(key, aliases) == canonical(skill.key, aliases)]
        if store.skills.undeclare(actor.user_id, names):
            removed.add(skill.key)
    labels = {**{s.key: s.label for s in wanted}, **store.skills.labels(s.key for s in wanted)}
    return SkillsChanged(
        tuple(labels[s.key] for s in wanted if s.key in removed),
        tuple(labels[s.key] for s in wanted if s.key not in removed),
    )


def who_knows(store: HelpStore, actor: Actor, skill: Skill) -> WhoKnows:
    """People who declared or showed the skill under any of its names, best first (at most WHO_MAX)."""
    require_directory(store, actor)
    aliases = actor_aliases(store, actor)
    key = canonical(skill.key, aliases)
    declared = holders_in(store, [key], aliases).get(key, set())
    evidence = [(user_id, source) for user_id, _key, source in evidence_in(store, [key], aliases)]
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


def credit_training(
    store: HelpStore, trainer: str, skills: str | Iterable[str], session_ref: str, at: datetime
) -> int:
    """A training given on these skills (labels, or a comma-separated text) shows them; once per session."""
    typed = parse_skill_list(skills if isinstance(skills, str) else ", ".join(skills))
    keys = [skill.key for skill in _keys(store, typed)]
    return store.skills.add_evidence(trainer, keys, EvidenceSource.TRAINING, session_ref, at)
