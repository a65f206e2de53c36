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
        ("۱۴۰۰/۶/۲۰", D(2021, 9, 11)),  # Persian digits: Solar Hijri
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
        ("1400/6/20", None),  # Solar Hijri or Hijri: no evidence, no date
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
    assert a.place is None and a.place_span is None  # absent parts are None
    assert a.date == D(2021, 8, 23)
    assert a.excerpt == "Ferries resumed."
    assert a.source is None
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

    # date is always a date; the time and zone are on datetime.
    a = digestcore.parse_attribution("Mon, 23 Aug 2021 10:05:00 GMT: text")
    assert type(a.date) is D and a.date == D(2021, 8, 23)
    assert a.datetime == datetime.datetime(2021, 8, 23, 10, 5, tzinfo=UTC)

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
    assert p.published_on == datetime.datetime(2021, 8, 28, tzinfo=datetime.timezone.utc)
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


# ---- notebooks: missing values, one type per function, pickling, display --------

MISSING = [None, float("nan")]


@pytest.mark.parametrize("missing", MISSING)
def test_missing_text_gives_none(missing):
    for f in (digestcore.parse_date, digestcore.parse_datetime, digestcore.parse_date_detailed,
              digestcore.find_dates, digestcore.parse_attribution):
        assert f(missing) is None, f
    p = digestcore.DateParser()
    for f in (p.parse_date, p.parse_datetime, p.parse_detailed, p.find_dates):
        assert f(missing) is None
    assert digestcore.OutletList({"echo": "Echo"}).find(missing) is None
    assert digestcore.from_gregorian(missing, "persian") is None


def test_missing_option_values_mean_not_given():
    for missing in MISSING:
        assert digestcore.parse_date("23 août 2021", languages=missing) == D(2021, 8, 23)
        assert digestcore.parse_date("03/04/2021", order=missing) is None
        assert digestcore.parse_date("23 August", reference=missing) is None
        assert digestcore.DateParser(missing, missing, missing) == digestcore.DateParser()
        assert digestcore.DateParser(allow_partial=missing, yearless=missing) == digestcore.DateParser()
        assert digestcore.parse_date("August 2021", allow_partial=missing) is None
        assert digestcore.parse_date("2 January", reference=D(2021, 12, 30),
                                     yearless=missing) == D(2021, 1, 2)
        line = "Echo du Lac, Annecy, 23 août 2021: Texte"
        assert digestcore.parse_attribution(line, sources=missing).method == "heuristic"


def test_pandas_missing_values():
    pd = pytest.importorskip("pandas")
    assert digestcore.parse_date(pd.NA) is None
    assert digestcore.parse_date("23 August", reference=pd.NaT) is None
    assert digestcore.parse_date("23 August", reference=pd.Timestamp("2021-09-01")) == D(2021, 8, 23)
    assert digestcore.from_gregorian(pd.NaT, "persian") is None
    dates = pd.Series(["Aug 28, 2021", None, float("nan"), "no date"]).map(digestcore.parse_date)
    assert dates.tolist()[0] == D(2021, 8, 28) and dates.isna().tolist() == [False, True, True, True]
    # containers are never "missing", though they are unequal to themselves element-wise
    langs = pd.Series(["fr"])
    assert digestcore.parse_date("23 août 2021", languages=langs.to_numpy()) == D(2021, 8, 23)
    assert digestcore.parse_date("23 août 2021", languages=pd.Series(["en"])) is None
    with pytest.raises(TypeError, match="text"):
        digestcore.parse_date(pd.Series(["Aug 28, 2021"]))
    with pytest.raises(TypeError, match="text"):
        digestcore.find_dates(langs.to_numpy())


def test_wrong_types_name_the_argument():
    with pytest.raises(TypeError, match="text"):
        digestcore.parse_date(3)
    with pytest.raises(TypeError, match="text"):
        digestcore.find_dates(b"Aug 28, 2021")
    with pytest.raises(TypeError, match="line"):
        digestcore.parse_attribution(["Harbor Times, Aug 28, 2021: x"])
    with pytest.raises(TypeError, match="order"):
        digestcore.parse_date("03/04/2021", order=1)
    with pytest.raises(TypeError, match="languages"):
        digestcore.parse_date("x", languages=[1])
    with pytest.raises(TypeError, match="reference"):
        digestcore.DateParser(reference=20210901)
    with pytest.raises(TypeError, match="calendar"):
        digestcore.to_gregorian(None, 1400, 1, 1)
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.parse_date("x", reference=D(1200, 1, 1))


@pytest.mark.parametrize(
    "text",
    ["Aug 28, 2021", "Mon, 23 Aug 2021 10:05:00 +0430", "2021-08-23T10:05:00Z",
     "August 23, 2021 at 3:15 PM", "۱۹ شهریور ۱۴۰۰", "15 محرم 1443 هـ"],
)
def test_one_type_per_function(text):
    d = digestcore.parse_date(text)
    assert type(d) is D
    t = digestcore.parse_datetime(text)
    assert type(t) is datetime.datetime and t.date() == d
    # aware exactly when the text gives a zone or offset
    assert (t.tzinfo is not None) == any(z in text for z in ("+0430", "Z"))
    m = digestcore.parse_date_detailed(text)
    assert m.date == d and m.datetime == t


def test_date_match_fields_and_none():
    m = digestcore.parse_date_detailed("03/04/2021")
    assert m.language is None  # numeric: no language
    assert m.value is None and m.date is None and m.datetime is None
    assert "ambiguous" in repr(m) and "2021-04-03" in repr(m)
    m = digestcore.parse_date_detailed("23 août 2021")
    assert m.language == "fr" and not m.ambiguous and m.readings == []


def test_parser_options_are_visible():
    p = digestcore.DateParser(languages="fr", order="dmy", reference="2021-09-01")
    assert (p.languages, p.order, p.reference) == (["fr"], "DMY", D(2021, 9, 1))
    assert (p.allow_partial, p.yearless) == (False, "past")
    assert repr(p) == ("DateParser(languages=['fr'], order='DMY', reference=datetime.date(2021, 9, 1), "
                       "allow_partial=False, yearless='past')")
    q = digestcore.DateParser()
    assert (q.languages, q.order, q.reference, q.allow_partial, q.yearless) == (
        [], None, None, False, "past")
    assert p != q and p == eval(repr(p), {"DateParser": digestcore.DateParser, "datetime": datetime})
    r = digestcore.DateParser(reference=datetime.datetime(2021, 8, 23, 10, 0, 5),
                              allow_partial=True, yearless="nearest")
    assert (r.reference, r.allow_partial, r.yearless) == (
        datetime.datetime(2021, 8, 23, 10, 0, 5), True, "nearest")
    assert type(r.reference) is datetime.datetime
    assert repr(r).endswith(
        "reference=datetime.datetime(2021, 8, 23, 10, 0, 5), allow_partial=True, yearless='nearest')")
    assert r == eval(repr(r), {"DateParser": digestcore.DateParser, "datetime": datetime})
    # Each option counts in ==, the reference's time of day included.
    assert r != digestcore.DateParser(reference=D(2021, 8, 23), allow_partial=True, yearless="nearest")
    assert r != digestcore.DateParser(reference=datetime.datetime(2021, 8, 23, 10, 0, 5),
                                      allow_partial=True)
    assert r != digestcore.DateParser(reference=datetime.datetime(2021, 8, 23, 10, 0, 5),
                                      yearless="nearest")
    assert digestcore.DateParser(yearless="past") == q


def test_pickle_and_deepcopy():
    import copy
    import pickle

    line = "Jane Doe, Harbor Times, Portsmouth, Aug 28, 2021 10:05 +0200:… Ferries resumed."
    objects = [
        digestcore.DateParser(languages=["en", "fr"], order="MDY", reference=D(2021, 9, 1)),
        digestcore.DateParser(),
        digestcore.parse_date_detailed("Friday, August 23, 2021"),
        digestcore.parse_date_detailed("03/04/2021"),
        digestcore.parse_date_detailed("۱۹ شهریور ۱۴۰۰ ساعت ۱۰:۳۰"),
        digestcore.parse_attribution(line, sources={"harbor": "Harbor Times"}),
        digestcore.parse_attribution("03/04/2021: text"),
        digestcore.parse_attribution("A\ud800 B, Echo, Aug 28, 2021: x\udc80"),
        digestcore.OutletList({"echo": ["Echo du Lac", "EdL"], "kavir": "کویر"}),
        digestcore.OutletList(),
    ]
    for obj in objects:
        assert obj is not None
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(obj, protocol))
            assert back == obj and type(back) is type(obj) and repr(back) == repr(obj)
        assert copy.deepcopy(obj) == obj and copy.copy(obj) == obj
    a, b = objects[5], pickle.loads(pickle.dumps(objects[5]))
    assert (b.authors, b.outlet, b.source, b.place, b.date, b.datetime, b.excerpt) == (
        a.authors, a.outlet, a.source, a.place, a.date, a.datetime, a.excerpt)
    assert b.author_spans == a.author_spans and b.outlet_span == a.outlet_span
    assert objects[0] != objects[1] and objects[2] != objects[3] and objects[8] != objects[9]
    outlets = pickle.loads(pickle.dumps(objects[8]))
    assert outlets.find("edl") == "echo" and outlets.find("كوير") == "kavir"
    assert len(outlets) == len(objects[8])
    assert pickle.loads(pickle.dumps(objects[7])).authors == ["A\ud800 B"]


def test_attribution_absent_parts_are_none():
    a = digestcore.parse_attribution("Harbor Times, Aug 28, 2021:")
    assert (a.authors, a.author_spans, a.place, a.place_span) == ([], [], None, None)
    assert (a.excerpt, a.excerpt_span, a.source) == (None, None, None)
    assert a.outlet_span == (0, 12) and a.date_span == (14, 26) and a.header_span == (0, 27)
    a = digestcore.parse_attribution("03/04/2021: text")
    assert a.outlet is None and a.outlet_span is None
    assert a.date is None and a.datetime is None and a.date_ambiguous
    assert a.date_span == (0, 10)  # the ambiguous date is still in the line


def test_attribution_repr_shows_every_part():
    line = "By Jane Doe and John Roe, Harbor Times, Portsmouth, August 23, 2021 — Ferries resumed."
    r = repr(digestcore.parse_attribution(line, sources={"harbor": "Harbor Times"}))
    for part in ("'Jane Doe', 'John Roe'", "outlet='Harbor Times'", "source='harbor'",
                 "place='Portsmouth'", "date=2021-08-23", "excerpt='Ferries resumed.'"):
        assert part in r
    r = repr(digestcore.parse_attribution("Harbor Times, Aug 28, 2021: " + "long " * 100))
    assert "place" not in r and "authors" not in r and "…" in r and len(r) < 200


def test_attribution_html_is_escaped_and_isolated():
    import html.parser

    line = ("<script>alert(1)</script> \"Q\", Times \u202eliam\u202c <img src=x onerror=y>, "
            "Aug 28, 2021: <b>x</b> R&D \u2066\x00 end")
    a = digestcore.parse_attribution(line)
    out = a._repr_html_()
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out and "&quot;Q" in out
    assert "\x00" not in out

    class Cells(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.stack, self.texts = [], [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

        def handle_data(self, data):
            self.texts.append((tuple(self.stack), data))

    p = Cells()
    p.feed(out)
    assert set(p.tags) <= {"table", "tr", "th", "td", "bdi"} and p.stack == []
    # every bidi control sits inside a <bdi>, so it cannot reorder the table
    for stack, data in p.texts:
        if any(c in data for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"):
            assert stack[-1] == "bdi"
    assert ("table", "tr", "td", "bdi") in [s for s, _ in p.texts]
    # a lone surrogate cannot be HTML: U+FFFD
    assert "\ufffd" in digestcore.parse_attribution("A\ud800, Echo, Aug 28, 2021: x")._repr_html_()


def test_outlet_list_hostile():
    with pytest.raises(TypeError, match="sources"):
        digestcore.OutletList("Echo du Lac")
    with pytest.raises(TypeError):
        digestcore.OutletList({1: "Echo"})
    with pytest.raises(TypeError):
        digestcore.OutletList([1, 2])
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.OutletList().add("echo", "Echo\ud800")
    o = digestcore.OutletList([digestcore.Source("echo", "Echo du Lac", aliases=["EdL"])])
    assert len(o) == 3 and o.find("ECHO") == "echo" and o.find("edl") == "echo"
    assert not o.add("other", "!!!") and repr(o) == "<digestcore.OutletList 1 outlet, 3 names>"


def test_huge_and_ill_formed_text():
    big = "x " * 500_000 + "Aug 28, 2021"
    found = digestcore.find_dates(big)
    assert [big[m.start:m.end] for m in found] == ["Aug 28, 2021"]
    text = "\ud800 Aug 28, 2021 \udfff"
    (m,) = digestcore.find_dates(text)
    assert text[m.start:m.end] == "Aug 28, 2021"
    assert digestcore.parse_date("") is None and digestcore.find_dates("") == []


# ---- partial dates, the reference's time, year-less placement, match details ------

REF_TIME = datetime.datetime(2021, 8, 23, 10, 0)  # a Monday, 10:00


def test_allow_partial():
    assert digestcore.parse_date("August 2021") is None
    assert digestcore.parse_date("2021") is None
    assert digestcore.parse_date("August 2021", allow_partial=True) == D(2021, 8, 1)
    assert digestcore.parse_date("2021", allow_partial=True) == D(2021, 1, 1)
    assert digestcore.parse_datetime("August 2021", allow_partial=True) == datetime.datetime(2021, 8, 1)
    m = digestcore.parse_date_detailed("August 2021", allow_partial=True)
    assert m.precision == "month" and m.date == D(2021, 8, 1) and not m.relative
    assert "(month)" in repr(m)
    assert digestcore.parse_date_detailed("2021", allow_partial=True).precision == "year"
    full = digestcore.parse_date_detailed("23 August 2021", allow_partial=True)
    assert full.precision == "day" and "(" not in repr(full)
    assert digestcore.parse_date_detailed("August 2021") is None

    p = digestcore.DateParser(allow_partial=True)
    assert p.parse_date("August 2021") == D(2021, 8, 1)
    assert p.parse_detailed("2021").precision == "year"
    text = "Published in August 2021, updated on 3 September 2021."
    assert [m.precision for m in p.find_dates(text)] == ["month", "day"]
    assert [m.precision for m in digestcore.find_dates(text, allow_partial=True)] == ["month", "day"]
    assert [m.precision for m in digestcore.find_dates(text)] == ["day"]


def test_reference_time_of_day():
    # "3 hours ago" needs the reference's time of day: a datetime gives it.
    assert digestcore.parse_datetime("3 hours ago", reference=REF_TIME) == datetime.datetime(
        2021, 8, 23, 7, 0)
    assert digestcore.parse_datetime("3 hours ago", reference="2021-08-23T10:00:00") == (
        datetime.datetime(2021, 8, 23, 7, 0))
    assert digestcore.parse_datetime("3 hours ago", reference="2021-08-23 10:00") == (
        datetime.datetime(2021, 8, 23, 7, 0))
    # A date alone, or an ISO date, leaves it unset: no date.
    assert digestcore.parse_datetime("3 hours ago", reference=D(2021, 8, 23)) is None
    assert digestcore.parse_datetime("3 hours ago", reference="2021-08-23") is None
    assert digestcore.parse_datetime("3 hours ago") is None
    # Days back need only the date.
    assert digestcore.parse_date("yesterday", reference=D(2021, 8, 23)) == D(2021, 8, 22)
    m = digestcore.parse_date_detailed("3 hours ago", reference=REF_TIME)
    assert m.relative and m.precision == "day"
    assert m.datetime == datetime.datetime(2021, 8, 23, 7, 0)
    assert not digestcore.parse_date_detailed("23 August 2021", reference=REF_TIME).relative
    # Seconds count, microseconds do not (the reference is whole seconds).
    p = digestcore.DateParser(reference=datetime.datetime(2021, 8, 23, 10, 0, 30, 999))
    assert p.parse_datetime("2 hours ago") == datetime.datetime(2021, 8, 23, 8, 0, 30)
    assert p.reference == datetime.datetime(2021, 8, 23, 10, 0, 30)
    # An aware reference: its wall clock.
    aware = datetime.datetime(2021, 8, 23, 10, 0, tzinfo=tz(270))
    assert digestcore.parse_datetime("an hour ago", reference=aware) == datetime.datetime(
        2021, 8, 23, 9, 0)
    found = digestcore.find_dates("Posted 3 hours ago, edited yesterday.", reference=REF_TIME)
    assert [(m.datetime, m.relative) for m in found] == [
        (datetime.datetime(2021, 8, 23, 7, 0), True), (datetime.datetime(2021, 8, 22), True)]


def test_pandas_timestamp_reference_has_a_time():
    pd = pytest.importorskip("pandas")
    # A Timestamp is a datetime: its time of day (midnight here) is given.
    assert digestcore.parse_datetime("3 hours ago", reference=pd.Timestamp("2021-08-23")) == (
        datetime.datetime(2021, 8, 22, 21, 0))
    assert digestcore.parse_datetime("3 hours ago", reference=pd.NaT) is None


def test_yearless_rule():
    assert digestcore.parse_date("20 December", reference=D(2021, 1, 5)) == D(2020, 12, 20)
    assert digestcore.parse_date("2 January", reference=D(2021, 12, 30)) == D(2021, 1, 2)
    assert digestcore.parse_date("2 January", reference=D(2021, 12, 30), yearless="past") == D(2021, 1, 2)
    assert digestcore.parse_date("2 January", reference=D(2021, 12, 30),
                                 yearless="nearest") == D(2022, 1, 2)
    assert digestcore.parse_date("2 January", yearless="nearest") is None  # no reference
    p = digestcore.DateParser(reference=D(2021, 12, 30), yearless="nearest")
    assert p.parse_date("2 January") == D(2022, 1, 2)
    assert p.parse_detailed("2 January").date == D(2022, 1, 2)
    assert [m.date for m in p.find_dates("On 2 January and 20 December.")] == [
        D(2022, 1, 2), D(2021, 12, 20)]
    assert digestcore.parse_datetime("2 January", reference=D(2021, 12, 30),
                                     yearless="nearest") == datetime.datetime(2022, 1, 2)


def test_time_unread_and_zone_named():
    m = digestcore.parse_date_detailed("Sat, 28 Aug 2021 15:15:00 XYZT")
    assert m.time_unread and not m.zone_named
    assert m.date == D(2021, 8, 28) and m.datetime.tzinfo is None  # no offset from XYZT
    m = digestcore.parse_date_detailed("Aug 28, 2021 3:15 p.m. ET")
    assert m.zone_named and not m.time_unread
    assert m.datetime == datetime.datetime(2021, 8, 28, 15, 15, tzinfo=tz(-240))
    m = digestcore.parse_date_detailed("Mon, 23 Aug 2021 10:05:00 +0430")
    assert not m.zone_named and not m.time_unread and not m.relative and m.precision == "day"
    # The fields count in ==.
    a = digestcore.parse_date_detailed("Aug 28, 2021")
    assert a == digestcore.parse_date_detailed("Aug 28, 2021")
    assert digestcore.parse_date_detailed("August 2021", allow_partial=True) != (
        digestcore.parse_date_detailed("1 August 2021"))


def test_new_fields_pickle():
    import copy
    import pickle

    matches = [
        digestcore.parse_date_detailed("August 2021", allow_partial=True),
        digestcore.parse_date_detailed("2021", allow_partial=True),
        digestcore.parse_date_detailed("3 hours ago", reference=REF_TIME),
        digestcore.parse_date_detailed("Sat, 28 Aug 2021 15:15:00 XYZT"),
        digestcore.parse_date_detailed("Aug 28, 2021 3:15 p.m. ET"),
    ]
    parsers = [
        digestcore.DateParser(reference=REF_TIME, allow_partial=True, yearless="nearest"),
        digestcore.DateParser(reference="2021-08-23T10:00:00Z"),
        digestcore.DateParser(yearless="nearest"),
    ]
    for obj in matches + parsers:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(obj, protocol))
            assert back == obj and repr(back) == repr(obj)
        assert copy.deepcopy(obj) == obj
    for m in matches:
        back = pickle.loads(pickle.dumps(m))
        assert (back.precision, back.relative, back.time_unread, back.zone_named) == (
            m.precision, m.relative, m.time_unread, m.zone_named)
    back = pickle.loads(pickle.dumps(parsers[0]))
    assert back.parse_datetime("3 hours ago") == datetime.datetime(2021, 8, 23, 7, 0)
    assert (back.reference, back.allow_partial, back.yearless) == (REF_TIME, True, "nearest")
    assert parsers[1].reference == REF_TIME  # the ISO str's time, without its zone


def test_older_pickled_states_still_load():
    # The states of earlier versions: DateMatch with 9 fields, DateParser with 3.
    m = digestcore.parse_date_detailed("Friday, August 23, 2021")
    old = m.__getstate__()[:9]
    back = digestcore.DateMatch.__new__(digestcore.DateMatch)
    back.__setstate__(old)
    assert back == m and back.precision == "day" and not back.relative
    p = digestcore.DateParser.__new__(digestcore.DateParser)
    p.__setstate__((["en"], "DMY", D(2021, 9, 1)))
    assert p == digestcore.DateParser("en", "DMY", D(2021, 9, 1))
    with pytest.raises(ValueError):
        digestcore.DateParser.__new__(digestcore.DateParser).__setstate__((["en"], None))
    bad = m.__getstate__()[:12] + ("week",)
    with pytest.raises(ValueError, match="precision"):
        digestcore.DateMatch.__new__(digestcore.DateMatch).__setstate__(bad)


def test_new_options_bad_arguments():
    calls = [digestcore.parse_date, digestcore.parse_datetime, digestcore.parse_date_detailed,
             digestcore.find_dates, digestcore.DateParser]
    for f in calls:
        args = () if f is digestcore.DateParser else ("2 January",)
        with pytest.raises(digestcore.InvalidArgumentError, match="yearless") as e:
            f(*args, yearless="future")
        assert isinstance(e.value, ValueError) and e.value.field == "yearless"
        with pytest.raises(ValueError, match="yearless"):
            f(*args, yearless="Nearest ")
        with pytest.raises(TypeError, match="yearless"):
            f(*args, yearless=1)
        with pytest.raises(TypeError, match="allow_partial"):
            f(*args, allow_partial="yes")
        with pytest.raises(TypeError, match="allow_partial"):
            f(*args, allow_partial=1)
        with pytest.raises(TypeError, match="allow_partial"):
            f(*args, allow_partial=[True])
    # Keyword-only.
    with pytest.raises(TypeError):
        digestcore.parse_date("August 2021", None, None, None, True)
    with pytest.raises(TypeError):
        digestcore.DateParser(None, None, None, True)
    # A bad reference, whatever its form.
    with pytest.raises(TypeError, match="reference"):
        digestcore.parse_date("3 hours ago", reference=datetime.time(10, 0))
    with pytest.raises(ValueError, match="reference"):
        digestcore.parse_date("3 hours ago", reference="2021-08-23T25:00:00")
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.parse_date("3 hours ago", reference=datetime.datetime(1200, 1, 1, 10, 0))
    # Explicit defaults are the defaults (the shared parser's fast path).
    assert digestcore.parse_date("Aug 28, 2021", allow_partial=False, yearless=None) == D(2021, 8, 28)


def test_numpy_bool_allow_partial():
    np = pytest.importorskip("numpy")
    assert digestcore.parse_date("August 2021", allow_partial=np.bool_(True)) == D(2021, 8, 1)
    assert digestcore.parse_date("August 2021", allow_partial=np.bool_(False)) is None
    assert digestcore.DateParser(allow_partial=np.True_).allow_partial is True
    with pytest.raises(TypeError, match="allow_partial"):
        digestcore.parse_date("August 2021", allow_partial=np.int64(1))
