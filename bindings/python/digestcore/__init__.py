"""digestcore: multilingual press digests.

A thin Python layer over the C++ core (``digestcore._core``): sources, posts
and collections; JSON import and export (own format, JSON Lines, JSON Feed
1.1, WordPress REST); curation (attribution lines, source registry, entity
tags); text normalisation; date and attribution parsing; source resolution
and entity tagging; weekly digests.

Posts from a collection are live views, posts of a digest are read-only, and
every mutable object can be shared between threads: see docs/python.md.
"""

import collections.abc as _abc

from . import _core
from ._core import *  # noqa: F401,F403  (the public names of the core)
from ._core import Error, ParseError, NotFoundError, InvalidArgumentError, LimitError  # noqa: F401

__version__: str = _core.__version__

# Collection.posts is a read-only sequence (len, index, slice, iterate).
_abc.Sequence.register(_core.CollectionPosts)


def _posts_index(self, post, start=0, stop=None):
    """The position of `post` (a Post equal to it) in the sequence; ValueError if absent."""
    return _abc.Sequence.index(self, post, start, len(self) if stop is None else stop)


def _posts_count(self, post):
    """How many posts equal `post` (0 or 1: ids are unique)."""
    return _abc.Sequence.count(self, post)


# What Sequence promises beyond len, indexing and iteration.
_core.CollectionPosts.index = _posts_index
_core.CollectionPosts.count = _posts_count

# pandas and Arrow (to_arrow, to_pandas, from_arrow, ...) and notebook
# displays (_repr_html_) are Python glue over C++ columns and summaries.
from . import _frames, _display  # noqa: E402

_frames.install()
_display.install()

__all__ = [name for name in dir(_core) if not name.startswith("_")] + ["__version__"]
