// RSS and Atom import throughput (MB/s of feed, items/s): RSS 2.0 with HTML
// descriptions in CDATA and content:encoded, the same feed in Windows-1251
// (ICU decoding on the way), Atom with escaped HTML, and the parser alone
// with plain-text fields (the floor under the HTML step). Synthetic items
// written for this benchmark, in five languages.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "digest/encoding.hpp"
#include "digest/json.hpp"

namespace {

using namespace digest;

constexpr std::size_t kItems = 20000;

const char* const kTitles[] = {
    "Harbour board approves new ferry schedule", "Городской совет обсудил ремонт моста",
    "افتتاح مكتبة جديدة في وسط المدينة", "港の新しい灯台が完成しました",
    "Le marché couvert rouvre ses portes"};
const char* const kText[] = {
    "The board met on Tuesday and voted to add two crossings during the summer months.",
    "Депутаты согласовали план работ и сроки; движение будет ограничено три недели.",
    "ستفتح المكتبة أبوابها للجمهور يوم السبت، وتضم قاعة للقراءة وركنا للأطفال.",
    "新しい灯台は来月から運用を開始する予定です。見学会も開かれます。",
    "Les commerçants reviennent après six mois de travaux &amp; de patience."};

std::string rss(bool html, bool cyrillic_only) {
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                  "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                  "<title>Bench Harbour Daily</title><link>https://bench-harbour.example/</link>"
                  "<language>en</language>\n";
  for (std::size_t i = 0; i < kItems; ++i) {
    std::size_t k = cyrillic_only ? 1 : i % 5;
    std::string n = std::to_string(i);
    s += "<item><title>";
    s += kTitles[k];
    s += "</title><link>https://bench-harbour.example/news/" + n + "</link><guid>https://bench-harbour.example/news/" + n +
         "</guid><pubDate>Tue, 0" + std::to_string(1 + i % 9) + " Jun 2024 08:" +
         std::to_string(10 + i % 50) + ":00 +0200</pubDate><dc:creator>Reporter " +
         std::to_string(i % 17) + "</dc:creator><category>city</category><category>desk " +
         std::to_string(i % 7) + "</category><description>";
    if (html) {
      s += "<![CDATA[<p>";
      s += kText[k];
      s += "</p><p><a href=\"https://bench-harbour.example/more\">More</a></p>]]>";
      s += "</description><content:encoded><![CDATA[<p>";
      s += kText[k];
      s += "</p><p>";
      s += kText[k];
      s += "</p>]]></content:encoded>";
    } else {
      s += kText[k];
      s += "</description>";
    }
    s += "</item>\n";
  }
  s += "</channel></rss>\n";
  return s;
}

std::string atom() {
  std::string s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
                  "xmlns=\"http://www.w3.org/2005/Atom\"><title>Bench Atom</title>"
                  "<link href=\"https://bench-atom.example/\"/><id>urn:bench</id>\n";
  for (std::size_t i = 0; i < kItems; ++i) {
    std::size_t k = i % 5;
    std::string n = std::to_string(i);
    s += "<entry><title type=\"html\">";
    s += kTitles[k];
    s += "</title><link rel=\"alternate\" href=\"/e/" + n + "\"/><id>urn:bench:" + n +
         "</id><published>2024-06-0" + std::to_string(1 + i % 9) +
         "T08:15:00Z</published><updated>2024-06-10T08:15:00Z</updated><author><name>Reporter " +
         std::to_string(i % 17) + "</name></author><category term=\"city\"/>"
         "<summary type=\"html\">&lt;p&gt;";
    s += kText[k];
    s += "&lt;/p&gt;</summary></entry>\n";
  }
  s += "</feed>\n";
  return s;
}

void run(benchmark::State& state, const std::string& text, const ImportOptions& o = {}) {
  for (auto _ : state) {
    Collection c;
    auto r = import_json(c, text, o);
    if (!r.ok()) state.SkipWithError(r.error().to_string().c_str());
    if (r.ok() && c.size() != kItems) state.SkipWithError("wrong item count");
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kItems));
}

void BM_FeedImportRssHtml(benchmark::State& state) {
  static const std::string text = rss(true, false);
  run(state, text);
}
BENCHMARK(BM_FeedImportRssHtml)->Unit(benchmark::kMillisecond);

void BM_FeedImportRssPlain(benchmark::State& state) {
  static const std::string text = rss(false, false);
  run(state, text);
}
BENCHMARK(BM_FeedImportRssPlain)->Unit(benchmark::kMillisecond);

// The same Cyrillic feed in Windows-1251: the bytes go through ICU first.
void BM_FeedImportRssWindows1251(benchmark::State& state) {
  static const std::string text = [] {
    std::string utf8 = rss(false, true);
    // Every character of the feed is in Windows-1251: encode with the
    // inverse of the decoder's 256-entry table.
    std::map<std::string, char> byte_of;
    for (int b = 0; b < 256; ++b) {
      auto d = decode_to_utf8(std::string(1, static_cast<char>(b)), "windows-1251");
      if (d && !d->empty()) byte_of.emplace(*d, static_cast<char>(b));
    }
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
      auto lead = static_cast<unsigned char>(utf8[i]);
      std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      auto it = byte_of.find(utf8.substr(i, len));
      out += it != byte_of.end() ? it->second : '?';
      i += len;
    }
    out.replace(out.find("UTF-8"), 5, "windows-1251");
    return out;
  }();
  run(state, text);
}
BENCHMARK(BM_FeedImportRssWindows1251)->Unit(benchmark::kMillisecond);

void BM_FeedImportAtom(benchmark::State& state) {
  static const std::string text = atom();
  run(state, text);
}
BENCHMARK(BM_FeedImportAtom)->Unit(benchmark::kMillisecond);

}  // namespace
