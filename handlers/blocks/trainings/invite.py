"""The calendar invitation (.ics) of a session, in the cohort's zone with its VTIMEZONE.

One UID per session: a change raises the SEQUENCE, so calendars update the event they have;
a cancellation is sent with METHOD:CANCEL and STATUS:CANCELLED.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from domain.calendar import local_now
from domain.trainings.model import SessionStatus, TrainingSession

PRODID = "-//cohortbot//peer trainings//EN"
# VTIMEZONE rules kept to the year around the session: enough for any client, small enough to read.
ZONE_SPAN = timedelta(days=366)


def uid(session: TrainingSession) -> str:
    return f"training-{session.id}@cohortbot"


def filename(session: TrainingSession) -> str:
    return f"training-{session.id}.ics"


def _wall_clock(instant: datetime, tz: str) -> tuple[datetime, dict]:
    """The time as the cohort's clocks read it, with its TZID; written out by hand because the
    library would turn zones at UTC+0 all year (Dakar, Abidjan, Lomé…) into plain UTC."""
    if tz == "UTC":
        return instant, {}
    return local_now(instant, tz).replace(tzinfo=None), {"TZID": tz}


def invitation(session: TrainingSession, tz: str, now: datetime) -> bytes:
    cancelled = session.status is SessionStatus.CANCELLED
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", uid(session))
    event.add("dtstamp", now)
    event.add("sequence", session.sequence)
    event.add("dtstart", *_wall_clock(session.starts_at, tz))
    event.add("dtend", *_wall_clock(session.ends_at, tz))
    event.add("summary", session.title)
    event.add("description", session.description)
    event.add("location", session.location)
    if session.location_is_link:
        event.add("url", session.location)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    day = local_now(session.starts_at, tz).date()
    calendar.add_missing_timezones(first_date=day - ZONE_SPAN, last_date=day + ZONE_SPAN)
    return calendar.to_ical()
