"""Mentors answer their check-in (from the prompt's button, or `/checkin` any time); fellows choose
what the digests show of their answers (`/checkin share text|figures`)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.calendar import local_date
from domain.checkins.model import CheckinAnswer, MentorCheckin, Share
from domain.checkins.records import CheckinStore
from domain.cohorts.language import address_language
from domain.cohorts.model import Cohort, Role
from domain.cohorts.permissions import NotAllowed, belongs_to
from domain.cohorts.records import Actor
from domain.command_parsing import as_shown, tokenize
from domain.messages import N_, DomainError

CHECKIN_USAGE = N_("Usage: /checkin · /checkin share text|figures")
NOT_A_MENTOR = N_("Only the mentors of a running cohort have a check-in to answer.")
NOT_MENTOR_OF = N_("You are not a mentor of {name} any more: this check-in was not saved.")
NOT_MENTOR_HERE = N_("This check-in is about a cohort you do not mentor: nothing was saved.")
NOT_A_FELLOW = N_("Only fellows choose what the digests show of their stand-up answers.")
UNKNOWN_SHARE = N_('Choose "text" or "figures": "{value}" is neither.')


@dataclass(frozen=True)
class CheckinForm:
    """The cohorts the mentor may check in about (the chosen one first) and the language to ask in."""

    cohorts: tuple[Cohort, ...]
    chosen: Cohort
    lang: str
    open: MentorCheckin | None = None


@dataclass(frozen=True)
class OpenForm:
    pass


@dataclass(frozen=True)
class ShareCommand:
    share: Share | None  # None: only say what is chosen now


def parse_checkin_text(text: str) -> OpenForm | ShareCommand:
    words = tokenize(text)
    if not words:
        return OpenForm()
    if words[0].lower() != "share" or len(words) > 2:
        raise DomainError(CHECKIN_USAGE)
    if len(words) == 1:
        return ShareCommand(None)
    try:
        return ShareCommand(Share(words[1].lower()))
    except ValueError:
        raise DomainError(UNKNOWN_SHARE, value=as_shown(words[1])) from None


def _cohorts_as(store: CheckinStore, user_id: str, role: Role, actor_now) -> list[Cohort]:
    ids = dict.fromkeys(m.cohort_id for m in store.members.of_user(user_id) if m.role == role)
    cohorts = [store.cohorts.get(cohort_id) for cohort_id in ids]
    return [c for c in cohorts if c.is_running(local_date(actor_now, c.timezone))]


def checkin_form(
    store: CheckinStore, actor: Actor, default_lang: str, cohort_id: int | None = None
) -> CheckinForm:
    """What the form offers: NotAllowed for someone who mentors no running cohort."""
    cohorts = _cohorts_as(store, actor.user_id, Role.MENTOR, actor.now)
    if not cohorts:
        raise NotAllowed(NOT_A_MENTOR)
    # A cohort the button names that they do not mentor is refused; one that does not exist (a
    # malformed value) leaves the choice to them.
    named = cohort_id is not None and any(c.id == cohort_id for c in store.cohorts.all())
    if named and cohort_id not in _mentored(store, actor):
        raise NotAllowed(NOT_MENTOR_HERE)
    open_ones = {c.id: store.checkins.latest_open(c.id, actor.user_id) for c in cohorts}
    chosen = next((c for c in cohorts if c.id == cohort_id), None)
    chosen = chosen or next((c for c in cohorts if open_ones[c.id] is not None), cohorts[0])
    ordered = (chosen, *(c for c in cohorts if c.id != chosen.id))
    return CheckinForm(
        ordered, chosen, address_language(store, actor.user_id, default_lang, chosen), open_ones[chosen.id]
    )


def _mentored(store: CheckinStore, actor: Actor) -> set[int]:
    return {m.cohort_id for m in store.members.of_user(actor.user_id) if m.role == Role.MENTOR}


def record_answer(store: CheckinStore, actor: Actor, cohort_id: int, answer: CheckinAnswer) -> MentorCheckin:
    """Answers the mentor's open round in the cohort, or records a check-in of today when none is open.

    A second answer the same day (or to the same round) replaces the first.
    """
    if cohort_id not in _mentored(store, actor):
        if not belongs_to(store, actor, cohort_id):
            raise NotAllowed(NOT_MENTOR_HERE)
        raise NotAllowed(NOT_MENTOR_OF, name=store.cohorts.get(cohort_id).name)
    cohort = store.cohorts.get(cohort_id)
    open_one = store.checkins.latest_open(cohort_id, actor.user_id)
    round_day = open_one.round if open_one is not None else local_date(actor.now, cohort.timezone)
    return store.checkins.answer(cohort_id, actor.user_id, round_day, answer, actor.now)


def choose_share(store: CheckinStore, actor: Actor, command: ShareCommand) -> Share:
    """Records the fellow's choice (when given) and returns the choice in force."""
    if not any(m.role == Role.FELLOW for m in store.members.of_user(actor.user_id)):
        raise NotAllowed(NOT_A_FELLOW)
    if command.share is not None:
        store.checkins.set_share(actor.user_id, command.share, actor.now)
        return command.share
    return store.checkins.share_of(actor.user_id)
