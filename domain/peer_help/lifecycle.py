"""A help request's life: asked (and routed), claimed by helpers, resolved with credit, or closed.

Each use case checks who acts and on what before changing anything; a refusal is a DomainError
(NotAllowed for rights) with nothing changed. The caller commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from domain.calendar import local_date
from domain.cohorts.model import Cohort
from domain.cohorts.permissions import NotAllowed, belongs_to, can_manage, require_belongs_to
from domain.cohorts.records import Actor
from domain.messages import N_, DomainError
from domain.peer_help.drafts import HelpDraft
from domain.peer_help.knowledge import aliases_for
from domain.peer_help.records import HelpRequest, HelpStatus, HelpStore, NewHelpRequest, Offer
from domain.peer_help.routing import AwaySource, has_ended, route
from domain.peer_help.skills import EvidenceSource, Skill, canonical, skill_key, skills_in_text

NOT_IN_COHORT = N_("You are not a member of a running cohort, so there is nobody to ask yet.")
UNKNOWN_REQUEST = N_("This help request no longer exists.")
OWN_REQUEST = N_("This is your own request: you cannot offer help on it.")
NOT_A_HELPER = N_(
    "Only the members of this request's cohort, and the alumni it was sent to, can offer help on it."
)
NOT_YOUR_COHORT = N_("You can ask for help only in a cohort you are a member of.")
NOT_YOURS = N_("Only the person who asked, or an admin of the cohort, can resolve or close this request.")
ENDED = {
    HelpStatus.RESOLVED: N_("This request is already resolved: nothing changed."),
    HelpStatus.CLOSED: N_("This request is closed: nothing changed."),
}


@dataclass(frozen=True)
class HelpView:
    """A request as its messages show it: with its cohort, offers and skill labels."""

    request: HelpRequest
    cohort: Cohort
    channel_id: str
    offers: tuple[Offer, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def helpers(self) -> tuple[str, ...]:
        return tuple(offer.helper for offer in self.offers)

    @property
    def credited(self) -> tuple[str, ...]:
        return tuple(offer.helper for offer in self.offers if offer.credited)


@dataclass(frozen=True)
class Asked:
    view: HelpView
    routed: tuple[str, ...]
    replaced: HelpView | None = None


@dataclass(frozen=True)
class Offered:
    view: HelpView
    new: bool  # False: this helper had already offered (a double click)


def asking_cohorts(store: HelpStore, user_id: str, now: datetime) -> list[Cohort]:
    """The running cohorts someone belongs to, the most recent first."""
    mine = {m.cohort_id for m in store.members.of_user(user_id)}
    running = [
        c for c in store.cohorts.all() if c.id in mine and not has_ended(c, local_date(now, c.timezone))
    ]
    return sorted(running, key=lambda c: (c.start or date.min, c.id), reverse=True)


def cohort_to_ask_in(store: HelpStore, actor: Actor, wanted: int | None) -> Cohort:
    """The cohort named (a form's or a blocker's), else the most recent: never one the asker is not in."""
    cohorts = asking_cohorts(store, actor.user_id, actor.now)
    if not cohorts:
        raise DomainError(NOT_IN_COHORT)
    if wanted is not None and not any(m.cohort_id == wanted for m in store.members.of_user(actor.user_id)):
        raise NotAllowed(NOT_YOUR_COHORT)
    return next((c for c in cohorts if c.id == wanted), cohorts[0])


def request_skills(store: HelpStore, draft: HelpDraft, cohort: Cohort) -> list[str]:
    """The skills typed (canonical keys in the cohort, recorded with their labels), or else those named
    in the text."""
    aliases = aliases_for(store, [cohort.id])
    if draft.skills:
        typed = [Skill(skill_key(label), label) for label in draft.skills]
        store.skills.ensure(typed)
        return list(dict.fromkeys(canonical(skill.key, aliases) for skill in typed))
    return skills_in_text(f"{draft.title}\n{draft.details}", store.skills.known(), aliases)


def view_of(store: HelpStore, request: HelpRequest) -> HelpView:
    cohort = store.cohorts.get(request.cohort_id)
    labels = store.skills.labels(request.skills)
    return HelpView(
        request,
        cohort,
        request.channel_id or store.help.settings(cohort.id).channel(cohort),
        tuple(store.help.offers(request.id)),
        tuple(labels.get(key, key) for key in request.skills),
    )


def ask(
    store: HelpStore,
    actor: Actor,
    draft: HelpDraft,
    origin: str,
    replaces: int | None = None,
    *,
    away: Iterable[AwaySource],
) -> Asked:
    """Records the request and picks who to send it to (nobody `away`); `replaces` closes the asker's
    earlier one."""
    cohort = cohort_to_ask_in(store, actor, draft.cohort_id)
    replaced = None
    if replaces is not None:
        old = store.help.get(replaces)
        if (
            old is not None
            and old.asker == actor.user_id
            and store.help.end(old.id, HelpStatus.CLOSED, actor.user_id, actor.now)
        ):
            replaced = view_of(store, _request(store, old.id))
    new = NewHelpRequest(
        cohort.id,
        actor.user_id,
        draft.title,
        draft.details,
        tuple(request_skills(store, draft, cohort)),
        origin,
        actor.now,
    )
    request = store.help.add(new)
    routed = route(store, request, cohort, actor.now, away)
    store.help.route(request.id, routed, 1, actor.now)
    return Asked(view_of(store, request), tuple(routed), replaced)


def _request(store: HelpStore, request_id: int | None) -> HelpRequest:
    request = store.help.get(request_id) if request_id is not None else None
    if request is None:
        raise DomainError(UNKNOWN_REQUEST)
    return request


def _require_active(request: HelpRequest) -> None:
    if not request.active:
        raise DomainError(ENDED[request.status])


def _require_may_offer(store: HelpStore, actor: Actor, request: HelpRequest) -> None:
    """The request's cohort's members, and the opted-in alumni it was sent to."""
    if belongs_to(store, actor, request.cohort_id):
        return
    if actor.user_id in store.help.routed(request.id) and actor.user_id in store.skills.alumni():
        return
    raise NotAllowed(NOT_A_HELPER)


def offer_help(store: HelpStore, actor: Actor, request_id: int | None) -> Offered:
    """The helper joins the request; offering again (a double click) changes nothing."""
    request = _request(store, request_id)
    _require_may_offer(store, actor, request)
    if request.asker == actor.user_id:
        raise DomainError(OWN_REQUEST)
    _require_active(request)
    new = store.help.add_offer(request.id, actor.user_id, actor.now)
    if new:
        store.help.mark_claimed(request.id, actor.now)
    return Offered(view_of(store, _request(store, request.id)), new)


def may_end(store: HelpStore, actor: Actor, request_id: int | None) -> HelpView:
    """The request, once sure the actor may resolve or close it (the asker or a cohort admin) and it is active."""
    request = _request(store, request_id)
    require_belongs_to(store, actor, request.cohort_id, NOT_YOURS)
    if actor.user_id != request.asker and not can_manage(
        actor.user_id, request.cohort_id, actor.program_admins, store.members.of_user(actor.user_id)
    ):
        raise NotAllowed(NOT_YOURS)
    _require_active(request)
    return view_of(store, request)


def resolve(
    store: HelpStore, actor: Actor, request_id: int | None, credited: Iterable[str], thanks: str = ""
) -> HelpView:
    """Resolved: the helpers named (among those who offered) are credited, with the skills it needed."""
    view = may_end(store, actor, request_id)
    helpers = [helper for helper in dict.fromkeys(credited) if helper in view.helpers]
    if not store.help.end(view.request.id, HelpStatus.RESOLVED, actor.user_id, actor.now, thanks.strip()):
        raise DomainError(ENDED[HelpStatus.RESOLVED])
    store.help.credit(view.request.id, helpers)
    for helper in helpers:
        store.skills.add_evidence(
            helper, view.request.skills, EvidenceSource.HELP, f"help:{view.request.id}", actor.now
        )
    return view_of(store, _request(store, view.request.id))


def close(store: HelpStore, actor: Actor, request_id: int | None) -> HelpView:
    view = may_end(store, actor, request_id)
    if not store.help.end(view.request.id, HelpStatus.CLOSED, actor.user_id, actor.now):
        raise DomainError(ENDED[HelpStatus.CLOSED])
    return view_of(store, _request(store, view.request.id))


def not_posted(store: HelpStore, request_id: int, now: datetime) -> None:
    """The channel refused the request's message: it is closed, so that nobody is sent a request nobody sees."""
    request = store.help.get(request_id)
    if request is not None:
        store.help.end(request_id, HelpStatus.CLOSED, request.asker, now)
