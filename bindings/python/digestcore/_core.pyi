"""
digestcore native core (use the digestcore package, not this module).
"""
from __future__ import annotations
import collections.abc
import typing
__all__: list[str] = ['Attribution', 'Collection', 'DATE_LANGUAGES', 'DateMatch', 'DateParser', 'Digest', 'DigestSection', 'EntityMatch', 'Error', 'Gazetteer', 'IOError', 'ImportReport', 'InternalError', 'InvalidArgumentError', 'LimitError', 'Normalizer', 'NotFoundError', 'OutletList', 'OutletLookup', 'ParseError', 'Period', 'Post', 'Source', 'SourceMatch', 'SourceRegistry', 'Token', 'apply_attribution', 'apply_entity_tags', 'build_digest', 'dominant_script', 'find_dates', 'from_gregorian', 'iso_week', 'latin_key', 'normalize', 'parse_attribution', 'parse_date', 'parse_date_detailed', 'parse_datetime', 'search_key', 'select_by_entity', 'to_gregorian', 'tokens', 'transliterate']

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
    A news outlet: id, name, aliases in any script, url, language (BCP 47), country (ISO 3166).
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    country: str
    id: str
    language: str
    name: str
    url: str
    def __eq__(self, other: object) -> bool:
        ...
    def __init__(self, id: str, name: str = '', aliases: collections.abc.Sequence[str] = [], url: str = '', language: str = '', country: str = '') -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def aliases(self) -> list[str]:
        ...
    @aliases.setter
    def aliases(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
class Post:
    """
    A clipping: title, link, dates, attribution, excerpt.
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
    def __eq__(self, other: object) -> bool:
        ...
    def __init__(self, id: str, title: str = '', url: str = '', posted_on: typing.Any = None, published_on: typing.Any = None, authors: collections.abc.Sequence[str] = [], source: str = '', place: str = '', excerpt: str = '', body: str = '', language: str = '', tags: collections.abc.Sequence[str] = []) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def authors(self) -> list[str]:
        ...
    @authors.setter
    def authors(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def digest_date(self) -> typing.Any:
        """
        posted_on's date, else published_on's, else None.
        """
    @property
    def extra(self) -> dict:
        """
        Fields digestcore does not know, as {name: raw JSON text}.
        """
    @property
    def posted_on(self) -> typing.Any:
        """
        When the curator posted the clipping: date, datetime or None.
        """
    @posted_on.setter
    def posted_on(self, arg1: typing.Any) -> None:
        ...
    @property
    def published_on(self) -> typing.Any:
        """
        When the outlet published the original: date, datetime or None.
        """
    @published_on.setter
    def published_on(self, arg1: typing.Any) -> None:
        ...
    @property
    def tags(self) -> list[str]:
        ...
    @tags.setter
    def tags(self, arg0: collections.abc.Sequence[str]) -> None:
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
    def skipped(self) -> list:
        """
        One dict per skipped record: message, code, line, offset, field, file, text.
        """
    @property
    def sources_added(self) -> int:
        ...
class Collection:
    """
    Posts and sources, unique by id, in insertion order. Imports are all or nothing unless skip_bad_records=True.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_json(data: typing.Any, *, format: str | None = None, skip_bad_records: bool = False) -> Collection:
        """
        A new collection parsed from a str or bytes.
        """
    @staticmethod
    def load(path: typing.Any, *, format: str | None = None, skip_bad_records: bool = False) -> Collection:
        """
        A new collection read from a file (format: detect, own, jsonl, jsonfeed, wordpress).
        """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def __getitem__(self, id: str) -> Post:
        ...
    def __init__(self) -> None:
        ...
    def __iter__(self) -> collections.abc.Iterator[Post]:
        ...
    def __len__(self) -> int:
        ...
    def add_post(self, post: Post) -> None:
        ...
    def add_source(self, source: Source) -> None:
        ...
    def import_file(self, path: typing.Any, *, format: str | None = None, skip_bad_records: bool = False, fill_from_attribution: bool = False, sources: typing.Any = None) -> ImportReport:
        """
        Adds the posts and sources of the input; all or nothing unless skip_bad_records. fill_from_attribution fills empty authors, source, place and published_on from an attribution line opening the excerpt, using `sources` (a SourceRegistry or OutletList) to recognise outlets.
        """
    def import_json(self, data: typing.Any, *, format: str | None = None, skip_bad_records: bool = False, fill_from_attribution: bool = False, sources: typing.Any = None) -> ImportReport:
        """
        Adds the posts and sources of the input; all or nothing unless skip_bad_records. fill_from_attribution fills empty authors, source, place and published_on from an attribution line opening the excerpt, using `sources` (a SourceRegistry or OutletList) to recognise outlets.
        """
    def save(self, path: typing.Any, format: str = 'own') -> None:
        ...
    def select(self, first: typing.Any, last: typing.Any) -> list[Post]:
        """
        Posts whose digest date is in [first, last], in insertion order.
        """
    def source(self, id: str) -> Source:
        """
        The source with this id; NotFoundError if none.
        """
    def to_json(self, format: str = 'own', pretty: bool = True) -> str:
        """
        The collection as JSON: own (default), jsonl or jsonfeed.
        """
    @property
    def posts(self) -> list[Post]:
        """
        A list of copies of the posts, in insertion order.
        """
    @property
    def sources(self) -> list[Source]:
        """
        A list of copies of the sources, in insertion order.
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
    The posts of one source in a digest.
    """
    @property
    def heading(self) -> str:
        ...
    @property
    def posts(self) -> list[Post]:
        ...
    @property
    def source(self) -> str:
        ...
class Digest:
    """
    Posts of a period grouped by source, ordered by date.
    """
    def __len__(self) -> int:
        ...
    def to_json(self, pretty: bool = True) -> str:
        ...
    def to_markdown(self) -> str:
        ...
    @property
    def period(self) -> Period:
        ...
    @property
    def sections(self) -> list[DigestSection]:
        ...
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
    def __iter__(self) -> collections.abc.Iterator:
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
    def readings(self) -> list:
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
    Outlets by the search key of their names and aliases.
    """
    def __init__(self, sources: typing.Any = None) -> None:
        ...
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
    def author_spans(self) -> list:
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
    def date_span(self) -> tuple:
        ...
    @property
    def excerpt(self) -> str:
        ...
    @property
    def excerpt_span(self) -> tuple:
        ...
    @property
    def header_span(self) -> tuple:
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
    def outlet_span(self) -> tuple:
        ...
    @property
    def place(self) -> str:
        ...
    @property
    def place_span(self) -> tuple:
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
        ...
class SourceRegistry(OutletLookup):
    """
    Known outlets, resolved from names, aliases (any script), URLs and misspellings. See docs/entities.md.
    """
    @staticmethod
    def from_json(data: typing.Any) -> SourceRegistry:
        """
        A registry parsed from a JSON str or bytes.
        """
    @staticmethod
    def from_sources(sources: collections.abc.Sequence[Source]) -> SourceRegistry:
        """
        A registry of these Source objects (e.g. Collection.sources).
        """
    @staticmethod
    def load(path: typing.Any) -> SourceRegistry:
        """
        A registry read from a JSON file ({"sources": [...]}).
        """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def add(self, source: Source) -> None:
        ...
    def find(self, id: str) -> Source | None:
        """
        The source with this id, or None.
        """
    def resolve(self, text: typing.Any, *, fuzzy: bool = True, min_score: typing.SupportsFloat | typing.SupportsIndex = 0.85) -> SourceMatch | None:
        """
        The source that text names (name, then alias, then URL domain, then fuzzy), or None when none does or two are equally close.
        """
    def resolve_posts(self, collection: Collection, *, fuzzy: bool = True, min_score: typing.SupportsFloat | typing.SupportsIndex = 0.85) -> int:
        """
        Sets each post's source to a registry id where its outlet (or URL) resolves; returns the number of posts changed.
        """
    def save(self, path: typing.Any, pretty: bool = True) -> None:
        ...
    def to_json(self, pretty: bool = True) -> str:
        ...
    @property
    def sources(self) -> list[Source]:
        """
        A list of copies of the sources.
        """
class Gazetteer:
    """
    Named entities with aliases in any script, matched whole-token, leftmost-longest, insensitive to case, accents, Arabic-script variants, digits and hyphens. See docs/entities.md.
    """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __init__(self) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def add(self, entity_id: str, aliases: typing.Any, case_sensitive: bool = False) -> None:
        """
        Adds aliases (str, or (str, case_sensitive) tuples) to an entity, creating it. All or nothing.
        """
    def add_entity(self, id: str, *, name: str = '', type: str = '', aliases: typing.Any = []) -> None:
        ...
    def compile(self) -> None:
        """
        Builds the automaton now (find does it on first use otherwise).
        """
    def entity(self, id: str) -> typing.Any:
        """
        The entity as a dict (id, name, type, aliases), or None.
        """
    def find(self, text: typing.Any) -> list:
        """
        Matches in text, in order: EntityMatch(entity, alias, start, end, text).
        """
    def load(self, path: typing.Any) -> Gazetteer:
        """
        Adds the entities of a JSON file (all or nothing) and returns self, so Gazetteer().load(path) reads a dictionary.
        """
    def loads(self, data: typing.Any) -> Gazetteer:
        """
        Adds the entities of a JSON str or bytes and returns self.
        """
    def save(self, path: typing.Any, pretty: bool = True) -> None:
        ...
    def tag(self, collection: Collection, *, title: bool = True, excerpt: bool = True, body: bool = True) -> dict:
        """
        {post id: {entity id: mentions}} for every post, most mentioned first.
        """
    def to_json(self, pretty: bool = True) -> str:
        ...
    @property
    def alias_count(self) -> int:
        ...
    @property
    def entity_ids(self) -> list:
        ...
def apply_attribution(post: Post, sources: typing.Any = None) -> bool:
    """
    Fills the post's missing authors, source, place and published_on from an attribution line opening its excerpt (else body); the text is kept. True when a field was filled.
    """
def apply_entity_tags(collection: Collection, tags: dict, prefix: str = 'entity:') -> int:
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
def select_by_entity(collection: Collection, tags: dict, entity_id: str) -> list[Post]:
    """
    The posts (copies) that mention entity_id according to tags (from Gazetteer.tag).
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
DATE_LANGUAGES: tuple = ('en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'sq', 'tr', 'ru', 'fa', 'ar', 'ur')
__version__: str = '0.1.0'
