"""`/cohort` through the real Bolt app: each sub-command's effect in Slack and in the database."""

from __future__ import annotations

from datetime import timedelta

from bot.standin.payloads import dispatch, event_callback

NBSP = "\u00a0"


def test_create_joins_the_public_channel_and_says_so(workspace):
    text = workspace.say("create eig7 <#C100|eig7> tz=europe/paris start=2026-09-01 end=2027-06-30")
    assert text.startswith("Cohorte eig7 créée pour <#C100> (Europe/Paris, fr")
    assert "J’ai rejoint <#C100>" in text
    [join] = workspace.fake.calls("conversations.join")
    assert join.params["channel"] == "C100"
    [cohort] = workspace.state()[0]
    assert (cohort.name, cohort.channel_id, cohort.start.isoformat()) == ("eig7", "C100", "2026-09-01")


def test_create_in_a_private_channel_asks_to_be_invited(workspace):
    text = workspace.say("create secret-promo <#G300|secret>")
    assert "invitez-moi" in text
    assert workspace.fake.count("conversations.join") == 0
    assert [c.name for c in workspace.state()[0]] == ["secret-promo"]


def test_an_english_cohort_is_answered_in_english(workspace):
    text = workspace.say("create Promo-EN <#C200> lang=en country=BE tz=Europe/Brussels")
    assert text.startswith("Cohort Promo-EN created for <#C200> (Europe/Brussels, en, public holidays of BE)")
    assert workspace.say("add promo-en <@UANA|ana>").startswith("<@UANA> is now a fellow of Promo-EN.")
    assert workspace.say("add promo-en <@U404>").startswith("I can't find the Slack user <@U404>.")


def test_add_remove_and_the_challenge_created_on_the_way(workspace):
    workspace.say("create eig7 <#C100>")
    text = workspace.say("add eig7 <@UANA|ana> <@UBEN> challenge=Données-Ouvertes")
    assert "\n<@UANA> et <@UBEN> sont maintenant fellows de eig7, défi Données-Ouvertes.\n" in text
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=donnees-ouvertes")
    assert workspace.say("add eig7 <@UCOADMIN> as admin").startswith(
        "<@UCOADMIN> est maintenant admin de eig7."
    )
    assert workspace.members("eig7") == {
        ("UANA", "fellow", "donnees-ouvertes"),
        ("UBEN", "fellow", "donnees-ouvertes"),
        ("UMENTOR", "mentor", "donnees-ouvertes"),
        ("UCOADMIN", "admin", None),
    }
    assert "rien n’a changé" in workspace.say("add eig7 <@UANA>  challenge=donnees-ouvertes")
    removed = workspace.say("remove eig7 <@UBEN|ben>")
    assert removed == "<@UBEN> ne fait plus partie de eig7."
    assert ("UBEN", "fellow", "donnees-ouvertes") not in workspace.members("eig7")


def test_profiles_are_read_once_a_day_and_refreshed_on_user_change(workspace, clock):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    workspace.say("add eig7 <@UANA> as mentor")
    assert workspace.fake.count("users.info") == 1
    clock.advance(hours=25)
    workspace.say("add eig7 <@UANA> as admin")
    assert workspace.fake.count("users.info") == 2
    user = dict(workspace.fake.users["UANA"], deleted=True)
    dispatch(workspace.app, event_callback({"type": "user_change", "user": user}))
    shown = str(workspace.cohort("show eig7")["blocks"])
    assert "<@UANA> (" in shown and "désactivé)" in shown


def test_a_cohort_admin_manages_their_cohort_and_others_are_refused(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("create eig8 <#C200>")
    workspace.say("add eig7 <@UCOADMIN> as admin")
    assert workspace.say("add eig7 <@UANA>", user="UCOADMIN").startswith(
        "<@UANA> est maintenant fellow de eig7."
    )
    before = workspace.state()
    refused = workspace.cohort("add eig8 <@UBEN>", user="UCOADMIN")
    assert refused["text"] == "Réservé à l’équipe du programme et aux admins de cette cohorte."
    assert workspace.say("create eig9 <#C200>", user="UCOADMIN") == "Réservé à l’équipe du programme."
    assert workspace.say("archive eig7", user="UANA").startswith("Réservé")
    assert workspace.state() == before


def test_list_shows_each_their_cohorts(workspace):
    assert "Aucune cohorte" in workspace.say("list")
    workspace.say("create eig7 <#C100> start=2026-01-05 end=2026-12-18")
    workspace.say("create eig8 <#C200>")
    workspace.say("add eig7 <@UANA> <@UBEN>")
    everything = workspace.say("list")
    assert "*eig7* · <#C100> · fellows" + NBSP + ": 2" in everything and "*eig8*" in everything
    assert "en cours" in everything
    mine = workspace.say("list", user="UANA")
    assert "*eig7*" in mine and "eig8" not in mine
    assert workspace.say("list", user="UEVA") == "Vous ne faites partie d’aucune cohorte."


def test_show_lets_an_admin_preview_the_cohort(workspace):
    workspace.say("create eig7 <#C100> start=2026-01-05 end=2026-12-18")
    workspace.say("add eig7 <@UANA> <@UBEN> challenge=ia")
    workspace.say("add eig7 <@UMENTOR> as mentor challenge=ia")
    workspace.say("add eig7 <@UCHLOE> as mentor")
    workspace.say("holiday eig7 2026-04-06 Lundi de Pâques & pont")
    body = workspace.cohort("show EIG7")
    text = "\n".join(block.get("text", {}).get("text", "") for block in body["blocks"])
    assert "*ia*\nFellows" + NBSP + ": <@UANA>, <@UBEN>\nMentors" + NBSP + ": <@UMENTOR>" in text
    assert "<@UCHLOE>" in text
    assert "6 avril 2026 — Lundi de Pâques &amp; pont" in text
    assert "Aucun stand-up programmé." in text
    assert "a créé la cohorte" in text and "a ajouté <@UANA> et <@UBEN>" in text
    fields = next(block["fields"] for block in body["blocks"] if "fields" in block)
    assert any("Europe/Paris" in field["text"] for field in fields)


def test_show_hides_the_audit_log_from_fellows_and_refuses_strangers(workspace):
    workspace.say("create eig7 <#C100>")
    workspace.say("add eig7 <@UANA>")
    as_fellow = str(workspace.cohort("show eig7", user="UANA")["blocks"])
    assert "<@UANA>" in as_fellow and "a créé la cohorte" not in as_fellow
    assert workspace.say("show eig7", user="UEVA").startswith("Visible uniquement")


def test_archive_ends_the_cohort_and_holidays_are_kept(workspace, clock):
    workspace.say("create eig7 <#C100>")
    assert "Congé ajouté à eig7 du 24 décembre 2026 au 2 janvier 2027" in workspace.say(
        "holiday eig7 2026-12-24..2027-01-02 Noël"
    )
    clock.advance(days=3)
    assert workspace.say("archive eig7").startswith("Cohorte eig7 archivée")
    [cohort] = workspace.state()[0]
    assert cohort.archived_at == clock.now()
    assert "archivée" in workspace.say("add eig7 <@UANA>")
    assert "archivée" in str(workspace.cohort("show eig7")["blocks"])
    assert clock.now() - timedelta(days=3) < cohort.archived_at


def test_help_lists_every_sub_command(workspace):
    text = workspace.say("help")
    for sub in (
        "create",
        "add",
        "remove",
        "list",
        "show",
        "archive",
        "standup",
        "checkin",
        "digest",
        "holiday",
    ):
        assert f"/cohort {sub}" in text


def test_ritual_sub_commands_parse_but_are_not_there_yet(workspace):
    workspace.say("create eig7 <#C100>")
    assert "HH:MM" in workspace.say("checkin eig7 time=09h30")
    assert "HH:MM" in workspace.say("standup eig7 time=25:00")
