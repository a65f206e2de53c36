// The DateParser API over the grammar (parser.cpp and the form files): the
// ISO 8601 fast path, the whole-text rules of parse_detailed (leading
// fillers and times, the tail a date may carry), find_dates, and the
// day/month order the languages asked for write. Apart from the driver:
// this is what callers see, the driver what the grammar does.
#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "dates/grammar.hpp"
#include "text/iso8601.hpp"
#include "text/trim.hpp"

namespace digest {

using namespace dates_detail;

namespace {

// ---- the ISO 8601 fast path ---------------------------------------------------

// A whole-text ISO 8601 timestamp (the one reader on the text floor), in
// the years the general parser also accepts. Anything else goes the
// general way.
bool iso_fast(std::string_view s, DateTime& out) {
  detail::IsoReading r = detail::read_iso8601(s);
  if (!r.value) return false;
  const detail::IsoTimestamp& t = *r.value;
  if (t.year < 1600 || t.year > 2999) return false;
  DateTime dt(Date(static_cast<unsigned short>(t.year), static_cast<unsigned short>(t.month),
                   static_cast<unsigned short>(t.day)));
  dt.seconds = t.seconds;
  dt.utc_offset_minutes = t.utc_offset_minutes;
  out = dt;
  return true;
}

// The day/month order of a locale's short date pattern ("dd/MM/y": DMY).
DateOrder order_of_locale(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status)) return DateOrder::unspecified;
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kShort, locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (!simple) return DateOrder::unspecified;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  int d = pattern.indexOf(u'd'), m = pattern.indexOf(u'M'), y = pattern.indexOf(u'y');
  if (m < 0) m = pattern.indexOf(u'L');
  if (d < 0 || m < 0 || y < 0) return DateOrder::unspecified;
  if (y < m && m < d) return DateOrder::ymd;
  if (d < m) return DateOrder::dmy;
  return DateOrder::mdy;
}

}  // namespace

// The order all the languages asked for write numeric dates in, when they
// agree; a bare "en" says nothing (en-US and en-GB differ), "en-GB" does.
// Read from ICU once per tag and cached for the process.
DateOrder dates_detail::order_of_languages(const std::vector<std::string>& tags) {
  static std::mutex mutex;
  static std::unordered_map<std::string, DateOrder> cache;
  DateOrder agreed = DateOrder::unspecified;
  bool first = true;
  for (const auto& tag : tags) {
    if (tag.size() == 2 && (tag[0] == 'e' || tag[0] == 'E') && (tag[1] == 'n' || tag[1] == 'N'))
      return DateOrder::unspecified;
    DateOrder order;
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto it = cache.find(tag);
      if (it == cache.end()) {
        if (cache.size() >= 1024) cache.clear();  // the tags come from callers
        it = cache.emplace(tag, order_of_locale(tag)).first;
      }
      order = it->second;
    }
    if (order == DateOrder::unspecified || (!first && order != agreed))
      return DateOrder::unspecified;
    agreed = order;
    first = false;
  }
  return agreed;
}

namespace {

// Scanning reuses a per-thread buffer for short texts (the common case: one
// date) and a fresh one for long texts, so no thread keeps a large buffer.
constexpr std::size_t kReuseLimit = 4096;

Scan& thread_scan() {
  thread_local Scan scan;
  return scan;
}

}  // namespace

DateParser::DateParser() : language_mask_(kAllLanguages.words()) {}

DateParser::DateParser(DateParseOptions options) : options_(std::move(options)) {
  bool hinted = false;
  language_mask_ = language_mask(options_.languages, &hinted).words();
  detecting_ = !hinted;
  if (hinted) language_order_ = order_of_languages(options_.languages);
}

std::optional<DateMatch> DateParser::parse_detailed(std::string_view text) const {
  std::string_view trimmed = detail::trim(text);
  {
    DateTime dt;
    if (iso_fast(trimmed, dt)) {
      DateMatch m;
      m.value = dt;
      m.written = CalendarDate{CalendarKind::gregorian, int(dt.date.year()),
                               int(dt.date.month()), int(dt.date.day())};
      m.begin = static_cast<std::size_t>(trimmed.data() - text.data());
      m.end = m.begin + trimmed.size();
      return m;
    }
  }
  Scan local;
  Scan& scan = text.size() <= kReuseLimit ? thread_scan() : local;
  dates_detail::scan(text, scan);
  const auto& toks = scan.toks;
  Parser p(scan, name_table(), options_, LangSet::from_words(language_mask_), detecting_);
  p.language_order = language_order_;
  // Leading punctuation and filler words.
  std::size_t i = 0;
  while (i < toks.size()) {
    if (toks[i].kind == Tok::punct && toks[i].ch != '+' && toks[i].ch != '-') {
      ++i;
      continue;
    }
    Parser::Hit h = p.marker_at(i, kFiller);
    if (h.info) {
      // A filler word that is also a weekday/month ("am"): try the date first.
      Reading r;
      if (p.date_at(i, r) && r.valid) break;
      i = h.next;
      continue;
    }
    break;
  }
  if (i >= toks.size()) return std::nullopt;
  Reading r;
  bool found = p.date_at(i, r) && r.valid;
  if (!found) {
    // A time before the date: "8:25 a.m. Dec. 12, 2014", "10:05, 23 août
    // 2021", "ore 18:30 del 5 marzo 2020".
    Parser::Time tm;
    Parser::Hit time_word = p.marker_at(i, kTimeWord);
    if (p.time_at(time_word.info ? time_word.next : i, tm, false)) {
      std::size_t k = tm.next;
      bool zone_unread = !tm.offset && tm.zone_id.empty() && p.zone_like(k);
      if (zone_unread) ++k;  // "8:25 XYZT Dec. 12, 2014"
      if (p.is_punct(k, ',') || p.is_punct(k, '-') || p.is_punct(k, '~') || p.is_punct(k, '|'))
        ++k;
      Parser::Hit filler = p.marker_at(k, kFiller | kOfConnector);
      Reading after;
      if ((p.date_at(k, after) && after.valid) ||
          (filler.info && p.date_at(filler.next, after = Reading{}) && after.valid)) {
        r = std::move(after);
        r.first = i;
        if (!r.seconds) p.take_time(r, tm);
        r.time_unread = r.time_unread || zone_unread;
        found = true;
      }
    }
  }
  if (!found && options_.allow_partial) found = p.year_only(i, r);
  if (!found) return std::nullopt;
  if (!p.same_day(r)) return std::nullopt;
  bool clean = true;
  for (std::size_t k = r.end; k < toks.size() && clean; ++k) {
    char c = toks[k].ch;
    clean = toks[k].kind == Tok::punct &&
            (c == '.' || c == ',' || c == ')' || c == ']' || c == ';' || c == ':' || c == '"' ||
             c == '\'' || c == '!' || c == '?');
  }
  if (!clean) {
    // A time or zone we cannot read: keep the date, and say so.
    if (r.precision != DatePrecision::day || !p.time_like_tail(r.end)) return std::nullopt;
    r.time_unread = true;
  }
  return to_match(r, scan, text);
}

std::optional<DateTime> DateParser::parse(std::string_view text) const {
  auto m = parse_detailed(text);
  if (!m || m->ambiguous) return std::nullopt;
  return m->value;
}

std::optional<Date> DateParser::parse_date(std::string_view text) const {
  auto dt = parse(text);
  if (!dt) return std::nullopt;
  return dt->date;
}

std::vector<DateMatch> DateParser::find_dates(std::string_view text) const {
  std::vector<DateMatch> out;
  Scan scan;
  dates_detail::scan(text, scan);
  Parser p(scan, name_table(), options_, LangSet::from_words(language_mask_), detecting_);
  p.language_order = language_order_;
  p.in_prose = true;
  std::size_t i = 0;
  while (i < scan.toks.size()) {
    Reading r;
    if (p.date_at(i, r)) {
      if (r.valid) out.push_back(to_match(r, scan, text));
      i = std::max(r.end, i + 1);
    } else {
      ++i;
    }
  }
  return out;
}

const char* precision_name(DatePrecision precision) noexcept {
  switch (precision) {
    case DatePrecision::day: return "day";
    case DatePrecision::month: return "month";
    case DatePrecision::year: return "year";
  }
  return "day";
}

std::optional<DateTime> parse_datetime(std::string_view text, const DateParseOptions& options) {
  return DateParser(options).parse(text);
}

std::optional<Date> parse_date(std::string_view text, const DateParseOptions& options) {
  return DateParser(options).parse_date(text);
}

}  // namespace digest
