"""Stories and near duplicates from Python (bindings/python/src/stories.cpp):
minhash, lsh_clusters, cluster_near_duplicates, near_duplicates,
Collection.clusters / near_duplicates / stories and NearDuplicateIndex.

The texts are made-up words from our own syllables; variants replace a few
words of a text with new ones."""

import copy
import datetime
import os
import pickle
import random
import threading
import time

import pytest

import digestcore

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy is optional
    np = None

needs_numpy = pytest.mark.skipif(np is None, reason="minhash and lsh_clusters need NumPy")

SYLLABLES = ["ka", "lo", "mir", "sen", "tu", "var", "del", "ost", "ran", "pi",
             "zel", "mo", "qa", "ne", "sho", "bri", "an", "dur", "fel", "gi"]


def made_up(seed, words=150):
    """A text of `words` invented words; the same seed gives the same text."""
    rng = random.Random(seed)
    out = []
    for i in range(words):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        out.append(word + ("." if i % 12 == 11 else ""))
    return " ".join(out) + "."


def substituted(text, every, offset=3):
    """`text` with every `every`-th word (from `offset`) replaced by a new one."""
    words = text.split(" ")
    return " ".join(f"novaword{i}" if i % every == offset else w for i, w in enumerate(words))


def families(n, seed=100):
    """n texts, each followed by two variants (5% and 8% of words replaced)."""
    texts = []
    for s in range(n):
        base = made_up(seed + s)
        texts += [base, substituted(base, 20), substituted(base, 12, 5)]
    return texts


def assert_partition(clusters, n):
    seen = [m for c in clusters for m in c]
    assert sorted(seen) == list(range(n))
    for c in clusters:
        assert c and c == sorted(c)
    assert [c[0] for c in clusters] == sorted(c[0] for c in clusters)


# ---- cluster_near_duplicates and near_duplicates ------------------------------------

def test_variants_cluster_and_unrelated_texts_do_not():
    texts = families(15)
    clusters = digestcore.cluster_near_duplicates(texts)
    assert clusters == [[3 * c, 3 * c + 1, 3 * c + 2] for c in range(15)]
    assert_partition(clusters, len(texts))
    # Unrelated texts alone: all singletons.
    lone = [made_up(900 + s) for s in range(20)]
    assert digestcore.cluster_near_duplicates(lone) == [[i] for i in range(20)]


def test_near_duplicates_explains_each_cluster():
    texts = families(6)
    r = digestcore.near_duplicates(texts, 0.8)
    assert isinstance(r, digestcore.DuplicateResult)
    assert len(r) == 6 and len(r.clusters) == 6
    assert [c.members for c in r.clusters] == digestcore.cluster_near_duplicates(texts, 0.8)
    for k, c in enumerate(r.clusters):
        assert len(c) == 3
        # Undated: the longest text (the variants' new words are longer).
        assert c.representative == max(c.members, key=lambda i: (len(texts[i]), -i))
        assert len(c.pairs) == len(c.members) - 1
        for p in c.pairs:
            assert p.a in c.members and p.b in c.members and p.a < p.b
            assert p.rule == "near_duplicate"
            assert p.verified >= 0.8
            assert abs(p.estimated - p.verified) < 0.2
            assert repr(p).startswith(f"<digestcore.JoinedPair {p.a}-{p.b} near_duplicate")
        assert repr(c) == f"<digestcore.Cluster 3 members, representative {c.representative}>"
        assert all(r.cluster_of[i] == k for i in c.members)
    assert len(r.cluster_of) == len(texts)
    stats = r.stats
    assert set(stats) == {"bands", "rows", "candidate_pairs", "verified_pairs", "boilerplate_sentences"}
    assert stats["bands"] * stats["rows"] <= 128
    assert stats["verified_pairs"] >= 12 and stats["candidate_pairs"] >= stats["verified_pairs"]
    assert repr(r) == "<digestcore.DuplicateResult 6 clusters of 18 texts>"
    # Pairs compare by value; the result outlives the cluster objects' source.
    pairs = r.clusters[0].pairs
    del r
    assert pairs == list(pairs) and pairs[0] != "x"


def test_exact_copies_and_the_earliest_dated_representative():
    t = made_up(5, 60)
    texts = [t, "UNRELATED " + made_up(6, 60), t, t]
    dates = [None, None, datetime.date(2021, 8, 20), "2021-08-18"]
    r = digestcore.near_duplicates(texts, dates=dates)
    assert [c.members for c in r.clusters] == [[0, 2, 3], [1]]
    assert r.clusters[0].representative == 3
    assert {p.rule for p in r.clusters[0].pairs} == {"exact"}
    assert r.clusters[1].pairs == []


def test_window_days_keeps_late_repeats_apart():
    t = made_up(9, 80)
    dates = [datetime.date(2021, 8, 1), datetime.datetime(2021, 8, 3, 12, 0),
             "2021-09-30"]
    assert digestcore.cluster_near_duplicates([t] * 3, window_days=7, dates=dates) == [[0, 1], [2]]
    assert digestcore.cluster_near_duplicates([t] * 3, dates=dates) == [[0, 1, 2]]
    # Undated texts meet every text; NaN and None are undated.
    assert digestcore.cluster_near_duplicates(
        [t] * 3, window_days=7, dates=[None, float("nan"), "2021-09-30"]) == [[0, 1, 2]]
    assert digestcore.cluster_near_duplicates([t] * 2, window_days=0, dates=["2021-08-01"] * 2) == [[0, 1]]
    with pytest.raises(digestcore.InvalidArgumentError) as e:
        digestcore.cluster_near_duplicates([t] * 3, window_days=7, dates=dates[:2])
    assert e.value.field == "dates"
    with pytest.raises(TypeError, match=r"dates\[1\]"):
        digestcore.cluster_near_duplicates([t] * 2, dates=["2021-08-01", 20210801])
    with pytest.raises(digestcore.ParseError):
        digestcore.cluster_near_duplicates([t] * 2, dates=["2021-08-01", "last week"])
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.cluster_near_duplicates([t], window_days=-1)
    with pytest.raises(TypeError):
        digestcore.cluster_near_duplicates([t], window_days=1.5)


def test_boilerplate_of_one_source_does_not_join_posts():
    head = "Valley Courier staff report — "
    foot = "\nFollow the Valley Courier for daily updates from the river towns and the hills."
    texts = [head + made_up(300 + s, 5) + foot for s in range(6)]
    sources = ["valley-courier"] * 6
    r = digestcore.near_duplicates(texts, 0.5, sources=sources)
    assert len(r.clusters) == 6
    assert r.stats["boilerplate_sentences"] >= 2
    without = digestcore.cluster_near_duplicates(texts, 0.5, sources=sources, boilerplate_min_texts=0)
    assert len(without) < 6
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.cluster_near_duplicates(texts, sources=sources[:3])
    with pytest.raises(TypeError, match=r"sources\[0\]"):
        digestcore.cluster_near_duplicates(texts[:1], sources=[7])


def test_threads_do_not_change_the_answer():
    texts = families(8)
    assert (digestcore.cluster_near_duplicates(texts, threads=1)
            == digestcore.cluster_near_duplicates(texts, threads=2)
            == digestcore.cluster_near_duplicates(texts))
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.cluster_near_duplicates(texts, threads=0)
    with pytest.raises(TypeError):
        digestcore.cluster_near_duplicates(texts, threads="2")


# ---- minhash and lsh_clusters -------------------------------------------------------

@needs_numpy
def test_minhash_shape_dtype_and_determinism():
    texts = families(3)
    a = digestcore.minhash(texts)
    assert isinstance(a, np.ndarray)
    assert a.shape == (9, 128) and a.dtype == np.uint32 and a.flags.c_contiguous
    assert (digestcore.minhash(texts, seed=1) == a).all()
    assert (digestcore.minhash(tuple(texts), threads=1) == digestcore.minhash(iter(texts), threads=2)).all()
    other = digestcore.minhash(texts, seed=7)
    assert not (other == a).all()
    small = digestcore.minhash(texts, permutations=16, seed=2**64 - 1)
    assert small.shape == (9, 16)
    # Row agreement estimates similarity: a family agrees far more than strangers.
    assert (a[0] == a[1]).mean() > 0.7
    assert (a[0] == a[3]).mean() < 0.2
    empty = digestcore.minhash([])
    assert empty.shape == (0, 128) and empty.dtype == np.uint32
    # A text without words (empty, missing, punctuation) matches nothing.
    rows = digestcore.minhash(["", None, float("nan"), "!!! ..."])
    assert (rows == 0xFFFFFFFF).all()


@needs_numpy
def test_minhash_takes_numpy_pandas_and_arrow_columns():
    texts = families(2)
    want = digestcore.minhash(texts)
    assert (digestcore.minhash(np.array(texts)) == want).all()
    assert (digestcore.minhash(np.array(texts, dtype=object)) == want).all()
    pd = pytest.importorskip("pandas")
    s = pd.Series(texts + [None], index=range(10, 17))
    got = digestcore.minhash(s)
    assert (got[:6] == want).all() and (got[6] == 0xFFFFFFFF).all()
    pa = pytest.importorskip("pyarrow")
    assert (digestcore.minhash(pa.array(texts)) == want).all()
    assert (digestcore.minhash(pa.chunked_array([texts[:2], texts[2:]])) == want).all()


@needs_numpy
def test_lsh_clusters_on_stacked_signatures_equals_the_text_clusters():
    texts = []
    for s in range(10):
        base = made_up(500 + s, 120)
        texts += [base, substituted(base, 25)]
    # Two "machines" each sign half; the stacked matrix clusters like the texts.
    first = digestcore.minhash(texts[:10])
    second = digestcore.minhash(texts[10:])
    stacked = np.vstack([first, second])
    clusters = digestcore.lsh_clusters(stacked, 0.8)
    assert_partition(clusters, len(texts))
    assert clusters == digestcore.cluster_near_duplicates(texts, 0.8)
    assert len(clusters) == 10
    # Any layout and byte order of uint32 is read; explicit bands and rows too.
    assert digestcore.lsh_clusters(np.asfortranarray(stacked), 0.8) == clusters
    assert digestcore.lsh_clusters(stacked.astype(">u4"), 0.8) == clusters
    assert digestcore.lsh_clusters(stacked[::-1][::-1], 0.8) == clusters
    assert digestcore.lsh_clusters(stacked, 0.8, bands=32, rows=4) == clusters
    assert digestcore.lsh_clusters(np.zeros((0, 128), np.uint32)) == []
    # Rows of 0xFFFFFFFF (empty texts) stay alone.
    blank = np.full((3, 128), 0xFFFFFFFF, np.uint32)
    assert digestcore.lsh_clusters(blank) == [[0], [1], [2]]


@needs_numpy
def test_lsh_clusters_rejects_what_is_not_a_signature_matrix():
    sig = digestcore.minhash(families(1))
    with pytest.raises(digestcore.InvalidArgumentError, match="2-D"):
        digestcore.lsh_clusters(sig[0])
    with pytest.raises(digestcore.InvalidArgumentError, match="2-D"):
        digestcore.lsh_clusters(sig[None, :, :])
    with pytest.raises(TypeError, match="int64"):
        digestcore.lsh_clusters(sig.astype(np.int64))
    with pytest.raises(TypeError, match="uint32"):
        digestcore.lsh_clusters(sig.tolist())
    with pytest.raises(TypeError):
        digestcore.lsh_clusters("signatures")
    with pytest.raises(TypeError):
        digestcore.lsh_clusters(sig.astype(np.float32))
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.lsh_clusters(sig, 0)
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.lsh_clusters(sig, 1.5)
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.lsh_clusters(sig, float("nan"))
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.lsh_clusters(sig, bands=8)  # rows missing
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.lsh_clusters(sig, bands=64, rows=4)  # 256 > 128 permutations
    for bands, rows in ((0, 4), (4, 0), (-1, 4)):
        with pytest.raises(digestcore.InvalidArgumentError):
            digestcore.lsh_clusters(sig, bands=bands, rows=rows)
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.lsh_clusters(np.zeros((2, 0), np.uint32))
    with pytest.raises(TypeError):
        digestcore.lsh_clusters(sig, True)


@needs_numpy
def test_minhash_releases_the_gil():
    texts = [made_up(s, 200) for s in range(4000)]
    t0 = time.perf_counter()
    digestcore.minhash(texts, threads=1)
    alone = time.perf_counter() - t0
    ticks = 0
    done = threading.Event()

    def work():
        digestcore.minhash(texts, threads=1)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    # With the GIL held for the whole call this loop could not run meanwhile.
    assert alone > 0.05 and ticks > 1000, (ticks, alone)


# ---- hostile input -------------------------------------------------------------------

def test_hostile_texts():
    assert digestcore.cluster_near_duplicates([]) == []
    assert len(digestcore.near_duplicates([])) == 0
    # Empty texts have no words: they never join, not even each other.
    assert digestcore.cluster_near_duplicates(["", "", None]) == [[0], [1], [2]]
    bidi = "\u202e\u2066" + made_up(1, 40) + "\u2069\u200f"
    huge = "a" * 2_000_000
    texts = [bidi, made_up(1, 40), huge, "a b c", "a b c", "\x00"]
    clusters = digestcore.cluster_near_duplicates(texts)
    assert_partition(clusters, len(texts))
    assert [0, 1] in clusters and [3, 4] in clusters
    with pytest.raises(digestcore.InvalidArgumentError) as e:
        digestcore.cluster_near_duplicates(["fine", "bad \ud800 text"])
    assert e.value.field == "texts[1]"
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.minhash(["\udfff"])
    with pytest.raises(TypeError, match=r"texts\[2\]"):
        digestcore.cluster_near_duplicates(["a", "b", 3])
    with pytest.raises(TypeError, match=r"texts\[0\]"):
        digestcore.minhash([b"bytes"])
    for bad in ("one str", b"bytes", None, 42):
        with pytest.raises(TypeError):
            digestcore.cluster_near_duplicates(bad)
        with pytest.raises(TypeError):
            digestcore.minhash(bad)


@pytest.mark.parametrize("kwargs", [
    {"threshold": 0}, {"threshold": 1.5}, {"threshold": -0.1}, {"threshold": float("nan")},
    {"permutations": 0}, {"permutations": 1025}, {"permutations": -3}, {"seed": -1},
    {"seed": 2**64}, {"boilerplate_min_texts": -1}, {"threads": 0}, {"threads": -2},
])
def test_bad_options_are_invalid_arguments(kwargs):
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.near_duplicates(["a b c"], **kwargs)


@pytest.mark.parametrize("kwargs", [
    {"threshold": "0.8"}, {"threshold": None}, {"threshold": True}, {"permutations": 12.0},
    {"seed": "1"}, {"seed": 1.0}, {"boilerplate_min_texts": None},
])
def test_options_of_the_wrong_type_are_type_errors(kwargs):
    with pytest.raises(TypeError):
        digestcore.near_duplicates(["a b c"], **kwargs)


@needs_numpy
def test_minhash_options():
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.minhash(["a"], permutations=0)
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.minhash(["a"], permutations=5000)
    with pytest.raises(digestcore.InvalidArgumentError):
        digestcore.minhash(["a"], threads=0)
    assert digestcore.minhash(["a"], permutations=1024).shape == (1, 1024)
    assert digestcore.minhash(["a"], permutations=np.int64(3), seed=np.uint64(5)).shape == (1, 3)


# ---- collections ---------------------------------------------------------------------

def small_collection():
    body = made_up(42, 120)
    coll = digestcore.Collection()
    for i in range(3):
        coll.add_post(digestcore.Post(
            f"p{i}",
            title="Something else entirely" if i == 2 else "Harbour gates reopen",
            body=made_up(43, 120) if i == 2 else body,
            source=f"s{i}",
            posted_on=datetime.date(2021, 8, 10 - i)))
    return coll


def test_collection_clusters_and_near_duplicates():
    coll = small_collection()
    assert coll.clusters() == [["p1", "p0"], ["p2"]]  # p1 is a day earlier
    r = coll.near_duplicates()
    assert [c.members for c in r.clusters] == [[0, 1], [2]]
    assert r.clusters[0].representative == 1
    assert coll.posts[r.clusters[0].representative].id == "p1"
    # The date window follows the posts' digest dates (a day apart here).
    assert coll.clusters(window_days=0) == [["p0"], ["p1"], ["p2"]]
    assert coll.clusters(threshold=1.0) == [["p1", "p0"], ["p2"]]
    with pytest.raises(digestcore.InvalidArgumentError):
        coll.clusters(threshold=0)
    assert digestcore.Collection().clusters() == []
    # A result keeps its answer after the collection grows.
    coll.add_post(digestcore.Post("p3", body=made_up(42, 120)))
    assert [c.members for c in r.clusters] == [[0, 1], [2]]
    assert coll.clusters() == [["p1", "p0", "p3"], ["p2"]]


def story_collection():
    coll = digestcore.Collection()
    en = ("The harbour of Velmora reopened on Friday after 14 months of repairs, mayor Ilsa "
          "Draventi said, with 320 boats expected in the first week and a ferry to Ostrava "
          "Minor from 2021-08-20.")
    fr = ("Le port de Velmora a rouvert vendredi après 14 mois de travaux, a déclaré la maire "
          "Ilsa Draventi ; 320 bateaux sont attendus la première semaine et un bac vers "
          "Ostrava Minor dès le 2021-08-20.")
    other = ("A chess club in Karvenno opened a reading room for 45 members; its founder "
             "Tomasz Eberle thanked the volunteers who painted the walls in 9 days.")
    rows = [("en1", en, "en", 18), ("en2", en + " Updated.", "en", 18), ("fr1", fr, "fr", 19),
            ("x1", other, "en", 18)]
    for pid, text, lang, day in rows:
        coll.add_post(digestcore.Post(pid, body=text, language=lang,
                                      posted_on=datetime.date(2021, 8, day), source="s-" + lang))
    return coll


def test_collection_stories_partition_the_posts():
    coll = story_collection()
    r = coll.stories()
    assert isinstance(r, digestcore.StoryResult)
    ids = [p.id for p in coll.posts]
    all_posts = sorted(pid for s in r.stories for pid in s.posts)
    assert all_posts == sorted(ids)
    assert len(r.story_of) == len(ids)
    for k, s in enumerate(r.stories):
        assert s.id == "story-" + s.representative
        assert s.representative in s.posts
        assert s.posts == sorted(s.posts, key=ids.index)
        assert sorted(p for c in s.clusters for p in c) == sorted(s.posts)
        assert len(s.links) == len(s.clusters) - 1
        assert len(s) == len(s.posts)
        for link in s.links:
            assert link.a in s.posts and link.b in s.posts
            assert 0 <= link.score <= 1 and isinstance(link.shared, list)
        assert all(r.story_of[ids.index(p)] == k for p in s.posts)
    assert [c.members for c in r.duplicates.clusters][0] == [0, 1]
    assert repr(r) == f"<digestcore.StoryResult {len(r.stories)} stories of 4 posts>"
    story = r.stories[r.story_of[0]]
    # The French report of the same event shares names, numbers and a date.
    assert "fr1" in story.posts and "x1" not in story.posts
    assert ["en1", "en2"] in story.clusters or ["en2", "en1"] in story.clusters
    assert story.links and story.links[0].shared
    assert repr(story).startswith(f"<digestcore.Story {story.id}: ")
    assert r.stories[r.story_of[3]].posts == ["x1"]


def test_collection_stories_arguments():
    coll = story_collection()
    gaz = digestcore.Gazetteer()
    gaz.add("velmora", ["Velmora"])
    r = coll.stories(entities=gaz, window_days=1, link_threshold=0.35, threshold=0.9,
                     across_languages_only=True)
    assert sorted(p for s in r.stories for p in s.posts) == ["en1", "en2", "fr1", "x1"]
    with pytest.raises(TypeError, match="Gazetteer"):
        coll.stories(entities={"velmora": "Velmora"})
    with pytest.raises(digestcore.InvalidArgumentError):
        coll.stories(threshold=2)
    for bad in ({"window_days": -1}, {"link_threshold": 1.5}, {"link_threshold": float("nan")}):
        with pytest.raises(digestcore.InvalidArgumentError):
            coll.stories(**bad)
    with pytest.raises(TypeError):
        coll.stories(window_days=None)
    assert len(digestcore.Collection().stories()) == 0


# ---- the incremental index -----------------------------------------------------------

def test_index_adds_day_by_day_saves_and_loads(tmp_path):
    index = digestcore.NearDuplicateIndex()
    a, b = made_up(70, 120), made_up(71, 120)
    assert index.add("a1", a, datetime.date(2021, 8, 1)) is None
    assert index.add("b1", b, "2021-08-01") is None
    m = index.add("a2", substituted(a, 25), datetime.datetime(2021, 8, 2, 9, 30))
    assert isinstance(m, digestcore.IndexMatch)
    assert (m.id, m.cluster) == ("a1", "a1") and m.similarity >= 0.8
    assert repr(m).startswith("<digestcore.IndexMatch a1 (cluster a1) similarity=")
    m3 = index.add("a3", substituted(a, 25, 7), datetime.date(2021, 8, 3))
    assert m3.cluster == "a1"
    with pytest.raises(digestcore.ParseError):  # duplicate_id: nothing changes
        index.add("a3", a)
    with pytest.raises(digestcore.InvalidArgumentError):
        index.add("", a)
    with pytest.raises(TypeError, match="id"):
        index.add(3, a)
    assert len(index) == 4
    assert repr(index) == "<digestcore.NearDuplicateIndex 4 texts, threshold 0.8>"
    assert (index.threshold, index.window_days, index.permutations, index.seed) == (0.8, None, 128, 1)

    path = tmp_path / "index.bin"
    index.save(path)  # os.PathLike
    loaded = digestcore.NearDuplicateIndex.load(str(path))
    assert len(loaded) == 4
    q = loaded.query(substituted(b, 30))
    assert q is not None and q.id == "b1" and q == index.query(substituted(b, 30))
    assert loaded.query(made_up(72, 120)) is None
    assert loaded.query("") is None and loaded.query(None) is None
    again = tmp_path / "again.bin"
    loaded.save(os.fspath(again))
    assert again.read_bytes() == path.read_bytes()
    # Pickling and copying go through the same bytes.
    for clone in (pickle.loads(pickle.dumps(index)), pickle.loads(pickle.dumps(index, protocol=0)),
                  copy.deepcopy(index)):
        assert len(clone) == 4 and clone.query(a).id == "a1"
        clone.add("c1", made_up(73, 120))
        assert len(clone) == 5 and len(index) == 4


def test_index_window_and_options():
    index = digestcore.NearDuplicateIndex(0.7, window_days=3, permutations=64, seed=9)
    assert (index.threshold, index.window_days, index.permutations, index.seed) == (0.7, 3, 64, 9)
    a = made_up(80, 100)
    index.add("x", a, datetime.date(2021, 8, 1))
    assert index.query(a, datetime.date(2021, 9, 1)) is None
    assert index.query(a, "2021-08-03").id == "x"
    assert index.query(a).id == "x"  # undated: any
    for bad in ({"threshold": 0}, {"threshold": 1.01}, {"permutations": 0}, {"window_days": -1},
                {"seed": -5}):
        with pytest.raises(digestcore.InvalidArgumentError):
            digestcore.NearDuplicateIndex(**bad)
    with pytest.raises(TypeError):
        digestcore.NearDuplicateIndex("0.8")
    with pytest.raises(digestcore.InvalidArgumentError):
        index.query("bad \ud800")
    with pytest.raises(TypeError):
        index.query(5)
    with pytest.raises(TypeError):
        index.query(a, date=20210801)


def test_index_files_that_are_not_an_index(tmp_path):
    index = digestcore.NearDuplicateIndex()
    index.add("x", made_up(81, 100))
    path = tmp_path / "index.bin"
    index.save(path)
    good = path.read_bytes()
    for cut in (0, 3, 10, len(good) // 2, len(good) - 1):
        path.write_bytes(good[:cut])
        with pytest.raises(digestcore.ParseError) as e:
            digestcore.NearDuplicateIndex.load(path)
        assert e.value.offset is not None
    path.write_bytes(good + b"x")
    with pytest.raises(digestcore.ParseError):
        digestcore.NearDuplicateIndex.load(path)
    path.write_bytes(b'{"not": "an index"}')
    with pytest.raises(digestcore.ParseError):
        digestcore.NearDuplicateIndex.load(path)
    with pytest.raises(digestcore.MissingFileError):
        digestcore.NearDuplicateIndex.load(tmp_path / "missing.bin")
    with pytest.raises(FileNotFoundError):
        digestcore.NearDuplicateIndex.load(tmp_path / "missing.bin")
    with pytest.raises(digestcore.FileError):
        index.save(tmp_path / "no-such-folder" / "index.bin")
    with pytest.raises(TypeError):
        digestcore.NearDuplicateIndex.load(None)
    # A pickle whose bytes are not an index.
    with pytest.raises(digestcore.ParseError):
        pickle.loads(pickle.dumps(index).replace(good[:8], b"XXXXXXXX"))


def test_index_is_shared_between_threads():
    index = digestcore.NearDuplicateIndex()
    bases = [made_up(600 + s, 80) for s in range(8)]
    for k, t in enumerate(bases):
        index.add(f"base{k}", t)
    errors = []

    def writer(w):
        try:
            for i in range(40):
                index.add(f"w{w}-{i}", substituted(bases[i % 8], 20, w + 1))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def reader():
        try:
            for i in range(80):
                m = index.query(bases[i % 8])
                assert m is not None and m.cluster == f"base{i % 8}"
        except Exception as e:  # pragma: no cover
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(2)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(index) == 8 + 80


def test_collection_calls_run_beside_a_writer():
    coll = small_collection()
    stop = threading.Event()

    def writer():
        i = 0
        while not stop.is_set() and i < 300:
            coll.add_post(digestcore.Post(f"w{i}", body=made_up(1000 + i % 7, 60)))
            i += 1

    t = threading.Thread(target=writer)
    t.start()
    try:
        for _ in range(10):
            ids = coll.clusters(threads=1)
            flat = [pid for c in ids for pid in c]
            assert len(flat) == len(set(flat)) and {"p0", "p1", "p2"} <= set(flat)
            r = coll.stories()
            assert sum(len(s.posts) for s in r.stories) == len(r.story_of) >= 3
    finally:
        stop.set()
        t.join()
    # Afterwards every post is in one cluster, the seven repeated bodies
    # gathered with their copies.
    clusters = coll.clusters()
    assert sum(len(c) for c in clusters) == len(coll)
    assert len(clusters) == 2 + min(7, len(coll) - 3)
