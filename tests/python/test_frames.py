"""pandas and Arrow interchange, dicts, selections, digests from a
collection, pickling of the model types, and notebook displays."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle

import pytest

import digestcore

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

UTC = dt.timezone.utc


@pytest.fixture
def coll(examples_dir):
    return digestcore.Collection.load(examples_dir / "collection.json")


def small() -> digestcore.Collection:
    doc = {
        "digestcore": 1,
        "sources": [{"id": "north-ledger", "name": "North Ledger", "aliases": ["NL"],
                     "country": "NO", "motto": {"x": [1, 2]}}],
        "posts": [
            {"id": "a", "title": "River talks resume", "posted_on": "2021-08-17T10:15:00+04:30",
             "published_on": "2021-08-16", "authors": ["Lena Marsh", "Omid Rahi"],
             "source": "north-ledger", "tags": ["water", "talks"], "language": "en",
             "rating": 4.5, "flags": {"pinned": True}},
            {"id": "b", "title": "گفت‌وگو درباره رود", "posted_on": "2021-08-18",
             "language": "fa"},
            {"id": "c", "posted_on": "2021-08-19T23:30:00"},
            {"id": "d"},
        ],
    }
    return digestcore.Collection.from_json(json.dumps(doc))


# ---- columns -------------------------------------------------------------------


def test_arrow_schema_and_values():
    t = small().to_arrow()
    assert t.num_rows == 4
    assert t.schema.field("id").type == pa.string() and not t.schema.field("id").nullable
    assert t.schema.field("authors").type == pa.list_(pa.field("item", pa.string(), nullable=False))
    assert t.schema.field("posted_on").type == pa.timestamp("us", tz="UTC")
    assert t.schema.field("posted_on_utc_offset").type == pa.int16()
    rows = t.to_pylist()
    a, b, c, d = rows
    # 10:15 at +04:30 is 05:45 UTC.
    assert a["posted_on"] == dt.datetime(2021, 8, 17, 5, 45, tzinfo=UTC)
    assert a["posted_on_has_time"] is True and a["posted_on_utc_offset"] == 270
    assert a["published_on"] == dt.datetime(2021, 8, 16, tzinfo=UTC)
    assert a["published_on_has_time"] is False and a["published_on_utc_offset"] is None
    assert a["authors"] == ["Lena Marsh", "Omid Rahi"] and a["tags"] == ["water", "talks"]
    assert json.loads(a["extra"]) == {"rating": 4.5, "flags": {"pinned": True}}
    assert b["title"] == "گفت‌وگو درباره رود" and b["url"] is None and b["authors"] == []
    # A time without an offset is read as UTC, and says it had no offset.
    assert c["posted_on"] == dt.datetime(2021, 8, 19, 23, 30, tzinfo=UTC)
    assert c["posted_on_utc_offset"] is None and c["posted_on_has_time"] is True
    assert d["title"] is None and d["posted_on"] is None and d["extra"] is None


def test_to_dicts_equals_arrow_rows_and_post_to_dict():
    c = small()
    assert c.to_dicts() == c.to_arrow().to_pylist()
    assert c["a"].to_dict() == c.to_dicts()[0]


def test_round_trips_are_exact(coll):
    assert digestcore.Collection.from_arrow(coll.to_arrow(), coll.sources_to_arrow()) == coll
    assert digestcore.Collection.from_pandas(coll.to_pandas(), coll.sources_to_pandas()) == coll
    s = small()
    assert digestcore.Collection.from_pandas(s.to_pandas(), s.sources_to_pandas()) == s
    # Through a RecordBatch and a chunked table too.
    t = s.to_arrow()
    assert digestcore.Collection.from_arrow(t.to_batches()[0], s.sources_to_arrow()) == s
    chunked = pa.concat_tables([t.slice(0, 2), t.slice(2)])
    assert digestcore.Collection.from_arrow(chunked, s.sources_to_arrow()) == s


def test_pandas_dtypes(coll):
    df = coll.to_pandas()
    assert str(df["posted_on"].dtype) == "datetime64[us, UTC]"
    assert df["posted_on_has_time"].dtype == bool
    assert str(df["posted_on_utc_offset"].dtype) == "Int16"
    assert isinstance(df["tags"].iloc[0], list)
    assert len(df) == len(coll)


def test_a_users_frame_reads_liberally():
    df = pd.DataFrame({
        "id": ["x1", "x2", "x3"],
        "title": ["One", None, float("nan")],
        "posted_on": pd.to_datetime(["2021-05-01", "2021-05-02 13:45", None], utc=True, format="ISO8601"),
        "tags": [["a"], [], None],
        "published_on": pd.to_datetime(["2021-04-30", None, "2021-05-03"]).tz_localize(None),
    })
    c = digestcore.Collection.from_pandas(df)
    assert c["x1"].title == "One" and c["x2"].title is None and c["x3"].title is None
    # Midnight without a *_has_time column: a date alone.
    assert c["x1"].posted_on_has_time is False
    assert c["x2"].posted_on == dt.datetime(2021, 5, 2, 13, 45, tzinfo=UTC)
    assert c["x2"].posted_on_has_time is True
    assert c["x3"].posted_on is None and c["x3"].tags == []
    assert c["x3"].published_on == dt.datetime(2021, 5, 3, tzinfo=UTC)
    # date32 columns and offsets as floats with NaN (pandas' way with gaps).
    t = pa.table({"id": ["d1", "d2"], "posted_on": pa.array([dt.date(2020, 2, 29), None]),
                  "posted_on_utc_offset": pa.array([210.0, float("nan")])})
    c = digestcore.Collection.from_arrow(t)
    assert c["d1"].posted_on == dt.datetime(2020, 2, 29, tzinfo=UTC)
    assert c["d1"].to_dict()["posted_on_utc_offset"] == 210


def test_bad_tables_name_row_and_column_and_change_nothing():
    c = small()
    before = c.to_json()
    cases = [
        (pa.table({"title": ["no id"]}), "no 'id' column"),
        (pa.table({"id": ["a1", None]}), "row 1, column 'id'"),
        (pa.table({"id": ["z1", "z1"]}), "row 1, column 'id'"),
        (pa.table({"id": ["z1"], "title": [5]}), "column 'title' must be a text column"),
        (pa.table({"id": ["z1"], "score": [1.0]}), "unknown columns 'score'"),
        (pa.table({"id": ["z1"], "posted_on": pa.array([10**15 * 400], pa.timestamp("us"))}),
         "row 0, column 'posted_on'"),
        (pa.table({"id": ["z1"], "posted_on": pa.array([0], pa.timestamp("s")),
                   "posted_on_utc_offset": pa.array([2000], pa.int16())}),
         "posted_on_utc_offset"),
        (pa.table({"id": ["z1"], "extra": ['{"a": ']}), "column 'extra'"),
        (pa.table({"id": ["z1"], "extra": ["[1, 2]"]}), "column 'extra'"),
    ]
    for table, message in cases:
        scratch = digestcore.Collection.from_json(before)
        with pytest.raises(digestcore.Error) as e:
            digestcore.Collection.from_arrow(table)
        assert message in str(e.value), (message, str(e.value))
        assert scratch.to_json() == before
    # A duplicate of an id already in the collection: nothing added.
    with pytest.raises(digestcore.ParseError):
        c._import_arrow(pa.table({"id": ["new", "a"]}).__arrow_c_stream__(), None, False)
    assert c.to_json() == before and "new" not in c
    # Invalid UTF-8 in a binary-typed column is refused by type; in a string
    # column Arrow itself guarantees UTF-8, so build one by viewing bytes.
    raw = pa.array([b"\xff\xfe"], pa.binary()).view(pa.string())
    with pytest.raises(digestcore.Error, match="invalid UTF-8"):
        digestcore.Collection.from_arrow(pa.table({"id": ["u1"], "title": raw}))
    assert digestcore.Collection.from_arrow(
        pa.table({"id": ["k"], "score": [1]}), ignore_unknown_columns=True)["k"].id == "k"
    with pytest.raises(TypeError):
        digestcore.Collection.from_arrow([{"id": "x"}])


def test_empty_and_bidi_values():
    empty = digestcore.Collection()
    assert empty.to_arrow().num_rows == 0 and len(empty.to_pandas()) == 0
    assert digestcore.Collection.from_arrow(empty.to_arrow()) == empty
    p = digestcore.Post("rlo", title="\u202eevil\u202c <script>alert(1)</script>")
    c = digestcore.Collection()
    c.add_post(p)
    assert c.to_arrow().column("title")[0].as_py() == p.title
    page = c._repr_html_() + c["rlo"]._repr_html_()
    assert "<script>" not in page and "\u202e" not in page


def test_digest_table(coll):
    week = coll.digest("2021-W33")
    t = week.to_arrow()
    assert t.column_names[:2] == ["section", "section_heading"]
    assert t.num_rows == len(week)
    assert t.column("id").to_pylist() == [p.id for s in week.sections for p in s.posts]
    back = digestcore.Collection.from_arrow(t)
    assert len(back) == len(week)
    assert len(digestcore.Collection().digest("2021-W01").to_pandas()) == 0


# ---- selections and digests -------------------------------------------------


def test_select_returns_a_collection(coll):
    fa = coll.select(languages="fa")
    assert isinstance(fa, digestcore.Collection)
    assert all(p.language == "fa" for p in fa) and len(fa) > 0
    assert len(fa) == sum(1 for p in coll if p.language == "fa")
    # Sources named by the selected posts come along.
    assert {s.id for s in fa.sources} <= {p.source for p in fa}
    # Dates, ids from a pandas filter, tags; conditions combine.
    df = coll.to_pandas()
    ids = df.loc[df["language"] == "en", "id"]
    en = coll.select(ids=ids)
    assert [p.id for p in en] == list(ids)
    dated = coll.select("2021-08-16", dt.date(2021, 8, 22))
    assert all(dt.date(2021, 8, 16) <= p.digest_date <= dt.date(2021, 8, 22) for p in dated)
    assert len(coll.select(ids=[])) == len(coll)  # an empty list is no condition
    assert len(coll.select(ids=["nope"])) == 0
    with pytest.raises(TypeError):
        coll.select(ids=5)
    # A selection is a copy: changing it leaves the original alone.
    first = next(iter(en))
    en[first.id].title = "changed"
    assert coll[first.id].title != "changed"


def test_digest_of_a_selection_is_one_line(coll):
    week = coll.select(languages="en").digest("2021-W33", title="English, week 33")
    assert week.title == "English, week 33"
    assert all(p.language == "en" for s in week.sections for p in s.posts)
    assert coll.digest("2021-W33") == digestcore.build_digest(coll, "2021-W33")
    span = coll.digest((dt.date(2021, 8, 16), "2021-08-22"))
    assert span.period.first == dt.date(2021, 8, 16)
    with pytest.raises(digestcore.InvalidArgumentError):
        coll.digest(("2021-08-22", "2021-08-16"))
    with pytest.raises(digestcore.ParseError):
        coll.digest("2021-W99")
    with pytest.raises(TypeError):
        coll.digest(33)


def test_summary(coll):
    s = coll.summary()
    assert s["posts"] == len(coll) and s["sources"] == len(coll.sources)
    assert sum(n for _, n in s["by_source"]) == len(coll)
    assert sum(n for _, n in s["by_week"]) + s["undated"] == len(coll)
    counts = [n for _, n in s["by_language"]]
    assert counts == sorted(counts, reverse=True)
    assert s["first"] <= s["last"]
    assert digestcore.Collection().summary()["first"] is None


# ---- pickling ------------------------------------------------------------------


def test_pickle_round_trips(coll):
    s = small()
    for obj in [coll, s, s["a"], s["b"], s.source("north-ledger"), coll.digest("2021-W33"),
                digestcore.iso_week("2021-W33")]:
        for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(obj, protocol=proto))
            assert back == obj and type(back) is type(obj)
        assert copy.deepcopy(obj) == obj
    # A pickled view comes back as a standalone post (no collection).
    view = s["a"]
    back = pickle.loads(pickle.dumps(view))
    assert back.in_collection is False and back.to_dict() == view.to_dict()
    back.title = "mine"
    assert s["a"].title == "River talks resume"
    # A digest's read-only post pickles into an editable one.
    frozen = coll.digest("2021-W33").sections[0].posts[0]
    assert pickle.loads(pickle.dumps(frozen)).read_only is False


def test_pickle_rejects_foreign_state():
    for cls, state in [(digestcore.Post, ("x",)), (digestcore.Source, (1, 2)),
                       (digestcore.Collection, (b"{",)), (digestcore.Period, ("x", "y", "z"))]:
        obj = cls.__new__(cls)
        with pytest.raises((ValueError, TypeError, digestcore.Error)):
            obj.__setstate__(state)


def test_multiprocessing_pool_gets_equal_posts(coll):
    import multiprocessing as mp
    posts = list(coll)[:5]
    with mp.get_context("spawn").Pool(2) as pool:
        titles = pool.map(_title_of, posts)
    assert titles == [p.title for p in posts]


def _title_of(post):
    return post.title


# ---- Post values ----------------------------------------------------------------


def test_post_values_none_and_utc():
    p = digestcore.Post("x", title=float("nan"), posted_on=pd.NaT, place=None, tags=None)
    assert p.title is None and p.posted_on is None and p.place is None and p.tags == []
    assert p.source is None and p.url is None
    p.posted_on = dt.datetime(2021, 8, 17, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=4, minutes=30)))
    assert p.posted_on == dt.datetime(2021, 8, 17, 5, 45, tzinfo=UTC)
    assert p.posted_on.tzinfo is not None and p.posted_on_has_time
    p.posted_on = dt.date(2021, 8, 17)
    assert p.posted_on == dt.datetime(2021, 8, 17, tzinfo=UTC) and not p.posted_on_has_time
    p.posted_on = pd.Timestamp("2021-08-17 12:00", tz="UTC")
    assert p.posted_on == dt.datetime(2021, 8, 17, 12, tzinfo=UTC)
    p.title = pd.NA
    assert p.title is None
    with pytest.raises(TypeError):
        p.title = 5
    s = digestcore.Source("s", name=float("nan"))
    assert s.name is None and s.aliases == [] and s.country is None


def test_reprs(coll):
    p = coll.posts[0]
    r = repr(p)
    assert p.id in r and "digestcore.Post" in r
    assert "posts" in repr(coll) and "digestcore.Digest" in repr(coll.digest("2021-W33"))
    assert "<table" in p._repr_html_()
    html = coll.digest("2021-W33")._repr_html_()
    assert coll.digest("2021-W33").sections[0].heading.split()[0] in html
