// Gazetteer and source registry benchmarks.
//
// Dictionaries of 1,000 / 10,000 / 100,000 aliases of invented names (one to
// three pseudo-words), and ~1 MB of generated English-like text in which one
// token in ~40 starts a dictionary alias. "MatchKey" is the matching step
// alone on text already in key form (the aim: ≥ 500 MB/s, and at most 2×
// slower from 1k to 100k aliases); "Find" is the whole find() (Normalizer
// tokens + matching + spans), "FindShort" the same on 2,000 texts of ~1 KB
// (the Python comparison's shape); "Compile" builds the automaton from aliases
// already added; "Build" adds and compiles (normalising every alias);
// "LoadJson" reads, adds and compiles a JSON dictionary.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "digest/entities.hpp"
#include "digest/json.hpp"
#include "digest/normalize.hpp"
#include "digest/sources.hpp"

namespace {

using namespace digest;

std::string pseudo_word(std::mt19937& rng) {
  static const char* syl[] = {"ka", "vo", "re", "ni", "ta", "lu", "sa", "mi", "do", "ze",
                              "ran", "bel", "gor", "tis", "pha", "quo", "ny", "xe", "wu", "ji",
                              "mor", "fen", "dal", "cri", "ost", "ul", "an", "ev", "ha", "pel"};
  std::uniform_int_distribution<int> n(2, 4), s(0, 29);
  std::string w;
  for (int i = n(rng); i > 0; --i) w += syl[s(rng)];
  w[0] = static_cast<char>(w[0] - 'a' + 'A');  // names are capitalised
  return w;
}

struct Dict {
  std::vector<std::pair<std::string, std::vector<std::string>>> entities;
  std::vector<std::string> all_aliases;
};

const Dict& dictionary(std::size_t aliases) {
  static std::vector<std::pair<std::size_t, Dict>> cache;
  for (auto& [n, d] : cache)
    if (n == aliases) return d;
  std::mt19937 rng(1234);
  Dict d;
  std::uniform_int_distribution<int> words(1, 3);
  std::size_t total = 0;
  for (std::size_t e = 0; total < aliases; ++e) {
    std::vector<std::string> list;
    for (int a = 0; a < 4 && total < aliases; ++a, ++total) {
      std::string alias;
      for (int w = words(rng); w > 0; --w) alias += (alias.empty() ? "" : " ") + pseudo_word(rng);
      list.push_back(alias);
      d.all_aliases.push_back(alias);
    }
    d.entities.emplace_back("e" + std::to_string(e), std::move(list));
  }
  cache.emplace_back(aliases, std::move(d));
  return cache.back().second;
}

Gazetteer build(const Dict& d) {
  Gazetteer g;
  for (const auto& [id, aliases] : d.entities) (void)g.add(id, aliases);
  g.compile();
  return g;
}

const std::string& text_for(std::size_t aliases) {
  static std::vector<std::pair<std::size_t, std::string>> cache;
  for (auto& [n, t] : cache)
    if (n == aliases) return t;
  static const char* common[] = {
      "the", "of", "and", "to", "in", "a", "that", "said", "on", "for", "with", "was", "by",
      "talks", "between", "river", "authority", "farming", "cooperatives", "resumed", "after",
      "two-week", "pause", "officials", "new", "water", "plan", "would", "be", "published",
      "end", "month", "trial", "season", "begin", "spring", "spokesperson", "northern",
      "valley", "figures", "nobody", "explained", "why", "according", "draft", "paper", "each",
      "cooperative", "receive", "cubic", "metres", "per", "hectare", "first", "year", "report",
      "minister", "council", "statement", "on", "Tuesday", "morning", "city", "people", "its",
      "government", "group", "they", "were", "not", "yet", "has", "had", "from", "at", "as"};
  const Dict& d = dictionary(aliases);
  std::mt19937 rng(99);
  std::uniform_int_distribution<std::size_t> w(0, sizeof(common) / sizeof(common[0]) - 1);
  std::uniform_int_distribution<std::size_t> al(0, d.all_aliases.size() - 1);
  std::uniform_int_distribution<int> pick(0, 39);
  std::string t;
  int in_sentence = 0;
  while (t.size() < (1u << 20)) {
    if (pick(rng) == 0) t += d.all_aliases[al(rng)];
    else t += common[w(rng)];
    if (++in_sentence == 18) {
      t += ". ";
      in_sentence = 0;
    } else {
      t += pick(rng) == 1 ? ", " : " ";
    }
  }
  cache.emplace_back(aliases, std::move(t));
  return cache.back().second;
}

std::string key_of(const std::string& text) {
  auto toks = Normalizer::shared().tokens(text);
  std::string key;
  for (const auto& tk : *toks) {
    if (!key.empty()) key += ' ';
    key += tk.key;
  }
  return key;
}

void BM_GazetteerMatchKey(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Gazetteer g = build(dictionary(n));
  const std::string key = key_of(text_for(n));
  std::size_t matches = 0;
  for (auto _ : state) {
    matches = g.count_in_key(key);
    benchmark::DoNotOptimize(matches);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * key.size()));
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_GazetteerMatchKey)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_GazetteerFind(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Gazetteer g = build(dictionary(n));
  const std::string& text = text_for(n);
  std::size_t matches = 0;
  for (auto _ : state) {
    auto r = g.find(text);
    matches = r->size();
    benchmark::DoNotOptimize(matches);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_GazetteerFind)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Short texts, as a news feed gives them (and as bench/python/bench_entities.py
// times against flashtext): 2,000 texts of ~1,000 bytes, 10,000 aliases, one
// word in ~30 an alias; with Arg(1), a few accented words (café, Zürich…).
const std::vector<std::string>& short_texts(bool accented) {
  static std::vector<std::string> cache[2];
  std::vector<std::string>& out = cache[accented];
  if (!out.empty()) return out;
  static const char* common[] = {
      "the", "of", "and", "to", "in", "a", "that", "said", "on", "for", "with", "was", "by",
      "talks", "between", "river", "authority", "farming", "cooperatives", "resumed", "after",
      "pause", "officials", "new", "water", "plan", "would", "be", "published", "end", "month",
      "trial", "season", "begin", "spring", "spokesperson", "northern", "valley", "figures",
      "nobody", "explained", "why", "according", "draft", "paper", "each", "cooperative",
      "receive", "cubic", "metres", "per", "hectare", "first", "year", "report", "minister",
      "council", "statement", "Tuesday", "morning", "city", "people", "its", "government",
      "group", "they", "were", "not", "yet", "has", "had", "from", "at", "as",
      "caf\xC3\xA9", "Z\xC3\xBCrich", "S\xC3\xA3o", "\xC3\xA9lan", "na\xC3\xAFve"};
  const std::size_t n_common = sizeof(common) / sizeof(common[0]) - (accented ? 0 : 5);
  const Dict& d = dictionary(10000);
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> w(0, n_common - 1);
  std::uniform_int_distribution<std::size_t> al(0, d.all_aliases.size() - 1);
  std::uniform_int_distribution<int> pick(0, 29), punct(0, 14), mark(0, 3);
  for (int i = 0; i < 2000; ++i) {
    std::string t;
    while (t.size() < 1000) {
      if (!t.empty()) t += ' ';
      t += pick(rng) == 0 ? d.all_aliases[al(rng)] : std::string(common[w(rng)]);
      if (punct(rng) == 0) t += ",.;:"[mark(rng)];
    }
    out.push_back(std::move(t));
  }
  return out;
}

void BM_GazetteerFindShort(benchmark::State& state) {
  Gazetteer g = build(dictionary(10000));
  const auto& texts = short_texts(state.range(0) != 0);
  std::size_t bytes = 0, matches = 0;
  for (const auto& t : texts) bytes += t.size();
  for (auto _ : state) {
    matches = 0;
    for (const auto& t : texts) matches += g.find(t)->size();
    benchmark::DoNotOptimize(matches);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_GazetteerFindShort)->ArgName("accented")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_GazetteerCompile(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Gazetteer g;
  for (const auto& [id, aliases] : dictionary(n).entities) (void)g.add(id, aliases);
  for (auto _ : state) {
    (void)g.add("x", std::vector<std::string>{"Recompile" + std::to_string(state.iterations())});
    g.compile();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.counters["automaton_MB"] = static_cast<double>(g.automaton_bytes()) / 1e6;
}
BENCHMARK(BM_GazetteerCompile)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_GazetteerBuild(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Dict& d = dictionary(n);
  for (auto _ : state) {
    Gazetteer g = build(d);
    benchmark::DoNotOptimize(g.alias_count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_GazetteerBuild)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_GazetteerLoadJson(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string json = gazetteer_to_json(build(dictionary(n)), false);
  for (auto _ : state) {
    auto g = gazetteer_from_json(json);
    g->compile();
    benchmark::DoNotOptimize(g->alias_count());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}
BENCHMARK(BM_GazetteerLoadJson)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_SourceResolve(benchmark::State& state) {
  // 300 outlets; half the queries exact, half one typo away.
  std::mt19937 rng(5);
  SourceRegistry reg;
  std::vector<std::string> queries;
  for (int i = 0; i < 300; ++i) {
    Source s;
    s.id = "s" + std::to_string(i);
    s.name = pseudo_word(rng) + " " + pseudo_word(rng);
    s.aliases = {pseudo_word(rng) + " Daily"};
    queries.push_back(i % 2 ? s.name : "X" + s.name.substr(1));
    (void)reg.add(std::move(s));
  }
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const auto& q : queries) found += reg.resolve(q).has_value();
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * queries.size()));
  state.counters["resolved"] = static_cast<double>(found);
}
BENCHMARK(BM_SourceResolve)->Unit(benchmark::kMillisecond);

}  // namespace
