#!/usr/bin/env python3
"""The RSS/Atom feed corpus (tests/data/feeds/) and how it is compared.

The corpus is small feeds of invented outlets, written by hand in UTF-8
(`*.xml` next to this script), plus files this script derives from them:

* encoded twins: the same feed in a legacy or Unicode encoding (windows-1251,
  windows-1256, ISO-8859-1, ISO-8859-15, KOI8-R, Shift_JIS, UTF-16 with a
  BOM, UTF-8 with a BOM). The XML declaration is rewritten to name the
  encoding; a character the encoding lacks becomes a numeric character
  reference (as legacy CMSs do), never inside CDATA, where a reference would
  not be read (the script fails instead). A twin must read as the very same
  text as its source: tests/python/test_feeds_vs_feedparser.py checks it.
* malformed files that are easier to make from bytes: truncated, invalid
  UTF-8, a wrong declared encoding, an empty file, a deep nesting bomb.

FILES below is the manifest: one entry per file of the corpus, with its kind
("ok": well-formed, every entry compared; "malformed": the importer must
raise digestcore.Error or return entries, never crash), what it exercises,
and for "ok" files the number of entries. It is written to manifest.json.

expected.json holds, per "ok" file, the expected title, link and published
minute (UTC) of every entry. It was made with --expectations from
feedparser's answers, reviewed by hand, with ERRATA applied: the places
where feedparser is wrong (with the value it gives, so a feedparser that
changes is noticed) and the places where it makes a choice we record.

The same module holds how each side is read (feedparser_fields,
digestcore_fields) so that the test, --expectations and
bench/python/bench_feeds.py compare alike.

    python3 tests/data/feeds/make_feeds.py                 write generated files + manifest.json
    python3 tests/data/feeds/make_feeds.py --check         fail if a committed file differs
    python3 tests/data/feeds/make_feeds.py --expectations  rewrite expected.json (needs feedparser)

The generated files are committed: the tests never run this script.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import html.parser
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAX_BYTES = 8 * 1024

# ---- the manifest -------------------------------------------------------------------

# name: (kind, format, language, encoding, entries, exercises).
# entries is None for malformed files (whatever a reader salvages).
_F = {
    # RSS 0.9x
    "rss091-en-netscape.xml": ("ok", "rss091", "en", "utf-8", 3,
        "RSS 0.91 with the Netscape DOCTYPE: &nbsp; &eacute; &mdash; &laquo; declared only by the external DTD (not "
        "to be fetched)"),
    "rss091-fr-plain.xml": ("ok", "rss091", "fr", "utf-8", 3,
        "RSS 0.91 without DOCTYPE, French accents, decimal and hex character references, no dates"),
    "rss091-fr-plain.iso-8859-1.xml": ("ok", "rss091", "fr", "iso-8859-1", 3,
        "ISO-8859-1 twin of rss091-fr-plain.xml"),
    "rss092-en-enclosure.xml": ("ok", "rss092", "en", "utf-8", 3,
        "RSS 0.92: enclosure, category domain, source, an item with no title, an item with no description"),
    # RSS 1.0
    "rss10-en-rdf.xml": ("ok", "rss10", "en", "utf-8", 3,
        "RSS 1.0 RDF: dc:date with offset, with minutes only and Z, date only; dc:creator, dc:subject, "
        "content:encoded CDATA"),
    "rss10-ja-rdf.xml": ("ok", "rss10", "ja", "utf-8", 3,
        "RSS 1.0 of a Japanese blog: fullwidth digits, U+301C wave dash, ideographic space in dc:creator, +09:00"),
    "rss10-ja-rdf.shift_jis.xml": ("ok", "rss10", "ja", "shift_jis", 3,
        "Shift_JIS twin of rss10-ja-rdf.xml (wave dash 0x8160)"),
    "rss10-de-rdf.xml": ("ok", "rss10", "de", "utf-8", 3,
        "RSS 1.0 in German: umlauts, euro sign, the OE ligature, +02:00 and Z"),
    "rss10-de-rdf.iso-8859-15.xml": ("ok", "rss10", "de", "iso-8859-15", 3,
        "ISO-8859-15 twin of rss10-de-rdf.xml (euro 0xA4, OE ligature 0xBC)"),
    # RSS 2.0
    "rss20-en-guid.xml": ("ok", "rss20", "en", "utf-8", 5,
        "RSS 2.0 guid: isPermaLink true, implicit, false without link, false with link; GMT EST EDT PST; &amp; in a "
        "link"),
    "rss20-en-zones.xml": ("ok", "rss20", "en", "utf-8", 9,
        "pubDate zones UT BST CET CEST +0330 -0500 -0800 +0000 GMT; no weekday, two-digit year, lowercase month and "
        "day name, no seconds"),
    "rss20-en-entities.xml": ("ok", "rss20", "en", "utf-8", 7,
        "titles as CMSs send them: &amp;amp; and &amp;nbsp; double-escaped, CDATA Q&A, numeric refs, escaped <em>, < "
        "and > as text, whitespace around every value"),
    "rss20-en-mini.xml": ("ok", "rss20", "en", "utf-8", 2,
        "a small RSS 2.0 with an en dash and curly quotes, source of the BOM and UTF-16 twins"),
    "rss20-en-mini.utf-8-bom.xml": ("ok", "rss20", "en", "utf-8 with BOM", 2,
        "UTF-8 with a byte order mark"),
    "rss20-en-mini.utf-16.xml": ("ok", "rss20", "en", "utf-16le with BOM", 2,
        "UTF-16 little endian with a BOM, declared UTF-16"),
    "rss20-en-podcast.xml": ("ok", "rss20", "en", "utf-8", 3,
        "podcast: itunes channel and item fields, enclosure, media:content, atom:link self, an item with only a "
        "permalink guid"),
    "rss20-en-media.xml": ("ok", "rss20", "en", "utf-8", 3,
        "Media RSS: media:content with children, media:group, media:thumbnail; dc:subject, category domain, <img> in "
        "description"),
    "rss20-en-dcdate.xml": ("ok", "rss20", "en", "utf-8", 4,
        "dc:date alone, pubDate and dc:date (pubDate wins), fractional seconds, no date at all"),
    "rss20-en-xmlbase.xml": ("ok", "rss20", "en", "utf-8", 3,
        "relative item links resolved against xml:base on channel and on item"),
    "rss20-en-smartquotes.xml": ("ok", "rss20", "en", "utf-8", 2,
        "curly quotes, en dash, ellipsis, pound sign"),
    "rss20-en-smartquotes.cp1252-as-latin1.xml": ("ok", "rss20", "en", "windows-1252 declared ISO-8859-1", 2,
        "declared ISO-8859-1, bytes are windows-1252 (0x93 0x94 0x96 0x85): the most common mislabelling"),
    "rss20-en-empty-channel.xml": ("ok", "rss20", "en", "utf-8", 0,
        "a valid channel with zero items"),
    "rss20-en-wordpress.xml": ("ok", "rss20", "en", "utf-8", 3,
        "WordPress output: content:encoded, dc:creator CDATA, wfw, slash, sy, &#8211; &#8220; in titles, tabs"),
    "rss20-fa-news.xml": ("ok", "rss20", "fa", "utf-8", 3,
        "Persian: ZWNJ, Persian digits, IRST and +0330, escaped HTML description, dc:creator"),
    "rss20-fa-news.windows-1256.xml": ("ok", "rss20", "fa", "windows-1256", 3,
        "windows-1256 twin of rss20-fa-news.xml (Persian yeh and digits as character references)"),
    "rss20-ar-news.xml": ("ok", "rss20", "ar", "utf-8", 3,
        "Arabic: CDATA descriptions, +0300 and GMT"),
    "rss20-ar-news.windows-1256.xml": ("ok", "rss20", "ar", "windows-1256", 3,
        "windows-1256 twin of rss20-ar-news.xml"),
    "rss20-ru-news.xml": ("ok", "rss20", "ru", "utf-8", 3,
        "Russian: guillemets, em dash, yo, CDATA description, +0300"),
    "rss20-ru-news.windows-1251.xml": ("ok", "rss20", "ru", "windows-1251", 3,
        "windows-1251 twin of rss20-ru-news.xml"),
    "rss20-ru-news.koi8-r.xml": ("ok", "rss20", "ru", "koi8-r", 3,
        "KOI8-R twin of rss20-ru-news.xml (guillemets and em dash as character references)"),
    "rss20-es-blog.xml": ("ok", "rss20", "es", "utf-8", 3,
        "Spanish blog: inverted marks, n tilde, content:encoded, CDATA categories and dc:creator, +0100 +0200"),
    "rss20-tr-news.xml": ("ok", "rss20", "tr", "utf-8", 3,
        "Turkish dotted and dotless i, circumflex, +0300"),
    "rss20-zh-news.xml": ("ok", "rss20", "zh", "utf-8", 3,
        "Chinese: fullwidth punctuation, middle dot in the channel title, +0800 crossing to the previous UTC day"),
    "rss20-he-news.xml": ("ok", "rss20", "he", "utf-8", 3,
        "Hebrew with an embedded Latin word (bidi), +0200 and +0300"),
    # Atom 1.0
    "atom-en-base.xml": ("ok", "atom10", "en", "utf-8", 3,
        "Atom: xml:base on feed and entry, relative and root-relative links, rel=alternate/self/enclosure, type=html "
        "title/content/summary, published+updated, categories with term/label/scheme"),
    "atom-en-xhtml.xml": ("ok", "atom10", "en", "utf-8", 3,
        "Atom type=xhtml title/content/summary, -07:00 offsets, updated only, text title holding < >"),
    "atom-en-links.xml": ("ok", "atom10", "en", "utf-8", 4,
        "Atom link choice: two alternates (hreflang), only rel=self, alternate after related/replies, link without "
        "rel"),
    "atom-fr-blog.xml": ("ok", "atom10", "fr", "utf-8", 3,
        "French Atom: type=html title with &amp;nbsp; and &amp;rsquo;, typographic apostrophe, CET and CEST offsets"),
    "atom-ru-news.xml": ("ok", "atom10", "ru", "utf-8", 3,
        "Russian Atom, link without rel, an entry with updated only"),
    "atom-ru-news.koi8-r.xml": ("ok", "atom10", "ru", "koi8-r", 3,
        "KOI8-R twin of atom-ru-news.xml"),
    "atom-ar-news.xml": ("ok", "atom10", "ar", "utf-8", 2,
        "Arabic Atom, Arabic-Indic digits in an html summary, +04:00"),
    "atom-he-blog.xml": ("ok", "atom10", "he", "utf-8", 2,
        "Hebrew Atom, tag: ids"),
    "atom-ja-blog.xml": ("ok", "atom10", "ja", "utf-8", 2,
        "Japanese Atom, fullwidth parentheses and wave dash in a title, html content"),
    "atom-zh-news.xml": ("ok", "atom10", "zh", "utf-8", 2,
        "Chinese Atom, +08:00 crossing the UTC day"),
    "atom-tr-blog.xml": ("ok", "atom10", "tr", "utf-8", 2,
        "Turkish Atom, an entry with updated only"),
    "atom-tr-blog.utf-16be.xml": ("ok", "atom10", "tr", "utf-16be with BOM", 2,
        "UTF-16 big endian with a BOM, declared UTF-16"),
    # malformed
    "bad-truncated.xml": ("malformed", "rss20", "en", "utf-8", None,
        "rss20-en-guid.xml cut off in the middle of its fourth item"),
    "bad-unclosed-tags.xml": ("malformed", "rss20", "en", "utf-8", None,
        "raw <p> and <br> in a description, a title never closed"),
    "bad-undefined-entity.xml": ("malformed", "rss20", "en", "utf-8", None,
        "&eacute; &nbsp; &mdash; &hellip; and a made-up entity with no DOCTYPE"),
    "bad-stray-ampersand.xml": ("malformed", "rss20", "en", "utf-8", None,
        "unescaped & in a title and in a link query"),
    "bad-invalid-utf8.xml": ("malformed", "rss20", "en", "utf-8 (invalid)", None,
        "declared UTF-8 with a bad continuation byte, 0xFF, an overlong '/', an encoded surrogate, a cut sequence"),
    "bad-wrong-encoding.xml": ("malformed", "rss20", "ru", "windows-1251 declared UTF-8", None,
        "rss20-ru-news.xml in windows-1251 under a UTF-8 declaration"),
    "bad-sjis-cp932.xml": ("malformed", "rss20", "ja", "cp932 declared Shift_JIS", None,
        "declared Shift_JIS but holds CP932-only characters (circled digit, NEC and IBM extensions): right text is "
        "CP932's"),
    "bad-html-page.html": ("malformed", "none", "en", "utf-8", None,
        "an HTML home page (not XML) where a feed was expected"),
    "bad-empty.xml": ("malformed", "none", "", "", None,
        "an empty file"),
    "bad-nesting-bomb.xml": ("malformed", "rss20", "en", "utf-8", None,
        "well-formed, 1000 nested elements inside a description (libxml2's default depth limit is 256)"),
    "bad-billion-laughs.xml": ("malformed", "rss20", "en", "utf-8", None,
        "billion laughs: 10 levels of 10 internal entities; must not be expanded"),
    "bad-xxe.xml": ("malformed", "rss20", "en", "utf-8", None,
        "external general entities to file:///etc/passwd, /etc/passwd and an http URL; must not be read"),
    "bad-xxe-parameter.xml": ("malformed", "rss20", "en", "utf-8", None,
        "external DTD file:///etc/passwd and external parameter entities (file and http); must not be read"),
}
FILES = {name: dict(zip(("kind", "format", "language", "encoding", "entries", "exercises"), v))
         for name, v in _F.items()}
HAZARDS = {"bad-billion-laughs.xml": "entity-expansion", "bad-xxe.xml": "xxe",
           "bad-xxe-parameter.xml": "xxe", "bad-nesting-bomb.xml": "depth"}
for _name, _hazard in HAZARDS.items():
    FILES[_name]["hazard"] = _hazard

# Files of this folder that are not feeds.
NOT_FEEDS = {"make_feeds.py", "manifest.json", "expected.json"}


# ---- the derived files ------------------------------------------------------------------

def _with_declared(text: str, encoding: str) -> str:
    decl = re.match(r'<\?xml[^>]*\?>', text)
    assert decl and 'encoding="UTF-8"' in decl.group(0), "a source must declare encoding=\"UTF-8\""
    return text.replace('encoding="UTF-8"', f'encoding="{encoding}"', 1)


def _encode_outside_cdata(text: str, codec: str) -> bytes:
    """text in codec; a character codec lacks becomes &#N; outside CDATA
    (and outside markup: the sources hold non-ASCII only in text)."""
    out = []
    for i, part in enumerate(re.split(r'(<!\[CDATA\[.*?\]\]>)', text, flags=re.S)):
        if i % 2:
            try:
                out.append(part.encode(codec))
            except UnicodeEncodeError as e:
                raise SystemExit(f"{codec} cannot hold {part[e.start:e.end]!r} inside CDATA: {part[:60]!r}")
        else:
            out.append(part.encode(codec, errors="xmlcharrefreplace"))
    return b"".join(out)


def _source(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def twin(source: str, declared: str, codec: str) -> bytes:
    return _encode_outside_cdata(_with_declared(_source(source), declared), codec)


def _invalid_utf8() -> bytes:
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            '<title>Mangled Mill Monthly</title>\n<link>https://mangled-mill.example/</link>\n'
            '<description>Bytes that are not UTF-8 in a UTF-8 feed</description>\n').encode()
    items = [
        (b"Caf\xc3\x28 with a bad continuation byte", 1),
        (b"A stray \xff byte", 2),
        (b"Overlong slash \xc0\xaf and an encoded surrogate \xed\xa0\x80", 3),
        (b"Valid caf\xc3\xa9 after the damage", 4),
        (b"Cut sequence at the end \xe2\x82", 5),
    ]
    body = b"".join(
        b"<item>\n<title>" + t + b"</title>\n<link>https://mangled-mill.example/%d</link>\n" % n
        + b"<pubDate>Thu, 11 Jul 2024 %02d:00:00 GMT</pubDate>\n</item>\n" % (8 + n)
        for t, n in items)
    return head + body + b"</channel>\n</rss>\n"


def _sjis_cp932() -> bytes:
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            '<title>港町ウィークリー</title>\n<link>https://minatomachi-weekly.example/</link>\n'
            '<description>Shift_JIS と宣言された CP932 のフィード</description>\n'
            '<item>\n<title>①市民会館の改修、㈱港町建設が受注</title>\n'
            '<link>https://minatomachi-weekly.example/news/1</link>\n'
            '<pubDate>Fri, 12 Jul 2024 09:00:00 +0900</pubDate>\n</item>\n'
            '<item>\n<title>髙橋記念館で夏の特別展（～８月３１日）</title>\n'
            '<link>https://minatomachi-weekly.example/news/2</link>\n'
            '<pubDate>Fri, 12 Jul 2024 10:00:00 +0900</pubDate>\n</item>\n'
            '</channel>\n</rss>\n')
    return _with_declared(text, "Shift_JIS").encode("cp932")


def _nesting_bomb(depth: int = 1000) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            '<title>Russian Doll Review</title>\n<link>https://russian-doll.example/</link>\n'
            '<description>Deep nesting</description>\n<item>\n<title>Nested</title>\n'
            '<link>https://russian-doll.example/1</link>\n<description>'
            + "<a>" * depth + "deep" + "</a>" * depth
            + '</description>\n</item>\n</channel>\n</rss>\n').encode()


def _truncated() -> bytes:
    data = (HERE / "rss20-en-guid.xml").read_bytes()
    cut = data.index(b"<title>West coast ferry strike")
    return data[:cut + len(b"<title>West coast fe")]


def generated() -> dict[str, bytes]:
    """Every file this script writes, by name."""
    utf8_bom = b"\xef\xbb\xbf"
    files = {
        "rss091-fr-plain.iso-8859-1.xml": twin("rss091-fr-plain.xml", "ISO-8859-1", "iso-8859-1"),
        "rss10-ja-rdf.shift_jis.xml": twin("rss10-ja-rdf.xml", "Shift_JIS", "shift_jis"),
        "rss10-de-rdf.iso-8859-15.xml": twin("rss10-de-rdf.xml", "ISO-8859-15", "iso-8859-15"),
        "rss20-fa-news.windows-1256.xml": twin("rss20-fa-news.xml", "windows-1256", "cp1256"),
        "rss20-ar-news.windows-1256.xml": twin("rss20-ar-news.xml", "windows-1256", "cp1256"),
        "rss20-ru-news.windows-1251.xml": twin("rss20-ru-news.xml", "windows-1251", "cp1251"),
        "rss20-ru-news.koi8-r.xml": twin("rss20-ru-news.xml", "KOI8-R", "koi8-r"),
        "atom-ru-news.koi8-r.xml": twin("atom-ru-news.xml", "KOI8-R", "koi8-r"),
        "rss20-en-mini.utf-8-bom.xml": utf8_bom + _source("rss20-en-mini.xml").encode("utf-8"),
        "rss20-en-mini.utf-16.xml": b"\xff\xfe" + twin("rss20-en-mini.xml", "UTF-16", "utf-16-le"),
        "atom-tr-blog.utf-16be.xml": b"\xfe\xff" + twin("atom-tr-blog.xml", "UTF-16", "utf-16-be"),
        "rss20-en-smartquotes.cp1252-as-latin1.xml": twin("rss20-en-smartquotes.xml", "ISO-8859-1", "cp1252"),
        "bad-truncated.xml": _truncated(),
        "bad-invalid-utf8.xml": _invalid_utf8(),
        "bad-wrong-encoding.xml": _source("rss20-ru-news.xml").encode("cp1251"),
        "bad-sjis-cp932.xml": _sjis_cp932(),
        "bad-empty.xml": b"",
        "bad-nesting-bomb.xml": _nesting_bomb(),
    }
    files["manifest.json"] = (json.dumps({"files": FILES}, ensure_ascii=False, indent=1) + "\n").encode()
    return files


# Where a twin must read as its source: twin -> source.
TWINS = {
    "rss091-fr-plain.iso-8859-1.xml": "rss091-fr-plain.xml",
    "rss10-ja-rdf.shift_jis.xml": "rss10-ja-rdf.xml",
    "rss10-de-rdf.iso-8859-15.xml": "rss10-de-rdf.xml",
    "rss20-fa-news.windows-1256.xml": "rss20-fa-news.xml",
    "rss20-ar-news.windows-1256.xml": "rss20-ar-news.xml",
    "rss20-ru-news.windows-1251.xml": "rss20-ru-news.xml",
    "rss20-ru-news.koi8-r.xml": "rss20-ru-news.xml",
    "atom-ru-news.koi8-r.xml": "atom-ru-news.xml",
    "rss20-en-mini.utf-8-bom.xml": "rss20-en-mini.xml",
    "rss20-en-mini.utf-16.xml": "rss20-en-mini.xml",
    "atom-tr-blog.utf-16be.xml": "atom-tr-blog.xml",
    "rss20-en-smartquotes.cp1252-as-latin1.xml": "rss20-en-smartquotes.xml",
}


# ---- where feedparser is wrong (or chooses) ------------------------------------------
#
# "wrong": feedparser's value is wrong by the specifications; the importer
# must give `expected`, and the test asserts it. "choice": feedparser picks
# one of several defensible answers; recorded, reported, not asserted.

ERRATA = [
    {"file": "rss20-en-zones.xml", "entry": 1, "field": "published", "kind": "wrong",
     "feedparser": "2024-04-03T08:00Z", "expected": "2024-04-03T07:00Z",
     "why": "BST (British Summer Time, +01:00) is not in feedparser's zone table: read as UTC"},
    {"file": "rss20-en-zones.xml", "entry": 2, "field": "published", "kind": "wrong",
     "feedparser": "2024-02-08T12:00Z", "expected": "2024-02-08T11:00Z",
     "why": "CET (+01:00) is not in feedparser's zone table: read as UTC"},
    {"file": "rss20-en-zones.xml", "entry": 3, "field": "published", "kind": "wrong",
     "feedparser": "2024-07-05T12:00Z", "expected": "2024-07-05T10:00Z",
     "why": "CEST (+02:00) is not in feedparser's zone table: read as UTC"},
    {"file": "rss20-fa-news.xml", "entry": 0, "field": "published", "kind": "wrong",
     "feedparser": "2024-03-16T10:30Z", "expected": "2024-03-16T07:00Z",
     "why": "IRST (Iran Standard Time, +03:30) is not in feedparser's zone table: read as UTC"},
    {"file": "rss20-fa-news.windows-1256.xml", "entry": 0, "field": "published", "kind": "wrong",
     "feedparser": "2024-03-16T10:30Z", "expected": "2024-03-16T07:00Z",
     "why": "IRST (+03:30) read as UTC, as in the UTF-8 source"},
    {"file": "atom-en-links.xml", "entry": 0, "field": "link", "kind": "choice",
     "feedparser": "https://millbrook-post.example/cy/fferi", "expected": "https://millbrook-post.example/en/ferry",
     "why": "two rel=alternate text/html links (hreflang en, cy): feedparser keeps the last; the first is the usual "
            "pick"},
    {"file": "atom-en-links.xml", "entry": 1, "field": "link", "kind": "wrong",
     "feedparser": "https://millbrook-post.example/id/2", "expected": None,
     "why": "no alternate link: feedparser takes the atom:id as the link (its RSS guid rule applied to Atom); an id "
            "is not a link"},
]


# ---- reading both sides -----------------------------------------------------------------

class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    p = _Text()
    p.feed(markup)
    p.close()
    return "".join(p.parts)


def collapse(s: str | None) -> str | None:
    """Whitespace collapsed (str.split: also NBSP and the ideographic space); "" is None."""
    if s is None:
        return None
    s = " ".join(s.split())
    return s or None


def minute(t: dt.datetime | None) -> str | None:
    """A datetime as its UTC minute, 'YYYY-MM-DDTHH:MMZ' (naive: taken as UTC)."""
    if t is None:
        return None
    if isinstance(t, dt.datetime):
        if t.tzinfo is not None:
            t = t.astimezone(dt.timezone.utc)
    else:  # a date
        t = dt.datetime(t.year, t.month, t.day)
    return t.strftime("%Y-%m-%dT%H:%MZ")


HTML_TYPES = ("text/html", "application/xhtml+xml")


def feedparser_fields(entry) -> dict:
    """title (text: HTML types reduced to their text), link, published minute."""
    title = entry.get("title")
    if title is not None and entry.get("title_detail", {}).get("type") in HTML_TYPES:
        title = html_to_text(title)
    link = entry.get("link")
    t = entry.get("published_parsed") or entry.get("updated_parsed")
    when = dt.datetime.fromtimestamp(calendar.timegm(t), dt.timezone.utc) if t else None
    return {"title": collapse(title), "link": (link or "").strip() or None, "published": minute(when)}


def digestcore_fields(post) -> dict:
    return {"title": collapse(post.title), "link": (post.url or "").strip() or None,
            "published": minute(post.published_on)}


FIELDS = ("title", "link", "published")


# ---- commands ---------------------------------------------------------------------------

def write() -> None:
    for name, data in generated().items():
        (HERE / name).write_bytes(data)
    check(quiet=True)
    print(f"wrote {len(generated())} files in {HERE}")


def check(quiet: bool = False) -> int:
    problems = []
    for name, data in generated().items():
        path = HERE / name
        if not path.exists() or path.read_bytes() != data:
            problems.append(f"{name}: differs from what make_feeds.py writes")
    present = {p.name for p in HERE.iterdir() if p.is_file()} - NOT_FEEDS
    for name in sorted(present - set(FILES)):
        problems.append(f"{name}: in the folder, not in FILES")
    for name in sorted(set(FILES) - present):
        problems.append(f"{name}: in FILES, not in the folder")
    for name in sorted(present & set(FILES)):
        size = (HERE / name).stat().st_size
        if size >= MAX_BYTES:
            problems.append(f"{name}: {size} bytes, over {MAX_BYTES}")
    for p in problems:
        print(p, file=sys.stderr)
    if not problems and not quiet:
        print(f"{len(FILES)} feeds, all as generated, each under {MAX_BYTES} bytes")
    return 1 if problems else 0


def expectations() -> int:
    """expected.json from feedparser, with ERRATA applied; fails where feedparser
    is not what ERRATA says it is, or where a twin does not read as its source."""
    import feedparser

    expected: dict = {"feedparser": feedparser.__version__, "errata": ERRATA, "ok": {}, "malformed": {}}
    errata = {(e["file"], e["entry"], e["field"]): e for e in ERRATA}
    seen = set()
    bad = 0
    for name, meta in FILES.items():
        d = feedparser.parse(str(HERE / name))
        if meta["kind"] != "ok":
            expected["malformed"][name] = {
                "bozo": bool(d.bozo), "entries": len(d.entries),
                "exception": type(d.get("bozo_exception")).__name__ if d.bozo else None}
            continue
        rows = []
        for i, e in enumerate(d.entries):
            row = feedparser_fields(e)
            for f in FIELDS:
                err = errata.get((name, i, f))
                if err:
                    seen.add((name, i, f))
                    if row[f] != err["feedparser"]:
                        print(f"{name}[{i}].{f}: feedparser gives {row[f]!r}, ERRATA says {err['feedparser']!r}",
                              file=sys.stderr)
                        bad += 1
                    row[f] = err["expected"]
            rows.append(row)
        if len(rows) != meta["entries"]:
            print(f"{name}: feedparser gives {len(rows)} entries, FILES says {meta['entries']}", file=sys.stderr)
            bad += 1
        expected["ok"][name] = {"bozo": bool(d.bozo), "entries": rows}
    for missing in set(errata) - seen:
        print(f"ERRATA {missing}: no such entry", file=sys.stderr)
        bad += 1
    for tw, src in TWINS.items():
        a = [{k: v for k, v in r.items()} for r in expected["ok"][tw]["entries"]]
        b = expected["ok"][src]["entries"]
        if a != b:
            print(f"{tw} does not read as {src}:\n  {a}\n  {b}", file=sys.stderr)
            bad += 1
    (HERE / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote expected.json ({sum(len(v['entries']) for v in expected['ok'].values())} entries)")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--check", action="store_true", help="fail if a committed file differs from what this writes")
    g.add_argument("--expectations", action="store_true", help="rewrite expected.json from feedparser + ERRATA")
    a = ap.parse_args()
    if a.check:
        return check()
    if a.expectations:
        return expectations()
    write()
    return 0


if __name__ == "__main__":
    sys.exit(main())
