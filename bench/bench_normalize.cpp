// Normaliser throughput (MB/s of input) on a mixed-script corpus (English,
// French, Persian, Arabic; bench/data/normalize/), next to ICU's bare
// NFKC_Casefold on the same text as the ceiling to compare against.
#include <benchmark/benchmark.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "digest/normalize.hpp"
#include "text/utf8.hpp"

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path data_dir() {
  return std::filesystem::path(__FILE__).parent_path() / "data" / "normalize";
}

// One language's text, repeated to about 64 KiB; "mixed" interleaves all
// four paragraph by paragraph.
const std::string& corpus(const std::string& lang) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  std::string base;
  if (lang == "mixed") {
    for (const char* l : {"en", "fa", "ar", "fr"}) base += read_file(data_dir() / (std::string(l) + ".txt"));
  } else if (lang == "ascii_key") {
    // Text that is already a search key: the fast path.
    base = *digest::Normalizer::shared().search_key(read_file(data_dir() / "en.txt"));
    base += ' ';
  } else {
    base = read_file(data_dir() / (lang + ".txt"));
  }
  std::string s;
  while (s.size() < 64 * 1024) s += base;
  return cache.emplace(lang, std::move(s)).first->second;
}

void SearchKey(benchmark::State& state, const std::string& lang) {
  const std::string& text = corpus(lang);
  const auto& n = digest::Normalizer::shared();
  for (auto _ : state) {
    auto k = n.search_key(text);
    benchmark::DoNotOptimize(k);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void Tokens(benchmark::State& state, const std::string& lang) {
  const std::string& text = corpus(lang);
  const auto& n = digest::Normalizer::shared();
  std::size_t count = 0;
  for (auto _ : state) {
    auto t = n.tokens(text);
    count = t->size();
    benchmark::DoNotOptimize(t);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
}

// The tokens in one buffer, reused from call to call as the gazetteer does.
void TokenKey(benchmark::State& state, const std::string& lang) {
  const std::string& text = corpus(lang);
  const auto& n = digest::Normalizer::shared();
  digest::TokenKey tk;
  for (auto _ : state) {
    if (!n.token_key(text, tk)) state.SkipWithError("token_key failed");
    benchmark::DoNotOptimize(tk.key.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tk.spans().size()));
}

void Display(benchmark::State& state, const std::string& lang) {
  const std::string& text = corpus(lang);
  const auto& n = digest::Normalizer::shared();
  for (auto _ : state) {
    auto d = n.normalize(text, digest::NormalForm::display);
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void Nfkc(benchmark::State& state, const std::string& lang) {
  const std::string& text = corpus(lang);
  const auto& n = digest::Normalizer::shared();
  for (auto _ : state) {
    auto d = n.normalize(text, digest::NormalForm::nfkc);
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// The ceiling: ICU's NFKC_Casefold alone, UTF-8 in and out (no mark
// removal, no Arabic-script or digit unification, no separators).
void IcuNfkcCasefold(benchmark::State& state, const std::string& lang) {
  const std::string& text = corpus(lang);
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(st);
  for (auto _ : state) {
    std::string out;
    out.reserve(text.size());
    icu::StringByteSink<std::string> sink(&out);
    st = U_ZERO_ERROR;
    n->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                     nullptr, st);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// The same through UTF-16 (UnicodeString), as most ICU users call it.
void IcuNfkcCasefoldUtf16(benchmark::State& state, const std::string& lang) {
  const std::string& text = corpus(lang);
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(st);
  for (auto _ : state) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    st = U_ZERO_ERROR;
    icu::UnicodeString r = n->normalize(u, st);
    std::string out;
    r.toUTF8String(out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void Transliterate(benchmark::State& state, const std::string& lang) {
  // Smaller input: Any-Latin is slow.
  std::string text = corpus(lang).substr(0, 4096);
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
  const auto& n = digest::Normalizer::shared();
  for (auto _ : state) {
    auto t = n.transliterate(text);
    benchmark::DoNotOptimize(t);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// Words never seen before (the per-thread word memo never hits): 400,000
// distinct made-up words in Cyrillic, Greek, Arabic and Persian letters,
// taken 2,000 at a time in turn, so a word comes back only after the memo
// (32,768 words) has been cleared many times.
void TransliterateUnseen(benchmark::State& state) {
  static const std::vector<std::string> texts = [] {
    const std::pair<char32_t, char32_t> scripts[] = {
        {0x0430, 0x044F}, {0x03B1, 0x03C9}, {0x0627, 0x064A}, {0x06A9, 0x06CC}};
    std::mt19937 rng(3);
    std::vector<std::string> out;
    for (int t = 0; t < 200; ++t) {
      std::string text;
      for (int w = 0; w < 2000; ++w) {
        auto [lo, hi] = scripts[(t + w) % 4];
        const int len = 4 + static_cast<int>(rng() % 6);
        for (int k = 0; k < len; ++k)
          digest::detail::append_utf8(text, lo + static_cast<char32_t>(rng() % (hi - lo + 1)));
        text += ' ';
      }
      out.push_back(std::move(text));
    }
    return out;
  }();
  const auto& n = digest::Normalizer::shared();
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& text = texts[i++ % texts.size()];
    auto t = n.transliterate(text);
    benchmark::DoNotOptimize(t);
    bytes += text.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 2000, benchmark::Counter::kIsRate);
}
BENCHMARK(TransliterateUnseen)->Unit(benchmark::kMillisecond);

}  // namespace

#define DG_NORM_BENCH(fn, lang) BENCHMARK_CAPTURE(fn, lang, std::string(#lang))

DG_NORM_BENCH(SearchKey, mixed);
DG_NORM_BENCH(SearchKey, en);
DG_NORM_BENCH(SearchKey, fr);
DG_NORM_BENCH(SearchKey, fa);
DG_NORM_BENCH(SearchKey, ar);
DG_NORM_BENCH(SearchKey, ascii_key);
DG_NORM_BENCH(IcuNfkcCasefold, mixed);
DG_NORM_BENCH(IcuNfkcCasefold, en);
DG_NORM_BENCH(IcuNfkcCasefold, fr);
DG_NORM_BENCH(IcuNfkcCasefold, fa);
DG_NORM_BENCH(IcuNfkcCasefold, ar);
DG_NORM_BENCH(IcuNfkcCasefold, ascii_key);
DG_NORM_BENCH(IcuNfkcCasefoldUtf16, mixed);
DG_NORM_BENCH(Tokens, mixed);
DG_NORM_BENCH(Tokens, en);
DG_NORM_BENCH(Tokens, fa);
DG_NORM_BENCH(TokenKey, mixed);
DG_NORM_BENCH(TokenKey, en);
DG_NORM_BENCH(TokenKey, fa);
DG_NORM_BENCH(Display, mixed);
DG_NORM_BENCH(Nfkc, mixed);
DG_NORM_BENCH(Transliterate, mixed);
