"""Marking user-facing text for the message catalog without depending on it.

The domain only names messages (their English source text); the handlers translate them
into the reader's language. `N_` is the marker the catalog extractor looks for.
"""

from __future__ import annotations


def N_(message: str) -> str:
    return message


class DomainError(Exception):
    """An expected failure (bad input, not allowed, full session) with a message for the user.

    `message` is a catalog source text with `{placeholders}`; `params` fill them once translated.
    """

    def __init__(self, message: str, **params: object):
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params
