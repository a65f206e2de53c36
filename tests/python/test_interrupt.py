"""Ctrl-C during a long import stops it, raises KeyboardInterrupt, and leaves
the collection as it was."""
import digestcore
from interrupting import interrupted_by_sigint


def _big_jsonl(n):
    return "".join('{"id": "p%d", "title": "Title %d", "excerpt": "Some words here."}\n' % (i, i)
                   for i in range(n))


def test_sigint_stops_an_import_and_changes_nothing():
    coll = digestcore.Collection()
    coll.import_json('{"digestcore": 1, "posts": [{"id": "keep"}]}')
    before = coll.to_json()
    text = _big_jsonl(400_000)
    interrupted = interrupted_by_sigint(lambda: coll.import_json(text))
    assert interrupted, "the import ran to the end despite SIGINT"
    assert len(coll) == 1
    assert coll.to_json() == before
    coll.import_json(_big_jsonl(10))  # the collection still works
    assert len(coll) == 11
