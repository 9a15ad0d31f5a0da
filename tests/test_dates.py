"""Decision dates: the website's month names are read from the table the writer uses;
any other spelling is python-dateutil's to read (``lgo_parse._dates``)."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from lgo_parse._dates import _MONTHS, _OWN_MONTHS, parse_decision_date


def test_the_own_month_names_agree_with_dateutils() -> None:
    from dateutil.parser import parserinfo

    info = parserinfo()
    for name in _MONTHS:
        for written in (name, name.lower(), name.upper()):
            assert _OWN_MONTHS[written.lower()] == info.month(written), written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05 Jan 2022", datetime.date(2022, 1, 5)),  # the website's own spelling
        ("5 sept 2022", datetime.date(2022, 9, 5)),  # dateutil's table: "Sept"
        ("05 September 2022", datetime.date(2022, 9, 5)),
        ("05 Mon 2022", None),  # dateutil's parser would read a weekday; its table does not
        ("31 Feb 2022", None),
        ("1st January 2024", datetime.date(2024, 1, 1)),  # a decision document's date line
        ("22ND Feb. 2023", datetime.date(2023, 2, 22)),
        ("3 March  2021", datetime.date(2021, 3, 3)),  # spaced like a wrapped document
        ("31st Feb 2022", None),
        ("1st 2024", None),
    ],
)
def test_month_names_in_any_spelling(text: str, expected: datetime.date | None) -> None:
    assert parse_decision_date(text) == expected


@pytest.mark.parametrize(
    ("text", "loads_dateutil"), [("05 Jan 2022", False), ("05 September 2022", True)]
)
def test_dateutil_is_imported_only_for_a_spelling_the_website_does_not_use(
    text: str, loads_dateutil: bool
) -> None:
    code = (
        "import sys; from lgo_parse._dates import parse_decision_date; "
        f"assert parse_decision_date({text!r}) is not None; "
        "print('dateutil' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(loads_dateutil)


def test_a_decision_documents_ordinal_date_line_is_its_decision_date() -> None:
    import lgo_parse

    text = (
        "21st March 2024\nComplaint reference: 23 013 577\nComplaint against: Example Council\n"
        "\nThe Ombudsman's final decision\n\nSummary: Mr X complained.\n"
    )
    d = lgo_parse.parse(text)
    assert d.form is lgo_parse.Form.LETTER
    assert d.decision_date == datetime.date(2024, 3, 21)
    assert lgo_parse.render(d) == text
