"""The batch calls (parse_date_batch, parse_datetime_batch,
parse_attribution_batch, search_key_batch, tag_batch): the same answers as
the per-call functions, element by element, for every input kind; missing in
is missing out; the input's shape, index and name come back; bad elements
are errors naming their index; threads do not change answers."""

from __future__ import annotations

import datetime
import math
import subprocess
import sys
import textwrap

import pytest

import digestcore as dc

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

UTC = datetime.timezone.utc

# ---- data (invented outlets, people and places) -------------------------------------

DATES = [
    "August 23 2021", "Aug 28, 2021", "Monday, August 23, 2021", "23rd August 2021",
    "Mon, 23 Aug 2021 10:05:00 +0000", "Tue, 24 Aug 2021 23:59:59 -0700",
    "2021-08-23T10:05:00+04:30", "2021-08-23T23:30:00-05:00", "2021-08-23 10:05", "2021/08/29",
    "23 août 2021", "lundi 23 août 2021", "1er septembre 2021", "23. August 2021", "23.08.2021",
    "23 de agosto de 2021", "23 agosto 2021", "23 augustus 2021", "23 Ağustos 2021",
    "23 августа 2021", "۱۹ شهریور ۱۴۰۰", "1400/6/20", "23 أغسطس 2021", "٢٣ أغسطس ٢٠٢١",
    "15 محرم 1443 هـ", "23 اگست 2021", "03/04/2021", "13/04/2021", "04/13/2021",
    "August 23", "23 Aug",
    # no date, or an impossible one
    "February 30, 2021", "31 février 2021", "۳۲ شهریور ۱۴۰۰", "1400 people", "version 2.1",
    "open 24/7", "call 555-0143", "", " ", "no date here", "2021-13-01", "Août",
]

LINES = [
    "Lena Marsh, Harbor Street Tribune, Port Avel, August 17, 2021:… The ferry timetable changed.",
    "By Ilan Voss and Mara Quist, Kavir Daily, 18 August 2021 — Water levels rose again.",
    "Harbor Street Tribune, Port Avel, August 19, 2021: A new bridge opened.",
    "Sarvan Courier, 2021-08-20: The council met.",
    "Nadia Orel, Le Veilleur, Port Avel, 21 août 2021 : Le marché a rouvert.",
    "کاویر امروز، ۲۸ مرداد ۱۴۰۰: سطح آب بالا رفت.",
    "No attribution here, just a sentence about the basin.",
    "",
    "Lena Marsh, Harbor Street Tribune, 03/04/2021: an ambiguous date.",
]

KEYS = ["Café ZÜRICH", "Mojāhedin", "مجاهدین", "ٱلْكِتَاب", "١٢٣ Street", "  many   spaces ",
        "!!!", "", "straße", "İstanbul", "ΣΊΣΥΦΟΣ", "Harbor-Street Tribune"]


def mixed(pool: list[str], n: int) -> list[str]:
    """n texts: the pool, and variants of it (prefixes, padding, case)."""
    out = []
    for i in range(n):
        s = pool[i % len(pool)]
        variant = (i // len(pool)) % 4
        if variant == 1:
            s = f"  {s} "
        elif variant == 2:
            s = s.upper()
        elif variant == 3:
            s = s[: max(1, len(s) - 3)]
        out.append(s)
    return out


@pytest.fixture(scope="module")
def gazetteer() -> dc.Gazetteer:
    g = dc.Gazetteer()
    g.add("harbor-tribune", ["Harbor Street Tribune", ("HST", True)])
    g.add("lena-marsh", ["Lena Marsh"])
    g.add("port-avel", ["Port Avel"])
    g.add("kavir", ["Kavir Daily", "کاویر امروز"])
    g.add("sarvan", ["Sarvan basin", "Sarvan"])
    return g


def per_call_tags(g: dc.Gazetteer, text: str | None) -> list[str] | None:
    if text is None:
        return None
    return list(dict.fromkeys(m.entity for m in g.find(text)))


def same_datetimes(a: list, b: list) -> bool:
    """Equal, and with the same offset (== alone ignores it for aware values)."""
    return [(x, x.utcoffset() if x else None) for x in a] == [(y, y.utcoffset() if y else None) for y in b]


def as_utc(v: datetime.datetime | None) -> datetime.datetime | None:
    """A per-call datetime as a column holds it: the instant, naive read as UTC."""
    if v is None:
        return None
    return v.replace(tzinfo=UTC) if v.tzinfo is None else v.astimezone(UTC)


# ---- equal to the per-call functions ----------------------------------------------


@pytest.mark.parametrize("options", [
    {}, {"languages": ["en"]}, {"languages": "fr"}, {"order": "DMY"}, {"order": "MDY"},
    {"reference": datetime.date(2021, 9, 1)}, {"reference": "2020-01-15", "order": "YMD"},
])
def test_dates_equal_per_call(options):
    values = mixed(DATES, 400)
    expected = [dc.parse_date(s, **options) for s in values]
    assert dc.parse_date_batch(values, **options) == expected
    expected_dt = [dc.parse_datetime(s, **options) for s in values]
    got = dc.parse_datetime_batch(values, **options)
    assert same_datetimes(got, expected_dt)
    assert all(type(v) is datetime.datetime for v in got if v is not None)


def test_search_keys_equal_per_call():
    values = mixed(KEYS + DATES + LINES, 500)
    assert dc.search_key_batch(values) == [dc.search_key(s) for s in values]
    assert dc.search_key_batch(values, strict=True) == [dc.search_key(s, strict=True) for s in values]


@pytest.mark.parametrize("sources", [None, {"hst": ["Harbor Street Tribune"], "kavir": "Kavir Daily"}])
def test_attributions_equal_per_call(sources):
    values = mixed(LINES, 300)
    expected = [dc.parse_attribution(s, sources=sources) for s in values]
    got = dc.parse_attribution_batch(values, sources=sources)
    assert got == expected
    for a, b in zip(got, expected):
        if b is not None:
            assert (a.authors, a.outlet, a.source, a.place, a.date, a.excerpt, a.method) == \
                (b.authors, b.outlet, b.source, b.place, b.date, b.excerpt, b.method)
            assert (a.outlet_span, a.date_span, a.excerpt_span) == (b.outlet_span, b.date_span, b.excerpt_span)


def test_attributions_with_an_outlet_list_locked_once():
    outlets = dc.OutletList({"hst": "Harbor Street Tribune"})
    values = mixed(LINES, 100)
    assert dc.parse_attribution_batch(values, sources=outlets) == \
        [dc.parse_attribution(s, sources=outlets) for s in values]


def test_tags_equal_per_call(gazetteer):
    values = mixed(LINES + KEYS, 300) + ["Sarvan Sarvan basin, HST and hst, Lena Marsh, Sarvan"]
    got = dc.tag_batch(values, gazetteer)
    assert got == [per_call_tags(gazetteer, s) for s in values]
    assert got[-1] == ["sarvan", "harbor-tribune", "lena-marsh"]  # unique, first mention first


def test_repeated_texts_share_answers_but_not_lists(gazetteer):
    values = ["Lena Marsh in Port Avel"] * 5 + ["August 23 2021"] * 5
    tags = dc.tag_batch(values, gazetteer)
    assert tags[0] == tags[4] == ["lena-marsh", "port-avel"]
    tags[0].append("mine")  # each list is the caller's own
    assert tags[1] == ["lena-marsh", "port-avel"]
    assert dc.parse_date_batch(values) == [None] * 5 + [datetime.date(2021, 8, 23)] * 5


# ---- input kinds and output shapes ----------------------------------------------------

SAMPLE = ["August 23 2021", None, "23 août 2021", "no date", "", "2021-08-23T10:05:00+04:30"]
SAMPLE_DATES = [dc.parse_date(s) if s is not None else None for s in SAMPLE]
SAMPLE_DATETIMES = [dc.parse_datetime(s) if s is not None else None for s in SAMPLE]


class ArrayOnly:
    """Only the Arrow PyCapsule array interface (as nanoarrow or polars give)."""

    def __init__(self, arr):
        self._arr = arr

    def __arrow_c_array__(self, requested_schema=None):
        return self._arr.__arrow_c_array__(requested_schema)


class StreamOnly:
    def __init__(self, chunked):
        self._chunked = chunked

    def __arrow_c_stream__(self, requested_schema=None):
        return self._chunked.__arrow_c_stream__(requested_schema)


def test_list_and_tuple_give_lists():
    assert dc.parse_date_batch(SAMPLE) == SAMPLE_DATES
    assert dc.parse_date_batch(tuple(SAMPLE)) == SAMPLE_DATES
    assert same_datetimes(dc.parse_datetime_batch(SAMPLE), SAMPLE_DATETIMES)
    assert dc.parse_date_batch(s for s in SAMPLE) == SAMPLE_DATES  # any other iterable


def test_numpy_gives_numpy():
    obj = np.array(SAMPLE, dtype=object)
    d = dc.parse_date_batch(obj)
    assert d.dtype == np.dtype("datetime64[D]")
    assert [None if np.isnat(x) else x.astype(datetime.date) for x in d] == SAMPLE_DATES
    t = dc.parse_datetime_batch(obj)
    assert t.dtype == np.dtype("datetime64[us]")
    assert [None if np.isnat(x) else x.astype(datetime.datetime).replace(tzinfo=UTC) for x in t] == \
        [as_utc(v) for v in SAMPLE_DATETIMES]
    keys = dc.search_key_batch(obj)
    assert keys.dtype == object and list(keys) == [dc.search_key(s) if s is not None else None for s in SAMPLE]
    # fixed-width str arrays (read from their UCS-4 in C++), any shape
    grid = np.array([["August 23 2021", "x"], ["23 août 2021", ""]])
    out = dc.parse_date_batch(grid)
    assert out.shape == (2, 2)
    assert out[0, 0] == np.datetime64("2021-08-23") and np.isnat(out[0, 1]) and np.isnat(out[1, 1])
    assert dc.search_key_batch(grid).tolist() == [["august 23 2021", "x"], ["23 aout 2021", ""]]
    big_endian = np.array(["Café", "Zürich"], dtype=">U6")
    assert dc.search_key_batch(big_endian).tolist() == ["cafe", "zurich"]


def test_numpy_object_outputs(gazetteer):
    obj = np.array(["Lena Marsh, Harbor Street Tribune, August 17, 2021: text", None], dtype=object)
    tags = dc.tag_batch(obj, gazetteer)
    assert tags.dtype == object and tags.shape == (2,)
    assert tags[0] == ["lena-marsh", "harbor-tribune"] and tags[1] is None
    attrs = dc.parse_attribution_batch(obj)
    assert attrs[0] == dc.parse_attribution(obj[0]) and attrs[1] is None


def test_pandas_keeps_index_and_name():
    for dtype in (object, "str"):
        s = pd.Series(SAMPLE, index=["a", "b", "b", "c", "d", "e"], name="published", dtype=dtype)
        d = dc.parse_date_batch(s)
        assert isinstance(d, pd.Series) and d.index.equals(s.index) and d.name == "published"
        assert d.dtype.kind == "M"
        assert [None if pd.isna(x) else x.date() for x in d] == SAMPLE_DATES
        t = dc.parse_datetime_batch(s)
        assert str(t.dtype) == "datetime64[us, UTC]" and t.index.equals(s.index)
        assert [None if pd.isna(x) else x.to_pydatetime() for x in t] == [as_utc(v) for v in SAMPLE_DATETIMES]
        k = dc.search_key_batch(s)
        assert k.dtype == "str" and k.index.equals(s.index) and k.name == "published"
        assert [None if pd.isna(x) else x for x in k] == [dc.search_key(x) if x is not None else None for x in SAMPLE]


def test_pandas_attributions_fill_columns_in_one_line():
    df = pd.DataFrame({"text": LINES}, index=pd.RangeIndex(10, 10 + len(LINES)))
    cols = ["authors", "outlet", "place", "date", "excerpt"]
    df[cols] = dc.parse_attribution_batch(df.text)
    for i, line in zip(df.index, LINES):
        a = dc.parse_attribution(line)
        row = df.loc[i]
        if a is None:
            assert row[cols].isna().all()
            continue
        assert list(row.authors) == a.authors
        assert (None if pd.isna(row.outlet) else row.outlet) == a.outlet
        assert (None if pd.isna(row.place) else row.place) == a.place
        assert (None if pd.isna(row.date) else row.date.date()) == a.date
        assert (None if pd.isna(row.excerpt) else row.excerpt) == a.excerpt
    out = dc.parse_attribution_batch(pd.Series(LINES, name="x", index=list("abcdefghi")))
    assert list(out.columns) == cols and list(out.index) == list("abcdefghi")


def test_pandas_tags_are_arrow_lists(gazetteer):
    s = pd.Series(["Lena Marsh in Port Avel", None, "nothing"], index=[5, 6, 7])
    out = dc.tag_batch(s, gazetteer)
    assert isinstance(out.dtype, pd.ArrowDtype) and list(out.index) == [5, 6, 7]
    assert out.tolist()[0] == ["lena-marsh", "port-avel"] and pd.isna(out.tolist()[1])
    assert out.tolist()[2] == []


@pytest.mark.parametrize("make", [
    lambda v: pa.array(v),
    lambda v: pa.array(v, pa.large_string()),
    lambda v: pa.array(v, pa.string_view()),
    lambda v: pa.chunked_array([v[:2], v[2:3], [], v[3:]]),
    lambda v: pa.array(["pad"] * 3 + v).slice(3),
    lambda v: ArrayOnly(pa.array(v)),
    lambda v: StreamOnly(pa.chunked_array([v[:3], v[3:]])),
])
def test_arrow_gives_pyarrow(make, gazetteer):
    values = make(SAMPLE)
    d = dc.parse_date_batch(values)
    assert d.type == pa.date32() and d.to_pylist() == SAMPLE_DATES
    t = dc.parse_datetime_batch(values)
    assert t.type == pa.timestamp("us", tz="UTC")
    assert t.to_pylist() == [as_utc(v) for v in SAMPLE_DATETIMES]
    k = dc.search_key_batch(values)
    assert pa.types.is_string(k.type) or pa.types.is_large_string(k.type)
    assert k.to_pylist() == [dc.search_key(s) if s is not None else None for s in SAMPLE]
    tags = dc.tag_batch(values, gazetteer)
    assert tags.type == pa.list_(pa.string())
    assert tags.to_pylist() == [per_call_tags(gazetteer, s) for s in SAMPLE]


def test_arrow_large_string_stays_large():
    out = dc.search_key_batch(pa.array(["A", None], pa.large_string()))
    assert out.type == pa.large_string() and out.to_pylist() == ["a", None]


def test_arrow_attributions_are_a_struct():
    out = dc.parse_attribution_batch(pa.array(LINES + [None]))
    assert out.type == pa.struct([("authors", pa.list_(pa.string())), ("outlet", pa.string()),
                                  ("place", pa.string()), ("date", pa.date32()), ("excerpt", pa.string())])
    rows = out.to_pylist()
    assert rows[-1] is None
    for line, row in zip(LINES, rows):
        a = dc.parse_attribution(line)
        if a is None:
            assert row is None
        else:
            assert row == {"authors": a.authors, "outlet": a.outlet, "place": a.place,
                           "date": a.date, "excerpt": a.excerpt}


# ---- missing values --------------------------------------------------------------------

MISSING = [None, float("nan"), np.nan, np.float64("nan"), np.float32("nan"), pd.NA, pd.NaT]


def test_missing_values_in_lists(gazetteer):
    values = ["August 23 2021"] + MISSING
    expected_tail = [None] * len(MISSING)
    assert dc.parse_date_batch(values)[1:] == expected_tail
    assert dc.parse_datetime_batch(values)[1:] == expected_tail
    assert dc.search_key_batch(values)[1:] == expected_tail
    assert dc.tag_batch(values, gazetteer)[1:] == expected_tail
    assert dc.parse_attribution_batch(values)[1:] == expected_tail


def is_missing_out(x) -> bool:
    return x is None or (isinstance(x, (float, np.datetime64)) and pd.isna(x)) or x is pd.NA


def missing_mask(out) -> list[bool]:
    if isinstance(out, pd.DataFrame):
        return out.authors.isna().tolist()
    if isinstance(out, pd.Series):
        return out.isna().tolist()
    if isinstance(out, (pa.Array, pa.ChunkedArray)):
        return out.is_null().to_pylist()
    return [is_missing_out(x) for x in out]


def test_missing_values_in_every_kind(gazetteer):
    # (values, which are missing); "x" is present: a key and a tag list, no date.
    kinds = {
        "numpy object": (np.array(["x", None, np.nan], dtype=object), [False, True, True]),
        "numpy float": (np.array([np.nan, np.nan]), [True, True]),
        "pandas object": (pd.Series(["x", None, np.nan, pd.NA, pd.NaT], dtype=object),
                          [False, True, True, True, True]),
        "pandas str": (pd.Series(["x", None, np.nan], dtype="str"), [False, True, True]),
        "pandas string[python]": (pd.Series(["x", None], dtype=pd.StringDtype("python")), [False, True]),
        "arrow": (pa.array(["x", None]), [False, True]),
        "arrow null type": (pa.nulls(3), [True, True, True]),
        "arrow chunked": (pa.chunked_array([["x"], [None, None]]), [False, True, True]),
    }
    for name, (values, missing) in kinds.items():
        for fn in (dc.search_key_batch, lambda v: dc.tag_batch(v, gazetteer)):
            assert missing_mask(fn(values)) == missing, name
        for fn in (dc.parse_date_batch, dc.parse_datetime_batch, dc.parse_attribution_batch):
            assert all(missing_mask(fn(values))), name  # "x" holds no date, no header


# ---- errors ------------------------------------------------------------------------------


def test_wrong_element_types_name_the_index(gazetteer):
    calls = [dc.parse_date_batch, dc.parse_datetime_batch, dc.search_key_batch,
             dc.parse_attribution_batch, lambda v: dc.tag_batch(v, gazetteer)]
    for fn in calls:
        for bad in (5, b"August 23 2021", ["x"], datetime.date(2021, 8, 23), True):
            with pytest.raises(TypeError, match=r"values\[2\]"):
                fn(["August 23 2021", None, bad])
        with pytest.raises(TypeError, match=r"values\[1\]"):
            fn(np.array(["x", 3], dtype=object))
        with pytest.raises(TypeError, match=r"values\[0\]"):
            fn(pd.Series([7, "x"]))


def test_wrong_input_types(gazetteer):
    for bad in ("August 23 2021", b"bytes", 5, None, pd.DataFrame({"a": ["x"]})):
        with pytest.raises(TypeError):
            dc.parse_date_batch(bad)
    with pytest.raises(TypeError, match="format"):
        dc.parse_date_batch(pa.array([1, 2]))
    with pytest.raises(TypeError, match="dictionary"):
        dc.search_key_batch(pa.array(["a", "b", "a"]).dictionary_encode())
    with pytest.raises(TypeError, match="Gazetteer"):
        dc.tag_batch(["x"], {"a": ["x"]})
    with pytest.raises(TypeError, match="threads"):
        dc.parse_date_batch(["x"], threads="2")
    with pytest.raises(TypeError, match="threads"):
        dc.parse_date_batch(["x"], threads=True)
    with pytest.raises(dc.InvalidArgumentError, match="threads"):
        dc.parse_date_batch(["x"], threads=0)
    with pytest.raises(dc.InvalidArgumentError):
        dc.parse_date_batch(["x"], order="XYZ")
    with pytest.raises(TypeError):
        dc.parse_date_batch(["x"], "en")  # options are keyword-only


def test_lone_surrogates_name_the_index(gazetteer):
    calls = [dc.parse_date_batch, dc.parse_datetime_batch, dc.search_key_batch,
             dc.parse_attribution_batch, lambda v: dc.tag_batch(v, gazetteer)]
    for fn in calls:
        for values in (["ok", None, "bad \ud800 text"], np.array(["ok", "x", "bad \udfff"]),
                       pd.Series(["ok", "x", "\ud83d"], dtype=object)):
            with pytest.raises(dc.InvalidArgumentError, match="surrogate") as e:
                fn(values)
            assert e.value.field == "values[2]"


def test_strict_search_keys_reject_ill_formed_arrow_text():
    bad = pa.Array.from_buffers(pa.string(), 2, [None, pa.py_buffer(np.array([0, 2, 4], np.int32)),
                                                 pa.py_buffer(b"ok\xff\xfe")])
    assert dc.search_key_batch(bad)[0].as_py() == "ok"  # lenient: U+FFFD
    with pytest.raises(dc.ParseError) as e:
        dc.search_key_batch(bad, strict=True)
    assert e.value.field == "values[1]"


def test_empty_inputs(gazetteer):
    assert dc.parse_date_batch([]) == []
    assert dc.parse_datetime_batch(()) == []
    assert dc.search_key_batch([]) == []
    assert dc.tag_batch([], gazetteer) == []
    assert dc.parse_attribution_batch([]) == []
    assert dc.parse_date_batch(np.array([], dtype=object)).dtype == np.dtype("datetime64[D]")
    assert dc.search_key_batch(np.array([], dtype=str)).shape == (0,)
    assert len(dc.parse_date_batch(pd.Series([], dtype="str"))) == 0
    assert dc.parse_attribution_batch(pd.Series([], dtype=object)).shape == (0, 5)
    assert dc.tag_batch(pa.array([], pa.string()), gazetteer).type == pa.list_(pa.string())
    assert len(dc.parse_datetime_batch(pa.chunked_array([], pa.string()))) == 0


# ---- threads -----------------------------------------------------------------------------


def test_large_inputs_split_over_threads_give_the_same_answers(gazetteer):
    # 60,000 texts: over the 20,000 that threads=None splits, with repeats
    # and distinct texts (a counter makes each of half of them unique).
    values = [f"{s} {i}" if i % 2 else s for i, s in enumerate(mixed(DATES + LINES + KEYS, 60000))]
    values[100] = None
    arrow = pa.array(values)
    for fn in (dc.parse_date_batch, dc.parse_datetime_batch, dc.search_key_batch,
               dc.parse_attribution_batch, lambda v, **kw: dc.tag_batch(v, gazetteer, **kw)):
        one = fn(values, threads=1)
        assert fn(values) == one
        assert fn(values, threads=3) == one
        assert fn(arrow, threads=4).equals(fn(arrow, threads=1))
    assert dc.parse_date_batch(values[:5000], threads=64) == dc.parse_date_batch(values[:5000])


def test_the_gc_is_left_as_it_was(gazetteer):
    import gc

    values = ["Lena Marsh in Port Avel"] * 10
    assert gc.isenabled()
    dc.tag_batch(values, gazetteer)
    assert gc.isenabled()
    gc.disable()
    try:
        dc.tag_batch(values, gazetteer)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_any_texts_equal_per_call():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    texts = st.one_of(st.none(), st.sampled_from(DATES + KEYS + LINES),
                      st.text(alphabet="0123456789 /.-:,aAuügtTZ+٠١٢۰۱۲شهریورأغسطس", max_size=24))

    @hypothesis.settings(max_examples=200, deadline=None)
    @hypothesis.given(st.lists(texts, max_size=40))
    def check(values):
        assert dc.parse_date_batch(values) == [dc.parse_date(v) for v in values]
        assert dc.search_key_batch(values) == [dc.search_key(v) if v is not None else None for v in values]
        assert dc.parse_attribution_batch(values) == [dc.parse_attribution(v) for v in values]

    check()


def test_sigint_stops_a_long_batch_and_leaves_the_lock_free():
    from interrupting import interrupted_by_sigint

    outlets = dc.OutletList({"o": "Harbor Street Tribune"})
    lines = [f"Ana Brel, Harbor Street Tribune, Port Avel, August {i % 28 + 1}, 2021: text {i}"
             for i in range(400_000)]
    interrupted = interrupted_by_sigint(lambda: dc.parse_attribution_batch(lines, sources=outlets))
    assert interrupted, "the batch ran to the end despite SIGINT"
    assert outlets.add("k", "Kavir Daily")  # its lock was released
    assert dc.parse_attribution_batch(lines[:3], sources=outlets)[0].outlet == "Harbor Street Tribune"


def test_gazetteer_changed_by_another_thread_while_tagging():
    program = textwrap.dedent("""
        import threading, digestcore as dc
        g = dc.Gazetteer()
        g.add("e0", ["Name 0"])
        texts = [f"Name {i % 300} met Name {(i * 7) % 300}." for i in range(30000)]
        stop = threading.Event()
        def writer():
            i = 1
            while not stop.is_set():
                g.add(f"e{i}", [f"Name {i}"])
                i += 1
        t = threading.Thread(target=writer)
        t.start()
        try:
            for _ in range(15):
                out = dc.tag_batch(texts, g)
                ids = set(g.entity_ids)
                assert all(e in ids for tags in out for e in tags)
        finally:
            stop.set()
            t.join()
        print("ok", len(g))
    """)
    run_child(program)


def test_registry_changed_by_another_thread_while_attributing():
    program = textwrap.dedent("""
        import threading, digestcore as dc
        outlets = dc.OutletList({"o0": "Outlet 0"})
        lines = [f"Ana Brel, Outlet {i % 500}, Port Avel, August {i % 28 + 1}, 2021: text {i}"
                 for i in range(30000)]
        stop = threading.Event()
        def writer():
            i = 1
            while not stop.is_set():
                outlets.add(f"o{i}", f"Outlet {i}")
                i += 1
        t = threading.Thread(target=writer)
        t.start()
        try:
            for _ in range(5):
                out = dc.parse_attribution_batch(lines, sources=outlets)
                assert all(a is not None and a.outlet.startswith("Outlet") for a in out)
        finally:
            stop.set()
            t.join()
        print("ok", len(outlets))
    """)
    run_child(program)


def run_child(program: str) -> None:
    # In a child process, so that a crash fails this test instead of pytest.
    r = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("ok")
