"""Marking user-facing text for the message catalog without depending on it.

The domain only names messages (their English source text); the handlers translate them
into the reader's language. `N_` and `NP_` are the markers the catalog extractor looks for.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    return message


@dataclass(frozen=True)
class Plural:
    """A text that agrees with a number: its form is chosen by the `count` parameter."""

    singular: str
    plural: str

    def format(self, **params: object) -> str:
        count = params.get("count")
        return (self.singular if count == 1 else self.plural).format(**params)


def NP_(singular: str, plural: str) -> Plural:
    return Plural(singular, plural)


Message = str | Plural


class DomainError(Exception):
    """An expected failure (bad input, not allowed, full session) with a message for the user.

    `message` is a catalog source text with `{placeholders}`; `params` fill them once translated.
    A `Plural` message takes its form from the `count` parameter.
    """

    def __init__(self, message: Message, **params: object):
        if isinstance(message, Plural) and "count" not in params:
            raise TypeError("a plural message needs a count")
        super().__init__(message.format(**params) if params else str(message))
        self.message = message
        self.params = params
