"""Two weeks of a cohort, told through its mentors and admins.

Check-ins are asked, answered and missed through Slack; stand-ups, help requests and trainings are
stored as those features store them. Every Friday each mentor and each admin gets a digest whose
figures are checked against the data created here; a fellow who stays silent raises an isolation
alert; and a cohort too big for one message still gets a digest within Slack's limits.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.standin.block_kit import check_blocks
from domain.checkins.model import Share
from domain.cohorts.model import Membership, Role
from domain.peer_help.records import HelpStatus, NewHelpRequest
from domain.standups.model import StandupSettings
from domain.trainings.model import Proposal, SessionStatus, SignupStatus
from tests.support.rituals import Rituals, text_of

NB = "\u00a0"
NNB = "\u202f"
WEEK1 = [date(2026, 3, d) for d in (2, 3, 4, 5, 6)]
WEEK2 = [date(2026, 3, d) for d in (9, 10, 11, 12, 13)]


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


class Cohort:
    """What the test stores, so the digests' figures can be checked against it."""

    def __init__(self, rituals: Rituals, name: str):
        self.rituals, self.id = rituals, rituals.cohort_id(name)
        self.answers: dict[tuple[str, date], int | None] = {}

    def standup(self, user: str, day: date, blocker: str = "rien", mood: int | None = None, skipped=False):
        self.rituals.standup(self.id, user, day, blocker, mood, skipped)
        if not skipped:
            self.answers[(user, day)] = mood

    def answered(self, users, days) -> int:
        return sum(1 for user in users for day in days if (user, day) in self.answers)

    def mood(self, users, days) -> str:
        moods = [m for (u, d), m in self.answers.items() if u in users and d in days and m is not None]
        return f"{sum(moods) / len(moods):.1f}".replace(".", ",")


@pytest.fixture
def rituals(workspace, clock):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=ia-sante")
    workspace.say("add eig7 <@UCHLOE> <@UDAVID> challenge=open-data")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia-sante")
    workspace.say("add eig7 <@UEVA> as mentor challenge=open-data")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    assert "chaque semaine, le mardi à 10\u00a0h heure de Paris." in workspace.say(
        "checkin eig7 every=1 day=tue time=10:00"
    )
    assert "chaque vendredi à 16\u00a0h heure de Paris," in workspace.say("digest eig7 day=fri time=16:00")
    rituals = Rituals(workspace, clock)
    with rituals.ctx.uow() as uow:
        uow.standups.save_settings(
            StandupSettings(rituals.cohort_id("eig7"), mood=True, updated_at=clock.now())
        )
        uow.commit()
    return rituals


def first_week(rituals: Rituals, eig7: Cohort) -> None:
    for day, mood in zip(WEEK1, (3, 4, 4, 5, 4), strict=True):
        eig7.standup("UANA", day, mood=mood)
    eig7.standup("UBEN", WEEK1[0], "Pas d’accès aux données CNAM", mood=2)
    eig7.standup("UBEN", WEEK1[1], "Toujours pas d’accès", mood=2)
    eig7.standup("UBEN", WEEK1[2], "Rien", mood=3)
    eig7.standup("UBEN", WEEK1[3], skipped=True)
    eig7.standup("UBEN", WEEK1[4], mood=4)
    for day in (WEEK1[0], WEEK1[2], WEEK1[4]):
        eig7.standup("UCHLOE", day, mood=3)
    with rituals.ctx.uow() as uow:
        asked = uow.help.add(
            NewHelpRequest(eig7.id, "UCHLOE", "Relire un notebook", "", (), "ask", utc(WEEK1[1], 9))
        )
        uow.help.add_offer(asked.id, "UANA", utc(WEEK1[1], 10))
        uow.help.credit(asked.id, ["UANA"])
        uow.help.end(asked.id, HelpStatus.RESOLVED, "UCHLOE", utc(WEEK1[2], 11))
        dataviz = uow.trainings.add(
            eig7.id,
            "UCHLOE",
            Proposal("Dataviz", "", utc(WEEK1[3], 13), 90, 8, "Salle 2"),
            SessionStatus.ANNOUNCED,
            utc(WEEK1[0], 9),
        )
        uow.trainings.join(dataviz.id, "UANA", SignupStatus.CONFIRMED, utc(WEEK1[0], 10))
        uow.commit()


def checkins_of_the_first_week(rituals: Rituals, eig7: Cohort) -> None:
    assert rituals.lines(utc(WEEK1[1], 9))["checkins"] == "checkins: 2 prompts sent"
    rituals.clock.set(utc(WEEK1[1], 11))
    view = rituals.press_open("UMENTOR", eig7.id)
    assert rituals.answer(view, "UMENTOR", "4", needs="Un accès aux données de santé") is None
    assert rituals.lines(utc(WEEK1[3], 9))["checkins"] == "checkins: 1 reminders sent"
    assert rituals.texts("UEVA")[-1].startswith("Rappel")


def check_first_digests(rituals: Rituals, eig7: Cohort) -> None:
    assert (
        rituals.lines(utc(WEEK1[4], 15))["digests"] == "digests: 2 mentor digests sent, 1 admin digests sent"
    )
    mentor = rituals.digest_text("UMENTOR")
    ia = ("UANA", "UBEN")
    assert f"<@UANA> ✅✅✅✅✅ 5/5 · humeur {eig7.mood(['UANA'], WEEK1)}" in mentor
    assert f"<@UBEN> ✅✅✅⏭️✅ 4/4 · humeur {eig7.mood(['UBEN'], WEEK1)}" in mentor
    assert f"_Stand-ups remplis{NB}: {eig7.answered(ia, WEEK1)} sur 9 attendus (100{NB}%)._" in mentor
    assert f"<@UBEN>{NB}: signalé le 2 mars 2026, résolu le 4 mars 2026" in mentor
    assert "CNAM" not in mentor  # Ben shares only figures
    assert (
        f"<@UANA> · aides apportées{NB}: 1 · reçues{NB}: 0 · demandes{NB}: 0 · propositions{NB}: 1" in mentor
    )
    assert f"<@UANA> · suivies{NB}: 1 · données{NB}: 0" in mentor
    assert "<@UCHLOE>" not in mentor and "<@UDAVID>" not in mentor
    eva = rituals.digest_text("UEVA")
    assert "<@UCHLOE> ✅❌✅❌✅ 3/5" in eva and "<@UDAVID> ❌❌❌❌❌ 0/5" in eva
    assert (
        f"<@UCHLOE> · aides apportées{NB}: 0 · reçues{NB}: 1 · demandes{NB}: 1 · propositions{NB}: 0" in eva
    )
    assert f"<@UCHLOE> · suivies{NB}: 0 · données{NB}: 1" in eva
    admin = rituals.digest_text("UCOADMIN")
    open_data = eig7.answered(("UCHLOE", "UDAVID"), WEEK1)
    assert f"*ia-sante*{NB}: 100{NB}% (9/9) · humeur {eig7.mood(ia, WEEK1)}" in admin
    assert f"*open-data*{NB}: 30{NB}% ({open_data}/10) · humeur 3,0" in admin
    assert f"<@UDAVID>{NB}: aucune activité depuis son arrivée le 2 mars 2026" in admin
    assert "1 fellow sans activité." in admin
    assert f"<@UMENTOR>{NB}: 4/5 le 3 mars 2026" in admin
    assert f"Besoins de <@UMENTOR>{NB}: «{NNB}Un accès aux données de santé{NNB}»" in admin
    assert f"<@UEVA>{NB}: pas encore de réponse" in admin


def second_week(rituals: Rituals, eig7: Cohort) -> None:
    rituals.clock.set(utc(WEEK2[0], 7))
    _, answers = rituals.checkin("share text", user="UBEN")
    assert "lisent le texte de vos réponses" in answers[0]["text"]
    for day in WEEK2:
        eig7.standup("UANA", day, mood=4)
        eig7.standup("UCHLOE", day, mood=3)
        eig7.standup("UBEN", day, "Le serveur de test est en panne", mood=2)
    eig7.standup("UDAVID", WEEK2[2], mood=3)
    with rituals.ctx.uow() as uow:
        uow.trainings.add(
            eig7.id,
            "UANA",
            Proposal("FastAPI", "", utc(WEEK2[4], 9) + timedelta(days=5), 60, 6, "https://visio.example.org"),
            SessionStatus.ANNOUNCED,
            utc(WEEK2[1], 9),
        )
        uow.help.add(
            NewHelpRequest(eig7.id, "UBEN", "Un serveur de test", "", (), "standup", utc(WEEK2[0], 10))
        )
        uow.commit()


def test_two_weeks_of_a_cohort(rituals, workspace):
    eig7 = Cohort(rituals, "eig7")
    first_week(rituals, eig7)
    checkins_of_the_first_week(rituals, eig7)
    check_first_digests(rituals, eig7)
    assert rituals.lines(utc(WEEK1[4], 15, 30))["digests"] == "digests: nothing to do"

    # Week 2: Eva never answered; the new round records it as missed and tells the admin.
    second_week(rituals, eig7)
    assert rituals.lines(utc(WEEK2[1], 9))["checkins"] == "checkins: 2 prompts sent, 1 missed notes sent"
    note = rituals.digest_text("UCOADMIN")
    assert note.startswith(f"Points mentors manqués dans *eig7*{NB}:") and "<@UEVA>" in note
    assert "<@UMENTOR>" not in note
    rituals.clock.set(utc(WEEK2[2], 8))
    view, _ = rituals.checkin(user="UEVA")
    assert rituals.answer(view, "UEVA", "2", blockers="Pas de serveur de test") is None

    rituals.lines(utc(WEEK2[4], 15))
    admin = rituals.digest_text("UCOADMIN")
    assert f"*ia-sante*{NB}: 100{NB}% (10/10) · humeur 3,0" in admin
    assert f"*open-data*{NB}: 60{NB}% ({eig7.answered(('UCHLOE', 'UDAVID'), WEEK2)}/10)" in admin
    assert "Tous les fellows ont été actifs ces 5 derniers jours ouvrés." in admin
    assert (
        f"<@UBEN>{NB}: ouvert depuis le 9 mars 2026 (4 jours) — «{NNB}Le serveur de test est en panne{NNB}»"
        in admin
    )
    assert f"<@UEVA>{NB}: 2/5 le 11 mars 2026 · manqués récemment{NB}: 1" in admin
    assert f"Blocages signalés par <@UEVA>{NB}: «{NNB}Pas de serveur de test{NNB}»" in admin
    assert (
        f"<@UBEN>{NB}: «{NNB}Un serveur de test{NNB}» — demandée le 9 mars 2026, propositions{NB}: 0" in admin
    )
    assert f"«{NNB}FastAPI{NNB}» par <@UANA> · places restantes{NB}: 6" in admin
    mentor = rituals.digest_text("UMENTOR")
    assert "<@UANA> ✅✅✅✅✅ 5/5 · humeur 4,0 →" in mentor
    assert "<@UBEN> ✅✅✅✅✅ 5/5 · humeur 2,0 ↘" in mentor
    assert (
        f"<@UBEN>{NB}: signalé le 9 mars 2026, toujours en cours — «{NNB}Le serveur de test est en panne{NNB}»"
        in mentor
    )


def test_a_cohort_too_big_for_one_message(rituals, workspace, clock):
    workspace.say("create eig-xl <#C200>")
    workspace.say("add eig-xl <@UMENTOR> as mentor")
    workspace.say("digest eig-xl day=fri time=16:00")
    xl = Cohort(rituals, "eig-xl")
    fellows = [f"UXL{n:03d}" for n in range(240)]
    blocker = (
        "La DSI n’a toujours pas ouvert l’accès à l’entrepôt de données, nous attendons depuis lundi " * 2
    )
    with rituals.ctx.uow() as uow:
        uow.members.add_many(
            [Membership(xl.id, f, Role.FELLOW, f"defi-{n % 40:02d}") for n, f in enumerate(fellows)],
            clock.now(),
        )
        uow.standups.save_settings(StandupSettings(xl.id, updated_at=clock.now()))
        for fellow in fellows:
            uow.checkins.set_share(fellow, Share.TEXT, clock.now())
        uow.commit()
    for n, fellow in enumerate(fellows):
        for day in WEEK1[: n % 6]:
            xl.standup(fellow, day, blocker if n % 3 == 0 else "rien")
    rituals.lines(utc(WEEK1[4], 15))
    for reader in ("UMENTOR", "UADMIN"):
        digest = rituals.dms(reader)[-1]
        assert len(digest["blocks"]) <= 50 and check_blocks(digest["blocks"], 50) == []
        text = text_of(digest)
        assert "de plus." in text
    mentor = text_of(rituals.dms("UMENTOR")[-1])
    # Every fellow was expected on each of the five days; the figures stay even where the lines are cut.
    assert (
        f"Stand-ups remplis{NB}: {xl.answered(fellows, WEEK1)} sur {5 * len(fellows)} attendus (50{NB}%)"
        in mentor
    )
