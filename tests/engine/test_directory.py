"""Reading a school directory: UPN check letters, row-level problems, missing columns."""

from __future__ import annotations

from datetime import date

import pytest

from safesocial.engine.directory import load_directory, parse_people, upn_check_letter, upn_problem
from safesocial.engine.errors import DirectoryError
from tests.conftest import DEMO_DIR

HEADER = "person_id,role,upn,legal_forename,legal_surname,dob,year_group,leaving_date\n"


def test_the_dfe_worked_example_upn_is_valid():
    assert upn_problem("H801200001001") is None
    assert upn_check_letter("H801200001001") == "H"


@pytest.mark.parametrize(
    ("upn", "reason"),
    [
        ("A801200001001", "check letter is 'A' but should be 'H'"),
        ("H80120000100", "13 characters"),
        ("H80120000100I", "not allowed"),
        ("1801200001001", "13 characters"),
    ],
)
def test_bad_upns_are_explained(upn, reason):
    assert reason in (upn_problem(upn) or "")


def test_bad_rows_are_reported_with_row_number_and_reason():
    text = HEADER + (
        "P1,pupil,H801200001001,Ann,Lee,2015-01-01,6,\n"
        "P2,pupil,A801200001001,Bob,Lee,2015-01-01,6,\n"
        "P3,pupil,H801200001001,Cy,Lee,01/02/2015,6,\n"
        "P4,wizard,,Di,Lee,,,\n"
    )
    people, problems = parse_people(text)
    assert [p.person_id for p in people] == ["P1"]
    assert [(p.row, p.reason.split(" (")[0]) for p in problems] == [
        (3, "UPN check letter is 'A' but should be 'H'"),
        (4, "dob '01/02/2015' is not an ISO date"),
        (5, "role 'wizard' is not one of pupil, staff, contact, governor, volunteer, contractor"),
    ]


def test_unknown_la_codes_warn_but_are_accepted():
    upn = "X" + "999" + "2001" + "18" + "101"
    upn = upn_check_letter(upn) + upn[1:]
    people, problems = parse_people(HEADER + f"P1,pupil,{upn},Ann,Lee,2015-01-01,6,\n")
    assert len(people) == 1
    assert [p.level for p in problems] == ["warning"]


def test_a_missing_column_is_an_error_for_the_whole_file():
    with pytest.raises(DirectoryError) as err:
        parse_people("person_id,role,legal_forename\nP1,staff,Ann\n")
    assert err.value.code == "E202"
    assert "legal_surname" in err.value.message


def test_byte_order_mark_and_not_left_sentinel_are_handled():
    people, problems = parse_people("\ufeff" + HEADER + "P1,pupil,H801200001001,Ann,Lee,2015-01-01,6,2079-06-06\n")
    assert not problems
    assert people[0].leaving_date is None
    assert people[0].on_roll(date(2026, 11, 21))


def test_demo_directory_siblings_and_former_pupils():
    directory = load_directory(DEMO_DIR / "oakfield")
    assert not directory.problems
    emily = directory.person("P017")
    on = date(2026, 11, 21)
    assert emily.is_former_pupil(on) and emily.age_on(on) == 12
    assert [p.person_id for p in directory.siblings_of("P017")] == ["P018"]
    assert {p.person_id for p in directory.contacts_of("P018")} == {"C106", "C107"}
