"""Held-out date strings for bench_dates_newsroom.py (``--cases heldout``).

Written without looking at digestcore's parser, its tests or its date
documentation, so that it measures honestly: every string was composed for
this file in the shapes news sites, feeds, HTTP headers, CMS bylines and other
date-parsing projects' test suites use (no test file copied, no real people
or events). Gregorian expected dates and weekdays were checked with Python's
datetime; Solar Hijri and Hijri ones were counted within one month from known
month starts (1 Farvardin 1400 = 2021-03-21, 1 Shahrivar 1400 = 2021-08-23,
1 Mehr 1400 = 2021-09-23, 1 Muharram 1443 = 2021-08-09 (Umm al-Qura),
1 Ramadan 1442 = 2021-04-13, 1 Safar 1443 = 2021-09-08).

Each case is (family, language hints, text, expected date or None).
Relative dates count from RELATIVE_BASE, 2021-09-15 12:00 (a Wednesday);
year-less dates are expected at their most recent occurrence on or before
2021-09-15. A numeric date whose order its language leaves open (03/04/2021
in English) is expected as None. Zoned stamps are expected at the calendar
date they print; their times are chosen so that a conversion to UTC would not
change the day.
"""

from __future__ import annotations

import datetime

D = datetime.date
RELATIVE_BASE = datetime.datetime(2021, 9, 15, 12, 0)  # a Wednesday

EN, FR, DE, ES, IT, PT, NL = ["en"], ["fr"], ["de"], ["es"], ["it"], ["pt"], ["nl"]
SV, SQ, TR, RU, FA, AR, UR = ["sv"], ["sq"], ["tr"], ["ru"], ["fa"], ["ar"], ["ur"]

CASES: list[tuple[str, list[str], str, datetime.date | None]] = [
    # --- absolute: English
    ("absolute", EN, "September 15, 2021", D(2021, 9, 15)),
    ("absolute", EN, "Sept. 14, 2021", D(2021, 9, 14)),
    ("absolute", EN, "Tuesday, September 14, 2021", D(2021, 9, 14)),
    ("absolute", EN, "By Staff Writer | August 27, 2021 | 7:05 am", D(2021, 8, 27)),
    ("absolute", EN, "14-Sep-2021", D(2021, 9, 14)),
    ("absolute", EN, "09/14/2021", D(2021, 9, 14)),
    ("absolute", EN, "13/09/2021", D(2021, 9, 13)),
    ("absolute", EN, "9/14/21", D(2021, 9, 14)),
    ("absolute", EN, "03/04/2021", None),
    ("absolute", EN, "2021/09/14", D(2021, 9, 14)),
    ("absolute", EN, "14th September 2021", D(2021, 9, 14)),
    ("absolute", EN, "Last updated 10:04, 14 September 2021", D(2021, 9, 14)),
    ("absolute", EN, "Monday 13 September 2021 08:05", D(2021, 9, 13)),
    # --- absolute: French
    ("absolute", FR, "mercredi 15 septembre 2021", D(2021, 9, 15)),
    ("absolute", FR, "Publié le 14/09/2021 à 18h30", D(2021, 9, 14)),
    ("absolute", FR, "le 1er septembre 2021", D(2021, 9, 1)),
    ("absolute", FR, "03/04/2021", D(2021, 4, 3)),
    ("absolute", FR, "Mis à jour le 2 sept. 2021 à 07h15", D(2021, 9, 2)),
    # --- absolute: German
    ("absolute", DE, "Mittwoch, 15. September 2021", D(2021, 9, 15)),
    ("absolute", DE, "14.09.2021, 18:30 Uhr", D(2021, 9, 14)),
    ("absolute", DE, "03.04.2021", D(2021, 4, 3)),
    ("absolute", DE, "1. Sept. 2021", D(2021, 9, 1)),
    ("absolute", DE, "Stand: 14.09.2021 08:12 Uhr", D(2021, 9, 14)),
    # --- absolute: Spanish
    ("absolute", ES, "miércoles, 15 de septiembre de 2021", D(2021, 9, 15)),
    ("absolute", ES, "14/09/2021 - 18:30", D(2021, 9, 14)),
    ("absolute", ES, "03/04/2021", D(2021, 4, 3)),
    ("absolute", ES, "1 sep. 2021", D(2021, 9, 1)),
    # --- absolute: Italian
    ("absolute", IT, "mercoledì 15 settembre 2021", D(2021, 9, 15)),
    ("absolute", IT, "14/09/2021 ore 18:30", D(2021, 9, 14)),
    ("absolute", IT, "1° settembre 2021", D(2021, 9, 1)),
    ("absolute", IT, "Pubblicato il 2 set 2021", D(2021, 9, 2)),
    # --- absolute: Portuguese
    ("absolute", PT, "quarta-feira, 15 de setembro de 2021", D(2021, 9, 15)),
    ("absolute", PT, "14/09/2021 às 18h30", D(2021, 9, 14)),
    ("absolute", PT, "03/04/2021", D(2021, 4, 3)),
    # --- absolute: Dutch
    ("absolute", NL, "woensdag 15 september 2021", D(2021, 9, 15)),
    ("absolute", NL, "14-09-2021, 18:30", D(2021, 9, 14)),
    ("absolute", NL, "1 sept. 2021", D(2021, 9, 1)),
    ("absolute", NL, "di 14 sep 2021", D(2021, 9, 14)),
    # --- absolute: Swedish
    ("absolute", SV, "onsdag 15 september 2021", D(2021, 9, 15)),
    ("absolute", SV, "2021-09-14 18:30", D(2021, 9, 14)),
    ("absolute", SV, "Publicerad 14 sep. 2021 kl. 18.30", D(2021, 9, 14)),
    # --- absolute: Albanian
    ("absolute", SQ, "e mërkurë, 15 shtator 2021", D(2021, 9, 15)),
    ("absolute", SQ, "14.09.2021 18:30", D(2021, 9, 14)),
    ("absolute", SQ, "1 gusht 2021", D(2021, 8, 1)),
    # --- absolute: Turkish
    ("absolute", TR, "15 Eylül 2021 Çarşamba", D(2021, 9, 15)),
    ("absolute", TR, "14.09.2021 18:30", D(2021, 9, 14)),
    ("absolute", TR, "1 Ağustos 2021 Pazar", D(2021, 8, 1)),
    # --- absolute: Russian
    ("absolute", RU, "15 сентября 2021 года", D(2021, 9, 15)),
    ("absolute", RU, "среда, 15 сентября 2021", D(2021, 9, 15)),
    ("absolute", RU, "14.09.2021 18:30", D(2021, 9, 14)),
    ("absolute", RU, "14 сент. 2021 г.", D(2021, 9, 14)),
    # --- absolute: Persian (Gregorian month names, so Gregorian)
    ("absolute", FA, "۱۵ سپتامبر ۲۰۲۱", D(2021, 9, 15)),
    ("absolute", FA, "چهارشنبه 15 سپتامبر 2021", D(2021, 9, 15)),
    # --- absolute: Arabic
    ("absolute", AR, "الأربعاء 15 سبتمبر 2021", D(2021, 9, 15)),
    ("absolute", AR, "15 أيلول 2021", D(2021, 9, 15)),
    ("absolute", AR, "14 سبتمبر 2021 - 06:30 م", D(2021, 9, 14)),
    ("absolute", AR, "2021/09/14", D(2021, 9, 14)),
    # --- absolute: Urdu
    ("absolute", UR, "بدھ 15 ستمبر 2021", D(2021, 9, 15)),
    ("absolute", UR, "14 ستمبر 2021 ، 18:30", D(2021, 9, 14)),
    ("absolute", UR, "یکم ستمبر 2021", D(2021, 9, 1)),

    # --- zone: abbreviations, offsets, IANA names (times keep the UTC day)
    ("zone", EN, "Wed, 15 Sep 2021 08:30:00 GMT", D(2021, 9, 15)),
    ("zone", EN, "Tue, 14 Sep 2021 10:15:00 -0400", D(2021, 9, 14)),
    ("zone", EN, "Mon, 13 Sep 2021 11:00:00 PST", D(2021, 9, 13)),
    ("zone", EN, "2021-09-14T10:15:00Z", D(2021, 9, 14)),
    ("zone", EN, "2021-09-14T10:15:00+02:00", D(2021, 9, 14)),
    ("zone", EN, "2021-09-14T10:15:00.000-05:00", D(2021, 9, 14)),
    ("zone", EN, "20210914T101500Z", D(2021, 9, 14)),
    ("zone", EN, "2021-09-14 10:15:00 UTC+05:30", D(2021, 9, 14)),
    ("zone", EN, "September 14, 2021 at 3:45 p.m. PDT", D(2021, 9, 14)),
    ("zone", EN, "Tuesday 14 September 2021 10.15 BST", D(2021, 9, 14)),
    ("zone", EN, "Tuesday, 14 September 2021 10:15 (GMT+3)", D(2021, 9, 14)),
    ("zone", EN, "Updated 10:15 AM ET, Tue September 14, 2021", D(2021, 9, 14)),
    ("zone", EN, "Tue Sep 14 10:15:00 +0000 2021", D(2021, 9, 14)),
    ("zone", EN, "Tue Sep 14 2021 10:15:00 GMT+0300 (Eastern European Summer Time)",
     D(2021, 9, 14)),
    ("zone", EN, "2021-09-14 10:15 Europe/Berlin", D(2021, 9, 14)),
    ("zone", EN, "14 Sep 2021, 10:15 Asia/Kolkata", D(2021, 9, 14)),
    ("zone", EN, "Sep 14, 2021 12:30 America/New_York", D(2021, 9, 14)),
    ("zone", DE, "14.09.2021 10:15 MESZ", D(2021, 9, 14)),
    ("zone", FR, "14 septembre 2021 à 10h15 UTC+2", D(2021, 9, 14)),
    ("zone", RU, "14 сентября 2021, 10:15 МСК", D(2021, 9, 14)),

    # --- relative, from Wednesday 2021-09-15 12:00
    ("relative", EN, "yesterday", D(2021, 9, 14)),
    ("relative", EN, "3 days ago", D(2021, 9, 12)),
    ("relative", EN, "2 weeks ago", D(2021, 9, 1)),
    ("relative", EN, "last Friday", D(2021, 9, 10)),
    ("relative", EN, "14 hours ago", D(2021, 9, 14)),
    ("relative", EN, "2 months ago", D(2021, 7, 15)),
    ("relative", EN, "in 3 days", D(2021, 9, 18)),
    ("relative", FR, "hier", D(2021, 9, 14)),
    ("relative", FR, "il y a 3 jours", D(2021, 9, 12)),
    ("relative", FR, "lundi dernier", D(2021, 9, 13)),
    ("relative", DE, "vor 3 Tagen", D(2021, 9, 12)),
    ("relative", DE, "vorgestern", D(2021, 9, 13)),
    ("relative", DE, "gestern um 14:20 Uhr", D(2021, 9, 14)),
    ("relative", ES, "ayer", D(2021, 9, 14)),
    ("relative", ES, "hace 3 días", D(2021, 9, 12)),
    ("relative", ES, "el lunes pasado", D(2021, 9, 13)),
    ("relative", IT, "ieri", D(2021, 9, 14)),
    ("relative", IT, "3 giorni fa", D(2021, 9, 12)),
    ("relative", IT, "2 settimane fa", D(2021, 9, 1)),
    ("relative", PT, "ontem", D(2021, 9, 14)),
    ("relative", PT, "há 3 dias", D(2021, 9, 12)),
    ("relative", PT, "anteontem", D(2021, 9, 13)),
    ("relative", NL, "gisteren", D(2021, 9, 14)),
    ("relative", NL, "3 dagen geleden", D(2021, 9, 12)),
    ("relative", NL, "2 weken geleden", D(2021, 9, 1)),
    ("relative", SV, "igår", D(2021, 9, 14)),
    ("relative", SV, "för 3 dagar sedan", D(2021, 9, 12)),
    ("relative", SV, "i förrgår", D(2021, 9, 13)),
    ("relative", SQ, "dje", D(2021, 9, 14)),
    ("relative", SQ, "para 3 ditësh", D(2021, 9, 12)),
    ("relative", SQ, "para 2 javësh", D(2021, 9, 1)),
    ("relative", TR, "dün", D(2021, 9, 14)),
    ("relative", TR, "3 gün önce", D(2021, 9, 12)),
    ("relative", TR, "geçen Pazartesi", D(2021, 9, 13)),
    ("relative", RU, "3 дня назад", D(2021, 9, 12)),
    ("relative", RU, "позавчера", D(2021, 9, 13)),
    ("relative", RU, "вчера в 18:30", D(2021, 9, 14)),
    ("relative", FA, "دیروز", D(2021, 9, 14)),
    ("relative", FA, "۳ روز پیش", D(2021, 9, 12)),
    ("relative", FA, "۲ هفته پیش", D(2021, 9, 1)),
    ("relative", AR, "أمس", D(2021, 9, 14)),
    ("relative", AR, "منذ 3 أيام", D(2021, 9, 12)),
    ("relative", AR, "منذ أسبوعين", D(2021, 9, 1)),
    ("relative", UR, "3 دن پہلے", D(2021, 9, 12)),
    ("relative", UR, "2 ہفتے پہلے", D(2021, 9, 1)),
    ("relative", UR, "گزشتہ روز", D(2021, 9, 14)),

    # --- yearless: most recent occurrence on or before 2021-09-15
    ("yearless", EN, "Sept. 3", D(2021, 9, 3)),
    ("yearless", EN, "20 October", D(2020, 10, 20)),
    ("yearless", EN, "September 15", D(2021, 9, 15)),
    ("yearless", EN, "Tue, Sep 14", D(2021, 9, 14)),
    ("yearless", EN, "Friday, 10 September", D(2021, 9, 10)),
    ("yearless", FR, "3 août", D(2021, 8, 3)),
    ("yearless", FR, "le 28 novembre", D(2020, 11, 28)),
    ("yearless", DE, "5. Juli", D(2021, 7, 5)),
    ("yearless", DE, "am 17. Oktober", D(2020, 10, 17)),
    ("yearless", ES, "2 de mayo", D(2021, 5, 2)),
    ("yearless", IT, "14 febbraio", D(2021, 2, 14)),
    ("yearless", PT, "9 de dezembro", D(2020, 12, 9)),
    ("yearless", NL, "21 juni", D(2021, 6, 21)),
    ("yearless", SV, "30 januari", D(2021, 1, 30)),
    ("yearless", SQ, "11 nëntor", D(2020, 11, 11)),
    ("yearless", TR, "19 Ağustos", D(2021, 8, 19)),
    ("yearless", RU, "7 сентября", D(2021, 9, 7)),
    ("yearless", FA, "۱۰ سپتامبر", D(2021, 9, 10)),
    ("yearless", AR, "10 سبتمبر", D(2021, 9, 10)),
    ("yearless", UR, "5 اگست", D(2021, 8, 5)),

    # --- calendar: Solar Hijri (Persian month names or Persian digits)
    ("calendar", FA, "۲۴ شهریور ۱۴۰۰", D(2021, 9, 15)),
    ("calendar", FA, "چهارشنبه ۲۴ شهریور ۱۴۰۰", D(2021, 9, 15)),
    ("calendar", FA, "10 شهریور 1400", D(2021, 9, 1)),
    ("calendar", FA, "۱۴۰۰/۰۶/۲۴", D(2021, 9, 15)),
    ("calendar", FA, "۱۵ فروردین ۱۴۰۰", D(2021, 4, 4)),
    ("calendar", FA, "۵ مهر ۱۴۰۰", D(2021, 9, 27)),
    ("calendar", FA, "۳۱ شهریور ۱۴۰۰ - ۱۰:۳۰", D(2021, 9, 22)),
    ("calendar", FA, "تاریخ انتشار: ۱۸ شهریور ۱۴۰۰", D(2021, 9, 9)),
    # --- calendar: Hijri (Arabic Hijri month names or هـ)
    ("calendar", AR, "8 صفر 1443 هـ", D(2021, 9, 15)),
    ("calendar", AR, "15 محرم 1443 هـ", D(2021, 8, 23)),
    ("calendar", AR, "27 رمضان 1442 هـ", D(2021, 5, 9)),
    ("calendar", AR, "٨ صفر ١٤٤٣ هـ", D(2021, 9, 15)),
    ("calendar", AR, "1443/2/8 هـ", D(2021, 9, 15)),
    ("calendar", AR, "الأربعاء 8 صفر 1443 هـ الموافق 15 سبتمبر 2021 م", D(2021, 9, 15)),
    ("calendar", UR, "8 صفر المظفر 1443ھ", D(2021, 9, 15)),
    ("calendar", UR, "29 محرم الحرام 1443ھ", D(2021, 9, 6)),

    # --- other_lang: languages outside the fourteen
    ("other_lang", ["pl"], "wtorek, 14 września 2021 r.", D(2021, 9, 14)),
    ("other_lang", ["cs"], "15. září 2021", D(2021, 9, 15)),
    ("other_lang", ["cs"], "14. 9. 2021", D(2021, 9, 14)),
    ("other_lang", ["uk"], "15 вересня 2021 року", D(2021, 9, 15)),
    ("other_lang", ["el"], "Τετάρτη, 15 Σεπτεμβρίου 2021", D(2021, 9, 15)),
    ("other_lang", ["hu"], "2021. szeptember 15.", D(2021, 9, 15)),
    ("other_lang", ["fi"], "15. syyskuuta 2021", D(2021, 9, 15)),
    ("other_lang", ["fi"], "ke 15.9.2021", D(2021, 9, 15)),
    ("other_lang", ["ro"], "marți, 14 septembrie 2021", D(2021, 9, 14)),
    ("other_lang", ["id"], "Rabu, 15 September 2021", D(2021, 9, 15)),
    ("other_lang", ["vi"], "Thứ Tư, 15/9/2021", D(2021, 9, 15)),
    ("other_lang", ["vi"], "ngày 15 tháng 9 năm 2021", D(2021, 9, 15)),
    ("other_lang", ["hi"], "बुधवार, 15 सितंबर 2021", D(2021, 9, 15)),
    ("other_lang", ["ja"], "2021年9月15日", D(2021, 9, 15)),
    ("other_lang", ["zh"], "2021年9月14日 18:30", D(2021, 9, 14)),
    ("other_lang", ["ko"], "2021년 9월 15일", D(2021, 9, 15)),
    ("other_lang", ["da"], "15. september 2021", D(2021, 9, 15)),
    ("other_lang", ["nb"], "onsdag 15. september 2021", D(2021, 9, 15)),
    ("other_lang", ["ca"], "15 de setembre de 2021", D(2021, 9, 15)),
    ("other_lang", ["hr"], "15. rujna 2021.", D(2021, 9, 15)),
    ("other_lang", ["sr"], "15. septembar 2021.", D(2021, 9, 15)),
    ("other_lang", ["bg"], "15 септември 2021 г.", D(2021, 9, 15)),
    ("other_lang", ["he"], "15 בספטמבר 2021", D(2021, 9, 15)),
    ("other_lang", ["lt"], "2021 m. rugsėjo 15 d.", D(2021, 9, 15)),
    ("other_lang", ["lv"], "2021. gada 15. septembrī", D(2021, 9, 15)),
    ("other_lang", ["az"], "15 sentyabr 2021", D(2021, 9, 15)),
    ("other_lang", ["th"], "15 กันยายน 2564", D(2021, 9, 15)),  # Buddhist Era year

    # --- negative: not dates
    ("negative", EN, "1998", None),
    ("negative", EN, "3.14159", None),
    ("negative", EN, "version 2.10.3", None),
    ("negative", EN, "Final score: 3-1", None),
    ("negative", EN, "The match ended 24-17", None),
    ("negative", EN, "+1 555 0142", None),
    ("negative", EN, "Call 020 7946 0958", None),
    ("negative", EN, "10:45", None),
    ("negative", FR, "18h30", None),
    ("negative", EN, "ISBN 978-3-16-148410-0", None),
    ("negative", EN, "Page 12 of 45", None),
    ("negative", EN, "4.5 out of 5", None),
    ("negative", EN, "The committee will meet again soon.", None),
    ("negative", FR, "Le conseil municipal s'est réuni.", None),
    ("negative", DE, "Die Sitzung wurde vertagt.", None),
    ("negative", TR, "Maç 2-1 bitti", None),
    ("negative", EN, "31 April 2021", None),
    ("negative", EN, "30 February 2021", None),
    ("negative", EN, "29 February 2021", None),
    ("negative", EN, "2021-13-01", None),
    ("negative", FR, "31/06/2021", None),
    ("negative", DE, "31.09.2021", None),
    ("negative", ES, "31 de junio de 2021", None),
    ("negative", RU, "31 апреля 2021", None),
]
