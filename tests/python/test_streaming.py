"""Streaming from Python (issue 15): iter_posts walks a file in bounded
memory, Collection.load(where=...) keeps only what it is asked to keep, and
module-level date functions reuse one parser per option set."""
import gc
import json
import threading

import pytest

import digestcore as dc


def write_lines(path, count, extra_lines=()):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"source": {"id": "quay", "name": "Quay Courier"}}) + "\n")
        for i in range(count):
            day = 1 + i % 28
            f.write(json.dumps({
                "id": f"p{i}",
                "title": f"Ferry timetable {i} — horaires d'été",
                "url": f"https://quay.example/n/{i}",
                "posted_on": f"2023-02-{day:02d}T08:30:00+01:00",
                "source": "quay",
                "tags": ["port", "été"],
            }, ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return str(path)


def test_iter_posts_gives_what_load_gives(tmp_path):
    path = write_lines(tmp_path / "posts.jsonl", 1500)
    streamed = list(dc.iter_posts(path))
    loaded = dc.Collection.load(path)
    assert len(streamed) == len(loaded) == 1500
    for a, b in zip(streamed[::101], list(loaded)[::101]):
        assert a.id == b.id and a.title == b.title and a.tags == b.tags
        assert a.posted_on == b.posted_on
    assert not streamed[0].in_collection  # standalone: changing it changes nothing else
    streamed[0].title = "changed"
    assert streamed[0].title == "changed"


def test_iter_posts_report_and_sources_once_read(tmp_path):
    path = write_lines(tmp_path / "posts.jsonl", 40, ["not json", json.dumps({"id": "p1"})])
    reader = dc.iter_posts(path, skip_bad_records=True, on_duplicate="keep_first")
    assert reader.report is None and reader.sources is None  # not read yet
    assert len(list(reader)) == 40
    report = reader.report
    assert report.posts_added == 40
    assert [r["line"] for r in report.skipped] == [42]
    assert report.duplicates["kept_first"] == 1
    assert [s.id for s in reader.sources] == ["quay"]
    assert reader.sources[0].name == "Quay Courier"
    stopped = dc.iter_posts(path, skip_bad_records=True)
    next(stopped)
    stopped.close()
    assert stopped.report is None  # stopped early: no report of a partial read


def test_iter_posts_raises_where_the_error_is(tmp_path):
    path = write_lines(tmp_path / "bad.jsonl", 30, ['{"id": "x", "title": 12}'] + [])
    seen = []
    with pytest.raises(dc.Error) as err:
        for p in dc.iter_posts(path):
            seen.append(p.id)
    assert len(seen) == 30
    assert "line 32" in str(err.value) or ":32:" in str(err.value)
    assert len(list(dc.iter_posts(path, skip_bad_records=True))) == 30


def test_iter_posts_duplicates_and_bad_arguments(tmp_path):
    dup = json.dumps({"id": "p3", "title": "again"})
    path = write_lines(tmp_path / "dup.jsonl", 10, [dup])
    with pytest.raises(dc.Error, match="duplicate post id"):
        list(dc.iter_posts(path))
    assert len(list(dc.iter_posts(path, on_duplicate="keep_first"))) == 10
    with pytest.raises(ValueError):
        dc.iter_posts(path, on_duplicate="merge")
    with pytest.raises(ValueError):
        dc.iter_posts(path, format="yaml")
    with pytest.raises(TypeError):
        dc.iter_posts(12)
    missing = dc.iter_posts(str(tmp_path / "none.jsonl"))
    with pytest.raises(FileNotFoundError):
        next(missing)
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    with pytest.raises(dc.Error):
        list(dc.iter_posts(str(empty)))
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b'{"id": "a\xff\xfe", "title": "\xe2\x80\xae"}\n' + b"[" * 5000 + b"\n")
    with pytest.raises(dc.Error):
        list(dc.iter_posts(str(junk)))


def test_iter_posts_stops_early_and_closes(tmp_path):
    path = write_lines(tmp_path / "big.jsonl", 20000)
    with dc.iter_posts(path) as reader:
        first = next(reader)
        assert first.id == "p0"
    assert list(reader) == []  # closed: the iterator ends
    reader.close()  # twice is fine
    abandoned = dc.iter_posts(path)
    next(abandoned)
    del abandoned
    gc.collect()  # the reading thread is stopped and joined, nothing hangs


def test_iter_posts_from_threads(tmp_path):
    path = write_lines(tmp_path / "shared.jsonl", 5000)
    reader = dc.iter_posts(path)
    ids, lock = [], threading.Lock()

    def drain():
        for p in reader:
            with lock:
                ids.append(p.id)

    threads = [threading.Thread(target=drain) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(ids) == sorted(f"p{i}" for i in range(5000))


def test_iter_posts_reads_feeds(tmp_path):
    items = "".join(f"<item><title>T{i}</title><link>https://quay.example/{i}</link></item>"
                    for i in range(40))
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>'
                    f"<link>https://quay.example/</link>{items}</channel></rss>", encoding="utf-8")
    assert [p.title for p in dc.iter_posts(str(feed))][:3] == ["T0", "T1", "T2"]


def test_load_where_period_keeps_only_the_period(tmp_path):
    path = write_lines(tmp_path / "posts.jsonl", 2800)
    whole = dc.Collection.load(path)
    week = dc.Collection.load(path, where="2023-W06")
    period = dc.parse_period("2023-W06")
    expected = [p.id for p in whole
                if period.first <= p.posted_on.date() <= period.last]
    assert [p.id for p in week] == expected
    assert 0 < len(week) < len(whole)
    assert len(week.sources) == 1
    same = dc.Collection.load(path, where=period)
    assert [p.id for p in same] == expected
    import datetime as dt
    pair = dc.Collection.load(path, where=(dt.date(2023, 2, 6), dt.date(2023, 2, 12)))
    assert [p.id for p in pair] == expected


def test_load_where_callable(tmp_path):
    path = write_lines(tmp_path / "posts.jsonl", 300)
    odd = dc.Collection.load(path, where=lambda p: int(p.id[1:]) % 2 == 1)
    assert len(odd) == 150
    assert all(int(p.id[1:]) % 2 for p in odd)

    def boom(p):
        if p.id == "p40":
            raise RuntimeError("filter failed")
        return True

    with pytest.raises(RuntimeError, match="filter failed"):
        dc.Collection.load(path, where=boom)
    with pytest.raises(ValueError):
        dc.Collection.load(path, where="not a period")
    with pytest.raises(ValueError):
        dc.Collection.load(path, where="2023-W06", on_duplicate="merge")


def test_parse_date_reuses_parsers_per_option_set():
    # Same answers whichever option sets come and go (the cache holds 16).
    for round_ in range(3):
        for i in range(20):
            langs = ["fr"] if i % 2 else ["de", f"x{i}"]
            d = dc.parse_date("3 mars 2021" if i % 2 else "3. März 2021", languages=langs)
            assert str(d) == "2021-03-03", (round_, i)
    assert dc.parse_date("03/04/2021", languages=["fr"]).month == 4
    assert dc.parse_date("03/04/2021", languages=["en-US"]).month == 3
