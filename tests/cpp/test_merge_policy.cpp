// URL keys (canonical_url), reference resolution (resolve_url) and the
// duplicate policies of Collection::merge.
#include <gtest/gtest.h>

#include <random>

#include "digest/model.hpp"
#include "text/url.hpp"

using namespace digest;

namespace {

struct Case {
  const char* in;
  const char* want;
};

const Case kCanonical[] = {
    {"HTTP://Example.COM/a", "https://example.com/a"},
    {"http://example.com", "https://example.com/"},
    {"https://example.com:443/x", "https://example.com/x"},
    {"http://example.com:80/x", "https://example.com/x"},
    {"http://example.com:443/x", "https://example.com/x"},  // http = https: both defaults go
    {"https://example.com:80/x", "https://example.com/x"},
    {"https://example.com:8443/x", "https://example.com:8443/x"},
    {"https://example.com:08080/x", "https://example.com:8080/x"},
    {"https://example.com:/x", "https://example.com/x"},
    {"https://www.example.com/", "https://www.example.com/"},
    {"https://example.com./a", "https://example.com/a"},
    {"https://a.example..:443/", "https://a.example/"},
    {"https://example.com/a#frag", "https://example.com/a"},
    {"https://example.com/a?utm_source=x&id=3&UTM_Medium=y", "https://example.com/a?id=3"},
    {"https://example.com/a?fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5&mc_eid=6&igshid=7"
     "&yclid=8&_hsenc=9&_hsmi=10&ref_src=11&FBCLID=12",
     "https://example.com/a"},
    {"https://example.com/a?ref=rss&b=2", "https://example.com/a?ref=rss&b=2"},
    {"https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"},
    {"https://example.com/a?", "https://example.com/a"},
    {"https://example.com/?&&a=1&&", "https://example.com/?a=1"},
    {"https://example.com/a?utm%5Fsource=x", "https://example.com/a"},
    {"https://example.com/a?b=%7e&c=%2f", "https://example.com/a?b=~&c=%2F"},
    {"https://example.com/a/", "https://example.com/a"},
    {"https://example.com//", "https://example.com/"},
    {"https://example.com/a/b/../c/./d", "https://example.com/a/c/d"},
    {"https://example.com/../a", "https://example.com/a"},
    {"https://example.com/a/%2E%2E/b", "https://example.com/b"},
    {"https://example.com/%7Euser/%61%2d%5F", "https://example.com/~user/a-_"},
    {"https://example.com/a%2fb%c3%a9", "https://example.com/a%2Fb%C3%A9"},
    {"https://example.com/100%", "https://example.com/100%25"},
    {"https://example.com/%4%31", "https://example.com/%2541"},
    {"HTTPS://EXAMPLE.COM/PATH?Q=V", "https://example.com/PATH?Q=V"},
    {"https://example.com/a;p?q#f", "https://example.com/a;p?q"},
    {"https://user:pw@Example.com/", "https://user:pw@example.com/"},
    {"https://@example.com/", "https://example.com/"},
    {"https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"},
    {"http://[::1]:8080", "https://[::1]:8080/"},
    {"https://EX%41mple.com/", "https://example.com/"},
    {"https://BÜCHER.example/Ä", "https://bÜcher.example/Ä"},  // ASCII only is folded
    {"  https://example.com/a \n", "https://example.com/a"},
    {"https://example.com/a b", "https://example.com/a b"},
    {"https://example.com/a\x01" "b", "https://example.com/a\x01" "b"},
    {"https://ex\xFF.com/\xC3(", "https://ex\xFF.com/\xC3("},
    // Not absolute http(s) URLs: never a key.
    {"", ""}, {"   ", ""}, {"ftp://example.com/", ""}, {"javascript:alert(1)", ""},
    {"/relative/path", ""}, {"//example.com/a", ""}, {"example.com/a", ""},
    {"http:example.com", ""}, {"http:///path", ""}, {"https://:443/", ""}, {"https://./", ""},
    {"https://example.com:99999/", ""},
    {"https://example.com:000000000000000000081/", "https://example.com:81/"},
    {"https://example.com:80a/", ""}, {"https://[::1/", ""}, {"https://[::1]x/", ""},
    {"\x01https://example.com/", ""},
    {"https://exa\tmple.com/a", "https://exa\tmple.com/a"},
};

TEST(CanonicalUrl, Table) {
  for (const Case& c : kCanonical) {
    EXPECT_EQ(detail::canonical_url(c.in), c.want) << "input: " << c.in;
    EXPECT_EQ(canonical_url(c.in), c.want) << "public: " << c.in;
    // A key is its own key (spaces and controls aside, which are kept as they are).
    if (*c.want) { EXPECT_EQ(detail::canonical_url(c.want), c.want) << c.want; }
  }
}

TEST(CanonicalUrl, HostileInputNeverThrows) {
  std::string huge = "https://example.com";
  for (int i = 0; i < 200000; ++i) huge += "/../%%2e.";
  std::string key;
  EXPECT_NO_THROW(key = detail::canonical_url(huge));
  EXPECT_EQ(key.substr(0, 20), "https://example.com/");
  std::mt19937 rng(42);
  static constexpr char kBytes[] = "hts:/?#&=%[]@.:0123456789aA\x00\x7f\xc3\xff utm_";
  const std::string_view alphabet(kBytes, sizeof kBytes - 1);
  for (int n = 0; n < 20000; ++n) {
    std::string s = n % 2 ? "https://" : "";
    for (std::size_t len = rng() % 40; len > 0; --len) s += alphabet[rng() % alphabet.size()];
    std::string k = detail::canonical_url(s);
    EXPECT_TRUE(k.empty() || k.starts_with("https://")) << s;
    (void)detail::resolve_url("http://a/b/c/d;p?q", s);
    (void)detail::resolve_url(s, "../g?x#y");
  }
}

// RFC 3986 section 5.4, base "http://a/b/c/d;p?q".
const Case kResolve[] = {
    // 5.4.1 normal examples
    {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
    {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"}, {"//g", "http://g"},
    {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"}, {"#s", "http://a/b/c/d;p?q#s"},
    {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"}, {";x", "http://a/b/c/;x"},
    {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"}, {"", "http://a/b/c/d;p?q"},
    {".", "http://a/b/c/"}, {"./", "http://a/b/c/"}, {"..", "http://a/b/"},
    {"../", "http://a/b/"}, {"../g", "http://a/b/g"}, {"../..", "http://a/"},
    {"../../", "http://a/"}, {"../../g", "http://a/g"},
    // 5.4.2 abnormal examples
    {"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"}, {"/./g", "http://a/g"},
    {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."}, {".g", "http://a/b/c/.g"},
    {"g..", "http://a/b/c/g.."}, {"..g", "http://a/b/c/..g"}, {"./../g", "http://a/b/g"},
    {"./g/.", "http://a/b/c/g/"}, {"g/./h", "http://a/b/c/g/h"}, {"g/../h", "http://a/b/c/h"},
    {"g;x=1/./y", "http://a/b/c/g;x=1/y"}, {"g;x=1/../y", "http://a/b/c/y"},
    {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g?y/../x", "http://a/b/c/g?y/../x"},
    {"g#s/./x", "http://a/b/c/g#s/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"},
    {"http:g", "http:g"},  // strict parser
};

TEST(ResolveUrl, Rfc3986Examples) {
  for (const Case& c : kResolve)
    EXPECT_EQ(detail::resolve_url("http://a/b/c/d;p?q", c.in), c.want) << "ref: " << c.in;
}

TEST(ResolveUrl, TrimsAndNeedsAnAbsoluteBase) {
  EXPECT_EQ(detail::resolve_url("https://ex.com/feed/rss.xml", "  \tpost/1.html\n"),
            "https://ex.com/feed/post/1.html");
  EXPECT_EQ(detail::resolve_url("https://ex.com/a#top", ""), "https://ex.com/a");
  EXPECT_EQ(detail::resolve_url("https://ex.com", "x"), "https://ex.com/x");
  EXPECT_EQ(detail::resolve_url(" https://ex.com/a/b ", "//cdn.ex.com/x"), "https://cdn.ex.com/x");
  EXPECT_EQ(detail::resolve_url("/relative/base", "x"), "");
  EXPECT_EQ(detail::resolve_url("", "https://ex.com/ok"), "https://ex.com/ok");
}

Post post(std::string id, std::string url, std::string title = {}) {
  Post p;
  p.id = std::move(id);
  p.url = std::move(url);
  p.title = std::move(title);
  return p;
}

Collection of(std::vector<Post> posts, std::vector<Source> sources = {}) {
  Collection c;
  for (Post& p : posts) EXPECT_TRUE(c.add_post(std::move(p)).ok());
  for (Source& s : sources) EXPECT_TRUE(c.add_source(std::move(s)).ok());
  return c;
}

constexpr OnDuplicate kPolicies[] = {OnDuplicate::keep_first, OnDuplicate::replace,
                                     OnDuplicate::merge};

}  // namespace

TEST(MergePolicy, ErrorIsTheOldMerge) {
  Collection a = of({post("x", "https://ex.com/1")}), before = a;
  Collection b = of({post("y", "https://ex.com/2"), post("x", "https://ex.com/9")});
  Collection b_before = b;
  auto r = a.merge(std::move(b), OnDuplicate::error);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::duplicate_id);
  EXPECT_NE(r.error().message.find("'x'"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().field, "id");
  EXPECT_EQ(a, before);
  EXPECT_EQ(b, b_before);
  Status old = a.merge(std::move(b));
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.error().message, r.error().message);
  // A URL match is no duplicate for `error`.
  Collection c = of({post("z", "http://ex.com/1#x")});
  auto ok = a.merge(std::move(c), OnDuplicate::error);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->posts_added, 1u);
  EXPECT_EQ(a.size(), 2u);
  EXPECT_TRUE(c.empty());
  EXPECT_FALSE(a.merge(Collection(), static_cast<OnDuplicate>(42)).ok());
}

TEST(MergePolicy, KeepFirstByIdAndUrl) {
  Collection a = of({post("x", "https://ex.com/story?id=1", "old")}), before = a;
  Collection b = of({post("x", "https://ex.com/other", "by id"),
                     post("y", "http://EX.com/story/?id=1&utm_source=rss#c", "by url"),
                     post("z", "https://ex.com/new", "new")});
  auto r = a.merge(std::move(b), OnDuplicate::keep_first);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kept_first, 2u);
  EXPECT_EQ(r->posts_added, 1u);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a.posts()[0], before.posts()[0]);
  EXPECT_EQ(a.posts()[1].id, "z");
  EXPECT_EQ(a.find_post("y"), nullptr);
}

TEST(MergePolicy, ReplaceKeepsIdAndPlace) {
  Post old = post("x", "https://ex.com/a", "old");
  old.authors = {"A"};
  Collection a = of({old, post("w", "https://ex.com/w")});
  Post fresh = post("y", "https://ex.com/a/", "new");  // same URL, other id
  fresh.body = "text";
  auto r = a.merge(of({fresh}), OnDuplicate::replace);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->replaced, 1u);
  ASSERT_EQ(a.size(), 2u);
  const Post& p = a.posts()[0];
  EXPECT_EQ(p.id, "x");
  EXPECT_EQ(p.title, "new");
  EXPECT_EQ(p.url, "https://ex.com/a/");
  EXPECT_EQ(p.body, "text");
  EXPECT_TRUE(p.authors.empty());
  EXPECT_EQ(a.find_post("y"), nullptr);
  EXPECT_EQ(a.find_post("x"), &a.posts()[0]);
}

TEST(MergePolicy, MergeFieldByField) {
  Post old = post("x", "https://ex.com/a", "old title");
  old.excerpt = "old excerpt";
  old.authors = {"A", "B"};
  old.tags = {"t1"};
  old.posted_on = DateTime(Date(2021, 8, 1));
  old.extra = {{"k1", "1"}, {"k2", "2"}};
  Post fresh = post("x", "", "new title");
  fresh.authors = {"B", "C", "C"};
  fresh.tags = {"t2", "t1"};
  fresh.published_on = DateTime(Date(2021, 7, 31));
  fresh.extra = {{"k2", "\"two\""}, {"k3", "3"}};
  Collection a = of({old});
  auto r = a.merge(of({fresh}), OnDuplicate::merge);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->merged, 1u);
  const Post& p = a.posts()[0];
  EXPECT_EQ(p.title, "new title");
  EXPECT_EQ(p.url, "https://ex.com/a");
  EXPECT_EQ(p.excerpt, "old excerpt");
  EXPECT_EQ(p.authors, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(p.tags, (std::vector<std::string>{"t1", "t2"}));
  EXPECT_EQ(p.posted_on, old.posted_on);
  EXPECT_EQ(p.published_on, fresh.published_on);
  EXPECT_EQ(p.extra, (std::vector<ExtraField>{{"k1", "1"}, {"k2", "\"two\""}, {"k3", "3"}}));
}

TEST(MergePolicy, DuplicatesInsideOther) {
  // A feed lists one item twice (its ids differ, its URL does not); the
  // later listing is the newcomer.
  Post one = post("i1", "https://ex.com/item?utm_campaign=a", "first");
  one.tags = {"a"};
  Post two = post("i2", "http://ex.com/item#comments", "second");
  two.tags = {"b"};
  for (OnDuplicate policy : kPolicies) {
    Collection a;
    auto r = a.merge(of({one, two, post("i3", "")}), policy);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->posts_added, 2u);
    ASSERT_EQ(a.size(), 2u);
    const Post& p = a.posts()[0];
    EXPECT_EQ(p.id, "i1");
    EXPECT_EQ(a.posts()[1].id, "i3");
    if (policy == OnDuplicate::keep_first) { EXPECT_EQ(p, one); }
    if (policy != OnDuplicate::keep_first) { EXPECT_EQ(p.title, "second"); }
    if (policy == OnDuplicate::merge) { EXPECT_EQ(p.tags, (std::vector<std::string>{"a", "b"})); }
  }
}

TEST(MergePolicy, IdBeatsUrlAndEmptyUrlsNeverMatch) {
  Collection a = of({post("x", "https://ex.com/1"), post("y", "https://ex.com/2"),
                     post("e1", ""), post("r1", "/relative")});
  auto r = a.merge(of({post("y", "https://ex.com/1", "to y"), post("e2", ""),
                       post("r2", "/relative")}),
                   OnDuplicate::replace);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(a.find_post("y")->title, "to y");
  EXPECT_EQ(a.find_post("x")->title, "");
  EXPECT_NE(a.find_post("e2"), nullptr);
  EXPECT_NE(a.find_post("r2"), nullptr);
  EXPECT_EQ(r->posts_added + r->replaced, 3u);
}

TEST(MergePolicy, ImportingTwiceChangesNothing) {
  auto feed = [] {
    Post a = post("a", "https://ex.com/a", "A");
    a.authors = {"X"};
    Post a2 = post("a2", "https://ex.com/a?fbclid=9", "A again");
    a2.authors = {"Y"};
    Source s;
    s.id = "ex";
    s.name = "Example";
    return of({a, a2, post("b", "https://ex.com/b", "B")}, {s});
  };
  for (OnDuplicate policy : kPolicies) {
    Collection c = of({post("old", "https://ex.com/old", "Old")});
    ASSERT_TRUE(c.merge(feed(), policy).ok());
    Collection before = c;
    auto r = c.merge(feed(), policy);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(c, before) << int(policy);
    EXPECT_EQ(r->posts_added + r->sources_added, 0u);
    EXPECT_EQ(r->kept_first + r->replaced + r->merged, 4u);
    Collection self = c;
    ASSERT_TRUE(c.merge(std::move(c), policy).ok());
    EXPECT_EQ(c, self);
  }
}

TEST(MergePolicy, Sources) {
  Source old;
  old.id = "kavir";
  old.name = "Kavir";
  old.aliases = {"KV"};
  old.country = "IR";
  Source fresh;
  fresh.id = "kavir";
  fresh.url = "https://kavir.example/";
  fresh.aliases = {"Kavir Daily", "KV"};
  Source other;
  other.id = "other";
  for (OnDuplicate policy : kPolicies) {
    Collection a = of({}, {old});
    auto r = a.merge(of({}, {fresh, other}), policy);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->sources_added, 1u);
    ASSERT_EQ(a.sources().size(), 2u);
    const Source& s = a.sources()[0];
    if (policy == OnDuplicate::keep_first) { EXPECT_EQ(s, old); }
    if (policy == OnDuplicate::replace) { EXPECT_EQ(s, fresh); }
    if (policy == OnDuplicate::merge) {
      EXPECT_EQ(s.name, "Kavir");
      EXPECT_EQ(s.url, fresh.url);
      EXPECT_EQ(s.country, "IR");
      EXPECT_EQ(s.aliases, (std::vector<std::string>{"KV", "Kavir Daily"}));
    }
    EXPECT_NE(a.find_source("other"), nullptr);
  }
}
