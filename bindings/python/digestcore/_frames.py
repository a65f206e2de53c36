"""pandas and Arrow for collections and digests.

The columns are built and read in C++ (``digestcore._core``) and cross into
pyarrow through the Arrow PyCapsule interface, so no Python object is made
per post; pandas sees them through pyarrow. Column schema: docs/arrow.md.
pyarrow (and pandas, for the pandas calls) are optional dependencies:
``pip install "digestcore[pandas]"``.
"""

from __future__ import annotations

from typing import Any

from . import _core

_PANDAS_HINT = 'pip install "digestcore[pandas]" (pandas and pyarrow)'


def _pyarrow():
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - exercised without pyarrow
        raise ImportError(f"digestcore needs pyarrow for this call: {_PANDAS_HINT}") from e
    return pyarrow


def _pandas():
    try:
        import pandas
    except ImportError as e:  # pragma: no cover
        raise ImportError(f"digestcore needs pandas for this call: {_PANDAS_HINT}") from e
    return pandas


def _table(batch: Any) -> Any:
    pa = _pyarrow()
    return pa.Table.from_batches([pa.record_batch(batch)])


def _to_pandas(table: Any) -> Any:
    pa = _pyarrow()
    pd = _pandas()

    def types(t: Any) -> Any:
        # Lists stay Arrow lists (a cell reads as a Python list); offsets
        # keep their nulls as pandas' nullable integers, not floats.
        if pa.types.is_list(t) or pa.types.is_large_list(t):
            return pd.ArrowDtype(t)
        if pa.types.is_int16(t):
            return pd.Int16Dtype()
        return None

    return table.to_pandas(types_mapper=types)


def _stream(data: Any, what: str) -> Any:
    """An Arrow stream capsule from a pyarrow Table/RecordBatch, a pandas
    DataFrame, or anything with the Arrow PyCapsule stream interface."""
    if data is None:
        return None
    if hasattr(data, "__arrow_c_stream__"):
        return data.__arrow_c_stream__()
    pa = _pyarrow()
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(data, pd.DataFrame):
        return pa.Table.from_pandas(data, preserve_index=False).__arrow_c_stream__()
    if hasattr(data, "__arrow_c_array__"):
        return pa.table(data).__arrow_c_stream__()
    raise TypeError(
        f"{what} must be a pyarrow Table or RecordBatch, a pandas DataFrame, or an object "
        f"with __arrow_c_stream__, not {type(data).__name__}"
    )


def to_arrow(self: _core.Collection) -> Any:
    """to_arrow(self)

    The posts as a pyarrow.Table, one row per post in insertion order
    (columns: docs/arrow.md). Built in C++; no Python object per post."""
    return _table(self._arrow_posts())


def sources_to_arrow(self: _core.Collection) -> Any:
    """The sources as a pyarrow.Table (id, name, aliases, url, language,
    country, extra)."""
    return _table(self._arrow_sources())


def to_pandas(self: _core.Collection) -> Any:
    """The posts as a pandas.DataFrame (columns of to_arrow: text as str
    with missing values as NaN/None, authors and tags as Arrow lists,
    dates as datetime64[us, UTC])."""
    return _to_pandas(to_arrow(self))


def sources_to_pandas(self: _core.Collection) -> Any:
    """The sources as a pandas.DataFrame."""
    return _to_pandas(sources_to_arrow(self))


def to_dicts(self: _core.Collection) -> list[dict[str, Any]]:
    """One dict per post with the keys of to_arrow's columns (Post.to_dict):
    None for absent values, dates as aware datetimes in UTC."""
    return [post.to_dict() for post in self]


def from_arrow(posts: Any, sources: Any = None, *, ignore_unknown_columns: bool = False) -> _core.Collection:
    """A new Collection from Arrow data: a pyarrow Table or RecordBatch (or
    anything with __arrow_c_stream__) with the columns of to_arrow (only
    `id` is required), and optionally a sources table. Columns it does not
    know are an error unless ignore_unknown_columns. All or nothing."""
    c = _core.Collection()
    c._import_arrow(_stream(posts, "posts"), _stream(sources, "sources"), ignore_unknown_columns)
    return c


def from_pandas(posts: Any, sources: Any = None, *, ignore_unknown_columns: bool = False) -> _core.Collection:
    """A new Collection from a pandas DataFrame with the columns of
    to_pandas (only `id` is required; NaN, NaT and None are missing
    values), and optionally a sources DataFrame. The index is ignored."""
    return from_arrow(posts, sources, ignore_unknown_columns=ignore_unknown_columns)


def digest_to_arrow(self: _core.Digest) -> Any:
    """The digest as a pyarrow.Table: one row per post in digest order,
    with its section (source id) and section_heading first."""
    return _table(self._arrow())


def digest_to_pandas(self: _core.Digest) -> Any:
    """The digest as a pandas.DataFrame (see Digest.to_arrow)."""
    return _to_pandas(digest_to_arrow(self))


def reader_to_arrow(self: _core.PostReader, rows: int = 16384) -> Any:
    """to_arrow(self, rows=16384)

    The posts not yet read, as a pyarrow.Table with the columns of
    Collection.to_arrow, built in C++ batches of at most ``rows`` posts: a
    file becomes columns without a Post object per row, and the table costs
    less memory than the file. An error in the file is raised as by
    iteration. Afterwards report and sources are set."""
    pa = _pyarrow()
    capsule = self._arrow_stream(rows)
    try:
        return pa.RecordBatchReader._import_from_c_capsule(capsule).read_all()
    except Exception as e:  # pyarrow's type for get_next's errno
        failure = e
    self._raise_arrow_error()  # digestcore's error, with its position
    raise failure  # pragma: no cover - pyarrow's own failure


def reader_to_pandas(self: _core.PostReader, rows: int = 16384) -> Any:
    """to_pandas(self, rows=16384)

    The posts not yet read, as a pandas.DataFrame (the columns of
    Collection.to_pandas), by way of to_arrow."""
    return _to_pandas(reader_to_arrow(self, rows))


def install() -> None:
    C, D = _core.Collection, _core.Digest
    C.to_arrow = to_arrow
    C.to_pandas = to_pandas
    C.to_dicts = to_dicts
    C.sources_to_arrow = sources_to_arrow
    C.sources_to_pandas = sources_to_pandas
    C.from_arrow = staticmethod(from_arrow)
    C.from_pandas = staticmethod(from_pandas)
    R = _core.PostReader
    R.to_arrow = reader_to_arrow
    R.to_pandas = reader_to_pandas
    D.to_arrow = digest_to_arrow
    D.to_pandas = digest_to_pandas
