#!/usr/bin/env python3
"""Writes an RSS 2.0 feed of about SIZE megabytes (default 1024) to PATH,
streamed, for measuring that a feed of any size is read in bounded memory:

    python3 bench/scale/make_big_feed.py /tmp/big.xml 1024
    /usr/bin/time -v build/release/digestcore check /tmp/big.xml

Items are synthetic (fictional outlet, sentences written for this script)."""
import sys

TEXTS = [
    "The harbour board met on Tuesday and voted to add two evening crossings.",
    "Городской совет обсудил ремонт моста и сроки работ.",
    "ستفتح المكتبة الجديدة أبوابها للجمهور يوم السبت.",
    "Le marché couvert rouvre après six mois de travaux.",
]


def main() -> None:
    path = sys.argv[1]
    megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    limit = megabytes << 20
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                "<title>Scale Harbour Daily</title><link>https://scale-harbour.example/</link>\n")
        written, i = 0, 0
        while written < limit:
            t = TEXTS[i % len(TEXTS)]
            item = (f"<item><title>Item {i}: {t[:40]}</title>"
                    f"<link>https://scale-harbour.example/n/{i}</link>"
                    f"<guid>https://scale-harbour.example/n/{i}</guid>"
                    f"<pubDate>Tue, 04 Jun 2024 08:{i % 60:02d}:00 GMT</pubDate>"
                    f"<description><![CDATA[<p>{t}</p><p>{t}</p>]]></description></item>\n")
            f.write(item)
            written += len(item.encode("utf-8"))
            i += 1
        f.write("</channel></rss>\n")
    print(f"{path}: {i} items, {written >> 20} MB")


if __name__ == "__main__":
    main()
