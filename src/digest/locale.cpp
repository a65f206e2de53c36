// What a digest says in its own words: the label table, dates, counts and
// periods through ICU, right-to-left detection and the title template.
//
// ICU formatters are costly to make and unsafe to share while formatting,
// so each thread keeps its own, by locale and pattern. Dates go to ICU as
// noon UTC with a UTC formatter (no time zone can move them a day), and its
// Gregorian calendars are made proleptic, like Boost's, so days before 1582
// are not read as Julian ones.
#include <unicode/calendar.h>
#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "digest/digest.hpp"
#include "text/safe.hpp"

namespace digest {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
bool alpha(char c) { return (lower(c) >= 'a' && lower(c) <= 'z'); }

// The subtags of a BCP 47 tag or ICU id ("fa-IR", "ar_EG", "en@calendar=…"),
// lowercased; empty when it is not one.
std::vector<std::string> subtags(std::string_view tag) {
  std::vector<std::string> out(1);
  for (char c : tag.substr(0, tag.find('@'))) {
    if (c == '-' || c == '_') {
      out.emplace_back();
    } else if (alpha(c) || (c >= '0' && c <= '9')) {
      if (out.back().size() >= 8) return {};
      out.back() += lower(c);
    } else {
      return {};
    }
  }
  for (const std::string& s : out)
    if (s.empty()) return {};
  return out;
}

std::string language_of(std::string_view tag) {
  auto parts = subtags(tag);
  return parts.empty() ? std::string() : parts[0];
}

const std::vector<DigestLabels>& label_table() {
  static const std::vector<DigestLabels> table = {
      {.locale = "en", .right_to_left = false, .weekly = "Weekly Digest",
       .monthly = "Monthly Digest", .digest = "Digest", .posted = "Posted on",
       .published = "Published", .also_in = "Also in", .other_sources = "Other sources",
       .other_entities = "Other posts", .stories = "Stories",
       .no_posts = "No posts in this period.", .post_one = "post", .post_many = "posts",
       .source_one = "source", .source_many = "sources", .by = "by",
       .from_to = "{first} – {last}", .list_separator = ", "},
      {.locale = "fr", .right_to_left = false, .weekly = "Revue de presse de la semaine",
       .monthly = "Revue de presse du mois", .digest = "Revue de presse", .posted = "Ajouté le",
       .published = "Paru le", .also_in = "Aussi dans", .other_sources = "Autres sources",
       .other_entities = "Autres articles", .stories = "Sujets",
       .no_posts = "Aucun article pour cette période.", .post_one = "article",
       .post_many = "articles", .source_one = "source", .source_many = "sources", .by = "par",
       .from_to = "du {first} au {last}", .list_separator = ", "},
      {.locale = "de", .right_to_left = false, .weekly = "Wochenschau",
       .monthly = "Monatsrückblick", .digest = "Presseschau", .posted = "Eingestellt am",
       .published = "Erschienen am", .also_in = "Auch in", .other_sources = "Weitere Quellen",
       .other_entities = "Weitere Beiträge", .stories = "Themen",
       .no_posts = "Keine Beiträge in diesem Zeitraum.", .post_one = "Beitrag",
       .post_many = "Beiträge", .source_one = "Quelle", .source_many = "Quellen", .by = "von",
       .from_to = "{first} bis {last}", .list_separator = ", "},
      {.locale = "es", .right_to_left = false, .weekly = "Resumen semanal",
       .monthly = "Resumen mensual", .digest = "Resumen de prensa", .posted = "Añadido el",
       .published = "Publicado el", .also_in = "También en", .other_sources = "Otras fuentes",
       .other_entities = "Otras publicaciones", .stories = "Temas",
       .no_posts = "No hay publicaciones en este periodo.", .post_one = "publicación",
       .post_many = "publicaciones", .source_one = "fuente", .source_many = "fuentes",
       .by = "por", .from_to = "del {first} al {last}", .list_separator = ", "},
      // Persian counts take the singular noun: "۱۲ مطلب".
      {.locale = "fa", .right_to_left = true, .weekly = "خلاصهٔ هفتگی",
       .monthly = "خلاصهٔ ماهانه", .digest = "خلاصهٔ خبرها", .posted = "ثبت‌شده در",
       .published = "منتشرشده در", .also_in = "همچنین در", .other_sources = "منابع دیگر",
       .other_entities = "مطالب دیگر", .stories = "موضوع‌ها",
       .no_posts = "در این بازه مطلبی نیست.", .post_one = "مطلب", .post_many = "مطلب",
       .source_one = "منبع", .source_many = "منبع", .by = "به قلم",
       .from_to = "{first} تا {last}", .list_separator = "، "},
      {.locale = "ar", .right_to_left = true, .weekly = "الملخص الأسبوعي",
       .monthly = "الملخص الشهري", .digest = "ملخص الصحافة", .posted = "أُضيف في",
       .published = "نُشر في", .also_in = "وأيضًا في", .other_sources = "مصادر أخرى",
       .other_entities = "منشورات أخرى", .stories = "الموضوعات",
       .no_posts = "لا توجد منشورات في هذه الفترة.", .post_one = "منشور",
       .post_many = "منشورات", .source_one = "مصدر", .source_many = "مصادر", .by = "بقلم",
       .from_to = "من {first} إلى {last}", .list_separator = "، "},
  };
  return table;
}

// ---- ICU ------------------------------------------------------------------------

// The languages ICU has formatting data for.
bool icu_knows(const std::string& language) {
  static const std::set<std::string> known = [] {
    std::set<std::string> s;
    int32_t count = 0;
    const icu::Locale* all = icu::Locale::getAvailableLocales(count);
    for (int32_t i = 0; i < count; ++i) s.insert(all[i].getLanguage());
    return s;
  }();
  return known.count(language) > 0;
}

// The ICU locale for a tag. A language ICU has no data for becomes English,
// so what is formatted never depends on the process's default locale.
icu::Locale icu_locale(std::string_view tag, std::optional<PeriodCalendar> calendar) {
  std::string id = "en";
  const auto parts = subtags(tag);
  if (!parts.empty() && icu_knows(parts[0])) {
    std::string bcp;
    for (const std::string& p : parts) bcp += (bcp.empty() ? "" : "-") + p;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(bcp, status);
    if (U_SUCCESS(status) && !loc.isBogus()) id = loc.getName();
  }
  icu::Locale loc(id.c_str());
  if (calendar) {
    UErrorCode status = U_ZERO_ERROR;
    loc.setKeywordValue("calendar",
                        *calendar == PeriodCalendar::persian ? "persian" : "gregorian", status);
  }
  return loc;
}

UDate noon_utc(Date day) {
  static const long epoch = static_cast<long>(Date(1970, 1, 1).day_number());
  return (static_cast<double>(static_cast<long>(day.day_number()) - epoch) + 0.5) * 86400000.0;
}

std::unique_ptr<icu::Calendar> proleptic_utc(const icu::Calendar* c) {
  std::unique_ptr<icu::Calendar> cal(c ? c->clone() : nullptr);
  if (!cal) return cal;
  UErrorCode status = U_ZERO_ERROR;
  if (auto* g = dynamic_cast<icu::GregorianCalendar*>(cal.get()))
    g->setGregorianChange(U_DATE_MIN, status);
  cal->setTimeZone(*icu::TimeZone::getGMT());
  return cal;
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// One thread's formatters. Bounded: a caller cycling through endless
// locale tags only makes this start over.
struct Formatters {
  std::unordered_map<std::string, std::unique_ptr<icu::DateFormat>> days;
  std::unordered_map<std::string, std::unique_ptr<icu::DateIntervalFormat>> intervals;
  std::unordered_map<std::string, std::unique_ptr<icu::NumberFormat>> numbers;
  template <class Map>
  static void bound(Map& m) {
    if (m.size() >= 64) m.clear();
  }
};
Formatters& formatters() {
  thread_local Formatters f;
  return f;
}

// A date format from a skeleton ("yMMMd") or, with '=' first, a pattern.
icu::DateFormat* date_format(const icu::Locale& loc, const std::string& form) {
  auto& map = formatters().days;
  const std::string key = form + '|' + loc.getName();
  if (auto it = map.find(key); it != map.end()) return it->second.get();
  Formatters::bound(map);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString pattern;
  if (form[0] == '=') {
    pattern = icu::UnicodeString::fromUTF8(form.substr(1));
  } else {
    std::unique_ptr<icu::DateTimePatternGenerator> gen(
        icu::DateTimePatternGenerator::createInstance(loc, status));
    if (U_SUCCESS(status) && gen) pattern = gen->getBestPattern(icu::UnicodeString(form.c_str()), status);
  }
  std::unique_ptr<icu::SimpleDateFormat> f;
  if (U_SUCCESS(status)) f = std::make_unique<icu::SimpleDateFormat>(pattern, loc, status);
  if (U_FAILURE(status) || !f) return nullptr;
  f->adoptCalendar(proleptic_utc(f->getCalendar()).release());
  f->setTimeZone(*icu::TimeZone::getGMT());
  return (map[key] = std::move(f)).get();
}

std::optional<std::string> format_with(const icu::Locale& loc, const std::string& form, Date day) {
  icu::DateFormat* f = date_format(loc, form);
  if (!f) return std::nullopt;
  icu::UnicodeString out;
  f->format(noon_utc(day), out);
  return utf8(out);
}

std::optional<std::string> format_interval(const icu::Locale& loc, Date first, Date last) {
  auto& map = formatters().intervals;
  const std::string key = loc.getName();
  auto it = map.find(key);
  if (it == map.end()) {
    Formatters::bound(map);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateIntervalFormat> f(
        icu::DateIntervalFormat::createInstance(icu::UnicodeString("yMMMd"), loc, status));
    if (U_FAILURE(status) || !f) return std::nullopt;
    f->setTimeZone(*icu::TimeZone::getGMT());
    it = map.emplace(key, std::move(f)).first;
  }
  // The formatter formats with the calendars it is given: proleptic ones.
  const icu::DateFormat* inner = it->second->getDateFormat();
  auto from = proleptic_utc(inner ? inner->getCalendar() : nullptr);
  if (!from) return std::nullopt;
  auto to = proleptic_utc(from.get());
  UErrorCode status = U_ZERO_ERROR;
  from->setTime(noon_utc(first), status);
  to->setTime(noon_utc(last), status);
  icu::UnicodeString out;
  icu::FieldPosition pos;
  it->second->format(*from, *to, out, pos, status);
  if (U_FAILURE(status)) return std::nullopt;
  return utf8(out);
}

// Persian's "y MMMM" month pattern puts the year first, which reads oddly;
// "MMMM y" is how months are written.
std::string month_form(const icu::Locale& loc) {
  return std::string(loc.getLanguage()) == "fa" ? "=MMMM y" : "yMMMM";
}

std::string iso(Date d) { return boost::gregorian::to_iso_extended_string(d); }

std::string replace_all(std::string s, std::string_view what, const std::string& with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
  return s;
}

}  // namespace

// Unknown languages get the English entry (locale "en"): the result is a
// reference, and a table that grew per unknown tag would grow without bound.
const DigestLabels& digest_labels(std::string_view locale) {
  const std::string language = language_of(locale);
  for (const DigestLabels& l : label_table())
    if (l.locale == language) return l;
  return label_table().front();
}

std::string format_day(Date day, std::string_view locale, std::optional<PeriodCalendar> calendar) {
  if (day.is_special()) return {};
  return format_with(icu_locale(locale, calendar), "yMMMd", day).value_or(iso(day));
}

std::string format_count(std::size_t n, std::string_view locale) {
  const std::string digits = std::to_string(n);
  const icu::Locale loc = icu_locale(locale, std::nullopt);
  auto& map = formatters().numbers;
  auto it = map.find(loc.getName());
  if (it == map.end()) {
    Formatters::bound(map);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(icu::NumberFormat::createInstance(loc, status));
    if (U_FAILURE(status) || !f) return digits;
    it = map.emplace(loc.getName(), std::move(f)).first;
  }
  // As a decimal string, so every size_t is exact.
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  it->second->format(icu::StringPiece(digits), out, nullptr, status);
  return U_SUCCESS(status) ? utf8(out) : digits;
}

std::string format_period(const Period& period, std::string_view locale) {
  if (period.first.is_special() || period.last.is_special() || period.last < period.first)
    return detail::safe_display_text(period.label);
  if (period.kind == PeriodKind::month) {
    const icu::Locale loc = icu_locale(locale, period.calendar);
    if (auto s = format_with(loc, month_form(loc), period.first)) return *s;
    return detail::safe_display_text(period.label);
  }
  if (period.first == period.last) return format_day(period.first, locale);
  if (auto s = format_interval(icu_locale(locale, std::nullopt), period.first, period.last))
    return *s;
  std::string out = replace_all(digest_labels(locale).from_to, "{first}", format_day(period.first, locale));
  return replace_all(std::move(out), "{last}", format_day(period.last, locale));
}

bool is_right_to_left(std::string_view language) {
  static const std::set<std::string> rtl_languages = {
      "ar",  "arc", "azb", "bal", "bqi", "ckb", "dv", "fa",  "glk", "he", "iw", "ji",
      "khw", "ks",  "lrc", "mzn", "nqo", "pnb", "prs", "ps", "sd",  "sdh", "syr", "ug",
      "ur",  "yi"};
  static const std::set<std::string> rtl_scripts = {
      "adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi"};
  const auto parts = subtags(language);
  if (parts.empty()) return false;
  // A script subtag, when given, decides: "ku-Arab" is RTL, "pa-Arab" too,
  // "uz-Latn" is not. It precedes any singleton (extension) subtag.
  for (std::size_t i = 1; i < parts.size() && parts[i].size() > 1; ++i)
    if (parts[i].size() == 4 && alpha(parts[i][0])) return rtl_scripts.count(parts[i]) > 0;
  return rtl_languages.count(parts[0]) > 0;
}

Result<std::string> fill_title(std::string_view title_template, const Period& period,
                               std::string_view locale, std::size_t count) {
  if (title_template.empty()) {
    const DigestLabels& labels = digest_labels(locale);
    switch (period.kind) {
      case PeriodKind::iso_week:
      case PeriodKind::week:
        return labels.weekly + " – " + format_day(period.last, locale);
      case PeriodKind::month:
        return labels.monthly + " – " + format_period(period, locale);
      case PeriodKind::range:
      case PeriodKind::days:
        break;
    }
    return labels.digest + " – " + format_period(period, locale);
  }
  auto fail = [&](std::size_t at, const std::string& why) {
    Error e(ErrorCode::invalid_argument,
            "title template " + detail::quote_for_message(title_template, 64) + ": " + why);
    e.offset = at;
    e.field = "title";
    return e;
  };
  std::string out;
  std::size_t i = 0;
  while (i < title_template.size()) {
    const char c = title_template[i];
    if (c == '}') {
      if (i + 1 < title_template.size() && title_template[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      return fail(i, "unmatched '}' (write '}}' for a brace)");
    }
    if (c != '{') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 < title_template.size() && title_template[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    const std::size_t close = title_template.find_first_of("{}", i + 1);
    if (close == std::string_view::npos || title_template[close] == '{')
      return fail(i, "unmatched '{' (write '{{' for a brace)");
    const std::string_view name = title_template.substr(i + 1, close - i - 1);
    if (name == "period") out += format_period(period, locale);
    else if (name == "first") out += format_day(period.first, locale);
    else if (name == "last") out += format_day(period.last, locale);
    else if (name == "label") out += detail::safe_display_text(period.label);
    else if (name == "count") out += format_count(count, locale);
    else
      return fail(i, "unknown placeholder " +
                         detail::quote_for_message(title_template.substr(i, close - i + 1), 32) +
                         " (known: {period}, {first}, {last}, {label}, {count})");
    i = close + 1;
  }
  return out;
}

}  // namespace digest
