// Attribution lines: "Author, Outlet, Date:… text" and its kin. The date is
// found first (DateParser::find_dates); the header is what precedes it, cut
// at commas, and each part gets a role from the registry or from the
// heuristics below (documented in docs/dates.md).
#include "digest/attribution.hpp"

#include <algorithm>
#include <unordered_set>

#include "digest/normalize.hpp"

namespace digest {


// ---- SimpleOutletList ---------------------------------------------------------

SimpleOutletList::SimpleOutletList(std::span<const Source> sources) {
  for (const auto& s : sources) add(s);
}

bool SimpleOutletList::add(std::string_view id, std::string_view name) {
  auto key = Normalizer::shared().search_key(name);
  if (!key.ok() || key.value().empty()) return false;
  auto [it, inserted] = by_key_.emplace(std::move(key.value()), std::string(id));
  return inserted || it->second == id;
}

void SimpleOutletList::add(const Source& source) {
  add(source.id, source.name);
  add(source.id, source.id);
  for (const auto& a : source.aliases) add(source.id, a);
}

std::optional<std::string> SimpleOutletList::find_outlet(std::string_view text) const {
  auto key = Normalizer::shared().search_key(text);
  if (!key.ok() || key.value().empty()) return std::nullopt;
  auto it = by_key_.find(key.value());
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

namespace {

// ---- word lists (keys built once through the Normalizer) ------------------------

using KeySet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

KeySet* make_keys(std::initializer_list<const char*> words) {
  auto* set = new KeySet();
  for (const char* w : words) {
    auto k = Normalizer::shared().search_key(w);
    if (k.ok() && !k.value().empty()) set->insert(std::move(k.value()));
  }
  return set;
}

// Words that mark an outlet's name.
const KeySet& outlet_words() {
  static const KeySet* s = make_keys({
      "news", "times", "post", "journal", "tribune", "herald", "gazette", "daily", "weekly",
      "press", "agency", "tv", "radio", "channel", "network", "media", "online", "magazine",
      "review", "observer", "telegraph", "chronicle", "courier", "express", "monitor", "wire",
      "today", "info", "dispatch", "bulletin", "broadcasting", "quotidien", "hebdo", "presse",
      "agence", "télévision", "infos", "actu", "zeitung", "rundschau", "nachrichten", "rundfunk",
      "kurier", "diario", "periódico", "noticias", "prensa", "agencia", "giornale", "corriere",
      "notizie", "jornal", "folha", "notícias", "krant", "dagblad", "nieuws", "tidning",
      "nyheter", "haber", "gazete", "ajans", "lajme", "gazeta", "новости", "газета", "агентство",
      "радио", "тв", "вести", "خبرگزاری", "روزنامه", "شبکه", "رادیو", "تلویزیون", "سایت",
      "هفته‌نامه", "ماهنامه", "پایگاه", "خبری", "اخبار", "صحيفة", "جريدة", "وكالة", "قناة",
      "موقع", "تلفزيون", "راديو", "شبكة", "مجلة", "أنباء", "الأنباء", "أخبار", "روزنامہ",
      "نیوز", "چینل"});
  return *s;
}

// Articles that open outlet names ("Le Monde", "Die Zeit", "The Daily ...").
const KeySet& leading_articles() {
  static const KeySet* s =
      make_keys({"the", "le", "la", "les", "l", "der", "die", "das", "el", "il", "lo", "het", "de"});
  return *s;
}

// Words between authors.
const KeySet& author_connectors() {
  static const KeySet* s =
      make_keys({"and", "et", "und", "y", "e", "en", "och", "dhe", "ve", "и", "و", "i"});
  return *s;
}

// "By" before the authors.
const KeySet& by_words() {
  static const KeySet* s = make_keys({"by", "par", "von", "por", "di", "door", "av", "nga",
                                      "автор", "بقلم", "نوشته", "گزارش", "كتبه", "تحرير"});
  return *s;
}

// ---- helpers ---------------------------------------------------------------------

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Trims ASCII spaces, no-break spaces and quotes off a span of `line`.
TextSpan trim(std::string_view line, TextSpan s) {
  auto nbsp_at = [&](std::size_t i) {
    return i + 1 < line.size() && static_cast<unsigned char>(line[i]) == 0xC2 &&
           static_cast<unsigned char>(line[i + 1]) == 0xA0;
  };
  while (s.begin < s.end) {
    char c = line[s.begin];
    if (is_space_byte(c) || c == '"' || c == '\n') {
      ++s.begin;
    } else if (nbsp_at(s.begin) && s.begin + 2 <= s.end) {
      s.begin += 2;
    } else {
      break;
    }
  }
  while (s.end > s.begin) {
    char c = line[s.end - 1];
    if (is_space_byte(c) || c == '"' || c == '\n') {
      --s.end;
    } else if (s.end >= s.begin + 2 && nbsp_at(s.end - 2)) {
      s.end -= 2;
    } else {
      break;
    }
  }
  return s;
}

std::string_view text_of(std::string_view line, TextSpan s) {
  return line.substr(s.begin, s.end - s.begin);
}

// The Normalizer's words of a span, with spans relative to the line.
std::vector<Token> words_of(std::string_view line, TextSpan s) {
  auto r = Normalizer::shared().tokens(text_of(line, s));
  if (!r.ok()) return {};
  std::vector<Token> out = std::move(r.value());
  for (auto& t : out) {
    t.begin += s.begin;
    t.end += s.begin;
  }
  return out;
}

bool starts_with_at(std::string_view s, std::size_t i, std::string_view what) {
  return s.substr(i, what.size()) == what;
}

// A separator after the date at byte `i`: ":…", ":...", ":..", ":", " — ",
// " – ", " - ", " | ", or a line break. Returns its end, or npos.
std::size_t separator_at(std::string_view line, std::size_t i) {
  std::size_t j = i;
  while (j < line.size() && is_space_byte(line[j])) ++j;
  bool spaced = j > i;
  if (j >= line.size()) return std::string_view::npos;
  if (line[j] == ':' || starts_with_at(line, j, "\xEF\xBC\x9A")) {  // ':' or fullwidth
    j += line[j] == ':' ? 1 : 3;
    if (starts_with_at(line, j, "\xE2\x80\xA6")) {
      j += 3;  // …
    } else {
      while (j < line.size() && line[j] == '.') ++j;
    }
    return j;
  }
  if (line[j] == '\n') return j + 1;
  std::size_t len = 0;
  if (starts_with_at(line, j, "\xE2\x80\x94") || starts_with_at(line, j, "\xE2\x80\x93")) {
    len = 3;  // — –
  } else if (line[j] == '-' || line[j] == '|') {
    len = 1;
  }
  if (len == 0 || !spaced) return std::string_view::npos;
  std::size_t k = j + len;
  if (k < line.size() && !is_space_byte(line[k]) && line[k] != '\n') return std::string_view::npos;
  return k;
}

struct Part {
  TextSpan span;
  std::vector<Token> words;
};

// Cuts the header at ',' and '،'.
std::vector<Part> split_parts(std::string_view line, TextSpan header) {
  std::vector<Part> parts;
  std::size_t start = header.begin;
  auto flush = [&](std::size_t end) {
    TextSpan s = trim(line, {start, end});
    if (!s.empty()) parts.push_back(Part{s, words_of(line, s)});
  };
  for (std::size_t i = header.begin; i < header.end;) {
    if (line[i] == ',') {
      flush(i);
      start = i + 1;
      i += 1;
    } else if (starts_with_at(line, i, "\xD8\x8C")) {  // ،
      flush(i);
      start = i + 2;
      i += 2;
    } else {
      ++i;
    }
  }
  flush(header.end);
  return parts;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// How much a part looks like an outlet's name.
int outlet_score(std::string_view line, const Part& p) {
  int score = 0;
  std::string_view text = text_of(line, p.span);
  if (has_digit(text)) score += 2;  // "France 24", "Channel 4"
  if (text.find('.') != std::string_view::npos && text.find(' ') == std::string_view::npos)
    score += 2;  // "example.com"
  for (const auto& w : p.words) {
    if (outlet_words().count(w.key)) score += 3;
  }
  if (!p.words.empty() && p.words.size() > 1 && leading_articles().count(p.words[0].key))
    score += 2;
  return score;
}

bool has_connector(std::string_view line, const Part& p) {
  for (std::size_t i = 1; i + 1 < p.words.size(); ++i) {
    if (author_connectors().count(p.words[i].key)) return true;
  }
  return text_of(line, p.span).find('&') != std::string_view::npos;
}

// Drops a leading "By" from the first part; true when there was one.
bool strip_by(std::string_view line, Part& p) {
  if (p.words.size() < 2) return false;
  std::size_t n = 0;
  if (by_words().count(p.words[0].key)) {
    n = 1;
  } else if (p.words.size() >= 3 && p.words[0].key == "به" && p.words[1].key == "قلم") {
    n = 2;
  }
  if (n == 0) return false;
  p.span = trim(line, {p.words[n - 1].end, p.span.end});
  // Drop a ':' after "By"
  if (p.span.begin < p.span.end && line[p.span.begin] == ':') p.span = trim(line, {p.span.begin + 1, p.span.end});
  p.words.erase(p.words.begin(), p.words.begin() + static_cast<std::ptrdiff_t>(n));
  return true;
}

// Splits a part of authors on "and", "&", "و", ...
void add_authors(std::string_view line, const Part& p, Attribution& a) {
  std::vector<std::size_t> cuts_begin, cuts_end;  // connector spans
  for (std::size_t i = 0; i < p.words.size(); ++i) {
    if (i > 0 && i + 1 < p.words.size() && author_connectors().count(p.words[i].key)) {
      cuts_begin.push_back(p.words[i].begin);
      cuts_end.push_back(p.words[i].end);
    }
  }
  for (std::size_t i = p.span.begin; i < p.span.end; ++i) {
    if (line[i] == '&') {
      cuts_begin.push_back(i);
      cuts_end.push_back(i + 1);
    }
  }
  // Sort the cuts by position.
  std::vector<std::size_t> order(cuts_begin.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t x, std::size_t y) { return cuts_begin[x] < cuts_begin[y]; });
  std::size_t start = p.span.begin;
  auto emit = [&](std::size_t end) {
    TextSpan s = trim(line, {start, end});
    if (!s.empty()) {
      a.authors.emplace_back(text_of(line, s));
      a.author_spans.push_back(s);
    }
  };
  for (std::size_t k : order) {
    if (cuts_begin[k] < start) continue;
    emit(cuts_begin[k]);
    start = cuts_end[k];
  }
  emit(p.span.end);
}

void set_outlet(std::string_view line, const Part& p, Attribution& a) {
  a.outlet = std::string(text_of(line, p.span));
  a.outlet_span = p.span;
}

void set_place(std::string_view line, const std::vector<Part>& parts, std::size_t first,
               Attribution& a) {
  if (first >= parts.size()) return;
  TextSpan s{parts[first].span.begin, parts.back().span.end};
  a.place = std::string(text_of(line, s));
  a.place_span = s;
}

void assign_roles(std::string_view line, std::vector<Part>& parts, bool by,
                  const OutletLookup* registry, Attribution& a) {
  const std::size_t n = parts.size();
  // No registry named anything here (nor, with no parts, could it).
  a.method = "heuristic";
  if (n == 0) return;
  // 1. The registry names the outlet.
  if (registry) {
    for (std::size_t i = 0; i < n; ++i) {
      if (by && i == 0 && n > 1) continue;
      auto id = registry->find_outlet(text_of(line, parts[i].span));
      if (!id) continue;
      for (std::size_t k = 0; k < i; ++k) add_authors(line, parts[k], a);
      set_outlet(line, parts[i], a);
      a.source = *id;
      set_place(line, parts, i + 1, a);
      a.method = "registry";
      return;
    }
  }
  a.method = "heuristic";
  // 2. Heuristics.
  bool people = by || has_connector(line, parts[0]);
  if (n == 1) {
    if (people) {
      add_authors(line, parts[0], a);
    } else {
      set_outlet(line, parts[0], a);
    }
    return;
  }
  std::vector<int> score(n);
  for (std::size_t i = 0; i < n; ++i) score[i] = outlet_score(line, parts[i]);
  // The part that looks most like an outlet (the first of equals), if any.
  std::size_t best = 0;
  for (std::size_t i = 1; i < n; ++i) {
    if (score[i] > score[best]) best = i;
  }
  std::size_t outlet;
  if (score[best] > 0 && !(people && best == 0)) {
    outlet = best;
  } else if (n == 2) {
    // "Reuters, Paris" (one word first) versus "Jane Doe, Reuters".
    outlet = (!people && parts[0].words.size() == 1) ? 0 : 1;
  } else if (people) {
    outlet = n - 1;  // "By A, B, Outlet"
  } else if (parts[0].words.size() == 1) {
    outlet = 0;  // "Lantern, Oslo, Norway": a one-word name is rarely a person's
  } else {
    outlet = n - 2;  // "Author, Outlet, Place"
  }
  if (people && outlet == 0) outlet = std::min<std::size_t>(1, n - 1);
  for (std::size_t k = 0; k < outlet; ++k) add_authors(line, parts[k], a);
  set_outlet(line, parts[outlet], a);
  set_place(line, parts, outlet + 1, a);
}

}  // namespace

std::optional<Attribution> parse_attribution(std::string_view line, const OutletLookup* registry,
                                             const AttributionOptions& options) {
  // Look for the date in a bounded window (plus room for the date itself).
  std::size_t window = std::min(line.size(), options.max_header_bytes + 120);
  std::string_view head = line.substr(0, window);
  DateParser parser(options.dates);
  auto dates = parser.find_dates(head);
  for (const auto& d : dates) {
    if (d.begin > options.max_header_bytes) break;
    std::size_t sep_end = separator_at(line, d.end);
    if (sep_end == std::string_view::npos) continue;
    // The header before the date: empty, or parts ending with a comma.
    TextSpan header = trim(line, {0, d.begin});
    if (!header.empty()) {
      std::string_view h = text_of(line, header);
      if (h.back() == ',') {
        header.end -= 1;
      } else if (h.size() >= 2 && h.substr(h.size() - 2) == "\xD8\x8C") {
        header.end -= 2;
      } else {
        continue;
      }
      h = text_of(line, header);
      if (h.find(':') != std::string_view::npos || h.find('\n') != std::string_view::npos ||
          h.find("\xE2\x80\x94") != std::string_view::npos)
        continue;
    }
    std::vector<Part> parts = split_parts(line, header);
    if (parts.size() > 6) continue;
    Attribution a;
    bool by = !parts.empty() && strip_by(line, parts[0]);
    assign_roles(line, parts, by, registry, a);
    a.date = d.value;
    a.date_ambiguous = d.ambiguous;
    a.written_date = d.written;
    a.date_span = TextSpan{d.begin, d.end};
    a.header_span = TextSpan{0, sep_end};
    a.excerpt_span = trim(line, {sep_end, line.size()});
    a.excerpt = std::string(text_of(line, a.excerpt_span));
    return a;
  }
  return std::nullopt;
}

bool apply_attribution(Post& post, const OutletLookup* registry,
                       const AttributionOptions& options) {
  const std::string& text = !post.excerpt.empty() ? post.excerpt : post.body;
  if (text.empty()) return false;
  std::string_view first = text;
  // The first non-empty line.
  while (!first.empty() && (first.front() == '\n' || first.front() == '\r' || first.front() == ' '))
    first.remove_prefix(1);
  auto a = parse_attribution(first, registry, options);
  if (!a) return false;
  bool changed = false;
  if (post.authors.empty() && !a->authors.empty()) {
    post.authors = a->authors;
    changed = true;
  }
  if (post.source.empty() && (!a->source.empty() || !a->outlet.empty())) {
    post.source = !a->source.empty() ? a->source : a->outlet;
    changed = true;
  }
  if (post.place.empty() && !a->place.empty()) {
    post.place = a->place;
    changed = true;
  }
  if (!post.published_on && a->date) {
    post.published_on = a->date;
    changed = true;
  }
  return changed;
}

}  // namespace digest
