"""
digestcore native core (use the digestcore package, not this module).
"""
from __future__ import annotations
import collections.abc
import datetime
import os
import typing
__all__: list[str] = ['Attribution', 'Collection', 'CollectionPosts', 'CurateReport', 'DATE_LANGUAGES', 'DateMatch', 'DateParser', 'Digest', 'DigestSection', 'EntityMatch', 'Error', 'Gazetteer', 'IOError', 'ImportReport', 'InternalError', 'InvalidArgumentError', 'LimitError', 'Normalizer', 'NotFoundError', 'OutletList', 'OutletLookup', 'ParseError', 'Period', 'Post', 'PostIterator', 'Source', 'SourceMatch', 'SourceRegistry', 'Token', 'apply_attribution', 'apply_entity_tags', 'build_digest', 'dominant_script', 'find_dates', 'from_gregorian', 'iso_week', 'latin_key', 'normalize', 'parse_attribution', 'parse_date', 'parse_date_detailed', 'parse_datetime', 'search_key', 'select_by_entity', 'to_gregorian', 'tokens', 'transliterate']

class Error(Exception):
    """Base class of every error digestcore raises."""
    code: str
    line: int
    offset: int | None
    field: str
    file: str
    message: str
class InvalidArgumentError(Error, ValueError): ...
class ParseError(Error, ValueError): ...
class NotFoundError(Error, KeyError): ...
class IOError(Error, OSError): ...
class LimitError(Error, ValueError): ...
class InternalError(Error, RuntimeError): ...
class EntityMatch(tuple[str, str, int, int, str]):
    """One gazetteer match (a named tuple)."""
    @property
    def entity(self) -> str: ...
    @property
    def alias(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
class Source:
    """
    A news outlet: id, name, aliases in any script, url, language (BCP 47), country (ISO 3166). Sources you make are yours to change; those a Collection, SourceRegistry or Digest hands out are read-only copies (copy() gives one you can change).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    country: str
    id: str
    language: str
    name: str
    url: str
    def __copy__(self) -> Source:
        ...
    def __deepcopy__(self, memo: typing.Any) -> Source:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def __init__(self, id: str, name: str = '', aliases: collections.abc.Iterable[str] = [], url: str = '', language: str = '', country: str = '') -> None:
        ...
    def __repr__(self) -> str:
        ...
    def copy(self) -> Source:
        """
        A copy you can change.
        """
    @property
    def aliases(self) -> list[str]:
        """
        A new list on each read: assign a whole list to change it.
        """
    @aliases.setter
    def aliases(self, value: collections.abc.Iterable[str]) -> None:
        ...
    @property
    def read_only(self) -> bool:
        """
        True for a copy handed out by a Collection, SourceRegistry or Digest (assignments raise AttributeError).
        """
class Post:
    """
    A clipping: title, link, dates, attribution, excerpt. A Post you make is yours to change. A Post from a Collection (iteration, indexing, .posts, select) is a live view: it reads the collection's current post, and assigning to it changes the collection (its id cannot change). A Post of a Digest is read-only. copy() gives a standalone copy. List fields (authors, tags) give a new list on each read: assign a whole list.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    body: str
    excerpt: str
    id: str
    language: str
    place: str
    source: str
    title: str
    url: str
    def __copy__(self) -> Post:
        ...
    def __deepcopy__(self, memo: typing.Any) -> Post:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def __init__(self, id: str, title: str = '', url: str = '', posted_on: datetime.date | str | None = None, published_on: datetime.date | str | None = None, authors: collections.abc.Iterable[str] = [], source: str = '', place: str = '', excerpt: str = '', body: str = '', language: str = '', tags: collections.abc.Iterable[str] = []) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def copy(self) -> Post:
        """
        A standalone copy, yours to change, tied to no collection or digest.
        """
    @property
    def authors(self) -> list[str]:
        """
        A new list on each read: assign a whole list.
        """
    @authors.setter
    def authors(self, value: collections.abc.Iterable[str]) -> None:
        ...
    @property
    def digest_date(self) -> datetime.date | None:
        """
        posted_on's date, else published_on's, else None.
        """
    @property
    def extra(self) -> dict[str, str]:
        """
        Fields digestcore does not know, as a new dict {name: raw JSON text}.
        """
    @property
    def in_collection(self) -> bool:
        """
        True for a live view of a collection's post (assignments change the collection).
        """
    @property
    def posted_on(self) -> datetime.date | None:
        """
        When the curator posted the clipping: date, datetime or None.
        """
    @posted_on.setter
    def posted_on(self, value: datetime.date | str | None) -> None:
        ...
    @property
    def published_on(self) -> datetime.date | None:
        """
        When the outlet published the original: date, datetime or None.
        """
    @published_on.setter
    def published_on(self, value: datetime.date | str | None) -> None:
        ...
    @property
    def read_only(self) -> bool:
        """
        True for a post of a Digest (assignments raise AttributeError).
        """
    @property
    def tags(self) -> list[str]:
        """
        A new list on each read: assign a whole list.
        """
    @tags.setter
    def tags(self, value: collections.abc.Iterable[str]) -> None:
        ...
class ImportReport:
    """
    What an import added and what it skipped.
    """
    def __repr__(self) -> str:
        ...
    @property
    def posts_added(self) -> int:
        ...
    @property
    def skipped(self) -> list[dict[str, typing.Any]]:
        """
        One dict per skipped record: message, code, line, offset, field, file, text.
        """
    @property
    def sources_added(self) -> int:
        ...
class CurateReport:
    """
    What Collection.curate changed.
    """
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, int]:
        """
        The four counts as a dict.
        """
    @property
    def entity_tags_added(self) -> int:
        """
        Entity tags added to posts.
        """
    @property
    def posts_attributed(self) -> int:
        """
        Posts that gained a field from their attribution line.
        """
    @property
    def posts_filed(self) -> int:
        """
        Posts whose source was set to a registry id.
        """
    @property
    def sources_added(self) -> int:
        """
        Registry sources added to the collection.
        """
class PostIterator:
    """
    Iterator over a collection's posts (live views).
    """
    def __iter__(self) -> PostIterator:
        ...
    def __next__(self) -> Post:
        ...
class CollectionPosts(collections.abc.Sequence[Post]):
    """
    The posts of a collection as a live, read-only sequence of Post views: no post is copied. It grows when the collection does.
    """
    @typing.overload
    def __getitem__(self, index: typing.SupportsIndex) -> Post:
        ...
    @typing.overload
    def __getitem__(self, index: slice) -> list[Post]:
        ...
    def __iter__(self) -> PostIterator:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
class Collection:
    """
    Posts and sources, unique by id, in insertion order. Imports are all or nothing unless skip_bad_records=True. Posts it hands out are live views (see Post). Safe to share between threads: changes take the collection's lock exclusively, reads share it.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_json(data: str | bytes | bytearray, *, format: str | None = None, skip_bad_records: bool = False) -> Collection:
        """
        A new collection parsed from a str or bytes.
        """
    @staticmethod
    def load(path: str | bytes | os.PathLike[str] | os.PathLike[bytes], *, format: str | None = None, skip_bad_records: bool = False) -> Collection:
        """
        A new collection read from a file (format: detect, own, jsonl, jsonfeed, wordpress).
        """
    def __contains__(self, id: object) -> bool:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def __getitem__(self, id: str) -> Post:
        """
        The live view of post `id`; NotFoundError (a KeyError) if none.
        """
    def __init__(self) -> None:
        ...
    def __iter__(self) -> PostIterator:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def add_post(self, post: Post) -> None:
        """
        Adds a copy of the post (later changes to `post` do not reach the collection; collection[post.id] is the live view of the added post).
        """
    def add_source(self, source: Source) -> None:
        """
        Adds a copy of the source.
        """
    def curate(self, sources: SourceRegistry | None = None, entities: Gazetteer | None = None, *, fill_from_attribution: bool = False, entity_tag_prefix: str = 'entity:', languages: str | collections.abc.Iterable[str] | None = None, order: str | None = None, reference: datetime.date | str | None = None, fuzzy: bool = True, min_score: float = 0.85, tag_title: bool = True, tag_excerpt: bool = True, tag_body: bool = True) -> CurateReport:
        """
        Runs the curation steps the CLI runs, in order, on every post: (1) with fill_from_attribution, fill missing authors, source, place and published_on from the attribution line opening the excerpt or body (languages, order and reference as for parse_date; the registry names the outlets); (2) with sources (a SourceRegistry), add the registry's sources the collection lacks and set each post's source to the registry id of the outlet it names (fuzzy, min_score as for SourceRegistry.resolve); (3) with entities (a Gazetteer), add entity_tag_prefix + entity id to the tags of each post that mentions the entity (in the title, excerpt, body as chosen). All or nothing; the GIL is released. Returns a CurateReport.
        """
    def import_file(self, path: str | bytes | os.PathLike[str] | os.PathLike[bytes], *, format: str | None = None, skip_bad_records: bool = False, fill_from_attribution: bool = False, sources: OutletLookup | None = None) -> ImportReport:
        """
        Adds the posts and sources of the input (a path for import_file; JSON str or bytes for import_json); all or nothing unless skip_bad_records, in which case bad records are skipped and listed in the report. format: detect (default), own, jsonl, jsonfeed, wordpress. fill_from_attribution and sources are deprecated (DeprecationWarning): they fill the imported posts from their attribution lines, as Collection.curate(fill_from_attribution=True) does for every post.
        """
    def import_json(self, data: str | bytes | bytearray, *, format: str | None = None, skip_bad_records: bool = False, fill_from_attribution: bool = False, sources: OutletLookup | None = None) -> ImportReport:
        """
        Adds the posts and sources of the input (a path for import_file; JSON str or bytes for import_json); all or nothing unless skip_bad_records, in which case bad records are skipped and listed in the report. format: detect (default), own, jsonl, jsonfeed, wordpress. fill_from_attribution and sources are deprecated (DeprecationWarning): they fill the imported posts from their attribution lines, as Collection.curate(fill_from_attribution=True) does for every post.
        """
    def save(self, path: str | bytes | os.PathLike[str] | os.PathLike[bytes], format: str = 'own', *, pretty: bool = True) -> None:
        """
        Writes the collection to a file (own, jsonl or jsonfeed) atomically: the file holds the old or the new content, never a mix.
        """
    def select(self, first: datetime.date | str, last: datetime.date | str) -> list[Post]:
        """
        Posts (live views) whose digest date is in [first, last], in insertion order.
        """
    def source(self, id: str) -> Source:
        """
        A read-only copy of the source with this id; NotFoundError if none.
        """
    def to_json(self, format: str = 'own', pretty: bool = True) -> str:
        """
        The collection as JSON: own (default), jsonl or jsonfeed.
        """
    @property
    def posts(self) -> CollectionPosts:
        """
        The posts as a live sequence of Post views (no copies), in insertion order.
        """
    @property
    def sources(self) -> list[Source]:
        """
        A list of read-only copies of the sources, in insertion order.
        """
class Period:
    """
    A span of days, first and last inclusive.
    """
    def __repr__(self) -> str:
        ...
    @property
    def first(self) -> typing.Any:
        ...
    @property
    def label(self) -> str:
        ...
    @property
    def last(self) -> typing.Any:
        ...
class DigestSection:
    """
    The posts of one source in a digest (read-only).
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def heading(self) -> str:
        """
        The source's name, or its id when the collection lacks it.
        """
    @property
    def posts(self) -> list[Post]:
        """
        The section's posts, read-only, by digest date, then title, then id.
        """
    @property
    def source(self) -> str:
        """
        The source id ('' for posts with no source).
        """
    @property
    def source_record(self) -> Source | None:
        """
        The collection's Source for this section (a read-only copy), or None.
        """
class Digest:
    """
    Posts of a period grouped by source, ordered by date. Holds its own copies of the posts (read-only), so it outlives the collection.
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def to_json(self, pretty: bool = True) -> str:
        ...
    def to_json_feed(self, title: str | None = None, home_page_url: str = '', feed_url: str = '', pretty: bool = True) -> str:
        """
        The digest's posts as a JSON Feed 1.1, in digest order; the feed's title is the digest's unless `title` is given.
        """
    def to_markdown(self) -> str:
        ...
    @property
    def period(self) -> Period:
        ...
    @property
    def sections(self) -> list[DigestSection]:
        """
        The sections, by heading.
        """
    @property
    def title(self) -> str:
        ...
class Token:
    """
    A word of a text: its search-key form and its span text[start:end] in the text given to tokens() (str indices for str, byte offsets for bytes).
    """
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, key: str, start: typing.SupportsInt | typing.SupportsIndex, end: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[str | int]:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def end(self) -> int:
        ...
    @property
    def key(self) -> str:
        ...
    @property
    def start(self) -> int:
        ...
class Normalizer:
    """
    The normaliser, with its UTF-8 mode fixed. Thread-safe; the module functions use shared instances of it.
    """
    def __init__(self, strict: bool = False) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def dominant_script(self, text: typing.Any) -> str:
        ...
    def latin_key(self, text: typing.Any) -> typing.Any:
        ...
    def normalize(self, text: typing.Any, form: str = 'nfc') -> typing.Any:
        ...
    def search_key(self, text: typing.Any) -> typing.Any:
        ...
    def tokens(self, text: typing.Any) -> list[Token]:
        ...
    def transliterate(self, text: typing.Any) -> typing.Any:
        ...
    @property
    def strict(self) -> bool:
        ...
class DateMatch:
    """
    One date read from a text, with its calendar and span.
    """
    def __repr__(self) -> str:
        ...
    @property
    def ambiguous(self) -> bool:
        ...
    @property
    def calendar(self) -> str:
        """
        'gregorian', 'persian' or 'islamic-umalqura': the calendar it was written in.
        """
    @property
    def date(self) -> typing.Any:
        """
        The Gregorian date, None when ambiguous.
        """
    @property
    def end(self) -> int:
        """
        str index one past its last character.
        """
    @property
    def has_weekday(self) -> bool:
        ...
    @property
    def language(self) -> str:
        ...
    @property
    def readings(self) -> list[datetime.date]:
        """
        Every reading when ambiguous, else [].
        """
    @property
    def start(self) -> int:
        """
        str index of the date's first character.
        """
    @property
    def value(self) -> typing.Any:
        """
        date, or datetime when the text gave a time; None when ambiguous.
        """
    @property
    def weekday_mismatch(self) -> bool:
        ...
    @property
    def written(self) -> tuple[int, int, int]:
        """
        (year, month, day) in that calendar.
        """
class DateParser:
    """
    A reusable date parser with fixed options. Thread-safe.
    """
    def __init__(self, languages: typing.Any = None, order: typing.Any = None, reference: typing.Any = None) -> None:
        ...
    def find_dates(self, text: typing.Any) -> list[DateMatch]:
        ...
    def parse_date(self, text: typing.Any) -> typing.Any:
        ...
    def parse_datetime(self, text: typing.Any) -> typing.Any:
        ...
    def parse_detailed(self, text: typing.Any) -> typing.Any:
        ...
class OutletLookup:
    """
    Anything that names known outlets (OutletList, SourceRegistry).
    """
class OutletList(OutletLookup):
    """
    Outlets by the search key of their names and aliases. Safe to share between threads: add() takes its lock exclusively, find() shares it.
    """
    def __init__(self, sources: collections.abc.Mapping[str, str | collections.abc.Iterable[str]] | collections.abc.Iterable[Source] | None = None) -> None:
        """
        sources: None, a dict {id: name or [names]} or an iterable of Source.
        """
    def __len__(self) -> int:
        ...
    def add(self, id: str, name: str) -> bool:
        """
        Adds a name of outlet `id`; False when the name belongs to another id.
        """
    def find(self, text: str) -> str | None:
        """
        The id of the outlet `text` names, or None.
        """
class Attribution:
    """
    The header of a clipping: authors, outlet, place, date, excerpt.
    """
    def __repr__(self) -> str:
        ...
    @property
    def author_spans(self) -> list[tuple[int, int]]:
        ...
    @property
    def authors(self) -> list[str]:
        ...
    @property
    def date(self) -> typing.Any:
        """
        date (datetime when a time was given), None when ambiguous.
        """
    @property
    def date_span(self) -> tuple[int, int]:
        ...
    @property
    def excerpt(self) -> str:
        ...
    @property
    def excerpt_span(self) -> tuple[int, int]:
        ...
    @property
    def header_span(self) -> tuple[int, int]:
        ...
    @property
    def method(self) -> str:
        """
        'registry' or 'heuristic'.
        """
    @property
    def outlet(self) -> str:
        ...
    @property
    def outlet_span(self) -> tuple[int, int]:
        ...
    @property
    def place(self) -> str:
        ...
    @property
    def place_span(self) -> tuple[int, int]:
        ...
    @property
    def source(self) -> str:
        """
        The registry's source id for the outlet, '' when unknown.
        """
class SourceMatch:
    """
    What SourceRegistry.resolve found: the source, a score (1.0 for exact steps), the method (name, alias, domain, fuzzy) and the name, alias or domain that matched.
    """
    def __repr__(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def matched(self) -> str:
        ...
    @property
    def method(self) -> str:
        ...
    @property
    def score(self) -> float:
        ...
    @property
    def source(self) -> Source:
        """
        A read-only copy of the registry's source.
        """
class SourceRegistry(OutletLookup):
    """
    Known outlets, resolved from names, aliases (any script), URLs and misspellings. See docs/entities.md. Safe to share between threads: add() takes its lock exclusively, reads share it.
    """
    @staticmethod
    def from_json(data: str | bytes | bytearray) -> SourceRegistry:
        """
        A registry parsed from a JSON str or bytes.
        """
    @staticmethod
    def from_sources(sources: collections.abc.Iterable[Source]) -> SourceRegistry:
        """
        A registry of these Source objects (e.g. Collection.sources).
        """
    @staticmethod
    def load(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> SourceRegistry:
        """
        A registry read from a JSON file ({"sources": [...]}).
        """
    def __contains__(self, id: object) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def add(self, source: Source) -> None:
        """
        Adds a copy of the source; ParseError for a duplicate id.
        """
    def find(self, id: str) -> Source | None:
        """
        A read-only copy of the source with this id, or None.
        """
    def resolve(self, text: str | bytes, *, fuzzy: bool = True, min_score: float = 0.85) -> SourceMatch | None:
        """
        The source that text names (name, then alias, then URL domain, then fuzzy), or None when none does or two are equally close.
        """
    def resolve_posts(self, collection: Collection, *, fuzzy: bool = True, min_score: float = 0.85) -> int:
        """
        Sets each post's source to a registry id where its outlet (or URL) resolves; returns the number of posts changed. Collection.curate(sources=registry) also adds the registry's sources to the collection.
        """
    def save(self, path: str | bytes | os.PathLike[str] | os.PathLike[bytes], pretty: bool = True) -> None:
        """
        Writes the registry to a JSON file atomically.
        """
    def to_json(self, pretty: bool = True) -> str:
        ...
    @property
    def sources(self) -> list[Source]:
        """
        A list of read-only copies of the sources.
        """
class Gazetteer:
    """
    Named entities with aliases in any script, matched whole-token, leftmost-longest, insensitive to case, accents, Arabic-script variants, digits and hyphens. See docs/entities.md. Safe to share between threads: changes take its lock exclusively, reads share it.
    """
    def __contains__(self, id: object) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def add(self, entity_id: str, aliases: str | collections.abc.Iterable[str | tuple[str, bool]], case_sensitive: bool = False) -> None:
        """
        Adds aliases (str, or (str, case_sensitive) tuples) to an entity, creating it. All or nothing.
        """
    def add_entity(self, id: str, *, name: str = '', type: str = '', aliases: str | collections.abc.Iterable[str | tuple[str, bool]] = []) -> None:
        """
        Adds an entity (merged with one of the same id: name and type set when empty, aliases appended).
        """
    def compile(self) -> None:
        """
        Builds the automaton now (find does it on first use otherwise).
        """
    def entity(self, id: str) -> dict[str, typing.Any] | None:
        """
        The entity as a dict (id, name, type, aliases), or None.
        """
    def find(self, text: str | bytes | bytearray) -> list[EntityMatch]:
        """
        Matches in text, in order: EntityMatch(entity, alias, start, end, text).
        """
    def load(self, path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> Gazetteer:
        """
        Adds the entities of a JSON file (all or nothing) and returns self, so Gazetteer().load(path) reads a dictionary.
        """
    def loads(self, data: str | bytes | bytearray) -> Gazetteer:
        """
        Adds the entities of a JSON str or bytes and returns self.
        """
    def save(self, path: str | bytes | os.PathLike[str] | os.PathLike[bytes], pretty: bool = True) -> None:
        """
        Writes the dictionary to a JSON file atomically.
        """
    def tag(self, collection: Collection, *, title: bool = True, excerpt: bool = True, body: bool = True) -> dict[str, dict[str, int]]:
        """
        {post id: {entity id: mentions}} for every post, most mentioned first.
        """
    def to_json(self, pretty: bool = True) -> str:
        ...
    @property
    def alias_count(self) -> int:
        ...
    @property
    def entity_ids(self) -> list[str]:
        ...
def apply_attribution(post: Post, sources: OutletLookup | collections.abc.Mapping[str, str | collections.abc.Iterable[str]] | collections.abc.Iterable[Source] | None = None, *, languages: str | collections.abc.Iterable[str] | None = None, order: str | None = None, reference: datetime.date | str | None = None) -> bool:
    """
    Fills the post's missing authors, source, place and published_on from an attribution line opening its excerpt (else body); the text is kept. True when a field was filled. A collection's post (a live view) is changed in the collection; a Digest's post is read-only (AttributeError). Collection.curate(fill_from_attribution=True) does this for every post of a collection.
    """
def apply_entity_tags(collection: Collection, tags: collections.abc.Mapping[str, collections.abc.Mapping[str, int]], prefix: str = 'entity:') -> int:
    """
    Adds prefix + entity id to each tagged post's tags; returns the number added.
    """
def build_digest(collection: Collection, week: str, *, title: str = '') -> Digest:
    """
    The digest of an ISO week such as '2021-W33'.
    """
def dominant_script(text: typing.Any) -> str:
    """
    ISO 15924 code of the script most letters of text are in ('Latn', 'Arab', 'Cyrl', ...), 'Zyyy' when it has none.
    """
def find_dates(text: typing.Any, languages: typing.Any = None, order: typing.Any = None, reference: typing.Any = None) -> list[DateMatch]:
    """
    Every date inside a longer text, as DateMatch objects with str-index spans.
    """
def from_gregorian(date: typing.Any, calendar: str) -> typing.Any:
    """
    (year, month, day) of a Gregorian date in another calendar, or None out of range.
    """
def iso_week(week: str) -> Period:
    """
    The Period of an ISO week such as '2021-W33'; ParseError if it is not one.
    """
def latin_key(text: typing.Any, strict: bool = False) -> typing.Any:
    """
    A cross-script key: search_key(transliterate(search_key(text))), ASCII only.
    """
def normalize(text: typing.Any, form: str = 'nfc', strict: bool = False) -> typing.Any:
    """
    Normalises text: form='nfc' or 'nfkc' (Unicode), or 'display' (NFC plus typographic clean-up: whitespace collapsed and trimmed, zero-width characters removed, ellipses and dashes made consistent; no case or accent folding). With strict=True, ill-formed UTF-8 (lone surrogates in a str) raises ParseError; otherwise it becomes U+FFFD.
    """
def parse_attribution(line: typing.Any, sources: typing.Any = None, languages: typing.Any = None, order: typing.Any = None, reference: typing.Any = None) -> typing.Any:
    """
    The attribution header of `line` ('Author, Outlet, Date:… text'), or None. sources: None, an OutletList (or SourceRegistry), a dict {id: name or [names]} or Source objects; it tells outlets from authors and places.
    """
def parse_date(text: typing.Any, languages: typing.Any = None, order: typing.Any = None, reference: typing.Any = None) -> typing.Any:
    """
    The date `text` holds, as datetime.date, or None (no date, an impossible date, an ambiguous numeric date). languages: BCP 47 tags (None = all supported); order: 'DMY', 'MDY' or 'YMD' for all-numeric dates; reference: the date year-less forms are read near.
    """
def parse_date_detailed(text: typing.Any, languages: typing.Any = None, order: typing.Any = None, reference: typing.Any = None) -> typing.Any:
    """
    A DateMatch (calendar, span, ambiguity) or None; ambiguous readings are returned with value None.
    """
def parse_datetime(text: typing.Any, languages: typing.Any = None, order: typing.Any = None, reference: typing.Any = None) -> typing.Any:
    """
    As parse_date, as datetime.datetime (midnight when the text has no time; aware when it has an offset or zone), or None.
    """
def search_key(text: typing.Any, strict: bool = False) -> typing.Any:
    """
    The key for search, matching and de-duplication: case-folded, marks removed, Arabic-script letters unified, digits to ASCII, punctuation as separators, single spaces. Idempotent.
    """
def select_by_entity(collection: Collection, tags: collections.abc.Mapping[str, collections.abc.Mapping[str, int]], entity_id: str) -> list[Post]:
    """
    The posts (live views) that mention entity_id according to tags (from Gazetteer.tag).
    """
def to_gregorian(calendar: str, year: typing.SupportsInt | typing.SupportsIndex, month: typing.SupportsInt | typing.SupportsIndex, day: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
    """
    The Gregorian date of a Persian or Umm al-Qura date, or None when impossible.
    """
def tokens(text: typing.Any, strict: bool = False) -> list[Token]:
    """
    Word tokens of the search key of text, as a list of Token(key, start, end), where text[start:end] is the token's surface in text.
    """
def transliterate(text: typing.Any, strict: bool = False) -> typing.Any:
    """
    Transliterates text with ICU 'Any-Latin; Latin-ASCII'.
    """
DATE_LANGUAGES: tuple[str, ...] = ('en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'sq', 'tr', 'ru', 'fa', 'ar', 'ur')
__version__: str = '0.1.0'
