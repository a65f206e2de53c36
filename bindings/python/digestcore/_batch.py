"""Input kinds and output shapes of the batch calls (parse_date_batch,
parse_datetime_batch, parse_attribution_batch, search_key_batch, tag_batch
in ``digestcore._core``, bindings/python/src/batch.cpp).

The C++ side reads lists and tuples itself. For anything else it calls
``prepare(values)``, which says how to read the texts — Python objects,
NumPy's fixed-width UCS-4, or Arrow through the PyCapsule interface — and
gives the shaper that turns the result buffers made in C++ into the output:
NumPy in, NumPy out; pandas in, pandas out (same index and name); Arrow in,
pyarrow out. NumPy, pandas and pyarrow are only imported when the input is
theirs (pyarrow also for pandas text, list and attribution results, which
pandas holds as Arrow data).
"""

from __future__ import annotations

import sys
from typing import Any

_HINT = 'pip install "digestcore[pandas]" (pandas and pyarrow)'


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - exercised without pyarrow
        raise ImportError(f"digestcore needs pyarrow to return this column: {_HINT}") from e
    return pyarrow


def prepare(values: Any) -> tuple[str, Any, Any, Any]:
    """(kind, data, (n, width) for UCS-4 else None, shaper) for `values`."""
    pd = sys.modules.get("pandas")
    if pd is not None:
        if isinstance(values, pd.Series):
            return _from_pandas(values, pd)
        if isinstance(values, pd.DataFrame):
            raise TypeError("values must be one column (a Series), not a DataFrame")
    np = sys.modules.get("numpy")
    if np is not None and isinstance(values, np.ndarray):
        return _from_numpy(values, np)
    if hasattr(values, "__arrow_c_array__") or hasattr(values, "__arrow_c_stream__"):
        return ("arrow", values, None, _Arrow(_pyarrow()))
    if isinstance(values, (str, bytes, bytearray)) or not hasattr(values, "__iter__"):
        raise TypeError(
            "values must be a list or tuple of str, a NumPy array, a pandas Series or Arrow "
            f"data (pyarrow Array or ChunkedArray, __arrow_c_array__), not {type(values).__name__}"
        )
    return ("objects", tuple(values), None, _List())


def _from_numpy(a: Any, np: Any) -> tuple[str, Any, Any, Any]:
    shaper = _NumPy(np, a.shape)
    flat = a.ravel()
    if a.dtype.kind == "U":
        width = a.dtype.itemsize // 4
        native = np.ascontiguousarray(flat, dtype=flat.dtype.newbyteorder("="))
        return ("ucs4", native.view(np.uint32), (flat.size, width), shaper)
    # Object arrays (and NumPy's StringDType, floats of NaN, ...): element by
    # element, so that a non-str is a TypeError naming its index.
    return ("objects", flat.tolist(), None, shaper)


def _from_pandas(s: Any, pd: Any) -> tuple[str, Any, Any, Any]:
    shaper = _Pandas(pd, s.index, s.name)
    dtype = s.dtype
    if getattr(dtype, "storage", None) == "pyarrow" or isinstance(dtype, getattr(pd, "ArrowDtype", ())):
        # pandas 3's default str dtype: Arrow data, read in place.
        return ("arrow", s.array.__arrow_array__(), None, shaper)
    return ("objects", s.to_numpy(dtype=object).tolist(), None, shaper)


class _List:
    """Any other iterable: read as a tuple, answered as a list."""

    layout = "list"


class _NumPy:
    layout = "numpy"

    def __init__(self, np: Any, shape: tuple[int, ...]) -> None:
        self.np = np
        self.shape = shape

    def dates(self, values: bytearray, validity: None, nulls: int) -> Any:
        return self.np.frombuffer(values, "datetime64[D]").reshape(self.shape)

    def datetimes(self, values: bytearray, validity: None, nulls: int) -> Any:
        return self.np.frombuffer(values, "datetime64[us]").reshape(self.shape)

    def objects(self, items: list[Any]) -> Any:
        # fromiter keeps list elements whole (np.array would nest them).
        return self.np.fromiter(items, dtype=object, count=len(items)).reshape(self.shape)


# ---- Arrow arrays from the C++ buffers ------------------------------------------


def _buf(pa: Any, b: bytearray | None) -> Any:
    return None if b is None else pa.py_buffer(b)


def _strings(pa: Any, offsets: bytearray, data: bytearray, validity: bytearray | None,
             nulls: int, large: bool) -> Any:
    n = len(offsets) // (8 if large else 4) - 1
    kind = pa.large_string() if large else pa.string()
    return pa.Array.from_buffers(kind, n, [_buf(pa, validity), pa.py_buffer(offsets), pa.py_buffer(data)],
                                 null_count=nulls)


def _lists(pa: Any, offsets: bytearray, validity: bytearray | None, nulls: int,
           child: tuple[Any, ...]) -> Any:
    items = _strings(pa, *child)
    return pa.Array.from_buffers(pa.list_(items.type), len(offsets) // 4 - 1,
                                 [_buf(pa, validity), pa.py_buffer(offsets)], null_count=nulls,
                                 children=[items])


def _dates(pa: Any, values: bytearray, validity: bytearray | None, nulls: int) -> Any:
    return pa.Array.from_buffers(pa.date32(), len(values) // 4, [_buf(pa, validity), pa.py_buffer(values)],
                                 null_count=nulls)


_ATTRIBUTION_COLUMNS = ("authors", "outlet", "place", "date", "excerpt")


class _Arrow:
    layout = "arrow"

    def __init__(self, pa: Any) -> None:
        self.pa = pa

    def dates(self, values: bytearray, validity: bytearray | None, nulls: int) -> Any:
        return _dates(self.pa, values, validity, nulls)

    def datetimes(self, values: bytearray, validity: bytearray | None, nulls: int) -> Any:
        pa = self.pa
        return pa.Array.from_buffers(pa.timestamp("us", tz="UTC"), len(values) // 8,
                                     [_buf(pa, validity), pa.py_buffer(values)], null_count=nulls)

    def strings(self, *parts: Any) -> Any:
        return _strings(self.pa, *parts)

    def lists(self, *parts: Any) -> Any:
        return _lists(self.pa, *parts)

    def attributions(self, authors: tuple[Any, ...], outlet: tuple[Any, ...], place: tuple[Any, ...],
                     date: tuple[Any, ...], excerpt: tuple[Any, ...]) -> Any:
        pa = self.pa
        children = [_lists(pa, *authors), _strings(pa, *outlet), _strings(pa, *place),
                    _dates(pa, *date), _strings(pa, *excerpt)]
        kind = pa.struct([pa.field(name, c.type) for name, c in zip(_ATTRIBUTION_COLUMNS, children)])
        # A row is null where its line had no header: the authors list says where.
        validity, nulls = authors[1], authors[2]
        return pa.Array.from_buffers(kind, len(children[0]), [_buf(pa, validity)], null_count=nulls,
                                     children=children)


class _Pandas:
    layout = "pandas"

    def __init__(self, pd: Any, index: Any, name: Any) -> None:
        import numpy  # pandas stands on it

        self.pd = pd
        self.np = numpy
        self.index = index
        self.name = name

    def _series(self, data: Any) -> Any:
        return self.pd.Series(data, index=self.index, name=self.name, copy=False)

    def _str_dtype(self) -> Any:
        try:  # pandas 3's default "str": Arrow data, NaN when missing
            return self.pd.StringDtype("pyarrow", na_value=self.np.nan)
        except TypeError:  # pragma: no cover - pandas 2
            return self.pd.StringDtype("pyarrow")

    def _date_array(self, values: bytearray) -> Any:
        return self.np.frombuffer(values, "datetime64[D]").astype("datetime64[s]")

    def dates(self, values: bytearray, validity: None, nulls: int) -> Any:
        return self._series(self._date_array(values))

    def datetimes(self, values: bytearray, validity: None, nulls: int) -> Any:
        return self._series(self.np.frombuffer(values, "datetime64[us]")).dt.tz_localize("UTC")

    def _text_array(self, parts: tuple[Any, ...]) -> Any:
        return self.pd.array(_strings(_pyarrow(), *parts), dtype=self._str_dtype())

    def _list_array(self, parts: tuple[Any, ...]) -> Any:
        return self.pd.arrays.ArrowExtensionArray(_lists(_pyarrow(), *parts))

    def strings(self, *parts: Any) -> Any:
        return self._series(self._text_array(parts))

    def lists(self, *parts: Any) -> Any:
        return self._series(self._list_array(parts))

    def attributions(self, authors: tuple[Any, ...], outlet: tuple[Any, ...], place: tuple[Any, ...],
                     date: tuple[Any, ...], excerpt: tuple[Any, ...]) -> Any:
        columns = {
            "authors": self._list_array(authors),
            "outlet": self._text_array(outlet),
            "place": self._text_array(place),
            "date": self._date_array(date[0]),
            "excerpt": self._text_array(excerpt),
        }
        return self.pd.DataFrame(columns, index=self.index, copy=False)
