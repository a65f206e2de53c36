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
    assert repr(p) == "DateParser(languages=['fr'], order='DMY', reference=datetime.date(2021, 9, 1))"
    q = digestcore.DateParser()
    assert (q.languages, q.order, q.reference) == ([], None, None)
    assert p != q and p == eval(repr(p), {"DateParser": digestcore.DateParser, "datetime": datetime})


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
