"""A training that took place shows its facilitator's skills in the skills directory.

The skills are the known ones named in the session's title or description; each session
credits them once (its subject is the evidence's reference), however often this runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.peer_help.directory import credit_training
from domain.peer_help.records import HelpStore
from domain.peer_help.skills import skills_in_text
from domain.trainings.due import subject
from domain.trainings.model import TrainingSession


def credit_facilitators(store: HelpStore, sessions: Iterable[TrainingSession]) -> int:
    """How many skills were newly credited; `store` has the peer-help `skills` repository."""
    sessions = list(sessions)
    if not sessions:
        return 0
    # Recorded under the names used, so that an alias added or removed later applies to them too.
    known = store.skills.known()
    credited = 0
    for session in sessions:
        keys = skills_in_text(f"{session.title}\n{session.description}", known, {})
        if keys:
            labels = [known.get(key, key) for key in keys]
            credited += credit_training(
                store, session.facilitator, labels, subject(session.id), session.ends_at
            )
    return credited
