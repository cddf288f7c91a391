"""Running a use case from a listener: kept when it goes through; a mistake is told in the person's
language, with the right usage line and what they typed escaped, and nothing is saved."""

from __future__ import annotations

import pytest

from domain.cohorts.model import MemberProfile
from domain.cohorts.permissions import NotAllowed
from domain.command_parsing import CommandError
from domain.messages import N_, DomainError
from domain.peer_help.skill_commands import SKILLS_USAGE as USAGE
from handlers.blocks.kit import mistake
from handlers.run import OpenForm, Reply, actor_of, run_use_case

UNKNOWN = N_('Unknown sub-command "{name}".')


def _save_then(outcome):
    """A use case that writes a profile, then gives `outcome` or raises it."""

    def use_case(uow, actor):
        uow.profiles.save(MemberProfile(actor.user_id, "Ana"))
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return use_case


def _profile(ctx, user_id: str):
    with ctx.uow() as uow:
        return uow.profiles.get_many([user_id]).get(user_id)


def test_what_a_use_case_did_is_kept_and_its_result_given_back(ctx):
    form = OpenForm({"type": "modal"})
    assert run_use_case(ctx, actor_of(ctx, "UANA"), _save_then(form), lambda uow: "fr") == form
    assert _profile(ctx, "UANA").display_name == "Ana"


def test_a_mistake_is_told_in_the_language_given_and_nothing_is_saved(ctx):
    languages = []

    def language(uow):
        languages.append(uow)
        return "en"

    said = run_use_case(ctx, actor_of(ctx, "UANA"), _save_then(DomainError(UNKNOWN, name="teach")), language)
    assert said == Reply(mistake(DomainError(UNKNOWN, name="teach"), "en"))
    assert said.message["text"] == 'Unknown sub-command "teach".'
    assert len(languages) == 1
    assert _profile(ctx, "UANA") is None


@pytest.mark.parametrize(
    "error,usage_shown",
    [
        (CommandError(UNKNOWN, USAGE, name="teach"), True),  # a command mistake carries its usage
        (DomainError(UNKNOWN, name="teach"), True),  # any other mistake gets the listener's
        (NotAllowed(UNKNOWN, name="teach"), False),  # a refusal is said plainly
    ],
)
def test_the_usage_line_follows_a_mistake_but_not_a_refusal(ctx, error, usage_shown):
    said = run_use_case(ctx, actor_of(ctx, "UANA"), _save_then(error), lambda uow: "en", usage=USAGE)
    assert isinstance(said, Reply)
    assert said.message["text"].endswith(USAGE) is usage_shown


@pytest.mark.parametrize(
    "typed,shown",
    [
        ("<!channel>", "&lt;!channel&gt;"),
        ("<!here|here>", "&lt;!here|here&gt;"),
        ("a <b> & c", "a &lt;b&gt; &amp; c"),
        ("<@UANA>", "<@UANA>"),
        ("<#C100|eig7>", "<#C100|eig7>"),
    ],
)
def test_what_someone_typed_is_escaped_in_a_mistake_and_people_and_channels_stay_links(typed, shown):
    said = mistake(DomainError(UNKNOWN, name=typed), "en")
    assert said["text"] == f'Unknown sub-command "{shown}".'
    assert said["blocks"][0]["text"]["text"] == said["text"]


def test_a_mistake_with_its_usage_line_is_two_lines_the_usage_set_apart():
    said = mistake(DomainError(UNKNOWN, name="<b>"), "fr", USAGE)
    sentence, usage = said["text"].split("\n")
    assert sentence == "Sous-commande inconnue\u00a0: «\u202f&lt;b&gt;\u202f»."
    assert usage.startswith("Utilisation\u00a0: /skills")
    assert [block["type"] for block in said["blocks"]] == ["section", "context"]
