// JSON import/export throughput: MB/s of JSON and posts/s. The posts are
// synthetic and multilingual (English, Russian, Arabic, Japanese, Greek
// sentences written for this benchmark), generated in memory; the file
// benchmark writes them once to a temporary file.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "digest/json.hpp"

namespace {

using namespace digest;

constexpr std::size_t kPosts = 20000;

const char* const kTitles[] = {
    "Harbour board approves new ferry schedule",
    "Городской совет обсудил ремонт моста",
    "افتتاح مكتبة جديدة في وسط المدينة",
    "港の新しい灯台が完成しました",
    "Νέα ποδηλατόδρομος στην παραλία",
};
const char* const kBodies[] = {
    "The board met on Tuesday and voted to add two crossings during the summer months. "
    "Residents asked for later evening departures.",
    "Депутаты согласовали план работ и сроки. Движение по мосту будет частично ограничено "
    "в течение трёх недель.",
    "ستفتح المكتبة أبوابها للجمهور يوم السبت، وتضم قاعة للقراءة وركنا للأطفال.",
    "新しい灯台は来月から運用を開始する予定です。見学会も開かれます。",
    "Ο δήμος ανακοίνωσε ότι τα έργα θα ολοκληρωθούν μέσα στο καλοκαίρι.",
};
const char* const kLangs[] = {"en", "ru", "ar", "ja", "el"};

Collection make_collection(std::size_t n) {
  Collection c;
  c.reserve(n);
  for (int s = 0; s < 5; ++s) {
    Source src;
    src.id = "source-" + std::to_string(s);
    src.name = std::string("Outlet ") + kLangs[s];
    src.language = kLangs[s];
    (void)c.add_source(src);
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t k = i % 5;
    Post p;
    p.id = "post-" + std::to_string(i);
    p.title = kTitles[k];
    p.url = "https://news.example/" + std::to_string(i);
    p.posted_on = DateTime::from_iso("2024-03-" + std::string(i % 28 < 9 ? "0" : "") +
                                     std::to_string(i % 28 + 1) + "T10:15:00+02:00")
                      .value();
    p.authors = {"Reporter " + std::to_string(i % 17)};
    p.source = "source-" + std::to_string(k);
    p.excerpt = kTitles[(k + 1) % 5];
    p.body = kBodies[k];
    p.language = kLangs[k];
    p.tags = {"city", kLangs[k]};
    if (i % 4 == 0) p.extra = {{"x_score", "0.75"}, {"x_meta", R"({"desk":"local","rev":2})"}};
    (void)c.add_post(std::move(p));
  }
  return c;
}

const Collection& collection() {
  static const Collection c = make_collection(kPosts);
  return c;
}

const std::string& lines_text() {
  static const std::string s = export_json_lines(collection());
  return s;
}

void BM_JsonImportLinesMemory(benchmark::State& state) {
  const std::string& text = lines_text();
  ImportOptions o;
  o.format = JsonFormat::json_lines;
  for (auto _ : state) {
    Collection c;
    auto r = import_json(c, text, o);
    if (!r.ok()) state.SkipWithError(r.error().to_string().c_str());
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonImportLinesMemory)->Unit(benchmark::kMillisecond);

void BM_JsonImportLinesFile(benchmark::State& state) {
  const std::string& text = lines_text();
  auto path = std::filesystem::temp_directory_path() / "digest_bench_json.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  for (auto _ : state) {
    Collection c;
    auto r = import_file(c, path.string());
    if (!r.ok()) state.SkipWithError(r.error().to_string().c_str());
    benchmark::DoNotOptimize(c);
  }
  std::filesystem::remove(path);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonImportLinesFile)->Unit(benchmark::kMillisecond);

void BM_JsonImportOwnDocument(benchmark::State& state) {
  static const std::string text = export_json(collection(), {false});
  for (auto _ : state) {
    Collection c;
    auto r = import_json(c, text);
    if (!r.ok()) state.SkipWithError(r.error().to_string().c_str());
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonImportOwnDocument)->Unit(benchmark::kMillisecond);

void BM_JsonImportFeed(benchmark::State& state) {
  static const std::string text = export_json_feed(collection(), {.pretty = false});
  for (auto _ : state) {
    Collection c;
    auto r = import_json(c, text);
    if (!r.ok()) state.SkipWithError(r.error().to_string().c_str());
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonImportFeed)->Unit(benchmark::kMillisecond);

// WordPress: every title, excerpt and body goes through the HTML parser.
void BM_JsonImportWordPressHtml(benchmark::State& state) {
  static const std::string text = [] {
    std::string s = "[";
    for (std::size_t i = 0; i < 5000; ++i) {
      std::size_t k = i % 5;
      if (i) s += ',';
      s += "{\"id\":" + std::to_string(i) + ",\"date_gmt\":\"2024-03-01T10:00:00\",\"link\":\"https://blog.example/" +
           std::to_string(i) + "\",\"title\":{\"rendered\":";
      append_json_string(s, std::string(kTitles[k]) + " &#8211; <em>update</em>");
      s += "},\"excerpt\":{\"rendered\":";
      append_json_string(s, std::string("<p>") + kTitles[(k + 1) % 5] + " [&hellip;]</p>");
      s += "},\"content\":{\"rendered\":";
      append_json_string(s, std::string("<p>") + kBodies[k] + "</p>\n<ul><li>one</li><li>two&nbsp;items</li></ul><p><a href=\"/x\">" +
                                kBodies[(k + 2) % 5] + "</a><br>end</p>");
      s += "}}";
    }
    return s + "]";
  }();
  for (auto _ : state) {
    Collection c;
    auto r = import_json(c, text);
    if (!r.ok()) state.SkipWithError(r.error().to_string().c_str());
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 5000));
}
BENCHMARK(BM_JsonImportWordPressHtml)->Unit(benchmark::kMillisecond);

template <int Form>
void BM_JsonExport(benchmark::State& state) {
  const Collection& c = collection();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = Form == 0   ? export_json(c, {true})
                      : Form == 1 ? export_json(c, {false})
                      : Form == 2 ? export_json_lines(c)
                                  : export_json_feed(c);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonExport<0>)->Name("BM_JsonExportPretty")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonExport<1>)->Name("BM_JsonExportCompact")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonExport<2>)->Name("BM_JsonExportLines")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonExport<3>)->Name("BM_JsonExportFeed")->Unit(benchmark::kMillisecond);

}  // namespace
