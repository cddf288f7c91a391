"""Weekly digests through `schedules.engine.tick`: one per mentor and per admin, once, in the cohort's language."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.standups.model import StandupSettings
from tests.support.rituals import Rituals, text_of

# Friday 6 March 2026, 16:00 in Paris.
FRIDAY_16H = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
WEEK = [date(2026, 3, d) for d in (2, 3, 4, 5, 6)]


@pytest.fixture
def rituals(workspace, clock):
    workspace.fake.add_user("UENG", name="eng", tz="Europe/London", locale="en-GB")
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=ia-sante")
    workspace.say("add eig7 <@UCHLOE> challenge=open-data")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia-sante")
    workspace.say("add eig7 <@UENG> as mentor")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    workspace.say("digest eig7")
    rituals = Rituals(workspace, clock)
    cohort_id = rituals.cohort_id("eig7")
    with rituals.ctx.uow() as uow:
        uow.standups.save_settings(StandupSettings(cohort_id, mood=True, updated_at=clock.now()))
        uow.commit()
    return rituals


def test_one_digest_per_reader_once(rituals):
    assert rituals.lines(datetime(2026, 3, 6, 14, 59, tzinfo=UTC))["digests"] == "digests: nothing to do"
    assert rituals.lines(FRIDAY_16H)["digests"] == "digests: 2 mentor digests sent, 1 admin digests sent"
    assert rituals.lines(FRIDAY_16H)["digests"] == "digests: nothing to do"
    assert len(rituals.dms("UMENTOR")) == len(rituals.dms("UENG")) == len(rituals.dms("UCOADMIN")) == 1


def test_a_mentor_reads_the_fellows_of_their_challenges(rituals):
    eig7 = rituals.cohort_id("eig7")
    for day, mood in zip(WEEK, (2, 3, 3, 4, 4), strict=True):
        rituals.standup(eig7, "UANA", day, mood=mood)
    rituals.standup(eig7, "UBEN", WEEK[0], blocker="Pas d’accès aux données")
    rituals.standup(eig7, "UBEN", WEEK[1], skipped=True)
    rituals.at(FRIDAY_16H)
    mine = rituals.digest_text("UMENTOR")
    print(mine)
    assert mine.startswith("Résumé de la semaine · eig7")
    assert "<@UANA> ✅✅✅✅✅ 5/5 · humeur 3,2" in mine
    assert "<@UBEN> ✅⏭️❌❌❌ 1/4" in mine
    assert "<@UCHLOE>" not in mine
    english_slack = rituals.digest_text("UENG")  # a mentor whose Slack is in English reads eig7's French
    assert english_slack.startswith("Résumé de la semaine · eig7")
    assert "<@UCHLOE> ❌❌❌❌❌ 0/5" in english_slack
    admin = rituals.digest_text("UCOADMIN")
    print(admin)
    assert admin.startswith("Résumé admin · eig7")


def test_a_silent_fellow_raises_an_isolation_alert(rituals, workspace):
    workspace.say("digest eig7 isolation=3")
    eig7 = rituals.cohort_id("eig7")
    for day in WEEK:
        rituals.standup(eig7, "UANA", day)
        rituals.standup(eig7, "UCHLOE", day, skipped=day != WEEK[0])  # a skip is a sign of life
    rituals.standup(eig7, "UBEN", WEEK[1])
    rituals.at(FRIDAY_16H)
    admin = rituals.digest_text("UCOADMIN")
    assert "*Alerte isolement\u00a0: aucune activité depuis 3 jours ouvrés*" in admin
    assert "<@UBEN>\u00a0: dernière activité le 3 mars 2026" in admin
    alert = admin.split("Alerte isolement")[1].split("*Points")[0]
    assert "<@UANA>\u00a0:" not in alert and "<@UCHLOE>" not in alert


def test_a_digest_on_a_holiday_comes_the_next_working_day(rituals, workspace):
    workspace.say("holiday eig7 2026-03-06")
    assert rituals.lines(FRIDAY_16H)["digests"] == "digests: nothing to do"
    monday = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)
    assert rituals.lines(monday)["digests"] == "digests: 2 mentor digests sent, 1 admin digests sent"
    assert "Du 28 févr. 2026 au 9 mars 2026" not in rituals.digest_text("UMENTOR")
    assert "au 9 mars 2026" in rituals.digest_text("UMENTOR")


def test_no_digest_once_off(rituals, workspace):
    workspace.say("digest eig7 off")
    assert rituals.lines(FRIDAY_16H)["digests"] == "digests: nothing to do"


def test_the_program_team_reads_the_admin_digest_of_a_cohort_without_admins(rituals, workspace):
    workspace.say("remove eig7 <@UCOADMIN>")
    assert rituals.lines(FRIDAY_16H)["digests"] == "digests: 2 mentor digests sent, 1 admin digests sent"
    assert rituals.digest_text("UADMIN").startswith("Résumé admin · eig7")


def test_a_cohort_without_stand_ups_still_gets_a_line_per_fellow_followed(rituals, workspace):
    workspace.say("create eig8 <#C200>")
    workspace.say("add eig8 <@UDAVID> <@UEVA>")
    workspace.say("add eig8 <@UMENTOR> as mentor")
    workspace.say("digest eig8")
    rituals.at(FRIDAY_16H)
    eig8 = next(text_of(m) for m in rituals.dms("UMENTOR") if "· eig8" in m["text"])
    assert "*Fellows suivis*" in eig8 and "*Stand-ups*" not in eig8
    assert "<@UDAVID>\u00a0: aucune activité ces derniers temps" in eig8
    assert "<@UEVA>\u00a0: aucune activité ces derniers temps" in eig8
    eig7 = next(text_of(m) for m in rituals.dms("UMENTOR") if "· eig7" in m["text"])
    assert "*Stand-ups* · L M M J V" in eig7  # the grid's day labels
