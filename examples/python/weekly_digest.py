#!/usr/bin/env python3
"""weekly_digest (Python): loads a collection and prints the digest of one ISO week.

    python3 examples/python/weekly_digest.py [COLLECTION] [WEEK] [--json | --feed]
        [--sources REGISTRY.json] [--entities GAZETTEER.json] [--attribution]

COLLECTION defaults to examples/data/collection.json (format detected: own,
JSON Lines, JSON Feed or WordPress); WEEK defaults to 2021-W33. With --json the
digest is printed as JSON, with --feed as JSON Feed, instead of Markdown.
--sources, --entities and --attribution curate the collection first, as the
CLI's options of the same names do (Collection.curate).
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
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    out.add_argument("--feed", action="store_true", help="print JSON Feed instead of Markdown")
    ap.add_argument("--sources", help="a source registry: file posts under its outlets")
    ap.add_argument("--entities", help="a gazetteer: tag posts with the entities they mention")
    ap.add_argument("--attribution", action="store_true",
                    help="fill missing authors, outlet, place and date from attribution lines")
    args = ap.parse_args()

    try:
        coll = digestcore.Collection.load(args.collection)
        if args.sources or args.entities or args.attribution:
            report = coll.curate(
                sources=digestcore.SourceRegistry.load(args.sources) if args.sources else None,
                entities=digestcore.Gazetteer.load(args.entities) if args.entities else None,
                fill_from_attribution=args.attribution)
            print(f"curated: {report.posts_attributed} posts attributed, "
                  f"{report.posts_filed} filed under the registry, "
                  f"{report.entity_tags_added} entity tags", file=sys.stderr)
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

    if args.json:
        sys.stdout.write(digest.to_json())
    elif args.feed:
        sys.stdout.write(digest.to_json_feed())
    else:
        sys.stdout.write(digest.to_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
