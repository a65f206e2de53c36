// The fast path of HTML to text (html_to_text_simple, html_fast.cpp) against
// the gumbo path (html_to_text_gumbo): whenever the fast path accepts a
// fragment its text must be gumbo's, byte for byte. Fragments come from
// combined pieces, from real feed shapes and from a seeded random grammar;
// other tests here check that the fast path accepts the common shapes (so
// the speed-up is real) and declines what it cannot match.
#include <gtest/gtest.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "json/json_internal.hpp"

namespace {

using namespace digest::json_detail;

struct Tally {
  std::size_t total = 0, accepted = 0, mismatched = 0;
};

// Whether the fast path accepted `html`; a text differing from gumbo's
// fails the test (the first few are printed in full).
bool check(const std::string& html, Tally& t) {
  ++t.total;
  std::string fast, slow, err;
  if (!html_to_text_simple(html, fast)) return false;
  ++t.accepted;
  const bool ok = html_to_text_gumbo(html, slow, err);
  if (!ok || fast != slow) {
    if (++t.mismatched <= 10)
      ADD_FAILURE() << "fragment: [" << html << "]\nfast:  [" << fast << "]\ngumbo: ["
                    << slow << "]" << err;
  }
  return true;
}

struct Wrap {
  const char* open;
  const char* close;
};

const Wrap kWraps[] = {
    // inline
    {"<b>", "</b>"}, {"<i>", "</i>"}, {"<em>", "</em>"}, {"<strong>", "</strong>"},
    {"<span class=\"x\">", "</span>"}, {"<a href=\"https://e.example/?a=1&amp;b=2\">", "</a>"},
    {"<a href='x>y' title=t>", "</a>"}, {"<A HREF=\"/p\" rel=\"nofollow\" >", "</A>"},
    {"<u>", "</u>"}, {"<s>", "</s>"}, {"<small>", "</small>"}, {"<sub>", "</sub>"},
    {"<sup>", "</sup>"}, {"<code>", "</code>"}, {"<abbr title=\"t\">", "</abbr>"},
    {"<cite>", "</cite>"}, {"<q>", "</q>"}, {"<mark>", "</mark>"},
    {"<time datetime=\"2024-01-01\">", "</time>"}, {"<font color=red>", "</font>"},
    {"<del>", "</del>"}, {"<ins>", "</ins>"}, {"<bdi>", "</bdi>"}, {"<bdo dir=rtl>", "</bdo>"},
    {"<span\ndata-x='1'\tlang=fa>", "</span >"},
    // blocks
    {"<p>", "</p>"}, {"<p class=\"lead\">", "</p>"}, {"<P>", "</P>"}, {"<p>", ""},
    {"<div>", "</div>"}, {"<h1>", "</h1>"}, {"<h2 id=x>", "</h2>"}, {"<h6>", "</h6>"},
    {"<blockquote>", "</blockquote>"}, {"<ul><li>", "</li></ul>"}, {"<ol><li>", "</ol>"},
    {"<li>", "</li>"}, {"<li>", ""}, {"<dl><dt>t</dt><dd>", "</dd></dl>"}, {"<dd>", ""},
    {"<figure><img src=x.jpg alt=\"a\"><figcaption>", "</figcaption></figure>"},
    {"<section>", "</section>"}, {"<article>", "</article>"}, {"<header>", "</header>"},
    {"<footer>", "</footer>"}, {"<aside>", "</aside>"}, {"<nav>", "</nav>"},
    {"<address>", "</address>"}, {"<center>", "</center>"},
    {"<details><summary>s</summary>", "</details>"}, {"<hgroup>", "</hgroup>"},
    {"<menu>", "</menu>"},
    // void and dropped
    {"<br>", ""}, {"<br/>", ""}, {"<BR />", ""}, {"", "<br>"}, {"<img src=\"a.png\" />", ""},
    {"<hr>", ""}, {"<wbr>", ""},
    {"<iframe src=\"https://v.example/e\" allowfullscreen></iframe>", ""},
    {"<video controls><source src=a.mp4 type=\"video/mp4\">", "</video>"},
    {"<audio>", "</audio>"}, {"<canvas>", "</canvas>"}, {"<embed src=x>", ""},
    // declined: gumbo's alone, still compared when the fast path says yes
    {"<pre>", "</pre>"}, {"<table><tr><td>", "</td></tr></table>"}, {"<script>", "</script>"},
    {"<!-- c -->", ""}, {"<main>", "</main>"}, {"<nobr>", "</nobr>"}, {"<o:p>", "</o:p>"},
    {"<textarea>", "</textarea>"}, {"<span/>", ""}, {"</p>", ""}, {"<p>", "</div>"},
};

const char* const kTexts[] = {
    "word", "Two words", "  spaced   out  ", "line\nbreak\r\nand\ttab", " ", "", "\f",
    "مرحبا بالعالم", "سلام دنیا، می\u200Cخواهم", "東京都の新しい図書館", "Городской совет",
    "Ελληνικά", "emoji 🎉 here", "\u200Fبالعربية\u200E (RTL)", "\u202Bembedded\u202C",
    "nbsp\u00A0raw", "a < b", "x & y", "AT&T", "5 <3", "tail&", "&amp;", "&lt;b&gt;",
    "&quot;q&quot; &apos;s", "&nbsp;", "&rsquo;&lsquo;&ldquo;x&rdquo;", "&hellip;&mdash;&ndash;",
    "&eacute;t&eacute;", "&#233;&#xE9;&#XE9;", "&#x1F600;", "&#8217;", "&#0;", "&#128;",
    "&#x9D;&#x81;", "&#xD800;", "&#x110000;", "&#1114111;", "&#13;x", "&#9;&#32;&#10;",
    "&#160;", "&#65", "&#x41x", "&#1;", "&#xFFFE;", "&#99999999999;", "&#000065;", "&amp",
    "&foo;", "&#;", "&#x;", "&AMP;", "&notin;", "\xC3(", "\x01", "&#x80;&#x9F;",
};

TEST(HtmlFast, CombinedPiecesMatchGumbo) {
  Tally t;
  const std::size_t nw = std::size(kWraps), nt = std::size(kTexts);
  for (const Wrap& w : kWraps)
    for (const char* text : kTexts) check(std::string(w.open) + text + w.close, t);
  const char* const spaces[] = {"", " ", "\n", "\n \t"};
  for (std::size_t i = 0; i < nw; ++i) {
    for (std::size_t j = 0; j < nw; ++j) {
      const Wrap &a = kWraps[i], &b = kWraps[j];
      const std::string text = kTexts[(i * nw + j) % nt];
      // nested, one after the other, and misnested
      check(std::string(a.open) + "a " + b.open + text + b.close + " c" + a.close, t);
      check(std::string(a.open) + text + a.close + spaces[(i + j) % 4] + b.open + "b" +
                b.close, t);
      check(std::string(a.open) + "a" + b.open + "b" + a.close + text + b.close, t);
    }
  }
  std::cout << "[ combined ] " << t.accepted << " of " << t.total
            << " fragments on the fast path\n";
  EXPECT_EQ(t.mismatched, 0u);
  EXPECT_GT(t.total, 15000u);
  EXPECT_GT(t.accepted, t.total / 3);
}

TEST(HtmlFast, EveryReferenceItDecodes) {
  Tally t;
  const char* names =
      "amp nbsp quot lt gt apos rsquo lsquo ldquo rdquo sbquo bdquo hellip mdash ndash laquo "
      "raquo lsaquo rsaquo bull middot copy reg trade deg euro pound yen cent sect para times "
      "divide plusmn frac12 frac14 frac34 shy zwj zwnj lrm rlm thinsp ensp emsp dagger prime "
      "iexcl iquest eacute egrave ecirc euml aacute agrave acirc auml atilde aring aelig ccedil "
      "iacute igrave icirc iuml ntilde oacute ograve ocirc ouml otilde oslash uacute ugrave "
      "ucirc uuml yacute yuml szlig Eacute Egrave Aacute Agrave Auml Ouml Uuml Ccedil Ntilde "
      "Oslash Aring larr rarr";
  std::string name;
  for (const char* p = names;; ++p) {
    if (*p == ' ' || *p == '\0') {
      EXPECT_TRUE(check("x&" + name + ";y &" + name + "; z", t)) << name;
      name.clear();
      if (*p == '\0') break;
    } else {
      name += *p;
    }
  }
  // Numeric references: HTML5's rules for 0, C1 (Windows-1252), surrogates,
  // noncharacters and the out-of-range ones (html.cpp rewrites those).
  std::vector<unsigned long long> values = {0x10FFFF, 0x110000, 0xFFFFFFFFull, 0x1000000A0ull,
                                            99999999999ull, 0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFF};
  for (unsigned v = 0; v <= 0xA0; ++v) values.push_back(v);
  for (unsigned v = 0xD7FE; v <= 0xE001; v += (v == 0xD800 ? 0x7FF : 1)) values.push_back(v);
  for (unsigned long long v : values) {
    for (const char* fmt : {"a&#%llu;b", "a&#x%llx;b", "a&#X%llX b", "a&#%llu", "a&#x%llx"}) {
      char buf[64];
      std::snprintf(buf, sizeof buf, fmt, v);
      EXPECT_TRUE(check(buf, t)) << buf;
    }
  }
  EXPECT_EQ(t.mismatched, 0u);
}

TEST(HtmlFast, CommonFeedShapesTakeTheFastPath) {
  const char* const shapes[] = {
      "<p>The council met on Tuesday &amp; voted to add two crossings.</p>\n<p>Residents asked "
      "for <a href=\"https://news.example/a?x=1&amp;y=2\" target=\"_blank\" rel=\"noopener\">later"
      " departures</a>.</p>",
      "<p><img src=\"https://cdn.example/i.jpg\" alt=\"\" width=\"600\" height=\"400\" /></p><p>"
      "It&#8217;s &#8220;done&#8221; &#8212; finally&#8230;</p><p>The post <a href=\"https://b."
      "example/p\">Title</a> appeared first on <a href=\"https://b.example\">Blog</a>.</p>",
      "<figure class=\"wp-block-image size-large\"><img decoding=\"async\" src=\"x.jpg\" alt=\"A"
      " bridge\" class=\"wp-image-12\"/><figcaption>Photo: <em>Jane Doe</em></figcaption>"
      "</figure>\n<p>Body text.</p>",
      "<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\n<iframe title="
      "\"Video\" width=\"500\" height=\"281\" src=\"https://www.youtube.com/embed/x?feature="
      "oembed\" frameborder=\"0\" allowfullscreen></iframe>\n</div></figure>",
      "<h2>Highlights</h2><ul><li>First point</li><li>Second, <strong>bold</strong></li></ul>"
      "<ol><li>one<li>two</ol><blockquote><p>Quoted words.</p></blockquote>",
      "Short description with a line<br>break and <b>bold</b>, <i>italic</i>, <span style="
      "\"color:red\">span</span> &nbsp;&hellip;",
      "<p dir=\"rtl\">افتتاح مكتبة جديدة في وسط المدينة <a href=\"/ar\">المزيد</a></p>",
      "<p>کتابخانهٔ تازه در مرکز شهر گشایش یافت؛ می‌خواهیم بدانیم&#8230;</p>",
      "<p>新しい灯台は来月から運用を開始する予定です。<br/>見学会も開かれます。</p>",
      "<div><p>Nested</p><p>paragraphs</p></div><hr/><p>After a rule &copy; 2024 &ndash; "
      "Caf&eacute;</p>",
      "<p>Listen: <audio controls src=\"e.mp3\">Your browser does not support audio.</audio></p>",
      "<dl><dt>Term</dt><dd>Definition</dd></dl><h3>Heading <small>sub</small></h3>",
      "Plain text &lt;with&gt; escaped markup &amp; quotes &quot;here&quot;",
      "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Ferry at dawn <a href="
      "\"https://t.co/x\">pic.twitter.com/x</a></p>&mdash; Port (@port) <a href=\"https://"
      "twitter.com/port/status/1\">March 1, 2024</a></blockquote> <script async src=\"https://"
      "platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>",
  };
  for (const char* html : shapes) {
    Tally t;
    EXPECT_TRUE(check(html, t)) << "declined: " << html;
    EXPECT_EQ(t.mismatched, 0u);
  }
}

TEST(HtmlFast, DeclinesWhatOnlyGumboReadsRight) {
  const char* const declined[] = {
      "a<!-- c -->b", "<![CDATA[x]]>", "<?php x ?>", "<script>a<b</script>", "<style>p{}</style >",
      "<template><p>t</p></template>", "<textarea>t</textarea>", "<pre> x</pre>",
      "<table><tr><td>a</td></tr></table>", "<noscript>n</noscript>", "<main>m</main>",
      "<o:p></o:p>", "<my-tag>x</my-tag>", "AT&T", "&notin;", "&amp", "&#;", "&#x;",
      "<p>a\xC3(</p>", "<p>\x01</p>", "<p>\xC2\x85</p>", "<p>\xEF\xB7\x90</p>",
      "<p><b>x<p>y", "<b><p>x</b></p>", "<a href=x><a href=y>z</a></a>", "x</b>", "</p>",
      "<h1><h2>x</h2></h1>", "<li><div>x<li>y", "<span/>", "<p/>", "<br></br>",
      "<a title=\"<b>\">x</a>",
      "<a href=\"x\"title=y>z</a>", "<a href=>x</a>", "a<", "<3", "<iframe>x<b></iframe>",
      "<iframe></iframe >", "<iframe>", "<p class=\"unterminated>x", "<div>x</span></div>",
  };
  for (const char* html : declined) {
    std::string fast, via_api, slow, e1, e2;
    EXPECT_FALSE(html_to_text_simple(html, fast)) << html << " -> " << fast;
    ASSERT_EQ(html_to_text(html, via_api, e1), html_to_text_gumbo(html, slow, e2));
    EXPECT_EQ(via_api, slow) << html;
  }
}

// A random fragment: tags from a pool (some outside the fast path's
// subset), end tags mostly closing what is open, text, references, spaces.
std::string random_fragment(std::mt19937& rng) {
  static const char* const tags[] = {"p", "a", "b", "i", "em", "strong", "span", "br", "img",
                                     "li", "ul", "ol", "div", "h2", "h3", "blockquote", "hr",
                                     "figure", "figcaption", "iframe", "small", "sup", "u",
                                     "script", "style",
                                     "dd", "dt", "dl", "video", "source", "section", "font",
                                     "pre", "table", "td", "main", "nobr", "center", "code"};
  static const char* const attrs[] = {"", " class=\"c\"", " href='h>t'", " id=x", " hidden",
                                      " title=\"a&amp;b\"", " data-x = \"1\"", "/", " /",
                                      " alt=\"<\"", "title=x"};
  static const char* const bits[] = {"text", " ", "\n", "  ", "&amp;", "&nbsp;", "&#8217;",
                                     "&#x41;", "&rsquo;", "مرحبا", "می\u200Cروم", "中文",
                                     "\u200F", "<", "&", "&#150;", "&eacute;", ">", "x y"};
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::vector<std::string> open;
  std::string html;
  const std::size_t tokens = 1 + pick(14);
  for (std::size_t k = 0; k < tokens; ++k) {
    const std::size_t roll = pick(10);
    if (roll < 4) {
      std::string tag = tags[pick(std::size(tags))];
      html += "<" + tag + attrs[pick(std::size(attrs))] + ">";
      if (tag == "iframe" || tag == "script" || tag == "style")
        html += pick(4) ? "</" + tag + ">" : "x</" + tag + " >";
      else open.push_back(tag);
    } else if (roll < 6 && !open.empty()) {
      const std::size_t at = pick(5) ? open.size() - 1 : pick(open.size());
      html += "</" + open[at] + ">";
      open.erase(open.begin() + static_cast<std::ptrdiff_t>(at));
    } else {
      html += bits[pick(std::size(bits))];
    }
  }
  while (!open.empty() && pick(3)) {
    html += "</" + open.back() + ">";
    open.pop_back();
  }
  return html;
}

TEST(HtmlFast, RandomFragmentsMatchGumbo) {
  std::mt19937 rng(20240917);
  Tally t;
  for (int i = 0; i < 20000; ++i) check(random_fragment(rng), t);
  std::cout << "[ random ] " << t.accepted << " of " << t.total
            << " fragments on the fast path\n";
  EXPECT_EQ(t.mismatched, 0u);
  EXPECT_GT(t.accepted, t.total / 5);
}

TEST(HtmlFast, LimitsStayGumbos) {
  Tally t;
  // Deep markup: the fast path stops well before html.cpp's nesting limit,
  // so the limit's error still comes from the gumbo path.
  std::string deep;
  for (int i = 0; i < 1100; ++i) deep += "<span>";
  deep += "x";
  EXPECT_FALSE(check(deep, t));
  std::string out, err;
  EXPECT_FALSE(html_to_text(deep, out, err));
  EXPECT_NE(err.find("nested deeper"), std::string::npos);
  // Enough open formatting elements times start tags makes html.cpp strip
  // the formatting tags before gumbo reads the fragment: same text.
  std::string many;
  for (int i = 0; i < 100; ++i) many += "<b>";
  for (int i = 0; i < 1100; ++i) many += "<p>para " + std::to_string(i) + "</p>";
  for (int i = 0; i < 100; ++i) many += "</b>";
  EXPECT_TRUE(check(many, t));
  EXPECT_EQ(t.mismatched, 0u);
}

}  // namespace
