#!/usr/bin/env python3
"""weekly_digest (Python): loads a collection and prints the digest of one ISO week.

    python3 examples/python/weekly_digest.py [COLLECTION] [WEEK] [--json]

COLLECTION defaults to examples/data/collection.json (format detected: own,
JSON Lines, JSON Feed or WordPress); WEEK defaults to 2021-W33. With --json the
digest is printed as JSON instead of Markdown.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import digestcore

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data" / "collection.json"


def main() -> int:
    ap = argparse.ArgumentParser(description="Print the digest of one ISO week.")
    ap.add_argument("collection", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("week", nargs="?", default="2021-W33")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = ap.parse_args()

    try:
        coll = digestcore.Collection.load(args.collection)
        digest = digestcore.build_digest(coll, args.week)
    except digestcore.Error as e:  # ParseError, NotFoundError, ... all derive from it
        print(f"weekly_digest: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"weekly_digest: {e}", file=sys.stderr)
        return 1

    # A short summary on stderr, from the posts themselves: how many in the
    # week, and in which languages.
    in_week = sum(len(section.posts) for section in digest.sections)
    languages = collections.Counter(
        post.language or "?" for section in digest.sections for post in section.posts)
    print(f"loaded {len(coll.posts)} posts from {args.collection}", file=sys.stderr)
    print(f"{args.week}: {in_week} posts in {len(digest.sections)} sections "
          f"({', '.join(f'{lang} {n}' for lang, n in sorted(languages.items()))})",
          file=sys.stderr)

    sys.stdout.write(digest.to_json() if args.json else digest.to_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
