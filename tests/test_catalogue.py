"""Every message of both catalogs, rendered with sample values, reads as each language writes it.

French: a narrow no-break space (U+202F) before ; ? ! and inside « », a no-break space (U+00A0)
before :. Both: every count agrees with its number (a plural entry), every French text is
translated, no "(optional)" written into a label Slack already marks optional.
"""

from __future__ import annotations

import re
import string
from datetime import date

import pytest
from babel.messages.catalog import Catalog, Message

from handlers import i18n

NNBSP, NBSP = "\u202f", "\u00a0"

# Placeholders that hold a number of things: written into a sentence, they need a plural entry.
COUNT_NAMES = {
    "added",
    "admins",
    "answered",
    "asked",
    "attended",
    "away",
    "changed",
    "count",
    "days",
    "done",
    "every",
    "expected",
    "fellows",
    "found",
    "given",
    "hours",
    "left",
    "max",
    "mentors",
    "messages",
    "minutes",
    "missed",
    "none",
    "offers",
    "open",
    "received",
    "remind",
    "resolved",
    "seconds",
    "skipped",
    "steps",
    "total",
    "unchanged",
}

# Nouns that follow a number of things: a placeholder before one holds a count, whatever its name.
COUNTED_NOUNS = re.compile(
    r"[\s\u00a0](months|mois|weeks|semaines|days|jours|hours|heures|minutes|records|enregistrements)\b"
)

# French texts that are the English ones word for word: names of roles and things both languages share.
SAME_IN_BOTH = {
    "Fellow",
    "Mentor",
    "Admin",
    "fellow",
    "mentor",
    "admin",
    "alumni",
    "terminal",
    "options",
    "fellows",
    "dates {value}",
    "{counts} ({label})",
    "INSTANT",
    "URL",
    "*Dates*\n{value}",
    "*Stand-ups*",
    "*Stand-ups* · {labels}",
    "{fellow} {cells} {answered}/{expected}",
    "*{cohort}* · {role}",
    "• {title}",
    "• *{title}* · {when}",
    "{skill} ({counts})",
    " ({zone})",
    "Question {number}",
    ("{count} minute", "{count} minutes"),
}

# Sample values by placeholder name; any other placeholder gets a plain word.
SAMPLES: dict[str, object] = {
    "name": "sn-2027",
    "cohort": "sn-2027",
    "user": "<@U0AWABA>",
    "people": "<@U0AWABA>, <@U0MOUSSA>",
    "channel": "<#C0SN2027>",
    "day": i18n.format_date(date(2026, 12, 1), "fr"),
    "when": i18n.format_date(date(2026, 12, 1), "fr"),
    "time": "09:30",
    "close": "10:30",
    "url": "https://bot.example.org",
    "path": "/srv/cohortbot/roster.csv",
}

# Code and addresses keep their own punctuation: URLs, times and formats (09:30, HH:MM), Slack's
# <…> markup, `code` and placeholders.
CODE = re.compile(r"`[^`]*`|<[^>]*>|\{[^}]*\}|\b[\w+.-]+://\S*|\b\w+:///?\S*|\w+:\w+|\[[^\]]*\]")


def _forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _fields(text: str) -> list[str]:
    return [name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name]


def _messages(lang: str) -> list[Message]:
    return [entry for entry in i18n.read_catalog(lang) if entry.id]


@pytest.fixture(scope="module", params=i18n.LANGUAGES)
def catalog(request) -> tuple[str, Catalog]:
    return request.param, i18n.read_catalog(request.param)


def french_typography_mistakes(text: str) -> list[str]:
    """Where `text` breaks French typography; empty when it is right."""
    prose = CODE.sub(lambda match: "x" * len(match.group()), text)
    mistakes = []
    for match in re.finditer(r"[;?!:«»]", prose):
        mark, at = match.group(), match.start()
        before = prose[at - 1] if at else ""
        after = prose[at + 1] if at + 1 < len(prose) else ""
        if mark in ";?!" and before != NNBSP:
            mistakes.append(f"U+202F before {mark!r} (at {at})")
        elif mark == ":" and before != NBSP:
            mistakes.append(f"U+00A0 before ':' (at {at})")
        elif mark == "«" and after != NNBSP:
            mistakes.append(f"U+202F after '«' (at {at})")
        elif mark == "»" and before != NNBSP:
            mistakes.append(f"U+202F before '»' (at {at})")
    return mistakes


def _sample(name: str, count: int) -> object:
    if name == "count":
        return count
    if name in COUNT_NAMES:
        return 3
    return SAMPLES.get(name, "Awa")


def rendered(entry: Message, lang: str) -> list[str]:
    """The entry's text in `lang` filled with sample values: every plural form, each with a count that picks it."""
    forms = _forms(entry.id)
    names = {name for text in forms for name in _fields(text)}
    if len(forms) == 1:
        return [i18n.gettext(entry.id, lang, **{name: _sample(name, 3) for name in names})]
    texts = []
    for count in (0, 1, 2, 5, 21):
        params = {name: _sample(name, count) for name in names if name != "count"}
        texts.append(i18n.ngettext(forms[0], forms[1], count, lang, **params))
    return texts


def test_every_message_renders_with_sample_values(catalog):
    lang, po = catalog
    problems = []
    for entry in po:
        if not entry.id:
            continue
        try:
            texts = rendered(entry, lang)
        except (KeyError, IndexError, ValueError) as error:
            problems.append(f"{entry.id!r}: cannot be filled ({error!r})")
            continue
        problems += [
            f"{entry.id!r} renders with a brace: {text!r}" for text in texts if re.search(r"[{}]", text)
        ]
    assert not problems, f"{lang}:\n  " + "\n  ".join(problems)


def test_french_typography_of_every_message():
    problems = []
    for entry in _messages("fr"):
        for text in _forms(entry.string):
            mistakes = french_typography_mistakes(text)
            if mistakes:
                problems.append(f"{text!r}: {', '.join(mistakes)}")
        for text in rendered(entry, "fr"):
            if "  " in text or text != text.replace(" \u202f", "").replace("\u202f ", ""):
                problems.append(f"{text!r}: doubled space")
    assert not problems, (
        "French typography: U+202F (narrow no-break space) before ; ? ! and inside « », "
        "U+00A0 (no-break space) before :\n  " + "\n  ".join(problems)
    )


def test_english_messages_have_no_french_spacing():
    bad = [
        text
        for entry in _messages("en")
        for text in _forms(entry.string)
        if re.search(r"[\u00a0\u202f ][;:?!]|[«»]", CODE.sub("x", text))
    ]
    assert not bad, "English puts no space before ; : ? ! and quotes with “ ”:\n  " + "\n  ".join(
        map(repr, bad)
    )


def test_english_names_a_cohorts_ritual_as_english_does():
    """ "the eig7 stand-up", "the stand-up for 2 March": never the French "stand-up de eig7" word for word."""
    calques = [
        text
        for entry in _messages("en")
        for text in _forms(entry.string)
        if re.search(r"(?i)\bstand-ups? of \{", text)
    ]
    assert not calques, "English calques of the French:\n  " + "\n  ".join(map(repr, calques))


def _figure(text: str, start: int, end: int) -> bool:
    """A number shown as a figure rather than counted in a sentence: after a label's colon, in a
    fraction (3/5, 3 of 5, 3 sur 5), alone in parentheses ("(3)"), or before a unit (%, h, min, s).
    In parentheses with words ("(3 records)") it is counted, and needs its plural."""
    before, after = text[:start], text[end:]
    return bool(
        re.search(r":[\s\u00a0]?$|/$|\b(of|sur) $", before)
        or (before.endswith("(") and after.startswith(")"))
        or re.match(r"/|[\s\u00a0](%|h|min|s)\b|[\s\u00a0](of|sur) \{", after)
    )


def counted_in_a_sentence(text: str) -> list[str]:
    """The count placeholders of `text` that are written into its sentence."""
    return [
        match.group(1)
        for match in re.finditer(r"\{(\w+)\}", text)
        if (match.group(1) in COUNT_NAMES or COUNTED_NOUNS.match(text, match.end()))
        and not _figure(text, match.start(), match.end())
    ]


def test_every_count_has_plural_forms(catalog):
    lang, po = catalog
    problems = []
    for entry in po:
        if entry.id and isinstance(entry.id, str):
            for text in (entry.id, *_forms(entry.string)):
                names = counted_in_a_sentence(text)
                if names:
                    problems.append(f"{text!r}: {', '.join(sorted(set(names)))}")
    assert not problems, (
        f"{lang}: a count written into a sentence needs a plural entry (NP_ / ngettext, "
        'msgid_plural and msgstr[0], msgstr[1]), or a label ("Requests: {{count}}"):\n  '
        + "\n  ".join(problems)
    )


def test_plural_entries_have_both_forms(catalog):
    lang, po = catalog
    bad = [
        entry.id
        for entry in po
        if isinstance(entry.id, tuple) and (len(_forms(entry.string)) != 2 or not all(_forms(entry.string)))
    ]
    assert not bad, f"{lang}: plural entries without their two forms: {bad}"


def test_plural_forms_agree_with_the_count():
    # French: 0 and 1 take the singular; English: only 1.
    minutes = ("{count} minute", "{count} minutes")
    assert [i18n.ngettext(*minutes, n, "fr") for n in (0, 1, 2)] == ["0 minute", "1 minute", "2 minutes"]
    assert [i18n.ngettext(*minutes, n, "en") for n in (0, 1, 2)] == ["0 minutes", "1 minute", "2 minutes"]
    plural = i18n.NP_("{count} open request.", "{count} open requests.")
    assert i18n.gettext(plural, "fr", count=1) == "1 demande ouverte."
    assert i18n.gettext(plural, "fr", count=14) == "14 demandes ouvertes."
    assert i18n.gettext(plural, "en", count=0) == "0 open requests."


def _has_words(text: str) -> bool:
    """Whether a text holds prose: words outside code, placeholders and command examples (/cohort …)."""
    if text.lstrip("• ").startswith("/"):
        return False
    return bool(re.search(r"[A-Za-z]{3,}", CODE.sub(" ", text)))


def test_french_messages_are_translated():
    same = [
        entry.id
        for entry in _messages("fr")
        if _forms(entry.string) == _forms(entry.id)
        and entry.id not in SAME_IN_BOTH
        and any(_has_words(text) for text in _forms(entry.id))
    ]
    assert not same, "French texts left in English:\n  " + "\n  ".join(map(repr, same))


def test_no_label_says_optional():
    # Slack writes "(optional)" itself next to an optional input's label.
    bad = [
        text
        for lang in i18n.LANGUAGES
        for entry in _messages(lang)
        for text in _forms(entry.string)
        if re.search(r"\((facultati(f|ve)|optionnel(le)?|optional)\)", text, flags=re.IGNORECASE)
    ]
    assert not bad, "Slack marks optional inputs itself:\n  " + "\n  ".join(map(repr, bad))


@pytest.mark.parametrize(
    ("text", "mistakes"),
    [
        ("Que voulez-vous faire\u202f?", 0),
        ("Que voulez-vous faire\u00a0?", 1),
        ("Que voulez-vous faire ?", 1),
        ("Utilisation\u00a0: /cohort show NOM", 0),
        ("Utilisation : /cohort show NOM", 1),
        ("Utilisation\u202f: /cohort show NOM", 1),
        ("«\u202f{name}\u202f» existe déjà", 0),
        ("«\u00a0{name}\u00a0» existe déjà", 2),
        ("Merci !", 1),
        ("09:30, HH:MM, https://bot.example.org, sqlite:///cohortbot.db, `a;b`, <!here>", 0),
        ("[time=HH:MM] [remind=MINUTES]", 0),
    ],
)
def test_the_typography_check_itself(text, mistakes):
    assert len(french_typography_mistakes(text)) == mistakes


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("{count} open requests.", ["count"]),
        ("Open requests: {count}.", []),
        ("Participation: {answered}/{expected}", []),
        ("Stand-ups answered: {answered} of {expected} expected ({rate} %).", []),
        ("{remind} min after {time}", []),
        ("dont {resolved} résolues", ["resolved"]),
        ("{when}: “{title}”", []),
        ("{actor} deleted the free text past its retention ({count} records)", ["count"]),
        ("{skill} ({count})", []),
        ("free text {text} months after the cohort ends", ["text"]),
        ("textes libres {text} mois après la fin de la cohorte", ["text"]),
        ("free text {text} after the cohort ends", []),
    ],
)
def test_the_count_check_itself(text, counted):
    assert counted_in_a_sentence(text) == counted
