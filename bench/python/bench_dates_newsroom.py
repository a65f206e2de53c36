"""digestcore.parse_date against dateparser (PyPI) on a held-out newsroom set.

A harder list than bench_dates.py, in the shapes news sites print and other
date parsers test: zoned feed stamps, dates followed by local time phrases,
times before dates, weekdays, `12-Jan-2014`, `11. 12. 2014`, Hijri and Solar
Hijri dates, year-less and relative dates, negatives, and languages outside
digestcore's fourteen (`other_lang`). Every string was written for this
benchmark. Several forms are outside what docs/dates.md promises (relative
dates, time before date): it shows where both tools stand, it is no test.

Both run in this process on the same inputs with the case's language hints
and the same reference, 2021-09-15 12:00 (a Wednesday): digestcore gets
`reference=` that day; dateparser `RELATIVE_BASE` and `PREFER_DATES_FROM:
past`, with `REQUIRE_PARTS` [day, month, year] for absolute cases and
negatives, [day, month] for year-less ones, none for relative ones. Year-less
dates are expected at their most recent past occurrence.

Per tool: correct; wrong (another date, or a date where none was expected);
none (no date where one was expected); err (the call raised). Speed: median
of --runs runs over the whole list, languages detected and given.

    PYTHONPATH=<dir containing digestcore/> python3 bench/python/bench_dates_newsroom.py
    python3 bench/python/bench_dates_newsroom.py --peer-only   # dateparser alone

Exits non-zero only when digestcore raises, never on accuracy.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
import warnings

try:
    import dateparser
except ImportError:  # pragma: no cover
    sys.exit("dateparser is not installed: pip install dateparser")

D = datetime.date
RELATIVE_BASE = datetime.datetime(2021, 9, 15, 12, 0)  # a Wednesday
REFERENCE = RELATIVE_BASE.date()

EN, FR, DE, ES, IT, PT, NL = ["en"], ["fr"], ["de"], ["es"], ["it"], ["pt"], ["nl"]
SV, SQ, TR, RU, FA, AR, UR = ["sv"], ["sq"], ["tr"], ["ru"], ["fa"], ["ar"], ["ur"]

# (family, language hints, text, expected date or None). Written for this
# benchmark; expected Gregorian dates and weekdays checked with datetime,
# Hijri and Solar Hijri ones counted from known month starts.
CASES: list[tuple[str, list[str], str, D | None]] = [
    # --- feed and HTTP stamps with zones
    ("rss_zone", EN, "Mon, 23 Aug 2021 10:05:00 BST", D(2021, 8, 23)),
    ("rss_zone", EN, "Tue, 14 Sep 2021 08:30:00 IST", D(2021, 9, 14)),
    ("rss_zone", EN, "Wed, 01 Sep 2021 17:45:12 AEST", D(2021, 9, 1)),
    ("rss_zone", EN, "Thu, 02 Sep 2021 09:00:00 ET", D(2021, 9, 2)),
    ("rss_zone", EN, "Fri, 10 Sep 2021 22:15:00 CEST", D(2021, 9, 10)),
    ("rss_zone", EN, "Sat, 11 Sep 2021 11:11:00 IRST", D(2021, 9, 11)),
    ("rss_zone", EN, "Sun, 12 Sep 2021 06:40:00 +0330", D(2021, 9, 12)),
    ("rss_zone", EN, "Mon, 06 Sep 2021 13:20:00 +0530", D(2021, 9, 6)),
    ("rss_zone", EN, "Tue, 31 Aug 2021 23:59:00 -0700", D(2021, 8, 31)),
    ("rss_zone", EN, "Wed, 25 Aug 2021 04:05:06 GMT", D(2021, 8, 25)),
    ("rss_zone", EN, "Thu, 19 Aug 2021 15:00:00 EDT", D(2021, 8, 19)),
    ("rss_zone", EN, "Fri, 15 Jan 2021 07:07:07 PST", D(2021, 1, 15)),
    ("rss_zone", EN, "Sat, 3 Jul 2021 12:00:00 UT", D(2021, 7, 3)),
    ("rss_zone", EN, "Sun, 4 Jul 2021 18:30 +1000", D(2021, 7, 4)),
    ("rss_zone", EN, "Mon, 13 Dec 2021 08:00:00 AEDT", D(2021, 12, 13)),
    ("rss_zone", EN, "Tue, 07 Dec 2021 10:00:00 NZDT", D(2021, 12, 7)),
    ("rss_zone", EN, "Wed, 28 Jul 2021 16:45:00 MSK", D(2021, 7, 28)),
    ("rss_zone", EN, "Thu, 29 Jul 2021 16:45:00 EET", D(2021, 7, 29)),
    ("rss_zone", EN, "Fri, 30 Jul 2021 16:45:00 EEST", D(2021, 7, 30)),
    ("rss_zone", EN, "Sat, 31 Jul 2021 09:15:00 CET", D(2021, 7, 31)),
    ("rss_zone", EN, "Mon, 02 Aug 2021 09:15:00 JST", D(2021, 8, 2)),
    ("rss_zone", EN, "Sat, 11 Sep 2021 11:11:00 +0430", D(2021, 9, 11)),
    ("rss_zone", EN, "23 Aug 2021 10:05 BST", D(2021, 8, 23)),
    ("rss_zone", EN, "Aug 23, 2021 10:05 AM ET", D(2021, 8, 23)),
    ("rss_zone", EN, "Aug 23, 2021, 10:05 p.m. ET", D(2021, 8, 23)),
    ("rss_zone", EN, "September 9, 2021 5:30 PM EDT", D(2021, 9, 9)),
    ("rss_zone", EN, "Updated: 10 Sep 2021 14:22 IST", D(2021, 9, 10)),
    ("rss_zone", EN, "Mon Aug 23 10:05:00 BST 2021", D(2021, 8, 23)),
    ("rss_zone", EN, "Thu Sep  2 09:00:00 CEST 2021", D(2021, 9, 2)),
    ("rss_zone", EN, "2021-08-23T10:05:00+03:30", D(2021, 8, 23)),
    ("rss_zone", EN, "2021-09-10T23:30:00-04:00", D(2021, 9, 10)),
    ("rss_zone", FA, "2021-09-10 23:30:00 IRDT", D(2021, 9, 10)),
    ("rss_zone", EN, "2019-03-04 18:00 AEDT", D(2019, 3, 4)),
    ("rss_zone", FR, "ven., 10 sept. 2021 22:15:00 +0200", D(2021, 9, 10)),
    ("rss_zone", DE, "Fr, 10 Sep 2021 22:15:00 MESZ", D(2021, 9, 10)),
    ("rss_zone", ES, "vie, 10 sep 2021 22:15:00 CEST", D(2021, 9, 10)),
    ("rss_zone", RU, "пт, 10 сен 2021 22:15:00 +0300", D(2021, 9, 10)),
    ("rss_zone", AR, "11 سبتمبر 2021 - 11:11 GMT", D(2021, 9, 11)),
    # --- date, then a time in the local convention
    ("date_time", RU, "13 января 2015 г. в 13:34", D(2015, 1, 13)),
    ("date_time", RU, "5 марта 2019 г., 09:15", D(2019, 3, 5)),
    ("date_time", RU, "22 июня 2020 года в 7:05", D(2020, 6, 22)),
    ("date_time", RU, "31 декабря 2020, 23:59", D(2020, 12, 31)),
    ("date_time", DE, "28. August 2021, 15.15 Uhr", D(2021, 8, 28)),
    ("date_time", DE, "3. Mai 2019 um 8:30 Uhr", D(2019, 5, 3)),
    ("date_time", DE, "17.06.2020, 18:45 Uhr", D(2020, 6, 17)),
    ("date_time", DE, "1. Oktober 2018, 9 Uhr", D(2018, 10, 1)),
    ("date_time", FR, "18 octobre 2012 à 19 h 21 min", D(2012, 10, 18)),
    ("date_time", FR, "5 mai 2020 à 8h30", D(2020, 5, 5)),
    ("date_time", FR, "1er juillet 2019 à 14:05", D(2019, 7, 1)),
    ("date_time", FR, "27 févr. 2021 à 11 h", D(2021, 2, 27)),
    ("date_time", FR, "le 3 janvier 2020 à 10h", D(2020, 1, 3)),
    ("date_time", SV, "4 augusti 2007 lördag 02:44 fm", D(2007, 8, 4)),
    ("date_time", SV, "12 mars 2019 kl. 14:30", D(2019, 3, 12)),
    ("date_time", SV, "3 juni 2020 kl 08.15", D(2020, 6, 3)),
    ("date_time", SV, "21 december 2018 15:10", D(2018, 12, 21)),
    ("date_time", ES, "julio 5, 2015 en 1:04 pm", D(2015, 7, 5)),
    ("date_time", ES, "5 de julio de 2015 a las 13:04", D(2015, 7, 5)),
    ("date_time", ES, "12 de octubre de 2019, 10:30 h", D(2019, 10, 12)),
    ("date_time", ES, "3 de marzo de 2020 - 18:45", D(2020, 3, 3)),
    ("date_time", EN, "November 19, 2014 at noon", D(2014, 11, 19)),
    ("date_time", EN, "November 19, 2014 at midnight", D(2014, 11, 19)),
    ("date_time", EN, "March 3, 2020, 4:15 p.m.", D(2020, 3, 3)),
    ("date_time", EN, "Dec 5, 2019 at 9:45am", D(2019, 12, 5)),
    ("date_time", EN, "5 June 2018 at 10:00 GMT", D(2018, 6, 5)),
    ("date_time", EN, "January 2, 2017 11:24 PM", D(2017, 1, 2)),
    ("date_time", EN, "12 August 2016 - 18:02", D(2016, 8, 12)),
    ("date_time", EN, "Aug. 28, 2021 | 6:40 AM", D(2021, 8, 28)),
    ("date_time", IT, "5 marzo 2020 alle 18:30", D(2020, 3, 5)),
    ("date_time", IT, "12 gennaio 2019 ore 9.15", D(2019, 1, 12)),
    ("date_time", IT, "23 novembre 2018, 21:40", D(2018, 11, 23)),
    ("date_time", PT, "5 de maio de 2020 às 14h30", D(2020, 5, 5)),
    ("date_time", PT, "12 de outubro de 2019, 10:15", D(2019, 10, 12)),
    ("date_time", PT, "1 de junho de 2021 às 9h", D(2021, 6, 1)),
    ("date_time", NL, "5 mei 2020 om 14:30", D(2020, 5, 5)),
    ("date_time", NL, "12 oktober 2019 om 18.45 uur", D(2019, 10, 12)),
    ("date_time", SQ, "5 maj 2020, ora 14:30", D(2020, 5, 5)),
    ("date_time", SQ, "12 tetor 2019, 10:15", D(2019, 10, 12)),
    ("date_time", TR, "5 Mayıs 2020 14:30", D(2020, 5, 5)),
    ("date_time", TR, "12 Ekim 2019, saat 10.15", D(2019, 10, 12)),
    ("date_time", FA, "یکشنبه ۲۱ شهریور ۱۴۰۰ ساعت 11 و 01 دقیقه", D(2021, 9, 12)),
    ("date_time", FA, "۱۹ شهریور ۱۴۰۰ - ۱۸:۳۰", D(2021, 9, 10)),
    ("date_time", FA, "۵ مهر ۱۴۰۰، ساعت ۹:۲۰", D(2021, 9, 27)),
    ("date_time", FA, "۲۳ اوت ۲۰۲۱ ساعت ۱۰:۰۵", D(2021, 8, 23)),
    ("date_time", AR, "23 أغسطس 2021 الساعة 10:05", D(2021, 8, 23)),
    ("date_time", AR, "٢٣ أغسطس ٢٠٢١ - ١٠:٠٥ م", D(2021, 8, 23)),
    ("date_time", AR, "5 مايو 2020 | 02:30 م", D(2020, 5, 5)),
    ("date_time", UR, "23 اگست 2021، 10:05", D(2021, 8, 23)),
    ("date_time", UR, "5 مئی 2020 ، 09:30", D(2020, 5, 5)),
    # --- a time before the date
    ("time_first", EN, "8:25 a.m. Dec. 12, 2014", D(2014, 12, 12)),
    ("time_first", EN, "10:22 BST, 9 September 2021", D(2021, 9, 9)),
    ("time_first", EN, "3:41 PM ET, Tue March 2, 2021", D(2021, 3, 2)),
    ("time_first", EN, "Published 10:22 BST, 9 September 2021", D(2021, 9, 9)),
    ("time_first", EN, "14:05, 3 June 2019", D(2019, 6, 3)),
    ("time_first", EN, "9:00 AM, 01/15/2020", D(2020, 1, 15)),
    ("time_first", FR, "14h30, le 5 mai 2020", D(2020, 5, 5)),
    ("time_first", DE, "15:15 Uhr, 28. August 2021", D(2021, 8, 28)),
    ("time_first", RU, "13:34, 13 января 2015", D(2015, 1, 13)),
    ("time_first", ES, "18:45 - 3 de marzo de 2020", D(2020, 3, 3)),
    ("time_first", IT, "ore 18:30 del 5 marzo 2020", D(2020, 3, 5)),
    ("time_first", TR, "14:30 - 5 Mayıs 2020", D(2020, 5, 5)),
    ("time_first", AR, "10:05 - 23 أغسطس 2021", D(2021, 8, 23)),
    ("time_first", FA, "۱۸:۳۰ - ۱۹ شهریور ۱۴۰۰", D(2021, 9, 10)),
    ("time_first", NL, "14:30, 5 mei 2020", D(2020, 5, 5)),
    # --- weekdays
    ("weekday", EN, "Tuesday, March 2, 2021", D(2021, 3, 2)),
    ("weekday", EN, "Sat 4 Sep 2021", D(2021, 9, 4)),
    ("weekday", EN, "Thurs., Feb. 4, 2021", D(2021, 2, 4)),
    ("weekday", EN, "Wednesday 15th September 2021", D(2021, 9, 15)),
    ("weekday", EN, "Mon., Aug. 23, 2021", D(2021, 8, 23)),
    ("weekday", EN, "Friday, the 10th of September, 2021", D(2021, 9, 10)),
    ("weekday", FR, "mardi 2 mars 2021", D(2021, 3, 2)),
    ("weekday", FR, "sam. 4 sept. 2021", D(2021, 9, 4)),
    ("weekday", DE, "Dienstag, 2. März 2021", D(2021, 3, 2)),
    ("weekday", DE, "Sa., 4. Sep. 2021", D(2021, 9, 4)),
    ("weekday", ES, "martes, 2 de marzo de 2021", D(2021, 3, 2)),
    ("weekday", ES, "sáb. 4 sept. 2021", D(2021, 9, 4)),
    ("weekday", IT, "martedì 2 marzo 2021", D(2021, 3, 2)),
    ("weekday", IT, "sab 4 set 2021", D(2021, 9, 4)),
    ("weekday", PT, "terça-feira, 2 de março de 2021", D(2021, 3, 2)),
    ("weekday", PT, "sábado, 4 de setembro de 2021", D(2021, 9, 4)),
    ("weekday", NL, "dinsdag 2 maart 2021", D(2021, 3, 2)),
    ("weekday", NL, "za 4 sep. 2021", D(2021, 9, 4)),
    ("weekday", SV, "tisdag 2 mars 2021", D(2021, 3, 2)),
    ("weekday", SV, "lör 4 sep. 2021", D(2021, 9, 4)),
    ("weekday", SQ, "e martë, 2 mars 2021", D(2021, 3, 2)),
    ("weekday", SQ, "e shtunë, 4 shtator 2021", D(2021, 9, 4)),
    ("weekday", TR, "2 Mart 2021 Salı", D(2021, 3, 2)),
    ("weekday", TR, "Cumartesi, 4 Eylül 2021", D(2021, 9, 4)),
    ("weekday", RU, "вторник, 2 марта 2021 г.", D(2021, 3, 2)),
    ("weekday", RU, "сб, 4 сентября 2021", D(2021, 9, 4)),
    ("weekday", FA, "شنبه ۱۳ شهریور ۱۴۰۰", D(2021, 9, 4)),
    ("weekday", FA, "چهارشنبه ۲۴ شهریور ۱۴۰۰", D(2021, 9, 15)),
    ("weekday", FA, "سه‌شنبه ۲ مارس ۲۰۲۱", D(2021, 3, 2)),
    ("weekday", AR, "الثلاثاء 2 مارس 2021", D(2021, 3, 2)),
    ("weekday", AR, "السبت، 4 سبتمبر 2021", D(2021, 9, 4)),
    ("weekday", AR, "الاثنين، 23 آب 2021", D(2021, 8, 23)),
    ("weekday", UR, "ہفتہ 4 ستمبر 2021", D(2021, 9, 4)),
    ("weekday", UR, "منگل، 2 مارچ 2021", D(2021, 3, 2)),
    # --- hyphenated month names
    ("hyphen_month", EN, "12-Jan-2014", D(2014, 1, 12)),
    ("hyphen_month", EN, "03-Mar-2019", D(2019, 3, 3)),
    ("hyphen_month", EN, "28-Feb-2020", D(2020, 2, 28)),
    ("hyphen_month", EN, "1-Sep-2021", D(2021, 9, 1)),
    ("hyphen_month", EN, "15-Sept-2021", D(2021, 9, 15)),
    ("hyphen_month", EN, "12-JAN-2014", D(2014, 1, 12)),
    ("hyphen_month", EN, "2021-Sep-01", D(2021, 9, 1)),
    ("hyphen_month", EN, "Jan-12-2014", D(2014, 1, 12)),
    ("hyphen_month", EN, "12-Jan-14", D(2014, 1, 12)),
    ("hyphen_month", FR, "12-févr-2020", D(2020, 2, 12)),
    ("hyphen_month", DE, "03-Okt-2019", D(2019, 10, 3)),
    ("hyphen_month", ES, "12-ene-2014", D(2014, 1, 12)),
    ("hyphen_month", IT, "12-gen-2014", D(2014, 1, 12)),
    ("hyphen_month", PT, "12-fev-2014", D(2014, 2, 12)),
    ("hyphen_month", NL, "12-mrt-2014", D(2014, 3, 12)),
    ("hyphen_month", RU, "12-янв-2014", D(2014, 1, 12)),
    ("hyphen_month", TR, "12-Oca-2014", D(2014, 1, 12)),
    ("hyphen_month", SV, "12-okt-2014", D(2014, 10, 12)),
    # --- spaced dots
    ("spaced_dots", DE, "11. 12. 2014", D(2014, 12, 11)),
    ("spaced_dots", DE, "1. 3. 2020", D(2020, 3, 1)),
    ("spaced_dots", DE, "28. 8. 2021", D(2021, 8, 28)),
    ("spaced_dots", DE, "03. 04. 2021", D(2021, 4, 3)),
    ("spaced_dots", DE, "11.12. 2014", D(2014, 12, 11)),
    ("spaced_dots", DE, "11. 12.2014", D(2014, 12, 11)),
    ("spaced_dots", DE, "Mo., 23. 8. 2021", D(2021, 8, 23)),
    ("spaced_dots", DE, "2. 1. 2019, 10:15 Uhr", D(2019, 1, 2)),
    ("spaced_dots", RU, "11. 12. 2014", D(2014, 12, 11)),
    ("spaced_dots", RU, "01. 02. 2020 г.", D(2020, 2, 1)),
    ("spaced_dots", TR, "29. 10. 2021", D(2021, 10, 29)),
    ("spaced_dots", SQ, "28. 11. 2019", D(2019, 11, 28)),
    ("spaced_dots", EN, "11. 12. 2014", D(2014, 12, 11)),
    ("spaced_dots", NL, "5. 5. 2020", D(2020, 5, 5)),
    # --- Solar Hijri and Hijri
    ("hijri", FA, "۱۴۰۰/۰۶/۱۹", D(2021, 9, 10)),
    ("hijri", FA, "1400/06/19", D(2021, 9, 10)),
    ("hijri", FA, "۱۴۰۰-۰۶-۱۹", D(2021, 9, 10)),
    ("hijri", FA, "۱۴۰۰.۰۷.۰۵", D(2021, 9, 27)),
    ("hijri", FA, "1400/1/1", D(2021, 3, 21)),
    ("hijri", FA, "۱۴۰۰/۰۱/۱۳", D(2021, 4, 2)),
    ("hijri", FA, "1400/06/19 ه.ش", D(2021, 9, 10)),
    ("hijri", FA, "۱ مهر ۱۴۰۰", D(2021, 9, 23)),
    ("hijri", FA, "۳۰ مهر ۱۴۰۰", D(2021, 10, 22)),
    ("hijri", FA, "۳۱ شهریور ۱۴۰۰", D(2021, 9, 22)),
    ("hijri", FA, "۱۳ فروردین ۱۴۰۰", D(2021, 4, 2)),
    ("hijri", FA, "۱۹ شهریور ۱۴۰۰ هجری شمسی", D(2021, 9, 10)),
    ("hijri", FA, "۱۹ شهریور ماه ۱۴۰۰", D(2021, 9, 10)),
    ("hijri", FA, "۱۵ مهر ۱۴۰۰ خورشیدی", D(2021, 10, 7)),
    ("hijri", FA, "۱۹ سنبله ۱۴۰۰", D(2021, 9, 10)),
    ("hijri", FA, "۱ میزان ۱۴۰۰", D(2021, 9, 23)),
    ("hijri", FA, "۱ حمل ۱۴۰۰", D(2021, 3, 21)),
    ("hijri", EN, "19 Shahrivar 1400", D(2021, 9, 10)),
    ("hijri", FA, "۳۱ مهر ۱۴۰۰", None),
    ("hijri", AR, "1433/02/15", D(2012, 1, 9)),
    ("hijri", AR, "1443/01/15", D(2021, 8, 23)),
    ("hijri", AR, "15/02/1433 هـ", D(2012, 1, 9)),
    ("hijri", AR, "1433/2/15هـ", D(2012, 1, 9)),
    ("hijri", AR, "1443/01/15 هـ", D(2021, 8, 23)),
    ("hijri", AR, "15-01-1443هـ", D(2021, 8, 23)),
    ("hijri", AR, "15 صفر 1433 هـ", D(2012, 1, 9)),
    ("hijri", AR, "١٥ صفر ١٤٣٣هـ", D(2012, 1, 9)),
    ("hijri", AR, "الاثنين 15 صفر 1433 هـ", D(2012, 1, 9)),
    ("hijri", AR, "1 محرم 1443 هـ", D(2021, 8, 9)),
    ("hijri", AR, "10 محرم 1443", D(2021, 8, 18)),
    ("hijri", AR, "27 رمضان 1442 هـ", D(2021, 5, 9)),
    ("hijri", AR, "1 رمضان 1442", D(2021, 4, 13)),
    ("hijri", AR, "١٧ رمضان ١٤٤٢ هـ", D(2021, 4, 29)),
    ("hijri", AR, "الاثنين 1 محرم 1443 هـ الموافق 9 أغسطس 2021 م", D(2021, 8, 9)),
    ("hijri", EN, "15 Muharram 1443 AH", D(2021, 8, 23)),
    ("hijri", EN, "1 Ramadan 1442 AH", D(2021, 4, 13)),
    ("hijri", UR, "15 محرم الحرام 1443ھ", D(2021, 8, 23)),
    ("hijri", FA, "۱۵ محرم ۱۴۴۳ قمری", D(2021, 8, 23)),
    # --- year-less, against the reference (most recent past occurrence)
    ("yearless", EN, "23 August", D(2021, 8, 23)),
    ("yearless", EN, "Sept. 3", D(2021, 9, 3)),
    ("yearless", EN, "March 2", D(2021, 3, 2)),
    ("yearless", EN, "December 25", D(2020, 12, 25)),
    ("yearless", EN, "Oct 1", D(2020, 10, 1)),
    ("yearless", EN, "Sep 15", D(2021, 9, 15)),
    ("yearless", EN, "Monday, September 13", D(2021, 9, 13)),
    ("yearless", EN, "Aug 30 at 5:00 PM", D(2021, 8, 30)),
    ("yearless", FR, "23 août", D(2021, 8, 23)),
    ("yearless", FR, "1er septembre", D(2021, 9, 1)),
    ("yearless", FR, "14 juillet", D(2021, 7, 14)),
    ("yearless", DE, "3. September", D(2021, 9, 3)),
    ("yearless", DE, "24. Dezember", D(2020, 12, 24)),
    ("yearless", DE, "Freitag, 10. September", D(2021, 9, 10)),
    ("yearless", ES, "12 de septiembre", D(2021, 9, 12)),
    ("yearless", ES, "1 de mayo", D(2021, 5, 1)),
    ("yearless", IT, "10 settembre", D(2021, 9, 10)),
    ("yearless", PT, "7 de setembro", D(2021, 9, 7)),
    ("yearless", NL, "5 september", D(2021, 9, 5)),
    ("yearless", SV, "6 juni", D(2021, 6, 6)),
    ("yearless", SQ, "28 nëntor", D(2020, 11, 28)),
    ("yearless", TR, "30 Ağustos", D(2021, 8, 30)),
    ("yearless", RU, "1 сентября", D(2021, 9, 1)),
    ("yearless", RU, "9 мая", D(2021, 5, 9)),
    ("yearless", FA, "۲۰ شهریور", D(2021, 9, 11)),
    ("yearless", FA, "۱ شهریور", D(2021, 8, 23)),
    ("yearless", AR, "23 أغسطس", D(2021, 8, 23)),
    ("yearless", AR, "10 محرم", D(2021, 8, 18)),
    ("yearless", UR, "14 اگست", D(2021, 8, 14)),
    # --- relative, against RELATIVE_BASE (Wednesday 2021-09-15 12:00)
    ("relative", EN, "yesterday", D(2021, 9, 14)),
    ("relative", EN, "today", D(2021, 9, 15)),
    ("relative", EN, "3 days ago", D(2021, 9, 12)),
    ("relative", EN, "2 weeks ago", D(2021, 9, 1)),
    ("relative", EN, "1 month ago", D(2021, 8, 15)),
    ("relative", EN, "a year ago", D(2020, 9, 15)),
    ("relative", EN, "5 hours ago", D(2021, 9, 15)),
    ("relative", EN, "14 hours ago", D(2021, 9, 14)),
    ("relative", EN, "the day before yesterday", D(2021, 9, 13)),
    ("relative", EN, "Updated 2 days ago", D(2021, 9, 13)),
    ("relative", FR, "hier", D(2021, 9, 14)),
    ("relative", FR, "avant-hier", D(2021, 9, 13)),
    ("relative", FR, "il y a 2 jours", D(2021, 9, 13)),
    ("relative", FR, "il y a 3 semaines", D(2021, 8, 25)),
    ("relative", FR, "il y a 5 heures", D(2021, 9, 15)),
    ("relative", DE, "gestern", D(2021, 9, 14)),
    ("relative", DE, "vorgestern", D(2021, 9, 13)),
    ("relative", DE, "vor 3 Tagen", D(2021, 9, 12)),
    ("relative", DE, "vor 2 Wochen", D(2021, 9, 1)),
    ("relative", DE, "vor einem Monat", D(2021, 8, 15)),
    ("relative", ES, "ayer", D(2021, 9, 14)),
    ("relative", ES, "anteayer", D(2021, 9, 13)),
    ("relative", ES, "hace 2 días", D(2021, 9, 13)),
    ("relative", ES, "hace 3 semanas", D(2021, 8, 25)),
    ("relative", IT, "ieri", D(2021, 9, 14)),
    ("relative", IT, "3 giorni fa", D(2021, 9, 12)),
    ("relative", IT, "2 settimane fa", D(2021, 9, 1)),
    ("relative", PT, "ontem", D(2021, 9, 14)),
    ("relative", PT, "há 2 dias", D(2021, 9, 13)),
    ("relative", PT, "há 3 semanas", D(2021, 8, 25)),
    ("relative", NL, "gisteren", D(2021, 9, 14)),
    ("relative", NL, "3 dagen geleden", D(2021, 9, 12)),
    ("relative", SV, "igår", D(2021, 9, 14)),
    ("relative", SV, "för 3 dagar sedan", D(2021, 9, 12)),
    ("relative", SQ, "dje", D(2021, 9, 14)),
    ("relative", SQ, "3 ditë më parë", D(2021, 9, 12)),
    ("relative", TR, "dün", D(2021, 9, 14)),
    ("relative", TR, "2 gün önce", D(2021, 9, 13)),
    ("relative", TR, "3 hafta önce", D(2021, 8, 25)),
    ("relative", RU, "вчера", D(2021, 9, 14)),
    ("relative", RU, "позавчера", D(2021, 9, 13)),
    ("relative", RU, "3 дня назад", D(2021, 9, 12)),
    ("relative", RU, "2 недели назад", D(2021, 9, 1)),
    ("relative", FA, "دیروز", D(2021, 9, 14)),
    ("relative", FA, "2 روز پیش", D(2021, 9, 13)),
    ("relative", FA, "۳ روز پیش", D(2021, 9, 12)),
    ("relative", FA, "۲ هفته پیش", D(2021, 9, 1)),
    ("relative", AR, "أمس", D(2021, 9, 14)),
    ("relative", AR, "منذ يومين", D(2021, 9, 13)),
    ("relative", AR, "منذ 3 أيام", D(2021, 9, 12)),
    ("relative", AR, "قبل أسبوعين", D(2021, 9, 1)),
    ("relative", UR, "2 دن پہلے", D(2021, 9, 13)),
    ("relative", UR, "3 ہفتے پہلے", D(2021, 8, 25)),
    # --- negatives: no date in these
    ("negative", EN, "1400 people", None), ("negative", EN, "version 2.1", None),
    ("negative", EN, "open 24/7", None), ("negative", EN, "room 12-3", None),
    ("negative", EN, "10:05", None), ("negative", EN, "10:05 PM", None),
    ("negative", EN, "February 30, 2021", None), ("negative", EN, "February 29, 2021", None),
    ("negative", EN, "April 31, 2021", None), ("negative", EN, "call 555-0143", None),
    ("negative", EN, "+1 202 555 0143", None), ("negative", EN, "(020) 7946 0958", None),
    ("negative", EN, "The council met to discuss the budget.", None),
    ("negative", EN, "Page 3 of 12", None), ("negative", EN, "Score: 3-1", None),
    ("negative", EN, "in 2021", None), ("negative", EN, "August 2021", None),
    ("negative", EN, "13/13/2021", None), ("negative", EN, "192.168.1.1", None),
    ("negative", EN, "ISBN 978-3-16-148410-0", None), ("negative", EN, "$12.50", None),
    ("negative", EN, "5 million", None), ("negative", EN, "Chapter 11", None),
    ("negative", EN, "3.14159", None), ("negative", EN, "12/2021", None),
    ("negative", EN, "v1.2.3", None), ("negative", EN, "2021-02-30", None),
    ("negative", EN, "2021-13-01", None), ("negative", EN, "1.2.2021.5", None),
    ("negative", FR, "Le conseil municipal a voté le budget.", None),
    ("negative", FR, "31 avril 2021", None), ("negative", FR, "tél. 01 23 45 67 89", None),
    ("negative", DE, "Zimmer 12-3", None), ("negative", DE, "30. Februar 2021", None),
    ("negative", DE, "Die Sitzung dauerte drei Stunden.", None),
    ("negative", ES, "31 de junio de 2021", None), ("negative", ES, "Llame al 912 345 678", None),
    ("negative", IT, "31 aprile 2021", None), ("negative", PT, "31 de setembro de 2021", None),
    ("negative", NL, "31 juni 2021", None), ("negative", SV, "31 juni 2021", None),
    ("negative", SQ, "31 qershor 2021", None), ("negative", TR, "31 Nisan 2021", None),
    ("negative", RU, "31 июня 2021", None),
    ("negative", RU, "Заседание продолжалось три часа.", None),
    ("negative", FA, "۳۲ شهریور ۱۴۰۰", None), ("negative", FA, "۱۴۰۰ نفر", None),
    ("negative", AR, "31 يونيو 2021", None), ("negative", AR, "1400 شخص", None),
    ("negative", AR, "24/7", None), ("negative", UR, "1400 افراد", None),
    # --- other languages ICU knows (outside digestcore's fourteen)
    ("other_lang", ["pl"], "15 września 2021", D(2021, 9, 15)),
    ("other_lang", ["pl"], "wtorek, 2 marca 2021", D(2021, 3, 2)),
    ("other_lang", ["pl"], "3 maja 2020 r., 10:15", D(2020, 5, 3)),
    ("other_lang", ["pl"], "12 sty 2014", D(2014, 1, 12)),
    ("other_lang", ["pl"], "11.12.2014", D(2014, 12, 11)),
    ("other_lang", ["pl"], "31 kwietnia 2021", None),
    ("other_lang", ["cs"], "15. září 2021", D(2021, 9, 15)),
    ("other_lang", ["cs"], "úterý 2. března 2021", D(2021, 3, 2)),
    ("other_lang", ["cs"], "11. 12. 2014", D(2014, 12, 11)),
    ("other_lang", ["cs"], "3. května 2020 v 10:15", D(2020, 5, 3)),
    ("other_lang", ["cs"], "30. února 2021", None),
    ("other_lang", ["uk"], "15 вересня 2021", D(2021, 9, 15)),
    ("other_lang", ["uk"], "2 березня 2021 р.", D(2021, 3, 2)),
    ("other_lang", ["uk"], "вівторок, 2 березня 2021", D(2021, 3, 2)),
    ("other_lang", ["uk"], "3 травня 2020 о 10:15", D(2020, 5, 3)),
    ("other_lang", ["id"], "15 September 2021", D(2021, 9, 15)),
    ("other_lang", ["id"], "Selasa, 2 Maret 2021", D(2021, 3, 2)),
    ("other_lang", ["id"], "3 Mei 2020 pukul 10.15 WIB", D(2020, 5, 3)),
    ("other_lang", ["id"], "12 Agustus 2021", D(2021, 8, 12)),
    ("other_lang", ["vi"], "15 tháng 9, 2021", D(2021, 9, 15)),
    ("other_lang", ["vi"], "ngày 3 tháng 5 năm 2020", D(2020, 5, 3)),
    ("other_lang", ["vi"], "Thứ Ba, 2/3/2021", D(2021, 3, 2)),
    ("other_lang", ["fi"], "15. syyskuuta 2021", D(2021, 9, 15)),
    ("other_lang", ["fi"], "tiistai 2. maaliskuuta 2021", D(2021, 3, 2)),
    ("other_lang", ["fi"], "3.5.2020 klo 10.15", D(2020, 5, 3)),
    ("other_lang", ["ro"], "15 septembrie 2021", D(2021, 9, 15)),
    ("other_lang", ["ro"], "marți, 2 martie 2021", D(2021, 3, 2)),
    ("other_lang", ["ro"], "3 mai 2020, ora 10:15", D(2020, 5, 3)),
    ("other_lang", ["hu"], "2021. szeptember 15.", D(2021, 9, 15)),
    ("other_lang", ["hu"], "2021. március 2., kedd", D(2021, 3, 2)),
    ("other_lang", ["hu"], "2020. május 3. 10:15", D(2020, 5, 3)),
    ("other_lang", ["el"], "15 Σεπτεμβρίου 2021", D(2021, 9, 15)),
    ("other_lang", ["el"], "Τρίτη 2 Μαρτίου 2021", D(2021, 3, 2)),
    ("other_lang", ["el"], "3 Μαΐου 2020, 10:15", D(2020, 5, 3)),
    ("other_lang", ["ja"], "2021年9月15日", D(2021, 9, 15)),
    ("other_lang", ["ja"], "2021年3月2日(火)", D(2021, 3, 2)),
    ("other_lang", ["ja"], "2020年5月3日 10時15分", D(2020, 5, 3)),
]

_ABSOLUTE = {"RELATIVE_BASE": RELATIVE_BASE, "PREFER_DATES_FROM": "past",
             "REQUIRE_PARTS": ["day", "month", "year"]}
_YEARLESS = dict(_ABSOLUTE, REQUIRE_PARTS=["day", "month"])
_RELATIVE = {"RELATIVE_BASE": RELATIVE_BASE, "PREFER_DATES_FROM": "past"}


def peer_settings(family: str) -> dict:
    """dateparser settings for a case: what a caller expecting that kind would pass."""
    return {"yearless": _YEARLESS, "relative": _RELATIVE}.get(family, _ABSOLUTE)


def make_ours(digestcore):
    def run(items, detect):
        parse, ref, out = digestcore.parse_date, RELATIVE_BASE, []
        for text, langs, _ in items:
            try:
                out.append(parse(text, languages=None if detect else langs, reference=ref))
            except Exception as e:  # a crash: reported, and the exit status says so
                out.append(e)
        return out
    return run


def run_peer(items, detect):
    parse, out = dateparser.parse, []
    for text, langs, settings in items:
        try:
            d = parse(text, languages=None if detect else langs, settings=settings)
            out.append(d.date() if d is not None else None)
        except Exception as e:  # dateparser's own failure: counted as err
            out.append(e)
    return out


def score(results):
    """Per family and total {correct, wrong, none, err}."""
    fams: dict[str, dict[str, int]] = {}
    for (fam, _, _, exp), got in zip(CASES, results):
        c = fams.setdefault(fam, {"n": 0, "correct": 0, "wrong": 0, "none": 0, "err": 0})
        c["n"] += 1
        if isinstance(got, Exception):
            c["err"] += 1
        elif got == exp:
            c["correct"] += 1
        elif got is None:
            c["none"] += 1
        else:
            c["wrong"] += 1
    total = {k: sum(c[k] for c in fams.values()) for k in ("n", "correct", "wrong", "none", "err")}
    return {"families": fams, "total": total}


def rate(fn, items, detect, runs, loops):
    """Median parses per second over `runs` runs of `loops` passes each."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for _ in range(loops):
            fn(items, detect)
        times.append(time.perf_counter() - t0)
    return len(items) * loops / statistics.median(times)


def fmt_counts(c):
    return f"{c['correct']:4} {c['wrong']:4} {c['none']:4} {c['err']:4}"


def print_misses(label, results):
    for (fam, langs, text, exp), got in zip(CASES, results):
        if isinstance(got, Exception) or got != exp:
            print(f"  {label} [{fam} {','.join(langs)}] {text!r}: {got!r} (expected {exp})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="timed runs (the median is kept)")
    ap.add_argument("--ours-loops", type=int, default=50,
                    help="passes over the list per digestcore run (it is too fast for one)")
    ap.add_argument("--peer-only", action="store_true",
                    help="dateparser alone (no digestcore module needed)")
    ap.add_argument("--no-speed", action="store_true", help="accuracy only")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    ap.add_argument("--misses", action="store_true", help="list digestcore's misses")
    ap.add_argument("--peer-misses", action="store_true", help="list dateparser's misses")
    ap.add_argument("--cases", choices=("newsroom", "heldout"), default="newsroom",
                    help="newsroom: this file's list; heldout: dates_heldout_cases.py")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    if args.cases == "heldout":
        global CASES
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from dates_heldout_cases import CASES as heldout
        CASES = heldout

    items = [(text, langs, peer_settings(fam)) for fam, langs, text, _ in CASES]
    run_ours = None
    if not args.peer_only:
        import digestcore
        run_ours = make_ours(digestcore)

    report: dict = {"inputs": len(CASES), "dateparser_version": dateparser.__version__,
                    "reference": RELATIVE_BASE.isoformat()}
    res: dict[str, list] = {"dateparser": run_peer(items, False)}
    res_det: dict[str, list] = {"dateparser": run_peer(items, True)}
    if run_ours:
        report["digestcore_version"] = digestcore.__version__
        res["digestcore"] = run_ours(items, False)
        res_det["digestcore"] = run_ours(items, True)
    tools = list(res)[::-1]  # digestcore first when present
    report["languages_given"] = {t: score(res[t]) for t in tools}
    report["languages_detected"] = {t: {"total": score(res_det[t])["total"]} for t in tools}

    if not args.no_speed:
        speed = {}
        for mode, detect in (("detected", True), ("given", False)):
            speed[mode] = {"dateparser": rate(run_peer, items, detect, args.runs, 1)}
            if run_ours:
                speed[mode]["digestcore"] = rate(run_ours, items, detect, args.runs,
                                                 args.ours_loops)
        report["parses_per_second"] = speed

    crashed = run_ours is not None and any(isinstance(r, Exception)
                                           for r in res["digestcore"] + res_det["digestcore"])
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 1 if crashed else 0

    given = report["languages_given"]
    vers = f"dateparser {dateparser.__version__}"
    if run_ours:
        vers += f", digestcore {digestcore.__version__}"
    print(f"{vers}, {len(CASES)} inputs, reference {RELATIVE_BASE:%Y-%m-%d %H:%M}")
    print("counts: correct / wrong (other date, or a date where none) / none (missed) / err (raised)")
    print(f"{'family':13} {'n':>4}" + "".join(f"  {t:>19}" for t in tools))
    print(f"{'':18}" + "   cor  wrg none  err" * len(tools))
    fams = list(dict.fromkeys(f for f, _, _, _ in CASES))
    for fam in fams:
        n = given[tools[0]]["families"][fam]["n"]
        print(f"{fam:13} {n:4}" + "".join(f"  {fmt_counts(given[t]['families'][fam])}"
                                          for t in tools))
    n = len(CASES)
    print(f"{'total':13} {n:4}" + "".join(f"  {fmt_counts(given[t]['total'])}" for t in tools))
    det = report["languages_detected"]
    print(f"{'(detected)':13} {n:4}" + "".join(f"  {fmt_counts(det[t]['total'])}" for t in tools))
    for t in tools:
        c = given[t]["total"]["correct"]
        print(f"{t}: {c}/{n} correct ({c / n:.1%}) with languages given, "
              f"{det[t]['total']['correct']}/{n} with detection")
    if run_ours:
        a, b = given["digestcore"]["total"]["correct"], given["dateparser"]["total"]["correct"]
        print(f"correct-count ratio digestcore/dateparser: {a / b:.2f}" if b else
              "correct-count ratio: dateparser has none correct")

    if "parses_per_second" in report:
        sp = report["parses_per_second"]
        print()
        print(f"{'parses/s (median of ' + str(args.runs) + ')':26}"
              + "".join(f" {t:>12}" for t in tools) + ("    ratio" if run_ours else ""))
        for mode, label in (("detected", "languages detected"), ("given", "languages given")):
            row = f"{label:26}" + "".join(f" {sp[mode][t]:12,.0f}" for t in tools)
            if run_ours:
                row += f" {sp[mode]['digestcore'] / sp[mode]['dateparser']:7,.0f}x"
            print(row)

    if args.misses and run_ours:
        print("\ndigestcore misses (languages given):")
        print_misses("digestcore", res["digestcore"])
    if args.peer_misses:
        print("\ndateparser misses (languages given):")
        print_misses("dateparser", res["dateparser"])
    if crashed:
        print("\ndigestcore raised:", file=sys.stderr)
        for mode, rs in (("given", res), ("detected", res_det)):
            for (fam, _, text, _), got in zip(CASES, rs["digestcore"]):
                if isinstance(got, Exception):
                    print(f"  [{fam}, {mode}] {text!r}: {got!r}", file=sys.stderr)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
