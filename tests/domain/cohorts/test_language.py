"""The language to address a person in: their cohort's for anything about it; outside any cohort,
their own Slack language when the bot speaks it, else the program's default."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.cohorts.language import address_language, latest_cohort
from domain.cohorts.model import MemberProfile, Membership, NewCohort, Role
from tests.domain.fakes import Store

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def store() -> Store:
    store = Store()
    for name, lang in (("eig7", "fr"), ("eig8-en", "en")):
        store.cohorts.add(NewCohort(name, "Europe/Paris", lang, "FR", None, None), f"C-{name}", NOW)
    store.profiles.save(MemberProfile("UANA", "Ana", lang="en"))  # Slack in English
    store.profiles.save(MemberProfile("UOUT", "Out", lang="en"))
    store.profiles.save(MemberProfile("UDE", "De", lang="de"))  # a language the bot does not speak
    return store


def _join(store: Store, user_id: str, *names: str) -> None:
    cohorts = [store.cohorts.by_name(name) for name in names]
    store.members.add_many([Membership(c.id, user_id, Role.FELLOW) for c in cohorts], NOW)


def test_a_fellow_whose_slack_is_english_reads_their_french_cohort_in_french(store):
    _join(store, "UANA", "eig7")
    eig7 = store.cohorts.by_name("eig7")
    assert address_language(store, "UANA", "en", eig7) == "fr"
    assert address_language(store, "UANA", "en") == "fr"  # no cohort named: still theirs


def test_anything_about_a_cohort_is_in_its_language_whoever_reads_it(store):
    english = store.cohorts.by_name("eig8-en")
    assert address_language(store, "UNOBODY", "fr", english) == "en"
    assert address_language(store, "UDE", "fr", english) == "en"


def test_outside_any_cohort_the_persons_slack_language_when_the_bot_speaks_it(store):
    assert address_language(store, "UOUT", "fr") == "en"
    assert address_language(store, "UDE", "fr") == "fr"  # German: the default
    assert address_language(store, "UNOBODY", "en") == "en"  # no profile: the default
    assert address_language(store, "UNOBODY", "fr") == "fr"


def test_a_person_in_several_cohorts_is_addressed_in_their_latest_running_one(store):
    _join(store, "UANA", "eig7", "eig8-en")
    assert latest_cohort(store, "UANA") == store.cohorts.by_name("eig8-en")
    assert address_language(store, "UANA", "fr") == "en"
    store.cohorts.archive(store.cohorts.by_name("eig8-en").id, NOW)
    assert address_language(store, "UANA", "en") == "fr"


def test_someone_whose_cohorts_are_all_archived_is_outside_any_cohort(store):
    _join(store, "UOUT", "eig7")
    store.cohorts.archive(store.cohorts.by_name("eig7").id, NOW)
    assert latest_cohort(store, "UOUT") is None
    assert address_language(store, "UOUT", "fr") == "en"
