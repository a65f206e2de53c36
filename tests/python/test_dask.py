"""digestcore.dask on a real distributed.LocalCluster (two worker processes):
every step gives what the single-process calls give on the same data."""

from __future__ import annotations

import json
import pathlib

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

import digestcore  # noqa: E402
import digestcore.dask as dgd  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "stories" / "near_duplicates.jsonl"
EXAMPLES = ROOT / "examples" / "data"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def corpus() -> pd.DataFrame:
    """The labelled stories corpus, with outlets' credit lines and footers
    added (so that boilerplate is learned across partitions), dates, some
    empty and missing texts, and exact repeats."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    outlets = ["north-wire", "river-post", "hill-courier", None]
    texts, sources, dates = [], [], []
    for i, r in enumerate(rows):
        outlet = outlets[i % 4]
        text = r["text"]
        if outlet:
            text = f"{outlet} desk — {text}\nRead {outlet} every morning for more from the valley."
        texts.append(text)
        sources.append(outlet)
        dates.append(pd.Timestamp("2021-08-01") + pd.Timedelta(days=(i * 7) % 20) if i % 9 else pd.NaT)
    for k in range(12):
        texts.append("The ferry timetable changes on Monday, the harbour office said in a short notice.")
        sources.append(None)
        dates.append(pd.NaT)
    texts += ["", None, "Short.", "short"]
    sources += [None, None, "river-post", "river-post"]
    dates += [pd.NaT] * 4
    order = np.random.default_rng(5).permutation(len(texts))
    return pd.DataFrame({"text": pd.Series(texts, dtype=object)[order].to_numpy(),
                         "outlet": pd.Series(sources, dtype=object)[order].to_numpy(),
                         "day": pd.Series(dates)[order].to_numpy()},
                        index=pd.RangeIndex(1000, 1000 + len(texts)))


def expected_labels(df: pd.DataFrame, **options) -> np.ndarray:
    dates = [None if pd.isna(d) else d.date() for d in df["day"]] if "window_days" in options else None
    clusters = digestcore.cluster_near_duplicates(df["text"].tolist(), sources=df["outlet"].tolist(),
                                                  dates=dates, **options)
    labels = np.empty(len(df), dtype=np.int64)
    for members in clusters:
        labels[members] = min(members)
    return labels


@pytest.mark.parametrize("parts", [1, 3, 7])
def test_story_ids_equal_single_machine(client, parts):
    df = corpus()
    want = expected_labels(df)
    assert len(set(want)) < len(df) - 100  # the corpus has clusters to agree on
    got = dgd.story_ids(dd.from_pandas(df, npartitions=parts, sort=False), "text", 0.8, source="outlet")
    result = got.compute()
    assert list(result.index) == list(df.index)
    assert result.name == "story"
    np.testing.assert_array_equal(result.to_numpy(), want)


def test_story_ids_threshold_window_and_options(client):
    df = corpus()
    frame = dd.from_pandas(df, npartitions=4, sort=False)
    for options in [dict(threshold=0.7), dict(threshold=0.9, window_days=3),
                    dict(threshold=0.8, permutations=64, seed=11, boilerplate_min_texts=0)]:
        want = expected_labels(df, **options)
        got = dgd.story_ids(frame, "text", source="outlet", date="day" if "window_days" in options else None,
                            **options).compute()
        np.testing.assert_array_equal(got.to_numpy(), want, err_msg=str(options))


def test_story_ids_boilerplate_matters_here(client):
    # Without boilerplate removal the outlets' lines would join different
    # stories at a low threshold; with it, the distributed answer still
    # equals the single-machine one.
    df = corpus()
    with_b = expected_labels(df, threshold=0.5)
    without = expected_labels(df, threshold=0.5, boilerplate_min_texts=0)
    assert not np.array_equal(with_b, without)
    got = dgd.story_ids(dd.from_pandas(df, npartitions=5, sort=False), threshold=0.5, source="outlet")
    np.testing.assert_array_equal(got.compute().to_numpy(), with_b)


def test_story_ids_assign_and_edge_cases(client):
    df = corpus()
    frame = dd.from_pandas(df, npartitions=3, sort=False)
    out = frame.assign(story=dgd.story_ids(frame, source="outlet")).compute()
    assert (out["story"].to_numpy() == expected_labels(df)).all()
    empty = dd.from_pandas(df.iloc[:0], npartitions=1)
    assert len(dgd.story_ids(empty).compute()) == 0
    one = dd.from_pandas(df.iloc[:1], npartitions=1)
    assert dgd.story_ids(one).compute().tolist() == [0]


def test_story_ids_bad_arguments(client):
    frame = dd.from_pandas(corpus(), npartitions=2, sort=False)
    with pytest.raises(TypeError):
        dgd.story_ids(corpus())  # pandas, not Dask
    with pytest.raises(KeyError):
        dgd.story_ids(frame, "body")
    with pytest.raises(digestcore.InvalidArgumentError):
        dgd.story_ids(frame, threshold=1.5)
    with pytest.raises(digestcore.InvalidArgumentError):
        dgd.story_ids(frame, permutations=0)
    with pytest.raises(digestcore.InvalidArgumentError):
        dgd.story_ids(frame, window_days=-1)
    # Dask turns object columns into strings; a numeric column stays numbers.
    bad = dd.from_pandas(pd.DataFrame({"text": [3, 7, 9]}), npartitions=1)
    with pytest.raises(TypeError, match=r"texts\[0\] must be str"):
        dgd.story_ids(bad, boilerplate_min_texts=0).compute()


def test_column_steps_equal_batch_calls(client):
    df = corpus()
    s = dd.from_pandas(df["text"], npartitions=4, sort=False)
    keys = dgd.search_keys(s).compute()
    assert keys.tolist() == digestcore.search_key_batch(df["text"]).tolist()
    sig = dgd.minhash(s).compute()
    np.testing.assert_array_equal(sig, digestcore.minhash(df["text"].tolist()))
    import dask.bag

    bag = dask.bag.from_sequence(df["text"].fillna("").tolist(), npartitions=3)
    np.testing.assert_array_equal(dgd.minhash(bag, permutations=32).compute(),
                                  digestcore.minhash(df["text"].fillna("").tolist(), permutations=32))
    dates = pd.Series(["23 August 2021", None, "۱ شهریور ۱۴۰۰", "le 3 mars 2020", "no date"] * 20)
    got = dgd.parse_dates(dd.from_pandas(dates, npartitions=3, sort=False)).compute()
    pd.testing.assert_series_equal(got, digestcore.parse_date_batch(dates))


def test_tagging_ships_the_gazetteer_or_loads_a_path(client):
    gaz_path = EXAMPLES / "entities.json"
    gaz = digestcore.Gazetteer.load(gaz_path)
    coll = digestcore.Collection.load(EXAMPLES / "collection.json")
    bodies = coll.to_pandas()["body"]
    want = digestcore.tag_batch(bodies, gaz).tolist()
    assert any(want)
    s = dd.from_pandas(bodies, npartitions=3, sort=False)
    assert dgd.tag(s, gaz).compute().tolist() == want
    assert dgd.tag(s, str(gaz_path)).compute().tolist() == want
    with pytest.raises(TypeError):
        dgd.tag(s, None)


def test_curate_and_digest_equal_the_collection(client):
    coll = digestcore.Collection.load(EXAMPLES / "collection.json")
    sources = digestcore.SourceRegistry.load(EXAMPLES / "sources.json")
    gaz = digestcore.Gazetteer.load(EXAMPLES / "entities.json")
    frame = dgd.from_collection(coll, npartitions=3)
    curated = dgd.curate(frame, sources=sources, entities=str(EXAMPLES / "entities.json"),
                         fill_from_attribution=True).compute()
    coll.curate(sources=sources, entities=gaz, fill_from_attribution=True)
    want = coll.to_pandas()
    pd.testing.assert_frame_equal(curated.reset_index(drop=True), want.reset_index(drop=True))
    # A digest of one week, selected on the workers.
    for week in ("2021-W33", "2021-W34"):
        d = dgd.digest(dd.from_pandas(want, npartitions=3, sort=False), week,
                       sources=coll.sources_to_pandas())
        assert d.to_markdown() == coll.digest(week).to_markdown()
    selected = dgd.select(dd.from_pandas(want, npartitions=3, sort=False), "2021-W33").compute()
    assert sorted(selected["id"]) == sorted(coll.select(*_week("2021-W33")).to_pandas()["id"])


def _week(label):
    p = digestcore.iso_week(label)
    return p.first, p.last


def test_curate_rejects_what_collections_reject(client):
    frame = dd.from_pandas(pd.DataFrame({"id": ["a", "a"], "title": ["x", "y"]}), npartitions=1)
    with pytest.raises(digestcore.Error):
        dgd.curate(frame).compute()
    with pytest.raises(TypeError):
        dgd.curate(pd.DataFrame({"id": ["a"]}))
