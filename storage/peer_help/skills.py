"""Skills, their aliases, who declared or demonstrated them, and the alumni who may be asked for help."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from domain.peer_help.skills import Skill
from storage.db import rows_changed
from storage.peer_help.tables import AlumniOptInRow, MemberSkillRow, SkillAliasRow, SkillEvidenceRow, SkillRow
from storage.upsert import insert_ignore


class SkillRepository:
    def __init__(self, session: Session):
        self.session = session

    def known(self) -> dict[str, str]:
        """Every skill ever named, key → label."""
        return {key: label for key, label in self.session.execute(select(SkillRow.key, SkillRow.label))}

    def labels(self, keys: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return {}
        rows = self.session.execute(select(SkillRow.key, SkillRow.label).where(SkillRow.key.in_(wanted)))
        return {key: label for key, label in rows}

    def ensure(self, skills: Iterable[Skill]) -> None:
        """Records new skills; a known one keeps its first label."""
        first: dict[str, Skill] = {}
        for skill in skills:
            first.setdefault(skill.key, skill)
        rows = [{"key": skill.key, "label": skill.label[:60]} for skill in first.values()]
        insert_ignore(self.session, SkillRow, rows, ["key"])

    # Aliases ---------------------------------------------------------------------------

    def aliases(self) -> dict[str, str]:
        rows = self.session.execute(select(SkillAliasRow.alias_key, SkillAliasRow.skill_key))
        return {alias: key for alias, key in rows}

    def set_aliases(self, skill_key: str, alias_keys: Iterable[str]) -> None:
        """Maps each alias onto `skill_key`, replacing what it meant before, and moves what was recorded under it."""
        aliases = list(dict.fromkeys(alias_keys))
        for alias in aliases:
            self.session.execute(delete(SkillAliasRow).where(SkillAliasRow.alias_key == alias))
            self.session.add(SkillAliasRow(alias_key=alias, skill_key=skill_key))
            self._merge(alias, skill_key)
        # Aliases of what just became an alias follow it, so that no alias points at another.
        self.session.execute(
            update(SkillAliasRow).where(SkillAliasRow.skill_key.in_(aliases)).values(skill_key=skill_key)
        )
        self.session.flush()

    def _merge(self, old: str, new: str) -> None:
        """Declarations and evidence recorded under an alias now count for its skill, once."""
        for user_id, added_at in self.session.execute(
            select(MemberSkillRow.user_id, MemberSkillRow.added_at).where(MemberSkillRow.skill_key == old)
        ).all():
            insert_ignore(
                self.session,
                MemberSkillRow,
                [{"user_id": user_id, "skill_key": new, "added_at": added_at}],
                ["user_id", "skill_key"],
            )
        self.session.execute(delete(MemberSkillRow).where(MemberSkillRow.skill_key == old))
        for user_id, source, ref, at in self.session.execute(
            select(
                SkillEvidenceRow.user_id, SkillEvidenceRow.source, SkillEvidenceRow.ref, SkillEvidenceRow.at
            ).where(SkillEvidenceRow.skill_key == old)
        ).all():
            self.add_evidence(user_id, [new], source, ref, at)
        self.session.execute(delete(SkillEvidenceRow).where(SkillEvidenceRow.skill_key == old))

    def remove_alias(self, alias_key: str) -> bool:
        return (
            rows_changed(self.session, delete(SkillAliasRow).where(SkillAliasRow.alias_key == alias_key)) > 0
        )

    # Declared skills -------------------------------------------------------------------

    def declared_by(self, user_id: str) -> list[str]:
        return list(
            self.session.scalars(
                select(MemberSkillRow.skill_key)
                .where(MemberSkillRow.user_id == user_id)
                .order_by(MemberSkillRow.added_at, MemberSkillRow.skill_key)
            )
        )

    def declare(self, user_id: str, keys: Iterable[str], now: datetime) -> list[str]:
        """The keys newly declared (those already there are left as they are)."""
        added = []
        for key in dict.fromkeys(keys):
            if insert_ignore(
                self.session,
                MemberSkillRow,
                [{"user_id": user_id, "skill_key": key, "added_at": now}],
                ["user_id", "skill_key"],
            ):
                added.append(key)
        return added

    def undeclare(self, user_id: str, keys: Iterable[str]) -> list[str]:
        removed = []
        for key in dict.fromkeys(keys):
            changed = rows_changed(
                self.session,
                delete(MemberSkillRow).where(
                    MemberSkillRow.user_id == user_id, MemberSkillRow.skill_key == key
                ),
            )
            if changed:
                removed.append(key)
        return removed

    def holders(self, keys: Iterable[str]) -> dict[str, set[str]]:
        """Per skill key, who declared it."""
        found: dict[str, set[str]] = {}
        rows = self.session.execute(
            select(MemberSkillRow.skill_key, MemberSkillRow.user_id).where(
                MemberSkillRow.skill_key.in_(list(keys))
            )
        )
        for key, user_id in rows:
            found.setdefault(key, set()).add(user_id)
        return found

    # Demonstrated skills ---------------------------------------------------------------

    def evidence(self, keys: Iterable[str]) -> list[tuple[str, str, str]]:
        """(user id, skill key, source) of every piece of evidence of these skills."""
        rows = self.session.execute(
            select(SkillEvidenceRow.user_id, SkillEvidenceRow.skill_key, SkillEvidenceRow.source).where(
                SkillEvidenceRow.skill_key.in_(list(keys))
            )
        )
        return [(user_id, key, source) for user_id, key, source in rows]

    def evidence_of(self, user_id: str) -> list[tuple[str, str]]:
        rows = self.session.execute(
            select(SkillEvidenceRow.skill_key, SkillEvidenceRow.source)
            .where(SkillEvidenceRow.user_id == user_id)
            .order_by(SkillEvidenceRow.id)
        )
        return [(key, source) for key, source in rows]

    def add_evidence(self, user_id: str, keys: Iterable[str], source: str, ref: str, at: datetime) -> int:
        rows = [
            {"user_id": user_id, "skill_key": key, "source": source, "ref": ref[:40], "at": at}
            for key in dict.fromkeys(keys)
        ]
        return insert_ignore(self.session, SkillEvidenceRow, rows, ["user_id", "skill_key", "source", "ref"])

    # Alumni ----------------------------------------------------------------------------

    def set_alumni(self, user_id: str, on: bool, now: datetime) -> None:
        if on:
            insert_ignore(self.session, AlumniOptInRow, [{"user_id": user_id, "since": now}], ["user_id"])
        else:
            self.session.execute(delete(AlumniOptInRow).where(AlumniOptInRow.user_id == user_id))

    def alumni(self) -> set[str]:
        return set(self.session.scalars(select(AlumniOptInRow.user_id)))
