"""A program team's first week, from the recipients' side: two cohorts set up mid-day on Monday
2 March 2026 (Paris, and Dakar in Senegal), a fellow working from Cayenne, names typed with accents
and spaces, a skip, an absence, a stand-up answered by typing to the bot, a correction of a
cohort, a removal, the welcome and farewell messages, Thursday's mentor check-ins, Friday's
digests and Home tabs. Each step checks who got which message, with which mentions and which times.

Winter time: Paris is UTC+1, Dakar UTC+0 (Abidjan too), Cayenne UTC−3.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.standin.payloads import dispatch, event_callback
from handlers import ids
from tests.handlers.standups.standup_helpers import Standups
from tests.support.rituals import Rituals
from tests.support.standup_world import texts

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = (date(2026, 3, d) for d in (2, 3, 4, 5, 6))
PARIS = ("UANA", "UBEN")
CAYENNE = "UCAY"
DAKAR = ("UDIA", "UELI")
PROMPT = "C’est l’heure du stand-up"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


class FirstWeek:
    def __init__(self, standups: Standups):
        self.s, self.ws = standups, standups.ws

    def live(self, day: date, actions: dict[datetime, Callable[[], object]], hours=range(5, 15)) -> None:
        """Ticks every ten minutes over these UTC hours, doing each action once its time has come."""
        pending = sorted(actions.items())
        now, end = at(day, hours.start), at(day, hours.stop - 1, 59)
        while now <= end:
            while pending and pending[0][0] <= now:
                when, action = pending.pop(0)
                self.s.clock.set(when)
                action()
            self.s.world.tick(now)
            now += timedelta(minutes=10)
        assert not pending, "an action was planned after the last tick"

    def prompts(self, user: str, day: date) -> list[dict]:
        """The stand-up prompts and reminders a person got on `day` (their buttons name the day)."""
        value = f":{day.isoformat()}"
        return [m for m in self.s.world.prompts(user) if value in str(m.get("blocks"))]

    def summary(self, channel: str) -> str:
        found = [m for m in self.s.fake.messages(channel) if m.get("reply_broadcast")]
        return texts(found[-1])

    def dms(self, user: str) -> list[dict]:
        return self.s.world.dms(user)

    def home(self, user: str) -> str:
        """What a person reads on their Home tab, once Slack has asked for it."""
        published = self.s.fake.count("views.publish")
        event = {
            "type": "app_home_opened",
            "user": user,
            "channel": self.s.fake.dm_channel(user),
            "tab": "home",
        }
        assert dispatch(self.ws.app, event_callback(event)).status == 200
        [call] = self.s.fake.calls("views.publish")[published:]
        return json.dumps(call.params["view"]["blocks"], ensure_ascii=False)

    def today(self, text: str, user: str) -> str:
        _view, answers = self.s.standup(text, user)
        return json.dumps(answers[0], ensure_ascii=False)


@pytest.fixture
def week(workspace, clock) -> FirstWeek:
    fake = workspace.fake
    fake.add_channel("C300", name="eig7-dakar", is_member=False)
    fake.add_user(CAYENNE, name="cay", tz="America/Cayenne", locale="fr-FR")
    for user in DAKAR:
        fake.add_user(user, name=user[1:].lower(), tz="Africa/Dakar", locale="fr-FR")
    fake.add_user("UMDK", name="mdk", tz="Africa/Dakar", locale="fr-FR")
    clock.set(at(MONDAY, 9, 20))  # 10:20 in Paris
    return FirstWeek(Standups(workspace, clock))


def test_a_program_teams_first_week(week):
    ws, s = week.ws, week.s

    # Monday 10:20 in Paris: the program team sets up two cohorts, typing names as people say them.
    assert ws.say("create eig7 <#C100|eig7> start=2026-03-02 end=2026-06-26").startswith("Cohorte eig7 créée")
    assert ws.say("create eig7-dakar <#C300|eig7-dakar> tz=africa/dakar country=SN").startswith(
        "Cohorte eig7-dakar créée pour <#C300> (Africa/Dakar"
    )
    added = ws.say("add eig7 <@UANA> <@UBEN> challenge=IA santé")
    assert "Pas encore dans <#C100>, invitez-les\u00a0: <@UANA>, <@UBEN>." in added
    assert added.startswith("Nouveau défi IA santé créé dans eig7.")
    far = ws.say('add eig7 <@UCAY> challenge="Données éducation"')
    assert (
        "Fellows décalés de 3 heures ou plus du fuseau de la cohorte (Europe/Paris)\u00a0: <@UCAY> (Cayenne, −4 h)."
        in far
    )
    assert "avec /cohort standup eig7 zone=fellow, chaque fellow est interrogé" in far
    assert "décalés" not in added  # Paris fellows: nothing to say
    assert "décalés" not in ws.say("add eig7-dakar <@UDIA> <@UELI> challenge=Données éducation")
    ws.say("add eig7 <@UMENTOR> as mentor challenge=ia sante")
    ws.say("add eig7 <@UCOADMIN> as admin")
    ws.say("add eig7-dakar <@UCOADMIN> as admin")

    # The stand-ups, set at 10:20: their times name their zones; the next prompts are drawn for each reader.
    paris = ws.say("standup eig7 time=09:30 remind=60 close=12:00")
    assert "à 9\u00a0h\u00a030 heure de Paris, clôture à 12\u00a0h heure de Paris" in paris
    assert re.search(
        r"Prochaines invitations\u00a0: <!date\^\d+\^\{date_long_pretty\} \{time\}"
        r"\|mardi 3 mars 2026, 9\u00a0h\u00a030 heure de Paris> · <!date\^",
        paris,
    )
    dakar = ws.say("standup eig7-dakar time=09:00 close=11:30", user="UCOADMIN")
    assert "à 9\u00a0h heure de Dakar, clôture à 11\u00a0h\u00a030 heure de Dakar" in dakar

    # /cohort show: the challenges as typed, the far fellow pointed out, every time with its zone.
    shown = texts(ws.cohort("show eig7", user="UCOADMIN"))
    assert "*Données éducation*" in shown and "*IA santé*" in shown and "ia-sante" not in shown
    assert "<@UCAY> (Cayenne, −4 h)" in shown
    assert "{date_long_pretty} {time}|mardi 3 mars 2026, 9\u00a0h\u00a030 heure de Paris> · <!date^" in shown
    assert all("heure de" in m for m in re.findall(r"<!date\^[^>]*>", shown))
    assert "*Données éducation*" in texts(ws.cohort("show eig7-dakar", user="UCOADMIN"))

    # Help fits the person: a fellow sees what a member may do, the cohort admin how to run it.
    fellow_help = texts(ws.cohort("help", user="UANA"))
    assert "`/cohort show eig7`" in fellow_help and "/cohort add" not in fellow_help
    assert "`/cohort edit eig7 tz=Africa/Dakar end=2027-07-15`" in texts(ws.cohort("help", user="UCOADMIN"))
    assert "/standup skip" in s.say("help", user="UANA")

    # Monday afternoon: Eli, in Dakar, will be away Tuesday and Wednesday.
    week.live(
        MONDAY,
        {at(MONDAY, 13): lambda: s.say("away 2026-03-03..2026-03-04", user="UELI")},
        hours=range(9, 15),
    )
    # Arriving: each person added got one welcome, in the cohort's language, naming role and challenge.
    for user, challenge in (
        ("UANA", "IA santé"),
        (CAYENNE, "Données éducation"),
        ("UDIA", "Données éducation"),
    ):
        [welcome] = [m for m in week.dms(user) if m["text"].startswith("Bienvenue dans la cohorte")]
        assert "en tant que fellow, défi" in json.dumps(welcome, ensure_ascii=False) and challenge in texts(
            welcome
        )
    [mentor_welcome] = [m for m in week.dms("UMENTOR") if m["text"].startswith("Bienvenue")]
    assert "IA santé" in texts(mentor_welcome)
    # Set up after Monday's prompt times: the stand-ups start on Tuesday, as the confirmations said.
    assert s.fake.messages("C100") == [] and s.fake.messages("C300") == []
    assert all(week.prompts(user, MONDAY) == [] for user in (*PARIS, CAYENNE, *DAKAR))
    assert "attend votre réponse" not in week.home("UANA")
    # The cohort admin's Home: both cohorts, the challenges as typed, names without notifications.
    admin_home = week.home("UCOADMIN")
    assert "*eig7*" in admin_home and "*eig7-dakar*" in admin_home and "<@U" not in admin_home

    # Tuesday. Paris at 08:30 UTC (05:30 in Cayenne: Chloé's prompt says so in her own zone),
    # Dakar at 09:00 UTC. Ana answers by typing to the bot; Ben skips; Dia answers; Eli is away.
    today: list[str] = []

    def ana_types():
        s.type_in_dm("Hier : atelier avec l’ARS. Aujourd’hui : nettoyage des données", user="UANA")
        offer = week.dms("UANA")[-1]
        assert "Garder ceci comme votre réponse au stand-up de eig7 (3 mars)" in offer["text"]
        s.click(offer, ids.STANDUP_SAVE_TEXT, user="UANA")

    def dia_answers():
        view, _ = s.click(week.prompts("UDIA", TUESDAY)[0], ids.STANDUP_OPEN, user="UDIA")
        assert s.submit(view, {"q1": "Entretiens au ministère", "q2": None, "q3": None}, user="UDIA") is None

    def mentor_asks():
        s.type_in_dm("comment voir les stand-ups de mes fellows ?", user="UMENTOR")

    week.live(
        TUESDAY,
        {
            at(TUESDAY, 8, 40): ana_types,
            at(TUESDAY, 8, 45): lambda: s.click(
                week.prompts("UBEN", TUESDAY)[0], ids.STANDUP_SKIP, user="UBEN"
            ),
            at(TUESDAY, 9, 5): lambda: dia_answers(),
            at(TUESDAY, 9, 20): lambda: today.append(week.today("today eig7", "UCOADMIN")),
            at(TUESDAY, 9, 30): mentor_asks,
        },
    )
    admin_home = week.home("UCOADMIN")  # today's stand-up by challenge, as typed
    assert "IA santé" in admin_home and "Données éducation" in admin_home and "<@U" not in admin_home
    # Before the close, the cohort admin sees who answered so far, without notifying anyone.
    assert "✅ ana" in today[0] and "⏭️ ben" in today[0] and "⏳ cay" in today[0] and "<@U" not in today[0]
    [cay_prompt] = week.prompts(CAYENNE, TUESDAY)[:1]
    assert re.search(r"<!date\^\d+\^\{time\}\|12\u00a0h heure de Paris>", cay_prompt["text"])
    assert [len(week.prompts(user, TUESDAY)) > 0 for user in (*PARIS, CAYENNE, *DAKAR)] == [
        True,
        True,
        True,
        True,
        False,
    ]
    with s.ctx.uow() as uow:
        ana = uow.standups.entry(1, "UANA", TUESDAY)
    assert ana.answers[0] == "Hier : atelier avec l’ARS. Aujourd’hui : nettoyage des données"
    assert week.dms("UANA")[-1]["text"].startswith("Merci, votre stand-up du 3 mars est enregistré.")
    help_reply = texts(week.dms("UMENTOR")[-1])
    assert help_reply.startswith("Je lis les messages") and "/standup history" in help_reply
    assert "Participation\u00a0: 1/1" in week.summary("C300")  # Eli, away, is not expected
    paris_summary = week.summary("C100")
    assert "Participation\u00a0: 1/2" in paris_summary
    # No naming and shaming: names without mentions; who skipped or is away is never reminded.
    assert "*Sans réponse*\u00a0: cay" in paris_summary and "Ont passé leur tour\u00a0: ben" in paris_summary
    assert "Absents\u00a0: eli" in week.summary("C300")
    for channel in ("C100", "C300"):
        assert "<@U" not in json.dumps(s.fake.messages(channel)[-1], ensure_ascii=False)
    assert [len(week.prompts(user, TUESDAY)) for user in ("UANA", "UBEN", CAYENNE)] == [1, 1, 2]
    assert "Rappel" in week.prompts(CAYENNE, TUESDAY)[-1]["text"]

    # Tuesday afternoon: the Dakar cohort moves to Abidjan's zone and gets a later end; Ben leaves eig7.
    moved = ws.say("edit eig7-dakar tz=Africa/Abidjan end=2026-07-03", user="UCOADMIN")
    assert moved.startswith("Cohorte eig7-dakar corrigée\u00a0: fuseau horaire Africa/Abidjan, dates")
    assert "ce qui a déjà été envoyé reste tel quel" in moved
    assert ws.say("remove eig7 <@UBEN>").startswith("<@UBEN> ne fait plus partie de eig7.")

    # Wednesday: Ben is not asked any more, and was told once that he left; Dakar's times read in Abidjan's zone.
    week.live(WEDNESDAY, {})
    farewells = [m["text"] for m in week.dms("UBEN") if "ne faites plus partie" in m["text"]]
    assert farewells == ["Vous ne faites plus partie de la cohorte eig7. Merci de votre participation."]
    assert week.prompts("UBEN", WEDNESDAY) == []
    assert week.prompts("UANA", WEDNESDAY) and week.prompts(CAYENNE, WEDNESDAY)
    dia = week.prompts("UDIA", WEDNESDAY)[0]
    assert "heure d’Abidjan" in dia["text"]
    assert week.prompts("UELI", WEDNESDAY) == []  # still away

    stats = s.fake.stats()
    assert stats["errors"] == 0 and not s.fake.internal_errors and s.world.posted_once()

    # Wednesday afternoon: mentor check-ins on Thursdays, digests on Fridays, a mentor for Dakar.
    # Set after this week's Thursday and Friday had begun nowhere: they start this week.
    rituals = Rituals(ws, s.clock)
    assert ws.say("add eig7-dakar <@UMDK> as mentor", user="UCOADMIN").startswith(
        "<@UMDK> est maintenant mentor"
    )
    checkins = ws.say("checkin eig7 every=1 day=thu time=10:00")
    assert checkins.startswith("Points mentors de eig7\u00a0: chaque semaine, le jeudi à")
    assert "5 mars 2026" in checkins  # the first round, as the next tick will run it
    ws.say("checkin eig7-dakar every=1 day=thu time=10:00", user="UCOADMIN")
    assert ws.say("digest eig7 day=fri time=16:00").startswith("Résumés de eig7\u00a0: chaque vendredi à")
    ws.say("digest eig7-dakar day=fri time=16:00", user="UCOADMIN")

    # Thursday: Ana and Dia answer, Chloé in Cayenne skips; the mentors are asked how it goes,
    # at 10:00 in each cohort's zone; Ana's mentor answers, Dakar's does not.
    def answer(user: str) -> Callable[[], None]:
        def answering() -> None:
            view, _ = s.click(week.prompts(user, THURSDAY)[0], ids.STANDUP_OPEN, user=user)
            assert s.submit(view, {"q1": "Revue de code", "q2": None, "q3": None}, user=user) is None

        return answering

    def mentor_checks_in() -> None:
        [prompt] = [
            m for m in week.dms("UMENTOR") if m["text"].startswith("C’est l’heure de votre point mentor")
        ]
        view = rituals.press_open("UMENTOR", rituals.cohort_id("eig7"))
        assert rituals.answer(view, "UMENTOR", "4", going_well="Bon démarrage") is None

    week.live(
        THURSDAY,
        {
            at(THURSDAY, 8, 40): answer("UANA"),
            at(THURSDAY, 8, 50): lambda: s.click(
                week.prompts(CAYENNE, THURSDAY)[0], ids.STANDUP_SKIP, user=CAYENNE
            ),
            at(THURSDAY, 9, 10): answer("UDIA"),
            at(THURSDAY, 9, 30): mentor_checks_in,
        },
    )
    dakar_checkins = [m for m in week.dms("UMDK") if "point mentor" in m["text"]]
    assert [m["text"] for m in dakar_checkins] == [
        "C’est l’heure de votre point mentor pour *eig7-dakar*\u00a0: comment avancent vos défis\u202f?"
        " Deux minutes, quatre questions."
    ]
    [mdk_welcome] = [
        m for m in week.dms("UMDK") if m["text"].startswith("Bienvenue dans la cohorte eig7-dakar")
    ]
    assert "en tant que mentor" in texts(mdk_welcome)

    # Friday: before the close, Ana's mentor sees his fellows' stand-up so far, and only theirs.
    mentor_today: list[str] = []
    week.live(
        FRIDAY,
        {at(FRIDAY, 9): lambda: mentor_today.append(week.today("today", "UMENTOR"))},
        hours=range(5, 17),
    )
    assert "⏳ ana" in mentor_today[0] and "cay" not in mentor_today[0] and "ben" not in mentor_today[0]

    # The mentor digests, at 16:00 in each cohort's zone: a line for every fellow covered, under day
    # labels; the fellow who left is not in it; Eli's absence is shown as such.
    [ana_mentor] = [m for m in week.dms("UMENTOR") if m["text"].startswith("Résumé de la semaine · eig7")]
    digest = texts(ana_mentor)
    assert "fellows suivis\u00a0: 1" in ana_mentor["text"]
    assert "*Stand-ups* · L M M J V\n<@UANA> ▫️✅❌✅❌ 2/4" in digest and "UBEN" not in digest
    [dakar_mentor] = [
        m for m in week.dms("UMDK") if m["text"].startswith("Résumé de la semaine · eig7-dakar")
    ]
    dakar_digest = texts(dakar_mentor)
    assert "<@UDIA> ▫️✅❌✅❌ 2/4" in dakar_digest and "<@UELI> ▫️🌴🌴❌❌ 0/2" in dakar_digest

    # The admin digests: Chloé's skip was a sign of life, so nobody is flagged as isolated;
    # the check-ins say who answered (Ana's mentor, 4/5) and who did not (Dakar's).
    [paris_admin] = [m for m in week.dms("UCOADMIN") if m["text"].startswith("Résumé admin · eig7 ·")]
    paris_digest = texts(paris_admin)
    assert "Tous les fellows ont été actifs" in paris_digest and "UCAY" not in paris_digest
    assert "<@UMENTOR>\u00a0: 4/5" in paris_digest
    [dakar_admin] = [m for m in week.dms("UCOADMIN") if m["text"].startswith("Résumé admin · eig7-dakar")]
    assert "<@UMDK>\u00a0: pas encore de réponse" in texts(dakar_admin)

    # The mentor's Home: the same week as his digest; nothing waits for his answer any more.
    mentor_home = week.home("UMENTOR")
    assert "<@UANA> ▫️✅❌✅❌ 2/4" in mentor_home and "attend votre réponse" not in mentor_home
    # The program team's Home after Friday's close: no answer, not "waiting"; Dakar's check-in missing.
    admin_home = week.home("UCOADMIN")
    assert "clos à" in admin_home and "❌ ana" in admin_home and "⏳" not in admin_home
    assert "En attente de\u00a0: mdk" in admin_home

    stats = s.fake.stats()
    assert stats["errors"] == 0 and not s.fake.internal_errors and s.world.posted_once()
