// Month, weekday and marker names, read once from ICU's locale data (format
// and stand-alone contexts, wide and abbreviated widths, so genitive forms
// such as Russian "августа" come with them) plus the spellings writers use
// that ICU lacks. Every key goes through the Normalizer.
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include "dates/internal.hpp"
#include "digest/normalize.hpp"

namespace digest::dates_detail {

const std::array<const char*, kLanguageCount> kLanguages = {
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "sq", "tr", "ru", "fa", "ar", "ur"};

namespace {

int language_index(std::string_view lang) {
  for (int i = 0; i < kLanguageCount; ++i) {
    if (lang == kLanguages[static_cast<std::size_t>(i)]) return i;
  }
  return -1;
}

std::uint32_t bit(const char* lang) {
  int i = language_index(lang);
  return i < 0 ? 0u : (1u << i);
}

// The languages ICU has names for beyond the core ones, read from its
// language (and language_Script) locales: Polish, Ukrainian, Greek,
// Vietnamese, Swahili, ... Every one with real names (not the root
// locale's "M01") joins the table with its own language bit.
constexpr int kMaxLanguages = LangSet::kCapacity;

constexpr std::uint8_t kGreg = static_cast<std::uint8_t>(CalendarKind::gregorian);
constexpr std::uint8_t kPers = static_cast<std::uint8_t>(CalendarKind::persian);
constexpr std::uint8_t kHijr = static_cast<std::uint8_t>(CalendarKind::islamic_umalqura);

// ICU locales read for each language and calendar.
struct IcuSource {
  const char* language;
  const char* locale;
  std::uint8_t calendar;
};
constexpr IcuSource kIcuSources[] = {
    {"en", "en@calendar=gregorian", kGreg},
    {"fr", "fr@calendar=gregorian", kGreg},
    {"fr", "fr_CA@calendar=gregorian", kGreg},
    {"de", "de@calendar=gregorian", kGreg},
    {"de", "de_AT@calendar=gregorian", kGreg},
    {"es", "es@calendar=gregorian", kGreg},
    {"es", "es_419@calendar=gregorian", kGreg},
    {"it", "it@calendar=gregorian", kGreg},
    {"pt", "pt@calendar=gregorian", kGreg},
    {"pt", "pt_PT@calendar=gregorian", kGreg},
    {"nl", "nl@calendar=gregorian", kGreg},
    {"sv", "sv@calendar=gregorian", kGreg},
    {"sq", "sq@calendar=gregorian", kGreg},
    {"tr", "tr@calendar=gregorian", kGreg},
    {"ru", "ru@calendar=gregorian", kGreg},
    {"fa", "fa@calendar=gregorian", kGreg},
    {"fa", "fa_AF@calendar=gregorian", kGreg},
    {"ar", "ar@calendar=gregorian", kGreg},
    {"ar", "ar_SY@calendar=gregorian", kGreg},
    {"ar", "ar_IQ@calendar=gregorian", kGreg},
    {"ar", "ar_LB@calendar=gregorian", kGreg},
    {"ar", "ar_JO@calendar=gregorian", kGreg},
    {"ar", "ar_DZ@calendar=gregorian", kGreg},
    {"ar", "ar_TN@calendar=gregorian", kGreg},
    {"ar", "ar_MA@calendar=gregorian", kGreg},
    {"ar", "ar_EG@calendar=gregorian", kGreg},
    {"ur", "ur@calendar=gregorian", kGreg},
    {"fa", "fa@calendar=persian", kPers},
    {"fa", "fa_AF@calendar=persian", kPers},
    {"en", "en@calendar=persian", kPers},
    {"ar", "ar@calendar=islamic-umalqura", kHijr},
    {"fa", "fa@calendar=islamic-umalqura", kHijr},
    {"ur", "ur@calendar=islamic-umalqura", kHijr},
    {"en", "en@calendar=islamic-umalqura", kHijr},
    {"tr", "tr@calendar=islamic-umalqura", kHijr},
};

// Spellings ICU lacks. Month 1..12 in its calendar.
struct ExtraMonth {
  const char* language;
  std::uint8_t calendar;
  std::uint8_t month;
  const char* name;
};
constexpr ExtraMonth kExtraMonths[] = {
    // English
    {"en", kGreg, 9, "Sept"}, {"en", kGreg, 6, "Jun"}, {"en", kGreg, 7, "Jul"},
    // French, German, Spanish, Dutch, Swedish, Italian abbreviations
    {"fr", kGreg, 2, "fév"}, {"fr", kGreg, 2, "fevr"}, {"fr", kGreg, 7, "juill"},
    {"fr", kGreg, 9, "sep"}, {"fr", kGreg, 12, "déc"},
    {"de", kGreg, 3, "Mrz"}, {"de", kGreg, 9, "Sept"}, {"de", kGreg, 1, "Jänner"},
    {"es", kGreg, 9, "sep"}, {"es", kGreg, 9, "setiembre"}, {"es", kGreg, 9, "set"},
    {"nl", kGreg, 9, "sept"}, {"nl", kGreg, 3, "maa"},
    {"sv", kGreg, 9, "sept"},
    {"it", kGreg, 9, "sett"},
    {"pt", kGreg, 9, "sep"},
    {"tr", kGreg, 2, "Şub"}, {"tr", kGreg, 8, "Ağu"},
    {"ru", kGreg, 9, "сен"}, {"ru", kGreg, 3, "март"}, {"ru", kGreg, 3, "марта"},
    // Persian spellings of Gregorian months
    {"fa", kGreg, 1, "ژانویه"}, {"fa", kGreg, 1, "ژانویهٔ"}, {"fa", kGreg, 1, "جنوری"},
    {"fa", kGreg, 2, "فوریه"}, {"fa", kGreg, 2, "فبروری"},
    {"fa", kGreg, 3, "مارچ"},
    {"fa", kGreg, 4, "آوریل"}, {"fa", kGreg, 4, "اپریل"}, {"fa", kGreg, 4, "آپریل"},
    {"fa", kGreg, 5, "مه"}, {"fa", kGreg, 5, "می"}, {"fa", kGreg, 5, "مهٔ"},
    {"fa", kGreg, 6, "ژوئن"}, {"fa", kGreg, 6, "جون"},
    {"fa", kGreg, 7, "ژوئیه"}, {"fa", kGreg, 7, "جولای"}, {"fa", kGreg, 7, "ژوییه"},
    {"fa", kGreg, 8, "اوت"}, {"fa", kGreg, 8, "آگوست"}, {"fa", kGreg, 8, "اگوست"},
    {"fa", kGreg, 9, "سپتامبر"}, {"fa", kGreg, 10, "اکتبر"}, {"fa", kGreg, 10, "اکتوبر"},
    {"fa", kGreg, 11, "نوامبر"}, {"fa", kGreg, 11, "نومبر"}, {"fa", kGreg, 12, "دسامبر"},
    // Persian solar months: variants
    {"fa", kPers, 2, "اردی‌بهشت"}, {"fa", kPers, 2, "اردی بهشت"}, {"fa", kPers, 5, "امرداد"},
    // Arabic: Levantine names with and without the article, numbered forms,
    // Egyptian and Maghrebi spellings, spellings without hamza
    {"ar", kGreg, 1, "كانون الثاني"}, {"ar", kGreg, 1, "كانون ثاني"}, {"ar", kGreg, 1, "كانون 2"},
    {"ar", kGreg, 2, "شباط"}, {"ar", kGreg, 3, "آذار"}, {"ar", kGreg, 3, "اذار"},
    {"ar", kGreg, 4, "نيسان"}, {"ar", kGreg, 5, "أيار"}, {"ar", kGreg, 5, "ايار"},
    {"ar", kGreg, 6, "حزيران"}, {"ar", kGreg, 7, "تموز"}, {"ar", kGreg, 8, "آب"},
    {"ar", kGreg, 8, "اب"}, {"ar", kGreg, 9, "أيلول"}, {"ar", kGreg, 9, "ايلول"},
    {"ar", kGreg, 10, "تشرين الأول"}, {"ar", kGreg, 10, "تشرين الاول"},
    {"ar", kGreg, 10, "تشرين أول"}, {"ar", kGreg, 10, "تشرين اول"}, {"ar", kGreg, 10, "تشرين 1"},
    {"ar", kGreg, 11, "تشرين الثاني"}, {"ar", kGreg, 11, "تشرين ثاني"}, {"ar", kGreg, 11, "تشرين 2"},
    {"ar", kGreg, 12, "كانون الأول"}, {"ar", kGreg, 12, "كانون الاول"},
    {"ar", kGreg, 12, "كانون أول"}, {"ar", kGreg, 12, "كانون اول"}, {"ar", kGreg, 12, "كانون 1"},
    {"ar", kGreg, 4, "ابريل"}, {"ar", kGreg, 4, "إبريل"}, {"ar", kGreg, 6, "يونيه"},
    {"ar", kGreg, 7, "يوليه"}, {"ar", kGreg, 8, "اغسطس"}, {"ar", kGreg, 8, "أغسطس"},
    {"ar", kGreg, 10, "اكتوبر"}, {"ar", kGreg, 8, "اوت"}, {"ar", kGreg, 4, "افريل"},
    {"ar", kGreg, 2, "فبراير"}, {"ar", kGreg, 12, "ديسمبر"}, {"ar", kGreg, 12, "دجنبر"},
    {"ar", kGreg, 11, "نونبر"}, {"ar", kGreg, 7, "يوليوز"}, {"ar", kGreg, 8, "غشت"},
    {"ar", kGreg, 9, "شتنبر"},
    // Hijri months in Arabic
    {"ar", kHijr, 1, "محرم"}, {"ar", kHijr, 1, "محرم الحرام"}, {"ur", kHijr, 1, "محرم الحرام"},
    {"fa", kHijr, 1, "محرم الحرام"}, {"ar", kHijr, 2, "صفر"},
    {"ar", kHijr, 3, "ربيع الأول"}, {"ar", kHijr, 3, "ربيع الاول"}, {"ar", kHijr, 3, "ربيع أول"},
    {"ar", kHijr, 3, "ربيع اول"},
    {"ar", kHijr, 4, "ربيع الآخر"}, {"ar", kHijr, 4, "ربيع الاخر"}, {"ar", kHijr, 4, "ربيع الثاني"},
    {"ar", kHijr, 4, "ربيع ثاني"},
    {"ar", kHijr, 5, "جمادى الأولى"}, {"ar", kHijr, 5, "جمادى الاولى"}, {"ar", kHijr, 5, "جمادى الأول"},
    {"ar", kHijr, 5, "جمادى الاول"}, {"ar", kHijr, 5, "جمادى أولى"},
    {"ar", kHijr, 6, "جمادى الآخرة"}, {"ar", kHijr, 6, "جمادى الاخرة"}, {"ar", kHijr, 6, "جمادى الثانية"},
    {"ar", kHijr, 6, "جمادى الثاني"}, {"ar", kHijr, 6, "جمادى الآخر"}, {"ar", kHijr, 6, "جمادى الاخر"},
    {"ar", kHijr, 7, "رجب"}, {"ar", kHijr, 8, "شعبان"}, {"ar", kHijr, 9, "رمضان"},
    {"ar", kHijr, 10, "شوال"},
    {"ar", kHijr, 11, "ذو القعدة"}, {"ar", kHijr, 11, "ذي القعدة"}, {"ar", kHijr, 11, "ذوالقعدة"},
    {"ar", kHijr, 11, "ذو القعده"},
    {"ar", kHijr, 12, "ذو الحجة"}, {"ar", kHijr, 12, "ذي الحجة"}, {"ar", kHijr, 12, "ذوالحجة"},
    {"ar", kHijr, 12, "ذو الحجه"},
    // Hijri months in Persian
    {"fa", kHijr, 3, "ربیع‌الاول"}, {"fa", kHijr, 3, "ربیع الاول"}, {"fa", kHijr, 4, "ربیع‌الثانی"},
    {"fa", kHijr, 4, "ربیع الثانی"}, {"fa", kHijr, 4, "ربیع‌الآخر"},
    {"fa", kHijr, 5, "جمادی‌الاول"}, {"fa", kHijr, 5, "جمادی‌الاولی"}, {"fa", kHijr, 5, "جمادی الاول"},
    {"fa", kHijr, 5, "جمادی الاولی"},
    {"fa", kHijr, 6, "جمادی‌الثانی"}, {"fa", kHijr, 6, "جمادی‌الثانیه"}, {"fa", kHijr, 6, "جمادی الثانی"},
    {"fa", kHijr, 6, "جمادی‌الآخر"},
    {"fa", kHijr, 11, "ذی‌القعده"}, {"fa", kHijr, 11, "ذیقعده"}, {"fa", kHijr, 11, "ذی القعده"},
    {"fa", kHijr, 12, "ذی‌الحجه"}, {"fa", kHijr, 12, "ذیحجه"}, {"fa", kHijr, 12, "ذی الحجه"},
    // Hijri months in English transliteration
    {"en", kHijr, 3, "Rabi al-Awwal"}, {"en", kHijr, 3, "Rabi' al-Awwal"}, {"en", kHijr, 3, "Rabi I"},
    {"en", kHijr, 4, "Rabi al-Thani"}, {"en", kHijr, 4, "Rabi al-Akhir"}, {"en", kHijr, 4, "Rabi' al-Thani"},
    {"en", kHijr, 4, "Rabi II"},
    {"en", kHijr, 5, "Jumada al-Awwal"}, {"en", kHijr, 5, "Jumada al-Ula"}, {"en", kHijr, 5, "Jumada I"},
    {"en", kHijr, 6, "Jumada al-Thani"}, {"en", kHijr, 6, "Jumada al-Akhirah"}, {"en", kHijr, 6, "Jumada II"},
    {"en", kHijr, 8, "Shaban"}, {"en", kHijr, 8, "Sha'ban"},
    {"en", kHijr, 11, "Dhu al-Qadah"}, {"en", kHijr, 11, "Dhu al-Qi'dah"}, {"en", kHijr, 11, "Dhul Qadah"},
    {"en", kHijr, 11, "Dhul-Qadah"}, {"en", kHijr, 11, "Dhu'l-Qa'dah"},
    {"en", kHijr, 12, "Dhu al-Hijjah"}, {"en", kHijr, 12, "Dhul Hijjah"}, {"en", kHijr, 12, "Dhul-Hijjah"},
    {"en", kHijr, 12, "Dhu'l-Hijjah"},
};

struct ExtraWeekday {
  const char* language;
  std::uint8_t weekday;  // 0 = Sunday
  const char* name;
};
constexpr ExtraWeekday kExtraWeekdays[] = {
    {"en", 2, "Tues"}, {"en", 4, "Thurs"}, {"en", 4, "Thur"}, {"en", 3, "Weds"},
    {"fa", 0, "یک شنبه"}, {"fa", 0, "یک‌شنبه"}, {"fa", 1, "دو شنبه"}, {"fa", 1, "دوشنبه"},
    {"fa", 2, "سه شنبه"}, {"fa", 2, "سه‌شنبه"}, {"fa", 2, "سهشنبه"},
    {"fa", 3, "چهار شنبه"}, {"fa", 3, "چهارشنبه"}, {"fa", 4, "پنج شنبه"}, {"fa", 4, "پنج‌شنبه"},
    {"ar", 0, "أحد"}, {"ar", 1, "اثنين"}, {"ar", 1, "الإثنين"}, {"ar", 1, "الأثنين"},
    {"ar", 2, "ثلاثاء"}, {"ar", 3, "أربعاء"}, {"ar", 4, "خميس"}, {"ar", 5, "جمعة"}, {"ar", 6, "سبت"},
    {"ur", 5, "جمعه"},
    {"ru", 1, "пнд"}, {"ru", 2, "втр"}, {"ru", 3, "срд"}, {"ru", 4, "чтв"}, {"ru", 5, "птн"},
    {"ru", 6, "сбт"}, {"ru", 0, "вск"},
    {"sv", 1, "mån"}, {"sv", 2, "tis"}, {"sv", 3, "ons"}, {"sv", 4, "tors"}, {"sv", 5, "fre"},
    {"sv", 6, "lör"}, {"sv", 0, "sön"},
};

// Days written as Persian ordinal words: 1..20 and 30 as one word, the
// others as "tens و unit" ("بیست و سوم", 23rd).
struct OrdinalDay {
  std::uint8_t day;
  const char* name;
};
constexpr OrdinalDay kPersianOrdinalUnits[] = {
    {1, "یکم"}, {1, "اول"}, {2, "دوم"}, {3, "سوم"}, {4, "چهارم"}, {5, "پنجم"},
    {6, "ششم"}, {7, "هفتم"}, {8, "هشتم"}, {9, "نهم"},
};
constexpr OrdinalDay kPersianOrdinalWords[] = {
    {10, "دهم"}, {11, "یازدهم"}, {12, "دوازدهم"}, {13, "سیزدهم"}, {14, "چهاردهم"},
    {15, "پانزدهم"}, {15, "پونزدهم"}, {16, "شانزدهم"}, {17, "هفدهم"}, {17, "هیفدهم"},
    {18, "هجدهم"}, {18, "هیجدهم"}, {19, "نوزدهم"}, {20, "بیستم"}, {30, "سی ام"},
    {30, "سی‌ام"}, {30, "سیام"}, {30, "سی اُم"},
};

struct MarkerWord {
  const char* name;
  std::uint32_t markers;
};
const MarkerWord kMarkers[] = {
    {"st", kOrdinal}, {"nd", kOrdinal}, {"rd", kOrdinal}, {"th", kOrdinal},
    {"er", kOrdinal}, {"re", kOrdinal}, {"e", kOrdinal}, {"eme", kOrdinal}, {"ème", kOrdinal},
    {"º", kOrdinal}, {"ª", kOrdinal}, {"o", kOrdinal},
    {"de", kOfConnector}, {"del", kOfConnector}, {"of", kOfConnector},
    {"on", kFiller}, {"the", kFiller}, {"le", kFiller}, {"am", kFiller | kAm},
    {"el", kFiller}, {"il", kFiller}, {"den", kFiller}, {"op", kFiller}, {"em", kFiller},
    {"published", kFiller}, {"updated", kFiller}, {"posted", kFiller}, {"dated", kFiller},
    {"date", kFiller}, {"publié", kFiller}, {"publiée", kFiller}, {"mis à jour", kFiller},
    {"veröffentlicht", kFiller}, {"aktualisiert", kFiller}, {"publicado", kFiller},
    {"actualizado", kFiller}, {"pubblicato", kFiller}, {"aggiornato", kFiller},
    {"gepubliceerd", kFiller}, {"publicerad", kFiller}, {"yayınlanma", kFiller},
    {"опубликовано", kFiller}, {"обновлено", kFiller}, {"منتشر شده", kFiller},
    {"انتشار", kFiller}, {"نشر", kFiller}, {"نشر في", kFiller}, {"تاريخ", kFiller},
    {"تاريخ النشر", kFiller}, {"تاریخ انتشار", kFiller},
    {"در", kFiller}, {"في", kFiller}, {"فى", kFiller}, {"بتاريخ", kFiller}, {"تاریخ", kFiller},
    {"م", kEraGregorian | kPm}, {"ميلادي", kEraGregorian}, {"ميلادية", kEraGregorian},
    {"میلادی", kEraGregorian}, {"ad", kEraGregorian}, {"ce", kEraGregorian},
    {"г", kEraGregorian}, {"года", kEraGregorian}, {"год", kEraGregorian},
    {"هـ", kEraHijri}, {"ه", kEraHijri}, {"هجري", kEraHijri}, {"هجرية", kEraHijri},
    {"هجری قمری", kEraHijri}, {"ه ق", kEraHijri}, {"هـ ق", kEraHijri}, {"ق", kEraHijri},
    {"قمری", kEraHijri}, {"ah", kEraHijri}, {"a h", kEraHijri},
    {"ش", kEraPersian}, {"ه ش", kEraPersian}, {"هـ ش", kEraPersian}, {"هجری شمسی", kEraPersian},
    {"شمسی", kEraPersian}, {"خورشیدی", kEraPersian}, {"sh", kEraPersian}, {"ap", kEraPersian},
    {"pm", kPm}, {"a m", kAm}, {"p m", kPm}, {"ق ظ", kAm}, {"ب ظ", kPm}, {"ص", kAm},
    {"صباحا", kAm}, {"مساء", kPm}, {"مساءً", kPm},
    {"году", kEraGregorian}, {"гг", kEraGregorian},
    // Year words of other languages (Polish "r.", Ukrainian "р.", Czech and
    // Slovak "roku"), Vietnamese "ngày … năm", Persian "ماه" after a month.
    {"r", kEraGregorian}, {"roku", kEraGregorian}, {"р", kEraGregorian},
    {"року", kEraGregorian}, {"ngay", kFiller}, {"nam", kOfConnector},
    {"ماه", kOfConnector}, {"ھ", kEraHijri},
    // CJK dates and times: 2021年9月15日, 2021년 9월 15일, 10時15分.
    {"年", kCjkYear}, {"月", kCjkMonth}, {"日", kCjkDay}, {"号", kCjkDay},
    {"년", kCjkYear}, {"월", kCjkMonth}, {"일", kCjkDay},
    {"時", kTimeSuffix}, {"时", kTimeSuffix}, {"시", kTimeSuffix},
    {"分", kMinuteWord}, {"분", kMinuteWord},
    // Time words of other languages.
    {"klo", kTimeWord}, {"pukul", kTimeWord}, {"luc", kTimeWord}, {"kello", kTimeWord},
    {"v", kTimeWord}, {"o", kTimeWord},
    {"at", kTimeWord}, {"à", kTimeWord}, {"um", kTimeWord}, {"alle", kTimeWord},
    {"en", kTimeWord}, {"a las", kTimeWord}, {"kl", kTimeWord | kTimeVocabulary},
    {"klockan", kTimeWord | kTimeVocabulary}, {"صبح", kAm}, {"بعد از ظهر", kPm},
    {"بعدازظهر", kPm}, {"عصر", kPm},
    {"ora", kTimeWord | kTimeVocabulary}, {"о", kTimeWord},
    {"om", kTimeWord}, {"kl", kTimeWord}, {"saat", kTimeWord}, {"às", kTimeWord},
    {"a las", kTimeWord}, {"a la", kTimeWord}, {"ore", kTimeWord}, {"ساعت", kTimeWord},
    {"الساعة", kTimeWord}, {"в", kTimeWord | kOfConnector},
    {"uhr", kTimeSuffix}, {"h", kTimeSuffix}, {"hs", kTimeSuffix}, {"hrs", kTimeSuffix},
    {"fm", kAm}, {"f m", kAm}, {"em", kFiller | kPm}, {"e m", kPm}, {"vorm", kAm},
    {"nachm", kPm}, {"пп", kPm}, {"дп", kAm},
    {"min", kMinuteWord}, {"mins", kMinuteWord}, {"mn", kMinuteWord}, {"minute", kMinuteWord},
    {"minutes", kMinuteWord}, {"minuten", kMinuteWord}, {"minutos", kMinuteWord},
    {"minuti", kMinuteWord}, {"minuter", kMinuteWord}, {"dakika", kMinuteWord},
    {"минут", kMinuteWord}, {"мин", kMinuteWord}, {"دقیقه", kMinuteWord}, {"دقيقة", kMinuteWord},
    {"دقائق", kMinuteWord},
    {"noon", kNoon}, {"midday", kNoon}, {"midi", kNoon}, {"mittag", kNoon},
    {"mediodía", kNoon}, {"mezzogiorno", kNoon}, {"meio-dia", kNoon}, {"middag", kNoon},
    {"полдень", kNoon}, {"ظهر", kNoon}, {"الظهر", kNoon},
    {"midnight", kMidnight}, {"minuit", kMidnight}, {"mitternacht", kMidnight},
    {"medianoche", kMidnight}, {"mezzanotte", kMidnight}, {"meia-noite", kMidnight},
    {"middernacht", kMidnight}, {"midnatt", kMidnight}, {"полночь", kMidnight},
    {"و", kAnd},
    {"hr", kTimeVocabulary}, {"hour", kTimeVocabulary}, {"hours", kTimeVocabulary},
    {"heure", kTimeVocabulary}, {"heures", kTimeVocabulary}, {"hora", kTimeVocabulary},
    {"horas", kTimeVocabulary}, {"ore", kTimeVocabulary}, {"stunde", kTimeVocabulary},
    {"час", kTimeVocabulary}, {"часов", kTimeVocabulary}, {"часа", kTimeVocabulary},
    {"local", kTimeVocabulary}, {"time", kTimeVocabulary},
    {"ساعت", kTimeWord | kTimeVocabulary}, {"الساعة", kTimeWord | kTimeVocabulary},
    {"saat", kTimeWord | kTimeVocabulary}, {"ore", kTimeWord | kTimeVocabulary},
    {"ثانیه", kTimeVocabulary}, {"sec", kTimeVocabulary}, {"secs", kTimeVocabulary},
    {"seconds", kTimeVocabulary}, {"tid", kTimeVocabulary}, {"heure de paris", kTimeVocabulary},
    {"ora italiana", kTimeVocabulary}, {"tsi", kTimeVocabulary}, {"صباحاً", kAm},
    {"يوم", kDayWord}, {"روز", kDayWord},
    {"الموافق", kSameDay}, {"الموافق ل", kSameDay}, {"الموافق لـ", kSameDay}, {"موافق", kSameDay},
    {"برابر با", kSameDay}, {"برابر", kSameDay}, {"مطابق با", kSameDay}, {"مطابق", kSameDay},
};

}  // namespace

std::vector<std::string> phrase_words(std::string_view phrase) {
  std::vector<std::string> words;
  auto key = Normalizer::shared().search_key(phrase);
  if (!key.ok()) return words;
  std::string_view k = key.value();
  std::size_t i = 0;
  while (i < k.size()) {
    while (i < k.size() && k[i] == ' ') ++i;
    std::size_t j = i;
    while (j < k.size() && k[j] != ' ') ++j;
    if (j > i) {
      // Split a word at digit/letter boundaries, as the scanner does.
      std::size_t a = i;
      while (a < j) {
        bool digit = k[a] >= '0' && k[a] <= '9';
        std::size_t b = a;
        while (b < j && ((k[b] >= '0' && k[b] <= '9') == digit)) ++b;
        words.emplace_back(k.substr(a, b - a));
        a = b;
      }
    }
    i = j;
  }
  return words;
}

namespace {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

class Builder {
 public:
  explicit Builder(NameTable& t) : t_(t) {}

  NameInfo* entry(std::string_view phrase) {
    auto words = phrase_words(phrase);
    if (words.empty()) return nullptr;
    // Keys made of digits alone would shadow numbers.
    bool letters = false;
    for (const auto& w : words) {
      if (!(w[0] >= '0' && w[0] <= '9')) letters = true;
    }
    if (!letters) return nullptr;
    if (words.size() > 1) {
      std::vector<std::string> prefix;
      for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        prefix.push_back(words[i]);
        NameInfo& p = t_.names[join(prefix)];
        p.markers |= kPrefix;
        p.words = static_cast<std::uint8_t>(prefix.size());
      }
    }
    t_.longest_words = std::max(t_.longest_words, words.size());
    NameInfo& info = t_.names[join(words)];
    info.words = static_cast<std::uint8_t>(words.size());
    return &info;
  }

  void month(std::string_view phrase, std::uint8_t calendar, std::uint8_t month,
             const LangSet& languages) {
    NameInfo* info = entry(phrase);
    if (!info) return;
    mark(*info, phrase, languages);
    for (auto& m : info->months) {
      if (m.calendar == calendar && m.month == month) {
        m.languages |= languages;
        return;
      }
    }
    info->months.push_back(MonthEntry{calendar, month, languages});
  }

  void weekday(std::string_view phrase, std::uint8_t weekday, const LangSet& languages) {
    NameInfo* info = entry(phrase);
    if (!info) return;
    mark(*info, phrase, languages);
    for (auto& w : info->weekdays) {
      if (w.weekday == weekday) {
        w.languages |= languages;
        return;
      }
    }
    info->weekdays.push_back(WeekdayEntry{weekday, languages});
  }

  // A word that already means something else in the core languages (a
  // marker such as "de", "am", "on") takes no other language's name.
  bool free_for_other_language(std::string_view phrase) {
    auto words = phrase_words(phrase);
    if (words.empty() || (words[0][0] >= '0' && words[0][0] <= '9')) return false;
    const NameInfo* info = t_.find(join(words));
    return !info || (info->markers & ~kPrefix) == 0;
  }

  void marker(std::string_view phrase, std::uint32_t markers) {
    NameInfo* info = entry(phrase);
    if (info) info->markers |= markers;
  }

  void zone(const ZoneAbbreviation& z) {
    NameInfo* info = entry(z.name);
    if (!info) return;
    info->markers |= kZone;
    info->zone_minutes = z.minutes;
    info->zone_id = z.zone_id;
    info->zone_upper = !z.any_case;
  }

  void ordinal_day(std::string_view phrase, std::uint8_t day) {
    NameInfo* info = entry(phrase);
    if (!info) return;
    info->markers |= kOrdinalDay;
    info->day = day;
  }

 private:
  void mark(NameInfo& info, std::string_view phrase, const LangSet& languages) {
    if (languages & LangSet(kCoreLanguages)) info.core_name = true;
    info.short_key = phrase.size() < 4;
  }

  NameTable& t_;
};

void add_icu_names(Builder& b, const IcuSource& src) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(src.locale);
  icu::SimpleDateFormat format(icu::UnicodeString(u"d MMMM y"), locale, status);
  if (U_FAILURE(status)) return;
  const icu::DateFormatSymbols* symbols = format.getDateFormatSymbols();
  if (!symbols) return;
  LangSet lang = bit(src.language);
  std::string utf8;
  for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
    for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      int32_t n = 0;
      const icu::UnicodeString* months = symbols->getMonths(n, context, width);
      for (int32_t i = 0; months && i < n && i < 12; ++i) {
        utf8.clear();
        months[i].toUTF8String(utf8);
        b.month(utf8, src.calendar, static_cast<std::uint8_t>(i + 1), lang);
      }
      if (src.calendar != kGreg) continue;
      const icu::UnicodeString* days = symbols->getWeekdays(n, context, width);
      // ICU's weekday arrays start at index 1 (UCAL_SUNDAY).
      for (int32_t i = 1; days && i < n && i <= 7; ++i) {
        utf8.clear();
        days[i].toUTF8String(utf8);
        b.weekday(utf8, static_cast<std::uint8_t>(i - 1), lang);
      }
    }
  }
}

// The month and weekday names of one locale beyond the core languages,
// skipping words the core languages use otherwise.
void add_other_language(Builder& b, const icu::Locale& base, const LangSet& lang,
                        const std::string& root_first_month) {
  UErrorCode status = U_ZERO_ERROR;
  std::string id = std::string(base.getName()) + "@calendar=gregorian";
  icu::SimpleDateFormat format(icu::UnicodeString(u"d MMMM y"), icu::Locale(id.c_str()), status);
  if (U_FAILURE(status)) return;
  const icu::DateFormatSymbols* symbols = format.getDateFormatSymbols();
  if (!symbols) return;
  std::string utf8;
  int32_t n = 0;
  const icu::UnicodeString* wide = symbols->getMonths(n);
  if (!wide || n < 12) return;
  wide[0].toUTF8String(utf8);
  if (utf8 == root_first_month) return;  // no names of its own
  for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
    for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      const icu::UnicodeString* months = symbols->getMonths(n, context, width);
      for (int32_t i = 0; months && i < n && i < 12; ++i) {
        utf8.clear();
        months[i].toUTF8String(utf8);
        if (b.free_for_other_language(utf8))
          b.month(utf8, kGreg, static_cast<std::uint8_t>(i + 1), lang);
      }
      const icu::UnicodeString* days = symbols->getWeekdays(n, context, width);
      for (int32_t i = 1; days && i < n && i <= 7; ++i) {
        utf8.clear();
        days[i].toUTF8String(utf8);
        if (b.free_for_other_language(utf8)) b.weekday(utf8, static_cast<std::uint8_t>(i - 1), lang);
      }
    }
  }
}

void add_other_languages(NameTable& table, Builder& b) {
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat root(icu::UnicodeString(u"d MMMM y"), icu::Locale::getRoot(), status);
  std::string root_first;
  int32_t n = 0;
  if (U_SUCCESS(status) && root.getDateFormatSymbols()) {
    const icu::UnicodeString* m = root.getDateFormatSymbols()->getMonths(n);
    if (m && n > 0) m[0].toUTF8String(root_first);
  }
  int32_t count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
  // Two-letter codes (the widely written languages) before three-letter
  // ones, so a name shared by Swahili and its neighbours reports "sw".
  std::vector<const icu::Locale*> order;
  for (int32_t i = 0; i < count; ++i) {
    const icu::Locale& loc = locales[i];
    if (loc.getCountry()[0] != '\0' || loc.getVariant()[0] != '\0') continue;
    std::string lang = loc.getLanguage();
    if (lang.empty() || language_index(lang) >= 0) continue;  // core: read above
    order.push_back(&loc);
  }
  std::stable_sort(order.begin(), order.end(), [](const icu::Locale* a, const icu::Locale* b) {
    return std::strlen(a->getLanguage()) < std::strlen(b->getLanguage());
  });
  for (const icu::Locale* loc : order) {
    std::string lang = loc->getLanguage();
    auto it = table.language_index.find(lang);
    int index;
    if (it != table.language_index.end()) {
      index = it->second;
    } else {
      if (static_cast<int>(table.languages.size()) >= kMaxLanguages) continue;
      index = static_cast<int>(table.languages.size());
      table.languages.push_back(lang);
      table.language_index.emplace(lang, index);
    }
    add_other_language(b, *loc, LangSet::one(index), root_first);
  }
}

NameTable* build_table() {
  auto* table = new NameTable();
  for (int i = 0; i < kLanguageCount; ++i) {
    table->languages.emplace_back(kLanguages[static_cast<std::size_t>(i)]);
    table->language_index.emplace(kLanguages[static_cast<std::size_t>(i)], i);
  }
  Builder b(*table);
  for (const auto& src : kIcuSources) add_icu_names(b, src);
  for (const auto& m : kExtraMonths) b.month(m.name, m.calendar, m.month, bit(m.language));
  for (const auto& w : kExtraWeekdays) b.weekday(w.name, w.weekday, bit(w.language));
  for (const auto& m : kMarkers) b.marker(m.name, m.markers);
  for (const auto& z : zone_abbreviations()) b.zone(z);
  for (const auto& o : kPersianOrdinalWords) b.ordinal_day(o.name, o.day);
  for (const auto& o : kPersianOrdinalUnits) {
    b.ordinal_day(o.name, o.day);
    for (const OrdinalDay tens : {OrdinalDay{20, "بیست"}, OrdinalDay{30, "سی"}}) {
      auto day = static_cast<std::uint8_t>(tens.day + o.day);
      if (day <= 31) b.ordinal_day(std::string(tens.name) + " و " + o.name, day);
    }
  }
  // Last: the other languages' names may not take the core words above.
  add_other_languages(*table, b);
  return table;
}

}  // namespace

const NameTable& name_table() {
  // Leaked on purpose: immutable, shared by every thread until exit.
  static const NameTable* table = build_table();
  return *table;
}

LangSet language_mask(const std::vector<std::string>& tags, bool* hinted) {
  if (hinted) *hinted = false;
  if (tags.empty()) return kAllLanguages;
  const NameTable& table = name_table();
  LangSet mask;
  for (const auto& tag : tags) {
    std::string_view t = tag;
    std::size_t cut = t.find_first_of("-_");
    if (cut != std::string_view::npos) t = t.substr(0, cut);
    // BCP 47 subtags are case-insensitive ASCII; compare without folding.
    if (t.size() < 2 || t.size() > 3) continue;
    std::string l(t);
    for (char& c : l) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (l == "per") l = "fa";  // ISO 639-2 aliases writers use
    if (l == "nob" || l == "no") l = "nb";
    auto it = table.language_index.find(l);
    if (it != table.language_index.end()) mask.set(it->second);
  }
  // Only languages without names: fall back to detection rather than
  // reading no names at all.
  if (!mask) return kAllLanguages;
  if (hinted) *hinted = true;
  return mask;
}

const char* first_language(const LangSet& set) {
  int i = set.first();
  const auto& langs = name_table().languages;
  return i >= 0 && i < static_cast<int>(langs.size()) ? langs[static_cast<std::size_t>(i)].c_str()
                                                       : "";
}

const std::vector<std::string>& date_languages() { return name_table().languages; }

}  // namespace digest::dates_detail

namespace digest {

const std::vector<std::string>& supported_date_languages() {
  return dates_detail::date_languages();
}

}  // namespace digest
