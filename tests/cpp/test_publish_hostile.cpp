// Publishing what strangers wrote: a digest of hostile posts (markup, script
// and data URLs, a quote that would end an attribute, bidi and C0/C1
// controls, ill-formed UTF-8, a language tag that would open an attribute)
// through every renderer; load_digest_json on broken documents; and the
// clippings site, whose every link must stay inside the folder or go to an
// http(s) post. The sample collection is test_publish.cpp's.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "digest/digest.hpp"
#include "digest/json.hpp"
#include "digest/render.hpp"
#include "json/json_internal.hpp"
#include "text/utf8.hpp"

using namespace digest;

namespace publish_test {
Collection sample();  // test_publish.cpp
}

namespace {

// ---- a tiny HTML tag scanner -------------------------------------------------------

struct Tag {
  std::string name;  // lower case; "" for <!…>, "/x" for an end tag
  std::vector<std::pair<std::string, std::string>> attrs;
  const std::string* attr(std::string_view n) const {
    for (const auto& [k, v] : attrs)
      if (k == n) return &v;
    return nullptr;
  }
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// Each tag's name and attributes; <!…> gives an empty name. Fails the test
// on a tag or attribute value that is not closed.
std::vector<Tag> scan_tags(std::string_view html) {
  std::vector<Tag> tags;
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
  std::size_t j = 0;
  auto take = [&](auto stop) {
    std::string out;
    while (j < html.size() && !stop(html[j])) out += html[j++];
    return out;
  };
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', j)) {
    Tag t;
    j = i + 1;
    if (html.substr(j).starts_with("!")) j = html.find('>', j);
    else t.name = lower(take([&](char c) { return space(c) || c == '>'; }));
    while (j < html.size() && html[j] != '>') {
      if (space(html[j]) || html[j] == '/') {
        ++j;
        continue;
      }
      std::string name = lower(take([&](char c) { return space(c) || c == '=' || c == '>'; })), value;
      if (j < html.size() && html[j] == '=') {
        const char q = ++j < html.size() ? html[j] : '\0';
        if (q == '"' || q == '\'') {
          const std::size_t end = html.find(q, j + 1);
          EXPECT_NE(end, std::string_view::npos) << "unclosed value in <" << t.name;
          value = html.substr(j + 1, end - j - 1);
          j = end == std::string_view::npos ? html.size() : end + 1;
        } else {
          value = take([&](char c) { return space(c) || c == '>'; });
        }
      }
      t.attrs.emplace_back(std::move(name), std::move(value));
    }
    EXPECT_LT(j, html.size()) << "unclosed tag <" << t.name;
    if (j >= html.size()) break;
    tags.push_back(std::move(t));
  }
  return tags;
}

// No C0 control but the breaks, DEL, C1 or bidi embedding/override/isolate
// control; well-formed UTF-8.
bool display_safe(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    auto d = detail::decode_utf8(p + i, s.size() - i);
    if (!d.valid) return false;
    char32_t c = d.cp;
    if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)) return false;
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return false;
    i += d.len;
  }
  return true;
}

bool web(std::string_view href) {
  return href.starts_with("http://") || href.starts_with("https://");
}

// A link that stays in the folder: no scheme, not absolute, no empty segment.
bool folder_relative(std::string_view href) {
  return !href.empty() && href[0] != '/' && href.find(':') == std::string_view::npos &&
         href.find("//") == std::string_view::npos;
}

void expect_inert_html(std::string_view html, std::string_view what) {
  const std::string low = lower(html);
  for (const char* bad : {"<script", "<img", "<iframe", "<object", "<embed", "<svg", "<base"})
    EXPECT_EQ(low.find(bad), std::string::npos) << what << ": " << bad;
  EXPECT_TRUE(display_safe(html)) << what;
  for (const Tag& t : scan_tags(html)) {
    for (const auto& [name, value] : t.attrs) {
      EXPECT_FALSE(name.starts_with("on")) << what << ": <" << t.name << " " << name << "=";
      EXPECT_NE(name, "src") << what;
      EXPECT_NE(name, "style") << what;
    }
    if (const std::string* href = t.attr("href")) {
      const bool icon = t.name == "link" && *href == "data:,";  // the page's empty favicon
      EXPECT_TRUE(icon || web(*href) || folder_relative(*href)) << what << ": href=" << *href;
      if (web(*href)) {
        EXPECT_EQ(t.name, "a");
        const std::string* rel = t.attr("rel");
        EXPECT_TRUE(rel && rel->find("noopener") != std::string::npos) << *href;
      }
    }
  }
}

// True when md[at] follows an odd run of backslashes.
bool escaped(std::string_view md, std::size_t at) {
  std::size_t n = 0;
  while (n < at && md[at - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

// Links (an unescaped "](") whose target starts with `target`.
std::size_t links_to(std::string_view md, std::string_view target) {
  std::size_t n = 0;
  for (std::size_t at = md.find("]("); at != std::string_view::npos; at = md.find("](", at + 1))
    n += !escaped(md, at) && md.substr(at + 2).starts_with(target);
  return n;
}

// Every '<' escaped, every link target http(s), nothing unsafe to show.
void expect_inert_markdown(std::string_view md) {
  EXPECT_TRUE(display_safe(md));
  for (std::size_t at = md.find('<'); at != std::string_view::npos; at = md.find('<', at + 1))
    EXPECT_TRUE(escaped(md, at)) << "raw '<' at byte " << at;
  for (std::size_t at = md.find("]("); at != std::string_view::npos; at = md.find("](", at + 1))
    if (!escaped(md, at)) EXPECT_TRUE(web(md.substr(at + 2))) << md.substr(at, 40);
}

// ---- the hostile collection ----------------------------------------------------------

Collection hostile() {
  Collection c;
  EXPECT_TRUE(c.add_source({.id = "evil", .name = "Evil\u202E Outlet\x1b[31m\u0085<script>x</script>"}).ok());
  auto post = [&](const char* id, std::string url, std::string lang, std::string title, int day) {
    Post p{.id = id, .title = std::move(title), .url = std::move(url),
           .posted_on = DateTime(Date(2021, 8, day)), .source = "evil", .language = std::move(lang)};
    EXPECT_TRUE(c.add_post(std::move(p)).ok());
  };
  post("h1", "javascript:alert(1)", "en", "<script>alert(1)</script>", 16);
  post("h2", "JaVaScRiPt:alert(2)", "fa", "Mixed \u2066scheme\u2069 case", 17);
  post("h3", " javascript:alert(3)", "", "Tab\tand\x01" "bell\x7f" "del\u202A", 18);
  post("h4", "data:text/html,<script>alert(4)</script>", "ar", "Data URL", 18);
  post("h5", "https://ex.example/a\"onmouseover=\"x", "fa\" onload=\"x", "Quote in link", 19);
  post("h6", "https://ex.example/ok", "en", "Broken \xff\xfe bytes \xc3", 20);
  post("h7", "vbscript:msgbox(1)", "en", "](javascript:alert(7))", 21);
  Post* h1 = c.find_post("h1");
  h1->excerpt = "<img src=x onerror=alert(1)> and [link](javascript:alert(6))\nnext\u009B line";
  h1->authors = {"Author\u202E\x07", "<b>Bold</b>"};
  h1->place = "Place\u202D";
  // One story: h1 represents it; h5 (another outlet, hostile language and
  // URL) and h7 (vbscript:) show as "also in".
  for (const char* id : {"h1", "h5", "h6", "h7"}) c.find_post(id)->story = "s";
  c.find_post("h5")->source = "elsewhere";
  c.find_post("h7")->source = "other\"><script>";
  return c;
}

Digest hostile_digest(GroupBy g) {
  DigestOptions o;
  o.group_by = g;
  auto d = make_digest(hostile(), parse_iso_week("2021-W33").value(), o);
  EXPECT_TRUE(d.ok());
  return d.ok() ? std::move(d).value() : Digest{};
}

}  // namespace

TEST(PublishHostile, HtmlIsInert) {
  for (GroupBy g : {GroupBy::none, GroupBy::story}) {
    const std::string html = render_html(hostile_digest(g));
    expect_inert_html(html, group_by_name(g));
    EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
              std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(html.find("javascript:alert(1)"), std::string::npos);  // never shown, never linked
    EXPECT_NE(html.find("href=\"https://ex.example/a%22onmouseover=%22x\""), std::string::npos);
  }
  const std::string html = render_html(hostile_digest(GroupBy::none));
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("Broken \uFFFD\uFFFD bytes \uFFFD"), std::string::npos);
  EXPECT_NE(html.find("<bdi>Author</bdi>"), std::string::npos);
  // Articles in date order: h1 h2 h4 h3 h5 h6 h7 (same day: by title).
  std::vector<std::string> dirs;
  for (const Tag& t : scan_tags(html)) {
    const std::string* cls = t.attr("class");
    if (t.name != "article" || !cls || *cls != "clipping") continue;
    const std::string* lang = t.attr("lang");
    const std::string* dir = t.attr("dir");
    dirs.push_back((lang ? *lang : "-") + "/" + (dir ? *dir : "-"));
  }
  EXPECT_EQ(dirs, (std::vector<std::string>{"en/ltr", "fa/rtl", "ar/rtl", "-/auto", "-/auto",
                                            "en/ltr", "en/ltr"}));
  // "Also in" of the story: h5's link with its hostile tag made harmless;
  // h7's vbscript: URL shown as a name only.
  const std::string story = render_html(hostile_digest(GroupBy::story), {.standalone = false});
  EXPECT_NE(story.find("<a href=\"https://ex.example/a%22onmouseover=%22x\" rel=\"noopener "
                       "noreferrer nofollow\" dir=\"auto\"><bdi>elsewhere</bdi></a>"),
            std::string::npos);
  EXPECT_NE(story.find("<bdi>other&quot;&gt;&lt;script&gt;</bdi>"), std::string::npos);
  EXPECT_EQ(story.find("vbscript"), std::string::npos);
}

TEST(PublishHostile, MarkdownIsInert) {
  for (GroupBy g : {GroupBy::none, GroupBy::story}) {
    const std::string md = render_markdown(hostile_digest(g));
    expect_inert_markdown(md);
    for (const char* target : {"javascript:", "JaVaScRiPt:", " javascript:", "data:"})
      EXPECT_EQ(links_to(md, target), 0u) << target;
    EXPECT_EQ(md.find("vbscript"), std::string::npos);
    EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\>"), std::string::npos);
  }
  const std::string md = render_markdown(hostile_digest(GroupBy::none));
  EXPECT_NE(md.find("## \\](javascript:alert(7))\n"), std::string::npos);
  EXPECT_NE(md.find("> \\<img src=x onerror=alert(1)\\> and \\[link\\](javascript:alert(6))\n"
                    "> next line\n"),
            std::string::npos);
  EXPECT_NE(md.find("## Data URL\n"), std::string::npos);  // not a link
  EXPECT_NE(md.find("## [Broken \uFFFD\uFFFD bytes \uFFFD](https://ex.example/ok)"),
            std::string::npos);
}

TEST(PublishHostile, JsonAndFeedKeepTheStrings) {
  for (GroupBy g : {GroupBy::none, GroupBy::story}) {
    const Digest d = hostile_digest(g);
    const std::string js = render_json(d);
    EXPECT_TRUE(json_detail::check_raw_json(js, 64, nullptr).ok);
    auto back = load_digest_json(js);
    ASSERT_TRUE(back.ok()) << back.error().to_string();
    // What JSON can carry comes back as it was; ill-formed UTF-8 cannot,
    // and comes back repaired, once: the second trip is exact.
    EXPECT_EQ(render_json(*back), js);
    const Collection c = hostile();
    for (const DigestSection& s : back->sections)
      for (const Post& p : s.posts) {
        if (p.id == "h6") EXPECT_EQ(p.title, "Broken \uFFFD\uFFFD bytes \uFFFD");
        else EXPECT_EQ(p, *c.find_post(p.id)) << p.id;
      }
    ASSERT_FALSE(back->sources.empty());
    EXPECT_EQ(back->sources[0], *c.find_source("evil"));

    const std::string feed = render_json_feed(d);
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    ASSERT_EQ(parser.parse(feed).get(root), simdjson::SUCCESS);
    Collection read;
    ASSERT_TRUE(import_json(read, feed, {.format = JsonFormat::json_feed}).ok());
    EXPECT_EQ(read.find_post("h1")->title, "<script>alert(1)</script>");
    EXPECT_EQ(read.find_post("h1")->authors, c.find_post("h1")->authors);
  }
}

// ---- load_digest_json on broken documents ------------------------------------------------

TEST(PublishJson, ErrorsAreOneLineWithPositions) {
  const std::string P = R"({"period":{"first":"2021-08-16","last":"2021-08-22"},)";
  const std::string nested = P + "\"x\":" + std::string(10000, '[') + std::string(10000, ']') + "}";
  struct Case {
    std::string json;
    ErrorCode code;
    std::uint64_t offset;
  };
  const Case cases[] = {
      {"", ErrorCode::parse_error, 0},
      {"   ", ErrorCode::parse_error, 0},
      {R"({"title": "x")", ErrorCode::parse_error, 13},  // truncated: at the end
      {"{\"title\": \"\xff\"}", ErrorCode::invalid_utf8, 11},
      {R"({"title": 3})", ErrorCode::wrong_type, 10},
      {"[]", ErrorCode::wrong_type, 0},
      {std::string(10000, '['), ErrorCode::wrong_type, 0},
      {nested, ErrorCode::limit_exceeded, 120},
      {R"({"sections":[]})", ErrorCode::missing_field, 0},
      {P + R"("sections":{}})", ErrorCode::wrong_type, 64},
      {P + R"("group_by":"x"})", ErrorCode::parse_error, 64},
      {P + R"("rank":"best"})", ErrorCode::parse_error, 60},
      {P + R"("locale":[]})", ErrorCode::wrong_type, 62},
      {R"({"period":{"first":"2021-08-16","last":"2021-08-22","kind":"x"}})", ErrorCode::parse_error, 10},
      {R"({"period":{"first":"2021-08-16","last":"2021-08-12"}})", ErrorCode::invalid_argument, 10},
      {R"({"period":{"first":"2021-13-01","last":"2021-08-22"}})", ErrorCode::parse_error, 25},
      {R"({"period":{"first":"2021-08-16"}})", ErrorCode::missing_field, 10},
      {R"({"digestcore_digest":2,"period":{"first":"2021-08-16","last":"2021-08-22"}})",
       ErrorCode::parse_error, 21},
      {P + R"("sections":[{"posts":[{"id":"a"}],"items":[]}]})", ErrorCode::invalid_argument, 65},
      {P + R"("sections":[{"posts":[{"title":"t"}]}]})", ErrorCode::missing_field, 75},
      // A source needs an id, as a post does: render_json would write "id": ""
      // and the digest would not read back (found by fuzz_digest_json).
      {P + R"("sources":[{"name":"x"}]})", ErrorCode::missing_field, 64},
      {P + R"("sources":[{"id":"","name":"x"}]})", ErrorCode::missing_field, 70},
      {P + R"("sections":[{"posts":[{"id":"a"}],"items":[{"outlets":0}]}]})",
       ErrorCode::parse_error, 107},
      {P + R"("sections":[{"posts":[{"id":"a"}],"items":[{"also":{}}]}]})", ErrorCode::wrong_type, 104},
      {"{\"title\":\"a\nb\"}", ErrorCode::parse_error, 11},
      {P.substr(0, P.size() - 1) + "}{}", ErrorCode::parse_error, 53},
  };
  for (const Case& c : cases) {
    auto r = load_digest_json(c.json);
    if (r.ok()) {
      ADD_FAILURE() << "read without an error: " << c.json.substr(0, 100);
      continue;
    }
    const Error& e = r.error();
    EXPECT_EQ(e.code, c.code) << c.json.substr(0, 80) << " -> " << e.to_string();
    ASSERT_TRUE(e.offset.has_value()) << e.to_string();
    EXPECT_EQ(*e.offset, c.offset) << c.json.substr(0, 80) << " -> " << e.to_string();
    EXPECT_LE(*e.offset, c.json.size());
    EXPECT_EQ(e.to_string().find('\n'), std::string::npos) << e.to_string();
    EXPECT_TRUE(display_safe(e.to_string())) << e.to_string();
  }
}

// ---- the clippings site ---------------------------------------------------------------------

namespace {

// `href` from the page at `page`, as a path in the site; "" when it climbs out.
std::string resolve(std::string_view page, std::string_view href) {
  const auto path = (std::filesystem::path(page).parent_path() / href).lexically_normal();
  return path.empty() || *path.begin() == ".." ? std::string() : path.generic_string();
}

std::vector<SiteFile> site_of(const Collection& c, const SiteOptions& o = {}) {
  auto r = render_site(c, o);
  EXPECT_TRUE(r.ok()) << r.error().to_string();
  return r.ok() ? std::move(r).value() : std::vector<SiteFile>{};
}

std::vector<std::string> paths_of(const std::vector<SiteFile>& files) {
  std::vector<std::string> out;
  for (const SiteFile& f : files) out.push_back(lower(f.path));
  return out;
}

// Every page inert; every link either a post's http(s) URL or a file of the site.
void expect_closed_site(const std::vector<SiteFile>& files, const Collection& c) {
  std::set<std::string> paths, urls;
  for (const SiteFile& f : files) paths.insert(f.path);
  for (const Post& p : c.posts()) urls.insert(p.url);
  for (const SiteFile& f : files) {
    if (!f.path.ends_with(".html")) continue;
    expect_inert_html(f.content, f.path);
    for (const Tag& t : scan_tags(f.content)) {
      const std::string* href = t.attr("href");
      if (!href || (t.name == "link" && *href == "data:,")) continue;
      if (web(*href)) {
        EXPECT_TRUE(urls.count(*href) || href->starts_with("https://ex.example/")) << *href;
        continue;
      }
      EXPECT_TRUE(folder_relative(*href)) << f.path << ": " << *href;
      EXPECT_EQ(href->find("..//"), std::string::npos);
      EXPECT_TRUE(paths.count(resolve(f.path, *href))) << f.path << " links to missing " << *href;
    }
  }
}

// The index's entries in order: "D:<digest file stem>" or the post's id
// (the last segment of its URL), else its title.
std::vector<std::string> index_entries(std::string_view html) {
  std::vector<std::string> out;
  for (std::size_t at = html.find("<article class=\""); at != std::string_view::npos;
       at = html.find("<article class=\"", at + 1)) {
    const std::string_view rest = html.substr(at + 16), h2 = rest.substr(0, rest.find("</h2>"));
    const std::size_t href = h2.find("href=\"");
    const std::string_view link = href == std::string_view::npos
                                      ? std::string_view()
                                      : h2.substr(href + 6, h2.find('"', href + 6) - href - 6);
    if (rest.starts_with("digest-entry"))
      out.push_back("D:" + lower(link.substr(8, link.size() - 13)));  // digests/….html
    else if (!link.empty()) out.emplace_back(link.substr(link.rfind('/') + 1));
    else out.emplace_back(h2.substr(h2.find("<h2>") + 4));
  }
  return out;
}

}  // namespace

TEST(PublishSite, FilesLinksAndFeed) {
  const Collection c = publish_test::sample();
  const auto files = site_of(c);
  EXPECT_EQ(paths_of(files),
            (std::vector<std::string>{"digests/2021-w34.html", "digests/2021-w33.html",
                                      "digests/2021-w32.html", "digests/index.html", "index.html",
                                      "sources/pine-valley-weekly.html", "sources/lac.html",
                                      "sources/lantern.html", "sources/nasim.html",
                                      "sources/waha.html", "sources/index.html", "feed.json"}));
  expect_closed_site(files, c);
  Collection feed;
  ASSERT_TRUE(import_json(feed, files.back().content, {.format = JsonFormat::json_feed}).ok());
  ASSERT_EQ(feed.size(), c.size());
  EXPECT_EQ(feed.posts().front().id, "next-week");
  EXPECT_EQ(feed.posts().back().id, "undated");
  EXPECT_EQ(files.back().content.find("home_page_url"), std::string::npos);
  EXPECT_NE(site_of(c, {.base_url = "https://clips.example/site"})
                .back().content.find("\"https://clips.example/site/feed.json\""),
            std::string::npos);
  expect_closed_site(site_of(hostile()), hostile());
}

TEST(PublishSite, IndexNewestFirstWithDigestsBeforeTheirLastDay) {
  const auto files = site_of(publish_test::sample());
  ASSERT_EQ(files[4].path, "index.html");
  EXPECT_EQ(index_entries(files[4].content),
            (std::vector<std::string>{"D:2021-w34", "next-week", "D:2021-w33", "market-fr",
                                      "fest-en", "fest-ar", "x", "bridge-lantern2", "rain-fa",
                                      "bridge-fa", "written", "bridge", "bridge-fr", "D:2021-w32",
                                      "fest-0", "Undated letter"}));
}

TEST(PublishSite, DigestPagesAreTheDigestsOfTheWholeCollection) {
  const Collection c = publish_test::sample();
  for (const char* periods : {"week", "persian-month", "week-ending:wed"}) {
    SiteOptions o;
    o.locale = "fa";
    o.digest.group_by = GroupBy::story;
    ASSERT_TRUE(set_site_periods(o, periods).ok());
    const DigestLabels& labels = digest_labels("fa");
    const std::vector<std::pair<std::string, std::string>> nav = {
        {o.title, "../index.html"}, {labels.digest, "../digests/index.html"},
        {labels.source_many, "../sources/index.html"}, {"JSON Feed", "../feed.json"}};
    std::size_t pages = 0;
    for (const SiteFile& f : site_of(c, o)) {
      if (!f.path.starts_with("digests/") || f.path == "digests/index.html") continue;
      ++pages;
      std::string name = f.path.substr(8, f.path.size() - 13);
      if (name.size() == 21) name = "week-ending:" + name.substr(11);  // "first-last"
      auto period = parse_period(name);
      ASSERT_TRUE(period.ok()) << f.path;
      DigestOptions d = o.digest;
      d.locale = "fa";
      HtmlOptions h;
      h.nav = nav;
      EXPECT_TRUE(f.content == render_html(make_digest(c, *period, d).value(), h)) << f.path;
    }
    EXPECT_EQ(pages, std::string_view(periods) == "persian-month" ? 2u : 3u) << periods;
  }
}

TEST(PublishSite, PaginationAndPeriods) {
  const Collection c = publish_test::sample();
  SiteOptions o;
  o.page_size = 2;
  const auto files = site_of(c, o);
  expect_closed_site(files, c);
  std::vector<std::string> entries;
  for (const SiteFile& f : files)
    if (f.path == "index.html" || f.path.starts_with("page-")) {
      // The pager links the six other pages, not this one.
      std::string pager = f.content.substr(f.content.find("<nav class=\"pages\">"));
      pager = pager.substr(0, pager.find("</nav>"));
      EXPECT_EQ(pager.find("href=\"" + f.path + "\""), std::string::npos) << f.path;
      const auto tags = scan_tags(pager);
      EXPECT_EQ(std::count_if(tags.begin(), tags.end(), [](const Tag& t) { return t.name == "a"; }), 6)
          << f.path;
      for (std::string& e : index_entries(f.content)) entries.push_back(std::move(e));
    }
  const auto paths = paths_of(files);
  EXPECT_EQ(std::count_if(paths.begin(), paths.end(), [](auto& p) { return p.starts_with("page-"); }), 6);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "page-7.html"), paths.end());
  EXPECT_EQ(entries, index_entries(site_of(c)[4].content));  // the same entries, split

  EXPECT_TRUE(set_site_periods(o, "WEEK-ENDING:Friday").ok());
  EXPECT_EQ(o.week_ends, std::optional<int>(5));
  ASSERT_TRUE(set_site_periods(o, "week-ending:fri").ok());
  auto has = [](const std::vector<SiteFile>& fs, const std::string& path) {
    return std::any_of(fs.begin(), fs.end(), [&](const SiteFile& f) { return f.path == path; });
  };
  auto weeks = site_of(c, o);
  for (const char* f : {"2021-08-21-2021-08-27", "2021-08-14-2021-08-20", "2021-08-07-2021-08-13"})
    EXPECT_TRUE(has(weeks, "digests/" + std::string(f) + ".html")) << f;
  ASSERT_TRUE(set_site_periods(o, "month").ok());
  EXPECT_FALSE(o.week_ends.has_value());
  EXPECT_TRUE(has(site_of(c, o), "digests/2021-08.html"));
  ASSERT_TRUE(set_site_periods(o, "persian-month").ok());
  o.locale = "fa";
  auto months = site_of(c, o);
  EXPECT_TRUE(has(months, "digests/1400-05.html"));
  EXPECT_TRUE(has(months, "digests/1400-06.html"));
  for (const SiteFile& f : months)
    if (f.path == "digests/index.html") {
      EXPECT_NE(f.content.find("خلاصهٔ ماهانه – مرداد ۱۴۰۰"), std::string::npos);
      EXPECT_NE(f.content.find("خلاصهٔ ماهانه – شهریور ۱۴۰۰"), std::string::npos);
    }
  for (const char* bad : {"bogus", "week-ending:", "week-ending:fr", "week-ending:funday", "months"}) {
    SiteOptions before = o;
    Status st = set_site_periods(o, bad);
    ASSERT_FALSE(st.ok()) << bad;
    EXPECT_EQ(st.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(o.digest_periods, before.digest_periods);
    EXPECT_EQ(o.month_calendar, before.month_calendar);
  }
  using Break = std::function<void(SiteOptions&)>;
  for (const Break& breaks : {Break([](SiteOptions& s) { s.page_size = 0; }),
                              Break([](SiteOptions& s) { s.base_url = "ftp://clips.example/"; }),
                              Break([](SiteOptions& s) { s.week_ends = 9; }),
                              Break([](SiteOptions& s) { s.digest.title = "{nope}"; })}) {
    SiteOptions s;
    breaks(s);
    auto r = render_site(c, s);
    EXPECT_TRUE(!r.ok() && r.error().code == ErrorCode::invalid_argument);
  }
}

TEST(PublishSite, WriteSite) {
  namespace fs = std::filesystem;
  const fs::path tmp = fs::path(::testing::TempDir()) / ("digest_publish_" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  const Collection c = publish_test::sample();
  const auto files = site_of(c);
  auto written = write_site(c, (tmp / "site").string());
  ASSERT_TRUE(written.ok()) << written.error().to_string();
  ASSERT_EQ(written->size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(fs::path((*written)[i]), tmp / "site" / files[i].path);
    std::ifstream in((*written)[i], std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content, files[i].content) << files[i].path;
  }
  std::ofstream(tmp / "plain-file") << "not a folder";
  auto blocked = write_site(c, (tmp / "plain-file" / "site").string());
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, ErrorCode::io_error);
  EXPECT_EQ(blocked.error().to_string().find('\n'), std::string::npos);
  fs::remove_all(tmp);
}
