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

__all__ = [name for name in dir(_core) if not name.startswith("_")] + ["__version__"]
