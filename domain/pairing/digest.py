"""The pairing in the admins' digest: answers and cross-challenge meetings so far, and the fellows
who met nobody in the last four weeks (an isolation alert of its own, beside the activity one)."""

from __future__ import annotations

from domain.calendar import local_date
from domain.digests.model import (
    Audience,
    DigestData,
    DigestFeature,
    DigestInput,
    DigestSection,
    Phrase,
    SectionSpec,
    user,
)
from domain.messages import N_
from domain.pairing.figures import PairingFigures, pairing_figures
from domain.pairing.people import challenges_of, fellows_of
from domain.pairing.records import PairingStore

PAIRING = N_("*Pairing*")
ROUNDS = N_("Rounds so far: {rounds} · groups that answered: {answered}/{pairs} ({rate}%)")
CROSS = N_("Couples of fellows from different challenges who met: {met}/{possible} ({share}%)")
ISOLATION = N_("*Isolation alert: met nobody through the pairing in the last 4 weeks*")
ISOLATED = N_("{fellow}: no “we met” in the last 4 weeks")
NOBODY_ISOLATED = N_("Every fellow met someone through the pairing in the last 4 weeks.")
ISOLATED_SUMMARY = N_("Fellows who met nobody: {count}.")


def load(store: PairingStore, data: DigestData) -> PairingFigures | None:
    """None when the cohort has no pairing (never set up, and no round held)."""
    pairs = store.pairings.pairs_of(data.cohort.id)
    if store.pairings.settings(data.cohort.id) is None and not pairs:
        return None
    fellows = fellows_of(data.memberships, data.profiles)
    today = local_date(data.period.as_of, data.cohort.timezone)
    return pairing_figures(pairs, fellows, challenges_of(data.memberships), today)


def figures_section(given: DigestInput) -> DigestSection | None:
    figures: PairingFigures | None = given.data.feature("pairing")
    if figures is None:
        return None
    lines = (
        Phrase(
            ROUNDS,
            {
                "rounds": figures.rounds,
                "answered": figures.answered,
                "pairs": figures.pairs,
                "rate": figures.answer_rate,
            },
        ),
        Phrase(
            CROSS,
            {"met": figures.cross_met, "possible": figures.cross_possible, "share": figures.cross_share},
        ),
    )
    return DigestSection("pairing", Phrase(PAIRING), lines)


def isolation_section(given: DigestInput) -> DigestSection | None:
    figures: PairingFigures | None = given.data.feature("pairing")
    if figures is None or figures.isolated is None:
        return None
    followed = set(given.scope.fellows)
    lines = tuple(Phrase(ISOLATED, {"fellow": user(f)}) for f in figures.isolated if f in followed)
    return DigestSection(
        "pairing_isolation",
        Phrase(ISOLATION),
        lines,
        Phrase(ISOLATED_SUMMARY, {"count": len(lines)}),
        Phrase(NOBODY_ISOLATED),
    )


FEATURE = DigestFeature(
    "pairing",
    load,
    (
        SectionSpec("pairing", Audience.ADMIN, figures_section),
        SectionSpec("pairing_isolation", Audience.ADMIN, isolation_section),
    ),
)
