"""`/cohort edit`, `/cohort holiday NAME remove` and `/cohort unarchive`: a cohort can be corrected,
with the checks of `create`, audited, and only its future occurrences move."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import pytest

from domain.cohorts.model import Role
from tests.support.standup_world import StandupWorld, texts

EDIT_USAGE = "Utilisation\u00a0: /cohort edit NOM [name=] [#canal] [tz=] [lang=] [country=] [start=] [end=]"
HOLIDAY_USAGE = (
    "Utilisation\u00a0: /cohort holiday NOM AAAA-MM-JJ[..AAAA-MM-JJ] [motif] · /cohort holiday NOM remove"
)
UNARCHIVE_USAGE = "Utilisation\u00a0: /cohort unarchive NOM"


@pytest.fixture
def eig7(workspace):
    workspace.say("create eig7 <#C100> start=2026-03-01 end=2027-06-30")
    workspace.say("add eig7 <@UANA>")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    return workspace


def test_edit_changes_what_is_asked_and_is_audited(eig7):
    text = eig7.say("edit eig7 tz=africa/dakar end=2027-07-15 country=SN")
    assert text.startswith(
        "Cohorte eig7 corrigée\u00a0: fuseau horaire Africa/Dakar, jours fériés de SN, dates du"
    )
    assert "15 juil. 2027" in text and "ce qui a déjà été envoyé reste tel quel" in text
    [cohort] = eig7.state()[0]
    assert (cohort.timezone, cohort.country, cohort.end) == ("Africa/Dakar", "SN", date(2027, 7, 15))
    assert cohort.rescheduled_at is not None
    shown = texts(eig7.cohort("show eig7"))
    assert "a corrigé la cohorte\u00a0: timezone: Europe/Paris → Africa/Dakar; country: FR → SN;" in shown


def test_edit_renames_moves_channel_and_language_and_the_cohort_admin_may_do_it(eig7):
    text = eig7.say("edit eig7 name=EIG-7 <#C200|eig8> lang=en", user="UCOADMIN")
    assert text.startswith("Cohort EIG-7 corrected: name EIG-7, channel <#C200>, language en.")
    assert "I joined <#C200>." in text and "already sent" not in text
    [cohort] = eig7.state()[0]
    assert (cohort.name, cohort.channel_id, cohort.lang, cohort.rescheduled_at) == (
        "EIG-7",
        "C200",
        "en",
        None,
    )
    assert eig7.say("show eig-7").count("EIG-7") >= 1


EDIT_MISTAKES = [
    ("edit eig7", "Dites ce qu’il faut changer", EDIT_USAGE),
    ("edit nope tz=Europe/Paris", "Aucune cohorte ne s’appelle «\u202fnope\u202f»", EDIT_USAGE),
    ("edit eig7 tz=Europe/Paris", "eig7 a déjà ces réglages\u00a0: rien n’a changé.", EDIT_USAGE),
    ("edit eig7 tz=Mars/Olympus", "Fuseau horaire inconnu «\u202fMars/Olympus\u202f»", EDIT_USAGE),
    ("edit eig7 lang=de", "Langue inconnue", EDIT_USAGE),
    ("edit eig7 country=ZZ", "Pays inconnu «\u202fZZ\u202f»", EDIT_USAGE),
    ("edit eig7 end=2026-01-01", "La date de fin 2026-01-01 précède la date de début", EDIT_USAGE),
    ("edit eig7 start=2026-02-30", "2026-02-30", EDIT_USAGE),
    ("edit eig7 name=eig8", "Une cohorte nommée «\u202feig8\u202f» existe déjà.", EDIT_USAGE),
    ("edit eig7 name=promo 8", "Un nom de cohorte ne contient pas d’espace", EDIT_USAGE),
    ("edit eig7 <#C404|nowhere>", "Je ne trouve pas le canal <#C404>", EDIT_USAGE),
    ("edit eig7 #eig8", "«\u202f#eig8\u202f» est du texte", EDIT_USAGE),
    ("edit eig7 <#C100> <#C200>", "Donnez un seul canal.", EDIT_USAGE),
    ("edit eig7 colour=blue", "Option inconnue «\u202fcolour\u202f»", EDIT_USAGE),
    ("edit eig7 tz=Europe/Paris tz=Africa/Dakar", "tz", EDIT_USAGE),
    ("edit eig7 soon", "«\u202fsoon\u202f»", EDIT_USAGE),
    ("holiday eig7 remove", "Indiquez le jour de congé", HOLIDAY_USAGE),
    ("holiday eig7 remove 2026-12-24..2026-12-01", "Le congé se termine", HOLIDAY_USAGE),
    ("holiday eig7 remove 24/12/2026", "AAAA-MM-JJ", HOLIDAY_USAGE),
    ("holiday eig7 remove 2026-12-24 please", "«\u202fplease\u202f»", HOLIDAY_USAGE),
    ("holiday eig7 remove 2026-05-01", "eig7 n’a pas de congé à elle ces jours-là", HOLIDAY_USAGE),
    ("unarchive eig7", "La cohorte eig7 n’est pas archivée.", UNARCHIVE_USAGE),
    ("unarchive", "Indiquez le nom de la cohorte.", UNARCHIVE_USAGE),
    ("unarchive eig7 now", "«\u202fnow\u202f»", UNARCHIVE_USAGE),
]


@pytest.mark.parametrize("typed,problem,usage", EDIT_MISTAKES, ids=[m[0] for m in EDIT_MISTAKES])
def test_a_mistake_is_one_sentence_with_the_usage_and_changes_nothing(eig7, typed, problem, usage):
    eig7.say("create eig8 <#C200>")
    eig7.say("holiday eig7 2026-12-24..2027-01-02")
    before, joins = eig7.state(), eig7.fake.count("conversations.join")
    sentence, usage_line = eig7.say(typed).split("\n")
    assert problem in sentence, sentence
    assert sentence.endswith(".") and sentence.count(". ") == 0, "one sentence"
    assert usage_line.startswith(usage)
    assert eig7.state() == before
    assert eig7.fake.count("conversations.join") == joins


def test_an_archived_cohort_is_reopened_before_it_is_corrected(eig7):
    eig7.say("archive eig7")
    before = eig7.state()
    assert eig7.say("edit eig7 tz=Africa/Dakar").startswith("La cohorte eig7 est archivée")
    assert eig7.say("unarchive eig7", user="UCOADMIN").startswith("Réservé à l’équipe du programme.")
    assert eig7.state() == before
    assert eig7.say("unarchive EIG7").startswith("Cohorte eig7 rouverte\u00a0: ses rituels reprennent")
    [cohort] = eig7.state()[0]
    assert not cohort.archived and cohort.rescheduled_at is not None
    assert "a rouvert la cohorte" in texts(eig7.cohort("show eig7"))


def test_others_may_not_correct_a_cohort(eig7):
    before = eig7.state()
    for typed in ("edit eig7 tz=Africa/Dakar", "holiday eig7 remove 2026-12-24", "unarchive eig7"):
        assert eig7.say(typed, user="UANA").startswith("Réservé à l’équipe du programme")
    assert eig7.state() == before


def test_removing_days_from_a_holiday_keeps_the_rest_of_it(eig7):
    eig7.say("holiday eig7 2026-12-21..2027-01-02 Fêtes")
    eig7.say("holiday eig7 2026-11-11")
    text = eig7.say("holiday eig7 remove 2026-12-28..2026-12-31")
    assert text.startswith("Congés de eig7 retirés du 28 décembre 2026 au 31 décembre 2026")
    assert "Retiré\u00a0: Fêtes" in text
    holidays = eig7.state()[3][0]
    assert [(h.first.isoformat(), h.last.isoformat(), h.reason) for h in holidays] == [
        ("2026-11-11", "2026-11-11", ""),
        ("2026-12-21", "2026-12-27", "Fêtes"),
        ("2027-01-01", "2027-01-02", "Fêtes"),
    ]
    eig7.say("holiday eig7 remove 2026-11-11")
    assert len(eig7.state()[3][0]) == 2
    assert "a retiré des congés" in texts(eig7.cohort("show eig7"))


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_a_new_zone_moves_the_next_prompts_only(ctx, fake_slack, clock, workspace):
    world = StandupWorld(ctx, fake_slack, clock)
    world.cohort(tz="America/Cayenne")
    with ctx.uow() as uow:
        cohort = uow.cohorts.by_name("eig7")
    world.people(cohort, "UANA", tz="America/Cayenne")
    world.people(cohort, "UCOADMIN", role=Role.ADMIN)
    world.standup(cohort, close="12:00")
    # Monday 2 March, 11:00 UTC: 08:00 in Cayenne, before its 09:30 prompt, but 12:00 in Paris.
    clock.set(utc(2026, 3, 2, 11, 0))
    assert workspace.say("edit eig7 tz=Europe/Paris", user="UCOADMIN").startswith("Cohorte eig7 corrigée")
    assert world.tick(utc(2026, 3, 2, 11, 1)) == Counter()
    assert world.tick(utc(2026, 3, 2, 12, 40)) == Counter()  # nor 09:30 in Cayenne, nor a summary
    assert world.prompts("UANA") == [] and world.channel() == []
    assert world.tick(utc(2026, 3, 3, 8, 30))["prompts sent"] == 1  # 09:30 in Paris the next day
    assert len(world.prompts("UANA")) == 1
