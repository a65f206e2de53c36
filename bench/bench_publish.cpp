// Publishing: make_digest over a month of 10,000 synthetic posts (items per
// second) grouped by source and by story; render_html and render_markdown of
// a 500-item digest (MB/s of output); render_site of 2,000 posts (posts per
// second, MB/s of output). The posts are generated in memory: eight outlets
// in English, Persian, Arabic and French, sentences written for this
// benchmark; stories of six posts over three outlets, two entity tags a post.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "digest/digest.hpp"
#include "digest/render.hpp"

namespace {

using namespace digest;

const char* const kLangs[] = {"en", "fa", "ar", "fr"};
const char* const kTitles[] = {
    "Ferry crossings added for the summer season",
    "ساعت کار کتابخانهٔ شهر تمدید شد",
    "افتتاح سوق جديد للمزارعين في الساحة",
    "Le musée du port rouvre ses salles",
};
const char* const kExcerpts[] = {
    ("The harbour board voted on Tuesday to add two evening crossings. Residents had asked "
     "for later departures during the festival weeks."),
    "کتابخانه از هفتهٔ آینده تا ساعت ده شب باز است و تالار مطالعه‌ای تازه دارد.",
    "يفتح السوق أبوابه كل سبت ويضم أكشاكا للخضار والفواكه والخبز المحلي.",
    "Après deux ans de travaux, le musée présente une nouvelle salle consacrée aux phares.",
};
const char* const kEntities[] = {"entity:velmora", "entity:orin", "entity:pine-valley",
                                 "entity:amber-river", "entity:lac", "entity:harbour-board"};

// `n` posts over August 2021, newest last; outlet k writes in kLangs[k % 4].
Collection make_collection(std::size_t n) {
  Collection c;
  c.reserve(n);
  for (int s = 0; s < 8; ++s) {
    Source src;
    src.id = "outlet-" + std::to_string(s);
    src.name = "Outlet " + std::to_string(s) + " " + kLangs[s % 4];
    src.language = kLangs[s % 4];
    (void)c.add_source(std::move(src));
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t outlet = (i / 6 * 3 + i % 3) % 8, lang = outlet % 4;
    Post p;
    p.id = "p" + std::to_string(i);
    p.title = kTitles[lang] + std::string(" ") + std::to_string(i);
    p.url = "https://news.example/" + std::to_string(i);
    DateTime when(Date(2021, 8, 1) + boost::gregorian::days(static_cast<long>(i * 31 / n)));
    when.seconds = static_cast<std::int32_t>((i * 37) % 86400);
    p.posted_on = when;
    p.authors = {"Reporter " + std::to_string(i % 23)};
    p.source = "outlet-" + std::to_string(outlet);
    p.excerpt = kExcerpts[lang];
    p.language = kLangs[lang];
    p.tags = {kEntities[i % 6], kEntities[(i / 6) % 6]};
    p.story = "p" + std::to_string(i - i % 6);  // six posts a story, its first post names it
    (void)c.add_post(std::move(p));
  }
  return c;
}

const Collection& posts_10k() {
  static const Collection c = make_collection(10000);
  return c;
}

const Period& august() {
  static const Period p = parse_period("2021-08").value();
  return p;
}

void digest_of(benchmark::State& state, GroupBy group_by) {
  DigestOptions o;
  o.group_by = group_by;
  o.rank = Rank::outlets;
  std::size_t items = 0;
  for (auto _ : state) {
    auto d = make_digest(posts_10k(), august(), o);
    if (!d.ok()) {
      state.SkipWithError("make_digest failed");
      return;
    }
    items += posts_10k().size();
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(static_cast<int64_t>(items));  // posts of the period
}

void BM_MakeDigestBySource10k(benchmark::State& state) { digest_of(state, GroupBy::source); }
BENCHMARK(BM_MakeDigestBySource10k)->Unit(benchmark::kMillisecond);

void BM_MakeDigestByStory10k(benchmark::State& state) { digest_of(state, GroupBy::story); }
BENCHMARK(BM_MakeDigestByStory10k)->Unit(benchmark::kMillisecond);

// 500 items by source, collapsed stories, so "also in" lines are rendered too.
const Digest& digest_500() {
  static const Digest d = [] {
    DigestOptions o;
    o.group_by = GroupBy::source;
    o.collapse_stories = true;
    o.limit = 500;
    return make_digest(posts_10k(), august(), o).value();
  }();
  return d;
}

template <class Render>
void render(benchmark::State& state, Render&& r) {
  if (digest_500().post_count() != 500) {
    state.SkipWithError("the digest does not hold 500 items");
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = r(digest_500());
    bytes += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));  // output bytes
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 500));
}

void BM_RenderHtml500(benchmark::State& state) {
  render(state, [](const Digest& d) { return render_html(d); });
}
BENCHMARK(BM_RenderHtml500);

void BM_RenderMarkdown500(benchmark::State& state) {
  render(state, [](const Digest& d) { return render_markdown(d); });
}
BENCHMARK(BM_RenderMarkdown500);

// The whole site of 2,000 posts: six ISO-week digests, eight source pages,
// ten index pages of 200, feed.json.
void BM_RenderSite2k(benchmark::State& state) {
  static const Collection c = make_collection(2000);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto files = render_site(c);
    if (!files.ok()) {
      state.SkipWithError("render_site failed");
      return;
    }
    for (const SiteFile& f : *files) bytes += f.content.size();
    benchmark::DoNotOptimize(files);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));  // output bytes
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.size()));
}
BENCHMARK(BM_RenderSite2k)->Unit(benchmark::kMillisecond);

}  // namespace
