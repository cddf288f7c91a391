"""`/skills …` text → one typed command, or CommandError with what was wrong and the usage line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.command_parsing import CommandError, as_shown, unescape
from domain.messages import N_, NP_, DomainError
from domain.peer_help.skills import Skill, parse_skill_list, skill_key, skill_label

SKILLS_USAGE = N_(
    "Usage: /skills · /skills add a, b · /skills remove a · /skills who a · /skills alumni on|off"
    " · /skills alias [cohort=NAME] SKILL = a, b (admins)"
)
ADD_USAGE = N_("Usage: /skills add a, b")
REMOVE_USAGE = N_("Usage: /skills remove a")
WHO_USAGE = N_("Usage: /skills who a")
ALUMNI_USAGE = N_("Usage: /skills alumni on|off")
ALIAS_USAGE = N_(
    "Usage: /skills alias [cohort=NAME] SKILL = a, b · /skills alias (the list) · /skills unalias [cohort=NAME] a"
)
UNKNOWN_SUB = N_('Unknown sub-command "{name}".')
NAME_A_SKILL = N_("Name at least one skill.")
TOO_MANY_AT_ONCE = NP_(
    "At most {count} skill at a time; there are {found}.",
    "At most {count} skills at a time; there are {found}.",
)
# Enough for anyone's real skills in one go; more is a paste gone wrong.
ADD_MAX = 10
ONE_SKILL = N_("Name one skill.")
ON_OR_OFF = N_("Say on or off.")
NAME_THE_COHORT = N_("Name the cohort after cohort=.")
ALIAS_NEEDS_EQUALS = N_("Write the skill, then =, then its other names separated by commas.")


@dataclass(frozen=True)
class Mine:
    pass


@dataclass(frozen=True)
class AddSkills:
    skills: tuple[Skill, ...]


@dataclass(frozen=True)
class RemoveSkills:
    skills: tuple[Skill, ...]


@dataclass(frozen=True)
class Who:
    skill: Skill


@dataclass(frozen=True)
class Alumni:
    on: bool


@dataclass(frozen=True)
class Alias:
    skill: Skill
    aliases: tuple[Skill, ...]
    cohort: str | None = None  # None: the program team's everywhere, or the one cohort its admin manages


@dataclass(frozen=True)
class ListAliases:
    pass


@dataclass(frozen=True)
class Unalias:
    alias: Skill
    cohort: str | None = None


@dataclass(frozen=True)
class Help:
    pass


SkillsCommand = Mine | AddSkills | RemoveSkills | Who | Alumni | Alias | ListAliases | Unalias | Help


def _skills(rest: str) -> tuple[Skill, ...]:
    skills = tuple(parse_skill_list(rest))
    if not skills:
        raise DomainError(NAME_A_SKILL)
    return skills


def _at_most(skills: tuple[Skill, ...], most: int) -> tuple[Skill, ...]:
    if len(skills) > most:
        raise DomainError(TOO_MANY_AT_ONCE, count=most, found=len(skills))
    return skills


def _one(rest: str) -> Skill:
    if not rest.strip():
        raise DomainError(ONE_SKILL)
    return Skill(skill_key(rest), skill_label(rest))


def _alumni(rest: str) -> Alumni:
    word = rest.strip().lower()
    if word not in ("on", "off"):
        raise DomainError(ON_OR_OFF)
    return Alumni(word == "on")


def _scope(rest: str) -> tuple[str | None, str]:
    """A leading `cohort=NAME`, and what follows it."""
    words = rest.strip().split(maxsplit=1)
    if words and words[0].lower().startswith("cohort="):
        name = words[0].partition("=")[2]
        if not name:
            raise DomainError(NAME_THE_COHORT)
        return name, words[1] if len(words) > 1 else ""
    return None, rest


def _alias(rest: str) -> Alias | ListAliases:
    if not rest.strip():
        return ListAliases()
    cohort, rest = _scope(rest)
    skill, equals, names = rest.partition("=")
    if not equals or not skill.strip():
        raise DomainError(ALIAS_NEEDS_EQUALS)
    return Alias(_one(skill), _skills(names), cohort)


def _unalias(rest: str) -> Unalias:
    cohort, rest = _scope(rest)
    return Unalias(_one(rest), cohort)


_PARSERS: dict[str, tuple[Callable[[str], SkillsCommand], str]] = {
    "add": (lambda rest: AddSkills(_at_most(_skills(rest), ADD_MAX)), ADD_USAGE),
    "remove": (lambda rest: RemoveSkills(_skills(rest)), REMOVE_USAGE),
    "who": (lambda rest: Who(_one(rest)), WHO_USAGE),
    "alumni": (_alumni, ALUMNI_USAGE),
    "alias": (_alias, ALIAS_USAGE),
    "unalias": (_unalias, ALIAS_USAGE),
    "help": (lambda rest: Help(), SKILLS_USAGE),
}


def parse_skills_command(text: str) -> SkillsCommand:
    text = unescape(text).strip()
    if not text:
        return Mine()
    word, _, rest = text.partition(" ")
    found = _PARSERS.get(word.lower())
    if found is None:
        raise CommandError(UNKNOWN_SUB, SKILLS_USAGE, name=as_shown(word))
    parse, usage = found
    try:
        return parse(rest)
    except DomainError as err:
        raise CommandError.from_error(err, usage) from None
