"""digestcore on Dask: the curation steps over partitions, story clustering
across partitions, and digests without gathering the corpus.

Every function takes Dask collections (a ``dask.dataframe`` DataFrame or
Series; ``minhash`` also a Bag of str) and returns Dask collections: nothing
runs until you ``compute()`` or ``persist()``, on whatever scheduler is
active (threads, processes, a ``distributed`` cluster). The work on each
partition is one C++ call over the whole partition (the batch calls, a
collection's curate, the staged near-duplicate steps), never a Python call
per row, and runs on one thread: Dask spreads partitions over workers.

Dictionaries (a ``SourceRegistry`` or ``Gazetteer``) are given either as
objects, which go into the task graph once and reach each worker once, or
as paths (str or ``os.PathLike``), which each worker process loads once and
keeps. See docs/SCALE.md.

Needs ``pip install "digestcore[dask]"`` (dask[dataframe], distributed,
pandas, pyarrow).
"""

from __future__ import annotations

import functools
import os
from typing import Any

import dask
import dask.array as da
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa

from . import _core

__all__ = [
    "search_keys", "parse_dates", "parse_datetimes", "parse_attributions", "tag", "minhash",
    "curate", "story_ids", "select", "digest", "from_collection",
]

_UNDATED = np.iinfo(np.int64).min


# ---- shared pieces -------------------------------------------------------------------

@functools.lru_cache(maxsize=16)
def _load(kind: str, path: str, mtime: float) -> Any:
    """A dictionary loaded from a file, once per process (and again if the file changes)."""
    cls = {"sources": _core.SourceRegistry, "entities": _core.Gazetteer}[kind]
    return cls.load(path)


def _resolve(kind: str, ref: Any) -> Any:
    """A dictionary given as an object or as a path, on the worker."""
    if isinstance(ref, (str, os.PathLike)):
        path = os.fspath(ref)
        return _load(kind, path, os.stat(path).st_mtime)
    return ref


def _shared(ref: Any) -> Any:
    """One graph key for a dictionary object (sent to each worker once); paths as they are."""
    if ref is None or isinstance(ref, (str, os.PathLike)):
        return ref
    return dask.delayed(ref, pure=False, traverse=False)


def _series_of(frame: Any, column: str | None, what: str) -> Any:
    if isinstance(frame, dd.Series):
        return frame
    if isinstance(frame, dd.DataFrame):
        if column is None:
            raise TypeError(f"{what}: name the column of the DataFrame to read")
        if column not in frame.columns:
            raise KeyError(f"{what}: the DataFrame has no column {column!r}")
        return frame[column]
    raise TypeError(f"{what} takes a dask.dataframe Series or DataFrame, not {type(frame).__name__}")


def _map_column(series: Any, fn: Any, **kwargs: Any) -> Any:
    """fn(partition, **kwargs) on every partition; its answer on the empty meta is the meta."""
    return series.map_partitions(fn, meta=fn(series._meta, **kwargs), **kwargs)


# ---- per-partition steps ------------------------------------------------------------------

def search_keys(series: Any, *, strict: bool = False) -> Any:
    """``search_key_batch`` on every partition: a Series of search keys."""
    s = _series_of(series, None, "search_keys")
    return _map_column(s, _core.search_key_batch, strict=strict, threads=1)


def parse_dates(series: Any, **options: Any) -> Any:
    """``parse_date_batch`` on every partition (languages=, order=, reference=)."""
    s = _series_of(series, None, "parse_dates")
    return _map_column(s, _core.parse_date_batch, threads=1, **options)


def parse_datetimes(series: Any, **options: Any) -> Any:
    """``parse_datetime_batch`` on every partition."""
    s = _series_of(series, None, "parse_datetimes")
    return _map_column(s, _core.parse_datetime_batch, threads=1, **options)


def _attributions_part(values: Any, sources: Any, options: dict[str, Any]) -> Any:
    return _core.parse_attribution_batch(values, sources=_resolve("sources", sources), threads=1, **options)


def parse_attributions(series: Any, *, sources: Any = None, **options: Any) -> Any:
    """``parse_attribution_batch`` on every partition: a DataFrame of authors,
    outlet, place, date and excerpt. ``sources``: an OutletList,
    SourceRegistry or a path to a registry file."""
    s = _series_of(series, None, "parse_attributions")
    meta = _attributions_part(s._meta, None, options)
    return s.map_partitions(_attributions_part, _shared(sources), options, meta=meta)


def _tag_part(values: Any, entities: Any) -> Any:
    return _core.tag_batch(values, _resolve("entities", entities), threads=1)


def tag(series: Any, entities: Any) -> Any:
    """``tag_batch`` on every partition: a Series of lists of entity ids.
    ``entities``: a Gazetteer or a path to a gazetteer file."""
    if entities is None:
        raise TypeError("tag needs entities: a digestcore.Gazetteer or a path to one")
    s = _series_of(series, None, "tag")
    meta = _core.tag_batch(s._meta, _core.Gazetteer(), threads=1)
    return s.map_partitions(_tag_part, _shared(entities), meta=meta)


def _minhash_part(values: Any, permutations: int, seed: int) -> Any:
    return _core.minhash(list(values), permutations=permutations, seed=seed, threads=1)


def minhash(texts: Any, *, permutations: int = 128, seed: int = 1) -> Any:
    """MinHash signatures of a Series or Bag of texts: a Dask Array of uint32,
    one row per text, one chunk per partition (the partition lengths are
    computed first). The same rows as ``digestcore.minhash`` on the same texts."""
    _core.minhash([], permutations=permutations, seed=seed)  # argument errors now, not on a worker
    if isinstance(texts, dd.DataFrame):
        raise TypeError("minhash takes a Series (frame['text']) or a Bag of str, not a DataFrame")
    parts = texts.to_delayed()
    if isinstance(texts, dd.Series):
        lengths = texts.map_partitions(len).compute().tolist()
    else:
        lengths = dask.compute(*[dask.delayed(len)(p) for p in parts])
    blocks = [da.from_delayed(dask.delayed(_minhash_part)(p, permutations, seed), shape=(int(n), permutations),
                              dtype=np.uint32) for p, n in zip(parts, lengths)]
    if not blocks:
        return da.zeros((0, permutations), dtype=np.uint32)
    return da.concatenate(blocks, axis=0)


def _curate_part(posts: Any, sources: Any, entities: Any, options: dict[str, Any]) -> Any:
    coll = _core.Collection.from_pandas(posts.reset_index(drop=True))
    coll.curate(sources=_resolve("sources", sources), entities=_resolve("entities", entities), **options)
    out = coll.to_pandas()
    out.index = posts.index
    return out


def curate(posts: Any, *, sources: Any = None, entities: Any = None, **options: Any) -> Any:
    """``Collection.curate`` on every partition of a posts DataFrame (the
    columns of ``Collection.to_pandas``): attribution lines, source
    resolution against the registry, entity tags. Returns the curated posts,
    partition for partition, with the same index. Options as
    ``Collection.curate`` (fill_from_attribution=, languages=, ...). Post ids
    must be unique within a partition (as in a collection)."""
    if not isinstance(posts, dd.DataFrame):
        raise TypeError(f"curate takes a dask DataFrame of posts, not {type(posts).__name__}")
    meta = _curate_part(posts._meta, None, None, options)
    return posts.map_partitions(_curate_part, _shared(sources), _shared(entities), options, meta=meta)


def from_collection(collection: Any, npartitions: int = 1) -> Any:
    """A collection's posts as a Dask DataFrame of ``npartitions`` partitions."""
    return dd.from_pandas(collection.to_pandas(), npartitions=npartitions, sort=False)


# ---- digests ----------------------------------------------------------------------------------

def _period(period: Any) -> Any:
    if isinstance(period, str):
        return _core.iso_week(period)
    if isinstance(period, _core.Period):
        return period
    first, last = period
    return (first, last)


def _select_part(posts: Any, first: Any, last: Any) -> Any:
    out = _core.Collection.from_pandas(posts.reset_index(drop=True)).select(first, last).to_pandas()
    return out


def select(posts: Any, period: Any) -> Any:
    """The posts whose digest date lies in ``period`` (an ISO week such as
    ``"2021-W33"``, a ``Period`` or a ``(first, last)`` pair of dates), as a
    Dask DataFrame: each partition is filtered where it lies."""
    p = _period(period)
    first, last = (p.first, p.last) if isinstance(p, _core.Period) else p
    meta = _select_part(posts._meta, first, last)
    return posts.map_partitions(_select_part, first, last, meta=meta)


def digest(posts: Any, period: Any, *, title: str | None = None, sources: Any = None) -> Any:
    """The digest of ``period`` from a Dask DataFrame of posts: the period's
    posts are selected on the workers and only they come to this process.
    ``sources``: a pandas DataFrame of sources (``Collection.sources_to_pandas``)
    for the section headings."""
    chosen = select(posts, period).compute()
    coll = _core.Collection.from_pandas(chosen.reset_index(drop=True), sources)
    return coll.digest(_period(period), title=title)


# ---- stories across partitions -----------------------------------------------------------------

def _column_list(part: Any, column: str | None) -> list[Any] | None:
    if column is None:
        return None
    return part[column].tolist()


def _days(part: Any, column: str | None) -> Any:
    """Days since 1970-01-01 of a date column (_UNDATED where missing)."""
    if column is None:
        return np.full(len(part), _UNDATED, dtype=np.int64)
    s = pd.to_datetime(part[column], errors="coerce")
    if getattr(s.dt, "tz", None) is not None:
        s = s.dt.tz_localize(None)  # the calendar day where it was written
    days = s.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    out = days.astype(np.int64)
    out[np.isnat(days)] = _UNDATED
    return out


def _edges_part(part: Any, text: str, source: str | None, permutations: int, seed: int) -> Any:
    idx, hashes, fingerprints = _core._stories_edges(part[text].tolist(), permutations=permutations,
                                                     seed=seed, threads=1)
    srcs = pd.Series(_column_list(part, source) if source else [None] * len(part), dtype=object)
    srcs = srcs.where(srcs.notna(), "").to_numpy()
    return pd.DataFrame({"source": srcs[idx] if len(idx) else np.array([], dtype=object),
                         "hash": hashes, "fingerprint": fingerprints[idx]})


def _boilerplate_part(edges: Any, min_texts: int) -> Any:
    distinct = edges.drop_duplicates()
    counts = distinct.groupby(["source", "hash"], sort=False).size()
    found = counts[counts >= min_texts].reset_index()[["source", "hash"]]
    return found.astype({"source": object, "hash": np.uint64})


_SHINGLES = pd.ArrowDtype(pa.large_list(pa.uint32()))
_KEYS = pd.ArrowDtype(pa.large_list(pa.uint64()))


def _lists(offsets: Any, values: Any, dtype: Any) -> Any:
    arr = pa.LargeListArray.from_arrays(pa.array(offsets, type=pa.int64()), pa.array(values))
    return pd.array(arr, dtype=dtype)


def _list_data(column: Any) -> tuple[Any, Any]:
    """The offsets and values of a pandas column of Arrow lists."""
    arr = column.array.__arrow_array__()
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    return arr.offsets.to_numpy(), arr.values.to_numpy()


def _sketch_meta() -> Any:
    return pd.DataFrame({"day": np.array([], dtype=np.int64), "shingles": pd.array([], dtype=_SHINGLES),
                         "keys": pd.array([], dtype=_KEYS)}, index=pd.Index([], dtype=np.int64, name="pos"))


def _sketch_part(part: Any, offset: int, text: str, source: str | None, date: str | None,
                 boilerplate: Any, threshold: float, permutations: int, seed: int) -> Any:
    """The texts with shingles, indexed by their position in the whole frame:
    day, shingle set and band keys."""
    offsets, values, keys = _core._stories_sketch(part[text].tolist(), _column_list(part, source), boilerplate,
                                                  threshold=threshold, permutations=permutations, seed=seed,
                                                  threads=1)
    usable = np.diff(offsets) > 0
    pos = np.arange(offset, offset + len(part), dtype=np.int64)
    shingles = _lists(offsets, values, _SHINGLES)[usable]
    bands = keys.shape[1] if keys.ndim == 2 else 0
    key_lists = _lists(np.arange(len(part) + 1, dtype=np.int64) * bands, keys.reshape(-1), _KEYS)[usable]
    return pd.DataFrame({"day": _days(part, date)[usable], "shingles": shingles, "keys": key_lists},
                        index=pd.Index(pos[usable], name="pos"))


def _explode_keys(sketches: Any, bands: int) -> Any:
    _, keys = _list_data(sketches["keys"]) if len(sketches) else (None, np.array([], dtype=np.uint64))
    return pd.DataFrame({"key": keys.astype(np.uint64, copy=False),
                         "pos": np.repeat(sketches.index.to_numpy(np.int64), bands)})


def _bucket_pairs_part(keys: Any) -> Any:
    a, b = _core._stories_bucket_pairs(keys["key"].to_numpy(np.uint64), keys["pos"].to_numpy(np.int64))
    return pd.DataFrame({"a": a, "b": b})


def _distinct_by_a(pairs: Any) -> Any:
    """The distinct pairs of a partition indexed by `a` (all pairs of an `a` meet here)."""
    flat = pd.DataFrame({"a": pairs.index.to_numpy(np.int64), "b": pairs["b"].to_numpy(np.int64)})
    flat = flat.drop_duplicates()
    return flat.set_index("a")


def _with_side(joined: Any, side: str) -> Any:
    """A joined partition with its index (the `side` text) as a column again."""
    out = joined.rename(columns={"day": f"day_{side}", "shingles": f"shingles_{side}"})
    out = out.reset_index(drop=True)
    out[side] = joined.index.to_numpy(np.int64)
    return out


def _verify_part(joined: Any, threshold: float, window_days: int | None) -> Any:
    pairs = _with_side(joined, "b")
    if len(pairs) == 0:
        return pd.DataFrame({"a": np.array([], dtype=np.int64), "b": np.array([], dtype=np.int64)})
    oa, va = _list_data(pairs["shingles_a"])
    ob, vb = _list_data(pairs["shingles_b"])
    keep = _core._stories_similarity(oa, va, ob, vb) >= threshold - 1e-12
    if window_days is not None:
        da_, db_ = pairs["day_a"].to_numpy(np.int64), pairs["day_b"].to_numpy(np.int64)
        dated = (da_ != _UNDATED) & (db_ != _UNDATED)
        keep &= ~(dated & (np.abs(da_ - db_) > window_days))
    return pd.DataFrame({"a": pairs["a"].to_numpy(np.int64)[keep], "b": pairs["b"].to_numpy(np.int64)[keep]})


def _roots(parts: list[Any]) -> Any:
    """Union-find merge: (node, root) of the pairs or earlier roots given."""
    frames = [p for p in parts if len(p)]
    if not frames:
        return pd.DataFrame({"a": np.array([], dtype=np.int64), "b": np.array([], dtype=np.int64)})
    both = pd.concat(frames, ignore_index=True)
    nodes, roots = _core._stories_component_roots(both["a"].to_numpy(np.int64), both["b"].to_numpy(np.int64))
    return pd.DataFrame({"a": nodes, "b": roots})


def _labels(part: Any, offset: int, roots: Any, name: str) -> Any:
    pos = np.arange(offset, offset + len(part), dtype=np.int64)
    nodes, rts = roots["a"].to_numpy(np.int64), roots["b"].to_numpy(np.int64)
    out = pos.copy()
    if len(nodes):
        at = np.minimum(np.searchsorted(nodes, pos), len(nodes) - 1)
        hit = nodes[at] == pos
        out[hit] = rts[at[hit]]
    return pd.Series(out, index=part.index, name=name)


def story_ids(frame: Any, text: str = "text", threshold: float = 0.8, *, source: str | None = None,
              date: str | None = None, window_days: int | None = None, permutations: int = 128,
              seed: int = 1, boilerplate_min_texts: int = 3, npartitions: int | None = None,
              name: str = "story") -> Any:
    """Near-duplicate clusters across all partitions, as a Dask Series (int64,
    aligned with ``frame``) giving each row the position, in the whole frame,
    of the first row of its cluster. The grouping is exactly that of
    ``digestcore.cluster_near_duplicates`` over the same texts and options
    (``sources=`` the ``source`` column, ``dates=`` the ``date`` column).

    How: boilerplate is learned over all partitions (a shuffle by sentence
    hash); each partition is sketched where it lies; band keys are shuffled
    so that texts sharing a key meet and give candidate pairs; the pairs are
    partitioned by their first text, joined with the sketches where those
    live, then by their second text and joined again, and verified against
    the exact shingle sets; the joined pairs become components through a tree
    of union-finds. Only keys, pairs and the shingle sets of paired texts
    move. Computes the partition lengths and the boilerplate now; the rest
    when the Series is computed.
    """
    if not isinstance(frame, dd.DataFrame):
        raise TypeError(f"story_ids takes a dask DataFrame, not {type(frame).__name__}")
    for col in (text, source, date):
        if col is not None and col not in frame.columns:
            raise KeyError(f"story_ids: the DataFrame has no column {col!r}")
    bands, _rows = _core._stories_lsh(threshold, permutations)  # argument errors now
    _core.minhash([], permutations=permutations, seed=seed)
    if window_days is not None and (isinstance(window_days, bool) or not isinstance(window_days, int)
                                    or window_days < 0):
        raise _core.InvalidArgumentError(f"window_days must be an int of 0 or more, got {window_days!r}")
    columns = [c for c in (text, source, date) if c is not None]
    work = frame[columns]
    lengths = np.asarray(work.map_partitions(len).compute().tolist(), dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    total = int(lengths.sum())
    parts = work.to_delayed()
    shuffle_parts = npartitions or len(parts)
    label_meta = pd.Series([], dtype=np.int64, name=name)

    def labelled(roots: Any) -> Any:
        labels = [dask.delayed(_labels)(p, int(off), roots, name) for p, off in zip(frame.to_delayed(), offsets)]
        return dd.from_delayed(labels, meta=label_meta, divisions=frame.divisions, verify_meta=False)

    if total == 0:
        return labelled(dask.delayed(_roots)([]))

    boilerplate: Any = None
    if _core._stories_boilerplate_enabled(boilerplate_min_texts, total):
        edge_meta = pd.DataFrame({"source": pd.Series([], dtype=object),
                                  "hash": np.array([], dtype=np.uint64),
                                  "fingerprint": np.array([], dtype=np.uint64)})
        edges = dd.from_delayed([dask.delayed(_edges_part)(p, text, source, permutations, seed) for p in parts],
                                meta=edge_meta, verify_meta=False)
        found = edges.shuffle(on="hash", npartitions=shuffle_parts).map_partitions(
            _boilerplate_part, boilerplate_min_texts,
            meta=pd.DataFrame({"source": pd.Series([], dtype=object), "hash": np.array([], dtype=np.uint64)}),
        ).compute()
        boilerplate = {s: g["hash"].to_numpy(np.uint64) for s, g in found.groupby("source")}
    shared = dask.delayed(boilerplate, pure=False, traverse=False)

    # The sketches of the non-empty partitions, indexed by position: their
    # divisions are the partitions' first positions.
    filled = [k for k in range(len(parts)) if lengths[k] > 0]
    divisions = tuple(int(offsets[k]) for k in filled) + (total - 1,)
    sketches = dd.from_delayed(
        [dask.delayed(_sketch_part)(parts[k], int(offsets[k]), text, source, date, shared, threshold,
                                    permutations, seed) for k in filled],
        meta=_sketch_meta(), divisions=divisions, verify_meta=False)
    texts_side = sketches[["day", "shingles"]]
    keys = sketches.map_partitions(_explode_keys, bands, meta=pd.DataFrame(
        {"key": np.array([], dtype=np.uint64), "pos": np.array([], dtype=np.int64)}))
    pairs = keys.shuffle(on="key", npartitions=shuffle_parts).map_partitions(
        _bucket_pairs_part, meta=pd.DataFrame({"a": np.array([], dtype=np.int64),
                                               "b": np.array([], dtype=np.int64)}))
    # First hop: pairs beside the sketch of `a` (their partitions line up, so
    # the join moves no sketches); second hop: beside `b`.
    by_a = pairs.set_index("a", divisions=divisions).map_partitions(
        _distinct_by_a, meta=pd.DataFrame({"b": np.array([], dtype=np.int64)},
                                          index=pd.Index([], dtype=np.int64, name="a")))
    with_a = by_a.join(texts_side, how="inner").map_partitions(
        _with_side, "a", meta=pd.DataFrame({"b": np.array([], dtype=np.int64),
                                                 "day_a": np.array([], dtype=np.int64),
                                                 "shingles_a": pd.array([], dtype=_SHINGLES),
                                                 "a": np.array([], dtype=np.int64)}))
    # Dask's P2P shuffle cannot carry Arrow list columns; its task shuffle can.
    by_b = with_a.set_index("b", divisions=divisions, shuffle_method="tasks")
    joined = by_b.join(texts_side, how="inner").map_partitions(
        _verify_part, threshold, window_days,
        meta=pd.DataFrame({"a": np.array([], dtype=np.int64), "b": np.array([], dtype=np.int64)}))
    # Components: a tree of union-find merges, eight at a time.
    level = [dask.delayed(_roots)([j]) for j in joined.to_delayed()]
    while len(level) > 1:
        level = [dask.delayed(_roots)(level[i:i + 8]) for i in range(0, len(level), 8)]
    return labelled(level[0] if level else dask.delayed(_roots)([]))
