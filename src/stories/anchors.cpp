#include "stories/anchors.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <optional>

#include "dates/internal.hpp"
#include "digest/dates.hpp"
#include "digest/entities.hpp"
#include "digest/normalize.hpp"
#include "text/utf8.hpp"

namespace digest::stories_detail {
namespace {

using detail::decode_utf8;

struct Span {
  std::size_t begin = 0, end = 0;
};

// Sorted, possibly overlapping spans; answers "does [b, e) touch any?".
class Spans {
 public:
  void add(std::size_t b, std::size_t e) { spans_.push_back({b, e}); }
  void seal() {
    std::sort(spans_.begin(), spans_.end(),
              [](const Span& x, const Span& y) { return x.begin < y.begin; });
    // Running maximum of ends, so one binary search answers overlap.
    max_end_.resize(spans_.size());
    std::size_t m = 0;
    for (std::size_t i = 0; i < spans_.size(); ++i) max_end_[i] = m = std::max(m, spans_[i].end);
  }
  bool touches(std::size_t b, std::size_t e) const {
    auto it = std::lower_bound(spans_.begin(), spans_.end(), e,
                               [](const Span& s, std::size_t v) { return s.begin < v; });
    std::size_t n = static_cast<std::size_t>(it - spans_.begin());
    return n > 0 && max_end_[n - 1] > b;
  }

 private:
  std::vector<Span> spans_;
  std::vector<std::size_t> max_end_;
};

char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  auto d = decode_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  return d.valid ? d.cp : 0;
}

UScriptCode script_of(char32_t c) {
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &st);
  return U_FAILURE(st) ? USCRIPT_INVALID_CODE : sc;
}

bool is_cased_script(UScriptCode sc) {
  return sc == USCRIPT_LATIN || sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK ||
         sc == USCRIPT_ARMENIAN;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Code points of a gap between two tokens, through `f`; stops when f is false.
template <class F>
void each_code_point(std::string_view s, F&& f) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    auto d = decode_utf8(p + i, s.size() - i);
    if (!f(d.valid ? d.cp : detail::kReplacement)) return;
    i += d.len;
  }
}

// A gap that ends a sentence: the next word is capitalised whatever it is.
bool gap_ends_sentence(std::string_view gap) {
  bool ends = false;
  each_code_point(gap, [&](char32_t c) {
    switch (c) {
      case '.': case '!': case '?': case ':': case ';': case '\n': case '\r':
      case 0x2026: /* … */ case 0x061F: /* ؟ */ case 0x06D4: /* ۔ */
        ends = true;
        return false;
      default:
        return true;
    }
  });
  return ends;
}

// Spaces and zero-width (non-)joiners only: the two words may form one name
// ("فرح‌زاد" is two tokens).
bool gap_is_blank(std::string_view gap) {
  bool blank = true;
  each_code_point(gap, [&](char32_t c) {
    blank = c == ' ' || c == '\t' || c == 0x200C || c == 0x200D || c == 0x00A0;
    return blank;
  });
  return blank;
}

// ---- numbers ------------------------------------------------------------------

// The one-character separator between two digit groups, or 0.
char32_t group_separator(std::string_view gap) {
  if (gap.empty() || gap.size() > 2) return 0;
  char32_t c = first_code_point(gap);
  switch (c) {
    case '.': case ',': case 0x066B: /* ٫ */ case 0x066C: /* ٬ */
      return (c < 0x80) == (gap.size() == 1) ? c : 0;
    default:
      return 0;
  }
}

// Digits of a token key: all of it, or after one Arabic conjunction or
// preposition glued to the number ("و٣٥" is "and 35").
std::optional<std::string_view> digits_of(std::string_view key) {
  if (all_digits(key)) return key;
  static constexpr std::array<std::string_view, 4> kGlued = {"\xD9\x88" /* و */,
                                                            "\xD9\x81" /* ف */,
                                                            "\xD8\xA8" /* ب */,
                                                            "\xD9\x84" /* ل */};
  for (auto p : kGlued) {
    if (key.size() > p.size() && key.substr(0, p.size()) == p && all_digits(key.substr(p.size())))
      return key.substr(p.size());
  }
  return std::nullopt;
}

// "1,200", "1.234.567" and "١٬٢٠٠" are integers; "4.5", "4,5", "٤٫٥" and
// "1,234.5" have decimals; "2.1.3" is nothing (a version, an address). A
// single "1.200" is read as 1.2. Leading zeros and trailing decimal zeros go.
std::optional<std::string> canonical_number(const std::vector<std::string_view>& groups,
                                            const std::vector<char32_t>& seps) {
  std::string integer(groups[0]), decimals;
  if (!seps.empty()) {
    const char32_t last = seps.back();
    auto same_as_first = [&](std::size_t count) {  // seps [0, count) are one character
      return std::all_of(seps.begin(), seps.begin() + static_cast<std::ptrdiff_t>(count),
                         [&](char32_t c) { return c == seps[0]; });
    };
    const bool same = same_as_first(seps.size());
    auto threes = [&](std::size_t from, std::size_t to) {  // groups [from, to) have 3 digits
      for (std::size_t g = from; g < to; ++g)
        if (groups[g].size() != 3) return false;
      return true;
    };
    const bool decimal_mark = last == '.' || last == ',' || last == 0x066B;
    if (same && threes(1, groups.size()) && (seps.size() > 1 || last == ',' || last == 0x066C)) {
      for (std::size_t g = 1; g < groups.size(); ++g) integer += groups[g];
    } else if (decimal_mark &&
               (seps.size() == 1 ||
                (!same && threes(1, groups.size() - 1) && same_as_first(seps.size() - 1)))) {
      for (std::size_t g = 1; g + 1 < groups.size(); ++g) integer += groups[g];
      decimals = groups.back();
    } else {
      return std::nullopt;
    }
  }
  std::size_t nz = integer.find_first_not_of('0');
  integer = nz == std::string::npos ? "0" : integer.substr(nz);
  while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
  if (decimals.empty() && integer.size() == 1 && integer[0] <= '1') return std::nullopt;  // 0, 1
  if (integer.size() + decimals.size() > 24) return std::nullopt;
  return decimals.empty() ? integer : integer + "." + decimals;
}

// ---- names ---------------------------------------------------------------------

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

// The word without a French elision ("l’Autorité") or an English possessive
// ("Tamrah's"); empty when it has neither.
std::string_view strip_clitics(std::string_view w) {
  std::string_view out = w;
  bool changed = false;
  // Elision: one of l d j n s m t c, then an apostrophe, then the word.
  if (out.size() > 2) {
    char c = static_cast<char>(out[0] | 0x20);
    if (std::string_view("ldjnsmtc").find(c) != std::string_view::npos) {
      auto d = decode_utf8(reinterpret_cast<const unsigned char*>(out.data()) + 1, out.size() - 1);
      if (d.valid && is_apostrophe(d.cp) && out.size() > 1 + d.len) {
        out.remove_prefix(1 + d.len);
        changed = true;
      }
    }
  }
  // Possessive: an apostrophe then "s" at the end.
  for (std::string_view tail : {"'s", "\xE2\x80\x99s", "\xCA\xBCs"}) {
    if (out.size() > tail.size() && out.substr(out.size() - tail.size()) == tail) {
      out.remove_suffix(tail.size());
      changed = true;
      break;
    }
  }
  return changed ? out : std::string_view();
}

struct CaseShape {
  bool capital = false;  // first letter upper or title case
  bool acronym = false;  // 2+ letters, all upper case
};

CaseShape case_shape(std::string_view w) {
  CaseShape s;
  std::size_t letters = 0, upper = 0;
  bool first = true;
  each_code_point(w, [&](char32_t c) {
    if (!u_isalpha(static_cast<UChar32>(c))) return true;
    ++letters;
    bool up = u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
    if (up) ++upper;
    if (first) s.capital = up;
    first = false;
    return true;
  });
  s.acronym = letters >= 2 && upper == letters;
  return s;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The skeleton of a Latin key. Abjad mode: the i-th w or y (i < 3) is kept
// when bit i of `keep` is set, later ones dropped; cased mode: kept before a
// vowel.
std::string skeleton(std::string_view key, bool abjad, unsigned keep) {
  std::string s;
  for (char c : key) {
    if (c != ' ') s += c;
  }
  std::string out;
  unsigned wy = 0;
  auto put = [&](char c) {
    if (out.empty() || out.back() != c) out += c;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (next == 'h') {
      char m = 0;
      switch (c) {
        case 's': case 'c': m = 's'; break;
        case 'k': case 'g': m = 'k'; break;
        case 't': m = 't'; break;
        case 'd': m = 'd'; break;
        case 'z': m = 'z'; break;
        case 'p': m = 'f'; break;
        default: break;
      }
      if (m) {
        put(m);
        ++i;
        continue;
      }
    }
    if (is_vowel(c)) continue;
    switch (c) {
      case 'c': case 'q': case 'g': case 'k': put('k'); break;
      case 'p': case 'b': put('b'); break;
      case 'x': put('k'); put('s'); break;
      case 'v': case 'f': put('f'); break;
      case 'w': case 'y': {
        bool kept = abjad ? (wy < 3 && ((keep >> wy) & 1u)) : is_vowel(next);
        ++wy;
        if (kept) put(c == 'w' ? 'f' : 'y');
        break;
      }
      case 'h':
        if (i + 1 < s.size()) put('h');
        break;
      default: put(c); break;
    }
  }
  return out;
}

// Frequent Persian and Arabic words whose skeletons would pass for names
// ("کرد", did, is "Kurd" and "accord").
constexpr std::string_view kAbjadStopWords[] = {
    "کرد", "کرده", "کردند", "کند", "کنند", "شد", "شده", "شدند", "شود", "است", "بود",
    "بودند", "دارد", "دارند", "داده", "داد", "گفت", "گفته", "خواهد", "خواهند", "نیز",
    "باید", "برای", "بر", "از", "به", "با", "در", "که", "این", "آن", "را", "هر", "یک",
    "تا", "پس", "پیش", "روز", "سال", "ها", "های", "هم", "اما", "یا", "اگر", "همه",
    "میان", "بین", "پایان", "قرار", "اعلام", "گزارش", "درصد", "استان", "سازمان",
    "قال", "كان", "كانت", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "على",
    "إلى", "الى", "من", "في", "عن", "مع", "بعد", "قبل", "حتى", "خلال", "منذ", "عند",
    "لكن", "أن", "إن", "كما", "حيث", "ضمن", "وقال", "وكان", "يوم", "عام", "بالمئة",
    "المئة", "مجلس", "محافظة", "حول", "أول", "الأول", "غير", "بين", "لدى", "أمام"};

// Prefixes of Arabic-script words (in search-key form below): the article
// and one-letter conjunctions and prepositions. Longest first.
constexpr std::string_view kAbjadPrefixes[] = {"وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"};

}  // namespace

std::string cased_skeleton(std::string_view latin_key) { return skeleton(latin_key, false, 0); }

std::vector<std::string> abjad_skeletons(std::string_view latin_key) {
  std::vector<std::string> out;
  for (unsigned keep = 8; keep-- > 0;) {
    std::string s = skeleton(latin_key, true, keep);
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

// ---- one post ------------------------------------------------------------------

PostScan scan_post(const Post& post, std::string_view language, const Gazetteer* gazetteer,
                   const Normalizer& normalizer) {
  PostScan out;
  // Title, excerpt and body, each a field of its own (sentences and bylines
  // start at a field's start).
  std::string text;
  std::vector<Span> fields;
  for (const std::string* f : {&post.title, &post.excerpt, &post.body}) {
    if (f->empty()) continue;
    if (!text.empty()) text += "\n\n";
    if (text.size() >= kMaxScanBytes) break;
    std::size_t room = kMaxScanBytes - text.size();
    std::size_t n = f->size();
    if (n > room) {
      // Cut at a character boundary.
      n = room;
      while (n > 0 && (static_cast<unsigned char>((*f)[n]) & 0xC0) == 0x80) --n;
    }
    fields.push_back({text.size(), text.size() + n});
    text.append(*f, 0, n);
  }
  if (text.empty()) return out;
  // The text speaks from the day it was published ("on Wednesday", "23
  // August"); the curator may have posted it days later.
  const std::optional<Date> day = post.published_on ? post.published_on->date : post.digest_date();

  // Dates, read in the post's language when it is one the parser knows.
  DateParseOptions dopt;
  dates_detail::LangSet lang_bits;
  if (!language.empty()) {
    bool known = false;
    dates_detail::LangSet bits = dates_detail::language_mask({std::string(language)}, &known);
    if (known) {
      lang_bits = bits;
      dopt.languages = {std::string(language)};
    }
  }
  dopt.reference = day;
  dopt.yearless = YearlessRule::nearest;  // "a vote follows on 2 September": ahead counts too
  std::vector<DateMatch> dates = DateParser(dopt).find_dates(text);

  // Bylines ("Name, Outlet, 26 August 2021: ...") carry the date the piece
  // was filed and the reporter's name, not the event: leave them out.
  Spans bylines;
  for (const Span& f : fields) {
    std::string_view field(text.data() + f.begin, f.end - f.begin);
    std::size_t colon = field.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 160) continue;
    std::string_view head = field.substr(0, colon);
    if (head.find_first_of(".!?") != std::string_view::npos ||
        head.find("\xD8\x9F") != std::string_view::npos /* ؟ */)
      continue;
    if (head.find(',') == std::string_view::npos && head.find("\xD8\x8C") == std::string_view::npos)
      continue;
    for (const DateMatch& m : dates) {
      if (m.begin < f.begin || m.end > f.begin + colon) continue;
      std::string_view rest(text.data() + m.end, f.begin + colon - m.end);
      if (rest.find_first_not_of(" \t") == std::string_view::npos) {
        bylines.add(f.begin, f.begin + colon + 1);
        break;
      }
    }
  }
  bylines.seal();

  Spans dated;  // dates and bylines: no numbers, weekdays or names inside
  for (const DateMatch& m : dates) {
    dated.add(m.begin, m.end);
    if (!m.value || m.ambiguous || bylines.touches(m.begin, m.end)) continue;
    float factor = day && (m.value->date - *day).days() > 1 ? 0.5f : 1.0f;
    out.dates.emplace_back(m.value->date, factor);
  }

  Spans named;  // entity matches: their words are not names or numbers again
  if (gazetteer) {
    auto found = gazetteer->find(text);
    if (found.ok()) {
      for (const EntityMatch& m : *found) {
        if (bylines.touches(m.begin, m.end)) continue;
        named.add(m.begin, m.end);
        out.entities.emplace_back(m.entity_id);
      }
    }
  }
  named.seal();
  dated.seal();

  auto tokens_r = normalizer.tokens(text);
  if (!tokens_r.ok()) return out;
  const std::vector<Token>& toks = *tokens_r;
  auto surface = [&](const Token& t) {
    return std::string_view(text).substr(t.begin, t.end - t.begin);
  };
  auto gap_before = [&](std::size_t i) -> std::string_view {
    std::size_t from = i == 0 ? 0 : toks[i - 1].end;
    return std::string_view(text).substr(from, toks[i].begin - from);
  };

  // Title Case fields ("Three Provinces Sign Water Accord") say nothing of
  // which words are names.
  std::vector<Span> title_case;
  for (const Span& f : fields) {
    std::size_t words = 0, caps = 0;
    for (const Token& t : toks) {
      if (t.begin < f.begin || t.end > f.end || t.key.size() < 4) continue;
      char32_t c = first_code_point(surface(t));
      if (!is_cased_script(script_of(c))) continue;
      ++words;
      if (u_isupper(static_cast<UChar32>(c))) ++caps;
    }
    if (words >= 3 && caps * 10 >= words * 6) title_case.push_back(f);
  }
  auto in_title_case = [&](std::size_t pos) {
    return std::any_of(title_case.begin(), title_case.end(),
                       [&](const Span& f) { return pos >= f.begin && pos < f.end; });
  };

  const auto& names = dates_detail::name_table();
  const std::size_t longest = std::min<std::size_t>(names.longest_words, 4);
  std::unordered_map<std::string, std::size_t> cased_at;  // key -> index in out.cased
  std::size_t last_abjad_token = static_cast<std::size_t>(-1);

  for (std::size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (dated.touches(t.begin, t.end) || bylines.touches(t.begin, t.end)) continue;

    // A weekday alone ("on Wednesday", "mercredi", "الأربعاء") names the day
    // of that name within three days of the post's date.
    const dates_detail::NameInfo* head = day && lang_bits ? names.find(t.key) : nullptr;
    if (head && (!head->weekdays.empty() || (head->markers & dates_detail::kPrefix))) {
      bool matched = false;
      std::string phrase;
      for (std::size_t w = std::min(longest, toks.size() - i); w >= 1 && !matched; --w) {
        phrase.clear();
        bool ok = true;
        for (std::size_t k = 0; k < w && ok; ++k) {
          if (k) {
            ok = gap_is_blank(gap_before(i + k));
            phrase += ' ';
          }
          phrase += toks[i + k].key;
        }
        if (!ok) continue;
        // Abbreviations ("sat", "wed", "mer", "jeu") are everyday words.
        if (is_ascii(phrase) && phrase.size() < 5) continue;
        const dates_detail::NameInfo* info = names.find(phrase);
        if (!info) continue;
        for (const auto& wd : info->weekdays) {
          if (!(wd.languages & lang_bits)) continue;
          for (int off = -3; off <= 3; ++off) {
            Date d = *day + boost::gregorian::days(off);
            if (d.day_of_week().as_number() == wd.weekday) {
              out.dates.emplace_back(d, off > 1 ? 0.5f : 1.0f);
              break;
            }
          }
          matched = true;
          i += w - 1;
          break;
        }
      }
      if (matched) continue;
    }

    if (named.touches(t.begin, t.end)) continue;

    // Numbers: "42", "۴۲", "4.5", "1,200", "و٣٥".
    if (auto digits = digits_of(t.key)) {
      std::vector<std::string_view> groups{*digits};
      std::vector<char32_t> seps;
      while (i + 1 < toks.size() && all_digits(toks[i + 1].key)) {
        char32_t sep = group_separator(gap_before(i + 1));
        if (!sep) break;
        seps.push_back(sep);
        groups.push_back(toks[i + 1].key);
        ++i;
      }
      if (auto n = canonical_number(groups, seps)) out.numbers.push_back(std::move(*n));
      continue;
    }

    std::string_view word = surface(t);
    char32_t c0 = first_code_point(word);
    UScriptCode sc = script_of(c0);
    if (sc == USCRIPT_ARABIC) {
      if (!out.abjad.empty() && last_abjad_token + 1 == i)
        out.abjad.back().joins_next = gap_is_blank(gap_before(i));
      out.abjad.push_back({t.key, false});
      last_abjad_token = i;
      continue;
    }
    if (!is_cased_script(sc)) continue;

    std::string key = t.key;
    if (std::string_view bare = strip_clitics(word); !bare.empty()) {
      auto k = normalizer.search_key(bare);
      if (!k.ok() || k->empty() || k->find(' ') != std::string::npos) continue;
      key = std::move(*k);
      word = bare;
    }
    if (!is_ascii(key)) {
      auto lk = normalizer.latin_key(key);
      if (!lk.ok() || lk->empty() || lk->find(' ') != std::string::npos) continue;
      key = std::move(*lk);
    }
    if (key.size() < 2 || all_digits(key)) continue;
    CaseShape shape = case_shape(word);
    auto [it, fresh] = cased_at.try_emplace(key, out.cased.size());
    if (fresh) out.cased.push_back({key});
    PostScan::CasedWord& cw = out.cased[it->second];
    if (!shape.capital) {
      cw.lower = true;
    } else if (shape.acronym) {
      cw.acronym = true;
    } else if (i == 0 || gap_ends_sentence(gap_before(i)) || in_title_case(t.begin)) {
      cw.capital_initial = true;
    } else {
      cw.capital_inside = true;
    }
  }

  auto distinct = [](std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  distinct(out.entities);
  distinct(out.numbers);
  // One entry per date, with its largest factor.
  std::sort(out.dates.begin(), out.dates.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  out.dates.erase(std::unique(out.dates.begin(), out.dates.end(),
                              [](const auto& a, const auto& b) { return a.first == b.first; }),
                  out.dates.end());
  return out;
}

// ---- names across the collection ------------------------------------------------

void NameVocabulary::count(const PostScan& scan) {
  for (const auto& w : scan.cased) {
    Stats& s = stats_[w.key];
    if (w.capital_inside) ++s.capital_inside;
    if (w.capital_inside || w.capital_initial || w.acronym) ++s.capital;
    if (w.acronym) ++s.acronym;
    if (w.lower) ++s.lower;
  }
}

std::string NameVocabulary::identity_of(std::string_view key) const {
  auto it = stats_.find(std::string(key));
  if (it == stats_.end()) return {};
  const Stats& s = it->second;
  // A word written in lower case in more posts than capitalised is a word.
  if (s.capital == 0 || s.capital < s.lower) return {};
  // Month and weekday names are dates, not names.
  if (const auto* info = dates_detail::name_table().find(key);
      info && (!info->months.empty() || !info->weekdays.empty()))
    return {};
  if (s.acronym * 2 > s.capital) return key.size() >= 2 ? "=" + std::string(key) : std::string();
  // Capitalised only where every word is (sentence starts, headlines): unknown.
  if (s.capital_inside == 0 || key.size() < 3) return {};
  std::string sk = cased_skeleton(key);
  return sk.size() >= 3 ? sk : "=" + std::string(key);
}

void NameVocabulary::finish() {
  // Keys in sorted order, so that display ties are settled the same way on
  // every run.
  std::vector<const std::string*> keys;
  keys.reserve(stats_.size());
  for (const auto& [k, s] : stats_) keys.push_back(&k);
  std::sort(keys.begin(), keys.end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  std::unordered_map<std::string, std::uint32_t> best;  // identity -> posts of its display key
  for (const std::string* k : keys) {
    std::string id = identity_of(*k);
    if (id.empty()) continue;
    std::uint32_t n = stats_[*k].capital;
    auto [it, fresh] = best.try_emplace(id, n);
    if (fresh || n > it->second) {
      it->second = n;
      display_[id] = *k;
    }
    if (id[0] != '=') skeletons_.insert(id);
    identity_.emplace(*k, std::move(id));
  }
  for (std::string_view w : kAbjadStopWords) {
    auto k = normalizer_.search_key(w);
    if (k.ok()) stop_.insert(std::move(*k));
  }
  for (std::string_view p : kAbjadPrefixes) {
    auto k = normalizer_.search_key(p);
    if (k.ok() && !k->empty()) prefixes_.push_back(std::move(*k));
  }
}

const std::string& NameVocabulary::latin_of_abjad(const std::string& key) {
  auto it = latin_cache_.find(key);
  if (it != latin_cache_.end()) return it->second;
  auto lk = normalizer_.latin_key(key);
  return latin_cache_.emplace(key, lk.ok() ? std::move(*lk) : std::string()).first->second;
}

const std::string& NameVocabulary::match_abjad(const std::string& latin) {
  auto it = match_cache_.find(latin);
  if (it != match_cache_.end()) return it->second;
  std::string found;
  for (std::string& v : abjad_skeletons(latin)) {
    if (v.size() >= 3 && skeletons_.count(v)) {
      found = std::move(v);
      break;
    }
  }
  return match_cache_.emplace(latin, std::move(found)).first->second;
}

std::vector<std::string> NameVocabulary::names_of(const PostScan& scan) {
  std::vector<std::string> out;
  for (const auto& w : scan.cased) {
    if (!(w.capital_inside || w.capital_initial || w.acronym)) continue;
    auto it = identity_.find(w.key);
    if (it != identity_.end()) out.push_back(it->second);
  }
  const auto& words = scan.abjad;
  for (std::size_t i = 0; i < words.size() && !skeletons_.empty(); ++i) {
    if (stop_.count(words[i].key)) continue;
    const bool pair = words[i].joins_next && i + 1 < words.size() && !stop_.count(words[i + 1].key);
    // The word as written, then without a prefix when 3+ letters remain.
    std::vector<std::string> forms{words[i].key};
    for (const std::string& p : prefixes_) {
      const std::string& k = words[i].key;
      if (k.size() >= p.size() + 6 && k.compare(0, p.size(), p) == 0)
        forms.push_back(k.substr(p.size()));
    }
    for (const std::string& form : forms) {
      const std::string latin = latin_of_abjad(form);
      if (latin.empty()) continue;
      if (pair) {
        // Two words may be one name ("فرح زاد" is Farahzad); a short
        // skeleton across two words is more likely chance ("لیلا فرح" is
        // not "Lower").
        const std::string& id = match_abjad(latin + latin_of_abjad(words[i + 1].key));
        if (id.size() >= 4) {
          out.push_back(id);
          ++i;
          break;
        }
      }
      const std::string& id = match_abjad(latin);
      if (!id.empty()) {
        out.push_back(id);
        break;
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string_view NameVocabulary::display(std::string_view identity) const {
  auto it = display_.find(std::string(identity));
  if (it != display_.end()) return it->second;
  return identity.substr(identity.empty() || identity[0] != '=' ? 0 : 1);
}

}  // namespace digest::stories_detail
