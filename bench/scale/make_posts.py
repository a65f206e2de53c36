#!/usr/bin/env python3
"""Writes COUNT posts as digestcore JSON Lines to PATH, for the growth table
of bench/RESULTS.md (import, convert, digest, check at 10k, 100k, 1M posts):

    python3 bench/scale/make_posts.py /tmp/posts-1m.jsonl 1000000

About 650 bytes per post, like a clipping with an excerpt and a short body. The
posts are synthetic: fictional outlets, sentences written for this script,
in English, Russian, Arabic, French and Persian. Dates run over 1,000 days
from 2022-01-01, so one ISO week (2023-W10) holds about 0.7% of them. Five
source lines come first. The output depends only on COUNT."""
import json
import sys

SOURCES = [("harbour-daily", "Harbour Daily", "en"), ("vecherny-mayak", "Vecherny Mayak", "ru"),
           ("al-marfa", "Al-Marfa Weekly", "ar"), ("le-quai", "Le Quai", "fr"),
           ("bandar-news", "Bandar News", "fa")]
TITLES = [
    "Harbour board approves a new ferry timetable for the summer",
    "Городской совет обсудил ремонт моста через залив",
    "افتتاح مكتبة جديدة في وسط المدينة القديمة",
    "Le marché couvert rouvre après six mois de travaux",
    "شورای شهر طرح تازه‌ای برای حمل و نقل عمومی تصویب کرد",
]
BODIES = [
    "The board met on Tuesday and voted to add two crossings during the summer months. "
    "Residents asked for later evening departures and a covered waiting area on the pier. "
    "Work on the new ramp starts in April and should end before the first holiday weekend.",
    "Депутаты согласовали план работ и сроки. Движение по мосту будет частично ограничено "
    "в течение трёх недель, а пешеходный переход останется открытым всё это время.",
    "ستفتح المكتبة أبوابها للجمهور يوم السبت، وتضم قاعة للقراءة وركنا للأطفال ومساحة "
    "للمعارض الصغيرة، وقالت البلدية إن ساعات العمل ستمتد حتى المساء.",
    "Les commerçants reviennent dans la halle rénovée, plus claire et mieux ventilée. "
    "La mairie promet des horaires élargis le samedi et un parking pour les vélos.",
    "طرح تازه شامل خطوط اتوبوس شبانه و ایستگاه‌های جدید در محله‌های شرقی شهر است و "
    "اجرای آن از ماه آینده آغاز می‌شود.",
]
AUTHORS = ["Mira Castell", "Oleg Verin", "Samira Haddad", "Jeanne Morel", "Dariush Kaveh",
           "Tomas Rieck", "Lina Osei"]


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2])
    with open(path, "w", encoding="utf-8") as f:
        for sid, name, lang in SOURCES:
            f.write(json.dumps({"source": {"id": sid, "name": name, "language": lang}},
                               ensure_ascii=False) + "\n")
        for i in range(count):
            k = i % 5
            day = (i * 7919) % 1000  # spread, not sorted by date
            y, d = (2022, day) if day < 365 else ((2023, day - 365) if day < 730 else (2024, day - 730))
            month, dom = min(d // 31, 11) + 1, d % 28 + 1
            post = {
                "id": f"post-{i:08d}",
                "title": f"{TITLES[k]} ({i})",
                "url": f"https://{SOURCES[k][0]}.example/{y}/{month:02d}/{i}",
                "posted_on": f"{y}-{month:02d}-{dom:02d}T{(i % 24):02d}:{(i % 60):02d}:00+00:00",
                "authors": [AUTHORS[i % 7]],
                "source": SOURCES[k][0],
                "excerpt": TITLES[(k + 1) % 5],
                "body": BODIES[k],
                "language": SOURCES[k][2],
                "tags": ["city", SOURCES[k][2]],
            }
            f.write(json.dumps(post, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
