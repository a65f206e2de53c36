// Dates: table-driven cases across languages and calendars, negatives,
// calendar conversions at year and month boundaries, find_dates.
#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "digest/dates.hpp"
#include "digest/normalize.hpp"
#include "dates/internal.hpp"

using namespace digest;

namespace {

struct Case {
  const char* text;
  const char* expected;  // ISO date/date-time, or nullptr for no date
  DateOrder order = DateOrder::unspecified;
  const char* lang = nullptr;
};

std::string show(const std::optional<DateTime>& dt) { return dt ? dt->to_iso() : "(none)"; }

void run_cases(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    DateParseOptions opt;
    opt.order = c.order;
    if (c.lang) opt.languages = {c.lang};
    DateParser parser(opt);
    auto got = parser.parse(c.text);
    if (c.expected) {
      EXPECT_EQ(show(got), c.expected) << "text: " << c.text;
    } else {
      EXPECT_FALSE(got.has_value()) << "text: " << c.text << " gave " << show(got);
    }
  }
}

}  // namespace

// ---- English -------------------------------------------------------------------

TEST(Dates, English) {
  run_cases({
      {"August 23 2021", "2021-08-23"},
      {"Aug 28, 2021", "2021-08-28"},
      {"Aug. 28, 2021", "2021-08-28"},
      {"August 23rd, 2021", "2021-08-23"},
      {"Sept 3, 2021", "2021-09-03"},
      {"Sept. 3, 2021", "2021-09-03"},
      {"Sep 3 2021", "2021-09-03"},
      {"23 August 2021", "2021-08-23"},
      {"23rd August 2021", "2021-08-23"},
      {"the 23rd of August 2021", "2021-08-23"},
      {"1st March 2020", "2020-03-01"},
      {"2nd March 2020", "2020-03-02"},
      {"3rd March 2020", "2020-03-03"},
      {"Monday, August 23, 2021", "2021-08-23"},
      {"Mon, Aug 23, 2021", "2021-08-23"},
      {"Tues., Aug. 24, 2021", "2021-08-24"},
      {"Thurs 26 August 2021", "2021-08-26"},
      {"AUGUST 23, 2021", "2021-08-23"},
      {"august 23, 2021", "2021-08-23"},
      {"on August 23, 2021", "2021-08-23"},
      {"December 31, 1999", "1999-12-31"},
      {"January 1, 2000", "2000-01-01"},
      {"February 29, 2020", "2020-02-29"},
      {"Feb 29, 2024", "2024-02-29"},
      {"2021 August 23", "2021-08-23"},
      {"August 23, 2021 10:05", "2021-08-23T10:05:00"},
      {"August 23, 2021 at 10:05 a.m.", "2021-08-23T10:05:00"},
      {"August 23, 2021 at 3:15 PM", "2021-08-23T15:15:00"},
      {"Aug 23, 2021, 12:30 am", "2021-08-23T00:30:00"},
      {"Aug 23, 2021 12:00 p.m. EDT", "2021-08-23T12:00:00-04:00"},
      {"Aug 23, 2021 5 pm", "2021-08-23T17:00:00"},
      {"Mon Aug 23 10:05:00 2021", "2021-08-23T10:05:00"},
      {"(August 23, 2021)", "2021-08-23"},
      {"August 23, 2021.", "2021-08-23"},
      {"Muharram 15, 1443 AH", "2021-08-23"},
      {"15 Muharram 1443", "2021-08-23"},
      {"10 Farvardin 1400", "2021-03-30"},
      {"Shahrivar 19, 1400", "2021-09-10"},
  });
}

TEST(Dates, Rfc2822) {
  run_cases({
      {"Mon, 23 Aug 2021 10:05:00 +0000", "2021-08-23T10:05:00Z"},
      {"Mon, 23 Aug 2021 10:05:00 GMT", "2021-08-23T10:05:00Z"},
      {"Mon, 23 Aug 2021 10:05:00 -0400", "2021-08-23T10:05:00-04:00"},
      {"Mon, 23 Aug 2021 10:05:00 +0430", "2021-08-23T10:05:00+04:30"},
      {"23 Aug 2021 10:05 EST", "2021-08-23T10:05:00-05:00"},
      {"Mon, 23 Aug 2021 10:05:00 UT", "2021-08-23T10:05:00Z"},
      {"Tue, 24 Aug 2021 23:59:59 PDT", "2021-08-24T23:59:59-07:00"},
      {"Wed, 1 Sep 2021 00:00:00 +0200", "2021-09-01T00:00:00+02:00"},
      {"Mon, 23 Aug 2021 10:05:00 UTC+3", "2021-08-23T10:05:00+03:00"},
      {"Mon, 23 Aug 2021 10:05:00 (UTC)", "2021-08-23T10:05:00Z"},
      {"Mon, 30 Feb 2021 10:05:00 +0000", nullptr},
      {"Mon, 23 Aug 2021 25:05:00 +0000", nullptr},
  });
}

TEST(Dates, Iso8601) {
  run_cases({
      {"2021-08-23", "2021-08-23"},
      {"  2021-08-23  ", "2021-08-23"},
      {"2021-08-23T10:05:00", "2021-08-23T10:05:00"},
      {"2021-08-23T10:05:00Z", "2021-08-23T10:05:00Z"},
      {"2021-08-23T10:05:00+04:30", "2021-08-23T10:05:00+04:30"},
      {"2021-08-23T10:05:00.123-05:00", "2021-08-23T10:05:00-05:00"},
      {"2021-08-23T10:05:00+0430", "2021-08-23T10:05:00+04:30"},
      {"2021-08-23T10:05Z", "2021-08-23T10:05:00Z"},
      {"2021-08-23 10:05:00", "2021-08-23T10:05:00"},
      {"2021-08-23T23:59:60Z", "2021-08-23T23:59:59Z"},
      {"2021-8-3", "2021-08-03"},
      {"2021/08/29", "2021-08-29"},
      {"2021.08.29", "2021-08-29"},
      {"2021-W33", "2021-08-16"},
      {"2021-W33-1", "2021-08-16"},
      {"2021-W33-7", "2021-08-22"},
      {"2020-W53-5", "2021-01-01"},
      {"2021-W53", nullptr},
      {"2021-W01-1", "2021-01-04"},
      {"2021-02-29", nullptr},
      {"2021-13-01", nullptr},
      {"2021-00-10", nullptr},
      {"2021-08-32", nullptr},
      {"2021-08-23T24:00:00", nullptr},
      {"2021-08-23T10:60", nullptr},
      {"2021-08-23X", nullptr},
      {"2020-02-29", "2020-02-29"},
      {"1900-02-29", nullptr},
      {"2000-02-29", "2000-02-29"},
  });
}

TEST(Dates, Numeric) {
  run_cases({
      {"23/08/2021", "2021-08-23"},
      {"08/23/2021", "2021-08-23"},
      {"23-08-2021", "2021-08-23"},
      {"23.08.2021", "2021-08-23"},
      {"3.4.2021", "2021-04-03"},  // dots are day.month.year
      {"03/04/2021", nullptr},     // ambiguous
      {"03-04-2021", nullptr},
      {"03/04/2021", "2021-04-03", DateOrder::dmy},
      {"03/04/2021", "2021-03-04", DateOrder::mdy},
      {"04/04/2021", "2021-04-04"},  // both orders agree
      {"13/04/2021", "2021-04-13"},
      {"04/13/2021", "2021-04-13"},
      {"13/13/2021", nullptr},
      {"23/08/21", nullptr},  // two-digit year needs an order
      {"23/08/21", "2021-08-23", DateOrder::dmy},
      {"08/23/21", "2021-08-23", DateOrder::mdy},
      {"21/08/23", "2021-08-23", DateOrder::ymd},
      {"23/08/99", "1999-08-23", DateOrder::dmy},
      {"23/08/2021 14:30", "2021-08-23T14:30:00"},
      {"23.08.2021 um 14:30 Uhr", "2021-08-23T14:30:00"},
      {"23/08/2021 14h30", "2021-08-23T14:30:00"},
      {"30/02/2021", nullptr},
      {"31/04/2021", nullptr},
      {"29/02/2020", "2020-02-29"},
      {"29/02/2021", nullptr},
      {"2021/02/30", nullptr},
  });
}

TEST(Dates, NoDate) {
  run_cases({
      {"", nullptr},
      {"   ", nullptr},
      {"hello", nullptr},
      {"1400 people", nullptr},
      {"1400", nullptr},
      {"2021", nullptr},
      {"in 2021", nullptr},
      {"August 2021", nullptr},
      {"August", nullptr},
      {"24/7", nullptr},
      {"version 2.1", nullptr},
      {"v2.1.3", nullptr},
      {"1.2.3", nullptr},
      {"192.168.1.1", nullptr},
      {"555-1234-5678", nullptr},
      {"+1 202 555 0143", nullptr},
      {"0912 345 6789", nullptr},
      {"10:05", nullptr},
      {"23 August", nullptr},  // no year and no reference
      {"August 23", nullptr},
      {"today", nullptr},
      {"yesterday", nullptr},
      {"February 30, 2021", nullptr},
      {"February 29, 2021", nullptr},
      {"April 31 2021", nullptr},
      {"31 June 2021", nullptr},
      {"0 August 2021", nullptr},
      {"32 August 2021", nullptr},
      {"August 23, 2021 and more text", nullptr},
      {"1,400,000", nullptr},
      {"3.14159", nullptr},
      {"12/2021", nullptr},
      {"2021-08", nullptr},
      {"20210823", nullptr},
      {"23 Augustus Caesar 2021", nullptr},
      {"\xff\xfe", nullptr},
      {"2021-08-23\xff", nullptr},
      {"99999999999999999999/08/2021", nullptr},
  });
}

// ---- European languages ------------------------------------------------------------

TEST(Dates, French) {
  run_cases({
      {"23 août 2021", "2021-08-23"},
      {"23 AOÛT 2021", "2021-08-23"},
      {"23 aout 2021", "2021-08-23"},
      {"1er août 2021", "2021-08-01"},
      {"1er septembre 2021", "2021-09-01"},
      {"lundi 23 août 2021", "2021-08-23"},
      {"Lundi 23 Août 2021", "2021-08-23"},
      {"le 23 août 2021", "2021-08-23"},
      {"23 janv. 2021", "2021-01-23"},
      {"23 févr. 2021", "2021-02-23"},
      {"23 fév 2021", "2021-02-23"},
      {"23 juil. 2021", "2021-07-23"},
      {"5 déc. 2021", "2021-12-05"},
      {"23 août 2021 à 10h05", "2021-08-23T10:05:00"},
      {"mardi 24 août 2021 à 18:30", "2021-08-24T18:30:00"},
      {"31 février 2021", nullptr},
  });
}

TEST(Dates, German) {
  run_cases({
      {"23. August 2021", "2021-08-23"},
      {"23 August 2021", "2021-08-23"},
      {"1. März 2021", "2021-03-01"},
      {"1. Maerz 2021", "2021-03-01"},  // Luxembourgish "Mäerz", from ICU's names
      {"1. Mrz. 2021", "2021-03-01"},
      {"Montag, 23. August 2021", "2021-08-23"},
      {"Montag, den 23. August 2021", "2021-08-23"},
      {"am 23. August 2021", "2021-08-23"},
      {"23. Dezember 2021", "2021-12-23"},
      {"3. Jänner 2021", "2021-01-03"},
      {"23. Okt. 2021", "2021-10-23"},
      {"23. August 2021, 10:05 Uhr", "2021-08-23T10:05:00"},
  });
}

TEST(Dates, Spanish) {
  run_cases({
      {"23 de agosto de 2021", "2021-08-23"},
      {"23 de agosto del 2021", "2021-08-23"},
      {"lunes, 23 de agosto de 2021", "2021-08-23"},
      {"1 de enero de 2021", "2021-01-01"},
      {"1º de enero de 2021", "2021-01-01"},
      {"23 ago. 2021", "2021-08-23"},
      {"12 de setiembre de 2021", "2021-09-12"},
      {"12 sept. 2021", "2021-09-12"},
      {"miércoles 1 de diciembre de 2021", "2021-12-01"},
      {"23 de agosto de 2021 a las 10:05", "2021-08-23T10:05:00"},
  });
}

TEST(Dates, ItalianPortugueseDutchSwedish) {
  run_cases({
      {"23 agosto 2021", "2021-08-23"},
      {"lunedì 23 agosto 2021", "2021-08-23"},
      {"1 gennaio 2021", "2021-01-01"},
      {"23 ago 2021", "2021-08-23"},
      {"23 set 2021", "2021-09-23", DateOrder::unspecified, "it"},
      {"23 ott. 2021", "2021-10-23"},
      {"23 de agosto de 2021", "2021-08-23", DateOrder::unspecified, "pt"},
      {"segunda-feira, 23 de agosto de 2021", "2021-08-23"},
      {"1º de março de 2021", "2021-03-01"},
      {"23 augustus 2021", "2021-08-23"},
      {"maandag 23 augustus 2021", "2021-08-23"},
      {"23 mrt. 2021", "2021-03-23"},
      {"1 mei 2021", "2021-05-01"},
      {"23 augusti 2021", "2021-08-23"},
      {"måndag 23 augusti 2021", "2021-08-23"},
      {"den 23 augusti 2021", "2021-08-23"},
      {"1 maj 2021", "2021-05-01"},
  });
}

TEST(Dates, AlbanianTurkishRussian) {
  run_cases({
      {"23 gusht 2021", "2021-08-23"},
      {"e hënë, 23 gusht 2021", "2021-08-23"},
      {"1 janar 2021", "2021-01-01"},
      {"23 nëntor 2021", "2021-11-23"},
      {"23 nentor 2021", "2021-11-23"},
      {"23 Ağustos 2021", "2021-08-23"},
      {"23 AĞUSTOS 2021", "2021-08-23"},
      {"23 Ağustos 2021 Pazartesi", "2021-08-23"},
      {"23 Ağustos 2021, Pazartesi", "2021-08-23"},
      {"Pazartesi, 23 Ağustos 2021", "2021-08-23"},
      {"1 Ocak 2021", "2021-01-01"},
      {"29 Ekim 2021", "2021-10-29"},
      {"23 августа 2021", "2021-08-23"},
      {"23 августа 2021 г.", "2021-08-23"},
      {"23 августа 2021 года", "2021-08-23"},
      {"1 марта 2021", "2021-03-01"},
      {"понедельник, 23 августа 2021", "2021-08-23"},
      {"23 авг. 2021", "2021-08-23"},
      {"23 Август 2021", "2021-08-23"},
      {"31 сентября 2021", nullptr},
  });
}

// ---- Persian, Arabic, Urdu --------------------------------------------------------------

TEST(Dates, PersianSolarHijri) {
  run_cases({
      {"۱۹ شهریور ۱۴۰۰", "2021-09-10"},
      {"19 شهریور 1400", "2021-09-10"},
      {"۱ فروردین ۱۴۰۰", "2021-03-21"},
      {"۲۹ اسفند ۱۳۹۹", "2021-03-19"},
      {"۳۰ اسفند ۱۳۹۹", "2021-03-20"},   // 1399 is a leap year
      {"۳۰ اسفند ۱۴۰۰", nullptr},        // 1400 is not
      {"۳۰ اسفند ۱۴۰۳", "2025-03-20"},   // 1403 is
      {"۱ فروردین ۱۴۰۴", "2025-03-21"},
      {"۳۲ شهریور ۱۴۰۰", nullptr},
      {"۳۱ مهر ۱۴۰۰", nullptr},          // months 7-11 have 30 days
      {"۳۰ مهر ۱۴۰۰", "2021-10-22"},
      {"۳۱ شهریور ۱۴۰۰", "2021-09-22"},
      {"یکشنبه ۱۹ شهریور ۱۴۰۰", "2021-09-10"},
      {"سه‌شنبه ۱ تیر ۱۴۰۰", "2021-06-22"},
      {"۱ دی ۱۴۰۰", "2021-12-22"},
      {"۱۱ بهمن ۱۴۰۰", "2022-01-31"},
      {"۱۹ شهریور ۱۴۰۰ ه.ش", "2021-09-10"},
      {"۱۹ شهریور ۱۴۰۰ هجری شمسی", "2021-09-10"},
      // A numeric year 1300-1500 is Solar Hijri with evidence: the language,
      // Persian digits; without any it is two readings, no date.
      {"1400/6/20", "2021-09-11", DateOrder::unspecified, "fa"},
      {"1400/6/20", nullptr},
      {"۱۴۰۰/۰۶/۲۰", "2021-09-11"},
      {"1400-06-20", "2021-09-11", DateOrder::unspecified, "fa-IR"},
      {"۱۳۹۹/۱۲/۳۰", "2021-03-20"},
      {"1400/12/30", nullptr},
      {"1400/12/30", nullptr, DateOrder::unspecified, "fa"},
      {"20/6/1400", "2021-09-11", DateOrder::unspecified, "fa"},
      {"20/6/1400", nullptr},
      {"۱ اردیبهشت ۱۴۰۰", "2021-04-21"},
      {"۱ اردی‌بهشت ۱۴۰۰", "2021-04-21"},
      {"۱۹ شهریور ۲۰۲۱", nullptr},
      {"۱۹ شهریور", nullptr},
  });
}

TEST(Dates, PersianGregorianMonths) {
  run_cases({
      {"۲۳ اوت ۲۰۲۱", "2021-08-23"},
      {"۲۳ آگوست ۲۰۲۱", "2021-08-23"},
      {"۱ ژوئیه ۲۰۲۱", "2021-07-01"},
      {"۱ جولای ۲۰۲۱", "2021-07-01"},
      {"۱ ژانویه ۲۰۲۱", "2021-01-01"},
      {"۱۵ مه ۲۰۲۱", "2021-05-15"},
      {"۱۵ می ۲۰۲۱", "2021-05-15"},
      {"۱۰ سپتامبر ۲۰۲۱", "2021-09-10"},
      {"۱۰ دسامبر ۲۰۲۱ میلادی", "2021-12-10"},
  });
}

TEST(Dates, Arabic) {
  run_cases({
      {"23 أغسطس 2021", "2021-08-23"},
      {"23 اغسطس 2021", "2021-08-23"},
      {"٢٣ أغسطس ٢٠٢١", "2021-08-23"},
      {"الاثنين 23 أغسطس 2021", "2021-08-23"},
      {"الاثنين، 23 أغسطس 2021", "2021-08-23"},
      {"23 آب 2021", "2021-08-23"},
      {"23 آب/أغسطس 2021", "2021-08-23"},
      {"1 كانون الثاني 2021", "2021-01-01"},
      {"1 كانون 2 2021", "2021-01-01"},
      {"25 كانون الأول 2021", "2021-12-25"},
      {"25 كانون الاول 2021", "2021-12-25"},
      {"10 تشرين الأول 2021", "2021-10-10"},
      {"10 تشرين 1 2021", "2021-10-10"},
      {"10 تشرين الثاني 2021", "2021-11-10"},
      {"5 أيار 2021", "2021-05-05"},
      {"5 ايار 2021", "2021-05-05"},
      {"5 ماي 2021", "2021-05-05"},
      {"5 جوان 2021", "2021-06-05"},
      {"5 يونيو 2021", "2021-06-05"},
      {"5 يونيه 2021", "2021-06-05"},
      {"23 أغسطس 2021م", "2021-08-23"},
      {"23 أغسطس 2021 م", "2021-08-23"},
      {"15 محرم 1443 هـ", "2021-08-23"},
      {"15 محرم 1443هـ", "2021-08-23"},
      {"15 محرم 1443", "2021-08-23"},
      {"1 رمضان 1442", "2021-04-13"},
      {"1 شوال 1442 هـ", "2021-05-13"},
      {"10 ذو الحجة 1442", "2021-07-20"},
      {"10 ذي الحجة 1442", "2021-07-20"},
      {"1 ربيع الأول 1443", "2021-10-07"},
      {"1 ربيع الاول 1443", "2021-10-07"},
      {"1 جمادى الأولى 1443", "2021-12-05"},
      {"30 صفر 1443", nullptr},  // Safar 1443 has 29 days (Umm al-Qura)
      {"1443/1/15 هـ", "2021-08-23"},
      {"15/1/1443 هـ", "2021-08-23"},
      {"15 محرم 2021", nullptr},
      {"23 أغسطس 1443 هـ", nullptr},
      {"الأحد 1 محرم 1443 هـ", "2021-08-09"},
  });
}

TEST(Dates, Urdu) {
  run_cases({
      {"23 اگست 2021", "2021-08-23"},
      {"۲۳ اگست ۲۰۲۱", "2021-08-23"},
      {"1 جنوری 2021", "2021-01-01"},
      {"پیر 23 اگست 2021", "2021-08-23"},
      {"15 محرم 1443", "2021-08-23", DateOrder::unspecified, "ur"},
  });
}

TEST(Dates, MoreLanguagesAndNegatives) {
  run_cases({
      {"31 settembre 2021", nullptr},
      {"1° maggio 2021", "2021-05-01"},
      {"1 giugno 2021", "2021-06-01"},
      {"31 de junho de 2021", nullptr},
      {"1 de dezembro de 2021", "2021-12-01"},
      {"15 out. 2021", "2021-10-15"},
      {"31 juni 2021", nullptr},
      {"1 okt. 2021", "2021-10-01"},
      {"29 februari 2021", nullptr},
      {"29 februari 2024", "2024-02-29"},
      {"onsdag 1 december 2021", "2021-12-01"},
      {"31 qershor 2021", nullptr},
      {"1 dhjetor 2021", "2021-12-01"},
      {"e premte, 3 shtator 2021", "2021-09-03"},
      {"31 Haziran 2021", nullptr},
      {"3 Eylül 2021 Cuma", "2021-09-03"},
      {"1 Kasım 2021", "2021-11-01"},
      {"30 февраля 2021", nullptr},
      {"1 января 2022 года", "2022-01-01"},
      {"суббота, 1 января 2022", "2022-01-01"},
      {"۱۵ مرداد ۱۴۰۰", "2021-08-06"},
      {"۱۵ امرداد ۱۴۰۰", "2021-08-06"},
      {"جمعه ۱۵ مرداد ۱۴۰۰", "2021-08-06"},
      {"۱۵ خرداد ۱۴۰۰ ساعت ۱۰:۳۰", "2021-06-05T10:30:00"},
      {"۱۴۰۰/۰۵/۱۵ ۱۰:۳۰", "2021-08-06T10:30:00"},
      {"یکشنبه، ۲۱ شهریور ۱۴۰۰", "2021-09-12"},
      {"10 رمضان 1442 هـ", "2021-04-22"},
      {"۲۰ رمضان ۱۴۴۲", "2021-05-02"},
      {"الجمعة 10 أيلول 2021", "2021-09-10"},
      {"10 أيلول/سبتمبر 2021", "2021-09-10"},
      {"31 نيسان 2021", nullptr},
      {"29 شباط 2024", "2024-02-29"},
      {"29 شباط 2021", nullptr},
      {"23 أغسطس 2021 الساعة 10:30", "2021-08-23T10:30:00"},
      {"10 سبتمبر 2021 م", "2021-09-10"},
      {"١٠/٩/٢٠٢١", nullptr},  // ambiguous
      {"١٠/٩/٢٠٢١", "2021-09-10", DateOrder::dmy},
      {"20 Ramadan 1442", "2021-05-02"},
      {"1 Dhuʻl-Hijjah 1442", "2021-07-11"},
      {"10 Dhu al-Hijjah 1442", "2021-07-20"},
      {"15 Rabiʻ I 1443", "2021-10-21"},
      {"3 Mehr 1400", "2021-09-25"},
      {"منگل 31 اگست 2021", "2021-08-31"},
      {"15 محرم 1443 هـ الموافق 23 أغسطس 2021 م", "2021-08-23"},
      {"15 محرم 1443 هـ الموافق 24 أغسطس 2021 م", nullptr},  // the two disagree
      {"۱۹ شهریور ۱۴۰۰ (10 September 2021)", "2021-09-10"},
      {"۱۹ شهریور ۱۴۰۰ برابر با ۱۰ سپتامبر ۲۰۲۱", "2021-09-10"},
      {"Published on 23 August 2021", "2021-08-23"},
      {"Updated: 2021-08-23", "2021-08-23"},
      {"publié le 23 août 2021", "2021-08-23"},
      {"2021-08-23T10:05:00.000Z", "2021-08-23T10:05:00Z"},
      {"Week 33", nullptr},
      {"Room 12, floor 3", nullptr},
      {"chapter 23 august", nullptr},
      {"3/4", nullptr},
      {"12:30", nullptr},
      {"5 pm", nullptr},
      {"2021 2022 2023", nullptr},
      {"1 2 3", nullptr},
      {"Mar", nullptr},
      {"August 23 2021 2022", nullptr},
  });
}

// ---- language hints -------------------------------------------------------------------------

TEST(Dates, LanguageHints) {
  run_cases({
      {"23 août 2021", "2021-08-23", DateOrder::unspecified, "fr"},
      {"23 août 2021", nullptr, DateOrder::unspecified, "en"},
      {"23 August 2021", "2021-08-23", DateOrder::unspecified, "de-DE"},
      {"23 August 2021", nullptr, DateOrder::unspecified, "fr"},
      {"2021-08-23", "2021-08-23", DateOrder::unspecified, "fr"},
      {"23/08/2021", "2021-08-23", DateOrder::unspecified, "xx"},
      // Only unsupported tags: detection, not "no names".
      {"23 August 2021", "2021-08-23", DateOrder::unspecified, "xx"},
      {"۱۹ شهریور ۱۴۰۰", "2021-09-10", DateOrder::unspecified, "fa-IR"},
      {"۱۹ شهریور ۱۴۰۰", nullptr, DateOrder::unspecified, "ar"},
  });
}

TEST(Dates, YearlessFormsDefaultToThePast) {
  DateParseOptions opt;
  opt.reference = Date(2021, 9, 1);
  DateParser p(opt);
  EXPECT_EQ(show(p.parse("December 30")), "2020-12-30");
  EXPECT_EQ(show(p.parse("1 September")), "2021-09-01") << "the reference day itself";
  EXPECT_EQ(show(p.parse("2 September")), "2020-09-02");
  EXPECT_EQ(show(p.parse("۱۹ شهریور")), "2020-09-09");
  opt.reference = Date(2023, 3, 1);
  EXPECT_EQ(show(DateParser(opt).parse("29 February")), "2020-02-29") << "the last leap day";
  opt.reference = Date(2012, 11, 13);
  EXPECT_EQ(show(DateParser(opt).parse("10 мая")), "2012-05-10");
}

TEST(Dates, ReferenceDateForYearlessForms) {
  DateParseOptions opt;
  opt.reference = Date(2021, 9, 1);
  opt.yearless = YearlessRule::nearest;
  DateParser p(opt);
  EXPECT_EQ(show(p.parse("23 August")), "2021-08-23");
  EXPECT_EQ(show(p.parse("August 23")), "2021-08-23");
  EXPECT_EQ(show(p.parse("23 août")), "2021-08-23");
  EXPECT_EQ(show(p.parse("December 30")), "2021-12-30");
  EXPECT_EQ(show(p.parse("۱۹ شهریور")), "2021-09-10");
  opt.reference = Date(2022, 1, 5);
  DateParser q(opt);
  EXPECT_EQ(show(q.parse("December 30")), "2021-12-30");
  EXPECT_EQ(show(q.parse("January 2")), "2022-01-02");
  EXPECT_EQ(show(q.parse("February 30")), "(none)");
  EXPECT_EQ(show(q.parse("23 August 20215")), "(none)");
}

TEST(Dates, DetailedResult) {
  DateParser p;
  auto m = p.parse_detailed("03/04/2021");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->ambiguous);
  EXPECT_FALSE(m->value);
  ASSERT_EQ(m->readings.size(), 2u);
  EXPECT_EQ(m->readings[0].date_iso(), "2021-04-03");
  EXPECT_EQ(m->readings[1].date_iso(), "2021-03-04");
  EXPECT_FALSE(p.parse("03/04/2021"));

  m = p.parse_detailed("  ۱۹ شهریور ۱۴۰۰ ");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->ambiguous);
  EXPECT_EQ(m->written.calendar, CalendarKind::persian);
  EXPECT_EQ(m->written.year, 1400);
  EXPECT_EQ(m->written.month, 6);
  EXPECT_EQ(m->written.day, 19);
  EXPECT_EQ(m->language, "fa");
  EXPECT_EQ(m->begin, 2u);
  EXPECT_EQ(m->end, std::string("  ۱۹ شهریور ۱۴۰۰").size());

  m = p.parse_detailed("15 محرم 1443 هـ");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->written.calendar, CalendarKind::islamic_umalqura);
  EXPECT_EQ(m->written.year, 1443);
  EXPECT_EQ(m->language, "ar");  // محرم is also Persian and Urdu: the letters decide
  m = p.parse_detailed("23 أغسطس 2021");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->language, "ar");

  m = p.parse_detailed("Monday, August 23, 2021");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->has_weekday);
  EXPECT_FALSE(m->weekday_mismatch);
  EXPECT_EQ(m->language, "en");
  EXPECT_EQ(m->begin, 0u);
  m = p.parse_detailed("onsdag 1 december 2021");  // the weekday is Swedish
  ASSERT_TRUE(m);
  EXPECT_EQ(m->language, "sv");
  m = p.parse_detailed("منگل 31 اگست 2021");  // منگل is Urdu
  ASSERT_TRUE(m);
  EXPECT_EQ(m->language, "ur");
  m = p.parse_detailed("۲۰ رمضان ۱۴۴۲");  // Persian digits
  ASSERT_TRUE(m);
  EXPECT_EQ(m->language, "fa");
  m = p.parse_detailed("Friday, August 23, 2021");
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->weekday_mismatch);
  EXPECT_EQ(m->value->date_iso(), "2021-08-23");

  m = p.parse_detailed("2021-08-23T10:05:00Z");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->written.calendar, CalendarKind::gregorian);
  EXPECT_EQ(m->language, "");
}

TEST(Dates, FindDates) {
  DateParser p;
  std::string text =
      "Published Aug 28, 2021 by the desk; 1400 people came 24/7, call 555-0123. "
      "Version 2.1 shipped on 2021/08/29 and the report of ۱۹ شهریور ۱۴۰۰ follows "
      "(see 03/04/2021). Meeting: 23 août 2021 à 10h05.";
  auto found = p.find_dates(text);
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].value->date_iso(), "2021-08-28");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "Aug 28, 2021");
  EXPECT_EQ(found[1].value->date_iso(), "2021-08-29");
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "2021/08/29");
  EXPECT_EQ(found[2].value->date_iso(), "2021-09-10");
  EXPECT_EQ(text.substr(found[2].begin, found[2].end - found[2].begin), "۱۹ شهریور ۱۴۰۰");
  EXPECT_TRUE(found[3].ambiguous);
  EXPECT_EQ(found[4].value->to_iso(), "2021-08-23T10:05:00");
  EXPECT_EQ(text.substr(found[4].begin, found[4].end - found[4].begin), "23 août 2021 à 10h05");

  for (const char* none : {"1400 people", "open 24/7", "call +1 202 555 0143 now",
                           "version 2.1.3 of 12 tools", "192.168.1.1", "pi is 3.14159",
                           "from 1998 to 2021", "about 1,400,000 people"}) {
    EXPECT_TRUE(p.find_dates(none).empty()) << none;
  }
  auto two = p.find_dates("15 محرم 1443 هـ الموافق 23 أغسطس 2021 م");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].value->date_iso(), "2021-08-23");
  EXPECT_EQ(two[1].value->date_iso(), "2021-08-23");
}

// ---- calendars ------------------------------------------------------------------------------

TEST(Calendars, PersianNowruzAndLeapYears) {
  struct Nowruz {
    int persian_year;
    Date gregorian;
  };
  for (const auto& n : std::vector<Nowruz>{{1390, Date(2011, 3, 21)},
                                           {1395, Date(2016, 3, 20)},
                                           {1398, Date(2019, 3, 21)},
                                           {1399, Date(2020, 3, 20)},
                                           {1400, Date(2021, 3, 21)},
                                           {1401, Date(2022, 3, 21)},
                                           {1402, Date(2023, 3, 21)},
                                           {1403, Date(2024, 3, 20)},
                                           {1404, Date(2025, 3, 21)}}) {
    auto g = to_gregorian({CalendarKind::persian, n.persian_year, 1, 1});
    ASSERT_TRUE(g) << n.persian_year;
    EXPECT_EQ(*g, n.gregorian) << n.persian_year;
    auto back = from_gregorian(n.gregorian, CalendarKind::persian);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, (CalendarDate{CalendarKind::persian, n.persian_year, 1, 1}));
    // The day before Nowruz is the last of Esfand.
    auto eve = from_gregorian(n.gregorian - boost::gregorian::days(1), CalendarKind::persian);
    ASSERT_TRUE(eve);
    EXPECT_EQ(eve->year, n.persian_year - 1);
    EXPECT_EQ(eve->month, 12);
    EXPECT_EQ(eve->day, days_in_month(CalendarKind::persian, n.persian_year - 1, 12));
  }
  // Leap years of the 33-year cycle around now.
  for (int y : {1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408})
    EXPECT_EQ(days_in_month(CalendarKind::persian, y, 12), 30) << y;
  for (int y : {1396, 1397, 1398, 1400, 1401, 1402, 1404, 1405})
    EXPECT_EQ(days_in_month(CalendarKind::persian, y, 12), 29) << y;
  for (int m = 1; m <= 6; ++m) EXPECT_EQ(days_in_month(CalendarKind::persian, 1400, m), 31);
  for (int m = 7; m <= 11; ++m) EXPECT_EQ(days_in_month(CalendarKind::persian, 1400, m), 30);
  // Month boundaries.
  EXPECT_EQ(*to_gregorian({CalendarKind::persian, 1400, 6, 31}), Date(2021, 9, 22));
  EXPECT_EQ(*to_gregorian({CalendarKind::persian, 1400, 7, 1}), Date(2021, 9, 23));
  EXPECT_EQ(*to_gregorian({CalendarKind::persian, 1400, 10, 11}), Date(2022, 1, 1));
  EXPECT_FALSE(to_gregorian({CalendarKind::persian, 1400, 7, 31}));
  EXPECT_FALSE(to_gregorian({CalendarKind::persian, 1400, 13, 1}));
  EXPECT_FALSE(to_gregorian({CalendarKind::persian, 1700, 1, 1}));
}

TEST(Calendars, UmmAlQura) {
  // 1 Muharram (Islamic new year) per Umm al-Qura.
  struct NewYear {
    int year;
    Date gregorian;
  };
  for (const auto& n : std::vector<NewYear>{{1440, Date(2018, 9, 11)},
                                            {1441, Date(2019, 8, 31)},
                                            {1442, Date(2020, 8, 20)},
                                            {1443, Date(2021, 8, 9)},
                                            {1444, Date(2022, 7, 30)},
                                            {1445, Date(2023, 7, 19)}}) {
    auto g = to_gregorian({CalendarKind::islamic_umalqura, n.year, 1, 1});
    ASSERT_TRUE(g) << n.year;
    EXPECT_EQ(*g, n.gregorian) << n.year;
    auto back = from_gregorian(n.gregorian, CalendarKind::islamic_umalqura);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->year, n.year);
    EXPECT_EQ(back->month, 1);
    EXPECT_EQ(back->day, 1);
    auto eve = from_gregorian(n.gregorian - boost::gregorian::days(1),
                              CalendarKind::islamic_umalqura);
    ASSERT_TRUE(eve);
    EXPECT_EQ(eve->year, n.year - 1);
    EXPECT_EQ(eve->month, 12);
  }
  // Ramadan 1442 started 2021-04-13, Shawwal 1442 on 2021-05-13.
  EXPECT_EQ(*to_gregorian({CalendarKind::islamic_umalqura, 1442, 9, 1}), Date(2021, 4, 13));
  EXPECT_EQ(*to_gregorian({CalendarKind::islamic_umalqura, 1442, 10, 1}), Date(2021, 5, 13));
  EXPECT_EQ(days_in_month(CalendarKind::islamic_umalqura, 1442, 9), 30);
  for (int m = 1; m <= 12; ++m) {
    int len = days_in_month(CalendarKind::islamic_umalqura, 1443, m);
    EXPECT_TRUE(len == 29 || len == 30) << m;
  }
  EXPECT_FALSE(to_gregorian({CalendarKind::islamic_umalqura, 1443, 1, 31}));
  EXPECT_FALSE(to_gregorian({CalendarKind::islamic_umalqura, 1200, 1, 1}));
}

TEST(Calendars, GregorianRoundTripEveryDay) {
  // Every day of 2020-2022 round-trips through both calendars.
  for (Date d(2020, 1, 1); d <= Date(2022, 12, 31); d += boost::gregorian::days(1)) {
    for (auto cal : {CalendarKind::persian, CalendarKind::islamic_umalqura}) {
      auto c = from_gregorian(d, cal);
      ASSERT_TRUE(c) << boost::gregorian::to_iso_extended_string(d);
      auto g = to_gregorian(*c);
      ASSERT_TRUE(g);
      EXPECT_EQ(*g, d);
    }
  }
}

// ---- internals ------------------------------------------------------------------------------

TEST(Dates, AsciiFastPathMatchesNormalizer) {
  for (const char* w : {"August", "AUG", "sept", "Mon", "PM", "gmt", "ThuRs", "de", "Z", "a"}) {
    std::string fast;
    dates_detail::append_word_key(w, fast);
    auto key = Normalizer::shared().search_key(w);
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(fast, key.value()) << w;
  }
}

TEST(Dates, ConcurrentUse) {
  DateParser p;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!p.parse("۱۹ شهریور ۱۴۰۰") || !p.parse("Aug 28, 2021") ||
            !p.parse("15 محرم 1443 هـ"))
          ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

// Month and weekday names of every language ICU has, beyond the 14 with
// hand-added spellings: read by detection, reported by language, and
// ambiguous when two languages give one word two months.
TEST(Dates, EveryIcuLanguage) {
  EXPECT_GT(supported_date_languages().size(), 150u);
  EXPECT_EQ(supported_date_languages()[0], "en");
  struct Named {
    const char* text;
    const char* expected;
    const char* language;
  };
  DateParser detect;
  for (const Named& c : std::vector<Named>{
           {"23 sierpnia 2021", "2021-08-23", "pl"},
           {"wtorek, 24 sierpnia 2021", "2021-08-24", "pl"},
           {"23 серпня 2021", "2021-08-23", "uk"},
           {"23 Αυγούστου 2021", "2021-08-23", "el"},
           {"15. listopadu 2021", "2021-11-15", "cs"},
           {"2021. augusztus 23.", "2021-08-23", "hu"},
           {"23. elokuuta 2021", "2021-08-23", "fi"},
           {"23 Agustus 2021", "2021-08-23", "id"},
           {"23 Agosti 2021", "2021-08-23", "sw"},
           {"23. kolovoza 2021.", "2021-08-23", "hr"},
           {"२३ अगस्त २०२१", "2021-08-23", "hi"},
           {"23 ஆகஸ்ட் 2021", "2021-08-23", "ta"},
           {"23 สิงหาคม 2564", "2021-08-23", "th"},  // Buddhist era
       }) {
    auto m = detect.parse_detailed(c.text);
    ASSERT_TRUE(m && m->value) << c.text;
    EXPECT_EQ(m->value->date_iso(), c.expected) << c.text;
    EXPECT_EQ(m->language, c.language) << c.text;
  }
  // Czech November, Croatian October: two readings without a language.
  auto both = detect.parse_detailed("15 listopad 2021");
  ASSERT_TRUE(both);
  EXPECT_TRUE(both->ambiguous);
  run_cases({
      {"15 listopad 2021", "2021-10-15", DateOrder::unspecified, "hr"},
      {"15 listopad 2021", "2021-11-15", DateOrder::unspecified, "cs"},
      // Short abbreviations of other languages are read when asked for...
      {"23 sie 2021", "2021-08-23", DateOrder::unspecified, "pl"},
      // ...not by detection, where short words collide with other words.
      {"23 sie 2021", nullptr},
      {"Met Aug 28, 2021", nullptr},
      // A core meaning wins in detection: "mar" is March.
      {"3 mar 2021", "2021-03-03"},
  });
  // A language hint without names of its own falls back to detection.
  run_cases({{"23 sierpnia 2021", "2021-08-23", DateOrder::unspecified, "zz"}});
}
