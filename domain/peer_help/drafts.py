"""What a fellow asks for help with: the draft typed in the form, and the rules it must follow."""

from __future__ import annotations

from dataclasses import dataclass

from domain.messages import N_, NP_, DomainError
from domain.peer_help.skills import parse_skill_list

TITLE_MAX = 150
DETAILS_MAX = 3000
SKILLS_TEXT_MAX = 300
SKILLS_PER_REQUEST = 10

TITLE_REQUIRED = N_("Say in a few words what you need help with.")
TITLE_TOO_LONG = NP_("At most {count} character, please.", "At most {count} characters, please.")
DETAILS_TOO_LONG = NP_("At most {count} character, please.", "At most {count} characters, please.")
TOO_MANY_SKILLS = NP_("At most {count} skill.", "At most {count} skills, separated by commas.")


@dataclass(frozen=True)
class HelpDraft:
    """A help request as typed: a short title, optional details, the skills it needs (as typed)."""

    title: str
    details: str = ""
    skills: tuple[str, ...] = ()
    cohort_id: int | None = None


def check_title(raw: str) -> str:
    title = " ".join(raw.split())
    if not title:
        raise DomainError(TITLE_REQUIRED)
    if len(title) > TITLE_MAX:
        raise DomainError(TITLE_TOO_LONG, count=TITLE_MAX)
    return title


def check_details(raw: str) -> str:
    details = raw.strip()
    if len(details) > DETAILS_MAX:
        raise DomainError(DETAILS_TOO_LONG, count=DETAILS_MAX)
    return details


def split_skills(raw: str) -> tuple[str, ...]:
    """`"Data viz, python;  SQL, dataviz"` → ("Data viz", "python", "SQL"): as first typed, once per skill."""
    skills = tuple(skill.label for skill in parse_skill_list(raw))
    if len(skills) > SKILLS_PER_REQUEST:
        raise DomainError(TOO_MANY_SKILLS, count=SKILLS_PER_REQUEST)
    return skills


def prefill_from_text(text: str) -> tuple[str, str]:
    """A question or a stand-up blocker as (title, details): the first line as the title, all of it as details
    when it does not fit there whole."""
    text = text.strip()
    first_line = " ".join(text.splitlines()[0].split()) if text else ""
    if len(first_line) > TITLE_MAX:
        first_line = first_line[: TITLE_MAX - 1].rstrip() + "…"
    details = "" if first_line == " ".join(text.split()) else text[:DETAILS_MAX]
    return first_line, details
