"""The erasure tombstones, also kept in a file outside the database (COHORTBOT_ERASURES).

Restoring an older backup brings back the database as it was, tombstones included: the file is
what survives, so the bot can erase the same people again when it starts. One JSON object per
line, appended and flushed to disk; it holds hashes of Slack ids and pseudonyms, never an id.
"""

from __future__ import annotations

import json
import os
from datetime import datetime

from bot.private_files import PRIVATE_MODE
from domain.privacy.records import Tombstone


class FileTombstones:
    def __init__(self, path: str):
        self.path = path

    def append(self, tombstone: Tombstone) -> None:
        line = json.dumps(
            {
                "user_hash": tombstone.user_hash,
                "pseudonym": tombstone.pseudonym,
                "cohort_id": tombstone.cohort_id,
                "erased_at": tombstone.erased_at.isoformat(),
            }
        )
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_MODE)
        try:
            os.write(descriptor, (line + "\n").encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def read(self) -> list[Tombstone]:
        """Every tombstone in the file; a line cut short by a crash is skipped."""
        try:
            with open(self.path, encoding="utf-8") as file:
                lines = file.read().splitlines()
        except FileNotFoundError:
            return []
        found = []
        for line in lines:
            try:
                item = json.loads(line)
                found.append(
                    Tombstone(
                        str(item["user_hash"]),
                        str(item["pseudonym"]),
                        item["cohort_id"] if isinstance(item["cohort_id"], int) else None,
                        datetime.fromisoformat(item["erased_at"]),
                    )
                )
            except (ValueError, KeyError, TypeError):
                continue
        return found
