"""The daily purge of what is past its retention period, and its report (counts only) to the program team."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from domain.privacy.purge import Purged, purge_due
from domain.scheduling import PlannedOccurrence, Report
from handlers.blocks.privacy.purge import purge_report
from handlers.context import Context
from schedules.delivery import deliver_due

KIND = "privacy_purge"
# Once a day, at night in Europe and Africa, whatever the cohorts' zones.
AT = time(2, 0)


class PurgeJob:
    kind = KIND

    def run(self, ctx: Context, now: datetime) -> Report:
        report = Report(self.kind)
        today = now.astimezone(UTC).date()
        due_at = datetime.combine(today, AT, UTC)
        if now < due_at:
            return report
        with ctx.uow() as uow:
            if uow.schedule.known(KIND, {today}):
                return report
            purged = purge_due(uow, now, ctx.admins)
            uow.commit()
        report.add("texts deleted", sum(purged.texts.values()))
        report.add("cohorts deleted", len(purged.cohorts))
        report.add("records of people in no cohort deleted", purged.outsiders)
        recipients = tuple(sorted(ctx.admins)) if purged.worth_telling else ()
        planned = PlannedOccurrence[Purged](
            KIND, "program", today, due_at, due_at + timedelta(hours=22), recipients, purged
        )
        sent = deliver_due(
            ctx, now, KIND, [planned], lambda item, recipient: purge_report(item.payload, ctx.default_lang)
        )
        report.add("reports sent", sent["sent"])
        return report


PURGE_JOB = PurgeJob()
