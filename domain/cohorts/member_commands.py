"""The `/cohort add` and `/cohort remove` sub-commands: who joins or leaves a cohort, and as what."""

from __future__ import annotations

from dataclasses import dataclass

from domain.cohorts.model import Role, challenge_name, slugify
from domain.command_parsing import (
    CohortCommand,
    as_shown,
    parse_user,
    split_options,
    take_name,
    unescape,
    with_trailing_words,
)
from domain.messages import N_, DomainError

ADD_USAGE = N_("Usage: /cohort add NAME @user… [as fellow|mentor|admin] [challenge=SLUG]")
REMOVE_USAGE = N_("Usage: /cohort remove NAME @user…")


@dataclass(frozen=True)
class Add(CohortCommand):
    name: str
    user_ids: tuple[str, ...]
    role: Role = Role.FELLOW
    challenge: str | None = None  # its slug, for matching
    challenge_name: str | None = None  # as typed, for display


@dataclass(frozen=True)
class Remove(CohortCommand):
    name: str
    user_ids: tuple[str, ...]


def _role(words: list[str], index: int) -> Role:
    if index >= len(words):
        raise DomainError(N_('Say which role after "as": fellow, mentor or admin.'))
    try:
        return Role(words[index].lower())
    except ValueError:
        raise DomainError(
            N_('Unknown role "{value}": use fellow, mentor or admin.'), value=as_shown(words[index])
        ) from None


def _people(words: list[str]) -> tuple[str, ...]:
    """The user ids mentioned, each once, in the order given."""
    if not words:
        raise DomainError(N_("Mention at least one person, picked with @ from Slack's autocomplete."))
    return tuple(dict.fromkeys(parse_user(word) for word in words))


def parse_add(tokens: list[str]) -> Add:
    name, rest = take_name(tokens)
    raw, words = split_options(with_trailing_words(rest, "challenge"), ("challenge",))
    role: Role | None = None
    people: list[str] = []
    index = 0
    while index < len(words):
        word = words[index].lower()
        if word == "as":
            if role is not None:
                raise DomainError(N_("The role is given twice."))
            role = _role(words, index + 1)
            index += 2
            continue
        if word in tuple(Role):
            raise DomainError(N_('Write "as {role}" to give the role.'), role=word)
        people.append(words[index])
        index += 1
    typed = challenge_name(unescape(raw["challenge"])) if "challenge" in raw else None
    challenge = slugify(typed) if typed else None
    return Add(name, _people(people), role or Role.FELLOW, challenge, typed)


def parse_remove(tokens: list[str]) -> Remove:
    name, rest = take_name(tokens)
    return Remove(name, _people(rest))
