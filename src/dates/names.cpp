// Month, weekday and marker names, read once from ICU's locale data (format
// and stand-alone contexts, wide and abbreviated widths, so genitive forms
// such as Russian "августа" come with them) plus the spellings writers use
// that ICU lacks. Every key goes through the Normalizer.
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/unistr.h>

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
    {"ar", kHijr, 1, "محرم"}, {"ar", kHijr, 2, "صفر"},
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
};

struct MarkerWord {
  const char* name;
  std::uint32_t markers;
  std::int16_t zone = 0;
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
    {"utc", kZone, 0}, {"gmt", kZone, 0}, {"ut", kZone, 0}, {"z", kZone, 0},
    {"est", kZone, -300}, {"edt", kZone, -240}, {"cst", kZone, -360}, {"cdt", kZone, -300},
    {"mst", kZone, -420}, {"mdt", kZone, -360}, {"pst", kZone, -480}, {"pdt", kZone, -420},
    {"cet", kZone, 60}, {"cest", kZone, 120}, {"eet", kZone, 120}, {"eest", kZone, 180},
    {"msk", kZone, 180}, {"irst", kZone, 210}, {"irdt", kZone, 270},
    {"at", kTimeWord}, {"à", kTimeWord}, {"um", kTimeWord}, {"alle", kTimeWord},
    {"om", kTimeWord}, {"kl", kTimeWord}, {"saat", kTimeWord}, {"às", kTimeWord},
    {"a las", kTimeWord}, {"a la", kTimeWord}, {"ore", kTimeWord}, {"ساعت", kTimeWord},
    {"الساعة", kTimeWord}, {"в", kTimeWord},
    {"uhr", kTimeSuffix}, {"h", kTimeSuffix},
    {"يوم", kDayWord}, {"روز", kDayWord},
    {"الموافق", kSameDay}, {"الموافق ل", kSameDay}, {"الموافق لـ", kSameDay}, {"موافق", kSameDay},
    {"برابر با", kSameDay}, {"برابر", kSameDay}, {"مطابق با", kSameDay}, {"مطابق", kSameDay},
};

// The Normalizer's key of a phrase, with its words.
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
             std::uint32_t languages) {
    NameInfo* info = entry(phrase);
    if (!info) return;
    for (auto& m : info->months) {
      if (m.calendar == calendar && m.month == month) {
        m.languages |= languages;
        return;
      }
    }
    info->months.push_back(MonthEntry{calendar, month, languages});
  }

  void weekday(std::string_view phrase, std::uint8_t weekday, std::uint32_t languages) {
    NameInfo* info = entry(phrase);
    if (!info) return;
    for (auto& w : info->weekdays) {
      if (w.weekday == weekday) {
        w.languages |= languages;
        return;
      }
    }
    info->weekdays.push_back(WeekdayEntry{weekday, languages});
  }

  void marker(std::string_view phrase, std::uint32_t markers, std::int16_t zone) {
    NameInfo* info = entry(phrase);
    if (!info) return;
    info->markers |= markers;
    if (markers & kZone) info->zone_minutes = zone;
  }

 private:
  NameTable& t_;
};

void add_icu_names(Builder& b, const IcuSource& src) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(src.locale);
  icu::SimpleDateFormat format(icu::UnicodeString(u"d MMMM y"), locale, status);
  if (U_FAILURE(status)) return;
  const icu::DateFormatSymbols* symbols = format.getDateFormatSymbols();
  if (!symbols) return;
  std::uint32_t lang = bit(src.language);
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

NameTable* build_table() {
  auto* table = new NameTable();
  Builder b(*table);
  for (const auto& src : kIcuSources) add_icu_names(b, src);
  for (const auto& m : kExtraMonths) b.month(m.name, m.calendar, m.month, bit(m.language));
  for (const auto& w : kExtraWeekdays) b.weekday(w.name, w.weekday, bit(w.language));
  for (const auto& m : kMarkers) b.marker(m.name, m.markers, m.zone);
  return table;
}

}  // namespace

const NameTable& name_table() {
  // Leaked on purpose: immutable, shared by every thread until exit.
  static const NameTable* table = build_table();
  return *table;
}

std::uint32_t language_mask(const std::vector<std::string>& tags) {
  if (tags.empty()) return kAllLanguages;
  std::uint32_t mask = 0;
  for (const auto& tag : tags) {
    std::string_view t = tag;
    std::size_t cut = t.find_first_of("-_");
    if (cut != std::string_view::npos) t = t.substr(0, cut);
    // BCP 47 subtags are case-insensitive ASCII; compare without folding.
    char low[4] = {0, 0, 0, 0};
    if (t.size() < 2 || t.size() > 3) continue;
    for (std::size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      low[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    std::string_view l(low, t.size());
    if (l == "per") l = "fa";  // ISO 639-2 aliases writers use
    int i = language_index(l);
    if (i >= 0) mask |= 1u << i;
  }
  return mask;
}

const char* first_language(std::uint32_t mask) {
  for (int i = 0; i < kLanguageCount; ++i) {
    if (mask & (1u << i)) return kLanguages[static_cast<std::size_t>(i)];
  }
  return "";
}

}  // namespace digest::dates_detail

namespace digest {

const std::vector<std::string>& supported_date_languages() {
  static const std::vector<std::string> langs(dates_detail::kLanguages.begin(),
                                              dates_detail::kLanguages.end());
  return langs;
}

}  // namespace digest
