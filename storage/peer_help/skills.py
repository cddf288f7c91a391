"""Skills, their aliases, who declared or demonstrated them, and the alumni who may be asked for help."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from domain.peer_help.records import SkillAlias
from domain.peer_help.skills import Skill
from storage.db import rows_changed
from storage.peer_help.tables import (
    AlumniOptInRow,
    CohortSkillAliasRow,
    MemberSkillRow,
    SkillAliasRow,
    SkillEvidenceRow,
    SkillRow,
)
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

    def alias_rows(self, cohort_ids: Iterable[int] | None = None) -> list[SkillAlias]:
        found = [
            SkillAlias(alias, key)
            for alias, key in self.session.execute(
                select(SkillAliasRow.alias_key, SkillAliasRow.skill_key).order_by(SkillAliasRow.alias_key)
            )
        ]
        query = select(
            CohortSkillAliasRow.alias_key, CohortSkillAliasRow.skill_key, CohortSkillAliasRow.cohort_id
        )
        if cohort_ids is not None:
            query = query.where(CohortSkillAliasRow.cohort_id.in_(list(cohort_ids)))
        rows = self.session.execute(
            query.order_by(CohortSkillAliasRow.cohort_id, CohortSkillAliasRow.alias_key)
        )
        return found + [SkillAlias(alias, key, cohort_id) for alias, key, cohort_id in rows]

    def add_alias(self, alias: SkillAlias, by: str, now: datetime) -> None:
        """Maps the alias onto its skill (in place of what it meant before, in the same scope)."""
        self.remove_alias(alias.alias_key, alias.cohort_id)
        if alias.cohort_id is None:
            self.session.add(SkillAliasRow(alias_key=alias.alias_key, skill_key=alias.skill_key))
        else:
            self.session.add(
                CohortSkillAliasRow(
                    cohort_id=alias.cohort_id,
                    alias_key=alias.alias_key,
                    skill_key=alias.skill_key,
                    added_by=by,
                    added_at=now,
                )
            )
        self.session.flush()

    def remove_alias(self, alias_key: str, cohort_id: int | None) -> bool:
        if cohort_id is None:
            statement = delete(SkillAliasRow).where(SkillAliasRow.alias_key == alias_key)
        else:
            statement = delete(CohortSkillAliasRow).where(
                CohortSkillAliasRow.cohort_id == cohort_id, CohortSkillAliasRow.alias_key == alias_key
            )
        return rows_changed(self.session, statement) > 0

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
