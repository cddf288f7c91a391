"""The cohort model and its rules: names, slugs, zones, languages, countries, dates, look-ups."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from domain.cohorts.model import (
    Cohort,
    MemberProfile,
    Membership,
    NewCohort,
    Role,
    canonical_timezone,
    check_country_code,
    check_lang,
    check_period,
    cohort_key,
    slugify,
    validate_cohort_name,
    validate_new_cohort,
)
from domain.cohorts.rules import (
    channel_not_found,
    require_active,
    require_members,
    require_people,
)
from domain.messages import DomainError

SUPPORTED = {"FR", "BE", "US", "DE"}.__contains__


def cohort(**changes) -> Cohort:
    base = Cohort(1, "eig7", "C1", "Europe/Paris", "fr", "FR", date(2026, 9, 1), date(2027, 6, 30))
    return dataclasses.replace(base, **changes)


# --- the model -------------------------------------------------------------------------------------


def test_role_values():
    assert [role.value for role in Role] == ["fellow", "mentor", "admin"]
    assert Role("mentor") is Role.MENTOR
    assert Role.ADMIN == "admin"


@pytest.mark.parametrize(
    "changes,today,running",
    [
        ({}, date(2026, 8, 31), False),
        ({}, date(2026, 9, 1), True),
        ({}, date(2027, 1, 15), True),
        ({}, date(2027, 6, 30), True),
        ({}, date(2027, 7, 1), False),
        ({"start": None}, date(2000, 1, 1), True),
        ({"end": None}, date(2100, 1, 1), True),
        ({"start": None, "end": None}, date(2026, 1, 1), True),
        ({"archived_at": datetime(2026, 10, 1, tzinfo=UTC)}, date(2026, 9, 15), False),
        (
            {"archived_at": datetime(2026, 10, 1, tzinfo=UTC), "start": None, "end": None},
            date(2026, 1, 1),
            False,
        ),
    ],
)
def test_is_running(changes, today, running):
    assert cohort(**changes).is_running(today) is running


def test_archived():
    assert not cohort().archived
    assert cohort(archived_at=datetime(2026, 1, 1, tzinfo=UTC)).archived


def test_model_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        cohort().name = "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Membership(1, "U1", Role.FELLOW).role = Role.ADMIN


def test_member_profile_falls_back_on_the_cohorts_zone():
    assert MemberProfile("U1", "Ana").timezone_in(cohort()) == "Europe/Paris"
    profile = MemberProfile("U1", "Ana", timezone="America/Cayenne", lang="en")
    assert profile.timezone_in(cohort()) == "America/Cayenne"


# --- slugs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,slug",
    [
        ("Données ouvertes", "donnees-ouvertes"),
        ("  IA_Santé  ", "ia-sante"),
        ("LabIA", "labia"),
        ("a  b__c--d", "a-b-c-d"),
        ("Œuvres d'art", "oeuvres-d-art"),
        ("Straße", "strasse"),
        ("data.gouv.fr", "data-gouv-fr"),
        ("défi #3", "defi-3"),
        ("-lead-", "lead"),
        ("x" * 50, "x" * 40),
        ("a" * 39 + " b", "a" * 39),
        ("déjà-vu", "deja-vu"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["", "   ", "!!!", "日本", "—"])
def test_slugify_refuses_text_without_letters_or_digits(text):
    with pytest.raises(DomainError, match="cannot be a challenge name"):
        slugify(text)


# --- cohort names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,expected",
    [
        ("eig7", "eig7"),
        ("EIG-7", "EIG-7"),
        ("promo_2026.b", "promo_2026.b"),
        ("Généraux", "Généraux"),
        ("Ge\u0301ne\u0301raux", "Généraux"),
        ("  eig7 ", "eig7"),
        ("a" * 40, "a" * 40),
        ("7", "7"),
    ],
)
def test_valid_cohort_names(name, expected):
    assert validate_cohort_name(name) == expected


@pytest.mark.parametrize(
    "name,fragment",
    [
        ("", "Give the cohort's name."),
        ("   ", "Give the cohort's name."),
        ("eig 7", "A cohort name has no spaces"),
        ("eig\u00a07", "A cohort name has no spaces"),
        ("a" * 41, "at most 40 characters"),
        ("eig/7", '"/" is not allowed'),
        ("eig#7", '"#" is not allowed'),
        ("eig=7", '"=" is not allowed'),
        ("<eig>", '"<" is not allowed'),
        ("eig²", '"²" is not allowed'),
    ],
)
def test_invalid_cohort_names(name, fragment):
    with pytest.raises(DomainError) as caught:
        validate_cohort_name(name)
    assert fragment in str(caught.value)


def test_cohort_key_ignores_case_and_unicode_form():
    assert cohort_key("Ge\u0301ne\u0301raux") == cohort_key("GÉNÉRAUX") == cohort_key(" généraux ")


# --- zones, languages, countries, dates ------------------------------------------------------------


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Europe/Paris", "Europe/Paris"),
        ("europe/paris", "Europe/Paris"),
        (" AMERICA/CAYENNE ", "America/Cayenne"),
        ("UTC", "UTC"),
        ("Mars/Olympus", None),
        ("", None),
        ("Paris", None),
    ],
)
def test_canonical_timezone(name, expected):
    assert canonical_timezone(name) == expected


@pytest.mark.parametrize("lang,expected", [("fr", "fr"), ("EN", "en"), (" en ", "en")])
def test_check_lang(lang, expected):
    assert check_lang(lang) == expected


@pytest.mark.parametrize("lang", ["de", "", "french", "fr-FR"])
def test_check_lang_refuses(lang):
    with pytest.raises(DomainError, match="Unknown language"):
        check_lang(lang)


@pytest.mark.parametrize("code,expected", [("FR", "FR"), ("fr", "FR"), (" be ", "BE")])
def test_check_country_code(code, expected):
    assert check_country_code(code) == expected


@pytest.mark.parametrize("code", ["", "F", "FRA", "F1", "É1", "ÉÉ"])
def test_check_country_code_refuses(code):
    with pytest.raises(DomainError, match="Unknown country"):
        check_country_code(code)


def test_check_period():
    check_period(None, None)
    check_period(date(2026, 1, 1), None)
    check_period(None, date(2026, 1, 1))
    check_period(date(2026, 1, 1), date(2026, 1, 1))
    with pytest.raises(DomainError) as caught:
        check_period(date(2026, 1, 2), date(2026, 1, 1))
    assert caught.value.params == {"end": "2026-01-01", "start": "2026-01-02"}


# --- a new cohort ----------------------------------------------------------------------------------


def new(**overrides) -> NewCohort:
    arguments = dict(
        name="eig7",
        tz=None,
        lang=None,
        country=None,
        start=None,
        end=None,
        supported_country=SUPPORTED,
        existing_names=["eig6"],
    )
    arguments.update(overrides)
    return validate_new_cohort(**arguments)


def test_new_cohort_defaults():
    assert new() == NewCohort("eig7", "Europe/Paris", "fr", "FR", None, None)


def test_new_cohort_with_everything():
    created = new(
        name="EIG-8",
        tz="america/new_york",
        lang="EN",
        country="us",
        start=date(2026, 9, 1),
        end=date(2027, 6, 30),
    )
    assert created == NewCohort("EIG-8", "America/New_York", "en", "US", date(2026, 9, 1), date(2027, 6, 30))


def test_new_cohort_takes_the_defaults_given():
    created = validate_new_cohort(
        "x",
        None,
        None,
        None,
        None,
        None,
        SUPPORTED,
        [],
        default_timezone="Europe/Brussels",
        default_lang="en",
        default_country="BE",
    )
    assert (created.timezone, created.lang, created.country) == ("Europe/Brussels", "en", "BE")


@pytest.mark.parametrize(
    "overrides,fragment",
    [
        ({"name": ""}, "Give the cohort's name."),
        ({"name": "eig 7"}, "no spaces"),
        ({"name": "eig6"}, 'A cohort named "eig6" already exists.'),
        ({"name": "EIG6"}, "already exists"),
        ({"existing_names": ["Généraux"], "name": "GE\u0301NE\u0301RAUX"}, "already exists"),
        ({"tz": "Mars/Olympus"}, 'Unknown time zone "Mars/Olympus"'),
        ({"lang": "de"}, 'Unknown language "de"'),
        ({"country": "ZZ"}, 'Unknown country "ZZ"'),
        ({"country": "France"}, 'Unknown country "France"'),
        ({"start": date(2026, 9, 2), "end": date(2026, 9, 1)}, "The end date 2026-09-01 is before"),
    ],
)
def test_new_cohort_mistakes(overrides, fragment):
    with pytest.raises(DomainError) as caught:
        new(**overrides)
    assert fragment in str(caught.value)


# --- look-ups against what is stored ---------------------------------------------------------------


def test_require_active():
    assert require_active(cohort()) == cohort()
    with pytest.raises(DomainError, match="is archived"):
        require_active(cohort(archived_at=datetime(2026, 1, 1, tzinfo=UTC)))


def test_channel_not_found_names_the_channel():
    err = channel_not_found("C9")
    assert err.params == {"channel": "<#C9>"}
    assert "I can't find the channel <#C9>" in str(err)


PROFILES = {
    "U1": MemberProfile("U1", "Ana"),
    "U2": MemberProfile("U2", "Bo"),
    "B1": MemberProfile("B1", "Robot", is_bot=True),
    "U3": MemberProfile("U3", "Gone", deactivated=True),
}


def test_require_people():
    assert [p.user_id for p in require_people(["U1", "U2"], PROFILES)] == ["U1", "U2"]


@pytest.mark.parametrize(
    "user_ids,fragment",
    [
        (["U1", "U404"], "I can't find the Slack user <@U404>."),
        (["B1"], "<@B1> is a bot"),
        (["U3"], "<@U3> is deactivated"),
    ],
)
def test_require_people_refuses(user_ids, fragment):
    with pytest.raises(DomainError) as caught:
        require_people(user_ids, PROFILES)
    assert fragment in str(caught.value)


def test_require_members():
    memberships = [Membership(1, "U1", Role.FELLOW), Membership(2, "U2", Role.FELLOW)]
    assert require_members(cohort(id=1), ["U1", "U1"], memberships) == ["U1"]
    with pytest.raises(DomainError) as caught:
        require_members(cohort(id=1), ["U1", "U2"], memberships)
    assert str(caught.value) == "<@U2> is not a member of eig7."
