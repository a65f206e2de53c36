"""digestcore.parse_date, parse_datetime, find_dates, parse_attribution."""

import datetime
import threading

import pytest

import digestcore

D = datetime.date
UTC = datetime.timezone.utc


def tz(minutes: int) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(minutes=minutes))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("August 23 2021", D(2021, 8, 23)),
        ("Aug 28, 2021", D(2021, 8, 28)),
        ("2021/08/29", D(2021, 8, 29)),
        ("Mon, 23 Aug 2021 10:05:00 +0000", D(2021, 8, 23)),
        ("2021-08-23T10:05:00Z", D(2021, 8, 23)),
        ("23 août 2021", D(2021, 8, 23)),
        ("23. August 2021", D(2021, 8, 23)),
        ("23 de agosto de 2021", D(2021, 8, 23)),
        ("۱۹ شهریور ۱۴۰۰", D(2021, 9, 10)),
        ("1400/6/20", D(2021, 9, 11)),
        ("23 أغسطس 2021", D(2021, 8, 23)),
        ("15 محرم 1443 هـ", D(2021, 8, 23)),
        ("1 كانون الثاني 2021", D(2021, 1, 1)),
        ("1 كانون 2 2021", D(2021, 1, 1)),
        ("23 августа 2021 г.", D(2021, 8, 23)),
        ("1er août 2021", D(2021, 8, 1)),
        ("23rd August 2021", D(2021, 8, 23)),
        # no date
        ("1400 people", None),
        ("24/7", None),
        ("version 2.1", None),
        ("+1 202 555 0143", None),
        ("February 30, 2021", None),
        ("۳۲ شهریور ۱۴۰۰", None),
        ("03/04/2021", None),
        ("", None),
        ("today", None),
    ],
)
def test_parse_date(text, expected):
    assert digestcore.parse_date(text) == expected


def test_parse_datetime():
    assert digestcore.parse_datetime("Mon, 23 Aug 2021 10:05:00 +0430") == datetime.datetime(
        2021, 8, 23, 10, 5, 0, tzinfo=tz(270)
    )
    assert digestcore.parse_datetime("2021-08-23T10:05:00Z") == datetime.datetime(
        2021, 8, 23, 10, 5, tzinfo=UTC
    )
    # No time: midnight, naive.
    assert digestcore.parse_datetime("Aug 28, 2021") == datetime.datetime(2021, 8, 28)
    assert digestcore.parse_datetime("August 23, 2021 at 3:15 PM") == datetime.datetime(
        2021, 8, 23, 15, 15
    )
    assert digestcore.parse_datetime("nothing") is None


def test_options():
    assert digestcore.parse_date("03/04/2021", order="DMY") == D(2021, 4, 3)
    assert digestcore.parse_date("03/04/2021", order="MDY") == D(2021, 3, 4)
    assert digestcore.parse_date("23/08/21", order="DMY") == D(2021, 8, 23)
    assert digestcore.parse_date("23 août 2021", languages=["en"]) is None
    assert digestcore.parse_date("23 août 2021", languages=["fr-FR"]) == D(2021, 8, 23)
    assert digestcore.parse_date("23 août 2021", languages="fr") == D(2021, 8, 23)
    assert digestcore.parse_date("23 August", reference=D(2021, 9, 1)) == D(2021, 8, 23)
    assert digestcore.parse_date("23 August", reference="2022-01-05") == D(2021, 8, 23)
    assert digestcore.parse_date("23 August") is None
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.parse_date("03/04/2021", order="XYZ")
    with pytest.raises(ValueError):
        digestcore.parse_date("23 August", reference="not a date")
    with pytest.raises(TypeError):
        digestcore.parse_date(b"2021-08-23")
    with pytest.raises(TypeError):
        digestcore.parse_date("23 August", reference=12)


def test_parser_object_and_detailed():
    p = digestcore.DateParser(languages=["en"], order="MDY")
    assert p.parse_date("03/04/2021") == D(2021, 3, 4)
    assert p.parse_datetime("Aug 28, 2021") == datetime.datetime(2021, 8, 28)
    m = digestcore.parse_date_detailed("03/04/2021")
    assert m.ambiguous and m.value is None and m.date is None
    assert m.readings == [D(2021, 4, 3), D(2021, 3, 4)]
    m = digestcore.parse_date_detailed("  ۱۹ شهریور ۱۴۰۰")
    assert m.calendar == "persian"
    assert m.written == (1400, 6, 19)
    assert m.language == "fa"
    assert (m.start, m.end) == (2, 16)
    assert m.value == D(2021, 9, 10)
    m = digestcore.parse_date_detailed("Friday, August 23, 2021")
    assert m.has_weekday and m.weekday_mismatch
    assert digestcore.parse_date_detailed("no date") is None


def test_find_dates_str_offsets():
    text = "Le 23 août 2021, puis ۱۹ شهریور ۱۴۰۰; 1400 people, 24/7, 03/04/2021."
    found = digestcore.find_dates(text)
    assert [text[m.start : m.end] for m in found] == [
        "23 août 2021",
        "۱۹ شهریور ۱۴۰۰",
        "03/04/2021",
    ]
    assert found[0].value == D(2021, 8, 23)
    assert found[2].ambiguous
    assert digestcore.find_dates("nothing to see, 1400 people") == []


def test_calendars():
    assert digestcore.to_gregorian("persian", 1400, 1, 1) == D(2021, 3, 21)
    assert digestcore.to_gregorian("persian", 1399, 12, 30) == D(2021, 3, 20)
    assert digestcore.to_gregorian("persian", 1400, 12, 30) is None
    assert digestcore.to_gregorian("islamic-umalqura", 1443, 1, 1) == D(2021, 8, 9)
    assert digestcore.from_gregorian(D(2021, 3, 21), "persian") == (1400, 1, 1)
    assert digestcore.from_gregorian(D(2021, 8, 23), "islamic-umalqura") == (1443, 1, 15)
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.to_gregorian("julian", 2021, 1, 1)
    assert "fa" in digestcore.DATE_LANGUAGES


def test_parse_attribution_shapes():
    a = digestcore.parse_attribution(
        "By Jane Doe and John Roe, Harbor Times, August 23, 2021 — Ferries resumed."
    )
    assert a.authors == ["Jane Doe", "John Roe"]
    assert a.outlet == "Harbor Times"
    assert a.place == ""
    assert a.date == D(2021, 8, 23)
    assert a.excerpt == "Ferries resumed."
    assert a.source == ""
    assert a.method == "heuristic"

    line = "مریم احمدی، روزنامه آفتاب شرق، ۱۹ شهریور ۱۴۰۰: متن خبر"
    a = digestcore.parse_attribution(line)
    assert a.authors == ["مریم احمدی"]
    assert a.outlet == "روزنامه آفتاب شرق"
    assert a.date == D(2021, 9, 10)
    assert line[a.outlet_span[0] : a.outlet_span[1]] == a.outlet
    assert [line[s:e] for s, e in a.author_spans] == a.authors
    assert line[a.excerpt_span[0] : a.excerpt_span[1]] == "متن خبر"

    a = digestcore.parse_attribution("وكالة الأنباء الشرقية، بيروت، 23 آب 2021 — نص الخبر")
    assert (a.outlet, a.place, a.date) == ("وكالة الأنباء الشرقية", "بيروت", D(2021, 8, 23))

    a = digestcore.parse_attribution("Mon, 23 Aug 2021 10:05:00 GMT: text")
    assert a.date == datetime.datetime(2021, 8, 23, 10, 5, tzinfo=UTC)

    assert digestcore.parse_attribution("The meeting on Aug 28, 2021 was long.") is None
    assert digestcore.parse_attribution("") is None


def test_parse_attribution_sources():
    line = "Echo du Lac, Annecy, 23 août 2021: Texte"
    heuristic = digestcore.parse_attribution(line)
    assert heuristic.method == "heuristic"
    for sources in (
        {"echo": "Echo du Lac"},
        {"echo": ["Echo du Lac", "EdL"]},
        digestcore.OutletList({"echo": "Echo du Lac"}),
    ):
        a = digestcore.parse_attribution(line, sources=sources)
        assert (a.outlet, a.place, a.source, a.method) == ("Echo du Lac", "Annecy", "echo", "registry")
    outlets = digestcore.OutletList()
    assert outlets.add("echo", "Echo du Lac")
    assert not outlets.add("other", "ECHO DU LAC")
    assert outlets.find("echo du lac") == "echo"
    assert outlets.find("unknown") is None
    assert len(outlets) == 1
    with pytest.raises(TypeError):
        digestcore.parse_attribution(line, sources=[1, 2])


@pytest.mark.skipif(not hasattr(digestcore, "Post"), reason="model bindings not built")
def test_apply_attribution():
    p = digestcore.Post("p1", excerpt="Jane Doe, Harbor Times, Portsmouth, Aug 28, 2021: Text")
    assert digestcore.apply_attribution(p)
    assert p.authors == ["Jane Doe"]
    assert p.source == "Harbor Times"
    assert p.place == "Portsmouth"
    assert p.published_on == D(2021, 8, 28)
    assert p.excerpt.startswith("Jane Doe")
    q = digestcore.Post("p2", body="Harbor Times, Aug 28, 2021: Text")
    assert digestcore.apply_attribution(q, sources={"harbor": "Harbor Times"})
    assert q.source == "harbor"


def test_threads():
    errors = []

    def work():
        for _ in range(200):
            if digestcore.parse_date("۱۹ شهریور ۱۴۰۰") != D(2021, 9, 10):
                errors.append(1)
            if len(digestcore.find_dates("Aug 28, 2021 and 23 août 2021")) != 2:
                errors.append(2)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
