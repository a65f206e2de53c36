#!/usr/bin/env python3
"""Regenerates feed.json (JSON Feed 1.1) and collection.jsonl from collection.json.

collection.json, in digestcore's own format, is the one hand-edited file of the
example data; the other two are derived from it. Run after editing it:

    python3 examples/data/make_feed.py            # writes next to this script
    python3 examples/data/make_feed.py --check    # exit 1 if the files are stale

Pure Python, standard library only.

The JSON Feed mapping follows docs/schema.md; when it and this script disagree,
the schema wins and this script should be changed:

- feed: version, title, home_page_url, description; the sources, which JSON
  Feed has no place for, go in a top-level "_digestcore" object.
- item: id, url, title; content_text is the body (the excerpt when there is no
  body); summary is the excerpt; date_published is posted_on, else
  published_on, as an RFC 3339 date-time (a bare date becomes midnight UTC);
  authors as [{"name": ...}]; tags; language.
- item "_digestcore": the fields JSON Feed lacks, verbatim: source, place,
  posted_on, published_on, excerpt, body, and every unknown field of the post
  under "extra".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_TITLE = "digestcore example collection: the Sarvan water-sharing accord"
FEED_HOME = "https://digestcore.example/examples"
FEED_DESCRIPTION = ("Fictional press clippings about a fictional river-basin accord, "
                    "August-September 2021 (digestcore example data).")

KNOWN_POST_FIELDS = ("id", "title", "url", "posted_on", "published_on", "authors", "source",
                     "place", "excerpt", "body", "language", "tags")


def rfc3339(value: str) -> str:
    """An ISO 8601 date or date-time as an RFC 3339 date-time."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value + "T00:00:00Z"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?", value):
        return value.replace(" ", "T") + "Z"  # no offset given: read as UTC
    return value.replace(" ", "T")


def feed_item(post: dict) -> dict:
    item: dict = {"id": post["id"]}
    if post.get("url"):
        item["url"] = post["url"]
    item["title"] = post.get("title", "")
    content = post.get("body") or post.get("excerpt") or ""
    item["content_text"] = content
    if post.get("excerpt"):
        item["summary"] = post["excerpt"]
    date = post.get("posted_on") or post.get("published_on")
    if date:
        item["date_published"] = rfc3339(date)
    if post.get("authors"):
        item["authors"] = [{"name": a} for a in post["authors"]]
    if post.get("tags"):
        item["tags"] = list(post["tags"])
    if post.get("language"):
        item["language"] = post["language"]
    ext: dict = {}
    for key in ("source", "place", "posted_on", "published_on", "excerpt", "body"):
        if key in post:
            ext[key] = post[key]
    extra = {k: v for k, v in post.items() if k not in KNOWN_POST_FIELDS}
    if extra:
        ext["extra"] = extra
    item["_digestcore"] = ext
    return item


def make_feed(doc: dict) -> dict:
    return {
        "version": JSONFEED_VERSION,
        "title": FEED_TITLE,
        "home_page_url": FEED_HOME,
        "description": FEED_DESCRIPTION,
        "_digestcore": {"sources": doc.get("sources", [])},
        "items": [feed_item(p) for p in doc.get("posts", [])],
    }


def make_jsonl(doc: dict) -> str:
    def line(value: dict) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = [line({"source": s}) for s in doc.get("sources", [])]
    lines += [line(p) for p in doc.get("posts", [])]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=HERE / "collection.json")
    ap.add_argument("--out-dir", type=Path, default=HERE)
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if feed.json or collection.jsonl is stale")
    args = ap.parse_args()

    with open(args.input, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("digestcore") != 1:
        print(f"{args.input}: not a digestcore collection (no \"digestcore\": 1)", file=sys.stderr)
        return 2

    outputs = {
        "feed.json": json.dumps(make_feed(doc), ensure_ascii=False, indent=2) + "\n",
        "collection.jsonl": make_jsonl(doc),
    }
    stale = []
    for name, text in outputs.items():
        path = args.out_dir / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({len(doc.get('posts', []))} posts)")
    if stale:
        print("stale: " + ", ".join(stale) + " (run make_feed.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
