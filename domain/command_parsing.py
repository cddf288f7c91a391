"""The pieces slash-command parsers are built from: tokens, mentions, key=value options, values.

Every parser raises DomainError for a mistake; the command dispatcher adds the usage line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from domain.calendar import WEEKDAYS, parse_hhmm
from domain.messages import N_, DomainError, Message

# Slack sometimes carries these invisible characters in pasted or autocompleted text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# A mention may hold spaces in its label, so it is one token up to its closing bracket; so may a
# quoted option value (`challenge="IA santé"`, with straight, curly or French quotes).
_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}
_QUOTED = "|".join(f"{re.escape(o)}[^{re.escape(c)}]*{re.escape(c)}" for o, c in _QUOTES.items())
_TOKEN = re.compile(rf"[^\s<=]+=(?:{_QUOTED})|<[^>]*>|[^\s<]+|<")
_EQUALS = re.compile(r"\s*=\s*")
_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>")
_SPECIAL = re.compile(r"<!([^>|]*)(?:\|([^>]*))?>")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_DAY_NAMES = {
    **{code: code for code in WEEKDAYS},
    **dict(zip(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"), WEEKDAYS, strict=True)),
    **dict(
        zip(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
            WEEKDAYS,
            strict=True,
        )
    ),
    **dict(
        zip(("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"), WEEKDAYS, strict=True)
    ),
}


class CohortCommand:
    """Base of every parsed `/cohort` sub-command."""


class CommandError(DomainError):
    """A mistake in a command, with the usage line of the sub-command that was meant."""

    def __init__(self, message: Message, usage: str, **params: object):
        super().__init__(message, **params)
        self.usage = usage

    @classmethod
    def from_error(cls, err: DomainError, usage: str) -> CommandError:
        return cls(err.message, usage, **err.params)


def tokenize(text: str) -> list[str]:
    """Words and mentions of a command; any kind of space separates them, `key = value` is one."""
    text = _EQUALS.sub("=", text.translate(_INVISIBLE))
    return _TOKEN.findall(text)


HELP_WORDS = ("help", "aide", "?", "-h", "--help")


def asks_for_help(text: str) -> bool:
    """`/standup help`, `/ask aide`, `/training ?`: the command's help, never its action."""
    tokens = tokenize(text)
    return len(tokens) == 1 and tokens[0].lower() in HELP_WORDS


def unescape(text: str) -> str:
    """Slack escapes &, < and > in command text; free text is kept as the user typed it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def is_option(token: str) -> bool:
    return "=" in token and not token.startswith("<")


def unquote(value: str) -> str:
    """An option's value without the quotes around it, its inner spaces folded to one."""
    value = value.strip()
    if len(value) >= 2 and _QUOTES.get(value[0]) == value[-1]:
        value = value[1:-1]
    elif value[:1] in _QUOTES:  # a quote left open: the rest of the words are the value
        value = value[1:]
    return " ".join(value.split())


def with_trailing_words(tokens: list[str], key: str) -> list[str]:
    """`key=IA santé`: the plain words right after the option (up to a mention, another option
    or `as`) are part of its value, for a command where such words mean nothing else."""
    prefix = key.lower() + "="
    for index, token in enumerate(tokens):
        value = token[len(prefix) :]
        if not token.lower().startswith(prefix) or (
            value[:1] in _QUOTES and value.endswith(_QUOTES[value[0]])
        ):
            continue
        end = index + 1
        while end < len(tokens) and _plain_word(tokens[end]):
            end += 1
        return [*tokens[:index], " ".join(tokens[index:end]), *tokens[end:]]
    return tokens


def _plain_word(word: str) -> bool:
    return not is_option(word) and not word.startswith(("<", "@", "#")) and word.lower() != "as"


def as_shown(token: str) -> str:
    """A token as it reads in a message: `<!here>` as `@here`, Slack's escapes undone."""
    special = _SPECIAL.fullmatch(token)
    if special:
        label = special.group(2) or special.group(1).split("^")[0]
        return label if label.startswith("@") else "@" + label
    return unescape(token)


def parse_user(token: str) -> str:
    """The user id of `<@U123|name>` or `<@U123>`."""
    found = _USER.fullmatch(token)
    if found:
        return found.group(1)
    if _CHANNEL.fullmatch(token):
        raise DomainError(
            N_("{channel} is a channel, not a person: pick people with @ from Slack's autocomplete."),
            channel=token,
        )
    if _SPECIAL.fullmatch(token):
        raise DomainError(
            N_("{group} is a group: mention each person with @, picked from Slack's autocomplete."),
            group=as_shown(token),
        )
    if token.startswith("@"):
        raise DomainError(
            N_('"{text}" is plain text, not a mention: pick the person from Slack\'s autocomplete.'),
            text=unescape(token),
        )
    raise DomainError(
        N_('"{text}" is not a person: mention people with @, picked from Slack\'s autocomplete.'),
        text=unescape(token),
    )


def parse_channel(token: str | None) -> str:
    """The channel id of `<#C123|name>` or `<#C123>`."""
    if token is None or is_option(token):
        raise DomainError(N_("Name the cohort's channel, picked with # from Slack's autocomplete."))
    found = _CHANNEL.fullmatch(token)
    if found:
        return found.group(1)
    if _USER.fullmatch(token):
        raise DomainError(
            N_("{user} is a person, not a channel: pick the channel with # from Slack's autocomplete."),
            user=token,
        )
    if token.startswith("#"):
        raise DomainError(
            N_('"{text}" is plain text, not a channel link: pick the channel from Slack\'s autocomplete.'),
            text=unescape(token),
        )
    raise DomainError(
        N_('"{text}" is not a channel: pick it with # from Slack\'s autocomplete.'), text=unescape(token)
    )


def take_name(tokens: list[str]) -> tuple[str, list[str]]:
    """The cohort name that starts the arguments, and the arguments after it."""
    if not tokens:
        raise DomainError(N_("Give the cohort's name."))
    name = tokens[0]
    if is_option(name) or name.startswith(("<", "@", "#")):
        raise DomainError(
            N_('Give the cohort\'s name first: "{text}" is not a cohort name.'), text=as_shown(name)
        )
    return name, tokens[1:]


def unexpected(token: str) -> DomainError:
    return DomainError(N_('I don\'t understand "{text}" here.'), text=as_shown(token))


def split_options(tokens: Iterable[str], accepted: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """The `key=value` options (keys lower-cased, each at most once) and the other tokens, in order."""
    accepted = tuple(accepted)
    options: dict[str, str] = {}
    rest: list[str] = []
    for token in tokens:
        if not is_option(token):
            rest.append(token)
            continue
        key, _, value = token.partition("=")
        key = key.lower()
        if key not in accepted:
            raise DomainError(
                N_('Unknown option "{key}": this sub-command accepts {accepted}.'),
                key=key or "=",
                accepted=", ".join(accepted),
            )
        if key in options:
            raise DomainError(N_("The option {key} is given twice."), key=key)
        value = unquote(value)
        if not value:
            raise DomainError(N_("The option {key} has no value."), key=key)
        options[key] = value
    return options, rest


def convert_options(
    options: Mapping[str, str], converters: Mapping[str, Callable[[str], Any]]
) -> dict[str, Any]:
    return {key: converters[key](value) for key, value in options.items()}


def parse_date(value: str) -> date:
    """`2026-09-01` only: other ISO 8601 spellings would surprise the person reading them back."""
    value = value.strip()
    if not _ISO_DATE.fullmatch(value):
        raise DomainError(
            N_('Dates are written YYYY-MM-DD, such as 2026-09-01: "{value}" is not.'), value=as_shown(value)
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DomainError(N_("{value} is not a real date."), value=value) from None


def parse_time(value: str) -> str:
    """A time of day as `HH:MM` (24-hour clock), normalised: `9:05` → `09:05`."""
    try:
        return parse_hhmm(value).strftime("%H:%M")
    except ValueError:
        raise DomainError(
            N_('Times are written HH:MM on a 24-hour clock, such as 09:30: "{value}" is not.'),
            value=as_shown(value),
        ) from None


def parse_weekday(value: str) -> str:
    """One day of the week as its English code (`mon` … `sun`); French names are accepted."""
    code = _DAY_NAMES.get(value.strip().lower())
    if code is None:
        if any(sep in value for sep in ",-"):
            raise DomainError(
                N_('Give a single day of the week, such as fri: "{value}" is more than one.'),
                value=as_shown(value),
            )
        raise DomainError(
            N_(
                'Unknown day "{value}": use mon, tue, wed, thu, fri, sat, sun (or lun, mar, mer, jeu, ven, sam, dim).'
            ),
            value=as_shown(value),
        )
    return code


def parse_weekdays(value: str) -> str:
    """`mon-fri`, `mon,wed,fri` or both (`mon-wed,fri`) as codes in week order: `mon,tue,wed,fri`.

    A range may wrap around the week end (`sun-thu`) for countries whose week starts on Sunday.
    """
    chosen: set[int] = set()
    for part in value.split(","):
        first, dash, last = part.partition("-")
        if not first.strip() or (dash and (not last.strip() or "-" in last)):
            raise DomainError(
                N_('"{value}" is not a list of days, such as mon-fri or mon,wed,fri.'), value=as_shown(value)
            )
        start = WEEKDAYS.index(parse_weekday(first))
        end = WEEKDAYS.index(parse_weekday(last)) if dash else start
        span = (end - start) % 7
        chosen.update((start + offset) % 7 for offset in range(span + 1))
    return ",".join(WEEKDAYS[index] for index in sorted(chosen))


def parse_int_between(value: str, low: int, high: int, message: str) -> int:
    """An integer in low..high; `message` says what the number is, with {value}, {low} and {high}."""
    text = value.strip()
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise DomainError(message, value=as_shown(value), low=low, high=high)
    return int(text)
