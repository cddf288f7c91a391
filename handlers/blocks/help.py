"""`/standup help`, `/ask help`, `/skills help`, `/training help`, `/checkin help`, `/pairing help`, and
the short help answered to text typed to the bot: what each member command does, one example each."""

from __future__ import annotations

from collections.abc import Iterable

from handlers.blocks.kit import context, section
from handlers.blocks.kit import message as kit_message
from handlers.i18n import N_, gettext

# (what it does, an example): both in the catalogs, the example's words in the reader's language.
STANDUP = (
    (N_("Open today's stand-up form"), N_("/standup")),
    (N_("Not today"), N_("/standup skip")),
    (N_("Away for some days, then back"), N_("/standup away 2026-04-06..2026-04-10 · /standup back")),
    (N_("The last days' stand-ups, yours and those you may see"), N_("/standup history @ana 7")),
    (N_("(admins, mentors) Who has answered today's stand-up so far"), N_("/standup today eig7")),
)
ASK = (
    (
        N_("Ask the cohort for help: a form, pre-filled with your question"),
        N_("/ask How do I query the INSEE API?"),
    ),
)
SKILLS = (
    (N_("Your skills and figures"), N_("/skills")),
    (N_("Declare or remove skills"), N_("/skills add python, data viz · /skills remove python")),
    (N_("Who knows a skill"), N_("/skills who data viz")),
    (N_("(alumni) Let current cohorts ask you for help"), N_("/skills alumni on")),
    (N_("(admins) Count other names as one skill"), N_("/skills alias dataviz = data viz, visualisation")),
)
TRAINING = (
    (N_("Upcoming sessions, with a button to sign up"), N_("/training")),
    (N_("Propose a session"), N_("/training propose")),
    (N_("Your sessions and sign-ups"), N_("/training mine")),
)
CHECKIN = (
    (N_("(mentors) Answer the check-in now"), N_("/checkin")),
    (N_("(fellows) What your mentors see of your stand-ups"), N_("/checkin share text")),
)
PAIRING = (
    (N_("Where you stand in the pairing rounds"), N_("/pairing")),
    (
        N_("A break from the rounds, until a date or until you resume"),
        N_("/pairing pause until 2026-04-30 · /pairing resume"),
    ),
    (N_("Leave the pairing rounds"), N_("/pairing off")),
)
COMMANDS = {
    "/standup": STANDUP,
    "/ask": ASK,
    "/skills": SKILLS,
    "/training": TRAINING,
    "/checkin": CHECKIN,
    "/pairing": PAIRING,
}
TITLE = N_("*{command}*: what it does")
LINE = N_("• {what}: `{example}`")
OTHERS = N_("The other commands: {commands} (add help to each).")
DM_HELP_TITLE = N_("I read messages, but answers go through commands and buttons. What you can do:")


def _lines(entries: Iterable[tuple[str, str]], lang: str) -> list[str]:
    return [
        gettext(LINE, lang, what=gettext(what, lang), example=gettext(example, lang))
        for what, example in entries
    ]


def command_help(command: str, lang: str) -> dict:
    """`/command help`: its uses, one example each, and the names of the others."""
    lines = [gettext(TITLE, lang, command=command), *_lines(COMMANDS[command], lang)]
    others = gettext(OTHERS, lang, commands=", ".join(c for c in (*COMMANDS, "/cohort") if c != command))
    text = "\n".join([*lines, others])
    return kit_message(text, [section("\n".join(lines)), context(others)])


def commands_overview(lang: str) -> dict:
    """Every member command in one short message: the answer to text typed to the bot."""
    # The stand-up's uses whole (it is what people write about), the first use of the others.
    chosen = [*STANDUP, *(entries[0] for command, entries in COMMANDS.items() if command != "/standup")]
    lines = [gettext(DM_HELP_TITLE, lang), *_lines(chosen, lang)]
    more = gettext(OTHERS, lang, commands=", ".join((*COMMANDS, "/cohort")))
    text = "\n".join([*lines, more])
    return kit_message(text, [section("\n".join(lines)), context(more)])
