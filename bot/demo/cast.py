"""Who plays the demo's week: a program admin, four fellows on two challenges (one in Dakar, to show
times in each reader's zone) and a mentor, in the cohort eig7 and its channel."""

from __future__ import annotations

from dataclasses import dataclass

CHANNEL = "C0EIG7"


@dataclass(frozen=True)
class Person:
    user_id: str
    name: str
    zone: str
    role: str  # fellow, mentor or admin, as the roster says
    challenge: str = ""

    @property
    def handle(self) -> str:
        return self.name.lower().replace("é", "e")


NADIA = Person("UNADIA", "Nadia", "Europe/Paris", "admin")
ANA = Person("UANA", "Ana", "Europe/Paris", "fellow", "Données ouvertes")
BEN = Person("UBEN", "Ben", "Europe/Paris", "fellow", "Données ouvertes")
CHLOE = Person("UCHLOE", "Chloé", "Europe/Paris", "fellow", "Santé")
MOUSSA = Person("UMOUSSA", "Moussa", "Africa/Dakar", "fellow", "Santé")
HELENE = Person("UHELENE", "Hélène", "Europe/Paris", "mentor")
CAST = (NADIA, ANA, BEN, CHLOE, MOUSSA, HELENE)
FELLOWS = (ANA, BEN, CHLOE, MOUSSA)


def roster_csv() -> str:
    """The roster the admin imports: everyone but the admin, who creates the cohort."""
    rows = ["slack_id,role,challenge,timezone"]
    rows += [f"{p.user_id},{p.role},{p.challenge},{p.zone}" for p in CAST if p is not NADIA]
    return "\n".join(rows) + "\n"


def by_id(user_id: str) -> Person | None:
    return next((p for p in CAST if p.user_id == user_id), None)
