"""The roster CSV: encodings, separators, the header, every row rule, line numbers, all or nothing."""

from __future__ import annotations

import time

import pytest

from domain.cohorts.model import Role
from domain.cohorts.roster import ROSTER_LINE, RosterError, RosterInvalid, RosterRow, parse_roster
from domain.messages import DomainError

BOM = b"\xef\xbb\xbf"


def csv_bytes(*lines: str, newline: str = "\n", bom: bool = False) -> bytes:
    return (BOM if bom else b"") + (newline.join(lines) + newline).encode("utf-8")


def errors_of(data: bytes) -> list[tuple[int, str]]:
    with pytest.raises(RosterInvalid) as caught:
        parse_roster(data)
    return [(error.line, str(error)) for error in caught.value.errors]


# --- reading the file ------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("separator", [",", ";"])
def test_reads_utf8_with_or_without_bom_any_separator_any_newline(bom, newline, separator):
    lines = [
        separator.join(["slack_id", "role", "challenge", "timezone"]),
        separator.join(["U012AB3CD", "fellow", "Données ouvertes", "Europe/Paris"]),
        separator.join(["W0ABC", "MENTOR", "", ""]),
    ]
    rows = parse_roster(csv_bytes(*lines, newline=newline, bom=bom))
    assert rows == [
        RosterRow(2, "U012AB3CD", None, Role.FELLOW, "Données ouvertes", "Europe/Paris"),
        RosterRow(3, "W0ABC", None, Role.MENTOR, None, None),
    ]


def test_semicolon_file_with_commas_in_values():
    data = csv_bytes("email;role;challenge", 'ana@example.org;fellow;"Santé, social"')
    assert parse_roster(data)[0].challenge == "Santé, social"


def test_comma_file_with_quoted_values():
    data = csv_bytes('"email","role","challenge"', '"ana@example.org","fellow","a;b"')
    assert parse_roster(data)[0].challenge == "a;b"


def test_emails_and_header_spellings():
    data = csv_bytes(
        " E-Mail ; ROLE ;Challenge; Time Zone ", " Ana.Lopez@Example.ORG ; Admin ; ; america/cayenne "
    )
    assert parse_roster(data) == [
        RosterRow(2, None, "ana.lopez@example.org", Role.ADMIN, None, "America/Cayenne")
    ]


@pytest.mark.parametrize(
    "cell,expected", [("<@U012AB>", "U012AB"), ("<@U012AB|ana>", "U012AB"), ("u012ab", "U012AB")]
)
def test_slack_id_forms(cell, expected):
    data = csv_bytes("slack_id,role,challenge", f"{cell},fellow,")
    assert parse_roster(data)[0].slack_id == expected


def test_blank_lines_are_skipped_and_lines_keep_their_numbers():
    data = csv_bytes("", "slack_id,role,challenge", "", "U1AB,fellow,x", ",,", "   ", "U2AB,fellow,x", "")
    assert [row.line for row in parse_roster(data)] == [4, 7]


def test_a_quoted_value_over_two_lines_is_numbered_by_its_first_line():
    data = csv_bytes("email,role,challenge", 'a@b.fr,fellow,"two', 'lines"', "bad,fellow,x")
    assert errors_of(data) == [(4, 'Line 4: "bad" is not an e-mail address.')]


def test_missing_trailing_cells_are_empty_and_empty_trailing_cells_are_ignored():
    data = csv_bytes("slack_id,role,challenge,timezone,,", "U1AB,fellow", "U2AB,admin,x,,,")
    assert [(r.role, r.challenge) for r in parse_roster(data)] == [(Role.FELLOW, None), (Role.ADMIN, "x")]


# --- what refuses the whole file -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,fragment",
    [
        ("slack_id,role,challenge\nU1AB,fellow,Donn\xe9es\n".encode("latin-1"), "not UTF-8 text (line 2)"),
        ("slack_id,role,challenge\n".encode("utf-16"), "not UTF-8 text (line 1)"),
        (b"", "The file is empty"),
        (b"\n\n  \n", "The file is empty"),
        (BOM, "The file is empty"),
        (b"slack_id,role,challenge\n", "no one to import"),
        (b"slack_id,role,challenge\n\n,,\n", "no one to import"),
    ],
)
def test_unreadable_or_empty_files(data, fragment):
    with pytest.raises(DomainError) as caught:
        parse_roster(data)
    assert not isinstance(caught.value, RosterInvalid)
    assert fragment in str(caught.value)


@pytest.mark.parametrize(
    "header,messages",
    [
        ("role,challenge", ["The header needs a slack_id or an email column."]),
        ("slack_id,email,role,challenge", ["Use either a slack_id or an email column, not both."]),
        ("slack_id,challenge", ['The header needs a "role" column.']),
        ("slack_id,role", ['The header needs a "challenge" column.']),
        (
            "slack_id,role,challenge,phone",
            [
                'Unknown column "phone": the columns are slack_id or email, role, '
                "challenge and, optionally, timezone."
            ],
        ),
        ("slack_id,role,role,challenge", ['The column "role" appears twice.']),
        (
            "phone;team",
            [
                'Unknown column "phone"',
                'Unknown column "team"',
                "slack_id or an email",
                '"role" column',
                '"challenge" column',
            ],
        ),
    ],
)
def test_header_mistakes_are_on_line_1(header, messages):
    found = errors_of(csv_bytes(header, "U1AB,fellow,x"))
    assert [line for line, _ in found] == [1] * len(messages)
    for message, (_, text) in zip(messages, found, strict=True):
        assert message in text


@pytest.mark.parametrize(
    "row,fragment",
    [
        (",fellow,x", "The slack_id is missing."),
        ("ana,fellow,x", '"ana" is not a Slack user ID such as U012AB3CD.'),
        ("@ana,fellow,x", '"@ana" is not a Slack user ID'),
        ("C0123,fellow,x", '"C0123" is not a Slack user ID'),
        ("U1,fellow,x", '"U1" is not a Slack user ID'),
        ("<#C0123>,fellow,x", "is not a Slack user ID"),
        ("U1AB,,x", "The role is missing."),
        ("U1AB,boss,x", 'Unknown role "boss": use fellow, mentor or admin.'),
        ("U1AB,mentore,x", 'Unknown role "mentore"'),
        ("U1AB,fellow,!!!", '"!!!" cannot be a challenge name'),
        ("U1AB,fellow,x,Mars/Olympus", 'Unknown time zone "Mars/Olympus"'),
        ("U1AB,fellow,x,,surprise", "has a value in column 5, which has no name in the header"),
    ],
)
def test_row_mistakes(row, fragment):
    found = errors_of(csv_bytes("slack_id,role,challenge,timezone", "U0OK,fellow,x", row))
    assert len(found) == 1
    line, text = found[0]
    assert line == 3
    assert text.startswith("Line 3: ")
    assert fragment in text


@pytest.mark.parametrize(
    "email",
    [
        "ana",
        "ana@",
        "@example.org",
        "ana@example",
        "ana lopez@example.org",
        "ana@@example.org",
        "ana@example.org,",
        "<ana@example.org>",
    ],
)
def test_bad_emails(email):
    found = errors_of(csv_bytes("email;role;challenge", f"{email};fellow;x"))
    assert found[0][0] == 2
    assert "is not an e-mail address" in found[0][1]


def test_every_bad_row_is_reported_and_nothing_is_returned():
    data = csv_bytes(
        "email,role,challenge,timezone",
        "ana@example.org,fellow,data,",
        "bad,boss,!!!,Nowhere/Land",
        "bo@example.org,mentor,,",
        ",admin,,",
        "ANA@example.org,mentor,,",
    )
    with pytest.raises(RosterInvalid) as caught:
        parse_roster(data)
    found = [(error.line, error.message) for error in caught.value.errors]
    assert [line for line, _ in found] == [3, 3, 3, 3, 5, 6]
    assert (
        str(caught.value).splitlines()[0]
        == "The roster has mistakes, listed by line below; nothing was imported."
    )
    assert str(caught.value).splitlines()[-1] == "Line 6: ana@example.org is already listed on line 2."


def test_a_duplicate_is_reported_on_its_second_line():
    data = csv_bytes("slack_id;role;challenge", "U1AB;fellow;x", "U2AB;fellow;x", "<@U1AB|ana>;mentor;y")
    assert errors_of(data) == [(4, "Line 4: U1AB is already listed on line 2.")]


def test_a_roster_error_carries_its_message_and_params_for_translation():
    with pytest.raises(RosterInvalid) as caught:
        parse_roster(csv_bytes("slack_id,role,challenge", "U1AB,boss,x"))
    error = caught.value.errors[0]
    assert error == RosterError(2, 'Unknown role "{value}": use fellow, mentor or admin.', {"value": "boss"})
    assert ROSTER_LINE == "Line {line}: {problem}"
    assert isinstance(caught.value, DomainError)


def test_five_thousand_rows_parse_well_under_a_second():
    lines = ["slack_id;role;challenge;timezone"]
    roles = ("fellow", "mentor", "admin")
    zones = ("Europe/Paris", "", "America/Cayenne", "europe/brussels")
    lines += [f"U{i:08d};{roles[i % 3]};Défi n°{i % 40};{zones[i % 4]}" for i in range(5000)]
    data = csv_bytes(*lines, bom=True, newline="\r\n")
    started = time.perf_counter()
    rows = parse_roster(data)
    elapsed = time.perf_counter() - started
    assert len(rows) == 5000
    assert rows[-1] == RosterRow(5001, "U00004999", None, Role.MENTOR, "Défi n°39", "Europe/Brussels")
    assert elapsed < 0.5


def test_five_thousand_bad_rows_are_all_reported_quickly():
    lines = ["email,role,challenge"] + [f"person{i},fellow,x" for i in range(5000)]
    started = time.perf_counter()
    with pytest.raises(RosterInvalid) as caught:
        parse_roster(csv_bytes(*lines))
    assert time.perf_counter() - started < 0.5
    assert [error.line for error in caught.value.errors] == list(range(2, 5002))


@pytest.mark.parametrize(
    "header",
    [
        "Nom;Prénom;E-mail;Rôle;Défi;Fuseau horaire",
        "NOM;PRENOM;COURRIEL;ROLE;DEFI;FUSEAU HORAIRE",
        "nom;prénom;Adresse e-mail;rôle;défi;fuseau_horaire",
    ],
)
def test_french_headers_read_like_english_ones(header):
    data = csv_bytes(
        header,
        "Ba;Awa;awa.ba@example.sn;Admin;;Africa/Dakar",
        "Diop;Ana;ana@example.sn;fellow;Santé;",
        bom=True,
    )
    assert parse_roster(data) == [
        RosterRow(2, None, "awa.ba@example.sn", Role.ADMIN, None, "Africa/Dakar"),
        RosterRow(3, None, "ana@example.sn", Role.FELLOW, "Santé", None),
    ]


def test_names_are_left_aside_but_a_column_without_a_name_still_is_a_mistake():
    data = csv_bytes("Nom,slack_id,role,challenge", "Ba,U1AB,fellow,x,oops")
    assert errors_of(data) == [
        (
            2,
            ROSTER_LINE.format(
                line=2, problem="This row has a value in column 5, which has no name in the header."
            ),
        )
    ]
