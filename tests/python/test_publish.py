"""Publishing from Python: periods, digest options, renderers, the site; and
the HTML digest, the site and the Markdown digest opened in a real browser
(headless Chromium through browser.py), with a mixed English, Persian and
Arabic collection that also carries hostile titles, excerpts and links."""
from __future__ import annotations

import datetime
import json
import pathlib
import pickle

import pytest

import digestcore
from conftest_browser import browser, chromium_session  # noqa: F401

D = datetime.date


def mixed_collection() -> digestcore.Collection:
    c = digestcore.Collection()
    c.add_source(digestcore.Source(id="north", name="Northwind Courier", language="en"))
    c.add_source(digestcore.Source(id="kavir", name="کویر امروز", language="fa"))
    c.add_source(digestcore.Source(id="wadi", name="صدى الوادي", language="ar"))
    posts = [
        dict(id="n1", title="Reservoir levels rise after the spring melt", source="north",
             language="en", posted_on="2021-09-06", authors=["Mara Quill"],
             excerpt="Engineers at the Lowmere dam opened a second spillway.",
             url="https://northwind.example/n1", story="n1"),
        dict(id="k1", title="سطح آب مخزن پس از ذوب برف بالا رفت", source="kavir", language="fa",
             posted_on="2021-09-07", authors=["نگار صدری"], place="لومیر",
             excerpt="مهندسان سد لومیر سرریز دوم را باز کردند.",
             url="https://kavir.example/k1", story="n1"),
        dict(id="w1", title="ارتفاع منسوب المياه في الخزان بعد ذوبان الثلوج", source="wadi",
             language="ar", posted_on="2021-09-08", authors=["سلمى حداد"],
             excerpt="فتح مهندسو سد لومير مفيضاً ثانياً.",
             url="https://wadi.example/w1", story="n1"),
        dict(id="h1", title="<script>window.__pwned=1</script>Council vote", source="north",
             language="en", posted_on="2021-09-09",
             excerpt='<img src=x onerror="window.__pwned=1"> and [a](javascript:alert(1))',
             url="javascript:window.__pwned=1"),
        dict(id="h2", title="\u202eevil\u202c reversed \u2066isolate", source="kavir",
             language='fa" onmouseover="window.__pwned=1', posted_on="2021-09-10",
             excerpt="\x1b[31m control \x07 bytes", url="https://kavir.example/h2\"onclick=\"x"),
        dict(id="h3", title="A </article><a href=javascript:x>link</a>", source="wadi",
             language="ar", posted_on="2021-09-10", url="data:text/html,<script>x</script>"),
    ]
    for p in posts:
        c.add_post(digestcore.Post(**p))
    return c


# ---- periods and options ---------------------------------------------------------

def test_parse_period_forms():
    ref = D(2021, 9, 11)
    p = digestcore.parse_period("P7D/2021-09-10")
    assert (p.first, p.last, p.kind) == (D(2021, 9, 4), D(2021, 9, 10), "week")
    p = digestcore.parse_period("week-ending:fri", reference=ref)
    assert (p.first, p.last) == (D(2021, 9, 4), D(2021, 9, 10))
    p = digestcore.parse_period("1400-06")
    assert (p.first, p.last, p.calendar) == (D(2021, 8, 23), D(2021, 9, 22), "persian")
    assert digestcore.parse_period("last-7-days", reference=ref).last == D(2021, 9, 10)
    assert digestcore.parse_period("2021-08").last == D(2021, 8, 31)
    for p in (digestcore.parse_period(t, reference=ref)
              for t in ("2020-W53", "2021-08-12/18", "P2W", "2021-09-10")):
        back = digestcore.parse_period(p.label)  # the same days (a relative kind reads as a range)
        assert (back.first, back.last) == (p.first, p.last)
        assert pickle.loads(pickle.dumps(p)) == p
    for bad in ("", "2021-", "2021-W54", "week-ending:someday", "P0D", "\u202e2021-W01"):
        with pytest.raises(digestcore.Error) as e:
            digestcore.parse_period(bad, reference=ref)
        assert "\n" not in str(e.value)


def test_digest_options_and_items():
    c = mixed_collection()
    d = c.digest("P7D/2021-09-10", group_by="story", rank="outlets")
    assert d.group_by == "story" and d.rank == "outlets"
    post, story, outlets, also, entities = d.sections[0].items[0]
    assert (post.id, story, outlets) == ("n1", "n1", 3)
    assert [p.id for p in also] == ["k1", "w1"]
    assert len(d) == 4  # three stories of one post, one of three
    flat = c.digest("P7D/2021-09-10", group_by="none", rank="newest", limit=2)
    assert [p.id for p in flat.sections[0].posts] == ["h3", "h2"]  # same day: by title
    fa = c.digest("P7D/2021-09-10", locale="fa")
    assert fa.title == "خلاصهٔ هفتگی – ۱۹ شهریور ۱۴۰۰"
    assert fa.to_markdown().startswith("# خلاصهٔ هفتگی")
    titled = c.digest("2021-W36", title="River watch – {period} ({count})")
    assert titled.title == "River watch – Sep 6\u2009–\u200912, 2021 (6)"
    with pytest.raises(digestcore.InvalidArgumentError):
        c.digest("2021-W36", group_by="sideways")
    with pytest.raises(digestcore.InvalidArgumentError):
        c.digest("2021-W36", title="{nope}")
    with pytest.raises(digestcore.InvalidArgumentError):
        c.digest("2021-W36", locale="<script>")


def test_digest_round_trips_and_renders():
    c = mixed_collection()
    d = c.digest("2021-W36", group_by="story", locale="ar")
    assert digestcore.Digest.from_json(d.to_json()) == d
    assert pickle.loads(pickle.dumps(d)) == d
    feed = json.loads(d.to_json_feed())
    assert [i["id"] for i in feed["items"]] == [p.id for s in d.sections for p in s.posts]
    assert feed["_digestcore"]["digest"]["group_by"] == "story"
    html = d.to_html()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in html
    assert d._repr_html_().startswith('<article class="digest"')
    for bad in ("", "{", '{"period": 3}', '{"title": 1, "period": {}}', "[" * 10000):
        with pytest.raises(digestcore.Error) as e:
            digestcore.Digest.from_json(bad)
        assert "\n" not in str(e.value)


def test_write_site(tmp_path):
    c = mixed_collection()
    written = c.write_site(tmp_path / "site", locale="fa", periods="week-ending:fri", page_size=4)
    names = {str(pathlib.Path(p).relative_to(tmp_path / "site")) for p in written}
    assert {"index.html", "page-2.html", "feed.json", "digests/index.html",
            "sources/index.html"} <= names
    assert any(n.startswith("digests/2021-09-04-2021-09-10") for n in names)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    page2 = (tmp_path / "site" / "page-2.html").read_text(encoding="utf-8")
    # Newest first: the 10 September clippings open the index, 6 September's is on page 2.
    assert "reversed" in index and "Reservoir levels" not in index
    assert "Reservoir levels" in page2
    assert "&lt;script&gt;" in index and "<script" not in index
    with pytest.raises(digestcore.InvalidArgumentError):
        c.write_site(tmp_path / "x", periods="fortnight")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(digestcore.Error):
        c.write_site(blocker / "site")


# ---- in a real browser ---------------------------------------------------------

RTL_CHECK = """
(() => {
  const out = [];
  for (const item of document.querySelectorAll('article.clipping')) {
    const h = item.querySelector('h2, h3, h4, h5');
    const r = h.getBoundingClientRect(), box = item.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(h);
    const t = range.getBoundingClientRect();
    out.push({lang: item.getAttribute('lang') || '', dir: getComputedStyle(item).direction,
              right_gap: box.right - t.right, left_gap: t.left - box.left, width: t.width,
              boxw: box.width});
  }
  return out;
})()
"""


def check_layout(browser) -> list[dict]:
    items = browser.evaluate(RTL_CHECK)
    assert items, "no clippings on the page"
    for it in items:
        if it["lang"] in ("fa", "ar"):
            assert it["dir"] == "rtl", it
            # A short right-to-left title hugs the right edge of its item.
            if it["width"] < it["boxw"] * 0.8:
                assert it["right_gap"] < 2 and it["left_gap"] > 20, it
        elif it["lang"] == "en":
            assert it["dir"] == "ltr", it
            if it["width"] < it["boxw"] * 0.8:
                assert it["left_gap"] < 2 and it["right_gap"] > 20, it
    return items


def no_bidi_override(browser) -> None:
    text = browser.evaluate("document.body.innerText")
    for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert ch not in text


def safe_links(browser) -> None:
    hrefs = browser.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    for h in hrefs:
        assert h.startswith(("http://", "https://")) or "://" not in h and ":" not in h.split("/")[0], h


@pytest.mark.browser
@pytest.mark.parametrize("locale", ["en", "fa", "ar"])
def test_html_digest_in_chromium(browser, tmp_path, locale):
    c = mixed_collection()
    page = tmp_path / f"digest-{locale}.html"
    page.write_text(c.digest("2021-W36", group_by="source", locale=locale).to_html(),
                    encoding="utf-8")
    browser.open(page)
    assert browser.console_errors() == []
    assert browser.script_evidence() == []
    assert browser.evaluate("window.__pwned === undefined")
    assert browser.evaluate("getComputedStyle(document.documentElement).direction") == (
        "rtl" if locale in ("fa", "ar") else "ltr")
    items = check_layout(browser)
    assert {it["lang"] for it in items} >= {"en", "fa", "ar"}
    no_bidi_override(browser)
    safe_links(browser)
    # The hostile title shows as text, not as markup.
    assert "<script>" in browser.evaluate("document.body.innerText")


@pytest.mark.browser
def test_story_digest_in_chromium(browser, tmp_path):
    c = mixed_collection()
    page = tmp_path / "stories.html"
    page.write_text(c.digest("2021-W36", group_by="story", rank="outlets").to_html(),
                    encoding="utf-8")
    browser.open(page)
    assert browser.console_errors() == [] and browser.script_evidence() == []
    also = browser.evaluate("[...document.querySelectorAll('p.also a')].map(a => a.textContent)")
    assert also == ["کویر امروز", "صدى الوادي"]
    check_layout(browser)


@pytest.mark.browser
def test_site_in_chromium(browser, tmp_path):
    c = mixed_collection()
    written = c.write_site(tmp_path / "site", page_size=3)
    pages = [p for p in written if p.endswith(".html")]
    assert len(pages) >= 6
    for p in pages:
        browser.open(p)
        assert browser.console_errors() == [], p
        assert browser.script_evidence() == [], p
        no_bidi_override(browser)
        safe_links(browser)
        # Relative links only, and each resolves to a written file.
        for href in browser.evaluate(
                "[...document.querySelectorAll('nav a, a.digest-link, h2 > a')]"
                ".map(a => a.getAttribute('href'))"):
            if href.startswith(("http://", "https://")):
                continue
            assert not href.startswith("/"), href
            assert (pathlib.Path(p).parent / href).resolve().exists(), (p, href)
    browser.open(tmp_path / "site" / "index.html")
    check_layout(browser)
    browser.screenshot(tmp_path / "index.png")


@pytest.mark.browser
def test_markdown_digest_in_chromium(browser, tmp_path):
    """The Markdown digest through a CommonMark renderer (markdown-it-py, raw
    HTML allowed as a permissive site would) runs nothing and links only
    http(s)."""
    markdown_it = pytest.importorskip("markdown_it")
    c = mixed_collection()
    md = c.digest("2021-W36").to_markdown()
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).render(md)
    page = tmp_path / "markdown.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>md</title></head>'
                    f"<body>{html}</body></html>", encoding="utf-8")
    browser.open(page)
    assert browser.console_errors() == []
    assert browser.script_evidence() == []
    safe_links(browser)
    assert browser.evaluate("document.querySelectorAll('img, script, iframe').length") == 0
