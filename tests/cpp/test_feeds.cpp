// RSS and Atom import (src/feeds/): mapping of every field a feed reader
// shows, encodings, HTML entities, malformed XML recovered with warnings,
// strict mode, hostile input (XXE, entity expansion, nesting), chunked
// streaming, and detection of XML by content.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "digest/json.hpp"
#include "text/rfc822.hpp"

namespace digest {
namespace {

Collection read(std::string_view xml, ImportOptions o = {}, ImportReport* report = nullptr) {
  Collection c;
  auto r = import_json(c, xml, o);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
  if (r.ok() && report) *report = *r;
  return c;
}

bool has_warning(const ImportReport& r, std::string_view needle) {
  for (const Error& e : r.warnings)
    if (e.message.find(needle) != std::string::npos) return true;
  return false;
}

std::string iso(const std::optional<DateTime>& d) { return d ? d->to_iso() : "-"; }

constexpr std::string_view kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Quayside &amp; Co</title>
  <link>https://quayside.example/news/</link>
  <language>en-GB</language>
  <item>
    <title>Lock gates &lt;b&gt;reopen&lt;/b&gt;</title>
    <link>story/gates</link>
    <guid isPermaLink="false">qs-101</guid>
    <pubDate>Tue, 04 Jun 2024 08:30:00 BST</pubDate>
    <author>desk@quayside.example (Rhea Marsh)</author>
    <dc:creator>Tomas Vell</dc:creator>
    <category>Harbour</category><category> Works </category>
    <description><![CDATA[<p>The gates are <em>open</em>&nbsp;again.</p><p>Boats queue.</p>]]></description>
    <content:encoded><![CDATA[<p>Full text &amp; more.</p>]]></content:encoded>
    <enclosure url="/media/gates.mp3" type="audio/mpeg" length="1234"/>
    <media:content url="https://quayside.example/p.jpg" medium="image"/>
    <comments>https://quayside.example/news/story/gates#c</comments>
  </item>
  <item>
    <title>Second</title>
    <guid>https://quayside.example/news/2</guid>
    <source url="https://coastline.example/rss">Coastline Courier</source>
    <dc:date>2024-06-05T10:00:00+02:00</dc:date>
    <dc:subject>Weather</dc:subject>
  </item>
</channel></rss>)";

TEST(FeedImport, Rss2FieldsAreMapped) {
  ImportReport rep;
  Collection c = read(kRss, {}, &rep);
  EXPECT_EQ(rep.format, JsonFormat::xml_feed);
  ASSERT_EQ(c.size(), 2u);
  ASSERT_EQ(c.sources().size(), 1u);
  const Source& s = c.sources()[0];
  EXPECT_EQ(s.name, "Quayside & Co");
  EXPECT_EQ(s.url, "https://quayside.example/news/");
  EXPECT_EQ(s.id, "quayside.example/news");
  EXPECT_EQ(s.language, "en-GB");
  const Post& p = c.posts()[0];
  EXPECT_EQ(p.id, "qs-101");
  EXPECT_EQ(p.title, "Lock gates reopen");
  EXPECT_EQ(p.url, "https://quayside.example/news/story/gates");  // resolved against the channel
  EXPECT_EQ(iso(p.published_on), "2024-06-04T08:30:00+01:00");
  EXPECT_EQ(p.authors, (std::vector<std::string>{"Rhea Marsh", "Tomas Vell"}));
  EXPECT_EQ(p.tags, (std::vector<std::string>{"Harbour", "Works"}));
  EXPECT_NE(p.excerpt.find("The gates are open"), std::string::npos) << p.excerpt;
  EXPECT_NE(p.excerpt.find("\n\nBoats queue."), std::string::npos) << p.excerpt;  // paragraphs kept
  EXPECT_EQ(p.excerpt.find('<'), std::string::npos);
  EXPECT_EQ(p.body, "Full text & more.");
  EXPECT_EQ(p.source, s.id);
  EXPECT_EQ(p.language, "en-GB");
  bool enclosure = false, comments = false;
  for (const ExtraField& x : p.extra) {
    if (x.name == "enclosures") {
      enclosure = true;
      EXPECT_NE(x.raw_json.find("https://quayside.example/media/gates.mp3"), std::string::npos);
      EXPECT_NE(x.raw_json.find("\"medium\":\"image\""), std::string::npos);
    }
    comments |= x.name == "comments";
  }
  EXPECT_TRUE(enclosure);
  EXPECT_TRUE(comments);
  const Post& q = c.posts()[1];
  EXPECT_EQ(q.url, "https://quayside.example/news/2");  // a permalink guid is the link
  EXPECT_EQ(iso(q.published_on), "2024-06-05T10:00:00+02:00");
  EXPECT_EQ(q.tags, std::vector<std::string>{"Weather"});
  EXPECT_EQ(q.source, "Coastline Courier");  // an aggregator's <source>: the outlet
  EXPECT_EQ(rep.warnings_count, 0u) << (rep.warnings.empty() ? "" : rep.warnings[0].to_string());
}

TEST(FeedImport, AtomFieldsBaseAndXhtml) {
  constexpr std::string_view atom = R"(<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="https://lanterne.example/blog/">
  <title type="html">La &lt;i&gt;Lanterne&lt;/i&gt;</title>
  <link rel="self" href="https://lanterne.example/feed.atom"/>
  <link rel="alternate" type="text/html" href="/"/>
  <id>urn:uuid:5b1c0a3e-0000-4000-8000-000000000001</id>
  <entry xml:base="2024/">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Quai <b>est</b> &amp; ouest</div></title>
    <link rel="related" href="https://elsewhere.example/x"/>
    <link rel="alternate" type="text/html" href="quai"/>
    <link rel="enclosure" type="image/png" href="quai.png" length="99"/>
    <id>tag:lanterne.example,2024:1</id>
    <updated>2024-06-02T12:00:00Z</updated>
    <published>2024-06-01T09:15:00+02:00</published>
    <author><name>Léa Pontmartin</name><email>lea@lanterne.example</email></author>
    <author><email>anon@lanterne.example</email></author>
    <category term="ville" label="La ville"/>
    <summary>Résumé &amp; court</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un &lt;quai&gt; rénové.</p><p>Deux.</p></div></content>
  </entry>
  <entry>
    <title>Sans date de publication</title>
    <id>tag:lanterne.example,2024:2</id>
    <updated>2024-06-03T08:00:00Z</updated>
  </entry>
</feed>)";
  ImportReport rep;
  Collection c = read(atom, {}, &rep);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c.sources()[0].name, "La Lanterne");
  EXPECT_EQ(c.sources()[0].url, "https://lanterne.example/");
  const Post& p = c.posts()[0];
  EXPECT_EQ(p.title, "Quai est & ouest");
  EXPECT_EQ(p.url, "https://lanterne.example/blog/2024/quai");
  EXPECT_EQ(iso(p.published_on), "2024-06-01T09:15:00+02:00");
  EXPECT_EQ(p.authors, (std::vector<std::string>{"Léa Pontmartin", "anon@lanterne.example"}));
  EXPECT_EQ(p.tags, std::vector<std::string>{"ville"});
  EXPECT_EQ(p.excerpt, "Résumé & court");
  EXPECT_NE(p.body.find("Un <quai> rénové."), std::string::npos) << p.body;
  EXPECT_EQ(p.language, "fr");
  const Post& q = c.posts()[1];
  EXPECT_EQ(iso(q.published_on), "2024-06-03T08:00:00Z");  // updated when not published
  EXPECT_TRUE(q.url.empty());  // no alternate link: none, not the id
}

TEST(FeedImport, Rss1RdfAndRss091) {
  constexpr std::string_view rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://moor.example/"><title>Moor Notes</title><link>https://moor.example/</link></channel>
  <item rdf:about="https://moor.example/1"><title>Heather</title><link>https://moor.example/1</link>
    <dc:date>2024-05-01</dc:date><dc:creator>Ivo Brack</dc:creator></item>
</rdf:RDF>)";
  Collection c = read(rdf);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c.posts()[0].title, "Heather");
  EXPECT_EQ(c.posts()[0].id, "https://moor.example/1");  // no guid in RSS 1.0: the link
  EXPECT_EQ(iso(c.posts()[0].published_on), "2024-05-01");
  EXPECT_EQ(c.posts()[0].authors, std::vector<std::string>{"Ivo Brack"});
  // RSS 0.91 with the Netscape DTD: its HTML entities are read, nothing is fetched.
  constexpr std::string_view rss091 = R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Caf&eacute; Notes</title><link>https://cafe.example/</link>
<item><title>Caf&eacute;&nbsp;on Mill Lane &mdash; open</title><link>https://cafe.example/mill</link></item>
</channel></rss>)";
  ImportReport rep;
  c = read(rss091, {}, &rep);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c.sources()[0].name, "Café Notes");
  EXPECT_EQ(c.posts()[0].title, "Café\u00a0on Mill Lane — open");
}

TEST(FeedImport, RssDatesWithNamedZones) {
  struct Case {
    const char* text;
    const char* iso;
  } cases[] = {
      {"Tue, 04 Jun 2024 08:30:00 GMT", "2024-06-04T08:30:00Z"},
      {"Tue, 04 Jun 2024 08:30:00 EST", "2024-06-04T08:30:00-05:00"},
      {"Tue, 04 Jun 2024 08:30:00 EDT", "2024-06-04T08:30:00-04:00"},
      {"Tue, 04 Jun 2024 08:30:00 CET", "2024-06-04T08:30:00+01:00"},
      {"Tue, 04 Jun 2024 08:30:00 CEST", "2024-06-04T08:30:00+02:00"},
      {"Tue, 04 Jun 2024 08:30:00 IRST", "2024-06-04T08:30:00+03:30"},
      {"Tue, 04 Jun 2024 08:30:00 +0330", "2024-06-04T08:30:00+03:30"},
      {"Tue, 04 Jun 2024 08:30:00 -0800", "2024-06-04T08:30:00-08:00"},
      {"4 Jun 2024 08:30 UT", "2024-06-04T08:30:00Z"},
      {"tue, 04 jun 24 08:30:00 gmt", "2024-06-04T08:30:00Z"},
      {"Wednesday, 04 June 1997 08:30:00 PST", "1997-06-04T08:30:00-08:00"},
      {"Tue, 04 Jun 2024 08:30:00", "2024-06-04T08:30:00"},
      {"04 Jun 2024", "2024-06-04"},
      {"Tue, 04 Jun 2024 08:30:00 GMT+2", "2024-06-04T08:30:00+02:00"},
  };
  for (const Case& k : cases) {
    std::string xml = "<rss><channel><title>T</title><item><guid>g</guid><pubDate>" +
                      std::string(k.text) + "</pubDate></item></channel></rss>";
    Collection c = read(xml);
    ASSERT_EQ(c.size(), 1u) << k.text;
    EXPECT_EQ(iso(c.posts()[0].published_on), k.iso) << k.text;
  }
  // Never a wrong date: an impossible day is no date, with a warning.
  ImportReport rep;
  Collection c = read("<rss><channel><item><guid>g</guid><pubDate>Mon, 31 Feb 2024 10:00:00 GMT"
                      "</pubDate></item></channel></rss>",
                      {}, &rep);
  EXPECT_FALSE(c.posts()[0].published_on);
  EXPECT_TRUE(has_warning(rep, "unreadable published date"));
}

TEST(FeedImport, UndeclaredPrefixesAreRead) {
  ImportReport rep;
  Collection c = read("<rss><channel><item><guid>g</guid><dc:creator>Ana Vell</dc:creator>"
                      "<content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></item></channel></rss>",
                      {}, &rep);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c.posts()[0].authors, std::vector<std::string>{"Ana Vell"});
  EXPECT_EQ(c.posts()[0].body, "Body");
  EXPECT_GT(rep.warnings_count, 0u);  // the undeclared prefixes are reported
}

TEST(FeedImport, Rfc822ReaderEdges) {
  using detail::read_rfc822;
  EXPECT_TRUE(read_rfc822("Sun, 17 Mar 2024 18:00:00 +0330").reading.value);
  EXPECT_EQ(read_rfc822("17 Mar 49 10:00 GMT").reading.value->year, 2049);
  EXPECT_EQ(read_rfc822("17 Mar 50 10:00 GMT").reading.value->year, 1950);
  EXPECT_FALSE(read_rfc822("17 Mar 2024 25:00 GMT").reading.value);
  EXPECT_FALSE(read_rfc822("17 Foo 2024").reading.value);
  EXPECT_FALSE(read_rfc822("").reading.value);
  EXPECT_FALSE(read_rfc822("17 Mar 2024 10:00 GMT trailing").reading.value);
  EXPECT_FALSE(read_rfc822("Tue, 04 Jun 2024 08:30:00 +9900").reading.value);
  auto r = read_rfc822("Tue, 04 Jun 2024 08:30:00 XYZ");
  ASSERT_TRUE(r.reading.value);
  EXPECT_TRUE(r.zone_unknown);
  EXPECT_FALSE(r.reading.value->utc_offset_minutes);
}

TEST(FeedImport, LegacyEncodingsDeclaredOrGiven) {
  // "Привет, мир" in Windows-1251 and KOI8-R; "سلام" in Windows-1256.
  const std::string cp1251 = "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0";
  const std::string koi8 = "\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2";
  const std::string cp1256 = "\xd3\xe1\xc7\xe3";
  auto feed = [](const std::string& enc, const std::string& title) {
    std::string decl = enc.empty() ? "" : "<?xml version=\"1.0\" encoding=\"" + enc + "\"?>";
    return decl + "<rss><channel><title>T</title><item><guid>g</guid><title>" + title +
           "</title></item></channel></rss>";
  };
  EXPECT_EQ(read(feed("windows-1251", cp1251)).posts()[0].title, "Привет, мир");
  EXPECT_EQ(read(feed("KOI8-R", koi8)).posts()[0].title, "Привет, мир");
  EXPECT_EQ(read(feed("windows-1256", cp1256)).posts()[0].title, "سلام");
  ImportOptions given;
  given.encoding = "cp1251";
  EXPECT_EQ(read(feed("", cp1251), given).posts()[0].title, "Привет, мир");
  // UTF-16 with a BOM, detected from the bytes.
  std::string utf16 = "\xff\xfe";
  for (unsigned char ch : std::string(feed("UTF-16", "Gr\xfc\xdf" "e"))) {
    utf16 += static_cast<char>(ch);
    utf16 += '\0';
  }
  EXPECT_EQ(read(utf16).posts()[0].title, "Grüße");
  // An unknown encoding given is an error; an unknown one declared is read
  // as UTF-8 with a warning.
  Collection c;
  given.encoding = "x-no-such";
  EXPECT_EQ(import_json(c, feed("", "a"), given).error().code, ErrorCode::invalid_argument);
  ImportReport rep;
  EXPECT_EQ(read(feed("x-no-such", "a"), {}, &rep).posts()[0].title, "a");
  EXPECT_TRUE(has_warning(rep, "unknown encoding"));
}

TEST(FeedImport, InvalidUtf8AndMojibakeAreRepaired) {
  ImportReport rep;
  Collection c = read(
      "<rss><channel><item><guid>g</guid><title>Caf\xe9 cr\xe8me</title></item></channel></rss>",
      {}, &rep);
  EXPECT_EQ(c.posts()[0].title, "Café crème");
  EXPECT_TRUE(has_warning(rep, "Windows-1252"));
  // Persian UTF-8 that went through Windows-1252 on its way.
  c = read("<rss><channel><item><guid>g</guid><title>Ø³Ù„Ø§Ù… Ø¯Ù†ÛŒØ§</title></item></channel></rss>",
           {}, &rep);
  EXPECT_EQ(c.posts()[0].title, "سلام دنیا");
  EXPECT_TRUE(has_warning(rep, "mojibake"));
  // Strict: invalid bytes are an error, nothing imported.
  ImportOptions strict;
  strict.strict = true;
  Collection s;
  auto r = import_json(s, "<rss><channel><item><guid>g</guid><title>Caf\xe9</title></item></channel></rss>",
                       strict);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(s.empty());
}

TEST(FeedImport, MalformedXmlIsRecoveredWithWarnings) {
  ImportReport rep;
  // A stray ampersand, an undefined entity, an unclosed element, a truncated end.
  Collection c = read(
      "<rss><channel><title>A&B</title>\n<item><guid>1</guid><title>Fish &chips; &amp; peas</title>"
      "<description><p>open<br></description></item>\n<item><guid>2</guid><title>Cut",
      {}, &rep);
  ASSERT_GE(c.size(), 1u);
  EXPECT_EQ(c.sources()[0].name, "A&B");
  EXPECT_GT(rep.warnings_count, 0u);
  for (const Error& w : rep.warnings) EXPECT_EQ(w.to_string().find('\n'), std::string::npos);
  // Strict mode: the first XML error fails the import, with its line.
  ImportOptions strict;
  strict.strict = true;
  Collection s;
  auto r = import_json(s, "<rss><channel>\n<item><guid>1</guid><title>a</b></item></channel></rss>",
                       strict);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 2u);
  EXPECT_NE(r.error().message.find("malformed XML"), std::string::npos);
  EXPECT_TRUE(s.empty());
}

TEST(FeedImport, HostileXmlIsHarmless) {
  // External entities are never read, internal ones never expanded.
  const std::string xxe =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>"
      "<rss><channel><item><guid>g</guid><title>a&x;b</title></item></channel></rss>";
  Collection c = read(xxe);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c.posts()[0].title.find("root"), std::string::npos);
  std::string lol = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  for (int i = 1; i < 10; ++i)
    lol += "<!ENTITY a" + std::to_string(i) + " \"" + std::string(10, '&') + "\">";
  lol += "<!ENTITY z \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss><channel><item><guid>g</guid>"
         "<title>&z;</title></item></channel></rss>";
  Collection l;
  auto r = import_json(l, lol);
  if (r.ok()) {
    for (const Post& p : l.posts()) EXPECT_LT(p.title.size(), 100u);
  }
  // Deep nesting: bounded, an error or a recovered feed, never a crash.
  std::string deep = "<rss><channel><item><guid>g</guid><description>";
  for (int i = 0; i < 100000; ++i) deep += "<d>";
  deep += "</description></item></channel></rss>";
  Collection d;
  auto dr = import_json(d, deep);
  if (!dr.ok()) EXPECT_EQ(dr.error().to_string().find('\n'), std::string::npos);
}

TEST(FeedImport, NotAFeedSaysWhatItIs) {
  Collection c;
  auto r = import_json(c, "<!DOCTYPE html>\n<html><head><title>x</title></head></html>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("an HTML page"), std::string::npos);
  r = import_json(c, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("SVG"), std::string::npos);
  r = import_json(c, "%PDF-1.7 ...");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("a PDF file"), std::string::npos);
  ImportOptions rss;
  rss.format = JsonFormat::xml_feed;
  r = import_json(c, "", rss);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("empty"), std::string::npos);
  r = import_json(c, "{\"digestcore\": 1}", rss);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(c.empty());
}

TEST(FeedImport, PollingTwiceWithAPolicyChangesNothing) {
  Collection c = read(kRss);
  const Collection before = c;
  Collection again = c;
  EXPECT_EQ(import_json(again, kRss).error().code, ErrorCode::duplicate_id);
  EXPECT_EQ(again, before);
  for (OnDuplicate policy : {OnDuplicate::keep_first, OnDuplicate::replace, OnDuplicate::merge}) {
    ImportOptions o;
    o.on_duplicate = policy;
    Collection x = before;
    auto r = import_json(x, kRss, o);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(x, before);
    EXPECT_EQ(r->posts_added, 0u);
    EXPECT_EQ(r->sources_added, 0u);
  }
  // The same story under another id but a URL that differs only by
  // tracking parameters and case is the same post.
  std::string moved(kRss);
  moved.replace(moved.find("qs-101"), 6, "qs-999");
  moved.replace(moved.find("<link>story/gates</link>"), 24,
                "<link>HTTPS://Quayside.example/news/story/gates?utm_source=feed</link>");
  ImportOptions merge;
  merge.on_duplicate = OnDuplicate::merge;
  Collection y = before;
  auto r = import_json(y, moved, merge);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(y.size(), before.size());
  EXPECT_EQ(r->posts_added, 0u);
}

TEST(FeedImport, ChunkBoundariesDoNotMatter) {
  // A feed larger than one read chunk, streamed from a file, with
  // references and multi-byte characters cut by the chunk boundary.
  std::string xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>T</title>";
  std::size_t items = 0;
  while (xml.size() < (3u << 20)) {
    xml += "<item><guid>" + std::to_string(items++) +
           "</guid><title>\xcf\xf0\xe8&eacute;&amp;&#1055;<![CDATA[x&y]]></title></item>";
  }
  xml += "</channel></rss>";
  std::string path = testing::TempDir() + "/chunks.xml";
  {
    std::ofstream f(path, std::ios::binary);
    f << xml;
  }
  Collection from_file, from_memory;
  ImportOptions o;
  std::size_t progress = 0;
  o.on_progress = [&](const ImportProgress& p) {
    ++progress;
    EXPECT_LE(p.bytes_read, p.bytes_total);
  };
  ASSERT_TRUE(import_file(from_file, path, o).ok());
  ASSERT_TRUE(import_json(from_memory, xml).ok());
  EXPECT_EQ(from_file, from_memory);
  EXPECT_EQ(from_file.size(), items);
  EXPECT_EQ(from_file.posts()[items - 1].title, "Приé&Пx&y");
  EXPECT_GE(progress, 3u);
  std::remove(path.c_str());
}

TEST(FeedImport, CancelledImportChangesNothing) {
  std::string xml = "<rss><channel>";
  for (int i = 0; i < 60000; ++i) xml += "<item><guid>" + std::to_string(i) + "</guid></item>";
  xml += "</channel></rss>";
  Collection c = read(kRss);
  const Collection before = c;
  ImportOptions o;
  o.should_stop = [] { return true; };
  auto r = import_json(c, xml, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::cancelled);
  EXPECT_EQ(c, before);
}

}  // namespace
}  // namespace digest
