"""In-memory stand-ins for the check-in repository and the scheduling core's record, so the check-in
use cases and planners run without a database."""

from __future__ import annotations

import dataclasses
from datetime import date

from domain.checkins.model import CheckinStatus, MentorCheckin, Share
from domain.scheduling import Occurrence, OccurrenceStatus
from tests.domain.fakes import Store


class Checkins:
    def __init__(self):
        self.checkin_schedules, self.digest_schedules = {}, {}
        self.rows: list[MentorCheckin] = []
        self.shares: dict[str, Share] = {}
        self.cohorts = None

    def checkin_schedule(self, cohort_id):
        return self.checkin_schedules.get(cohort_id)

    def save_checkin_schedule(self, schedule):
        self.checkin_schedules[schedule.cohort_id] = schedule

    def digest_schedule(self, cohort_id):
        return self.digest_schedules.get(cohort_id)

    def save_digest_schedule(self, schedule):
        self.digest_schedules[schedule.cohort_id] = schedule

    def _running(self, schedules):
        return [
            (self.cohorts.rows[i], s)
            for i, s in sorted(schedules.items())
            if s.active and not self.cohorts.rows[i].archived
        ]

    def running_checkins(self):
        return self._running(self.checkin_schedules)

    def running_digests(self):
        return self._running(self.digest_schedules)

    def holidays_of(self, cohort_ids):
        return {i: self.cohorts.holidays(i) for i in cohort_ids}

    def _find(self, cohort_id, mentor, round_day):
        return next(
            (c for c in self.rows if (c.cohort_id, c.mentor, c.round) == (cohort_id, mentor, round_day)), None
        )

    def open_round(self, cohort_id, round_day, mentors):
        for mentor in mentors:
            if self._find(cohort_id, mentor, round_day) is None:
                self.rows.append(
                    MentorCheckin(len(self.rows) + 1, cohort_id, mentor, round_day, CheckinStatus.OPEN)
                )

    def mark_missed(self, cohort_id, before, at_round):
        changed = 0
        for index, c in enumerate(self.rows):
            if c.cohort_id == cohort_id and c.round < before and c.status is CheckinStatus.OPEN:
                self.rows[index] = dataclasses.replace(
                    c, status=CheckinStatus.MISSED, missed_at_round=at_round
                )
                changed += 1
        return changed

    def missed_at(self, cohort_id, at_round):
        return [c for c in self.rows if c.cohort_id == cohort_id and c.missed_at_round == at_round]

    def open_mentors(self, cohort_id, round_day):
        return [
            c.mentor
            for c in self.rows
            if (c.cohort_id, c.round, c.status) == (cohort_id, round_day, CheckinStatus.OPEN)
        ]

    def latest_open(self, cohort_id, mentor):
        found = sorted(
            (
                c
                for c in self.rows
                if (c.cohort_id, c.mentor, c.status) == (cohort_id, mentor, CheckinStatus.OPEN)
            ),
            key=lambda c: c.round,
        )
        return found[-1] if found else None

    def answer(self, cohort_id, mentor, round_day, answer, now):
        found = self._find(cohort_id, mentor, round_day)
        new = MentorCheckin(
            found.id if found else len(self.rows) + 1,
            cohort_id,
            mentor,
            round_day,
            CheckinStatus.ANSWERED,
            answer,
            now,
        )
        if found is not None:
            self.rows[self.rows.index(found)] = new
        else:
            self.rows.append(new)
        return new

    def since(self, cohort_id, first):
        return [c for c in self.all_of(cohort_id) if c.round >= first]

    def all_of(self, cohort_id):
        return sorted((c for c in self.rows if c.cohort_id == cohort_id), key=lambda c: (c.round, c.mentor))

    def share_of(self, user_id):
        return self.shares.get(user_id, Share.FIGURES)

    def set_share(self, user_id, share, now):
        self.shares[user_id] = share

    def text_sharers(self, user_ids):
        return {u for u in user_ids if self.shares.get(u) is Share.TEXT}


class Schedule:
    """The occurrences the scheduling core recorded, as `deliver_due` would have left them."""

    def __init__(self):
        self.rows: dict[tuple[str, str, date], Occurrence] = {}

    def known(self, kind, dates):
        dates = set(dates)
        return {(s, d): o for (k, s, d), o in self.rows.items() if k == kind and d in dates}

    def record(self, planned, status=OccurrenceStatus.DONE):
        self.rows[(planned.kind, planned.subject, planned.local_date)] = Occurrence(
            len(self.rows) + 1,
            planned.kind,
            planned.subject,
            planned.local_date,
            planned.due_at,
            planned.grace_until,
            status,
        )


class CheckinStore(Store):
    def __init__(self):
        super().__init__()
        self.checkins = Checkins()
        self.checkins.cohorts = self.cohorts
        self.schedule = Schedule()
        # The cohort use cases' in-memory cohorts have no look-up by id; the check-ins need one.
        self.cohorts.get = lambda cohort_id: self.cohorts.rows[cohort_id]
