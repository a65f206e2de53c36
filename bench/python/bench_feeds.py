"""RSS and Atom import: digestcore against feedparser, in one process.

Writes, in a temporary folder, an RSS 2.0 feed and an Atom 1.0 feed of
--items entries each (invented outlets in eleven languages, HTML
descriptions as CDATA or escaped markup, categories, authors, RFC 822 dates
in several zones for RSS, RFC 3339 for Atom), then times
feedparser.parse(path) against digestcore.Collection.load(path): medians of
--repeat runs, the two run in turn within each round so that a busy spell
of a shared machine hits both alike. Ratios are feedparser time / digestcore
time.

Answers are compared entry by entry as tests/python/test_feeds_vs_feedparser.py
does (tests/data/feeds/make_feeds.py: title as text with whitespace
collapsed, link, published minute in UTC): an entry agrees when all three
do. The share of agreeing entries is reported; under 95% the script exits
with status 1.

--corpus times and compares over the well-formed files of tests/data/feeds
instead (each side reads every file once per run).

    python3 -m pip install feedparser
    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_feeds.py [--items 20000] [--repeat 3] [--corpus]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
FEEDS = ROOT / "tests" / "data" / "feeds"
sys.path.insert(0, str(FEEDS))
sys.path.insert(0, str(ROOT / "tests" / "python"))
import make_feeds as mf  # noqa: E402
import stories_scoring as sc  # noqa: E402

import digestcore  # noqa: E402

try:
    import feedparser
except ImportError:  # pragma: no cover
    sys.exit("the feeds benchmark needs feedparser: pip install feedparser")

AGREEMENT = 0.95

# ---- the generated feeds ----------------------------------------------------------------

# language: (outlet, host, title phrases, words for descriptions, authors, categories)
LANGS = {
    "en": ("Valdera Herald", "valdera-herald.example",
           ["Council approves harbour lighting", "Ferry timetable changes", "Library hours extended",
            "Fish &amp; chips shop wins award", "Tram survey opens", "Sea wall repairs begin"],
           "the council said on Monday that work would start in spring and residents could comment until".split(),
           ["Ada Pennick", "Tomas Greaves", "Newsdesk"], ["Local", "Transport", "Harbour", "Culture"]),
    "fr": ("Le Courrier de Montbrisac", "courrier-montbrisac.example",
           ["Le marché couvert rouvre", "Fête de la châtaigne : le programme", "Travaux sur le pont d’Aval",
            "La médiathèque élargit ses horaires"],
           "la mairie a annoncé mardi que les travaux commenceront au printemps et que les habitants".split(),
           ["Maëlle Fournier", "Rédaction"], ["Vie locale", "Culture", "Agenda"]),
    "de": ("Lindenauer Bote", "lindenauer-bote.example",
           ["Freibad erhöht die Preise", "Brücke an der Mühlstraße gesperrt", "Stadtrat beschließt Haushalt"],
           "der Stadtrat hat am Dienstag beschlossen dass die Arbeiten im Frühjahr beginnen und Bürger".split(),
           ["Jörg Weißmüller", "Redaktion"], ["Lokales", "Verkehr", "Kultur"]),
    "es": ("El Eco de Valdemora", "eco-valdemora.example",
           ["¿Vuelve el tranvía?", "Récord en la feria del libro", "Así queda el centro peatonal"],
           "el ayuntamiento anunció el lunes que las obras empezarán en primavera y los vecinos podrán".split(),
           ["Nuria Castañeda", "Redacción"], ["Movilidad", "Cultura", "Urbanismo"]),
    "ru": ("Новости Северограда", "severograd-news.example",
           ["Мэрия открыла приём заявок", "Ледовый городок на набережной", "Ёлочные игрушки в библиотеке"],
           "в мэрии сообщили что работы начнутся весной а жители смогут оставить предложения до".split(),
           ["Редакция"], ["Город", "Афиша", "Культура"]),
    "tr": ("Karakaya Postası", "karakaya-postasi.example",
           ["İskele Caddesi'nde bisiklet yolu", "Çarşı pazarında düzenleme", "Öğrenciler fidan dikti"],
           "belediye pazartesi günü yaptığı açıklamada çalışmaların ilkbaharda başlayacağını bildirdi ve".split(),
           ["Gökçe Aydın"], ["Yerel", "Ekonomi", "Eğitim"]),
    "fa": ("خبرگزاری آرمان‌شهر", "armanshahr-news.example",
           ["بازگشایی کتابخانهٔ مرکزی", "برنامهٔ حرکت اتوبوس‌ها", "بارش برف در ارتفاعات"],
           "شهرداری روز دوشنبه اعلام کرد که کار در بهار آغاز می‌شود و شهروندان می‌توانند تا".split(),
           ["گروه شهری"], ["شهری", "فرهنگی", "آب‌وهوا"]),
    "ar": ("صحيفة الواحة", "alwaha-daily.example",
           ["افتتاح سوق الخضار الجديد", "مواعيد جمع النفايات", "مهرجان الشعر يستقبل ضيوفه"],
           "أعلنت البلدية يوم الاثنين أن الأعمال ستبدأ في الربيع وأن السكان يمكنهم تقديم".split(),
           ["قسم الأخبار المحلية"], ["محليات", "ثقافة"]),
    "he": ("קול הגבעה", "kol-hagiva.example",
           ["הספרייה פותחת חוג קריאה", "עבודות תשתית ברחוב הזית", "שוק האיכרים חוזר"],
           "העירייה הודיעה ביום שני כי העבודות יתחילו באביב והתושבים יוכלו להגיש".split(),
           ["מערכת"], ["חדשות", "תרבות"]),
    "zh": ("青川日报", "qingchuan-daily.example",
           ["青川新图书馆下月开放", "端午假期公交线路调整", "江畔音乐节周末举行"],
           ["市政府", "周一", "表示", "工程", "将于", "春季", "开工", "市民", "可以", "提出", "意见"],
           ["本报记者"], ["本地", "交通", "文化"]),
    "ja": ("北浜タイムズ", "kitahama-times.example",
           ["市営バスが深夜便を増便", "みなと祭りは２日間", "中央図書館の開館時間を延長"],
           ["市は", "月曜日", "工事を", "春に", "始めると", "発表した", "住民は", "意見を", "寄せられる"],
           ["北浜タイムズ編集部"], ["交通", "地域", "くらし"]),
}
ZONES = [("GMT", 0), ("+0000", 0), ("+0300", 180), ("-0500", -300), ("EST", -300), ("EDT", -240),
         ("PST", -480), ("+0330", 210), ("+0900", 540), ("+0100", 60), ("+0200", 120), ("+0800", 480)]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _item(rng: random.Random, i: int) -> dict:
    lang = rng.choice(list(LANGS))
    outlet, host, titles, words, authors, cats = LANGS[lang]
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=rng.randrange(60 * 24 * 365))
    sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(8, 16))) for _ in range(rng.randint(2, 5))]
    return {
        "lang": lang, "outlet": outlet, "host": host,
        "title": f"{rng.choice(titles)} ({i})",  # XML text: &amp; stays escaped
        "link": f"https://{host}/{lang}/{when:%Y/%m}/{i}-{rng.randrange(10**6)}",
        "when": when, "author": rng.choice(authors), "cats": rng.sample(cats, rng.randint(1, min(3, len(cats)))),
        "html": "".join(f"<p>{s}.</p>" for s in sentences) + (
            f'<p><a href="https://{host}/tag/{i}">more</a> &amp; <em>photos</em></p>' if i % 3 == 0 else ""),
    }


def _rfc822(when: dt.datetime, rng: random.Random) -> str:
    name, minutes = rng.choice(ZONES)
    t = when + dt.timedelta(minutes=minutes)
    return f"{DAYS[t.weekday()]}, {t.day:02d} {MONTHS[t.month - 1]} {t.year} {t:%H:%M:%S} {name}"


def write_rss(path: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n'
           '<title>Benchmark Wire</title>\n<link>https://benchmark-wire.example/</link>\n'
           '<description>Generated by bench_feeds.py</description>\n']
    for i in range(n):
        it = _item(rng, i)
        cats = "".join(f"<category>{escape(c)}</category>" for c in it["cats"])
        if i % 2:
            desc = f"<description><![CDATA[{it['html']}]]></description>"
        else:
            desc = f"<description>{escape(it['html'])}</description>"
        if i % 10 == 7:  # no link: a permalink guid stands for it
            link = f"<guid>{it['link']}</guid>"
        else:
            link = f"<link>{it['link']}</link><guid isPermaLink=\"false\">{it['host']}-{i}</guid>"
        body = f"<content:encoded><![CDATA[{it['html']}<p>{it['outlet']}</p>]]></content:encoded>" if i % 4 == 0 else ""
        out.append(f"<item><title>{it['title']}</title>{link}<pubDate>{_rfc822(it['when'], rng)}</pubDate>"
                   f"<dc:creator>{escape(it['author'])}</dc:creator>{cats}{desc}{body}</item>\n")
    out.append("</channel>\n</rss>\n")
    path.write_text("".join(out), encoding="utf-8")


def write_atom(path: Path, n: int, seed: int) -> None:
    rng = random.Random(seed + 1)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
           '<title>Benchmark Journal</title>\n<link href="https://benchmark-journal.example/"/>\n'
           '<id>https://benchmark-journal.example/atom</id>\n<updated>2025-01-01T00:00:00Z</updated>\n']
    for i in range(n):
        it = _item(rng, i)
        offset = rng.choice([0, 60, 120, 180, 210, 330, 540, -300, -420])
        local = it["when"].astimezone(dt.timezone(dt.timedelta(minutes=offset)))
        stamp = local.isoformat(timespec="seconds").replace("+00:00", "Z")
        dates = (f"<updated>{stamp}</updated>" if i % 5 == 0
                 else f"<published>{stamp}</published><updated>{stamp}</updated>")
        cats = "".join(f'<category term="{escape(c)}" label="{escape(c)}"/>' for c in it["cats"])
        title = (f'<title type="html">{escape(it["title"])}</title>' if i % 6 == 0
                 else f"<title>{it['title']}</title>")
        out.append(f"<entry>{title}<link rel=\"alternate\" type=\"text/html\" href=\"{it['link']}\"/>"
                   f"<id>tag:{it['host']},2024:{i}</id>{dates}<author><name>{escape(it['author'])}</name></author>"
                   f"{cats}<summary type=\"html\">{escape(it['html'])}</summary></entry>\n")
    out.append("</feed>\n")
    path.write_text("".join(out), encoding="utf-8")


# ---- timing and comparing ----------------------------------------------------------------

def timed(contenders: dict, repeat: int) -> tuple[dict[str, float], dict]:
    """Median seconds of each contender over `repeat` rounds, run in turn
    within each round; and each one's last answer."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    answers = {}
    for _ in range(repeat):
        for name, fn in contenders.items():
            t0 = time.perf_counter()
            answers[name] = fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(t) for name, t in times.items()}, answers


def has_feed_importer() -> bool:
    try:
        digestcore.Collection.load(FEEDS / "rss20-en-mini.xml", format="rss")
    except digestcore.InvalidArgumentError as e:
        return e.field != "format"
    except digestcore.Error:
        pass
    return True


def compare(peer: list[list[dict]], ours: list[list[dict]]) -> tuple[int, int, dict[str, int], list]:
    """Entries compared, entries agreeing on all fields, agreement per field,
    and the first disagreements."""
    entries = agree = 0
    per_field = {f: 0 for f in mf.FIELDS}
    examples = []
    for a_rows, b_rows in zip(peer, ours):
        for i in range(max(len(a_rows), len(b_rows))):
            a = a_rows[i] if i < len(a_rows) else dict.fromkeys(mf.FIELDS, "(no entry)")
            b = b_rows[i] if i < len(b_rows) else dict.fromkeys(mf.FIELDS, "(no entry)")
            entries += 1
            same = [f for f in mf.FIELDS if a[f] == b[f]]
            for f in same:
                per_field[f] += 1
            agree += len(same) == len(mf.FIELDS)
            if len(same) < len(mf.FIELDS) and len(examples) < 10:
                examples.extend([i, f, str(a[f])[:40], str(b[f])[:40]] for f in mf.FIELDS if a[f] != b[f])
    return entries, agree, per_field, examples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=20_000, help="entries per feed (default 20000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    ap.add_argument("--seed", type=int, default=1, help="generator seed")
    ap.add_argument("--corpus", action="store_true", help="run over the well-formed files of tests/data/feeds")
    a = ap.parse_args()

    ours = has_feed_importer()
    with tempfile.TemporaryDirectory(prefix="bench_feeds_") as tmp:
        if a.corpus:
            manifest = json.loads((FEEDS / "manifest.json").read_text(encoding="utf-8"))["files"]
            sets = {"corpus": [FEEDS / n for n, m in manifest.items() if m["kind"] == "ok"]}
            size = sum(p.stat().st_size for p in sets["corpus"])
            what = f"{len(sets['corpus'])} corpus files, {size / 1e3:.0f} kB"
        else:
            rss, atom = Path(tmp) / "bench.rss.xml", Path(tmp) / "bench.atom.xml"
            write_rss(rss, a.items, a.seed)
            write_atom(atom, a.items, a.seed)
            sets = {"RSS 2.0": [rss], "Atom 1.0": [atom]}
            what = (f"{a.items} items per feed, RSS {rss.stat().st_size / 1e6:.1f} MB, "
                    f"Atom {atom.stat().st_size / 1e6:.1f} MB")
        print(f"{what}; Python {platform.python_version()}, digestcore {getattr(digestcore, '__version__', '?')}, "
              f"feedparser {feedparser.__version__}, {os.cpu_count()} cores")
        if not ours:
            print("digestcore has no RSS/Atom importer in this build (format='rss' is unknown): feedparser only")

        def peer(paths):
            return [[mf.feedparser_fields(e) for e in feedparser.parse(str(p)).entries] for p in paths]

        def mine(paths):
            return [[mf.digestcore_fields(q) for q in digestcore.Collection.load(p)] for p in paths]

        contenders = {}
        for label, paths in sets.items():
            contenders[f"feedparser {label}"] = lambda p=paths: peer(p)
            if ours:
                contenders[f"digestcore {label}"] = lambda p=paths: mine(p)
        secs, out = timed(contenders, a.repeat)

    rows, checks, low = [], [], False
    for label in sets:
        fp_t = secs[f"feedparser {label}"]
        entries = sum(len(r) for r in out[f"feedparser {label}"])
        if ours:
            dc_t = secs[f"digestcore {label}"]
            n, agree, per_field, examples = compare(out[f"feedparser {label}"], out[f"digestcore {label}"])
            share = agree / n if n else 1.0
            low |= share < AGREEMENT
            rows.append([label, entries, f"{fp_t:.3f}", f"{dc_t:.3f}", f"{fp_t / dc_t:.1f}x", f"{share:.1%}"])
            checks.append((label, n, per_field, examples))
        else:
            rows.append([label, entries, f"{fp_t:.3f}", "-", "-", "-"])

    print(f"\nSeconds, median of {a.repeat} (ratio: feedparser time / digestcore time; "
          f"agreement: entries whose title, link and published minute all agree)\n")
    print(sc.table(rows, ["", "entries", "feedparser", "digestcore", "ratio", "agreement"]))
    for label, n, per_field, examples in checks:
        print(f"\n{label}: agreement per field over {n} entries: "
              + ", ".join(f"{f} {c / n:.1%}" if n else f"{f} -" for f, c in per_field.items()))
        if examples:
            print(sc.table(examples[:20], ["entry", "field", "feedparser", "digestcore"]))
    if low:
        sys.exit(f"\nagreement under {AGREEMENT:.0%}")


if __name__ == "__main__":
    main()
