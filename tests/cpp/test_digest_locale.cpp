// Digest locales: ICU's day, period, month and count forms for the digest
// languages (exact strings, as ICU 72 gives them: its intervals put thin
// spaces, U+2009, around the dash), the label table, right-to-left
// detection, the title template and the option names.
#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <string>
#include <thread>
#include <vector>

#include "digest/digest.hpp"

using namespace digest;

namespace {

Period period(std::string_view text) {
  PeriodOptions o;
  o.reference = Date(2021, 9, 15);
  auto p = parse_period(text, o);
  EXPECT_TRUE(p.ok()) << text;
  return p.ok() ? p.value() : Period{};
}

struct Expected {
  const char* locale;
  const char* day;       // 2021-09-10
  const char* week;      // 2021-W36: 2021-09-06 .. 2021-09-12
  const char* crossing;  // 2021-08-30 .. 2021-09-05
  const char* month;     // 2021-08
  const char* persian;   // 1400-06 (Shahrivar)
  const char* count;     // 1234
};

const Expected kExpected[] = {
    {"en", "Sep 10, 2021", "Sep 6\u2009–\u200912, 2021", "Aug 30\u2009–\u2009Sep 5, 2021", "August 2021",
     "Shahrivar 1400 AP", "1,234"},
    {"fa", "۱۹ شهریور ۱۴۰۰", "۱۵ تا ۲۱ شهریور ۱۴۰۰", "۸ تا ۱۴ شهریور ۱۴۰۰", "اوت ۲۰۲۱",
     "شهریور ۱۴۰۰", "۱٬۲۳۴"},
    {"ar", "١٠ سبتمبر ٢٠٢١", "٦–١٢ سبتمبر، ٢٠٢١", "٣٠ أغسطس – ٥ سبتمبر، ٢٠٢١", "أغسطس ٢٠٢١",
     "شهرفار ١٤٠٠ ه‍.ش", "١٬٢٣٤"},
    {"fr", "10 sept. 2021", "6–12 sept. 2021", "30 août\u2009–\u20095 sept. 2021", "août 2021",
     "šahrivar 1400 A. P.", "1\u202F234"},
    {"de", "10. Sept. 2021", "6.–12. Sept. 2021", "30. Aug.\u2009–\u20095. Sept. 2021", "August 2021",
     "Schahriwar 1400 AP", "1.234"},
    {"es", "10 sept 2021", "6–12 sept 2021", "30 ago\u2009–\u20095 sept 2021", "agosto de 2021",
     "shahrivar de 1400 AP", "1.234"},
};

}  // namespace

TEST(DigestLocaleFormat, DaysPeriodsMonthsAndCounts) {
  const Period week = period("2021-W36"), crossing = period("2021-08-30/2021-09-05"),
               month = period("2021-08"), persian = period("1400-06");
  for (const Expected& e : kExpected) {
    SCOPED_TRACE(e.locale);
    EXPECT_EQ(format_day(Date(2021, 9, 10), e.locale), e.day);
    EXPECT_EQ(format_period(week, e.locale), e.week);
    EXPECT_EQ(format_period(crossing, e.locale), e.crossing);
    EXPECT_EQ(format_period(month, e.locale), e.month);
    EXPECT_EQ(format_period(persian, e.locale), e.persian);
    EXPECT_EQ(format_count(1234, e.locale), e.count);
  }
}

TEST(DigestLocaleFormat, CalendarsRegionsAndEdges) {
  const Date d(2021, 9, 10);
  // Either calendar in any locale.
  EXPECT_EQ(format_day(d, "en", PeriodCalendar::persian), "Shahrivar 19, 1400 AP");
  EXPECT_EQ(format_day(d, "fa", PeriodCalendar::gregorian), "۱۰ سپتامبر ۲۰۲۱");
  EXPECT_EQ(format_day(d, "fa", PeriodCalendar::persian), "۱۹ شهریور ۱۴۰۰");
  EXPECT_EQ(format_day(d, "en-u-ca-persian"), "Shahrivar 19, 1400 AP");
  // Regions and spellings of the tag.
  EXPECT_EQ(format_day(d, "fa-IR"), "۱۹ شهریور ۱۴۰۰");
  EXPECT_EQ(format_day(d, "ar_EG"), "١٠ سبتمبر ٢٠٢١");
  EXPECT_EQ(format_day(d, "EN-us"), "Sep 10, 2021");
  // Across a year end, one day, the Nowruz month.
  EXPECT_EQ(format_period(period("2021-12-27/2022-01-02"), "en"), "Dec 27, 2021\u2009–\u2009Jan 2, 2022");
  EXPECT_EQ(format_period(period("2021-09-10"), "en"), "Sep 10, 2021");
  EXPECT_EQ(format_period(period("1400-01"), "fa"), "فروردین ۱۴۰۰");
  EXPECT_EQ(format_period(period("1400-01"), "en"), "Farvardin 1400 AP");
  // Days before 1582 are proleptic Gregorian, as Boost counts them.
  EXPECT_EQ(format_day(Date(1400, 3, 1), "en"), "Mar 1, 1400");
  EXPECT_EQ(format_period(*range_period(Date(1400, 3, 1), Date(1400, 3, 7)), "en"),
            "Mar 1\u2009–\u20097, 1400");
  EXPECT_EQ(format_day(Date(9999, 12, 31), "en"), "Dec 31, 9999");
  // Unknown, empty and broken tags: English, never a crash.
  const std::vector<std::string> broken = {"xx", "", "\xff\xfe", std::string("fa\0IR", 5),
                                           "en@calendar=foo", std::string(10000, 'a'), "-", "_",
                                           "fa--IR", "\xe2\x80\xae" "fa"};
  for (const std::string& tag : broken) {
    EXPECT_EQ(format_day(d, tag), "Sep 10, 2021") << tag.substr(0, 16);
    EXPECT_EQ(format_count(7, tag), "7");
    EXPECT_FALSE(format_period(period("2021-W36"), tag).empty());
  }
  EXPECT_EQ(format_day(Date(boost::gregorian::not_a_date_time), "en"), "");
  EXPECT_EQ(format_count(0, "fa"), "۰");
  EXPECT_EQ(format_count(SIZE_MAX, "en"), "18,446,744,073,709,551,615");
}

TEST(DigestLocaleFormat, SameFromManyThreads) {
  const std::vector<std::string> tags = {"en", "fa", "ar", "fr", "de", "es"};
  std::vector<std::string> expected;
  for (const auto& t : tags) expected.push_back(format_day(Date(2021, 9, 10), t) + "|" +
                                                format_period(period("2021-W36"), t));
  std::vector<int> bad(4, 0);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int round = 0; round < 50; ++round)
        for (std::size_t i = 0; i < tags.size(); ++i) {
          const std::size_t j = (i + std::size_t(k)) % tags.size();
          Period w{Date(2021, 9, 6), Date(2021, 9, 12), "2021-W36", PeriodKind::iso_week};
          if (format_day(Date(2021, 9, 10), tags[j]) + "|" + format_period(w, tags[j]) !=
              expected[j])
            ++bad[std::size_t(k)];
        }
    });
  for (auto& t : threads) t.join();
  for (int b : bad) EXPECT_EQ(b, 0);
}

TEST(DigestLocaleRtl, ByLanguageAndScript) {
  for (const char* rtl : {"ar", "fa", "he", "iw", "ur", "ps", "ckb", "sd", "ug", "yi", "dv",
                          "syr", "fa-IR", "ar_EG", "AR", "he-IL", "ku-Arab", "pa-Arab",
                          "az-Arab-IR", "en-Hebr", "ff-Adlm", "ar-u-nu-arab"})
    EXPECT_TRUE(is_right_to_left(rtl)) << rtl;
  for (const char* ltr : {"", "en", "fr", "de", "es", "ku", "tr", "uz-Latn", "ar-Latn",
                          "sd-Deva", "az-Latn-IR", "zh-Hant", "en-x-arab", "xx", "-", "a_",
                          "ar-", "\xff", "arabic"})
    EXPECT_FALSE(is_right_to_left(ltr)) << ltr;
}

TEST(DigestLocaleLabels, SixLanguagesEveryField) {
  for (const char* tag : {"en", "fr", "de", "es", "fa", "ar"}) {
    const DigestLabels& l = digest_labels(tag);
    SCOPED_TRACE(tag);
    EXPECT_EQ(l.locale, tag);
    EXPECT_EQ(l.right_to_left, is_right_to_left(tag));
    for (const std::string* s :
         {&l.weekly, &l.monthly, &l.digest, &l.posted, &l.published, &l.also_in,
          &l.other_sources, &l.other_entities, &l.stories, &l.no_posts, &l.post_one,
          &l.post_many, &l.source_one, &l.source_many, &l.by, &l.from_to, &l.list_separator})
      EXPECT_FALSE(s->empty());
    EXPECT_NE(l.from_to.find("{first}"), std::string::npos);
    EXPECT_NE(l.from_to.find("{last}"), std::string::npos);
  }
  EXPECT_EQ(digest_labels("en").weekly, "Weekly Digest");
  EXPECT_EQ(digest_labels("fa").weekly, "خلاصهٔ هفتگی");
  EXPECT_EQ(digest_labels("fa").list_separator, "، ");
  EXPECT_EQ(digest_labels("ar").weekly, "الملخص الأسبوعي");
  // Regions and case pick the language; unknown languages get English.
  EXPECT_EQ(digest_labels("fa-IR").locale, "fa");
  EXPECT_EQ(digest_labels("ar_EG").locale, "ar");
  EXPECT_EQ(digest_labels("FR-ca").locale, "fr");
  EXPECT_EQ(&digest_labels("de-AT"), &digest_labels("de"));
  for (const char* other : {"he", "xx", "", "\xff", "english"})
    EXPECT_EQ(digest_labels(other).locale, "en") << other;
}

TEST(DigestLocaleTitle, DefaultsByKind) {
  EXPECT_EQ(*fill_title("", period("2021-W36"), "en", 0), "Weekly Digest – Sep 12, 2021");
  EXPECT_EQ(*fill_title("", period("P7D/2021-09-10"), "fa", 0), "خلاصهٔ هفتگی – ۱۹ شهریور ۱۴۰۰");
  EXPECT_EQ(*fill_title("", period("2021-08"), "en", 0), "Monthly Digest – August 2021");
  EXPECT_EQ(*fill_title("", period("1400-06"), "fa", 0), "خلاصهٔ ماهانه – شهریور ۱۴۰۰");
  EXPECT_EQ(*fill_title("", period("2021-08-12/18"), "en", 0), "Digest – Aug 12\u2009–\u200918, 2021");
  EXPECT_EQ(*fill_title("", period("last-7-days"), "en", 0), "Digest – Sep 8\u2009–\u200914, 2021");
  EXPECT_EQ(*fill_title("", period("2021-09-10"), "de", 0), "Presseschau – 10. Sept. 2021");
  EXPECT_EQ(*fill_title("", period("2021-W36"), "xx", 0), "Weekly Digest – Sep 12, 2021");
}

TEST(DigestLocaleTitle, PlaceholdersEscapesAndErrors) {
  const Period w = period("2021-W36");
  EXPECT_EQ(*fill_title("{period}|{first}|{last}|{label}|{count}", w, "en", 1234),
            "Sep 6\u2009–\u200912, 2021|Sep 6, 2021|Sep 12, 2021|2021-W36|1,234");
  EXPECT_EQ(*fill_title("{count} مطلب در {period}", w, "fa", 12),
            "۱۲ مطلب در ۱۵ تا ۲۱ شهریور ۱۴۰۰");
  EXPECT_EQ(*fill_title("{{label}} is {label}", w, "en", 0), "{label} is 2021-W36");
  EXPECT_EQ(*fill_title("}}{{", w, "en", 0), "}{");
  EXPECT_EQ(*fill_title("plain", w, "en", 0), "plain");
  struct Bad {
    const char* text;
    std::size_t offset;
  };
  for (const Bad& b : {Bad{"{nope}", 0}, Bad{"a {period", 2}, Bad{"a } b", 2}, Bad{"{", 0},
                       Bad{"}", 0}, Bad{"x{per{iod}", 1}, Bad{"{Period}", 0}, Bad{"{}", 0},
                       Bad{"ok {count} {label }", 11}, Bad{"{{{", 2}}) {
    auto r = fill_title(b.text, w, "en", 1);
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument) << b.text;
    EXPECT_EQ(r.error().offset.value_or(999), b.offset) << b.text;
    EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
  }
  // The placeholder is named in the message, escaped.
  auto r = fill_title("{\xe2\x80\xae}", w, "en", 1);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("\\u202e"), std::string::npos) << r.error().message;
}

TEST(DigestLocaleOptions, NamesRoundTrip) {
  for (GroupBy g : {GroupBy::none, GroupBy::source, GroupBy::entity, GroupBy::story})
    EXPECT_EQ(group_by_from_name(group_by_name(g)), g);
  for (Rank r : {Rank::date, Rank::newest, Rank::outlets, Rank::entities})
    EXPECT_EQ(rank_from_name(rank_name(r)), r);
  EXPECT_EQ(group_by_name(GroupBy::entity), "entity");
  EXPECT_EQ(rank_name(Rank::outlets), "outlets");
  EXPECT_EQ(group_by_from_name("flat"), GroupBy::none);
  EXPECT_EQ(group_by_from_name("Source"), GroupBy::source);
  EXPECT_EQ(rank_from_name("oldest"), Rank::date);
  EXPECT_EQ(rank_from_name("NEWEST"), Rank::newest);
  for (const char* bad : {"", "sources", "date ", "none\n", "\xff"}) {
    EXPECT_FALSE(group_by_from_name(bad).has_value()) << bad;
    EXPECT_FALSE(rank_from_name(bad).has_value()) << bad;
  }
}
