"""What Collection, Digest, SourceRegistry hand out can never dangle, and
there is one rule for changing posts (docs/python.md):

- a Post from a collection is a live view: reading gives the collection's
  current post, assigning changes the collection; its id is read-only;
- a Post of a Digest and a Source handed out by a collection, registry or
  digest are read-only (AttributeError), copy() gives a changeable copy;
- a Post you make is yours; add_post stores a copy of it.
"""

import copy
import datetime as dt
import gc
import json

import pytest

import digestcore

DOC = json.dumps({
    "digestcore": 1,
    "sources": [{"id": "kavir", "name": "Kavir Daily"}],
    "posts": [
        {"id": f"p{i}", "title": f"Title {i}", "source": "kavir", "authors": [f"A{i}"],
         "posted_on": "2021-08-17"}
        for i in range(10)
    ],
})


def coll():
    return digestcore.Collection.from_json(DOC)


def test_posts_taken_before_the_collection_grows_keep_their_values():
    c = coll()
    posts = list(c)
    by_id = c["p4"]
    for i in range(5000):  # the storage moves many times
        c.add_post(digestcore.Post(f"n{i}", title="x" * 64))
    c.import_json(json.dumps({"digestcore": 1, "posts": [{"id": "late", "title": "L"}]}))
    assert [p.title for p in posts] == [f"Title {i}" for i in range(10)]
    assert [p.authors for p in posts] == [[f"A{i}"] for i in range(10)]
    assert by_id.title == "Title 4"
    assert c["late"].title == "L"


def test_assignment_through_any_view_sticks():
    c = coll()
    c["p1"].title = "Changed by id"
    assert c["p1"].title == "Changed by id"
    for p in c:
        p.tags = ["seen"]
    assert all(p.tags == ["seen"] for p in c.posts)
    c.posts[2].published_on = dt.date(2021, 8, 1)
    assert c["p2"].published_on == dt.datetime(2021, 8, 1, tzinfo=dt.timezone.utc)
    # select() gives a new collection of copies: its views change the copy only.
    picked = c.select(dt.date(2021, 8, 17), dt.date(2021, 8, 17))
    picked["p3"].place = "Zarvand"
    assert picked["p3"].place == "Zarvand" and c["p3"].place != "Zarvand"
    # One view sees what another wrote.
    a, b = c["p5"], c.posts[5]
    a.authors = ["New"]
    assert b.authors == ["New"]
    assert json.loads(c.to_json())["posts"][5]["authors"] == ["New"]
    assert a.in_collection and not a.read_only


def test_ids_of_collection_posts_are_read_only_but_copies_are_free():
    c = coll()
    with pytest.raises(AttributeError, match="copy"):
        c["p1"].id = "other"
    assert "p1" in c
    mine = c["p1"].copy()
    assert not mine.in_collection
    mine.id = "p1-copy"
    mine.title = "Mine"
    assert c["p1"].title == "Title 1"
    c.add_post(mine)
    mine.title = "Changed after adding"  # add_post stored a copy
    assert c["p1-copy"].title == "Mine"
    assert copy.copy(c["p2"]) == c["p2"]
    deep = copy.deepcopy(c["p2"])
    deep.title = "x"
    assert c["p2"].title == "Title 2"


def test_list_fields_are_new_lists_assign_a_whole_list():
    c = coll()
    p = c["p1"]
    p.authors.append("Lost")  # a new list on each read, documented
    assert p.authors == ["A1"]
    p.authors = p.authors + ["Kept"]
    assert c["p1"].authors == ["A1", "Kept"]


def test_digest_posts_are_read_only_snapshots_that_outlive_the_collection():
    c = coll()
    d = digestcore.build_digest(c, "2021-W33")
    post = d.sections[0].posts[0]
    assert post.read_only and not post.in_collection
    with pytest.raises(AttributeError, match="Digest"):
        post.title = "x"
    with pytest.raises(AttributeError):
        digestcore.apply_attribution(post)
    c["p0"].title = "Changed later"
    assert post.title == "Title 0"  # a snapshot of the week as built
    free = post.copy()
    free.title = "Editable"
    assert free.title == "Editable" and post.title == "Title 0"
    section = d.sections[0]
    del c, d
    gc.collect()
    assert [p.id for p in section.posts] == [f"p{i}" for i in range(10)]
    assert section.heading == "Kavir Daily"


def test_handed_out_sources_are_read_only_copies():
    c = coll()
    s = c.source("kavir")
    assert s.read_only
    with pytest.raises(AttributeError, match="copy"):
        s.name = "Renamed"
    with pytest.raises(AttributeError):
        c.sources[0].aliases = ["x"]
    reg = digestcore.SourceRegistry.from_sources(c.sources)
    with pytest.raises(AttributeError):
        reg.find("kavir").url = "https://x.example"
    with pytest.raises(AttributeError):
        reg.resolve("Kavir Daily").source.name = "x"
    mine = s.copy()
    mine.id, mine.name = "kavir2", "Kavir Two"
    c.add_source(mine)
    assert c.source("kavir2").name == "Kavir Two"
    assert c.source("kavir").name == "Kavir Daily"
    made = digestcore.Source("x", "X")
    made.name = "Y"  # your own Source is yours to change
    assert made.name == "Y" and not made.read_only


def test_posts_is_a_live_sequence_not_a_copy():
    c = coll()
    posts = c.posts
    assert isinstance(posts, digestcore.CollectionPosts)
    assert len(posts) == 10
    c.add_post(digestcore.Post("new"))
    assert len(posts) == 11 and posts[-1].id == "new"
    assert [p.id for p in posts[1:3]] == ["p1", "p2"]
    assert [p.id for p in posts[::-4]] == ["new", "p6", "p2"]
    with pytest.raises(IndexError):
        posts[11]
    with pytest.raises(TypeError):
        posts["p1"]
    assert c["p3"] in posts
    from collections.abc import Sequence
    assert isinstance(posts, Sequence)


def test_iterator_sees_posts_added_while_iterating():
    c = coll()
    seen = []
    for p in c:
        seen.append(p.id)
        if p.id == "p9":
            c.add_post(digestcore.Post("tail"))
    assert seen[-1] == "tail" and len(seen) == 11


def test_views_keep_the_collection_alive():
    post = digestcore.Collection.from_json(DOC)["p7"]
    it = iter(digestcore.Collection.from_json(DOC))
    posts = digestcore.Collection.from_json(DOC).posts
    gc.collect()
    assert post.title == "Title 7"
    assert next(it).id == "p0"
    assert len(posts) == 10 and posts[9].title == "Title 9"


def test_apply_attribution_on_a_view_changes_the_collection():
    c = digestcore.Collection()
    c.add_post(digestcore.Post("a", excerpt="Jane Doe, Harbor Times, Aug 28, 2021: Text"))
    assert digestcore.apply_attribution(c["a"])
    assert c["a"].authors == ["Jane Doe"]
    assert c["a"].published_on == dt.datetime(2021, 8, 28, tzinfo=dt.timezone.utc)
