"""
digestcore native core (use the digestcore package, not this module).
"""
from __future__ import annotations
import collections.abc
import datetime
import os
import typing
import typing_extensions
# Return types of to_pandas/to_arrow. pandas and pyarrow may be absent or
# ship no types: the ignore keeps this stub clean either way (with
# pandas-stubs installed the types are exact, otherwise they are Any).
import pandas  # type: ignore[import-not-found, import-untyped, unused-ignore]
import pyarrow  # type: ignore[import-not-found, import-untyped, unused-ignore]
# NumPy arrays in and out of the batch calls (numpy ships types; it may be absent).
import numpy  # type: ignore[import-not-found, unused-ignore]
import numpy.typing  # type: ignore[import-not-found, unused-ignore]
__all__: list[str] = ['ArrowBatch', 'Attribution', 'Cluster', 'Collection', 'CollectionPosts', 'CurateReport', 'DATE_LANGUAGES', 'DateMatch', 'DateParser', 'Digest', 'DigestSection', 'DuplicateResult', 'EntityMatch', 'Error', 'FileError', 'Gazetteer', 'ImportReport', 'IndexMatch', 'InternalError', 'InvalidArgumentError', 'JoinedPair', 'LimitError', 'MissingFileError', 'NearDuplicateIndex', 'Normalizer', 'NotFoundError', 'OutletList', 'OutletLookup', 'ParseError', 'Period', 'Post', 'PostIterator', 'Source', 'SourceMatch', 'SourceRegistry', 'Story', 'StoryLink', 'StoryResult', 'Token', 'apply_attribution', 'apply_entity_tags', 'build_digest', 'cluster_near_duplicates', 'dominant_script', 'find_dates', 'from_gregorian', 'iso_week', 'latin_key', 'lsh_clusters', 'minhash', 'near_duplicates', 'normalize', 'parse_attribution', 'parse_attribution_batch', 'parse_date', 'parse_date_batch', 'parse_date_detailed', 'parse_period', 'parse_datetime', 'parse_datetime_batch', 'search_key', 'search_key_batch', 'select_by_entity', 'tag_batch', 'to_gregorian', 'tokens', 'transliterate']

class Error(Exception):
    """Base class of every error digestcore raises."""
    code: str
    line: int | None
    offset: int | None
    field: str | None
    file: str | None
    message: str
class InvalidArgumentError(Error, ValueError):
    """An argument digestcore cannot take."""
class ParseError(Error, ValueError):
    """Malformed input. Has .line (1-based, or None), .offset (byte offset or None), .field and .file."""
class NotFoundError(Error, KeyError):
    """A lookup found nothing."""
class FileError(Error, OSError):
    """A file could not be read or written (an OSError: has .errno, .strerror and .filename)."""
class MissingFileError(FileError, FileNotFoundError):
    """The file, or a folder on its path, does not exist (a FileNotFoundError)."""
class LimitError(Error, ValueError):
    """Input over a documented limit (size, depth)."""
class InternalError(Error, RuntimeError):
    """A bug in digestcore."""
@typing.final
class EntityMatch(tuple[str, str, int, int, str | bytes]):
    """One gazetteer match, a named tuple: entity, alias, start, end, text (text[start:end]; bytes when the text searched was bytes). Picklable."""
    n_fields: typing.ClassVar[int]
    n_sequence_fields: typing.ClassVar[int]
    n_unnamed_fields: typing.ClassVar[int]
    __match_args__: typing.ClassVar[tuple[str, str, str, str, str]] = ('entity', 'alias', 'start', 'end', 'text')
    def __new__(cls, sequence: collections.abc.Iterable[str | bytes | int], dict: collections.abc.Mapping[str, object] = ...) -> EntityMatch: ...
    @property
    def entity(self) -> str:
        """The entity id."""
    @property
    def alias(self) -> str:
        """The dictionary alias (or name) that matched, as written."""
    @property
    def start(self) -> int:
        """Start of the match: str index (byte offset for bytes)."""
    @property
    def end(self) -> int:
        """End of the match (exclusive), same unit as start."""
    @property
    def text(self) -> str | bytes:
        """The matched text, text[start:end]."""
# ---- the model, digests, Arrow (core.cpp, frames.cpp, _frames.py, _display.py) ----
# Dates a post takes: a datetime.date or datetime.datetime (a pandas
# Timestamp is one), an ISO 8601 str, or None for none. NaN and NaT are
# taken as None too but are not typed here (a float would type-check
# anywhere).
_DateInput: typing.TypeAlias = datetime.date | str | None
_Day: typing.TypeAlias = datetime.date | str
_Path: typing.TypeAlias = str | bytes | os.PathLike[str] | os.PathLike[bytes]
_JsonText: typing.TypeAlias = str | bytes | bytearray
# The formats the imports read (None: detect) and the exports write.
_InputFormat: typing.TypeAlias = typing.Literal['detect', 'own', 'jsonl', 'json_lines', 'jsonfeed', 'json_feed', 'wordpress', 'rss', 'atom', 'xml', 'xml_feed']
# What an import does with a post whose id or canonical URL is already there.
_OnDuplicate: typing.TypeAlias = typing.Literal['error', 'keep_first', 'keep-first', 'replace', 'merge']
# progress(bytes_read, bytes_total, records): bytes_total is 0 when unknown.
_Progress: typing.TypeAlias = collections.abc.Callable[[int, int, int], object] | None
_OutputFormat: typing.TypeAlias = typing.Literal['own', 'jsonl', 'json_lines', 'jsonfeed', 'json_feed']
# One str, or an iterable of str (a list, a pandas Series).
_Names: typing.TypeAlias = str | collections.abc.Iterable[str] | None
class _ArrowStreamExportable(typing.Protocol):
    # The Arrow PyCapsule stream interface (polars, DuckDB, ...).
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
_ArrowInput: typing.TypeAlias = pyarrow.Table | pyarrow.RecordBatch | _ArrowStreamExportable
class _PostDict(typing.TypedDict):
    """Post.to_dict() and Collection.to_dicts(): the columns of to_arrow."""
    id: str
    title: str | None
    url: str | None
    source: str | None
    place: str | None
    excerpt: str | None
    body: str | None
    language: str | None
    authors: list[str]
    tags: list[str]
    posted_on: datetime.datetime | None
    posted_on_has_time: bool
    posted_on_utc_offset: int | None
    published_on: datetime.datetime | None
    published_on_has_time: bool
    published_on_utc_offset: int | None
    cluster: str | None
    story: str | None
    extra: str | None
class _SkippedRecord(typing.TypedDict):
    """One record an import skipped (ImportReport.skipped)."""
    message: str
    code: str
    line: int
    offset: int | None
    field: str
    file: str
    text: str
class _Summary(typing.TypedDict):
    """Collection.summary()."""
    posts: int
    sources: int
    undated: int
    first: datetime.date | None
    last: datetime.date | None
    by_source: list[tuple[str | None, int]]
    by_language: list[tuple[str | None, int]]
    by_week: list[tuple[str, int]]
class Source:
    """
    A news outlet: id, name, aliases in any script, url, language (BCP 47), country (ISO 3166). Sources you make are yours to change; those a Collection, SourceRegistry or Digest hands out are read-only copies (copy() gives one you can change).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    id: str
    name: str | None
    url: str | None
    language: str | None
    country: str | None
    def __init__(self, id: str, name: str | None = None, aliases: collections.abc.Iterable[str] | None = None, url: str | None = None, language: str | None = None, country: str | None = None) -> None:
        """A standalone source. Every field but id is optional (None, NaN: absent)."""
    @property
    def aliases(self) -> list[str]:
        """A new list on each read: assign a whole list to change it."""
    @aliases.setter
    def aliases(self, value: collections.abc.Iterable[str] | None) -> None: ...
    @property
    def read_only(self) -> bool:
        """True for a copy handed out by a Collection, SourceRegistry or Digest (assignments raise AttributeError)."""
    def copy(self) -> Source:
        """A copy you can change."""
    def __copy__(self) -> Source: ...
    def __deepcopy__(self, memo: object) -> Source: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class Post:
    """
    A clipping: title, link, dates, attribution, excerpt. A Post you make is yours to change. A Post from a Collection (iteration, indexing, .posts, select) is a live view: it reads the collection's current post, and assigning to it changes the collection (its id cannot change). A Post of a Digest is read-only. copy() gives a standalone copy. List fields (authors, tags) give a new list on each read: assign a whole list.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    id: str
    title: str | None
    url: str | None
    source: str | None
    place: str | None
    excerpt: str | None
    body: str | None
    language: str | None
    cluster: str | None
    story: str | None
    def __init__(self, id: str, title: str | None = None, url: str | None = None, posted_on: _DateInput = None, published_on: _DateInput = None, authors: collections.abc.Iterable[str] | None = None, source: str | None = None, place: str | None = None, excerpt: str | None = None, body: str | None = None, language: str | None = None, tags: collections.abc.Iterable[str] | None = None, cluster: str | None = None, story: str | None = None) -> None:
        """A standalone post. Every field but id is optional: None, NaN or NaT mean absent."""
    @property
    def posted_on(self) -> datetime.datetime | None:
        """When the curator posted the clipping: an aware datetime in UTC, or None."""
    @posted_on.setter
    def posted_on(self, value: _DateInput) -> None: ...
    @property
    def published_on(self) -> datetime.datetime | None:
        """When the outlet published the original: an aware datetime in UTC, or None."""
    @published_on.setter
    def published_on(self, value: _DateInput) -> None: ...
    @property
    def posted_on_has_time(self) -> bool:
        """True when posted_on has a time of day, False for a date alone or None."""
    @property
    def published_on_has_time(self) -> bool:
        """True when published_on has a time of day, False for a date alone or None."""
    @property
    def authors(self) -> list[str]:
        """A new list on each read: assign a whole list."""
    @authors.setter
    def authors(self, value: collections.abc.Iterable[str] | None) -> None: ...
    @property
    def tags(self) -> list[str]:
        """A new list on each read: assign a whole list."""
    @tags.setter
    def tags(self, value: collections.abc.Iterable[str] | None) -> None: ...
    @property
    def digest_date(self) -> datetime.date | None:
        """posted_on's date, else published_on's, else None."""
    @property
    def extra(self) -> dict[str, str]:
        """Fields digestcore does not know, as a new dict {name: raw JSON text}."""
    @property
    def read_only(self) -> bool:
        """True for a post of a Digest (assignments raise AttributeError)."""
    @property
    def in_collection(self) -> bool:
        """True for a live view of a collection's post (assignments change the collection)."""
    def copy(self) -> Post:
        """A standalone copy, yours to change, tied to no collection or digest."""
    def to_dict(self) -> _PostDict:
        """The post as a dict with the keys of Collection.to_arrow's columns."""
    def _repr_html_(self) -> str: ...
    def __copy__(self) -> Post: ...
    def __deepcopy__(self, memo: object) -> Post: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class ImportReport:
    """What an import added and what it skipped."""
    @property
    def posts_added(self) -> int: ...
    @property
    def sources_added(self) -> int: ...
    @property
    def skipped(self) -> list[_SkippedRecord]:
        """One dict per skipped record: message, code, line, offset, field, file, text."""
    @property
    def warnings(self) -> list[_SkippedRecord]:
        """One dict per repair made while reading liberally (same keys as skipped)."""
    @property
    def warnings_count(self) -> int:
        """All warnings, kept or not."""
    @property
    def duplicates(self) -> dict[str, int]:
        """Duplicates resolved under on_duplicate: kept_first, replaced, merged."""
    @property
    def format(self) -> typing.Literal['own', 'json_lines', 'json_feed', 'wordpress', 'xml_feed']:
        """The format read."""
    def __repr__(self) -> str: ...
class CurateReport:
    """What Collection.curate changed."""
    @property
    def posts_attributed(self) -> int: ...
    @property
    def sources_added(self) -> int: ...
    @property
    def posts_filed(self) -> int: ...
    @property
    def entity_tags_added(self) -> int: ...
    def to_dict(self) -> dict[str, int]:
        """The four counts as a dict."""
    def __repr__(self) -> str: ...
class PostIterator:
    """Iterator over a collection's posts (live views)."""
    def __iter__(self) -> PostIterator: ...
    def __next__(self) -> Post: ...
class PostReader:
    """The posts of a file, one at a time (iter_posts)."""
    def __iter__(self) -> PostReader: ...
    def __next__(self) -> Post: ...
    @property
    def report(self) -> ImportReport | None:
        """Once the file has been read to its end: its ImportReport (posts read, skipped records, repairs, duplicates); None before, or when reading stopped early."""
    @property
    def sources(self) -> list[Source] | None:
        """Once the file has been read to its end: the sources it defined (read-only copies); None before."""
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The posts not yet read, as an Arrow stream capsule (the columns of Collection.to_arrow)."""
    def _arrow_stream(self, rows: int) -> object: ...
    def _raise_arrow_error(self) -> None: ...
    def to_arrow(self, rows: int = 16384) -> pyarrow.Table:
        """The posts not yet read, as a pyarrow.Table, without a Post object per row."""
    def to_pandas(self, rows: int = 16384) -> pandas.DataFrame:
        """The posts not yet read, as a pandas.DataFrame (by way of to_arrow)."""
    def close(self) -> None: ...
    def __enter__(self) -> PostReader: ...
    def __exit__(self, *args: object) -> bool: ...
def iter_posts(path: _Path, *, format: _InputFormat | None = None, skip_bad_records: bool = False, strict: bool = False, encoding: str | None = None, on_duplicate: typing.Literal['error', 'keep_first', 'keep-first'] = 'error') -> PostReader:
    """The posts of a file one at a time, as standalone Posts, in bounded memory for JSON Lines and feeds."""
class CollectionPosts(collections.abc.Sequence[Post]):
    """
    The posts of a collection as a live, read-only sequence of Post views: no post is copied. It grows when the collection does.
    """
    @typing.overload
    def __getitem__(self, index: typing.SupportsIndex) -> Post: ...
    @typing.overload
    def __getitem__(self, index: slice) -> list[Post]: ...
    def __iter__(self) -> PostIterator: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def index(self, post: Post, start: int = 0, stop: int | None = None) -> int: ...
    def count(self, post: Post) -> int: ...
class Collection:
    """
    Posts and sources, unique by id, in insertion order. Imports are all or nothing unless skip_bad_records=True. Posts it hands out are live views (see Post). Safe to share between threads: changes take the collection's lock exclusively, reads share it.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __init__(self) -> None:
        """An empty collection."""
    @staticmethod
    def load(path: _Path, *, format: _InputFormat | None = None, skip_bad_records: bool = False, strict: bool = False, encoding: str | None = None, on_duplicate: _OnDuplicate = 'error', progress: _Progress = None, where: str | Period | tuple[_Day, _Day] | list[_Day] | collections.abc.Callable[[Post], object] | None = None) -> Collection:
        """A new collection read from a file ('-' is standard input; format: detect, own, jsonl, jsonfeed, wordpress, rss, atom); where= keeps only a period's posts, or those a callable accepts, streaming the file."""
    @staticmethod
    def from_json(data: _JsonText, *, format: _InputFormat | None = None, skip_bad_records: bool = False, strict: bool = False, encoding: str | None = None, on_duplicate: _OnDuplicate = 'error', progress: _Progress = None) -> Collection:
        """A new collection parsed from a str, bytes or bytearray of JSON, RSS or Atom."""
    @staticmethod
    def from_arrow(posts: _ArrowInput, sources: _ArrowInput | None = None, *, ignore_unknown_columns: bool = False) -> Collection:
        """A new Collection from Arrow data with the columns of to_arrow (only id is required)."""
    @staticmethod
    def from_pandas(posts: pandas.DataFrame, sources: pandas.DataFrame | None = None, *, ignore_unknown_columns: bool = False) -> Collection:
        """A new Collection from a DataFrame with the columns of to_pandas (the index is ignored)."""
    def import_file(self, path: _Path, *, format: _InputFormat | None = None, skip_bad_records: bool = False, fill_from_attribution: bool = False, sources: _Sources = None, strict: bool = False, encoding: str | None = None, on_duplicate: _OnDuplicate = 'error', progress: _Progress = None) -> ImportReport:
        """Adds the posts and sources of a file; fill_from_attribution and sources are deprecated."""
    def import_json(self, data: _JsonText, *, format: _InputFormat | None = None, skip_bad_records: bool = False, fill_from_attribution: bool = False, sources: _Sources = None, strict: bool = False, encoding: str | None = None, on_duplicate: _OnDuplicate = 'error', progress: _Progress = None) -> ImportReport:
        """Adds the posts and sources of a JSON text; fill_from_attribution and sources are deprecated."""
    def curate(self, sources: SourceRegistry | None = None, entities: Gazetteer | None = None, *, fill_from_attribution: bool = False, entity_tag_prefix: str = 'entity:', languages: _Names = None, order: str | None = None, reference: _DateInput = None, fuzzy: bool = True, min_score: float = 0.85, tag_title: bool = True, tag_excerpt: bool = True, tag_body: bool = True) -> CurateReport:
        """Fills posts from attribution lines, files them under the registry, tags entities (see docs/python.md)."""
    def to_json(self, format: _OutputFormat = 'own', pretty: bool = True) -> str:
        """The collection as JSON: own (default), jsonl or jsonfeed."""
    def save(self, path: _Path, format: _OutputFormat = 'own', *, pretty: bool = True) -> None:
        """Writes the collection to a file (own, jsonl or jsonfeed) atomically."""
    def add_post(self, post: Post) -> None:
        """Adds a copy of the post."""
    def add_source(self, source: Source) -> None:
        """Adds a copy of the source."""
    @property
    def posts(self) -> CollectionPosts:
        """The posts as a live sequence of Post views (no copies), in insertion order."""
    @property
    def sources(self) -> list[Source]:
        """A list of read-only copies of the sources, in insertion order."""
    def source(self, id: str) -> Source:
        """A read-only copy of the source with this id; NotFoundError if none."""
    def select(self, first: _DateInput = None, last: _DateInput = None, *, ids: _Names = None, sources: _Names = None, languages: _Names = None, tags: _Names = None) -> Collection:
        """A new Collection of copies of the posts that meet every condition given."""
    def digest(self, period: str | Period | tuple[_Day, _Day] | list[_Day], *, title: str | None = None, group_by: str = 'source', rank: str = 'date', locale: str = 'en', stories: bool = False, per_section: int = 0, limit: int = 0, entities: Gazetteer | None = None, reference: _DateInput = None) -> Digest:
        """The digest of a period str (parse_period), a Period, or a (first, last) pair of dates."""
    def write_site(self, dir: str | os.PathLike[str], *, title: str = 'Clippings', locale: str = 'en', periods: str = 'week', digest_title: str | None = None, group_by: str = 'source', rank: str = 'date', stories: bool = False, per_section: int = 0, page_size: int = 200, base_url: str = '', entities: Gazetteer | None = None) -> list[str]:
        """Writes the static clippings site under dir; returns the paths written."""
    def summary(self) -> _Summary:
        """Counts at a glance: posts, sources, undated, first, last, by_source, by_language, by_week."""
    def near_duplicates(self, threshold: float = 0.8, *, window_days: int | None = None, permutations: int = 128, seed: int = 1, boilerplate_min_texts: int = 3, threads: int | None = None) -> DuplicateResult:
        """Near-duplicate clusters of the posts; indices are positions in posts (stories.cpp)."""
    def clusters(self, threshold: float = 0.8, *, window_days: int | None = None, permutations: int = 128, seed: int = 1, boilerplate_min_texts: int = 3, threads: int | None = None) -> list[list[str]]:
        """Near-duplicate clusters as lists of post ids, the representative first."""
    def stories(self, *, entities: Gazetteer | None = None, window_days: int = 3, link_threshold: float = 0.35, threshold: float = 0.8, across_languages_only: bool = False) -> StoryResult:
        """The posts grouped into stories across languages."""
    def to_arrow(self) -> pyarrow.Table:
        """The posts as a pyarrow.Table, one row per post (columns: docs/arrow.md)."""
    def sources_to_arrow(self) -> pyarrow.Table:
        """The sources as a pyarrow.Table."""
    def to_pandas(self) -> pandas.DataFrame:
        """The posts as a pandas.DataFrame (the columns of to_arrow)."""
    def sources_to_pandas(self) -> pandas.DataFrame:
        """The sources as a pandas.DataFrame."""
    def to_dicts(self) -> list[_PostDict]:
        """One dict per post (Post.to_dict)."""
    def _repr_html_(self) -> str: ...
    def __getitem__(self, id: str) -> Post:
        """The live view of post `id`; NotFoundError (a KeyError) if none."""
    def __contains__(self, id: object, /) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> PostIterator: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class Period:
    """A span of days, first and last inclusive."""
    @property
    def first(self) -> datetime.date: ...
    @property
    def last(self) -> datetime.date: ...
    @property
    def label(self) -> str:
        """A name parse_period reads back: '2021-W33', '2021-08', '1400-06', '2021-08-12/2021-08-18'."""
    @property
    def kind(self) -> str:
        """'iso_week', 'week', 'month', 'range' or 'days'."""
    @property
    def calendar(self) -> str:
        """'gregorian' or 'persian'."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __repr__(self) -> str: ...
class DigestSection:
    """The posts of one source in a digest (read-only)."""
    @property
    def source(self) -> str:
        """The source id ('' for posts with no source)."""
    @property
    def heading(self) -> str:
        """The source's name, or its id when the collection lacks it."""
    @property
    def source_record(self) -> Source | None:
        """The collection's Source for this section (a read-only copy), or None."""
    @property
    def posts(self) -> list[Post]:
        """The section's posts, read-only, in the digest's rank order."""
    @property
    def items(self) -> list[tuple[Post, str, int, list[Post], list[str]]]:
        """(post, story, outlets, also, entities) per item, parallel to posts."""
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
class Digest:
    """
    Posts of a period grouped by source, ordered by date. Holds its own copies of the posts (read-only), so it outlives the collection.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @property
    def title(self) -> str: ...
    @property
    def period(self) -> Period: ...
    @property
    def locale(self) -> str: ...
    @property
    def group_by(self) -> str: ...
    @property
    def rank(self) -> str: ...
    @property
    def sections(self) -> list[DigestSection]:
        """The sections, by heading."""
    def to_markdown(self) -> str: ...
    def to_html(self, standalone: bool = True) -> str:
        """The digest as an HTML page (or its <article> alone): escaped, no script, lang and dir per item."""
    @staticmethod
    def from_json(json: str) -> Digest:
        """A digest read back from to_json's output."""
    def to_json(self, pretty: bool = True) -> str: ...
    def to_json_feed(self, title: str | None = None, home_page_url: str = '', feed_url: str = '', pretty: bool = True) -> str:
        """The digest's posts as a JSON Feed 1.1, in digest order."""
    def to_arrow(self) -> pyarrow.Table:
        """One row per post in digest order, with section and section_heading first."""
    def to_pandas(self) -> pandas.DataFrame:
        """The digest as a pandas.DataFrame (see to_arrow)."""
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class ArrowBatch:
    """One record batch through the Arrow PyCapsule interface; pyarrow.record_batch(batch) takes it (once)."""
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]:
        """The (schema, array) capsules of the Arrow C data interface."""
# ---- text, dates, attribution, sources, entities (normalize.cpp, dates.cpp, entities.cpp) ----
# Inside classes that have a `datetime` property the module name is hidden:
# these aliases name the types there.
_Date: typing.TypeAlias = datetime.date
_DateTime: typing.TypeAlias = datetime.datetime
_Span: typing.TypeAlias = tuple[int, int]
# Where a year-less date falls relative to the reference (None: 'past').
_Yearless: typing.TypeAlias = typing.Literal['past', 'nearest'] | None
# The `sources` argument of the attribution calls.
_Sources: typing.TypeAlias = OutletLookup | collections.abc.Mapping[str, str | collections.abc.Iterable[str]] | collections.abc.Iterable[Source] | None
_Aliases: typing.TypeAlias = str | collections.abc.Iterable[str | tuple[str, bool]]
_Tags: typing.TypeAlias = collections.abc.Mapping[str, collections.abc.Mapping[str, int]]
class _Entity(typing.TypedDict):
    id: str
    name: str | None
    type: str | None
    aliases: list[str | tuple[str, bool]]
class Token(tuple[str, int, int]):
    """A word of a text, a named tuple: its search-key form and its span text[start:end] in the text given to tokens() (str indices for str, byte offsets for bytes). Hashable, picklable; compares as a tuple."""
    n_fields: typing.ClassVar[int]
    n_sequence_fields: typing.ClassVar[int]
    n_unnamed_fields: typing.ClassVar[int]
    __match_args__: typing.ClassVar[tuple[str, str, str]] = ('key', 'start', 'end')
    def __new__(cls, key: str, start: typing.SupportsIndex, end: typing.SupportsIndex) -> Token: ...
    @property
    def key(self) -> str:
        """The token's search key."""
    @property
    def start(self) -> int:
        """Start of its span in the text (inclusive)."""
    @property
    def end(self) -> int:
        """End of its span in the text (exclusive)."""
class Normalizer:
    """The normaliser, with its UTF-8 mode fixed: its methods are the module functions without the strict argument. Thread-safe; picklable."""
    def __init__(self, strict: bool = False) -> None:
        """strict=True: ill-formed UTF-8 raises ParseError instead of becoming U+FFFD."""
    @property
    def strict(self) -> bool:
        """True when ill-formed UTF-8 raises ParseError."""
    @typing.overload
    def normalize(self, text: str, form: str = 'nfc') -> str: ...
    @typing.overload
    def normalize(self, text: bytes | bytearray, form: str = 'nfc') -> bytes: ...
    @typing.overload
    def normalize(self, text: None, form: str = 'nfc') -> None: ...
    @typing.overload
    def search_key(self, text: str) -> str: ...
    @typing.overload
    def search_key(self, text: bytes | bytearray) -> bytes: ...
    @typing.overload
    def search_key(self, text: None) -> None: ...
    @typing.overload
    def latin_key(self, text: str) -> str: ...
    @typing.overload
    def latin_key(self, text: bytes | bytearray) -> bytes: ...
    @typing.overload
    def latin_key(self, text: None) -> None: ...
    @typing.overload
    def transliterate(self, text: str) -> str: ...
    @typing.overload
    def transliterate(self, text: bytes | bytearray) -> bytes: ...
    @typing.overload
    def transliterate(self, text: None) -> None: ...
    @typing.overload
    def tokens(self, text: str | bytes | bytearray) -> list[Token]: ...
    @typing.overload
    def tokens(self, text: None) -> None: ...
    @typing.overload
    def dominant_script(self, text: str | bytes | bytearray) -> str: ...
    @typing.overload
    def dominant_script(self, text: None) -> None: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __repr__(self) -> str: ...
class DateMatch:
    """One date read from a text: value, calendar, language, str-index span, ambiguity. Picklable."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @property
    def value(self) -> _Date | None:
        """datetime.date, or datetime.datetime when the text gave a time; None when ambiguous."""
    @property
    def date(self) -> _Date | None:
        """The Gregorian datetime.date; None when ambiguous."""
    @property
    def datetime(self) -> _DateTime | None:
        """As a datetime.datetime (midnight without a time; aware with an offset or zone); None when ambiguous."""
    @property
    def calendar(self) -> str:
        """'gregorian', 'persian' or 'islamic-umalqura': the calendar it was written in."""
    @property
    def written(self) -> tuple[int, int, int]:
        """(year, month, day) in that calendar."""
    @property
    def start(self) -> int:
        """str index of the date's first character."""
    @property
    def end(self) -> int:
        """str index one past its last character."""
    @property
    def ambiguous(self) -> bool:
        """True when two or more readings fit."""
    @property
    def readings(self) -> list[_Date]:
        """Every reading when ambiguous, else []."""
    @property
    def language(self) -> str | None:
        """Language of the month or weekday name read; None for numeric forms."""
    @property
    def has_weekday(self) -> bool:
        """True when the text named a weekday."""
    @property
    def weekday_mismatch(self) -> bool:
        """True when the weekday named does not fall on the date."""
    @property
    def precision(self) -> typing.Literal['day', 'month', 'year']:
        """'day', or 'month'/'year' for a partial date (allow_partial=True), whose value is its first day."""
    @property
    def relative(self) -> bool:
        """True when read against the reference ('yesterday', '3 hours ago')."""
    @property
    def time_unread(self) -> bool:
        """True when a time or zone next to the date could not be read: the date is given without what was not read."""
    @property
    def zone_named(self) -> bool:
        """True when the UTC offset came from a zone name ('ET') at this date, not a fixed offset."""
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class DateParser:
    """A reusable date parser with fixed options (those of parse_date). Thread-safe; picklable."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __init__(self, languages: _Names = None, order: str | None = None, reference: _DateInput = None, *, allow_partial: bool = False, yearless: _Yearless = None) -> None:
        """languages: BCP 47 tags (None: all); order: 'DMY', 'MDY' or 'YMD'; reference: the date (a datetime also gives the time of day) relative and year-less forms are read against; allow_partial: read 'August 2021' and '2021'; yearless: 'past' or 'nearest'."""
    @property
    def languages(self) -> list[str]:
        """The language tags given ([] for every supported language)."""
    @property
    def order(self) -> str | None:
        """'DMY', 'MDY', 'YMD', or None."""
    @property
    def reference(self) -> _Date | None:
        """The reference date (a datetime when its time of day was given), or None."""
    @property
    def allow_partial(self) -> bool:
        """True when month-year and year-only dates are read."""
    @property
    def yearless(self) -> typing.Literal['past', 'nearest']:
        """Where a year-less date falls relative to the reference."""
    def parse_date(self, text: str | None) -> _Date | None:
        """As digestcore.parse_date with this parser's options."""
    def parse_datetime(self, text: str | None) -> _DateTime | None:
        """As digestcore.parse_datetime with this parser's options."""
    def parse_detailed(self, text: str | None) -> DateMatch | None:
        """As digestcore.parse_date_detailed with this parser's options."""
    @typing.overload
    def find_dates(self, text: str) -> list[DateMatch]: ...
    @typing.overload
    def find_dates(self, text: None) -> None: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class OutletLookup:
    """Anything that names known outlets for parse_attribution (OutletList, SourceRegistry)."""
class OutletList(OutletLookup):
    """Outlets by the search key of their names and aliases. Thread-safe; picklable."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __init__(self, sources: collections.abc.Mapping[str, str | collections.abc.Iterable[str]] | collections.abc.Iterable[Source] | None = None) -> None:
        """sources: None, a dict {id: name or [names]} or an iterable of Source."""
    def add(self, id: str, name: str) -> bool:
        """Adds a name of outlet `id`; False when the name belongs to another id or has no letters or digits."""
    def find(self, text: str | None) -> str | None:
        """The id of the outlet `text` names, or None."""
    def __len__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class Attribution:
    """The header of a clipping: authors, outlet, source id, place, date, excerpt, each with its str-index span; absent parts (and their spans) are None. Picklable."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @property
    def authors(self) -> list[str]:
        """The authors as written, without 'By'; [] when none."""
    @property
    def outlet(self) -> str | None:
        """The outlet as written, or None."""
    @property
    def source(self) -> str | None:
        """The registry's source id for the outlet, or None."""
    @property
    def place(self) -> str | None:
        """The place (dateline), or None."""
    @property
    def date(self) -> _Date | None:
        """The date; None when ambiguous."""
    @property
    def datetime(self) -> _DateTime | None:
        """The date as a datetime (midnight without a time, aware with an offset or zone); None when ambiguous."""
    @property
    def date_ambiguous(self) -> bool:
        """True when the line's date has two readings."""
    @property
    def excerpt(self) -> str | None:
        """The text after the header's separator, or None."""
    @property
    def method(self) -> str:
        """'registry' or 'heuristic'."""
    @property
    def author_spans(self) -> list[_Span]:
        """(start, end) of each author."""
    @property
    def outlet_span(self) -> _Span | None:
        """(start, end) of the outlet, or None."""
    @property
    def place_span(self) -> _Span | None:
        """(start, end) of the place, or None."""
    @property
    def date_span(self) -> _Span | None:
        """(start, end) of the date."""
    @property
    def excerpt_span(self) -> _Span | None:
        """(start, end) of the excerpt, or None."""
    @property
    def header_span(self) -> _Span:
        """(start, end) from the line's start to the end of the separator."""
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
    def _repr_html_(self) -> str: ...
class SourceMatch:
    """What SourceRegistry.resolve found: source, score, method, matched. Picklable."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @property
    def source(self) -> Source:
        """A read-only copy of the registry's Source."""
    @property
    def id(self) -> str:
        """The source's id."""
    @property
    def score(self) -> float:
        """1.0 for name, alias and domain matches; the fuzzy score otherwise."""
    @property
    def method(self) -> str:
        """'name', 'alias', 'domain' or 'fuzzy'."""
    @property
    def matched(self) -> str | None:
        """The name, alias or domain that matched, as written."""
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class SourceRegistry(OutletLookup):
    """Known outlets, resolved from names, aliases (any script), URLs and misspellings. Thread-safe; picklable."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __init__(self) -> None:
        """An empty registry."""
    @staticmethod
    def load(path: _Path) -> SourceRegistry:
        """A new registry read from a JSON file; MissingFileError, FileError, ParseError."""
    @staticmethod
    def from_json(data: _JsonText) -> SourceRegistry:
        """A new registry parsed from a JSON str or bytes."""
    @staticmethod
    def from_sources(sources: collections.abc.Iterable[Source]) -> SourceRegistry:
        """A new registry of these Source objects."""
    def add(self, source: Source) -> None:
        """Adds a copy of the Source; ParseError for a duplicate id."""
    def resolve(self, text: str | bytes | bytearray | None, *, fuzzy: bool = True, min_score: float = 0.85) -> SourceMatch | None:
        """The SourceMatch of the source `text` names, or None."""
    def find(self, id: str) -> Source | None:
        """A read-only copy of the Source with this id, or None."""
    @property
    def sources(self) -> list[Source]:
        """A list of read-only copies of the sources, in the order added."""
    def to_json(self, pretty: bool = True) -> str:
        """The registry as JSON, which from_json reads back."""
    def save(self, path: _Path, pretty: bool = True) -> None:
        """Writes the registry to a JSON file atomically."""
    def resolve_posts(self, collection: Collection, *, fuzzy: bool = True, min_score: float = 0.85) -> int:
        """Sets each post's source to a registry id where its outlet (or URL) resolves; returns the number changed."""
    def __contains__(self, id: object, /) -> bool: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class Gazetteer:
    """Named entities with aliases in any script, matched whole-token and leftmost-longest. Thread-safe; picklable."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __init__(self) -> None:
        """An empty gazetteer."""
    @staticmethod
    def load(path: _Path) -> Gazetteer:
        """A new gazetteer read from a JSON file; MissingFileError, FileError, ParseError."""
    @staticmethod
    def from_json(data: _JsonText) -> Gazetteer:
        """A new gazetteer parsed from a JSON str or bytes."""
    def add_file(self, path: _Path) -> None:
        """Adds the entities of a JSON file, all or nothing."""
    def add_json(self, data: _JsonText) -> None:
        """Adds the entities of a JSON str or bytes, all or nothing."""
    @typing_extensions.deprecated("use Gazetteer.from_json(data) or g.add_json(data)")
    def loads(self, data: _JsonText) -> Gazetteer:
        """Deprecated: adds the entities of a JSON str or bytes and returns self."""
    def add(self, entity_id: str, aliases: _Aliases, case_sensitive: bool = False) -> None:
        """Adds aliases to an entity, creating it. All or nothing."""
    def add_entity(self, id: str, *, name: str = '', type: str = '', aliases: _Aliases = ()) -> None:
        """Adds an entity (merged with one of the same id)."""
    def to_json(self, pretty: bool = True) -> str:
        """The gazetteer as JSON, which from_json reads back."""
    def save(self, path: _Path, pretty: bool = True) -> None:
        """Writes the gazetteer to a JSON file atomically."""
    def compile(self) -> None:
        """Builds the automaton now (find does it on first use otherwise)."""
    @typing.overload
    def find(self, text: str | bytes | bytearray) -> list[EntityMatch]: ...
    @typing.overload
    def find(self, text: None) -> None: ...
    def entity(self, id: str) -> _Entity | None:
        """The entity as a dict {id, name, type, aliases}, or None."""
    @property
    def entity_ids(self) -> list[str]:
        """The entity ids, in the order added."""
    @property
    def alias_count(self) -> int:
        """The number of distinct aliases (names included)."""
    def tag(self, collection: Collection, *, title: bool = True, excerpt: bool = True, body: bool = True) -> dict[str, dict[str, int]]:
        """{post id: {entity id: mentions}} for every post, most mentioned first."""
    def __contains__(self, id: object, /) -> bool: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
def apply_attribution(post: Post, sources: _Sources = None, *, languages: _Names = None, order: str | None = None, reference: _DateInput = None) -> bool:
    """Fills the post's missing authors, source, place and published_on from the attribution line opening its excerpt (else body); True when a field was filled."""
def apply_entity_tags(collection: Collection, tags: _Tags, prefix: str = 'entity:') -> int:
    """Adds prefix + entity id to the tags of each tagged post; returns the number added."""
def build_digest(collection: Collection, week: str, *, title: str = '') -> Digest:
    """
    The digest of an ISO week such as '2021-W33'.
    """
@typing.overload
def dominant_script(text: str | bytes | bytearray) -> str: ...
@typing.overload
def dominant_script(text: None) -> None: ...
@typing.overload
def find_dates(text: str, languages: _Names = None, order: str | None = None, reference: _DateInput = None, *, allow_partial: bool = False, yearless: _Yearless = None) -> list[DateMatch]: ...
@typing.overload
def find_dates(text: None, languages: _Names = None, order: str | None = None, reference: _DateInput = None, *, allow_partial: bool = False, yearless: _Yearless = None) -> None: ...
def from_gregorian(date: _DateInput, calendar: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a Gregorian date in `calendar`; None out of range or for a missing date."""
def parse_period(text: str, reference: _DateInput = None) -> Period:
    """The Period a str names ('2021-W36', '2021-08', '1400-06', '2021-08-12/2021-08-18', 'P7D/2021-09-10', 'week-ending:fri', 'last-7-days')."""
def iso_week(week: str) -> Period:
    """
    The Period of an ISO week such as '2021-W33'; ParseError if it is not one.
    """
@typing.overload
def latin_key(text: str, strict: bool = False) -> str: ...
@typing.overload
def latin_key(text: bytes | bytearray, strict: bool = False) -> bytes: ...
@typing.overload
def latin_key(text: None, strict: bool = False) -> None: ...
@typing.overload
def normalize(text: str, form: str = 'nfc', strict: bool = False) -> str: ...
@typing.overload
def normalize(text: bytes | bytearray, form: str = 'nfc', strict: bool = False) -> bytes: ...
@typing.overload
def normalize(text: None, form: str = 'nfc', strict: bool = False) -> None: ...
def parse_attribution(line: str | None, sources: _Sources = None, languages: _Names = None, order: str | None = None, reference: _DateInput = None) -> Attribution | None:
    """The Attribution of the header `line` opens with, or None."""
def parse_date(text: str | None, languages: _Names = None, order: str | None = None, reference: _DateInput = None, *, allow_partial: bool = False, yearless: _Yearless = None) -> datetime.date | None:
    """The date `text` holds, as a datetime.date, or None. reference: a date or datetime (whose time '3 hours ago' needs); allow_partial: read 'August 2021' and '2021'; yearless: 'past' or 'nearest'."""
def parse_date_detailed(text: str | None, languages: _Names = None, order: str | None = None, reference: _DateInput = None, *, allow_partial: bool = False, yearless: _Yearless = None) -> DateMatch | None:
    """A DateMatch (value, calendar, language, span, ambiguity), or None."""
def parse_datetime(text: str | None, languages: _Names = None, order: str | None = None, reference: _DateInput = None, *, allow_partial: bool = False, yearless: _Yearless = None) -> datetime.datetime | None:
    """As parse_date, as a datetime.datetime (midnight without a time; aware with an offset or zone), or None."""
@typing.overload
def search_key(text: str, strict: bool = False) -> str: ...
@typing.overload
def search_key(text: bytes | bytearray, strict: bool = False) -> bytes: ...
@typing.overload
def search_key(text: None, strict: bool = False) -> None: ...
def select_by_entity(collection: Collection, tags: _Tags, entity_id: str) -> list[Post]:
    """The posts (live views) that mention entity_id according to tags."""
def to_gregorian(calendar: str, year: typing.SupportsInt | typing.SupportsIndex, month: typing.SupportsInt | typing.SupportsIndex, day: typing.SupportsInt | typing.SupportsIndex) -> datetime.date | None:
    """The Gregorian date of a date in `calendar`, or None when there is no such date."""
@typing.overload
def tokens(text: str | bytes | bytearray, strict: bool = False) -> list[Token]: ...
@typing.overload
def tokens(text: None, strict: bool = False) -> None: ...
@typing.overload
def transliterate(text: str, strict: bool = False) -> str: ...
@typing.overload
def transliterate(text: bytes | bytearray, strict: bool = False) -> bytes: ...
@typing.overload
def transliterate(text: None, strict: bool = False) -> None: ...
# ---- batch calls (batch.cpp, _batch.py) ----
# One call over a column: the result has the input's shape. Overloads by
# input kind: a pandas Series (told by .iloc), a NumPy array, Arrow data, and
# any other iterable (a list or tuple), whose elements are str or missing
# (None, NaN; pandas NA/NaT are taken too but are not typed here).
class _PandasSeries(typing.Protocol):
    @property
    def iloc(self) -> object: ...
class _ArrowArrayExportable(typing.Protocol):
    # The Arrow PyCapsule array interface (pyarrow Array, nanoarrow, ...).
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...
_ArrowText: typing.TypeAlias = _ArrowArrayExportable | _ArrowStreamExportable
_Texts: typing.TypeAlias = collections.abc.Iterable[str | float | None]
@typing.overload
def parse_attribution_batch(values: _PandasSeries, *, sources: _Sources = None, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> pandas.DataFrame: ...
@typing.overload
def parse_attribution_batch(values: numpy.typing.NDArray[typing.Any], *, sources: _Sources = None, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> numpy.typing.NDArray[numpy.object_]: ...
@typing.overload
def parse_attribution_batch(values: _ArrowText, *, sources: _Sources = None, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> pyarrow.StructArray: ...
@typing.overload
def parse_attribution_batch(values: _Texts, *, sources: _Sources = None, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> list[Attribution | None]: ...
@typing.overload
def parse_date_batch(values: _PandasSeries, *, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> pandas.Series: ...
@typing.overload
def parse_date_batch(values: numpy.typing.NDArray[typing.Any], *, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> numpy.typing.NDArray[numpy.datetime64]: ...
@typing.overload
def parse_date_batch(values: _ArrowText, *, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> pyarrow.Date32Array: ...
@typing.overload
def parse_date_batch(values: _Texts, *, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> list[datetime.date | None]: ...
@typing.overload
def parse_datetime_batch(values: _PandasSeries, *, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> pandas.Series: ...
@typing.overload
def parse_datetime_batch(values: numpy.typing.NDArray[typing.Any], *, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> numpy.typing.NDArray[numpy.datetime64]: ...
@typing.overload
def parse_datetime_batch(values: _ArrowText, *, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> pyarrow.TimestampArray: ...
@typing.overload
def parse_datetime_batch(values: _Texts, *, languages: _Names = None, order: str | None = None, reference: _DateInput = None, threads: int | None = None) -> list[datetime.datetime | None]: ...
@typing.overload
def search_key_batch(values: _PandasSeries, *, strict: bool = False, threads: int | None = None) -> pandas.Series: ...
@typing.overload
def search_key_batch(values: numpy.typing.NDArray[typing.Any], *, strict: bool = False, threads: int | None = None) -> numpy.typing.NDArray[numpy.object_]: ...
@typing.overload
def search_key_batch(values: _ArrowText, *, strict: bool = False, threads: int | None = None) -> pyarrow.Array: ...
@typing.overload
def search_key_batch(values: _Texts, *, strict: bool = False, threads: int | None = None) -> list[str | None]: ...
@typing.overload
def tag_batch(values: _PandasSeries, entities: Gazetteer, *, threads: int | None = None) -> pandas.Series: ...
@typing.overload
def tag_batch(values: numpy.typing.NDArray[typing.Any], entities: Gazetteer, *, threads: int | None = None) -> numpy.typing.NDArray[numpy.object_]: ...
@typing.overload
def tag_batch(values: _ArrowText, entities: Gazetteer, *, threads: int | None = None) -> pyarrow.ListArray: ...
@typing.overload
def tag_batch(values: _Texts, entities: Gazetteer, *, threads: int | None = None) -> list[list[str] | None]: ...
# ---- stories and near duplicates (stories.cpp) ----
# Texts to compare: any iterable of str (None and NaN read as empty text).
_StoryTexts: typing.TypeAlias = _Texts | _ArrowText | numpy.typing.NDArray[typing.Any]
class _DuplicateStats(typing.TypedDict):
    """DuplicateResult.stats."""
    bands: int
    rows: int
    candidate_pairs: int
    verified_pairs: int
    boilerplate_sentences: int
class JoinedPair:
    """One pair of texts that joined a cluster: indices, estimated and verified similarity, rule."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @property
    def a(self) -> int: ...
    @property
    def b(self) -> int: ...
    @property
    def estimated(self) -> float: ...
    @property
    def verified(self) -> float: ...
    @property
    def rule(self) -> typing.Literal['exact', 'near_duplicate', 'estimated']: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class Cluster:
    """Near-duplicate texts: indices, the representative and the pairs that joined them."""
    @property
    def representative(self) -> int: ...
    @property
    def members(self) -> list[int]: ...
    @property
    def pairs(self) -> list[JoinedPair]: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
class DuplicateResult:
    """Near-duplicate clusters: every text in exactly one, ordered by smallest member."""
    @property
    def clusters(self) -> list[Cluster]: ...
    @property
    def cluster_of(self) -> list[int]: ...
    @property
    def stats(self) -> _DuplicateStats: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
class StoryLink:
    """Why two clusters belong to one story: a post of each (ids), the score, the shared anchors."""
    @property
    def a(self) -> str: ...
    @property
    def b(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def shared(self) -> list[str]: ...
    def __repr__(self) -> str: ...
class Story:
    """Posts about one event in any language: clusters linked by shared anchors."""
    @property
    def id(self) -> str: ...
    @property
    def representative(self) -> str: ...
    @property
    def posts(self) -> list[str]: ...
    @property
    def clusters(self) -> list[list[str]]: ...
    @property
    def links(self) -> list[StoryLink]: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
class StoryResult:
    """The stories of a collection: every post in exactly one story."""
    @property
    def stories(self) -> list[Story]: ...
    @property
    def duplicates(self) -> DuplicateResult: ...
    @property
    def story_of(self) -> list[int]: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
class IndexMatch:
    """What NearDuplicateIndex.add or query found: id, cluster, similarity."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @property
    def id(self) -> str: ...
    @property
    def cluster(self) -> str: ...
    @property
    def similarity(self) -> float: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __repr__(self) -> str: ...
class NearDuplicateIndex:
    """Texts added one at a time; each add says whether it is a near duplicate of an earlier one. Thread-safe; picklable."""
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __init__(self, threshold: float = 0.8, *, window_days: int | None = None, permutations: int = 128, seed: int = 1) -> None: ...
    def add(self, id: str, text: str | None, date: _DateInput = None) -> IndexMatch | None: ...
    def query(self, text: str | None, date: _DateInput = None) -> IndexMatch | None: ...
    def save(self, path: _Path) -> None: ...
    @staticmethod
    def load(path: _Path) -> NearDuplicateIndex: ...
    @property
    def threshold(self) -> float: ...
    @property
    def window_days(self) -> int | None: ...
    @property
    def permutations(self) -> int: ...
    @property
    def seed(self) -> int: ...
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
def minhash(texts: _StoryTexts, *, permutations: int = 128, seed: int = 1, threads: int | None = None) -> numpy.typing.NDArray[numpy.uint32]:
    """MinHash signatures, one uint32 row per text (shape (len(texts), permutations))."""
def lsh_clusters(signatures: numpy.typing.NDArray[numpy.uint32], threshold: float = 0.8, *, bands: int | None = None, rows: int | None = None) -> list[list[int]]:
    """Clusters of signature rows (row indices), every row in exactly one."""
def cluster_near_duplicates(texts: _StoryTexts, threshold: float = 0.8, *, permutations: int = 128, seed: int = 1, window_days: int | None = None, dates: collections.abc.Iterable[_DateInput] | None = None, sources: collections.abc.Iterable[str | None] | None = None, boilerplate_min_texts: int = 3, threads: int | None = None) -> list[list[int]]:
    """Near-duplicate clusters of texts (indices), every text in exactly one."""
def near_duplicates(texts: _StoryTexts, threshold: float = 0.8, *, permutations: int = 128, seed: int = 1, window_days: int | None = None, dates: collections.abc.Iterable[_DateInput] | None = None, sources: collections.abc.Iterable[str | None] | None = None, boilerplate_min_texts: int = 3, threads: int | None = None) -> DuplicateResult:
    """Near-duplicate clusters with representatives, joining pairs and stats."""
DATE_LANGUAGES: tuple[str, ...] = ('en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'sq', 'tr', 'ru', 'fa', 'ar', 'ur')
__version__: str = '0.1.0'
