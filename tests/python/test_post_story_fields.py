"""Post.cluster and Post.story (0.3): the ids naming a post's near-duplicate
cluster and its story. None when not set, through every layer: properties,
the constructor, pickling, dicts, Arrow and pandas, and JSON."""

from __future__ import annotations

import copy
import json
import math
import pickle

import pytest

import digestcore


def story_doc() -> dict:
    return {
        "digestcore": 1,
        "posts": [
            {"id": "w1", "title": "Harbour bridge reopens", "posted_on": "2021-08-17",
             "cluster": "w1", "story": "w1"},
            {"id": "w2", "title": "Harbour bridge reopens (wire copy)", "posted_on": "2021-08-18",
             "cluster": "w1", "story": "w1"},
            {"id": "w3", "title": "Traffic eases after the bridge reopening",
             "posted_on": "2021-08-19", "story": "w1"},
            {"id": "w4", "title": "Unrelated: lighthouse repainted"},
        ],
    }


def story_collection() -> digestcore.Collection:
    return digestcore.Collection.from_json(json.dumps(story_doc()))


# ---- properties ------------------------------------------------------------------


def test_properties_default_to_none():
    p = digestcore.Post("p1")
    assert p.cluster is None and p.story is None
    d = p.to_dict()
    assert d["cluster"] is None and d["story"] is None


def test_constructor_keywords():
    p = digestcore.Post("p1", title="t", cluster="c1", story="s1")
    assert (p.cluster, p.story) == ("c1", "s1")
    # Missing values, as for every optional field.
    for missing in (None, float("nan"), ""):
        q = digestcore.Post("p2", cluster=missing, story=missing)
        assert q.cluster is None and q.story is None
    # The older positional order is unchanged: tags is still the 12th.
    r = digestcore.Post("p3", None, None, None, None, None, None, None, None, None, None, ["x"])
    assert r.tags == ["x"] and r.cluster is None


def test_assign_and_clear():
    p = digestcore.Post("p1")
    p.cluster = "p1"
    p.story = "لحظه"  # any text: ids may be in any script
    assert p.cluster == "p1" and p.story == "لحظه"
    p.cluster = None
    assert p.cluster is None
    p.story = ""
    assert p.story is None
    p.story = float("nan")
    assert p.story is None


def test_bad_values():
    p = digestcore.Post("p1", cluster="keep")
    for bad in (5, b"bytes", ["x"], 1.5):
        with pytest.raises(TypeError):
            p.cluster = bad
        with pytest.raises(TypeError):
            digestcore.Post("p2", story=bad)
    with pytest.raises(digestcore.InvalidArgumentError) as err:
        p.cluster = "bad \ud800 surrogate"
    assert err.value.field == "cluster"
    assert p.cluster == "keep"  # unchanged by the failed assignments


def test_huge_value():
    big = "x" * 1_000_000
    p = digestcore.Post("p1", cluster=big)
    assert p.cluster == big
    c = digestcore.Collection()
    c.add_post(p)
    assert digestcore.Collection.from_json(c.to_json())["p1"].cluster == big


def test_equality_and_copies():
    a = digestcore.Post("p1", cluster="c")
    b = digestcore.Post("p1", cluster="c")
    assert a == b
    b.story = "s"
    assert a != b
    assert copy.copy(b) == b and copy.deepcopy(b) == b and b.copy() == b


def test_live_view_and_read_only_digest_post():
    c = story_collection()
    assert (c["w2"].cluster, c["w2"].story) == ("w1", "w1")
    assert c["w3"].cluster is None and c["w3"].story == "w1"
    view = c["w4"]
    view.cluster = "w4"
    assert c["w4"].cluster == "w4"  # the view changes the collection
    view.story = None
    assert c["w4"].story is None
    frozen = c.digest("2021-W33").sections[0].posts[0]
    assert frozen.story == "w1"  # all three of the week are in story w1
    with pytest.raises(AttributeError):
        frozen.cluster = "x"
    with pytest.raises(AttributeError):
        frozen.story = None


# ---- pickling ----------------------------------------------------------------------


def test_pickle_keeps_them():
    p = digestcore.Post("p1", title="t", cluster="c1", story="s1")
    for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(p, protocol=proto))
        assert back == p and (back.cluster, back.story) == ("c1", "s1")
    empty = pickle.loads(pickle.dumps(digestcore.Post("p2")))
    assert empty.cluster is None and empty.story is None
    c = story_collection()
    assert pickle.loads(pickle.dumps(c)) == c
    d = c.digest("2021-W33")
    back = pickle.loads(pickle.dumps(d))
    assert back == d and back.sections[0].posts[1].cluster == "w1"


def test_older_pickle_state_still_loads():
    # A Post pickled before 0.3: the state tuple without cluster and story.
    p = digestcore.Post("p1", title="t", cluster="c1", story="s1")
    state = p.__getstate__()
    assert len(state) == 15 and state[13:] == ("c1", "s1")
    old = digestcore.Post.__new__(digestcore.Post)
    old.__setstate__(state[:13])
    assert old.title == "t" and old.cluster is None and old.story is None
    # Any other length is foreign.
    for bad in (state[:14], state + ("extra",)):
        q = digestcore.Post.__new__(digestcore.Post)
        with pytest.raises(ValueError):
            q.__setstate__(bad)
    q = digestcore.Post.__new__(digestcore.Post)
    with pytest.raises(TypeError):
        q.__setstate__(state[:13] + (5, "s1"))


# ---- JSON ---------------------------------------------------------------------------


def test_json_round_trip():
    c = story_collection()
    for fmt in ("own", "jsonl"):
        for pretty in (True, False):
            text = c.to_json(fmt, pretty)
            back = digestcore.Collection.from_json(text, format=fmt)
            assert back == c
            assert [(p.cluster, p.story) for p in back] == [
                ("w1", "w1"), ("w1", "w1"), (None, "w1"), (None, None)]
    # Written only when set.
    doc = json.loads(c.to_json())
    assert "cluster" not in doc["posts"][2] and doc["posts"][2]["story"] == "w1"
    assert "cluster" not in doc["posts"][3] and "story" not in doc["posts"][3]
    # A post given them in Python keeps them through JSON.
    mine = digestcore.Collection()
    mine.add_post(digestcore.Post("m1", cluster="m1", story="w1"))
    assert json.loads(mine.to_json())["posts"][0] == {"id": "m1", "cluster": "m1", "story": "w1"}


def test_json_wrong_type_is_a_parse_error_with_position():
    doc = '{"digestcore": 1, "posts": [{"id": "a", "cluster": 3}]}'
    with pytest.raises(digestcore.ParseError) as err:
        digestcore.Collection.from_json(doc)
    assert err.value.code == "wrong type"
    assert err.value.field == "posts[0].cluster"
    assert err.value.offset == doc.index("3")
    with pytest.raises(digestcore.ParseError) as err:
        digestcore.Collection.from_json('{"id": "a"}\n{"id": "b", "story": {}}\n', format="jsonl")
    assert err.value.line == 2 and err.value.field == "story"
    # null is "not set".
    c = digestcore.Collection.from_json('{"posts": [{"id": "a", "cluster": null}]}')
    assert c["a"].cluster is None
    assert c["a"].extra == {}


# ---- Arrow and pandas ------------------------------------------------------------------


def test_to_dicts_and_arrow():
    pa = pytest.importorskip("pyarrow")
    c = story_collection()
    rows = c.to_dicts()
    assert [(r["cluster"], r["story"]) for r in rows] == [
        ("w1", "w1"), ("w1", "w1"), (None, "w1"), (None, None)]
    t = c.to_arrow()
    names = t.column_names
    assert names.index("cluster") == names.index("extra") - 2
    assert names.index("story") == names.index("extra") - 1
    for name in ("cluster", "story"):
        assert t.schema.field(name).type == pa.string() and t.schema.field(name).nullable
    assert t.column("cluster").to_pylist() == ["w1", "w1", None, None]
    assert t.to_pylist() == rows  # to_dicts gives the columns of to_arrow
    assert digestcore.Collection.from_arrow(t) == c
    # A digest's table carries them too.
    week = c.digest("2021-W33").to_arrow()
    assert week.column("story").to_pylist() == ["w1", "w1", "w1"]


def test_pandas_round_trip_and_older_frames():
    pd = pytest.importorskip("pandas")
    c = story_collection()
    df = c.to_pandas()
    assert list(df["cluster"].iloc[:2]) == ["w1", "w1"]
    assert df["cluster"].isna().tolist() == [False, False, True, True]
    assert digestcore.Collection.from_pandas(df) == c
    # A frame from before 0.3 (or one a user made) has no such columns.
    older = df.drop(columns=["cluster", "story"])
    back = digestcore.Collection.from_pandas(older)
    assert [p.cluster for p in back] == [None] * 4 and [p.story for p in back] == [None] * 4
    assert [p.title for p in back] == [p.title for p in c]
    # A user's frame: None, NaN and pandas NA are "not set".
    mine = pd.DataFrame({"id": ["x", "y", "z"], "cluster": ["x", None, math.nan],
                         "story": pd.array(["x", pd.NA, "x"], dtype="string")})
    got = digestcore.Collection.from_pandas(mine)
    assert [(p.cluster, p.story) for p in got] == [("x", "x"), (None, None), (None, "x")]
    # Not text: the error names the column.
    with pytest.raises(digestcore.Error) as err:
        digestcore.Collection.from_pandas(pd.DataFrame({"id": ["x"], "story": [3]}))
    assert err.value.field == "story"
