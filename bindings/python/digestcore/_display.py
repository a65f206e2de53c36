"""Notebook displays (_repr_html_) for posts, collections and digests.

Every value is HTML-escaped and shown inside <bdi> (so a right-to-left
title cannot reorder the cells around it); bidirectional control characters
are shown as their code points instead of acting; no markup or script from
the data reaches the page. Counts come from C++ (Collection.summary).
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterable

from . import _core

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_MAX_TEXT = 160


def _text(value: Any, limit: int = _MAX_TEXT) -> str:
    if value is None:
        return '<span style="opacity:.5">—</span>'
    s = str(value)
    if len(s) > limit:
        s = s[:limit] + "…"
    s = _BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group()):04X}>", s)
    return f"<bdi>{html.escape(s)}</bdi>"


def _link(url: Any) -> str:
    # Only http(s) links become anchors; anything else is shown as text.
    if isinstance(url, str) and re.match(r"(?i)^https?://", url) and not _BIDI_CONTROLS.search(url):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{_text(url, 80)}</a>'
    return _text(url, 80)


def _rows(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in pairs)


def _date(value: Any, has_time: bool) -> str:
    if value is None:
        return _text(None)
    return _text(value.isoformat() if has_time else value.date().isoformat())


def post_html(self: _core.Post) -> str:
    """The post as an HTML table, for notebooks (every value escaped)."""
    d = self.to_dict()
    rows = [
        ("id", _text(d["id"])),
        ("title", _text(d["title"])),
        ("posted on", _date(d["posted_on"], d["posted_on_has_time"])),
        ("published on", _date(d["published_on"], d["published_on_has_time"])),
        ("source", _text(d["source"])),
        ("authors", _text(", ".join(d["authors"]) or None)),
        ("place", _text(d["place"])),
        ("language", _text(d["language"])),
        ("tags", _text(", ".join(d["tags"]) or None)),
        ("url", _link(d["url"])),
        ("excerpt", _text(d["excerpt"])),
    ]
    return f"<table class='digestcore-post'>{_rows(rows)}</table>"


def _counts(title: str, pairs: list[tuple[Any, int]], limit: int = 8) -> str:
    shown = pairs[:limit]
    cells = "".join(f"<tr><td>{_text(k)}</td><td style='text-align:right'>{n}</td></tr>" for k, n in shown)
    more = f"<tr><td colspan=2>… {len(pairs) - limit} more</td></tr>" if len(pairs) > limit else ""
    return f"<table><tr><th colspan=2>{html.escape(title)}</th></tr>{cells}{more}</table>"


def collection_html(self: _core.Collection) -> str:
    """A summary for notebooks: counts by source, language and week."""
    s = self.summary()
    span = "no dated posts"
    if s["first"] is not None:
        span = f"{s['first'].isoformat()} to {s['last'].isoformat()}"
    head = (
        f"<p><b>digestcore.Collection</b>: {s['posts']} posts, {s['sources']} sources, "
        f"{html.escape(span)}; {s['undated']} undated</p>"
    )
    weeks = s["by_week"][-8:]
    tables = (
        _counts("by source", s["by_source"])
        + _counts("by language", s["by_language"])
        + _counts("by week (latest)", weeks, limit=8)
    )
    return f"<div class='digestcore-collection'>{head}<div style='display:flex;gap:2em'>{tables}</div></div>"


def digest_html(self: _core.Digest) -> str:
    """The digest as HTML for notebooks: the library's own renderer, as an <article>."""
    return self.to_html(standalone=False)


def install() -> None:
    _core.Post._repr_html_ = post_html
    _core.Collection._repr_html_ = collection_html
    _core.Digest._repr_html_ = digest_html
