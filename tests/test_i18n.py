"""The message catalogs cover the code, and dates and times read right in both languages.

The source is extracted and the .po files are read on every run, so a new `_("…")`, `gettext`,
`N_` or `ngettext` text without a translation fails here, naming the text and its file.
"""

from __future__ import annotations

import re
import string
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from domain.calendar import WEEKDAYS
from domain.messages import DomainError
from handlers import i18n

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "domain", "handlers", "schedules", "storage")
KEYWORDS = {"_": None, "gettext": None, "N_": None, "NP_": (1, 2), "ngettext": (1, 2)}
HOW_TO_FIX = (
    "To add them: pybabel extract -F babel.cfg -k N_ -k NP_:1,2 -o messages.pot . && "
    "pybabel update -i messages.pot -d handlers/locales -D messages --no-fuzzy-matching; then fill each empty "
    "msgstr in handlers/locales/{lang}/LC_MESSAGES/messages.po, or in the feature's own .po file next to it "
    "(in en it may repeat the msgid), and drop any '#, fuzzy'."
)


def _extract() -> tuple[dict[str | tuple[str, ...], list[str]], list[str]]:
    """Every marked text → the files using it; plus the files the extractor could not read."""
    found: dict[str | tuple[str, ...], list[str]] = {}
    unreadable: list[str] = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            where = path.relative_to(ROOT).as_posix()
            try:
                results = extract_from_file("python", path, keywords=KEYWORDS)
            except SyntaxError as error:
                unreadable.append(f"{where}: {error}")
                continue
            for _lineno, message, _comments, _context in results:
                found.setdefault(message, []).append(f"{where}:{_lineno}")
    return found, unreadable


@pytest.fixture(scope="module")
def extracted():
    return _extract()


def _catalog(lang: str) -> Catalog:
    return i18n.read_catalog(lang)


@pytest.fixture(scope="module", params=i18n.LANGUAGES)
def catalog(request) -> tuple[str, Catalog]:
    return request.param, _catalog(request.param)


def _forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _fields(text: str) -> set[str]:
    """Placeholder names of a str.format text; ValueError when its braces are malformed."""
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_the_source_is_readable_by_the_extractor(extracted):
    _found, unreadable = extracted
    assert not unreadable, "The message extractor cannot read:\n" + "\n".join(unreadable)


def test_the_extraction_finds_the_shared_replies(extracted):
    found, _unreadable = extracted
    for message in (i18n.SOMETHING_WENT_WRONG, i18n.NOT_ALLOWED, i18n.UNKNOWN_COMMAND, i18n.DONE):
        assert message in found


def test_babel_cfg_covers_the_extracted_packages():
    sections = re.findall(r"^\[python:\s*(\S+)\]", (ROOT / "babel.cfg").read_text(), flags=re.MULTILINE)
    assert sorted(sections) == sorted(f"{package}/**.py" for package in PACKAGES)


def test_every_marked_text_is_translated(extracted, catalog):
    lang, po = catalog
    found, _unreadable = extracted
    problems = []
    for message, places in found.items():
        entry = po.get(message)
        label = f"{message!r} ({', '.join(places)})"
        if entry is None or isinstance(entry.id, tuple) != isinstance(message, tuple):
            problems.append(f"missing: {label}")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {label}")
        elif not all(_forms(entry.string)):
            problems.append(f"not translated: {label}")
    assert not problems, (
        f"{len(problems)} text(s) lack a {lang} translation:\n  "
        + "\n  ".join(problems)
        + "\n"
        + HOW_TO_FIX.format(lang=lang)
    )


def test_translations_keep_the_placeholders(catalog):
    lang, po = catalog
    problems = []
    for entry in po:
        if not entry.id:
            continue
        try:
            expected = set().union(*(_fields(text) for text in _forms(entry.id)))
            forms = [_fields(text) for text in _forms(entry.string) if text]
        except ValueError as error:
            problems.append(
                f"{entry.id!r}: malformed braces ({error}); write a literal brace as {{{{ or }}}}"
            )
            continue
        if any(not name.isidentifier() for name in expected):
            problems.append(
                f"{entry.id!r}: placeholders must be named, e.g. {{name}}, to be filled by keyword"
            )
        if forms and (any(not form <= expected for form in forms) or set().union(*forms) != expected):
            problems.append(
                f"{entry.id!r}: msgid has {sorted(expected)}, msgstr has {[sorted(f) for f in forms]}"
            )
    assert not problems, f"{lang} catalog:\n  " + "\n  ".join(problems)


def test_catalog_headers(catalog):
    lang, po = catalog
    assert str(po.locale) == lang
    assert not po.fuzzy
    assert po.num_plurals == 2


def test_the_runtime_serves_every_catalog_entry(catalog):
    lang, po = catalog
    for entry in po:
        if entry.id and isinstance(entry.id, str) and entry.string and not entry.fuzzy:
            assert i18n.gettext(entry.id, lang) == entry.string


def test_gettext_translates_and_fills_placeholders():
    assert i18n.gettext(i18n.UNKNOWN_COMMAND, "fr", usage="/cohort help") == (
        "Commande inconnue. Utilisation\u00a0: /cohort help"
    )
    assert (
        i18n.gettext(i18n.UNKNOWN_COMMAND, "en", usage="/cohort help")
        == "Unknown command. Usage: /cohort help"
    )
    assert i18n._(i18n.DONE, "fr") == "C’est fait."
    assert i18n.gettext(i18n.DONE, "en") == "Done."


def test_gettext_without_params_leaves_braces_alone():
    assert i18n.gettext(i18n.UNKNOWN_COMMAND, "en") == "Unknown command. Usage: {usage}"


def test_unknown_language_falls_back_to_french():
    french = i18n.gettext(i18n.NOT_ALLOWED, "fr")
    assert french != i18n.NOT_ALLOWED
    assert i18n.gettext(i18n.NOT_ALLOWED, "de") == french
    assert i18n.gettext(i18n.NOT_ALLOWED, None) == french
    assert i18n.gettext(i18n.NOT_ALLOWED, "en-GB") == i18n.NOT_ALLOWED
    assert i18n.language("FR_fr") == "fr"


def test_a_text_missing_from_the_catalog_shows_its_english_source():
    assert i18n.gettext("Not in any catalog {x}", "fr", x=1) == "Not in any catalog 1"


def test_ngettext_picks_the_form_and_fills_count():
    assert i18n.ngettext("{count} seat left", "{count} seats left", 1, "en") == "1 seat left"
    assert i18n.ngettext("{count} seat left", "{count} seats left", 3, "en") == "3 seats left"


def test_error_text_translates_a_domain_error():
    err = DomainError(i18n.UNKNOWN_COMMAND, usage="/skills add a, b")
    assert i18n.error_text(err, "fr") == "Commande inconnue. Utilisation\u00a0: /skills add a, b"
    assert i18n.error_text(err, "en") == "Unknown command. Usage: /skills add a, b"


def test_catalogs_load_once_across_threads():
    with ThreadPoolExecutor(max_workers=8) as pool:
        texts = set(pool.map(lambda n: i18n.gettext(i18n.DONE, i18n.LANGUAGES[n % 2]), range(64)))
    assert texts == {"C’est fait.", "Done."}


def test_format_date():
    day = date(2026, 3, 29)
    assert i18n.format_date(day, "fr") == "29 mars 2026"
    assert i18n.format_date(day, "en") == "29 March 2026"
    assert i18n.format_date(day, "fr", format="short") == "29/03/2026"
    assert i18n.format_date(day, "en", format="short") == "29/03/2026"
    assert "mars" in i18n.format_date(day, "fr", format="medium")
    assert "Mar" in i18n.format_date(day, "en", format="medium")
    assert i18n.format_date(day, "xx") == "29 mars 2026"


def test_format_time_is_french_in_french_text():
    assert i18n.format_time(time(9, 30), "fr") == "9\u00a0h\u00a030"
    assert i18n.format_time(time(17, 0), "fr") == "17\u00a0h"
    assert i18n.format_time(time(21, 5), "fr") == "21\u00a0h\u00a005"
    assert i18n.format_time("09:30", "fr") == "9\u00a0h\u00a030"


def test_format_time_is_24_hour_in_english():
    assert i18n.format_time(time(9, 30), "en") == "09:30"
    assert i18n.format_time(time(21, 5), "en") == "21:05"
    assert i18n.format_time("17:00", "en") == "17:00"


def test_format_time_of_an_instant_in_a_zone():
    # 29 March 2026 is the day Paris moves to summer time: 07:30 UTC is 09:30 there.
    instant = datetime(2026, 3, 29, 7, 30, tzinfo=UTC)
    assert i18n.format_time(instant, "fr", "Europe/Paris") == "9\u00a0h\u00a030"
    assert i18n.format_time(instant, "en") == "07:30"
    assert i18n.format_time(datetime(2026, 3, 29, 7, 30), "en", "Europe/Paris") == "09:30"


def test_format_datetime_in_the_cohort_zone():
    instant = datetime(2026, 3, 29, 7, 30, tzinfo=UTC)
    assert i18n.format_datetime(instant, "fr", "Europe/Paris") == "29 mars 2026 à 9\u00a0h\u00a030"
    assert i18n.format_datetime(instant, "en", "America/New_York") == "29 March 2026, 03:30"
    assert i18n.format_datetime(instant, "fr", "Pacific/Auckland").startswith("29 mars 2026")
    assert i18n.format_datetime(datetime(2026, 3, 28, 23, 30, tzinfo=UTC), "fr", "Asia/Tokyo").startswith(
        "29 mars"
    )


def test_the_first_of_the_month_is_an_ordinal_in_french():
    first = date(2026, 12, 1)
    assert i18n.format_date(first, "fr", "full") == "mardi 1er décembre 2026"
    assert i18n.format_date(first, "fr") == "1er décembre 2026"
    assert i18n.format_date(first, "fr", "medium") == "1er déc. 2026"
    assert i18n.format_date(first, "fr", "short") == "01/12/2026"
    assert i18n.format_date(first, "fr", "d MMMM") == "1er décembre"
    assert i18n.format_date(date(2026, 12, 11), "fr", "full") == "vendredi 11 décembre 2026"
    assert i18n.format_date(date(2027, 1, 21), "fr") == "21 janvier 2027"
    assert i18n.format_date(first, "en", "full") == "Tuesday, 1 December 2026"
    assert i18n.format_date(first, "en") == "1 December 2026"
    at_nine = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert i18n.format_datetime(at_nine, "fr", "Europe/Paris", "full") == "mardi 1er décembre 2026 à 9\u00a0h"


def test_ranges_write_what_both_ends_share_once():
    assert i18n.format_range(date(2026, 12, 1), date(2026, 12, 5), "fr") == "du 1er au 5 décembre 2026"
    assert (
        i18n.format_range(date(2026, 11, 24), date(2026, 12, 1), "fr")
        == "du 24 novembre au 1er décembre 2026"
    )
    assert i18n.format_range(date(2026, 12, 1), date(2026, 12, 5), "en") == "from 1 to 5 December 2026"
    assert (
        i18n.format_range(date(2026, 11, 24), date(2026, 12, 1), "en")
        == "from 24 November to 1 December 2026"
    )
    assert i18n.format_range(date(2026, 12, 1), date(2026, 12, 1), "fr") == "1er décembre 2026"


def test_ranges_across_a_year_end():
    christmas, new_year = date(2026, 12, 24), date(2027, 1, 1)
    assert i18n.format_range(christmas, new_year, "fr") == "du 24 décembre 2026 au 1er janvier 2027"
    assert i18n.format_range(christmas, new_year, "fr", year=False) == "du 24 décembre au 1er janvier"
    assert i18n.format_range(christmas, new_year, "en") == "from 24 December 2026 to 1 January 2027"
    assert i18n.format_range(christmas, new_year, "en", year=False) == "from 24 December to 1 January"
    assert i18n.format_span(christmas, new_year, "fr") == ("24 décembre 2026", "1er janvier 2027")


def test_a_list_whose_items_hold_commas_is_set_apart_with_middle_dots():
    english = ["Tuesday 1 December, 09:30", "Thursday 3 December, 09:30"]
    french = ["mardi 1er décembre à 9\u00a0h\u00a030", "jeudi 3 décembre à 9\u00a0h\u00a030"]
    assert i18n.join_list(english) == "Tuesday 1 December, 09:30 · Thursday 3 December, 09:30"
    assert (
        i18n.join_list(french) == "mardi 1er décembre à 9\u00a0h\u00a030, jeudi 3 décembre à 9\u00a0h\u00a030"
    )


def test_weekday_names():
    assert [i18n.weekday_name(code, "fr") for code in WEEKDAYS] == [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
    ]
    assert i18n.weekday_name("mon", "en") == "Monday"
    assert i18n.weekday_name("SUN", "en") == "Sunday"
    with pytest.raises(ValueError):
        i18n.weekday_name("monday", "fr")


def test_a_text_is_translated_in_one_catalog_file_only():
    for lang in i18n.LANGUAGES:
        owners: dict[str, str] = {}
        doubles = []
        for path in i18n.po_paths(lang):
            with path.open("rb") as po_file:
                for message in read_po(po_file, locale=lang):
                    if message.id and message.id in owners:
                        doubles.append(f"{message.id!r} in {owners[message.id]} and {path.name}")
                    elif message.id:
                        owners[message.id] = path.name
        assert not doubles, f"{lang}: texts translated twice: " + "; ".join(doubles)
