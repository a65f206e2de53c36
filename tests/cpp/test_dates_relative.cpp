// Relative dates ("yesterday", "3 hours ago", "il y a deux jours", "منذ
// ساعتين", "last Monday") in the 14 date languages, read against a fixed
// reference: Monday 2021-08-23 at 10:00. Phrases that name a period or no
// count are no date, and without a reference nothing relative is a date.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "digest/dates.hpp"

using namespace digest;

namespace {

struct Case {
  const char* text;
  const char* expected;  // ISO date/date-time, or nullptr for no date
  const char* language = nullptr;  // DateMatch::language, when checked
};

DateParseOptions reference_options() {
  DateParseOptions opt;
  opt.reference = Date(2021, 8, 23);  // a Monday
  opt.reference_seconds = 10 * 3600;
  return opt;
}

std::string show(const std::optional<DateMatch>& m) {
  if (!m) return "(none)";
  if (!m->value) return "(ambiguous)";
  return m->value->to_iso();
}

void run_cases(const std::vector<Case>& cases, DateParseOptions opt = reference_options()) {
  DateParser parser(opt);
  for (const auto& c : cases) {
    auto m = parser.parse_detailed(c.text);
    if (!c.expected) {
      EXPECT_FALSE(m.has_value()) << "text: " << c.text << " gave " << show(m);
      continue;
    }
    EXPECT_EQ(show(m), c.expected) << "text: " << c.text;
    if (!m) continue;
    EXPECT_TRUE(m->relative) << "text: " << c.text;
    if (c.language) EXPECT_EQ(m->language, c.language) << "text: " << c.text;
  }
}

}  // namespace

TEST(DatesRelative, English) {
  run_cases({
      {"today", "2021-08-23", "en"},
      {"Yesterday", "2021-08-22", "en"},
      {"the day before yesterday", "2021-08-21"},
      {"day before yesterday", "2021-08-21"},
      {"tomorrow", "2021-08-24"},
      {"the day after tomorrow", "2021-08-25"},
      {"3 days ago", "2021-08-20", "en"},
      {"Three weeks ago", "2021-08-02"},
      {"a week ago", "2021-08-16"},
      {"2 months ago", "2021-06-23"},
      {"one year ago", "2020-08-23"},
      {"an hour ago", "2021-08-23T09:00:00"},
      {"5 minutes ago", "2021-08-23T09:55:00"},
      {"30 seconds ago", "2021-08-23T09:59:30"},
      {"12 hours ago", "2021-08-22T22:00:00"},
      {"in 3 days", "2021-08-26"},
      {"last Monday", "2021-08-16", "en"},
      {"last Friday", "2021-08-20"},
      {"last Sunday", "2021-08-22"},
      {"Last Tues.", "2021-08-17"},
      {"this past Saturday", "2021-08-21"},
  });
}

TEST(DatesRelative, French) {
  run_cases({
      {"aujourd'hui", "2021-08-23", "fr"},
      {"aujourd\u2019hui", "2021-08-23"},
      {"hier", "2021-08-22"},
      {"avant-hier", "2021-08-21"},
      {"demain", "2021-08-24"},
      {"après-demain", "2021-08-25"},
      {"il y a 2 jours", "2021-08-21", "fr"},
      {"Il y a deux jours", "2021-08-21"},
      {"il y a une semaine", "2021-08-16"},
      {"il y a 3 heures", "2021-08-23T07:00:00"},
      {"il y a 20 minutes", "2021-08-23T09:40:00"},
      {"il y a un an", "2020-08-23"},
      {"il y a 2 mois", "2021-06-23"},
      {"dans 2 jours", "2021-08-25"},
      {"lundi dernier", "2021-08-16", "fr"},
      {"vendredi dernier", "2021-08-20"},
      {"le mardi dernier", "2021-08-17"},
  });
}

TEST(DatesRelative, German) {
  run_cases({
      {"heute", "2021-08-23", "de"},
      {"gestern", "2021-08-22"},
      {"vorgestern", "2021-08-21"},
      {"übermorgen", "2021-08-25"},
      {"vor 3 Tagen", "2021-08-20", "de"},
      {"vor drei Tagen", "2021-08-20"},
      {"vor einer Woche", "2021-08-16"},
      {"vor einem Monat", "2021-07-23"},
      {"vor 2 Jahren", "2019-08-23"},
      {"vor 10 Minuten", "2021-08-23T09:50:00"},
      {"vor einer Stunde", "2021-08-23T09:00:00"},
      {"in 3 Tagen", "2021-08-26"},
      {"letzten Freitag", "2021-08-20", "de"},
      {"vergangenen Montag", "2021-08-16"},
      {"am vergangenen Sonntag", "2021-08-22"},
  });
}

TEST(DatesRelative, Spanish) {
  run_cases({
      {"hoy", "2021-08-23", "es"},
      {"ayer", "2021-08-22"},
      {"anteayer", "2021-08-21"},
      {"antier", "2021-08-21"},
      {"antes de ayer", "2021-08-21"},
      {"pasado mañana", "2021-08-25"},
      {"hace 2 días", "2021-08-21", "es"},
      {"hace dos semanas", "2021-08-09"},
      {"hace un año", "2020-08-23"},
      {"hace 3 horas", "2021-08-23T07:00:00"},
      {"3 días atrás", "2021-08-20"},
      {"dentro de 2 días", "2021-08-25"},
      {"el lunes pasado", "2021-08-16", "es"},
      {"viernes pasado", "2021-08-20"},
      {"el pasado sábado", "2021-08-21"},
  });
}

TEST(DatesRelative, Italian) {
  run_cases({
      {"oggi", "2021-08-23", "it"},
      {"ieri", "2021-08-22"},
      {"l'altro ieri", "2021-08-21"},
      {"l\u2019altroieri", "2021-08-21"},
      {"altroieri", "2021-08-21"},
      {"domani", "2021-08-24"},
      {"dopodomani", "2021-08-25"},
      {"2 giorni fa", "2021-08-21", "it"},
      {"tre settimane fa", "2021-08-02"},
      {"un anno fa", "2020-08-23"},
      {"un'ora fa", "2021-08-23T09:00:00"},
      {"lunedì scorso", "2021-08-16", "it"},
      {"domenica scorsa", "2021-08-22"},
      {"lo scorso venerdì", "2021-08-20"},
  });
}

TEST(DatesRelative, Portuguese) {
  run_cases({
      {"hoje", "2021-08-23", "pt"},
      {"ontem", "2021-08-22"},
      {"anteontem", "2021-08-21"},
      {"amanhã", "2021-08-24"},
      {"depois de amanhã", "2021-08-25"},
      {"há 3 dias", "2021-08-20", "pt"},
      {"há uma semana", "2021-08-16"},
      {"3 dias atrás", "2021-08-20"},
      {"faz 2 anos", "2019-08-23"},
      {"há 2 horas", "2021-08-23T08:00:00"},
      {"segunda-feira passada", "2021-08-16", "pt"},
      {"na sexta-feira passada", "2021-08-20"},
      {"no sábado passado", "2021-08-21"},
  });
}

TEST(DatesRelative, Dutch) {
  run_cases({
      {"vandaag", "2021-08-23", "nl"},
      {"gisteren", "2021-08-22"},
      {"eergisteren", "2021-08-21"},
      {"overmorgen", "2021-08-25"},
      {"2 dagen geleden", "2021-08-21", "nl"},
      {"een week geleden", "2021-08-16"},
      {"drie jaar geleden", "2018-08-23"},
      {"een uur geleden", "2021-08-23T09:00:00"},
      {"5 minuten geleden", "2021-08-23T09:55:00"},
      {"afgelopen maandag", "2021-08-16", "nl"},
      {"vorige vrijdag", "2021-08-20"},
      {"zondag jongstleden", "2021-08-22"},
  });
}

TEST(DatesRelative, Swedish) {
  run_cases({
      {"idag", "2021-08-23", "sv"},
      {"i dag", "2021-08-23"},
      {"igår", "2021-08-22"},
      {"i går", "2021-08-22"},
      {"i förrgår", "2021-08-21"},
      {"imorgon", "2021-08-24"},
      {"för 3 dagar sedan", "2021-08-20", "sv"},
      {"för en vecka sedan", "2021-08-16"},
      {"för två år sedan", "2019-08-23"},
      {"för en timme sedan", "2021-08-23T09:00:00"},
      {"i måndags", "2021-08-16", "sv"},
      {"i fredags", "2021-08-20"},
      {"i söndags", "2021-08-22"},
  });
}

TEST(DatesRelative, Albanian) {
  run_cases({
      {"sot", "2021-08-23", "sq"},
      {"dje", "2021-08-22"},
      {"pardje", "2021-08-21"},
      {"nesër", "2021-08-24"},
      {"2 ditë më parë", "2021-08-21", "sq"},
      {"dy ditë më parë", "2021-08-21"},
      {"para 2 ditësh", "2021-08-21"},
      {"një javë më parë", "2021-08-16"},
      {"3 orë më parë", "2021-08-23T07:00:00"},
      {"para një viti", "2020-08-23"},
      {"të hënën e kaluar", "2021-08-16", "sq"},
      {"të premten e kaluar", "2021-08-20"},
  });
}

TEST(DatesRelative, Turkish) {
  run_cases({
      {"bugün", "2021-08-23", "tr"},
      {"dün", "2021-08-22"},
      {"evvelsi gün", "2021-08-21"},
      {"önceki gün", "2021-08-21"},
      {"yarın", "2021-08-24"},
      {"2 gün önce", "2021-08-21", "tr"},
      {"iki gün önce", "2021-08-21"},
      {"bir hafta önce", "2021-08-16"},
      {"3 saat önce", "2021-08-23T07:00:00"},
      {"5 dakika önce", "2021-08-23T09:55:00"},
      {"bir yıl önce", "2020-08-23"},
      {"geçen pazartesi", "2021-08-16", "tr"},
      {"geçen cuma", "2021-08-20"},
      {"geçtiğimiz pazar günü", "2021-08-22"},
  });
}

TEST(DatesRelative, Russian) {
  run_cases({
      {"сегодня", "2021-08-23", "ru"},
      {"вчера", "2021-08-22"},
      {"позавчера", "2021-08-21"},
      {"завтра", "2021-08-24"},
      {"послезавтра", "2021-08-25"},
      {"3 дня назад", "2021-08-20", "ru"},
      {"5 минут назад", "2021-08-23T09:55:00"},
      {"неделю назад", "2021-08-16"},
      {"час назад", "2021-08-23T09:00:00"},
      {"два года назад", "2019-08-23"},
      {"2 месяца тому назад", "2021-06-23"},
      {"через 2 дня", "2021-08-25"},
      {"в прошлый понедельник", "2021-08-16", "ru"},
      {"в прошлую среду", "2021-08-18"},
      {"в прошлую пятницу", "2021-08-20"},
      {"в прошлое воскресенье", "2021-08-22"},
  });
}

TEST(DatesRelative, Persian) {
  run_cases({
      {"امروز", "2021-08-23", "fa"},
      {"دیروز", "2021-08-22"},
      {"روز گذشته", "2021-08-22"},
      {"پریروز", "2021-08-21"},
      {"فردا", "2021-08-24"},
      {"پس‌فردا", "2021-08-25"},
      {"2 روز پیش", "2021-08-21", "fa"},
      {"دو روز پیش", "2021-08-21"},
      {"۳ ساعت پیش", "2021-08-23T07:00:00"},
      {"۲ روز قبل", "2021-08-21"},
      {"یک هفته پیش", "2021-08-16"},
      {"دوشنبه گذشته", "2021-08-16", "fa"},
      {"جمعه گذشته", "2021-08-20"},
      {"دوشنبه هفته گذشته", "2021-08-16"},
  });
}

TEST(DatesRelative, Arabic) {
  run_cases({
      {"اليوم", "2021-08-23", "ar"},
      {"أمس", "2021-08-22"},
      {"امس", "2021-08-22"},
      {"البارحة", "2021-08-22"},
      {"أول أمس", "2021-08-21"},
      {"غداً", "2021-08-24"},
      {"منذ 3 أيام", "2021-08-20", "ar"},
      {"منذ ٣ أيام", "2021-08-20"},
      {"قبل 3 أيام", "2021-08-20"},
      {"منذ ثلاثة أيام", "2021-08-20"},
      {"منذ ساعتين", "2021-08-23T08:00:00"},
      {"منذ يومين", "2021-08-21"},
      {"منذ ساعة", "2021-08-23T09:00:00"},
      {"منذ أسبوعين", "2021-08-09"},
      {"الاثنين الماضي", "2021-08-16", "ar"},
      {"يوم الجمعة الماضي", "2021-08-20"},
  });
}

TEST(DatesRelative, Urdu) {
  run_cases({
      {"آج", "2021-08-23", "ur"},
      {"گزشتہ روز", "2021-08-22"},
      {"3 دن پہلے", "2021-08-20", "ur"},
      {"۳ دن پہلے", "2021-08-20"},
      {"دو دن پہلے", "2021-08-21"},
      {"2 گھنٹے پہلے", "2021-08-23T08:00:00"},
      {"ایک ہفتہ پہلے", "2021-08-16"},
      {"2 سال پہلے", "2019-08-23"},
      {"پچھلے پیر", "2021-08-16", "ur"},
      {"گزشتہ جمعہ", "2021-08-20"},
  });
}

// Periods, counts without a number, a unit without "ago", and words that
// mean both yesterday and tomorrow are no date.
TEST(DatesRelative, NotRead) {
  run_cases({
      {"last week", nullptr},
      {"last month", nullptr},
      {"last year", nullptr},
      {"a few days ago", nullptr},
      {"few days ago", nullptr},
      {"days ago", nullptr},
      {"3 days", nullptr},
      {"ago", nullptr},
      {"last", nullptr},
      {"1.5 hours ago", nullptr},
      {"la semaine dernière", nullptr},
      {"il y a quelques jours", nullptr},
      {"letzte Woche", nullptr},
      {"vor einigen Tagen", nullptr},
      {"la semana pasada", nullptr},
      {"hace unos días", nullptr},
      {"la settimana scorsa", nullptr},
      {"vorige week", nullptr},
      {"förra veckan", nullptr},
      {"javën e kaluar", nullptr},
      {"geçen hafta", nullptr},
      {"birkaç gün önce", nullptr},
      {"на прошлой неделе", nullptr},
      {"несколько дней назад", nullptr},
      {"هفته گذشته", nullptr},
      {"دقایقی پیش", nullptr},
      {"الأسبوع الماضي", nullptr},
      {"منذ دقائق", nullptr},
      {"منذ أيام", nullptr},
      {"منذ عام 2015", nullptr},
      {"کل", nullptr},
      {"گزشتہ ہفتے", nullptr},
      {"گزشتہ ہفتہ", nullptr},
  });
}

TEST(DatesRelative, NeedsReference) {
  DateParseOptions none;
  run_cases({{"yesterday", nullptr}, {"3 days ago", nullptr}, {"last Monday", nullptr},
             {"منذ ساعتين", nullptr}},
            none);
  // Hours and minutes need the reference's time of day too.
  DateParseOptions day_only;
  day_only.reference = Date(2021, 8, 23);
  run_cases({{"3 hours ago", nullptr}, {"3 days ago", "2021-08-20"}}, day_only);
}

TEST(DatesRelative, LanguageMask) {
  DateParseOptions fr = reference_options();
  fr.languages = {"fr"};
  run_cases({{"hier", "2021-08-22", "fr"},
             {"il y a 2 jours", "2021-08-21"},
             {"yesterday", nullptr},
             {"3 days ago", nullptr},
             {"last Monday", nullptr}},
            fr);
  // A pattern reads only words of its own language.
  run_cases({{"il y a 2 days", nullptr}, {"vor 3 días", nullptr}, {"last lundi", nullptr}});
}

// Months and years back keep the day, within the month's length.
TEST(DatesRelative, MonthEnds) {
  DateParseOptions opt;
  opt.reference = Date(2021, 3, 31);
  run_cases({{"a month ago", "2021-02-28"}, {"2 months ago", "2021-01-31"}}, opt);
  opt.reference = Date(2020, 2, 29);
  run_cases({{"a year ago", "2019-02-28"}, {"4 years ago", "2016-02-29"}}, opt);
}

TEST(DatesRelative, FindDates) {
  DateParser parser(reference_options());
  std::string text = "Posted 3 hours ago by the desk; updated yesterday.";
  auto found = parser.find_dates(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "3 hours ago");
  EXPECT_TRUE(found[0].relative);
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "yesterday");
  // "the past 3 days" in Persian is not yesterday.
  EXPECT_TRUE(parser.find_dates("در ۳ روز گذشته").empty());
  // Two days before the elections, not before the reference.
  EXPECT_TRUE(parser.find_dates("قبل يومين من الانتخابات").empty());
  EXPECT_TRUE(parser.find_dates("دو روز قبل از انتخابات").empty());
}

// In running text with no language given, a word that is "yesterday" or
// "today" in one core language and an everyday word in another is not read;
// as the whole text, or with the language given, it is.
TEST(DatesRelative, WordsOfOtherLanguagesInProse) {
  DateParser parser(reference_options());
  EXPECT_TRUE(parser.find_dates("Wir sind hier seit Montag nicht gewesen.").empty());
  EXPECT_TRUE(parser.find_dates("Het papier is dun en wit.").empty());
  EXPECT_TRUE(parser.find_dates("Il n'est pas sot du tout.").empty());
  auto found = parser.find_dates("Ich war hier am 23. August 2021.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].relative);
  EXPECT_EQ(show(parser.parse_detailed("hier")), "2021-08-22");
  DateParseOptions fr = reference_options();
  fr.languages = {"fr"};
  auto in_french = DateParser(fr).find_dates("Il est parti hier soir.");
  ASSERT_EQ(in_french.size(), 1u);
  EXPECT_EQ(in_french[0].value->date_iso(), "2021-08-22");
}
