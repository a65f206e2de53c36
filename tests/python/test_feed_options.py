"""The import options of 0.3 through Python: RSS and Atom, warnings,
strict mode, encodings, duplicate policies, progress, and the report."""
import subprocess
import sys

import pytest

import digestcore

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Saltmarsh Gazette</title>
<link>https://saltmarsh.example/</link><language>en</language>
<item><title>Sluice &amp; gates</title><link>https://saltmarsh.example/a?utm_medium=rss</link>
<pubDate>Tue, 04 Jun 2024 08:30:00 BST</pubDate><category>works</category></item>
<item><guid isPermaLink="false">sm-2</guid><title>Second</title>
<pubDate>Wed, 05 Jun 2024 09:00:00 GMT</pubDate></item>
</channel></rss>
"""


def test_rss_is_detected_and_mapped():
    c = digestcore.Collection.from_json(RSS)
    assert len(c) == 2
    first = c.posts[0]
    assert first.title == "Sluice & gates"
    assert first.id == "https://saltmarsh.example/a?utm_medium=rss"
    assert first.published_on.isoformat() == "2024-06-04T07:30:00+00:00"
    assert first.tags == ["works"]
    assert [s.name for s in c.sources] == ["Saltmarsh Gazette"]
    assert first.source == c.sources[0].id


def test_report_lists_repairs_with_positions(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS)
    c = digestcore.Collection()
    report = c.import_file(path, format="rss")
    assert report.format == "xml_feed"
    assert report.posts_added == 2
    assert report.warnings_count == len(report.warnings) >= 1
    w = report.warnings[0]
    assert w["code"] == "missing field" and w["line"] == 4 and "link" in w["message"]
    assert "warnings=" in repr(report)
    # Strict: the same deviation is an error, and nothing is added.
    with pytest.raises(digestcore.Error) as err:
        digestcore.Collection().import_file(path, strict=True)
    assert "guid" in str(err.value)


def test_polling_twice_changes_nothing():
    c = digestcore.Collection.from_json(RSS)
    before = c.to_json()
    with pytest.raises(digestcore.Error, match="duplicate"):
        c.import_json(RSS)
    for policy in ("keep_first", "replace", "merge"):
        r = c.import_json(RSS, on_duplicate=policy)
        assert r.posts_added == 0
        assert sum(r.duplicates.values()) == 2
        assert c.to_json() == before
    # The same page under a tracking parameter and another scheme is the same post.
    moved = RSS.replace(b"https://saltmarsh.example/a?utm_medium=rss",
                        b"http://SALTMARSH.example/a?utm_source=x&amp;fbclid=1")
    r = c.import_json(moved, on_duplicate="merge")
    assert r.posts_added == 0 and len(c) == 2
    with pytest.raises(ValueError):
        c.import_json(RSS, on_duplicate="sometimes")


def test_encoding_declared_and_given():
    title = "Привет".encode("cp1251")
    declared = (b'<?xml version="1.0" encoding="windows-1251"?><rss><channel><item>'
                b"<guid>1</guid><title>" + title + b"</title></item></channel></rss>")
    assert digestcore.Collection.from_json(declared).posts[0].title == "Привет"
    bare = declared.split(b"?>", 1)[1]
    assert digestcore.Collection.from_json(bare, encoding="cp1251").posts[0].title == "Привет"
    with pytest.raises(digestcore.Error):
        digestcore.Collection.from_json(bare, encoding="no-such-encoding")
    js = '{"digestcore": 1, "posts": [{"id": "a", "title": "Привет"}]}'.encode("cp1251")
    assert digestcore.Collection.from_json(js, encoding="windows-1251").posts[0].title == "Привет"


def test_progress_is_called_and_may_stop_the_import():
    items = b"".join(b"<item><guid>%d</guid><title>t</title></item>" % i for i in range(40000))
    big = b"<rss><channel><title>Big</title>" + items + b"</channel></rss>"
    calls = []
    c = digestcore.Collection.from_json(big, progress=lambda r, t, n: calls.append((r, t, n)))
    assert len(c) == 40000
    assert calls and calls[-1][0] == calls[-1][1] == len(big)

    class Stop(Exception):
        pass

    def stop(read, total, records):
        raise Stop

    c = digestcore.Collection()
    with pytest.raises(Stop):
        c.import_json(big, progress=stop)
    assert len(c) == 0
    with pytest.raises(TypeError):
        c.import_json(big, progress=42)


def test_not_a_feed_says_what_it_is():
    with pytest.raises(digestcore.ParseError) as err:
        digestcore.Collection.from_json(b"<!DOCTYPE html><html><body>hi</body></html>")
    assert "HTML page" in str(err.value)
    with pytest.raises(digestcore.ParseError) as err:
        digestcore.Collection.from_json(b"%PDF-1.4 binary")
    assert "PDF" in str(err.value)


def test_load_reads_standard_input():
    code = ("import digestcore, sys; c = digestcore.Collection.load('-'); "
            "print(len(c), c.posts[0].title)")
    out = subprocess.run([sys.executable, "-c", code], input=RSS, capture_output=True, check=True)
    assert out.stdout.decode().strip() == "2 Sluice & gates"
