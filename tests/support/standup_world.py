"""A cohort with fellows and a stand-up, stored through the real repositories, and ticks at chosen instants."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta

from bot.features import tick_jobs
from domain.cohorts.model import Cohort, MemberProfile, Membership, NewCohort, Role
from domain.standups.model import StandupSettings
from schedules.engine import tick

# How long before the story the members joined the cohort.
JOINED_BEFORE = timedelta(days=7)


class StandupWorld:
    def __init__(self, ctx, fake, clock):
        self.ctx, self.fake, self.clock = ctx, fake, clock

    def cohort(
        self,
        name: str = "eig7",
        channel: str = "C100",
        tz: str = "Europe/Paris",
        country: str = "FR",
        lang: str = "fr",
        start: date | None = None,
        end: date | None = None,
    ) -> Cohort:
        self.fake.add_channel(channel, name=name)
        with self.ctx.uow() as uow:
            cohort = uow.cohorts.add(
                NewCohort(name, tz, lang, country, start, end), channel, self.clock.now()
            )
            uow.commit()
        return cohort

    def people(
        self,
        cohort: Cohort,
        *user_ids: str,
        tz: str | None = "Europe/Paris",
        role: Role = Role.FELLOW,
        challenge: str | None = None,
        deactivated: bool = False,
    ) -> None:
        """Members with a cached profile, as `/cohort add` leaves them (no Slack call when planning).

        They joined the week before the story starts: their welcome message is long sent.
        """
        with self.ctx.uow() as uow:
            uow.members.add_many(
                [Membership(cohort.id, u, role, challenge) for u in user_ids],
                self.clock.now() - JOINED_BEFORE,
            )
            for user_id in user_ids:
                self.fake.add_user(user_id, tz=tz or "UTC", locale="fr-FR", deleted=deactivated)
                uow.profiles.save(
                    MemberProfile(
                        user_id,
                        user_id.lower(),
                        timezone=tz,
                        lang="fr",
                        deactivated=deactivated,
                        fetched_at=self.clock.now(),
                    )
                )
            uow.commit()

    def standup(self, cohort: Cohort, **settings) -> StandupSettings:
        with self.ctx.uow() as uow:
            current = uow.standups.settings(cohort.id) or StandupSettings(cohort.id)
            saved = replace(current, updated_at=self.clock.now(), **settings)
            uow.standups.save_settings(saved)
            uow.commit()
        return saved

    def tick(self, when: datetime | None = None) -> Counter:
        """Ticks at `when` (the clock moves there); the stand-up job's counts."""
        if when is not None:
            self.clock.set(when)
        reports = tick(self.ctx, self.clock.now(), tick_jobs())
        return Counter(next(r for r in reports if r.kind == "standups").counts)

    def dms(self, user_id: str) -> list[dict]:
        return self.fake.messages(user_id)

    def prompts(self, user_id: str) -> list[dict]:
        """The stand-up DMs a person got: prompts and reminders, which carry the Answer button."""
        return [
            m
            for m in self.dms(user_id)
            if "standup_open" in str(m.get("blocks")) and "standup_skip" in str(m.get("blocks"))
        ]

    def channel(self, channel: str = "C100") -> list[dict]:
        return self.fake.messages(channel)

    def posted_once(self) -> bool:
        """No conversation got the same delivery twice (each message carries its delivery id)."""
        seen = Counter()
        for call in self.fake.calls("chat.postMessage"):
            metadata = call.params.get("metadata") or {}
            delivery = (metadata.get("event_payload") or {}).get("delivery_id")
            if delivery is not None and call.ok:
                seen[delivery] += 1
        return all(count == 1 for count in seen.values())


def texts(message: dict) -> str:
    """Everything a person reads in a message: its blocks' texts (or its fallback text)."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(message.get("blocks") or [])
    return "\n".join(found) or message.get("text", "")
