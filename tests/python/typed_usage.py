"""The notebook flow as a data person writes it, with the types the stubs
promise spelled out. test_stubtest.py runs `mypy --strict` over this file
(so the stubs must type-check real code) and then runs it.

Not collected by pytest (no test_ prefix). pandas may lack type stubs:
`to_pandas()` is then typed from an unresolved import, and this file only
relies on what holds either way.
"""

from __future__ import annotations

import copy
import datetime
import pickle
import sys

import digestcore

UTC = datetime.timezone.utc


def notebook_flow(collection_path: str, missing_path: str) -> dict[str, int]:
    coll: digestcore.Collection = digestcore.Collection.load(collection_path)
    extra: digestcore.ImportReport = coll.import_json(
        '{"digestcore": 1, "posts": [{"id": "typed-1", "title": "Quay repairs begin",'
        ' "posted_on": "2021-08-18T09:30:00+02:00"}]}'
    )
    added: int = extra.posts_added + extra.sources_added + len(extra.skipped)

    # pandas: one row per post (the frame's own type comes from pandas' stubs).
    frame = coll.to_pandas()
    rows: int = len(frame)
    back: digestcore.Collection = digestcore.Collection.from_pandas(frame, coll.sources_to_pandas())
    assert back == coll

    # A week of English posts, then its digest.
    week: digestcore.Collection = coll.select(
        "2021-08-16", datetime.date(2021, 8, 22), languages=["en"]
    )
    digest: digestcore.Digest = week.digest("2021-W33", title="Week 33")
    same: digestcore.Digest = digestcore.build_digest(week, "2021-W33", title="Week 33")
    assert digest == same
    period: digestcore.Period = digest.period
    days: datetime.timedelta = period.last - period.first
    markdown: str = digest.to_markdown()
    section_sizes: list[int] = [len(s) for s in digest.sections]

    # Dates are aware datetimes in UTC, or None: arithmetic after a check.
    deadline = datetime.datetime(2021, 9, 1, tzinfo=UTC)
    ages: list[datetime.timedelta] = []
    for post in week:
        when: datetime.datetime | None = post.posted_on
        if when is not None:
            ages.append(deadline - when)
            local = when.astimezone(datetime.timezone(datetime.timedelta(hours=4, minutes=30)))
            assert local.utcoffset() is not None
        has_time: bool = post.posted_on_has_time
        title: str | None = post.title
        if title is not None and not has_time:
            title.upper()
        day: datetime.date | None = post.digest_date
        assert day is None or isinstance(day, datetime.date)

    # Rows as dicts, and the summary a notebook shows.
    first_row = coll.to_dicts()[0]
    row_id: str = first_row["id"]
    offset: int | None = first_row["posted_on_utc_offset"]
    summary = coll.summary()
    n_posts: int = summary["posts"]
    first_day: datetime.date | None = summary["first"]
    by_source: list[tuple[str | None, int]] = summary["by_source"]
    by_week: list[tuple[str, int]] = summary["by_week"]

    # Editing: a standalone post, then the collection's live view.
    mine = digestcore.Post("typed-2", title=None, posted_on=datetime.date(2021, 8, 19))
    mine.published_on = None
    mine.tags = ["draft"]
    coll.add_post(mine)
    view: digestcore.Post = coll["typed-2"]
    view.title = "Ferry timetable changes"
    view.place = None
    clone: digestcore.Post = copy.deepcopy(view)
    restored: digestcore.Post = pickle.loads(pickle.dumps(clone))
    assert restored == clone and not clone.in_collection
    html: str = coll._repr_html_() + digest._repr_html_() + view._repr_html_()

    # Errors: a missing file is both digestcore's and the builtin's.
    try:
        digestcore.Collection.load(missing_path)
    except digestcore.MissingFileError as e:
        code: str = e.code
        errno: int | None = e.errno
        field: str | None = e.field
        line: int | None = e.line
    except digestcore.FileError:
        raise AssertionError("a missing file is a MissingFileError")

    return {
        "added": added,
        "rows": rows,
        "days": days.days,
        "posts": n_posts,
        "ages": len(ages),
        "sections": sum(section_sizes),
        "markdown": len(markdown),
        "by_source": len(by_source),
        "by_week": len(by_week),
        "first_day": 0 if first_day is None else first_day.toordinal(),
        "row_id": len(row_id),
        "offset": offset or 0,
        "html": len(html),
    }


if __name__ == "__main__":
    print(notebook_flow(sys.argv[1], sys.argv[2]))
