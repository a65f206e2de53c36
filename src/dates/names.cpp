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
#include "dates/name_tables.hpp"
#include "digest/normalize.hpp"

namespace digest::dates_detail {

using namespace name_data;

const std::array<const char*, kLanguageCount> kLanguages = {
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "sq", "tr", "ru", "fa", "ar", "ur"};

namespace {

int language_index(std::string_view lang) {
  for (int i = 0; i < kLanguageCount; ++i) {
    if (lang == kLanguages[static_cast<std::size_t>(i)]) return i;
  }
  return -1;
}

}  // namespace

std::uint32_t core_language_bit(std::string_view lang) {
  int i = language_index(lang);
  return i < 0 ? 0u : (1u << i);
}

namespace {

std::uint32_t bit(const char* lang) { return core_language_bit(lang); }

// The languages ICU has names for beyond the core ones, read from its
// language (and language_Script) locales: Polish, Ukrainian, Greek,
// Vietnamese, Swahili, ... Every one with real names (not the root
// locale's "M01") joins the table with its own language bit.
constexpr int kMaxLanguages = LangSet::kCapacity;

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
  for (const auto& src : icu_sources()) add_icu_names(b, src);
  for (const auto& m : extra_months()) b.month(m.name, m.calendar, m.month, bit(m.language));
  for (const auto& w : extra_weekdays()) b.weekday(w.name, w.weekday, bit(w.language));
  for (const auto& m : marker_words()) b.marker(m.name, m.markers);
  for (const auto& z : zone_abbreviations()) b.zone(z);
  for (const auto& o : persian_ordinal_words()) b.ordinal_day(o.name, o.day);
  for (const auto& o : persian_ordinal_units()) {
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
