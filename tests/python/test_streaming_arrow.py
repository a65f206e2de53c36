"""A file straight into columns (issue 15): PostReader.to_arrow and
__arrow_c_stream__ give the table Collection.load(...).to_arrow() gives,
without a Post object per row, with the file's errors as digestcore's own."""
import json
import threading

import pytest

import digestcore as dc

pa = pytest.importorskip("pyarrow")


def write_lines(path, count, extra_lines=()):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"source": {"id": "quay", "name": "Quay Courier"}}) + "\n")
        for i in range(count):
            post = {
                "id": f"p{i}",
                "title": f"Ferry timetable {i} — horaires d'été",
                "url": f"https://quay.example/n/{i}",
                "posted_on": f"2023-02-{1 + i % 28:02d}T08:30:00+01:00",
                "source": "quay",
                "authors": ["Lale Demir", "مریم کاوه"][: 1 + i % 2],
            }
            if i % 5 == 0:
                post["tags"] = ["port"]
                post["x_berth"] = {"n": i}
            f.write(json.dumps(post, ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return str(path)


def test_to_arrow_is_the_loaded_collections_table(tmp_path):
    path = write_lines(tmp_path / "posts.jsonl", 2500)
    reader = dc.iter_posts(path)
    table = reader.to_arrow(rows=1000)
    expected = dc.Collection.load(path).to_arrow()
    assert table.num_rows == 2500
    assert table.schema == expected.schema
    assert table.equals(expected)
    assert [b.num_rows for b in table.to_batches()] == [1000, 1000, 500]
    assert reader.report.posts_added == 2500
    assert [s.id for s in reader.sources] == ["quay"]
    assert list(reader) == []  # everything was read


def test_to_arrow_takes_what_iteration_left(tmp_path):
    path = write_lines(tmp_path / "posts.jsonl", 600)
    reader = dc.iter_posts(path)
    first = [next(reader).id for _ in range(3)]
    table = reader.to_arrow()
    assert first == ["p0", "p1", "p2"]
    assert table.column("id").to_pylist() == [f"p{i}" for i in range(3, 600)]
    assert reader.report.posts_added == 600


def test_arrow_c_stream_for_other_consumers(tmp_path):
    path = write_lines(tmp_path / "posts.jsonl", 300)
    reader = dc.iter_posts(path)
    batches = pa.RecordBatchReader._import_from_c_capsule(reader.__arrow_c_stream__())
    assert batches.schema.names[:3] == ["id", "title", "url"]
    table = batches.read_all()
    assert table.num_rows == 300
    assert table.column("authors")[1].as_py() == ["Lale Demir", "مریم کاوه"]
    assert json.loads(table.column("extra")[0].as_py()) == {"x_berth": {"n": 0}}
    assert reader.report is not None
    # A capsule nobody consumes is freed with the reader's thread stopped.
    unused = dc.iter_posts(path).__arrow_c_stream__()
    del unused


def test_to_arrow_raises_digestcores_error_in_place(tmp_path):
    path = write_lines(tmp_path / "bad.jsonl", 40, ['{"id": "x", "title": 12}'])
    reader = dc.iter_posts(path)
    with pytest.raises(dc.Error) as err:
        reader.to_arrow(rows=16)
    assert ":42:" in str(err.value)
    assert reader.report is None
    assert dc.iter_posts(path, skip_bad_records=True).to_arrow().num_rows == 40
    with pytest.raises(FileNotFoundError):
        dc.iter_posts(str(tmp_path / "none.jsonl")).to_arrow()
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    with pytest.raises(dc.Error, match="empty"):
        dc.iter_posts(str(empty)).to_arrow()
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b'{"id": "a\xff", "title": "\xe2\x80\xae"}\n' + b"[" * 5000 + b"\n")
    with pytest.raises(dc.Error):
        dc.iter_posts(str(junk)).to_arrow()
    with pytest.raises(ValueError):
        dc.iter_posts(path).to_arrow(rows=0)
    with pytest.raises(TypeError):
        dc.iter_posts(path).to_arrow(rows="many")


def test_to_arrow_of_a_closed_reader_is_empty(tmp_path):
    path = write_lines(tmp_path / "posts.jsonl", 50)
    reader = dc.iter_posts(path)
    reader.close()
    table = reader.to_arrow()
    assert table.num_rows == 0
    assert table.schema == dc.Collection().to_arrow().schema


def test_to_arrow_while_other_threads_iterate(tmp_path):
    path = write_lines(tmp_path / "shared.jsonl", 6000)
    reader = dc.iter_posts(path)
    ids, lock = [], threading.Lock()

    def drain():
        for p in reader:
            with lock:
                ids.append(p.id)

    threads = [threading.Thread(target=drain) for _ in range(2)]
    for t in threads:
        t.start()
    table = reader.to_arrow(rows=100)
    for t in threads:
        t.join()
    got = sorted(ids + table.column("id").to_pylist())
    assert got == sorted(f"p{i}" for i in range(6000))  # each post once


def test_to_pandas(tmp_path):
    pytest.importorskip("pandas")
    path = write_lines(tmp_path / "posts.jsonl", 20)
    frame = dc.iter_posts(path).to_pandas()
    assert list(frame["id"][:2]) == ["p0", "p1"]
    assert str(frame["posted_on"].dtype) == "datetime64[us, UTC]"
