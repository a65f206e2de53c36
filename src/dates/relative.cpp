// Dates relative to the reference: "yesterday", "3 hours ago", "il y a deux
// jours", "vor 3 Tagen", "دیروز", "منذ ساعتين", "last Monday". Apart from
// the absolute forms: a phrase names an amount and a unit, and the driver
// (Parser::relative in parser.cpp) places it against the reference.
//
// The phrases are data (relative_tables.cpp): patterns of words, quantity
// slots {q} and weekday slots {w}, compiled once into the Normalizer's keys
// and matched here token by token. Each word read carries the languages it
// belongs to; a reading keeps only the languages all its words share, so a
// French pattern never reads an English number or a Spanish unit.
#include <algorithm>
#include <array>
#include <type_traits>
#include <unordered_map>

#include "dates/grammar.hpp"
#include "dates/relative_tables.hpp"

namespace digest::dates_detail {

namespace {

using namespace relative_data;

// The parser's language mask type, so these tables follow it if it grows.
using Mask = std::remove_cvref_t<decltype(Parser::langs)>;

struct Elem {
  enum Kind : std::uint8_t { words, optional, quantity, weekday, not_before };
  Kind kind = words;
  std::vector<std::string> keys;  // words, optional, not_before: the words in order
};

struct Pattern {
  std::vector<Elem> elems;
  Mask langs = 0;
  Form form = Form::day;
  int value = 0;
};

struct UnitWord {
  Relative::Unit unit;
  int implied;
  Mask langs;
};

struct NumberWord {
  int value;
  Mask langs;
};

struct WeekdayWord {
  int weekday;
  Mask langs;
};

template <class V>
using KeyMap = std::unordered_map<std::string, std::vector<V>, StringHash, std::equal_to<>>;

struct Tables {
  std::vector<Pattern> patterns;
  // Patterns by what their first token may be: a word's key, a quantity
  // (a number, a number word or a unit word) or a weekday.
  KeyMap<std::uint16_t> by_word;
  std::vector<std::uint16_t> by_quantity;
  std::vector<std::uint16_t> by_weekday;
  KeyMap<UnitWord> units;
  KeyMap<NumberWord> numbers;
  KeyMap<WeekdayWord> weekdays;
  std::vector<std::string> not_weekdays;
  std::vector<std::string> not_in_prose;
  // The first word of every element of literal words: a text without any
  // of them holds no relative phrase (every pattern has one), which spares
  // find_dates the matcher at each token of ordinary prose.
  std::unordered_map<std::string, bool, StringHash, std::equal_to<>> literal_words;
  // By first byte, the lengths of the literal words (bit 31: 31 or more):
  // most words of prose fail this before any hashing.
  std::array<std::uint32_t, 256> literal_shapes{};

  static std::uint32_t length_bit(std::size_t size) {
    return std::uint32_t{1} << (size < 31 ? size : 31);
  }
  void add_literal(const std::string& key) {
    literal_words.emplace(key, true);
    if (!key.empty()) literal_shapes[static_cast<unsigned char>(key[0])] |= length_bit(key.size());
  }
  bool may_be_literal(std::string_view key) const {
    return !key.empty() &&
           (literal_shapes[static_cast<unsigned char>(key[0])] & length_bit(key.size())) != 0;
  }

  template <class V>
  static const std::vector<V>* find(const KeyMap<V>& map, std::string_view key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
  }
};

Mask language_bit(const char* code) { return Mask(core_language_bit(code)); }

// The keys of a table phrase. The Normalizer drops apostrophes inside a
// word ("aujourd'hui" -> "aujourdhui") while the scanner splits text at
// them, so the tables' apostrophes split words here too.
std::vector<std::string> keys_of(std::string_view text) {
  std::string spaced(text);
  std::replace(spaced.begin(), spaced.end(), '\'', ' ');
  return phrase_words(spaced);
}

// Space-separated single words of a row, each as its key.
template <class F>
void each_word(const char* list, F f) {
  std::string_view rest = list;
  while (!rest.empty()) {
    std::size_t cut = rest.find(' ');
    std::string_view word = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    auto keys = keys_of(word);
    if (keys.size() == 1) f(keys.front());
  }
}

Pattern compile(const PhraseRow& row) {
  Pattern p;
  p.langs = language_bit(row.lang);
  p.form = row.form;
  p.value = row.value;
  std::string_view rest = row.text;
  while (!rest.empty()) {
    std::size_t cut = rest.find(' ');
    std::string_view part = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    Elem e;
    if (part == "{q}") {
      e.kind = Elem::quantity;
    } else if (part == "{w}") {
      e.kind = Elem::weekday;
    } else if (part.size() > 2 && part.front() == '[' && part.back() == ']') {
      e.kind = Elem::optional;
      e.keys = keys_of(part.substr(1, part.size() - 2));
    } else if (part.size() > 1 && part.front() == '!') {
      e.kind = Elem::not_before;
      e.keys = keys_of(part.substr(1));
    } else {
      e.keys = keys_of(part);
    }
    if (e.kind == Elem::quantity || e.kind == Elem::weekday || !e.keys.empty()) {
      p.elems.push_back(std::move(e));
    }
  }
  return p;
}

// Files pattern `index` under every token it may start with: an optional
// word, or what follows it.
void index_pattern(Tables& tb, std::uint16_t index) {
  for (const Elem& e : tb.patterns[index].elems) {
    if (e.kind == Elem::words) tb.add_literal(e.keys.front());
  }
  for (const Elem& e : tb.patterns[index].elems) {
    switch (e.kind) {
      case Elem::words: tb.by_word[e.keys.front()].push_back(index); return;
      case Elem::quantity: tb.by_quantity.push_back(index); return;
      case Elem::weekday: tb.by_weekday.push_back(index); return;
      case Elem::optional: tb.by_word[e.keys.front()].push_back(index); break;
      case Elem::not_before: break;
    }
  }
}

const Tables* build_tables() {
  auto* tb = new Tables();
  for (const PhraseRow& row : phrase_rows()) {
    tb->patterns.push_back(compile(row));
    index_pattern(*tb, static_cast<std::uint16_t>(tb->patterns.size() - 1));
  }
  for (const UnitRow& row : unit_rows()) {
    Mask bit = language_bit(row.lang);
    each_word(row.words, [&](const std::string& key) {
      auto& list = tb->units[key];
      for (auto& u : list) {
        if (u.unit == row.unit && u.implied == row.implied) {
          u.langs |= bit;
          return;
        }
      }
      list.push_back(UnitWord{row.unit, row.implied, bit});
    });
  }
  for (const NumberRow& row : number_rows()) {
    Mask bit = language_bit(row.lang);
    each_word(row.words, [&](const std::string& key) {
      auto& list = tb->numbers[key];
      for (auto& n : list) {
        if (n.value == row.value) {
          n.langs |= bit;
          return;
        }
      }
      list.push_back(NumberWord{row.value, bit});
    });
  }
  for (const WeekdayRow& row : weekday_rows()) {
    Mask bit = language_bit(row.lang);
    each_word(row.words, [&](const std::string& key) {
      tb->weekdays[key].push_back(WeekdayWord{row.weekday, bit});
    });
  }
  for (const char* word : not_weekday_words()) {
    each_word(word, [&](const std::string& key) { tb->not_weekdays.push_back(key); });
  }
  for (const char* word : not_in_prose_words()) {
    each_word(word, [&](const std::string& key) { tb->not_in_prose.push_back(key); });
  }
  return tb;
}

const Tables& tables() {
  // Leaked on purpose: immutable, shared by every thread until exit.
  static const Tables* tb = build_tables();
  return *tb;
}

// Numbers larger than this are not counts of units.
constexpr int kMaxDigits = 5;

// What a reading has gathered so far.
struct State {
  Mask langs = 0;
  Relative::Unit unit = Relative::day;
  int amount = 0;  // the quantity's count, or the weekday
};

// Matches the patterns that may start at one token and keeps the longest
// reading (the first pattern in table order on a tie).
class Matcher {
 public:
  Matcher(Parser& p, const Tables& tb, std::size_t start) : p_(p), tb_(tb), start_(start) {}

  void run(std::uint16_t index) {
    const Pattern& pat = tb_.patterns[index];
    State st;
    st.langs = pat.langs & p_.langs;
    if (!st.langs) return;
    pattern_ = &pat;
    index_ = index;
    step(0, start_, st);
  }

  bool found() const { return found_; }
  const Relative& result() const { return best_; }

 private:
  // Apostrophes and hyphens may join words ("aujourd'hui", "avant-hier",
  // "un'ora"), not start a phrase.
  std::size_t skip_joiner(std::size_t k) const {
    if (k > start_ && (p_.is_punct(k, '\'') || p_.is_punct(k, '-')) &&
        (p_.is_word(k + 1) || p_.is_num(k + 1))) {
      return k + 1;
    }
    return k;
  }

  bool key_is(std::size_t k, const std::string& key) const {
    return p_.is_word(k) && p_.s.key(p_.t[k]) == key;
  }

  // The words of an element from token k; the token after them, or 0.
  std::size_t words_at(const Elem& e, std::size_t k) const {
    for (const std::string& key : e.keys) {
      k = skip_joiner(k);
      if (!key_is(k, key)) return 0;
      ++k;
    }
    return k;
  }

  void step(std::size_t e, std::size_t k, State st) {
    if (!st.langs) return;
    const auto& elems = pattern_->elems;
    if (e == elems.size()) {
      finish(k, st);
      return;
    }
    const Elem& el = elems[e];
    switch (el.kind) {
      case Elem::words: {
        std::size_t next = words_at(el, k);
        if (next) step(e + 1, next, st);
        return;
      }
      case Elem::optional: {
        std::size_t next = words_at(el, k);
        if (next) step(e + 1, next, st);
        step(e + 1, k, st);
        return;
      }
      case Elem::not_before:
        if (!words_at(el, k)) step(e + 1, k, st);
        return;
      case Elem::quantity: quantity(e, skip_joiner(k), st); return;
      case Elem::weekday: weekday(e, skip_joiner(k), st); return;
    }
  }

  // {q}: a count and a unit word ("3 days", "deux jours", "un'ora"), or a
  // unit word that implies its count ("неделю", "ساعتين").
  void quantity(std::size_t e, std::size_t k, State st) {
    if (p_.is_num(k)) {
      const Tok& num = p_.t[k];
      if (num.value >= 0 && num.digits <= kMaxDigits) counted_unit(e, k + 1, num.value, st);
      return;
    }
    if (!p_.is_word(k)) return;
    std::string_view key = p_.s.key(p_.t[k]);
    if (const auto* numbers = Tables::find(tb_.numbers, key)) {
      for (const NumberWord& nw : *numbers) {
        State s2 = st;
        s2.langs &= nw.langs;
        if (s2.langs) counted_unit(e, k + 1, nw.value, s2);
      }
    }
    if (const auto* units = Tables::find(tb_.units, key)) {
      // "منذ يوم الجمعة" is since Friday, "منذ عام 2015" since 2015, "منذ
      // شهر رمضان" since Ramadan: a unit word that stands for its count
      // is not one when a name or a number follows it.
      if (names_follow(k + 1)) return;
      for (const UnitWord& uw : *units) {
        if (uw.implied == 0) continue;
        State s2 = st;
        s2.langs &= uw.langs;
        s2.unit = uw.unit;
        s2.amount = uw.implied;
        step(e + 1, k + 1, s2);
      }
    }
  }

  void counted_unit(std::size_t e, std::size_t k, int count, State st) {
    k = skip_joiner(k);
    if (!p_.is_word(k)) return;
    const auto* units = Tables::find(tb_.units, p_.s.key(p_.t[k]));
    if (!units) return;
    for (const UnitWord& uw : *units) {
      if (uw.implied == 2) continue;  // a dual is its own count
      State s2 = st;
      s2.langs &= uw.langs;
      s2.unit = uw.unit;
      s2.amount = count;
      step(e + 1, k + 1, s2);
    }
  }

  bool names_follow(std::size_t k) {
    if (p_.is_num(k)) return true;
    int wd;
    Mask wl;
    std::size_t next;
    if (p_.weekday_at(k, wd, wl, next)) return true;
    Parser::MonthHit month;
    return p_.month_at(k, month);
  }

  // {w}: a weekday name ICU knows, or one of the forms it lacks.
  void weekday(std::size_t e, std::size_t k, State st) {
    if (!p_.is_word(k)) return;
    std::string_view key = p_.s.key(p_.t[k]);
    for (const auto& w : tb_.not_weekdays) {
      if (key == w) return;
    }
    int wd;
    Mask wl = 0;
    std::size_t next;
    if (p_.weekday_at(k, wd, wl, next) && wd != kNone) {
      State s2 = st;
      s2.langs &= wl;
      s2.amount = wd;
      step(e + 1, next, s2);
      // An abbreviation's period before the rest of the phrase ("lun. dernier").
      if (e + 1 < pattern_->elems.size() && p_.is_punct(next, '.') && p_.attached(next)) {
        step(e + 1, next + 1, s2);
      }
    }
    if (const auto* extra = Tables::find(tb_.weekdays, key)) {
      for (const WeekdayWord& ww : *extra) {
        State s2 = st;
        s2.langs &= ww.langs;
        s2.amount = ww.weekday;
        step(e + 1, k + 1, s2);
      }
    }
  }

  // "روز گذشته" is yesterday, but "۳ روز گذشته" the past three days: a
  // fixed day is not read after a count.
  bool after_count(const Mask& langs) const {
    if (start_ == 0) return false;
    std::size_t k = start_ - 1;
    if (p_.is_num(k)) return true;
    if (!p_.is_word(k)) return false;
    const auto* numbers = Tables::find(tb_.numbers, p_.s.key(p_.t[k]));
    if (!numbers) return false;
    for (const NumberWord& nw : *numbers) {
      if (nw.langs & langs) return true;
    }
    return false;
  }

  void finish(std::size_t end, const State& st) {
    if (end <= start_) return;
    if (found_ && (end < best_.next || (end == best_.next && index_ >= best_index_))) return;
    Relative r;
    r.next = end;
    r.languages = st.langs;
    switch (pattern_->form) {
      case Form::day:
        if (after_count(st.langs)) return;
        r.unit = Relative::day;
        r.amount = pattern_->value;
        break;
      case Form::weekday:
        r.unit = Relative::weekday;
        r.amount = pattern_->value;
        break;
      case Form::ago:
        r.unit = st.unit;
        r.amount = st.amount;
        break;
      case Form::ahead:
        r.unit = st.unit;
        r.amount = -st.amount;
        break;
      case Form::last:
        r.unit = Relative::weekday;
        r.amount = st.amount;
        break;
    }
    best_ = r;
    best_index_ = index_;
    found_ = true;
  }

  Parser& p_;
  const Tables& tb_;
  std::size_t start_;
  const Pattern* pattern_ = nullptr;
  std::uint16_t index_ = 0;
  bool found_ = false;
  Relative best_;
  std::uint16_t best_index_ = 0;
};

}  // namespace

bool Parser::relative_at(std::size_t i, Relative& out) {
  if (i >= n() || t[i].kind == Tok::punct) return false;
  const Tables& tb = tables();
  // Where the text has a pattern's literal word, found once per text; a
  // phrase starting at i has one within a few tokens (the longest patterns,
  // "{q} тому назад", "[the] day before yesterday", put it 4 tokens in).
  if (!relative_scanned) {
    relative_scanned = true;
    for (std::size_t k = 0; k < n(); ++k) {
      if (t[k].kind == Tok::word && tb.may_be_literal(s.key(t[k])) &&
          tb.literal_words.count(s.key(t[k]))) {
        relative_words.push_back(static_cast<std::uint32_t>(k));
      }
    }
  }
  constexpr std::size_t kReach = 8;
  auto near = std::lower_bound(relative_words.begin(), relative_words.end(), i);
  if (near == relative_words.end() || *near >= i + kReach) return false;
  Matcher m(*this, tb, i);
  // A count is one only before a unit word ("3 days", "deux jours",
  // "un'ora"): checked here once rather than by every pattern.
  auto unit_follows = [&] {
    std::size_t k = i + 1;
    if ((is_punct(k, '\'') || is_punct(k, '-')) && attached(k)) ++k;
    return is_word(k) && Tables::find(tb.units, s.key(t[k])) != nullptr;
  };
  bool quantity = is_num(i) && unit_follows();
  if (is_word(i)) {
    std::string_view key = s.key(t[i]);
    if (const auto* list = Tables::find(tb.by_word, key)) {
      for (std::uint16_t index : *list) m.run(index);
    }
    quantity = (Tables::find(tb.numbers, key) && unit_follows()) || Tables::find(tb.units, key);
    int wd;
    Mask wl;
    std::size_t next;
    if (weekday_at(i, wd, wl, next) || Tables::find(tb.weekdays, key)) {
      for (std::uint16_t index : tb.by_weekday) m.run(index);
    }
  }
  if (quantity) {
    for (std::uint16_t index : tb.by_quantity) m.run(index);
  }
  if (!m.found()) return false;
  out = m.result();
  // In running text with no language given, a one-word phrase that is an
  // everyday word of another core language is not read; as the whole text,
  // or with the language given, it is.
  if (in_prose && detecting && out.next == i + 1) {
    std::string_view key = s.key(t[i]);
    for (const auto& w : tb.not_in_prose) {
      if (key == w) return false;
    }
  }
  return true;
}

}  // namespace digest::dates_detail
