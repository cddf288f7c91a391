"""Every mistake an admin can make in `/cohort`: one sentence naming it, the usage line, nothing changed."""

from __future__ import annotations

import pytest

CREATE_USAGE_FR = "Utilisation\u00a0: /cohort create NOM #canal"
ADD_USAGE_FR = "Utilisation\u00a0: /cohort add NOM @personne…"
CREATE_USAGE_EN = "Usage: /cohort create NAME #channel"
ADD_USAGE_EN = "Usage: /cohort add NAME @user…"

MISTAKES = [
    # (what the admin typed, words naming the problem, usage line)
    ("add nope <@UANA>", "Aucune cohorte ne s’appelle «\u202fnope\u202f»", ADD_USAGE_FR),
    ("show nope", "Aucune cohorte ne s’appelle «\u202fnope\u202f»", "Utilisation\u00a0: /cohort show NOM"),
    ("create EIG7 <#C200>", "Une cohorte nommée «\u202fEIG7\u202f» existe déjà.", CREATE_USAGE_FR),
    (
        "create eig8 <#C200> tz=Mars/Olympus",
        "Fuseau horaire inconnu «\u202fMars/Olympus\u202f»",
        CREATE_USAGE_FR,
    ),
    ("create eig8 <#C200> country=ZZ", "Pays inconnu «\u202fZZ\u202f»", CREATE_USAGE_FR),
    ("create eig8 <#C200> country=France", "Pays inconnu «\u202fFrance\u202f»", CREATE_USAGE_FR),
    (
        "create eig8 <#C200> start=2026-09-01 end=2026-06-30",
        "La date de fin 2026-06-30 précède la date de début",
        CREATE_USAGE_FR,
    ),
    ("create eig8 <#C200> start=2026-02-30", "2026-02-30", CREATE_USAGE_FR),
    ("create eig8 <#C404|nowhere>", "Je ne trouve pas le canal <#C404>", CREATE_USAGE_FR),
    ("create eig8 #eig8", "«\u202f#eig8\u202f» est du texte", CREATE_USAGE_FR),
    ("create eig8", "Indiquez le canal de la cohorte", CREATE_USAGE_FR),
    ("create promo 8 <#C200>", "Un nom de cohorte ne contient pas d’espace", CREATE_USAGE_FR),
    ("add eig7 <@U404|ghost>", "Je ne trouve pas <@U404> dans Slack.", ADD_USAGE_FR),
    ("add eig7 <@UANA> <@U0BOT|cohortbot>", "<@U0BOT> est un bot", ADD_USAGE_FR),
    ("add eig7 <@UAPP>", "<@UAPP> est un bot", ADD_USAGE_FR),
    ("add eig7 <@UGONE|gone>", "<@UGONE>", ADD_USAGE_FR),
    ("add eig7 @ana", "«\u202f@ana\u202f» est du texte, pas une mention", ADD_USAGE_FR),
    ("add eig7 <#C100|eig7>", "<#C100|eig7> est un canal, pas une personne", ADD_USAGE_FR),
    ("add eig7 <!here>", "@here est un groupe", ADD_USAGE_FR),
    ("add eig7 <@UANA> as boss", "Rôle inconnu «\u202fboss\u202f»", ADD_USAGE_FR),
    ("add eig7 <@UANA> as admin challenge=ia", "admin", ADD_USAGE_FR),
    ("add eig7", "Mentionnez au moins une personne", ADD_USAGE_FR),
    ("remove eig7 <@UEVA>", "<@UEVA> ne fait pas partie de eig7.", "Utilisation\u00a0: /cohort remove NOM"),
    ("holiday eig7 2026-12-24..2026-12-01", "Le congé se termine", "Utilisation\u00a0: /cohort holiday NOM"),
    ("holiday eig7 24/12/2026", "AAAA-MM-JJ", "Utilisation\u00a0: /cohort holiday NOM"),
    (
        "frobnicate",
        "Sous-commande inconnue\u00a0: «\u202ffrobnicate\u202f»",
        "Utilisation\u00a0: /cohort SOUS-COMMANDE … · /cohort help liste les sous-commandes",
    ),
]


@pytest.fixture
def with_eig7(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    return workspace


@pytest.mark.parametrize("typed,problem,usage", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_mistake_is_named_with_the_usage_line_and_changes_nothing(with_eig7, typed, problem, usage):
    before, joins = with_eig7.state(), with_eig7.fake.count("conversations.join")
    body = with_eig7.cohort(typed)
    sentence, usage_line = body["text"].split("\n")
    assert problem in sentence, sentence
    assert sentence.endswith(".") and sentence.count(". ") == 0, "one sentence"
    assert usage_line.startswith(usage)
    assert with_eig7.state() == before
    assert with_eig7.fake.count("conversations.join") == joins


def test_a_mistake_about_an_english_cohort_is_told_in_english(workspace):
    workspace.say("create promo-en <#C200> lang=en")
    before = workspace.state()
    assert workspace.say("add promo-en <@U0BOT>") == (
        "<@U0BOT> is a bot: only people can be members of a cohort.\n"
        + ADD_USAGE_EN
        + " [as fellow|mentor|admin] [challenge=SLUG]"
    )
    assert workspace.say("create PROMO-EN <#C100> lang=en").startswith(
        'A cohort named "PROMO-EN" already exists.'
    )
    assert workspace.state() == before


def test_slack_is_not_asked_about_a_command_with_a_mistake(workspace):
    workspace.say("create eig7 <#C100>")
    calls = workspace.fake.count()
    workspace.say("create eig8 <#C200> tz=Nowhere/Town")
    workspace.say("add nope <@UANA>")
    workspace.say("add eig7 <@UANA>", user="UEVA")
    assert workspace.fake.count() == calls


def test_a_refusal_has_no_usage_line(workspace):
    workspace.say("create eig7 <#C100>")
    before = workspace.state()
    for typed in (
        "create eig8 <#C200>",
        "add eig7 <@UBEN>",
        "remove eig7 <@UANA>",
        "archive eig7",
        "holiday eig7 2026-12-24",
    ):
        assert workspace.say(typed, user="UEVA").startswith("Réservé à l’équipe du programme")
    assert workspace.state() == before
