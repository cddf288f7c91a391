"""Skills: one key whatever the spelling, found in free text, ranked by declared and demonstrated
skill; and the `/skills` command line."""

from __future__ import annotations

import pytest

from domain.command_parsing import CommandError
from domain.messages import DomainError
from domain.peer_help.drafts import split_skills
from domain.peer_help.skill_commands import (
    AddSkills,
    Alias,
    Alumni,
    Help,
    ListAliases,
    Mine,
    RemoveSkills,
    Unalias,
    Who,
    parse_skills_command,
)
from domain.peer_help.skills import (
    EvidenceSource,
    Skill,
    SkillLevel,
    canonical,
    levels,
    parse_skill_list,
    rank_levels,
    skill_key,
    skills_in_text,
)


@pytest.mark.parametrize(
    "spelling", ["Data viz", "dataviz", "data-viz", "DATA  VIZ", "Dätä_Viz", " data.viz "]
)
def test_case_accents_spacing_and_punctuation_do_not_count(spelling):
    assert skill_key(spelling) == "dataviz"


def test_symbols_that_name_a_skill_are_kept_apart():
    assert {skill_key("C++"), skill_key("C#"), skill_key("C")} == {"cplusplus", "csharp", "c"}
    assert skill_key("Marchés publics") == skill_key("marches-publics") == "marchespublics"
    assert skill_key("Œuvres") == "oeuvres"


def test_a_skill_needs_letters_or_digits_and_fits_in_fifty_characters():
    with pytest.raises(DomainError) as empty:
        skill_key(" -- ")
    assert empty.value.params == {"text": "--"}
    with pytest.raises(DomainError) as long:
        skill_key("x" * 51)
    assert long.value.params["count"] == 50


def test_a_list_keeps_the_first_label_of_each_skill():
    assert parse_skill_list("Data viz, python; dataviz ,, SQL") == [
        Skill("dataviz", "Data viz"),
        Skill("python", "python"),
        Skill("sql", "SQL"),
    ]
    assert split_skills("Data viz, data-viz") == ("Data viz",)
    with pytest.raises(DomainError):
        split_skills(", ".join(f"skill{n}" for n in range(11)))


def test_aliases_map_other_keys_onto_a_skill():
    aliases = {"visualisation": "dataviz", "viz": "dataviz"}
    assert canonical("visualisation", aliases) == "dataviz"
    assert canonical("python", aliases) == "python"


def test_known_skills_are_found_in_free_text_with_their_aliases():
    known = ["dataviz", "python", "r", "go", "marchespublics"]
    text = "Ma data viz en Python rame, et je dois go vite sur les marchés publics ; visualisation D3"
    assert skills_in_text(text, known, {"visualisation": "dataviz"}) == [
        "dataviz",
        "python",
        "marchespublics",
    ]
    assert skills_in_text("", known, {}) == []


def test_declared_and_demonstrated_skill_make_a_level():
    found = levels(
        {"UANA"},
        [("UBEN", EvidenceSource.HELP), ("UBEN", EvidenceSource.HELP), ("UANA", EvidenceSource.TRAINING)],
    )
    assert found["UANA"] == SkillLevel("UANA", declared=True, helped=0, trained=1)
    assert found["UANA"].score == 3 and found["UBEN"].score == 2
    many = SkillLevel("UCHLOE", helped=9)
    assert many.score == 3, "evidence counts up to a cap, so one skill cannot drown the others"


def test_ranking_puts_the_best_first_and_leaves_out_nobodies():
    ranked = rank_levels(
        [
            SkillLevel("UA", declared=True),
            SkillLevel("UB", declared=True, helped=1),
            SkillLevel("UC"),
            SkillLevel("UD", helped=2),
        ]
    )
    assert [level.user_id for level in ranked] == ["UB", "UD", "UA"]


@pytest.mark.parametrize(
    "text, command",
    [
        ("", Mine()),
        ("  ", Mine()),
        ("add Data viz, Python", AddSkills((Skill("dataviz", "Data viz"), Skill("python", "Python")))),
        ("ADD sql", AddSkills((Skill("sql", "sql"),))),
        ("remove data-viz", RemoveSkills((Skill("dataviz", "data-viz"),))),
        ("who  Data  Viz", Who(Skill("dataviz", "Data Viz"))),
        ("alumni on", Alumni(True)),
        ("alumni OFF", Alumni(False)),
        (
            "alias dataviz = data viz, visualisation",
            Alias(
                Skill("dataviz", "dataviz"),
                (Skill("dataviz", "data viz"), Skill("visualisation", "visualisation")),
            ),
        ),
        ("alias", ListAliases()),
        ("unalias visualisation", Unalias(Skill("visualisation", "visualisation"))),
        ("help", Help()),
        ("add R&amp;D", AddSkills((Skill("rd", "R&D"),))),
    ],
)
def test_skills_commands(text, command):
    assert parse_skills_command(text) == command


@pytest.mark.parametrize(
    "text, words, usage",
    [
        ("add", "Name at least one skill.", "Usage: /skills add a, b"),
        ("add , ,", "Name at least one skill.", "Usage: /skills add a, b"),
        ("who", "Name one skill.", "Usage: /skills who a"),
        ("alumni maybe", "Say on or off.", "Usage: /skills alumni on|off"),
        ("alias dataviz", "Write the skill, then =", "Usage: /skills alias"),
        ("teach python", "Unknown sub-command", "Usage: /skills ·"),
    ],
)
def test_skills_command_mistakes_name_the_usage(text, words, usage):
    with pytest.raises(CommandError) as mistake:
        parse_skills_command(text)
    assert str(mistake.value).startswith(words) or words in str(mistake.value)
    assert mistake.value.usage.startswith(usage)
