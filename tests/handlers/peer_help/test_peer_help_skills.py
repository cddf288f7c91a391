"""`/skills` and `/cohort peerhelp` through the real Bolt app: answers for the sender only, in the cohort's
language, with the usage line after a mistake."""

from __future__ import annotations

from tests.handlers.peer_help import peer_help_helpers
from tests.handlers.peer_help.peer_help_helpers import HelpDesk

NBSP = "\u00a0"

desk = peer_help_helpers.desk  # a fixture, found by name


def test_a_fellow_declares_skills_and_sees_them_with_their_figures(desk: HelpDesk):
    assert (
        desk.say("/skills", "add Data viz, Python", "UANA")
        == f"Ajouté à vos compétences{NBSP}: Data viz, Python."
    )
    assert desk.say("/skills", "add dataviz, SQL", "UANA") == (
        f"Ajouté à vos compétences{NBSP}: SQL.\nDéjà dans vos compétences{NBSP}: Data viz."
    )
    assert desk.say("/skills", "remove data-viz", "UANA") == f"Retiré de vos compétences{NBSP}: Data viz."
    mine = desk.say("/skills", "", "UANA").split("\n")
    assert mine[0] == f"Vos compétences{NBSP}: Python, SQL."
    assert mine[1].startswith(f"Entraide · aides données{NBSP}: 0")


def test_who_ranks_people_and_marks_what_they_showed(desk: HelpDesk):
    desk.say("/skills", "add python", "UBEN")
    desk.say("/skills", "add Python", "UCHLOE")
    request_id = desk.request("Tests", "UANA", skills="python")
    desk.click("help_offer", request_id, "UCHLOE")
    desk.resolve(request_id, "UANA")
    who = desk.say("/skills", "who PYTHON", "UDAVID").split("\n")
    assert who == [
        f"Qui connaît python{NBSP}:",
        f"• <@UCHLOE>{NBSP}: déclarée, a aidé 1 fois",
        f"• <@UBEN>{NBSP}: déclarée",
    ]
    assert desk.say("/skills", "who cobol", "UDAVID") == "Personne n’a encore déclaré ni démontré cobol."


def test_mistakes_come_with_the_usage_line_and_change_nothing(desk: HelpDesk):
    sentence, usage = desk.say("/skills", "add ,", "UANA").split("\n")
    assert sentence == "Nommez au moins une compétence." and usage == f"Utilisation{NBSP}: /skills add a, b"
    sentence, usage = desk.say("/skills", "teach python", "UANA").split("\n")
    assert "teach" in sentence and usage.startswith(f"Utilisation{NBSP}: /skills ·")
    assert "`/skills alumni on`" in desk.say("/skills", "help", "UANA")


def test_only_admins_set_aliases_and_everyone_benefits(desk: HelpDesk):
    assert desk.say("/skills", "alias dataviz = visualisation", "UANA") == (
        "Seuls l’équipe du programme et les admins de cohorte peuvent rapprocher des compétences."
    )
    desk.say("/skills", "add visualisation", "UBEN")
    desk.say("/skills", "add viz", "UCHLOE")
    assert desk.say("/skills", "alias Data viz = visualisation, viz", "UCOADMIN") == (
        "Dans eig7, visualisation, viz comptent désormais comme Data viz."
    )
    assert desk.say("/skills", "alias", "UANA").split("\n")[1] == "• Data viz = visualisation, viz (eig7)"
    assert {"<@UBEN>", "<@UCHLOE>"} <= set(desk.say("/skills", "who data-viz", "UANA").split())
    assert desk.say("/skills", "unalias viz", "UCOADMIN") == "viz n’est plus un alias."
    assert "<@UCHLOE>" not in desk.say("/skills", "who data-viz", "UANA")
    assert desk.say("/skills", "alias sql = cobol", "UADMIN") == "cobol comptent désormais comme sql."


def test_a_cohort_admin_cannot_rewrite_the_skills_of_other_cohorts(desk: HelpDesk):
    desk.say("/cohort", "create eig8 <#C900|entraide>", "UADMIN")
    desk.say("/cohort", "add eig8 <@UOUT>", "UADMIN")
    desk.say("/skills", "add fortran", "UOUT")
    desk.say("/skills", "add python", "UBEN")
    before = desk.say("/skills", "who fortran", "UOUT")
    assert desk.say("/skills", "alias python = fortran", "UCOADMIN").startswith(
        "Personne dans eig7 n’utilise fortran\u00a0:"
    )
    assert desk.say("/skills", "alias cohort=eig8 python = fortran", "UCOADMIN") == (
        "Réservé à l’équipe du programme et aux admins de cette cohorte."
    )
    assert desk.say("/skills", "who fortran", "UOUT") == before and "<@UOUT>" in before


def test_the_directory_is_for_members_and_opted_in_alumni(desk: HelpDesk):
    refused = "L’annuaire des compétences est réservé aux membres d’une cohorte en cours"
    for text in ("", "who python", "add python", "alias"):
        assert desk.say("/skills", text, "UOUT").startswith(refused), text
    assert desk.say("/skills", "help", "UOUT").startswith("*/skills*")  # help is for anyone


def test_alumni_opt_in(desk: HelpDesk):
    assert desk.say("/skills", "alumni on", "UANA").startswith(
        "Les alumni sont les fellows d’une cohorte terminée"
    )
    desk.say("/cohort", "create eig6 <#C900|entraide>", "UADMIN")
    desk.say("/cohort", "add eig6 <@UALUM>", "UADMIN")
    desk.say("/cohort", "archive eig6", "UADMIN")
    assert desk.say("/skills", "alumni on", "UALUM").startswith("Les cohortes en cours peuvent désormais")
    assert "/skills alumni off" in desk.say("/skills", "", "UALUM")


def test_an_english_cohort_is_answered_in_english(desk: HelpDesk):
    desk.say("/cohort", "create eig7-en <#C900|entraide> lang=en", "UADMIN")
    desk.say("/cohort", "add eig7-en <@UOUT>", "UADMIN")
    assert desk.say("/skills", "add python", "UOUT") == "Added to your skills: python."
    assert desk.ask("Help me", "UOUT")["title"]["text"] == "Ask for help"


def test_cohort_peerhelp_shows_and_changes_the_settings(desk: HelpDesk):
    assert desk.say("/cohort", "peerhelp eig7", "UCOADMIN") == (
        f"Entraide dans eig7{NBSP}: les demandes sont publiées dans <#C100>\u202f; une demande sans proposition "
        "d’aide est envoyée à d’autres personnes au bout de 24 h."
    )
    assert "au bout de 6 h" in desk.say("/cohort", "peerhelp eig7 reroute=6", "UADMIN")
    assert desk.say("/cohort", "peerhelp eig7 reroute=6", "UANA").startswith("Réservé")
    sentence, usage = desk.say("/cohort", "peerhelp eig7 reroute=1000", "UADMIN").split("\n")
    assert "1000" in sentence and usage.startswith(f"Utilisation{NBSP}: /cohort peerhelp")
    assert "/cohort peerhelp" in desk.say("/cohort", "help", "UADMIN")


def test_skills_are_added_ten_at_a_time_thirty_per_person_fifty_characters_each(desk: HelpDesk):
    eleven = ", ".join(f"skill{n}" for n in range(11))
    assert desk.say("/skills", f"add {eleven}", "UANA") == (
        "Au plus 10 compétences à la fois\u202f; il y en a 11.\nUtilisation\u00a0: /skills add a, b"
    )
    for start in (0, 10, 20):
        desk.say("/skills", "add " + ", ".join(f"skill{n}" for n in range(start, start + 10)), "UANA")
    assert desk.say("/skills", "add skill1, skill2", "UANA").startswith("Déjà dans vos compétences")
    refused = desk.say("/skills", "add cobol", "UANA")
    assert refused.startswith(
        "Vous pouvez déclarer au plus 30 compétences et vous en avez 30\u00a0: retirez-en d’abord"
    )
    assert desk.say("/skills", "add " + "x" * 51, "UBEN").startswith("Une compétence")
    with desk.ctx.uow() as uow:
        assert len(uow.skills.declared_by("UANA")) == 30 and uow.skills.declared_by("UBEN") == []


def test_cohort_peerhelp_takes_only_a_channel_the_admin_is_in(desk: HelpDesk):
    desk.fake.add_channel("C901", name="ailleurs", is_member=True, members=["UANA"])
    assert desk.say("/cohort", "peerhelp eig7 channel=<#C901|ailleurs>", "UCOADMIN") == (
        f"Vous n’êtes pas membre de <#C901>{NBSP}: choisissez un canal où vous êtes (s’il est privé, invitez-moi"
        " d’abord)."
    )
    assert "<#C100>" in desk.say("/cohort", "peerhelp eig7", "UCOADMIN")
    assert "<#C900>" in desk.say("/cohort", "peerhelp eig7 channel=<#C900|entraide>", "UCOADMIN")
