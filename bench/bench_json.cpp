// JSON import/export throughput (MB/s of JSON and posts/s) and HTML to text
// (MB/s of HTML). The posts are synthetic and multilingual (English,
// Russian, Arabic, Japanese, Greek sentences written for this benchmark),
// generated in memory; the file benchmark writes them once to a temporary
// file.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <simdjson.h>

#include "digest/arrow.hpp"
#include "digest/json.hpp"
#include "json/json_internal.hpp"

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

// The same file read by a PostStream into Arrow record batches
// (export_posts_arrow_stream, 16384 rows a batch), each batch released once
// made, as a consumer that writes them out would: the parse runs on the
// stream's thread, the columns on this one.
void BM_JsonLinesFileToArrow(benchmark::State& state) {
  const std::string& text = lines_text();
  auto path = std::filesystem::temp_directory_path() / "digest_bench_arrow.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  for (auto _ : state) {
    PostStream posts(path.string());
    ArrowArrayStream stream;
    Status made = export_posts_arrow_stream(
        [&](std::vector<Post>& out, std::size_t max) { return posts.next_batch(out, max); }, &stream);
    if (!made) state.SkipWithError(made.error().to_string().c_str());
    std::int64_t rows = 0;
    for (;;) {
      ArrowArray batch;
      if (stream.get_next(&stream, &batch) != 0) {
        state.SkipWithError(stream.get_last_error(&stream));
        break;
      }
      if (!batch.release) break;
      rows += batch.length;
      batch.release(&batch);
    }
    stream.release(&stream);
    if (rows != static_cast<std::int64_t>(kPosts)) state.SkipWithError("rows lost");
  }
  std::filesystem::remove(path);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonLinesFileToArrow)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same JSON Lines imported, with the collection's teardown outside the
// timing (the CLI no longer pays it; see exit_now in src/cli/main.cpp).
void BM_JsonImportLinesNoTeardown(benchmark::State& state) {
  const std::string& text = lines_text();
  ImportOptions o;
  o.format = JsonFormat::json_lines;
  for (auto _ : state) {
    auto c = std::make_unique<Collection>();
    auto r = import_json(*c, text, o);
    if (!r.ok()) state.SkipWithError(r.error().to_string().c_str());
    state.PauseTiming();
    c.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonImportLinesNoTeardown)->Unit(benchmark::kMillisecond);

// Visits every field of one post or source line as the importer does,
// strings unescaped into simdjson's buffer, nothing kept.
template <class Object>
std::size_t visit_fields(Object& obj) {
  std::size_t fields = 0;
      for (auto field : obj) {
        std::string_view key;
        if (field.unescaped_key().get(key)) break;
        simdjson::ondemand::value v = field.value();
        simdjson::ondemand::json_type t;
        if (v.type().get(t)) break;
        if (t == simdjson::ondemand::json_type::string) {
          std::string_view sv;
          if (!v.get_string().get(sv)) fields += sv.size() != 0;
        } else if (t == simdjson::ondemand::json_type::array) {
          for (auto el : v.get_array()) {
            std::string_view sv;
            if (!el.get_string().get(sv)) fields += sv.size() != 0;
          }
        } else if (t == simdjson::ondemand::json_type::object) {
          simdjson::ondemand::object inner;  // an extra field, kept raw
          std::string_view raw;
          if (!v.get_object().get(inner) && !inner.raw_json().get(raw)) fields += raw.size() != 0;
        } else {
          fields += v.raw_json_token().size() != 0;
        }
      }
  return fields;
}

// The ceilings for JSON Lines import (issue 15): bare simdjson On-Demand
// loops over the same text that visit every field the importer reads.
// Import speed is quoted as a fraction of these. The first takes the lines
// as one document stream (iterate_many); the second parses each line on
// its own, from a padded copy, as a reader must to isolate a bad line.
void BM_JsonLinesCeiling(benchmark::State& state) {
  const std::string& text = lines_text();
  simdjson::padded_string padded(text);
  simdjson::ondemand::parser parser;
  std::size_t fields = 0;
  for (auto _ : state) {
    simdjson::ondemand::document_stream docs;
    if (parser.iterate_many(padded).get(docs)) state.SkipWithError("iterate_many");
    for (auto doc : docs) {
      simdjson::ondemand::object obj;
      if (doc.get_object().get(obj)) {
        state.SkipWithError("not an object");
        break;
      }
      fields += visit_fields(obj);
    }
  }
  benchmark::DoNotOptimize(fields);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonLinesCeiling)->Unit(benchmark::kMillisecond);

void BM_JsonLinesCeilingPerLine(benchmark::State& state) {
  const std::string& text = lines_text();
  simdjson::ondemand::parser parser;
  std::vector<char> line;
  std::size_t fields = 0;
  for (auto _ : state) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::size_t n = end - start;
      if (line.size() < n + simdjson::SIMDJSON_PADDING) line.resize(n + simdjson::SIMDJSON_PADDING);
      std::memcpy(line.data(), text.data() + start, n);
      simdjson::ondemand::document doc;
      simdjson::ondemand::object obj;
      if (parser.iterate(line.data(), n, line.size()).get(doc) || doc.get_object().get(obj)) {
        state.SkipWithError("not an object");
        break;
      }
      fields += visit_fields(obj);
      start = end + 1;
    }
  }
  benchmark::DoNotOptimize(fields);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPosts));
}
BENCHMARK(BM_JsonLinesCeilingPerLine)->Unit(benchmark::kMillisecond);

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

// HTML to text alone, over a few thousand fragments of the shapes feeds
// carry (RSS descriptions, content:encoded, WordPress rendered fields, JSON
// Feed content_html): html_to_text as the importers call it (the fast path,
// gumbo for what it declines) against the gumbo path for every fragment.
// The `fast` counter is the share the fast path took.
const std::vector<std::string>& feed_fragments() {
  static const std::vector<std::string> all = [] {
    const char* const shapes[] = {
        "<p>%B</p>",
        "<p>%B <a href=\"https://news.example/%N?utm_source=rss&amp;utm_medium=feed\">Read "
        "more&nbsp;&raquo;</a></p>",
        "%T &#8211; <em>update</em>",
        "<p>%T [&hellip;]</p>",
        "<p><img src=\"https://cdn.example/%N.jpg\" alt=\"\" width=\"600\" height=\"400\" />"
        "</p><p>%B</p><p>The post <a href=\"https://blog.example/%N\">%T</a> appeared first on "
        "<a href=\"https://blog.example\">Blog</a>.</p>",
        "<figure class=\"wp-block-image size-large\"><img decoding=\"async\" src=\"%N.jpg\" "
        "alt=\"%T\" class=\"wp-image-%N\"/><figcaption>Photo: <em>Staff</em></figcaption>"
        "</figure>\n<p>%B</p>\n<h2>%T</h2>\n<ul><li>%B</li><li><strong>%T</strong></li></ul>",
        "<div><p>%B<br>%B</p><blockquote><p>&ldquo;%T&rdquo;</p></blockquote></div>",
        "<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\n<iframe "
        "width=\"500\" height=\"281\" src=\"https://video.example/embed/%N\" frameborder="
        "\"0\" allowfullscreen></iframe>\n</div></figure><p>%B</p>",
        "%B <b>%T</b> &mdash; <i>%B</i>",
    };
    std::vector<std::string> out;
    for (std::size_t i = 0; i < 3000; ++i) {
      std::string s = shapes[i % std::size(shapes)], n = std::to_string(i);
      for (std::size_t at; (at = s.find('%')) != std::string::npos;) {
        char what = s[at + 1];
        s.replace(at, 2, what == 'N' ? n : what == 'T' ? kTitles[(i + 1) % 5] : kBodies[i % 5]);
      }
      out.push_back(std::move(s));
    }
    return out;
  }();
  return all;
}

template <bool Gumbo>
void BM_HtmlToText(benchmark::State& state) {
  const auto& fragments = feed_fragments();
  std::size_t bytes = 0, fast = 0;
  std::string out, error;
  for (const auto& f : fragments) {
    bytes += f.size();
    fast += json_detail::html_to_text_simple(f, out);
  }
  for (auto _ : state) {
    for (const auto& f : fragments) {
      bool ok = Gumbo ? json_detail::html_to_text_gumbo(f, out, error)
                      : json_detail::html_to_text(f, out, error);
      benchmark::DoNotOptimize(ok);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * fragments.size()));
  state.counters["fast"] = Gumbo ? 0.0 : double(fast) / double(fragments.size());
}
BENCHMARK(BM_HtmlToText<false>)->Name("BM_HtmlToTextFeedFragments")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HtmlToText<true>)
    ->Name("BM_HtmlToTextFeedFragmentsGumbo")
    ->Unit(benchmark::kMillisecond);

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
